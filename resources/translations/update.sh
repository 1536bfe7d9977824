#!/bin/sh
# Re-extract the interface's strings into the .ts files and compile them to .qm.
# Run from anywhere: resources/translations/update.sh  (uses the project's .venv when present)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin="$root/.venv/bin"
[ -x "$bin/pyside6-lupdate" ] || bin=$(dirname "$(command -v pyside6-lupdate)")
cd "$root"
"$bin/pyside6-lupdate" -locations relative -no-obsolete -target-language zh_CN src/ningbo_sw_desktop/ui/*.py \
    -ts resources/translations/ningbo_sw_zh_CN.ts
"$bin/pyside6-lrelease" resources/translations/ningbo_sw_zh_CN.ts -qm resources/translations/ningbo_sw_zh_CN.qm
