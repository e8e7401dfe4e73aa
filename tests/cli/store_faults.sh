#!/usr/bin/env bash
# The SQLite store under faults: read-only file and directory, a lock held by another
# process, a full disk, a newer schema, and kill -9 in the middle of an ingest. Each must end
# in exit 3 with a clear message, leave the database consistent (integrity_check, every
# stored document with all its events) and let a re-run finish the job with the same
# counts as an uninterrupted run.
# Needs python3 (corpus) and sqlite3 (checks); the permission cases need root (they run as
# `nobody`) or a non-root user; the disk-full case needs root for a tmpfs mount.
set -eu
. "$(dirname "$0")/lib.sh"
SRC=${RAML_SRC:-.}
command -v sqlite3 >/dev/null && command -v python3 >/dev/null || {
    echo "store_faults: skipped (needs sqlite3 and python3)"
    exit 0
}
RAML=$(cd "$(dirname "$RAML")" && pwd)/$(basename "$RAML")
chmod 755 "$TMP"
python3 "$SRC/tests/fixtures/store/gen_corpus.py" "$SRC/data/samples" 400 >"$TMP/corpus.jsonl"
head -40 "$TMP/corpus.jsonl" >"$TMP/small.jsonl"
tail -5 "$TMP/corpus.jsonl" >"$TMP/more.jsonl"
chmod 644 "$TMP"/*.jsonl

q() { sqlite3 -cmd '.timeout 5000' "$1" "$2"; }
totals() { q "$1" "SELECT (SELECT count(*) FROM documents) || ' ' || (SELECT count(*) FROM events) || ' ' ||
                  (SELECT count(*) FROM clusters) || ' ' || (SELECT count(*) FROM clusters WHERE ndocs > 1)"; }
# Every stored document has exactly the events the reference run stored for it, and no
# event, key or cluster row points at something missing.
consistent() {
    local db=$1 ref=$2
    [ "$(q "$db" 'PRAGMA integrity_check')" = ok ] || { echo "integrity_check failed on $db" >&2; return 1; }
    local bad
    bad=$(q "$db" "ATTACH '$ref' AS r;
        SELECT (SELECT count(*) FROM documents d JOIN r.documents rd ON rd.doc_id = d.doc_id
                WHERE (SELECT count(*) FROM events WHERE doc = d.id) <>
                      (SELECT count(*) FROM r.events WHERE doc = rd.id))
             + (SELECT count(*) FROM events WHERE doc NOT IN (SELECT id FROM documents))
             + (SELECT count(*) FROM event_keys WHERE event NOT IN (SELECT id FROM events))
             + (SELECT count(*) FROM events e WHERE cluster_id IS NOT NULL
                AND cluster_id NOT IN (SELECT id FROM clusters))")
    [ "$bad" = 0 ] || { echo "consistency: $bad bad rows in $db" >&2; return 1; }
}
# The same clustering: every event's cluster (by event id) as in the reference.
same_clusters() {
    local a b
    a=$(q "$1" "SELECT group_concat(event_id || '=' || COALESCE(cluster_id, '-'), ',') FROM (SELECT event_id, cluster_id FROM events ORDER BY event_id)" | md5sum)
    b=$(q "$2" "SELECT group_concat(event_id || '=' || COALESCE(cluster_id, '-'), ',') FROM (SELECT event_id, cluster_id FROM events ORDER BY event_id)" | md5sum)
    [ "$a" = "$b" ]
}
as_other() { if [ "$(id -u)" = 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi; }

# Reference: one uninterrupted run.
run ingest -q --db "$TMP/ref.db" --jsonl "$TMP/corpus.jsonl"
check "reference ingest exits 0" test "$rc" -eq 0
REF_TOTALS=$(totals "$TMP/ref.db")
echo "reference: documents events clusters multi-source = $REF_TOTALS"

# ----- read-only database file and read-only directory -----
mkdir -p "$TMP/rofile" "$TMP/rodir"
run ingest -q --db "$TMP/rofile/x.db" --jsonl "$TMP/small.jsonl"
run ingest -q --db "$TMP/rodir/x.db" --jsonl "$TMP/small.jsonl"
chmod 777 "$TMP/rofile"; chmod 444 "$TMP/rofile/x.db"
chmod 755 "$TMP/rodir"
if [ "$(id -u)" = 0 ]; then chown nobody "$TMP/rodir/x.db"; else chmod 555 "$TMP/rodir"; fi
before=$(totals "$TMP/rofile/x.db")
set +e
as_other "$RAML" ingest --db "$TMP/rofile/x.db" --jsonl "$TMP/more.jsonl" >"$TMP/out" 2>"$TMP/err"; rc=$?
set -e
check "read-only file: exit 3" test "$rc" -eq 3
check "read-only file: says read-only" grep -q 'read-only' "$TMP/err"
check "read-only file: unchanged" test "$(totals "$TMP/rofile/x.db")" = "$before"
set +e
as_other "$RAML" ingest --db "$TMP/rodir/x.db" --jsonl "$TMP/more.jsonl" >"$TMP/out" 2>"$TMP/err"; rc=$?
set -e
check "read-only directory: exit 3" test "$rc" -eq 3
check "read-only directory: says read-only" grep -q 'read-only' "$TMP/err"
set +e
as_other "$RAML" query --db "$TMP/rodir/x.db" --type ASSAULT >"$TMP/out" 2>"$TMP/err"; rc=$?
set -e
check "read-only directory: query still works" test "$rc" -eq 0 -a -s "$TMP/out"
set +e
as_other "$RAML" stats --db "$TMP/rofile/x.db" >"$TMP/out" 2>"$TMP/err"; rc=$?
set -e
check "read-only file: stats works" test "$rc" -eq 0
chmod 755 "$TMP/rodir"

# ----- a lock held by another process -----
DB=$TMP/lock.db
run ingest -q --db "$DB" --jsonl "$TMP/small.jsonl"
mkfifo "$TMP/lockfifo"
hold_lock() {
    sqlite3 "$DB" <"$TMP/lockfifo" >/dev/null 2>&1 &
    holder=$!
    exec 7>"$TMP/lockfifo"
    echo 'BEGIN EXCLUSIVE;' >&7
    for _ in $(seq 100); do # until a writer really is shut out
        sqlite3 -cmd '.timeout 0' "$DB" 'BEGIN IMMEDIATE; ROLLBACK;' >/dev/null 2>&1 || return 0
        sleep 0.05
    done
    return 1
}
release_lock() { echo 'ROLLBACK;' >&7; exec 7>&-; wait "$holder" || true; }
before=$(totals "$DB")
hold_lock
RAML_BUSY_TIMEOUT_MS=800 run ingest --db "$DB" --jsonl "$TMP/more.jsonl"
release_lock
check "locked: exit 3" test "$rc" -eq 3
check "locked: says so" grep -q 'lock' "$TMP/err"
check "locked: nothing written" test "$(totals "$DB")" = "$before"
check "locked: consistent" consistent "$DB" "$TMP/ref.db"
# A short lock (1 s) is waited out with the default busy timeout.
hold_lock
( sleep 1; echo 'ROLLBACK;' >&7 ) &
releaser=$!
run ingest -q --db "$DB" --jsonl "$TMP/more.jsonl"
wait "$releaser"
exec 7>&-
wait "$holder" || true
check "short lock waited out: exit 0" test "$rc" -eq 0
check "short lock waited out: stored" test "$(q "$DB" 'SELECT count(*) FROM documents')" -eq 45

# ----- newer schema -----
cp "$TMP/rofile/x.db" "$TMP/new.db"; chmod 644 "$TMP/new.db"
q "$TMP/new.db" 'UPDATE schema_version SET version = 99' 
run ingest --db "$TMP/new.db" --jsonl "$TMP/more.jsonl"
check "newer schema: ingest exit 3" test "$rc" -eq 3
check "newer schema: says newer" grep -q 'newer' "$TMP/err"
run query --db "$TMP/new.db"
check "newer schema: query exit 3" test "$rc" -eq 3

# ----- disk full -----
if [ "$(id -u)" = 0 ] && mkdir -p "$TMP/full" && mount -t tmpfs -o size=48m tmpfs "$TMP/full" 2>/dev/null; then
    DB=$TMP/full/f.db
    run ingest -q --db "$DB" --jsonl "$TMP/small.jsonl"
    check "disk full: first ingest fits" test "$rc" -eq 0
    dd if=/dev/zero of="$TMP/full/filler" bs=64k 2>/dev/null || true # until ENOSPC
    # leave a little room so the failure comes mid-batch, not at open
    truncate -s -256K "$TMP/full/filler" 2>/dev/null || true
    run ingest --batch 20 --db "$DB" --jsonl "$TMP/corpus.jsonl"
    check "disk full: exit 3" test "$rc" -eq 3
    check "disk full: says why" grep -Eq 'disk is full|write failed' "$TMP/err"
    sed -n 1p "$TMP/err"
    rm -f "$TMP/full/filler"
    check "disk full: consistent after" consistent "$DB" "$TMP/ref.db"
    run ingest -q --db "$DB" --jsonl "$TMP/corpus.jsonl"
    check "disk full: re-run after freeing space exits 0" test "$rc" -eq 0
    check "disk full: re-run ends with the reference counts" test "$(totals "$DB")" = "$REF_TOTALS"
    check "disk full: same clusters as the reference" same_clusters "$DB" "$TMP/ref.db"
    umount "$TMP/full"
else
    echo "store_faults: disk-full case skipped (needs root and a tmpfs mount)"
fi

# ----- kill -9 mid-ingest -----
DB=$TMP/kill.db
"$RAML" ingest -q --batch 10 --db "$DB" --jsonl "$TMP/corpus.jsonl" 2>"$TMP/kill.err" &
ing=$!
n=0
for _ in $(seq 400); do # wait for a few committed batches (about 0.5 s of storing)
    n=$(q "$DB" 'SELECT count(*) FROM documents' 2>/dev/null || echo 0)
    [ "${n:-0}" -ge 30 ] && break
    sleep 0.02
done
kill -9 "$ing" 2>/dev/null || true
wait "$ing" 2>/dev/null || true
n=$(q "$DB" 'SELECT count(*) FROM documents')
echo "kill -9 after $n of 400 documents"
check "killed: some but not all stored" test "$n" -gt 0 -a "$n" -lt 400
check "killed: integrity and every document complete" consistent "$DB" "$TMP/ref.db"
run ingest -q --db "$DB" --jsonl "$TMP/corpus.jsonl"
check "killed: re-run exits 0" test "$rc" -eq 0
check "killed: re-run ends with the reference counts" test "$(totals "$DB")" = "$REF_TOTALS"
check "killed: same clusters as the reference" same_clusters "$DB" "$TMP/ref.db"
check "killed: consistent after re-run" consistent "$DB" "$TMP/ref.db"
check "killed: nothing left to cluster" test "$(q "$DB" 'SELECT count(*) FROM dedup_pending')" -eq 0

finish
