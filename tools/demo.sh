#!/usr/bin/env bash
# The main job on the bundled sample corpus: code every sample article and store it in an
# embedded SQLite database (raml.db), then print its statistics and what to do next.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${RAML_DB:-raml.db}
./build/raml ingest --db "$DB" data/samples/*.txt
./build/raml ingest --db "$DB" --jsonl data/samples/multi/reports.jsonl
./build/raml stats --db "$DB"
cat <<MSG

Next:
  ./build/raml query --db $DB --type ASSAULT --format acled > assaults.csv
  ./build/raml query --db $DB --clusters
  ./build/raml serve --db $DB        # then open http://127.0.0.1:8080/
MSG
