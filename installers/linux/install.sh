#!/bin/sh
# Install Ningbo Social Work Desktop for the current user (no root needed), or remove it again.
#
#   ./install.sh               install into ~/.local (the app in ~/.local/opt/ningbo-sw-desktop,
#                              the command ~/.local/bin/ningbo-sw, menu entry, icon, .nbsync file type)
#   ./install.sh --prefix DIR  install under DIR instead of ~/.local
#   ./install.sh --uninstall   remove what was installed; the database, backups and keys in
#                              ~/.local/share/ningbo-sw-desktop are kept
#
# Run it from the unpacked folder. It never touches the user's data folder.
set -eu

APP=ningbo-sw-desktop
here=$(cd "$(dirname "$0")" && pwd)
prefix="${HOME}/.local"
action=install

while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) prefix=$2; shift 2 ;;
        --prefix=*) prefix=${1#--prefix=}; shift ;;
        --uninstall) action=uninstall; shift ;;
        -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
        *) echo "unknown option: $1 (try --help)" >&2; exit 2 ;;
    esac
done

appdir="$prefix/opt/$APP"
bindir="$prefix/bin"
share="$prefix/share"
sizes="16 32 48 64 128 256"

refresh_caches() {
    # Each tool is optional: desktops rescan on their own, these only make it immediate.
    if command -v update-mime-database >/dev/null 2>&1; then update-mime-database "$share/mime" >/dev/null 2>&1 || true; fi
    if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database "$share/applications" >/dev/null 2>&1 || true; fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$share/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t -f "$share/icons/hicolor" >/dev/null 2>&1 || true
    fi
}

uninstall() {
    rm -rf "$appdir"
    [ -L "$bindir/ningbo-sw" ] && rm -f "$bindir/ningbo-sw"
    rm -f "$share/applications/$APP.desktop" "$share/mime/packages/$APP.xml"
    for s in $sizes; do
        rm -f "$share/icons/hicolor/${s}x${s}/apps/$APP.png" "$share/icons/hicolor/${s}x${s}/mimetypes/application-x-nbsync.png"
    done
    refresh_caches
    echo "Removed $APP. Your data stays in ${XDG_DATA_HOME:-$HOME/.local/share}/$APP"
    echo "已卸载。数据仍保留在 ${XDG_DATA_HOME:-$HOME/.local/share}/$APP"
}

install_app() {
    if [ ! -x "$here/ningbo-sw" ] || [ ! -d "$here/_internal" ]; then
        echo "Run install.sh from the unpacked $APP folder (ningbo-sw and _internal/ are missing here)." >&2
        exit 2
    fi
    case "$appdir" in "$here"|"$here"/*) echo "Unpack the archive somewhere other than $appdir first." >&2; exit 2 ;; esac
    mkdir -p "$appdir" "$bindir" "$share/applications" "$share/mime/packages"
    # Replace the previous version as a whole, so no stale library survives an upgrade.
    rm -rf "$appdir.new"
    mkdir -p "$appdir.new"
    cp -a "$here/ningbo-sw" "$here/_internal" "$here/install.sh" "$here/README.txt" "$appdir.new/"
    cp -a "$here/share" "$appdir.new/"
    rm -rf "$appdir"
    mv "$appdir.new" "$appdir"
    ln -sfn "$appdir/ningbo-sw" "$bindir/ningbo-sw"

    sed "s|@EXEC@|\"$appdir/ningbo-sw\"|g; s|^TryExec=\"\(.*\)\"$|TryExec=\1|" \
        "$here/share/applications/$APP.desktop.in" > "$share/applications/$APP.desktop"
    chmod 644 "$share/applications/$APP.desktop"
    cp "$here/share/mime/packages/$APP.xml" "$share/mime/packages/$APP.xml"
    for s in $sizes; do
        for kind in apps mimetypes; do
            mkdir -p "$share/icons/hicolor/${s}x${s}/$kind"
        done
        cp "$here/share/icons/hicolor/${s}x${s}/apps/$APP.png" "$share/icons/hicolor/${s}x${s}/apps/$APP.png"
        cp "$here/share/icons/hicolor/${s}x${s}/apps/$APP.png" "$share/icons/hicolor/${s}x${s}/mimetypes/application-x-nbsync.png"
    done
    refresh_caches
    if command -v xdg-mime >/dev/null 2>&1; then xdg-mime default "$APP.desktop" application/x-nbsync 2>/dev/null || true; fi

    echo "Installed $APP into $appdir"
    echo "已安装到 $appdir"
    case ":$PATH:" in
        *":$bindir:"*) ;;
        *) echo "Note: $bindir is not on your PATH; the menu entry works regardless. 提示：$bindir 不在 PATH 中。" ;;
    esac
    echo "Check it with / 自检：  $bindir/ningbo-sw self-test"
}

if [ "$action" = uninstall ]; then uninstall; else install_app; fi
