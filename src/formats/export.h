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
    long long timestamp;    /* ACLED `timestamp` (Unix time); begin sets now, callers may override */
    unsigned long skipped;  /* events left out (non-actual, or no ACLED equivalent) */
} raml_exporter;

/* "jsonl", "plover", "acled", "geojson" → format; false for anything else. */
bool raml_format_parse(const char *name, raml_format *out);
void raml_export_begin(raml_exporter *ex, raml_format format, raml_buf *out);
void raml_export_event(raml_exporter *ex, raml_buf *out, const raml_writer_ctx *ctx,
                       const raml_event *ev);
void raml_export_end(raml_exporter *ex, raml_buf *out);

/* True for a positive, actual event — the only kind plover/acled/geojson keep by default. */
bool raml_event_is_actual(const raml_event *ev);
/* ISO 3166-1 alpha-3 → numeric code (0 when unknown) and English short name (NULL). */
int raml_iso_numeric(const char *iso3, const char **name);

/* ACLED event_type/sub_event_type/disorder_type for an event (§6.2); false when ACLED has
 * no equivalent (verbal events, threats). */
typedef struct raml_acled_class {
    const char *disorder_type, *event_type, *sub_event_type;
} raml_acled_class;
bool raml_acled_classify(const raml_event *ev, raml_acled_class *out);

#endif
