#!/usr/bin/env bash
# The PostgreSQL store under faults: server down at start, server gone in the middle of an
# ingest (stopped abruptly by this test), then back. Runs itself under tools/pg-test.sh
# (a throwaway server) when RAML_PG_URL is not set; skips with the reason when there are no
# PostgreSQL server binaries.
set -eu
SRC=${RAML_SRC:-.}
if [ -z "${RAML_PG_DIR:-}" ]; then
    if ! ls -d /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || ! command -v psql >/dev/null; then
        echo "store_pg: skipped (no PostgreSQL server binaries or psql)"
        exit 0
    fi
    exec "$SRC/tools/pg-test.sh" -- bash "$0" "$@"
fi
. "$(dirname "$0")/lib.sh"
RAML=$(cd "$(dirname "$RAML")" && pwd)/$(basename "$RAML")
URL=$RAML_PG_URL
psql_q() { psql -X -q -t -A "$URL" -c "$1"; }
totals() { psql_q "SELECT (SELECT count(*) FROM documents) || ' ' || (SELECT count(*) FROM events) || ' ' ||
                  (SELECT count(*) FROM clusters) || ' ' || (SELECT count(*) FROM clusters WHERE ndocs > 1)"; }
python3 "$SRC/tests/fixtures/store/gen_corpus.py" "$SRC/data/samples" 300 >"$TMP/corpus.jsonl"

# Reference counts: the same corpus into SQLite (both back ends store the same rows).
run ingest -q --db "$TMP/ref.db" --jsonl "$TMP/corpus.jsonl"
REF=$(sqlite3 "$TMP/ref.db" "SELECT (SELECT count(*) FROM documents) || ' ' || (SELECT count(*) FROM events) || ' ' ||
      (SELECT count(*) FROM clusters) || ' ' || (SELECT count(*) FROM clusters WHERE ndocs > 1)")
sqlite3 "$TMP/ref.db" "SELECT d.doc_id || '|' || (SELECT count(*) FROM events WHERE doc = d.id) FROM documents d ORDER BY 1" >"$TMP/ref.per-doc"
echo "reference (SQLite): $REF"

# ----- server down at start -----
"$SRC/tools/pg-test.sh" pause "$RAML_PG_DIR"
run ingest --db "$URL" --jsonl "$TMP/corpus.jsonl"
check "server down: exit 3" test "$rc" -eq 3
check "server down: says it cannot connect" grep -q 'cannot connect to PostgreSQL' "$TMP/err"
run query --db "$URL"
check "server down: query exit 3" test "$rc" -eq 3
"$SRC/tools/pg-test.sh" resume "$RAML_PG_DIR"

# ----- server gone mid-ingest -----
"$RAML" ingest -q --batch 10 --db "$URL" --jsonl "$TMP/corpus.jsonl" >"$TMP/mid.out" 2>"$TMP/mid.err" &
ing=$!
for _ in $(seq 500); do
    n=$(psql_q 'SELECT count(*) FROM documents' 2>/dev/null || echo 0)
    [ "${n:-0}" -ge 30 ] && break
    sleep 0.02
done
"$SRC/tools/pg-test.sh" pause "$RAML_PG_DIR"
set +e
wait "$ing"
mrc=$?
set -e
check "server gone: exit 3" test "$mrc" -eq 3
check "server gone: clear message" grep -q 'PostgreSQL' "$TMP/mid.err"
sed -n 1p "$TMP/mid.err"
"$SRC/tools/pg-test.sh" resume "$RAML_PG_DIR"
n=$(psql_q 'SELECT count(*) FROM documents')
echo "server stopped after $n of 300 documents were committed"
check "server gone: some but not all stored" test "$n" -gt 0 -a "$n" -lt 300
psql_q "SELECT d.doc_id || '|' || (SELECT count(*) FROM events WHERE doc = d.id) FROM documents d ORDER BY 1" >"$TMP/pg.per-doc"
check "server gone: every stored document has all its events" \
    test -z "$(join -t'|' -j1 "$TMP/pg.per-doc" "$TMP/ref.per-doc" | awk -F'|' '$2 != $3')" -a \
         "$(join -t'|' -j1 "$TMP/pg.per-doc" "$TMP/ref.per-doc" | wc -l)" -eq "$n"
run ingest -q --db "$URL" --jsonl "$TMP/corpus.jsonl"
check "server back: re-run exits 0" test "$rc" -eq 0
got=$(totals); [ "$got" = "$REF" ] || echo "PostgreSQL totals: $got" >&2
check "server back: reference counts" test "$got" = "$REF"
check "server back: nothing left to cluster" test "$(psql_q 'SELECT count(*) FROM dedup_pending')" -eq 0
run query --db "$URL" --type ASSAULT --limit 5
check "server back: query works" test "$rc" -eq 0 -a -s "$TMP/out"
finish
