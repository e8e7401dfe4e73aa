#!/usr/bin/env python3
"""Builds a benchmark corpus of at least MB megabytes of JSON Lines from the project's own
sample articles (data/samples/*.txt), repeating them with distinct ids, publishers and dates.

usage: make_corpus.py SAMPLES_DIR OUT.jsonl MB [DOC_BYTES]
With DOC_BYTES, documents are cut to about that size (for the ingest benchmark's 2 KB docs)."""
import glob, json, os, sys

samples_dir, out, mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
doc_bytes = int(sys.argv[4]) if len(sys.argv) > 4 else 0
texts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob(os.path.join(samples_dir, "*.txt")))]
if not texts:
    sys.exit("make_corpus: no samples in " + samples_dir)
if doc_bytes:
    pieces = []
    for t in texts:
        b = t.encode("utf-8")
        for i in range(0, len(b), doc_bytes):
            pieces.append(b[i:i + doc_bytes].decode("utf-8", "ignore"))
    texts = pieces
target = int(mb * 1_000_000)
written, n = 0, 0
with open(out, "w", encoding="utf-8") as f:
    while written < target:
        t = texts[n % len(texts)]
        day = 1 + n % 28
        month = 1 + (n // 28) % 12
        line = json.dumps({"id": "bench-%07d" % n, "publisher": "pub%d" % (n % 17),
                           "date": "2019-%02d-%02d" % (month, day), "text": t},
                          ensure_ascii=False) + "\n"
        f.write(line)
        written += len(line.encode("utf-8"))
        n += 1
print("%s: %d documents, %.1f MB" % (out, n, written / 1e6))
