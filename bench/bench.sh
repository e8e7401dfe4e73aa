#!/usr/bin/env bash
# make bench: throughput and peak memory of each stage on a >= 50 MB corpus built from the
# project's own samples. Figures go to stdout; keep them in bench/RESULTS.md.
set -euo pipefail
RAML=${1:-build/raml}
BUILD=$(dirname "$RAML")
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$HERE/.." && pwd)
CORPUS_DIR=${BENCH_DIR:-$HERE/corpus}
MB=${BENCH_MB:-50}
mkdir -p "$CORPUS_DIR"
CORPUS=$CORPUS_DIR/corpus-${MB}mb.jsonl
[ -s "$CORPUS" ] || python3 "$HERE/make_corpus.py" "$TOP/data/samples" "$CORPUS" "$MB"
SMALL=$CORPUS_DIR/docs-2kb.jsonl
[ -s "$SMALL" ] || python3 "$HERE/make_corpus.py" "$TOP/data/samples" "$SMALL" 20 2000
export RAML_DATA=$TOP/data

# Wall seconds and peak RSS of a command, stdout discarded: "SECONDS MAXRSS_KB"
measure() { /usr/bin/time -f "%e %M" -o "$CORPUS_DIR/.time" "$@" >/dev/null 2>"$CORPUS_DIR/.err" || { cat "$CORPUS_DIR/.err" >&2; return 1; }; cat "$CORPUS_DIR/.time"; }

bytes=$(stat -c %s "$CORPUS")
echo "corpus: $CORPUS ($(awk -v b="$bytes" 'BEGIN{printf "%.1f", b/1e6}') MB, $(wc -l <"$CORPUS") documents)"
echo "machine: $(nproc) cores, $(uname -m), $(${CC:-cc} --version | head -1)"
echo

echo "== dictionary load"
read -r s rss < <(measure "$RAML" code --quiet --jsonl /dev/null)
echo "load: ${s} s (incl. process start), peak RSS $((rss/1024)) MB"

echo "== text stage (read + normalise + tokenise + segment + split), 1 core"
"$BUILD/bench_text" "$CORPUS"

for j in 1 2; do
  echo "== raml code -j $j (end to end, raml.event/1 JSONL to /dev/null)"
  read -r s rss < <(measure "$RAML" code -j "$j" --jsonl "$CORPUS")
  sents=$(sed -n 's/.*documents, \([0-9]*\) sentences.*/\1/p' "$CORPUS_DIR/.err")
  awk -v b="$bytes" -v s="$s" -v n="$sents" -v r="$rss" -v j="$j" \
    'BEGIN{printf "code -j %d: %.2f s, %.1f MB/s, %.0f sentences/s, peak RSS %d MB\n", j, s, b/1e6/s, n/s, r/1024}'
done

if "$RAML" ingest --help >/dev/null 2>&1; then
  echo "== raml ingest (SQLite, 2 KB documents)"
  db=$CORPUS_DIR/bench.db; rm -f "$db" "$db-wal" "$db-shm"
  docs=$(wc -l <"$SMALL")
  # Coding the same documents without storing them: the rest of the ingest time is the store's.
  read -r cs _ < <(measure "$RAML" code -j 1 --jsonl "$SMALL")
  read -r s rss < <(measure "$RAML" ingest --db "$db" --jsonl "$SMALL")
  awk -v s="$s" -v d="$docs" -v r="$rss" 'BEGIN{printf "ingest: %d docs in %.2f s: %.0f docs/s, peak RSS %d MB\n", d, s, d/s, r/1024}'
  awk -v s="$s" -v c="$cs" -v d="$docs" 'BEGIN{printf "  of which coding alone (raml code): %.2f s (%.0f docs/s); storing and clustering: %.2f s\n", c, d/c, s-c}'
  echo "== store alone: 20,000 synthetic 2 KB documents (2 events each), then the API's queries"
  rm -f "$CORPUS_DIR/store-20k.db"*
  "$BUILD/bench_store" 20000 "$CORPUS_DIR/store-20k.db"
  # The 1-million-event database takes minutes to build: made once, kept in bench/corpus/.
  big=$CORPUS_DIR/store-1m.db
  if [ "${BENCH_1M:-0}" = 1 ] || [ -s "$big" ]; then
    echo "== store queries over 1 million events (count + first page of 500)"
    [ -s "$big" ] || "$BUILD/bench_store" 500000 "$big" >/dev/null
    # A database made by an older raml is migrated first (queries open it read-only).
    "$RAML" ingest -q --no-dedup --db "$big" --jsonl /dev/null
    "$BUILD/bench_store" 0 "$big"
  else
    echo "(set BENCH_1M=1 to build the 1-million-event database and time queries on it)"
  fi
fi
