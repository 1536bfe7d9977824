#!/bin/sh
# Build the Linux package: the one-folder app (PyInstaller), its menu entry, icons and .nbsync file type,
# and install.sh, packed as dist/ningbo-sw-desktop-<version>-linux-x86_64.tar.gz.
#
#   installers/linux/build.sh            build and pack
#   installers/linux/build.sh --test     ... then run the packed app's self-test (offscreen Qt)
#   installers/linux/build.sh --deb      ... and also make dist/ningbo-sw-desktop_<version>_amd64.deb
#
# Uses the project's virtualenv (VENV, default .venv) with the build extra: pip install -e '.[build]'.
# Run from anywhere; works in a checkout without network access.
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
venv=${VENV:-$root/.venv}
python="$venv/bin/python"
APP=ningbo-sw-desktop
run_test=no
make_deb=no
for arg in "$@"; do
    case "$arg" in
        --test) run_test=yes ;;
        --deb) make_deb=yes ;;
        -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
        *) echo "unknown option: $arg (try --help)" >&2; exit 2 ;;
    esac
done

if [ ! -x "$venv/bin/pyinstaller" ]; then
    echo "PyInstaller is missing: $venv/bin/pip install -e '$root[build]'" >&2
    exit 2
fi
version=$("$python" -c "import ningbo_sw_desktop; print(ningbo_sw_desktop.__version__)")
arch=$(uname -m)
name="$APP-$version-linux-$arch"
work="$root/build/linux"
stage="$work/$name"
mkdir -p "$root/dist"

echo "== PyInstaller one-folder build ($version, $arch)"
started=$(date +%s)
"$venv/bin/pyinstaller" --noconfirm --log-level WARN \
    --distpath "$work/dist" --workpath "$work/pyinstaller" \
    "$root/installers/pyinstaller/ningbo_sw_desktop.spec"
built=$(date +%s)

echo "== Staging $name"
rm -rf "$stage"
mv "$work/dist/$APP" "$stage"
linux="$root/installers/linux"
icons="$root/resources/icons"
install -m 755 "$linux/install.sh" "$stage/install.sh"
install -m 644 "$linux/README.txt" "$stage/README.txt"
install -D -m 644 "$linux/$APP.desktop.in" "$stage/share/applications/$APP.desktop.in"
install -D -m 644 "$linux/$APP-mime.xml" "$stage/share/mime/packages/$APP.xml"
for s in 16 32 48 64 128 256; do
    install -D -m 644 "$icons/ningbo-sw-$s.png" "$stage/share/icons/hicolor/${s}x${s}/apps/$APP.png"
done

# The newest glibc symbol any bundled binary uses: the oldest system the package runs on.
glibc=$(find "$stage" -type f \( -name '*.so*' -o -name ningbo-sw \) -exec objdump -T {} + 2>/dev/null \
    | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -u -t. -k1,1n -k2,2n -k3,3n | tail -1)
printf '\nThis build needs glibc %s or newer (ldd --version shows yours).\n本版本需要 glibc %s 或更新版本（用 ldd --version 查看）。\n' \
    "$glibc" "$glibc" >> "$stage/README.txt"

echo "== Packing dist/$name.tar.gz"
tar -C "$work" --owner=0 --group=0 -czf "$root/dist/$name.tar.gz" "$name"
packed=$(date +%s)

size_kib=$(du -sk "$stage" | cut -f1)
echo "App folder: $((size_kib / 1024)) MiB; archive: $(du -k "$root/dist/$name.tar.gz" | cut -f1) KiB"
echo "Build: $((built - started)) s, staging and packing: $((packed - built)) s"
echo "Runs on Linux with glibc >= $glibc (set by this build machine; build on the oldest system to support)"

if [ "$run_test" = yes ]; then
    echo "== Self-test of the packed app"
    check=$(mktemp -d)
    tar -C "$check" -xzf "$root/dist/$name.tar.gz"
    status=0
    QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} NINGBO_SW_DATA="$check/data" "$check/$name/ningbo-sw" self-test || status=$?
    rm -rf "$check"
    [ "$status" -eq 0 ] || { echo "Self-test failed (exit $status)" >&2; exit "$status"; }
fi

if [ "$make_deb" = yes ]; then
    sh "$linux/make_deb.sh" "$stage" "$version" "$root/dist" "$glibc"
fi
echo "Done: $root/dist/$name.tar.gz"
