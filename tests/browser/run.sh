#!/usr/bin/env bash
# The raml page in a real browser: builds a database (the sample corpus through `raml ingest`
# plus synthetic fixture events with clusters and conflicting tolls), starts `raml serve
# --port 0`, runs page.test.mjs in Debian's chromium, stops the server.
# Needs: chromium (apt), node + npm (playwright-core is installed here by npm ci).
# Env: RAML (default build/raml), RAML_PAGE_EVENTS (fixture events, default 3000; 50000
# also checks redraw time), CHROMIUM (default /usr/bin/chromium).
# Screenshots go to tests/browser/artifacts/. Prints "page: N passed, N failed".
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
SRC=$(cd "$HERE/../.." && pwd)
RAML=$(realpath "${RAML:-$SRC/build/raml}")
BUILD=$(dirname "$RAML")
EVENTS=${RAML_PAGE_EVENTS:-3000}
ART="$HERE/artifacts"
TMP=$(mktemp -d)
pid=
cleanup() {
    [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    rm -rf "$TMP"
}
trap cleanup EXIT
mkdir -p "$ART"

command -v "${CHROMIUM:-/usr/bin/chromium}" >/dev/null || { echo "browser: chromium missing (apt-get install -y chromium)" >&2; exit 1; }
if [ ! -d "$HERE/node_modules/playwright-core" ]; then
    (cd "$HERE" && npm ci --no-audit --no-fund >/dev/null)
fi

# The fixture generator links against the library of the same build.
cc -std=c17 -O2 -D_GNU_SOURCE -I"$SRC/include" -I"$SRC/src" "$HERE/fixture_db.c" "$BUILD/libraml.a" \
    $(pkg-config --libs libutf8proc sqlite3 libcjson libmicrohttpd libpq) -lm -lpthread \
    -o "$TMP/fixture_db"

DB="$TMP/page.db"
# The real corpus first (its events are few while the coder grows); a failure here is not
# the page's problem, so it only warns.
"$RAML" ingest --db "$DB" "$SRC"/data/samples/*.txt >/dev/null 2>"$TMP/ingest.err" ||
    echo "browser: note: raml ingest of the samples failed: $(tail -1 "$TMP/ingest.err")" >&2
"$RAML" ingest --db "$DB" --jsonl "$SRC/data/samples/multi/reports.jsonl" >/dev/null 2>>"$TMP/ingest.err" || true
"$TMP/fixture_db" "$DB" "$EVENTS" 7 2>"$TMP/fixture.err" || { cat "$TMP/fixture.err" >&2; exit 1; }

"$RAML" serve --db "$DB" --port 0 2>"$TMP/serve.err" &
pid=$!
url=
for _ in $(seq 100); do
    url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$TMP/serve.err" | head -1 || true)
    [ -n "$url" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
done
[ -n "$url" ] || { echo "browser: raml serve did not start:" >&2; cat "$TMP/serve.err" >&2; exit 1; }

set +e
(cd "$HERE" && node page.test.mjs "$url" "$ART")
rc=$?
set -e
exit $rc
