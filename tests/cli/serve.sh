# raml serve: the JSON API over a small store, on a free loopback port (no browser needed).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
SRC=${RAML_SRC:-.}
if ! command -v curl >/dev/null; then
    echo "serve: skipped (curl missing)"
    exit 0
fi

# Usage and start-up errors come before any socket is opened.
run serve
check "no --db is a usage error" [ "$rc" -eq 1 ]
run serve --db "$TMP/missing.db" --port 0
check "missing database exits 3" [ "$rc" -eq 3 ]
check "missing database is explained" grep -q "missing.db" "$TMP/err"
echo "not a database" >"$TMP/junk.db"
run serve --db "$TMP/junk.db" --port 0
check "a file that is not a store exits 3" [ "$rc" -eq 3 ]
run serve --db "$TMP/x.db" --port 70000
check "bad port is a usage error" [ "$rc" -eq 1 ]
run serve --db "$TMP/x.db" --host example.org
check "a host name is refused (numeric only)" [ "$rc" -ne 0 ]

# A store with documents: the sample corpus through ingest, plus fixture events when the
# library of this build is at hand (a fixed, known content for the assertions).
DB="$TMP/s.db"
BUILD=$(dirname "$RAML")
FIXTURE=0
fixture_cc() {
    cc -std=c17 -O1 -D_GNU_SOURCE -I"$SRC/include" -I"$SRC/src" "$SRC/tests/browser/fixture_db.c" \
        "$BUILD/libraml.a" $(pkg-config --libs libutf8proc sqlite3 libcjson libmicrohttpd libpq) \
        -lm -lpthread -o "$TMP/fixture_db" "$@" 2>/dev/null
}
# A sanitizer build's library needs the sanitizer runtime at link time too.
if [ -f "$BUILD/libraml.a" ] && command -v cc >/dev/null &&
    { fixture_cc || fixture_cc -fsanitize=address,undefined; } &&
    "$TMP/fixture_db" "$DB" 300 3 2>/dev/null; then
    FIXTURE=1
else
    echo "serve: note: fixture database not built; using the sample corpus" >&2
    "$RAML" ingest --db "$DB" "$SRC"/data/samples/*.txt >/dev/null 2>&1 || true
fi

"$RAML" serve --db "$DB" --port 0 2>"$TMP/serve.err" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$TMP"' EXIT
url=
for _ in $(seq 150); do
    url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$TMP/serve.err" | head -1 || true)
    [ -n "$url" ] && break
    kill -0 $pid 2>/dev/null || break
    sleep 0.1
done
check "server starts on a free port and prints its URL" [ -n "$url" ]
[ -n "$url" ] || { cat "$TMP/serve.err" >&2; finish; exit 1; }

# status URL → HTTP status; the body is left in $TMP/body, headers in $TMP/head.
status() { curl -s -o "$TMP/body" -D "$TMP/head" -w '%{http_code}' "$@"; }
json_ok() { python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$TMP/body" 2>/dev/null || grep -q '^{' "$TMP/body"; }
field() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$TMP/body" "$1"; }

check "GET /api/events is 200" [ "$(status "$url/api/events")" = 200 ]
check "events answer is JSON" json_ok
check "events has total/offset/limit/events" grep -q '"total":.*"offset":0,"limit":100' "$TMP/body"
check "content type is JSON" grep -qi '^content-type: application/json' "$TMP/head"
if [ "$FIXTURE" = 1 ] && command -v python3 >/dev/null; then
    check "total counts every stored event" [ "$(field 'd["total"]')" = 300 ]
    status "$url/api/events?limit=7&offset=5&type=ASSAULT" >/dev/null
    check "limit is honoured" [ "$(field 'len(d["events"])')" = 7 ]
    check "type filter" [ "$(field 'set(e["event"]["plover_type"] for e in d["events"])')" = "{'ASSAULT'}" ]
    check "type filter narrows total" [ "$(field 'd["total"]')" -lt 300 ]
    status "$url/api/events?country=LBY&from=2017-01&to=2018&limit=5000" >/dev/null
    check "country + date range" [ "$(field 'all(e["location"]["country_iso3"]=="LBY" and "2017-01-01"<=e["date"]["value"]<="2018-12-31" for e in d["events"]) and d["total"]==len(d["events"])>0')" = True ]
    status "$url/api/events?near=32.767,22.637,60&limit=5000" >/dev/null
    check "near filter keeps Derna only" [ "$(field 'set(e["location"]["resolved_name"] for e in d["events"])')" = "{'Derna'}" ]
    status "$url/api/events?place=Benghazi&limit=0" >/dev/null
    check "place filter" [ "$(field 'd["total"]>0')" = True ]
    doc=$(status "$url/api/events?limit=1" >/dev/null; field 'd["events"][0]["doc"]["doc_id"]')
    check "GET /api/docs/ID is 200" [ "$(status "$url/api/docs/$doc")" = 200 ]
    check "document has text and events" [ "$(field 'len(d["text"])>0 and len(d["events"])>0 and d["id"]=="'"$doc"'"')" = True ]
    check "trigger span indexes the text in code points" [ "$(field 'all(d["text"][e["trigger"]["start"]:e["trigger"]["end"]]==e["trigger"]["text"] for e in d["events"])')" = True ]
    check "GET /api/clusters is 200" [ "$(status "$url/api/clusters?limit=3")" = 200 ]
    cid=$(field 'd["clusters"][0]["cluster_id"]')
    check "GET /api/clusters/ID is 200" [ "$(status "$url/api/clusters/$cid")" = 200 ]
    check "GET /api/points is 200" [ "$(status "$url/api/points?type=ASSAULT")" = 200 ]
    check "points are [lat,lon,type,...]" [ "$(field 'all(p[2]=="ASSAULT" and -90<=p[0]<=90 for p in d["points"]) and d["count"]==len(d["points"])>0')" = True ]
fi
check "GET /api/stats is 200" [ "$(status "$url/api/stats")" = 200 ]
check "stats has by_type" grep -q '"by_type"' "$TMP/body"
check "export acled is 200" [ "$(status "$url/api/export?format=acled&type=ASSAULT")" = 200 ]
check "export acled is CSV" grep -qi '^content-type: text/csv' "$TMP/head"
check "export is a download" grep -qi '^content-disposition: attachment; filename="raml-events-.*\.csv"' "$TMP/head"
check "export has the ACLED header" grep -q '^event_id_cnty,' "$TMP/body"
check "export geojson is 200" [ "$(status "$url/api/export?format=geojson")" = 200 ]
check "export geojson is a FeatureCollection" grep -q '"FeatureCollection"' "$TMP/body"

for bad in "limit=abc" "limit=5001" "limit=-1" "offset=x" "from=2017-13-01" "to=2017-02-30" "near=x" \
    "near=91,0,10" "near=1,2" "type=BOMB" "country=libya" "format=pdf"; do
    ep=/api/events
    [ "$bad" = "format=pdf" ] && ep=/api/export
    check "400 on $bad" [ "$(status "$url$ep?$bad")" = 400 ]
    check "400 body names the parameter ($bad)" grep -q "\"error\":\"${bad%%=*}" "$TMP/body"
done
check "404 on unknown API path" [ "$(status "$url/api/nope")" = 404 ]
check "404 is JSON" grep -q '"error"' "$TMP/body"
check "404 on unknown document" [ "$(status "$url/api/docs/no-such-doc")" = 404 ]
check "404 on unknown file" [ "$(status "$url/nope.html")" = 404 ]
check "405 on POST" [ "$(status -X POST -d 'x=1' "$url/api/events")" = 405 ]
check "405 names GET in Allow" grep -qi '^allow: GET' "$TMP/head"
check "405 on DELETE" [ "$(status -X DELETE "$url/")" = 405 ]
check "HEAD works" [ "$(status -I "$url/api/stats")" = 200 ]

check "the page is served" [ "$(status --compressed "$url/")" = 200 ]
check "the page is the raml page" grep -q 'app.js' "$TMP/body"
check "boundaries are served" [ "$(status --compressed "$url/vendor/countries-50m.json")" = 200 ]
check "boundaries are TopoJSON" grep -q '"Topology"' "$TMP/body"
check "page scripts are served" [ "$(status --compressed "$url/app.js")" = 200 ]

# A bounded load on loopback: 800 API requests, 8 at a time. Every answer must be a 200
# (or the 400 we provoke), and the server must not grow: RSS after a second round within
# 2 MB of RSS after the first (the first round warms caches and thread stacks).
load_round() {
    for i in $(seq 100); do
        printf '%s\n' "$url/api/events?limit=50&offset=$i" "$url/api/stats" \
            "$url/api/events?type=ASSAULT&limit=20" "$url/api/clusters?limit=10" \
            "$url/api/events?limit=abc"
    done | xargs -P 8 -n 1 curl -s -o /dev/null -w '%{http_code}\n' --max-time 10
}
rss() { awk '/^VmRSS/ {print $2}' "/proc/$pid/status"; }
codes1=$(load_round)
rss1=$(rss)
codes2=$(load_round)
rss2=$(rss)
check "load: every request answered 200 or the provoked 400" \
    [ -z "$(printf '%s\n%s\n' "$codes1" "$codes2" | grep -v -x -e 200 -e 400)" ]
check "load: 1000 requests answered" [ "$(printf '%s\n%s\n' "$codes1" "$codes2" | wc -l)" -eq 1000 ]
echo "serve: RSS after round 1 ${rss1} kB, after round 2 ${rss2} kB"
# AddressSanitizer keeps freed memory in quarantine, so growth means nothing there.
if grep -q -a __asan_init "$RAML" 2>/dev/null; then
    echo "serve: memory-growth check not meaningful under AddressSanitizer"
else
    check "load: no memory growth between rounds" [ "$((rss2 - rss1))" -lt 2048 ]
fi

kill -TERM $pid
wait $pid
src=$?
check "SIGTERM stops the server cleanly (exit 0)" [ "$src" -eq 0 ]
trap 'rm -rf "$TMP"' EXIT
finish
