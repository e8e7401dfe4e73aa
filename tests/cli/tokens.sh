#!/usr/bin/env bash
# raml tokens: output formats, offsets, and bad input (invalid UTF-8, binary, empty, huge
# single line, unreadable path) — each reported with file and byte offset, exit 2, and the
# other files still processed.
set -eu
. "$(dirname "$0")/lib.sh"

run tokens --help;             check "--help exits 0" test "$rc" -eq 0
check "--help prints usage" grep -q "usage: raml tokens" "$TMP/out"
run tokens;                    check "no files exits 1" test "$rc" -eq 1
run tokens --bogus x;          check "unknown option exits 1" test "$rc" -eq 1

printf 'قصفت الطائرات مواقع المسلحين في بنغازي يوم 2017/6/4، وقتل ١٢ شخصا.\nوبالإضافة إلى ذلك سيطرت قواتها على البلدة\n' >"$TMP/good.txt"
run tokens "$TMP/good.txt"
check "good file exits 0" test "$rc" -eq 0
check "human output has a sentence line" grep -q '^good sentence 0 ' "$TMP/out"
check "human output shows a date token" grep -q 'date.*2017/6/4' "$TMP/out"
check "human output shows a segmented token" grep -q 'و+ب+ال+اضافه' "$TMP/out"
check "two sentences (line break ends one)" grep -q '^good sentence 1 ' "$TMP/out"

run tokens --json "$TMP/good.txt"
check "json exits 0" test "$rc" -eq 0
check "json: one object per sentence" test "$(wc -l <"$TMP/out")" -eq 2
if command -v python3 >/dev/null; then
    check "json: valid, spans round-trip" python3 - "$TMP/out" "$TMP/good.txt" <<'PY'
import json, sys
text = open(sys.argv[2], encoding="utf-8").read()
b = text.encode("utf-8")
for line in open(sys.argv[1], encoding="utf-8"):
    s = json.loads(line)
    assert s["doc_id"] == "good"
    assert text[s["start"]:s["end"]].encode() == b[s["bstart"]:s["bend"]]
    for t in s["tokens"]:
        assert text[t["start"]:t["end"]] == t["text"], t
        assert b[t["bstart"]:t["bend"]].decode() == t["text"], t
        assert set(t) >= {"text", "norm", "stem", "proclitics", "enclitic", "kind"}
        if t["text"] == "قواتها":
            assert t["stem"] == "قوات" and t["enclitic"] == "ها", t
        if t["text"] == "١٢":
            assert t["kind"] == "number" and t["value"] == 12, t
PY
fi

# stdin and --jsonl input
printf 'اعتقلت الشرطة خمسة أشخاص.' | "$RAML" tokens --json - >"$TMP/stdin.out" 2>"$TMP/stdin.err"
check "stdin accepted" test $? -eq 0
check "stdin doc id" grep -q '"doc_id":"stdin"' "$TMP/stdin.out"
printf '{"id":"a","text":"تظاهر مئات الطلاب."}\n{broken\n' >"$TMP/in.jsonl"
run tokens --jsonl --json "$TMP/in.jsonl"
check "jsonl bad line exits 2" test "$rc" -eq 2
check "jsonl good doc printed" grep -q '"doc_id":"a"' "$TMP/out"
check "jsonl bad line named" grep -q 'in.jsonl:2' "$TMP/err"

# bad inputs: every file still processed, exit 2
printf 'abc\xff\xfedef قصف\n' >"$TMP/bad.txt"
: >"$TMP/empty.txt"
head -c 20000 /dev/zero >"$TMP/zeros.bin"
head -c 30000 /dev/urandom >"$TMP/random.bin"
run tokens "$TMP/bad.txt" "$TMP/missing.txt" "$TMP/empty.txt" "$TMP/zeros.bin" "$TMP/random.bin" "$TMP/good.txt"
check "bad inputs exit 2" test "$rc" -eq 2
check "invalid UTF-8 named with byte offset" grep -q 'bad.txt: byte 3: invalid UTF-8 sequence (replaced with U+FFFD)' "$TMP/err"
check "missing file named" grep -q 'missing.txt: cannot open' "$TMP/err"
check "empty file named" grep -q 'empty.txt: empty file' "$TMP/err"
check "binary file summarised" grep -q 'zeros.bin: .* more problems' "$TMP/err"
check "binary file: few lines" test "$(grep -c 'zeros.bin' "$TMP/err")" -le 5
check "random file: few lines" test "$(grep -c 'random.bin' "$TMP/err")" -le 5
check "repaired file still tokenised" grep -q '^bad sentence 0' "$TMP/out"
check "good file after bad ones processed" grep -q '^good sentence 0' "$TMP/out"

# data/clitic_words.tsv: hunspell words that news writes as clitic + word are cut
printf 'انسحبت وحدات تابعة للقوات الحكومية ولقوات الأمن بجيش من المرتزقة\n' >"$TMP/clitic.txt"
run tokens "$TMP/clitic.txt"
check "للقوات is ل+ال+قوات" grep -q 'للقوات.*ل+ال+قوات' "$TMP/out"
check "ولقوات is و+ل+قوات" grep -q 'ولقوات.*و+ل+قوات' "$TMP/out"
check "بجيش is ب+جيش" grep -q 'بجيش.*ب+جيش' "$TMP/out"
mkdir -p "$TMP/data"
cp "$RAML_DATA"/*.tsv "$TMP/data/"
printf 'لقوات\tب+قوات\tcut that does not spell the word\n' >>"$TMP/data/clitic_words.tsv"
RAML_DATA="$TMP/data" run tokens "$TMP/clitic.txt"
check "a wrong cut in clitic_words.tsv is reported with file and line" \
  grep -q "clitic_words.tsv:[0-9]*: cut 'ب+قوات'" "$TMP/err"
cp "$RAML_DATA/clitic_words.tsv" "$TMP/data/clitic_words.tsv"
printf 'وززززت\tو+ززززت\ta rest that is no word\n' >>"$TMP/data/clitic_words.tsv"
RAML_DATA="$TMP/data" run tokens "$TMP/clitic.txt"
check "a cut whose rest is no known word is reported with file and line" \
  grep -q "clitic_words.tsv:[0-9]*: 'ززززت' after the clitic is no word" "$TMP/err"
rm -rf "$TMP/data"

# a single 100 MB line (Arabic words, no newline, no punctuation)
yes 'قصفت الطائرات مواقع المسلحين قرب المدينة' | tr '\n' ' ' | head -c 100000000 >"$TMP/huge.txt"
start=$(date +%s)
run tokens --json "$TMP/huge.txt"
end=$(date +%s)
check "100 MB line: exit 0 or 2 (cut mid-character), no crash" test "$rc" -le 2
check "100 MB line: sentences capped at 80 tokens" test "$(head -1 "$TMP/out" | grep -o '"kind"' | wc -l)" -le 80
check "100 MB line: finished in under 120 s" test $((end - start)) -lt 120
rm -f "$TMP/huge.txt" "$TMP/out"
finish
