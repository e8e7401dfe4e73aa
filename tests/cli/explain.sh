#!/usr/bin/env bash
# raml explain: tokens, dictionary matches, coder decisions and the events of one sentence,
# on the small fixture dictionaries (so it does not depend on the full data).
set -eu
. "$(dirname "$0")/lib.sh"
FX=${RAML_SRC:-.}/tests/fixtures/lexicon/good

run explain --help;                            check "--help exits 0" test "$rc" -eq 0
check "--help prints usage" grep -q 'usage: raml explain' "$TMP/out"
run explain;                                   check "no sentence exits 1" test "$rc" -eq 1
run explain --date 2020-02-31 "x";             check "bad --date exits 1" test "$rc" -eq 1
run explain --data /nonexistent/dir "قتل";     check "bad --data exits 2" test "$rc" -eq 2
check "bad --data names the file" grep -q 'countries.tsv' "$TMP/err"

run explain --data "$FX" --date 2020-03-15 "قصفت الطائرات التركية مواقع المسلحين."
check "explain exits 0" test "$rc" -eq 0
check "prints tokens with stems" grep -q 'stem=' "$TMP/out"
check "prints the clitics of a token" grep -q '\[al+\]' "$TMP/out"
check "prints dictionary matches" grep -q 'trigger triggers.tsv:T-ASSAULT-QASF' "$TMP/out"
check "prints the demonym match" grep -q 'demonym countries.tsv:TUR' "$TMP/out"
check "prints coder decisions" grep -q 'R-VSO: actor' "$TMP/out"
check "prints a raml.event/1 record" grep -q '"schema":"raml.event/1"' "$TMP/out"
check "the event has the actor code" grep -q '"cameo":"TURMIL"' "$TMP/out"

printf 'اغتيل صحفي عراقي في بغداد.' | "$RAML" explain --data "$FX" - >"$TMP/out" 2>"$TMP/err"
check "reads stdin with -" grep -q 'R-PASSIVE' "$TMP/out"
finish
