/*
 * Export formats derived from raml.event/1 (shared/research/output-standards.md §6.1–6.2):
 * jsonl (raml.event/1 itself), plover (PLOVER JSON, one object per line), acled (ACLED-style
 * CSV with a header row), geojson (an RFC 7946 FeatureCollection).
 *
 * Use: begin once, event for each event, end once; everything is appended to `out`, which
 * the caller flushes whenever it likes (begin/event/end never look at earlier output).
 */
#ifndef RAML_EXPORT_H
#define RAML_EXPORT_H

#include "formats/formats.h"

typedef enum { RAML_FMT_JSONL, RAML_FMT_PLOVER, RAML_FMT_ACLED, RAML_FMT_GEOJSON } raml_format;

typedef struct raml_exporter {
    raml_format format;
    unsigned long count;   /* events written so far */
    bool include_nonactual; /* plover/acled/geojson drop negated and non-actual events unless set */
} raml_exporter;

/* "jsonl", "plover", "acled", "geojson" → format; false for anything else. */
bool raml_format_parse(const char *name, raml_format *out);
void raml_export_begin(raml_exporter *ex, raml_format format, raml_buf *out);
void raml_export_event(raml_exporter *ex, raml_buf *out, const raml_writer_ctx *ctx,
                       const raml_event *ev);
void raml_export_end(raml_exporter *ex, raml_buf *out);

#endif
