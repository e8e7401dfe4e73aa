#!/usr/bin/env bash
# The hand-written dictionaries pass tools/dictcheck (columns, codes, PLOVER/CAMEO values,
# duplicate forms), and a broken row is reported with its file and line.
set -eu
. "$(dirname "$0")/lib.sh"

if ! command -v python3 >/dev/null; then
  echo "skip: no python3"
  finish
  exit 0
fi
python3 "$RAML_SRC/tools/dictcheck/check.py" "$RAML_DATA" >"$TMP/out" 2>&1 && rc=0 || rc=$?
check "data/ passes dictcheck" test "$rc" -eq 0
check "dictcheck ends with OK" grep -q '^OK$' "$TMP/out"

mkdir -p "$TMP/data"
cp "$RAML_DATA"/*.tsv "$TMP/data/"
printf 'T-ASSAULT-BROKEN\tقصف\tverb\t-\tASSAULT\t-\t999\t4\t-10\t-9\tactive\tbroken on purpose\n' >>"$TMP/data/triggers.tsv"
python3 "$RAML_SRC/tools/dictcheck/check.py" "$TMP/data" >"$TMP/out" 2>&1 && rc=0 || rc=$?
check "a broken trigger row fails dictcheck" test "$rc" -ne 0
check "... with its file and line" grep -q '^triggers.tsv:[0-9]*:' "$TMP/out"
finish
