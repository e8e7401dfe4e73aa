#!/usr/bin/env bash
# raml code and the global CLI contract: help, version, exit codes, bad input, ordering.
set -eu
. "$(dirname "$0")/lib.sh"

run --help;                 check "--help exits 0" test "$rc" -eq 0
check "--help lists code" grep -q '^  code' "$TMP/out"
run --version;              check "--version" grep -q '^raml [0-9]' "$TMP/out"
run nosuchcommand;          check "unknown command exits 1" test "$rc" -eq 1
for c in code ingest query stats serve eval explain tokens; do
    run "$c" --help;        check "$c --help exits 0" test "$rc" -eq 0
    check "$c --help prints usage" grep -q "usage: raml $c" "$TMP/out"
done
run code;                   check "code without files exits 1" test "$rc" -eq 1
run code --format nope x;   check "unknown format exits 1" test "$rc" -eq 1
run code --date 2017-02-31 x; check "impossible --date exits 1" test "$rc" -eq 1

printf 'قصفت طائرات حربية مواقع لتنظيم الدولة قرب مدينة سرت أمس.\n' >"$TMP/good.txt"
: >"$TMP/empty.txt"
printf 'abc\xff\xfedef' >"$TMP/bad.txt"
run code "$TMP/good.txt" "$TMP/missing.txt" "$TMP/empty.txt" "$TMP/bad.txt"
check "unreadable/empty/invalid input exits 2" test "$rc" -eq 2
check "missing file named" grep -q 'missing.txt: cannot open' "$TMP/err"
check "empty file named" grep -q 'empty.txt: empty file' "$TMP/err"
check "invalid UTF-8 offset named" grep -q 'bad.txt: byte 3' "$TMP/err"
check "good and repaired files still coded" grep -q 'coded 2 documents' "$TMP/err"

printf '{"id":"a","text":"تظاهر مئات الطلاب في تونس."}\n{not json}\n{"id":"b"}\n{"id":"c","text":7}\n\n{"id":"d","text":""}\n' >"$TMP/in.jsonl"
run code --jsonl "$TMP/in.jsonl"
check "bad JSONL lines exit 2" test "$rc" -eq 2
check "bad JSON reported with line" grep -q 'in.jsonl:2: .*not valid JSON' "$TMP/err"
check "missing text reported" grep -q 'in.jsonl:3: no "text" field' "$TMP/err"
check "non-string text reported" grep -q 'in.jsonl:4: "text" is not a string' "$TMP/err"
check "good lines coded" grep -q 'coded 2 documents' "$TMP/err"

# A line without an id is named after the file and line, whatever keys it brings (the fuzzer
# once found a key that shadowed the generated id).
printf '{"text":"اعتقلت الشرطة خمسة أشخاص.","\\u0001id":5}\n' >"$TMP/noid.jsonl"
run code --jsonl "$TMP/noid.jsonl"
check "document without id coded" test "$rc" -eq 0
check "generated id from file and line" grep -q '"noid-1"' "$TMP/out"

# -j N output is identical to -j 1.
for i in $(seq 1 60); do
    printf '{"id":"d%d","text":"قتل %d مدنيين في قصف على بلدة في ريف إدلب يوم الأحد، وتظاهر المئات في بيروت."}\n' "$i" "$i"
done >"$TMP/many.jsonl"
"$RAML" code --quiet -j 1 --jsonl "$TMP/many.jsonl" >"$TMP/j1" 2>/dev/null
"$RAML" code --quiet -j 2 --jsonl "$TMP/many.jsonl" >"$TMP/j2" 2>/dev/null
"$RAML" code --quiet -j 3 --jsonl "$TMP/many.jsonl" >"$TMP/j3" 2>/dev/null
check "-j 2 output identical to -j 1" cmp -s "$TMP/j1" "$TMP/j2"
check "-j 3 output identical to -j 1" cmp -s "$TMP/j1" "$TMP/j3"

# stdin
printf 'اعتقلت الشرطة خمسة أشخاص.' | "$RAML" code --quiet - >"$TMP/stdin.out" 2>"$TMP/stdin.err"
check "stdin accepted" test $? -eq 0
finish
