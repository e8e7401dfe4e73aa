#!/usr/bin/env bash
# raml ingest / query / stats end to end on SQLite: usage errors, idempotent re-ingest,
# bad JSONL lines, formats, storage errors.
set -eu
. "$(dirname "$0")/lib.sh"
DB=$TMP/s.db
printf '{"id":"a","text":"قصفت طائرات حربية مواقع قرب مدينة سرت أمس.","date":"2019-08-05"}\n{bad\n{"id":"b","text":"تظاهر مئات الطلاب في تونس.","date":"2019-08-05"}\n' >"$TMP/in.jsonl"

run ingest --jsonl "$TMP/in.jsonl";            check "ingest without --db exits 1" test "$rc" -eq 1
run query;                                    check "query without --db exits 1" test "$rc" -eq 1
run query --db "$DB" --near 1,2;              check "bad --near exits 1" test "$rc" -eq 1
run query --db "$TMP/none.db";                check "missing db exits 3" test "$rc" -eq 3
run ingest --db "$DB" --jsonl "$TMP/in.jsonl"
check "bad line exits 2" test "$rc" -eq 2
check "bad line reported" grep -q 'in.jsonl:2' "$TMP/err"
check "summary line" grep -q 'ingested 2 documents (2 new, 0 unchanged)' "$TMP/err"
run ingest --db "$DB" --jsonl "$TMP/in.jsonl"
check "re-ingest unchanged" grep -q 'ingested 2 documents (0 new, 2 unchanged)' "$TMP/err"
run query --db "$DB";                         check "query exits 0" test "$rc" -eq 0
run query --db "$DB" --format geojson;        check "geojson query" grep -q FeatureCollection "$TMP/out"
run query --db "$DB" --format acled;          check "acled header" grep -q '^event_id_cnty,' "$TMP/out"
run query --db "$DB" --text سرت;              check "text query exits 0" test "$rc" -eq 0
# A type list is the union of its types.
run query --db "$DB" --type ASSAULT;          na=$(wc -l <"$TMP/out")
run query --db "$DB" --type PROTEST;          np=$(wc -l <"$TMP/out")
run query --db "$DB" --type ASSAULT,PROTEST
check "type list exits 0" test "$rc" -eq 0
check "type list is the union" test "$(wc -l <"$TMP/out")" -eq $((na + np))
check "type list finds something" test $((na + np)) -gt 0
run stats --db "$DB" --json;                  check "stats json" grep -q '"documents":2' "$TMP/out"
run stats --db "$DB";                         check "stats table" grep -q '^documents' "$TMP/out"
: >"$TMP/ro.db"; chmod 444 "$TMP/ro.db"
if [ "$(id -u)" != 0 ]; then
    run ingest --db "$TMP/ro.db" --jsonl "$TMP/in.jsonl"; check "read-only db exits 3" test "$rc" -eq 3
fi
run ingest --db postgresql://nobody@127.0.0.1:1/x --jsonl "$TMP/in.jsonl"
check "unreachable PostgreSQL exits 3" test "$rc" -eq 3
finish
