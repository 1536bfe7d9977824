#!/bin/sh
# Make a .deb from the staged one-folder app (called by build.sh --deb; needs dpkg-deb, no root).
#
#   make_deb.sh STAGE_DIR VERSION OUT_DIR GLIBC_VERSION
#
# Layout: /opt/ningbo-sw-desktop (the app), /usr/bin/ningbo-sw, the menu entry, icons and the .nbsync
# MIME type under /usr/share. No maintainer scripts: dpkg's file triggers of shared-mime-info,
# desktop-file-utils and the icon cache refresh the desktop's databases. Removing the package never
# touches users' data in ~/.local/share/ningbo-sw-desktop.
set -eu

stage=$1
version=$2
out=$3
glibc=${4:-2.28}
APP=ningbo-sw-desktop
linux=$(cd "$(dirname "$0")" && pwd)
root="$(dirname "$stage")/deb-root"
deb="$out/${APP}_${version}_amd64.deb"

rm -rf "$root"
mkdir -p "$root/DEBIAN" "$root/opt/$APP" "$root/usr/bin" "$root/usr/share/applications" \
    "$root/usr/share/mime/packages" "$root/usr/share/doc/$APP"
cp -a "$stage/ningbo-sw" "$stage/_internal" "$root/opt/$APP/"
ln -s "/opt/$APP/ningbo-sw" "$root/usr/bin/ningbo-sw"
sed 's|@EXEC@|/usr/bin/ningbo-sw|g' "$stage/share/applications/$APP.desktop.in" > "$root/usr/share/applications/$APP.desktop"
cp "$stage/share/mime/packages/$APP.xml" "$root/usr/share/mime/packages/$APP.xml"
for s in 16 32 48 64 128 256; do
    src="$stage/share/icons/hicolor/${s}x${s}/apps/$APP.png"
    install -D -m 644 "$src" "$root/usr/share/icons/hicolor/${s}x${s}/apps/$APP.png"
    install -D -m 644 "$src" "$root/usr/share/icons/hicolor/${s}x${s}/mimetypes/application-x-nbsync.png"
done

cat > "$root/usr/share/doc/$APP/copyright" <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: Ningbo Social Work Desktop

Files: *
License: MIT
Comment: The application. Bundled parts keep their own licences, listed below and in Help > About.

Files: opt/$APP/_internal/ningbo_sw_desktop/resources/fonts/*
Copyright: 2008-2009, The WenQuanYi Project Board of Trustees
License: Apache-2.0 or GPL-3+ with Font exception
Comment: Full text in /opt/$APP/_internal/ningbo_sw_desktop/resources/fonts/LICENSE-wqy-microhei.txt

Files: opt/$APP/_internal/PySide6/* opt/$APP/_internal/shiboken6/* opt/$APP/_internal/libQt6* opt/$APP/_internal/libpyside6* opt/$APP/_internal/libshiboken6*
Copyright: The Qt Company Ltd.
License: LGPL-3
Comment: Qt 6 and Qt for Python, used unmodified as separate, replaceable libraries.
 On Debian systems the licence is in /usr/share/common-licenses/LGPL-3.

Files: opt/$APP/_internal/reportlab/*
License: BSD-3-Clause

Files: opt/$APP/_internal/cryptography/* opt/$APP/_internal/pypdfium2*
License: Apache-2.0 or BSD-3-Clause

Files: opt/$APP/_internal/libpython* opt/$APP/_internal/python3*
License: PSF-2.0
EOF
printf '%s (%s) stable; urgency=medium\n\n  * Release %s.\n\n -- Ningbo Social Work Desktop <noreply@localhost>  %s\n' \
    "$APP" "$version" "$version" "$(date -R)" | gzip -9n > "$root/usr/share/doc/$APP/changelog.gz"

# Policy: directories 755, files 644, executables (and nothing else) 755.
find "$root" -type d -exec chmod 755 {} +
find "$root" -type f -exec chmod 644 {} +
chmod 755 "$root/opt/$APP/ningbo-sw"

size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
cat > "$root/DEBIAN/control" <<EOF
Package: $APP
Version: $version
Architecture: amd64
Maintainer: Ningbo Social Work Desktop <noreply@localhost>
Installed-Size: $size
Depends: libc6 (>= $glibc), libgl1, libegl1, libfontconfig1, libfreetype6, libglib2.0-0 | libglib2.0-0t64,
 libdbus-1-3, libx11-6, libx11-xcb1, libxcb1
Recommends: libcups2 | libcups2t64
Suggests: ibus-libpinyin | ibus-pinyin
Section: misc
Priority: optional
Description: offline casework for community social-work offices in Ningbo
 宁波社工桌面. Social workers register clients and open cases, log home visits and
 follow-ups, keep elderly-club rosters and attendance, print case summaries, and carry
 their work to supervisors in signed, encrypted sync bundles (.nbsync). Runs on one
 local SQLite database with no network. Check an installation with: ningbo-sw self-test
EOF

mkdir -p "$out"
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "Made $deb ($(du -k "$deb" | cut -f1) KiB)"
