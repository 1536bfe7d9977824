#!/bin/sh
# Re-extract the interface's strings into the .ts files and compile them to .qm.
# Run from anywhere: resources/translations/update.sh  (uses the project's .venv when present)
#
#   ningbo_sw_zh_CN.ts  every string of the interface, in Simplified Chinese
#   ningbo_sw_en.ts     English is the source language, so only the plural forms of the counts
#                       (tr("%n case(s)", "", n) -> "1 case" / "243 cases"); -pluralonly keeps the rest out
#
# lupdate finds self.tr("..."), SomeClass.tr("..."), QCoreApplication.translate("Context", "...") and
# QT_TRANSLATE_NOOP("Context", "..."), each with literal text. It does not see text passed through a
# helper of one's own, and it keeps plural forms only for tr(text, "", n), not for translate(..., n).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin="$root/.venv/bin"
[ -x "$bin/pyside6-lupdate" ] || bin=$(dirname "$(command -v pyside6-lupdate)")
cd "$root"
"$bin/pyside6-lupdate" -locations relative -no-obsolete -target-language zh_CN src/ningbo_sw_desktop/ui/*.py \
    -ts resources/translations/ningbo_sw_zh_CN.ts
"$bin/pyside6-lupdate" -locations relative -no-obsolete -pluralonly -target-language en src/ningbo_sw_desktop/ui/*.py \
    -ts resources/translations/ningbo_sw_en.ts
for ts in resources/translations/ningbo_sw_zh_CN.ts resources/translations/ningbo_sw_en.ts; do
    "$bin/pyside6-lrelease" "$ts" -qm "${ts%.ts}.qm"
    left=$(grep -c 'type="unfinished"' "$ts" || true)
    [ "$left" = 0 ] || echo "$ts: $left unfinished entries (new or changed strings): translate them, then run this again" >&2
done
