/*
 * Readers (plain text and JSON Lines documents) and writers (raml.event/1 and the export
 * formats derived from it). Writers append to a raml_buf; the caller decides where the
 * bytes go.
 *
 * Internal header.
 */
#ifndef RAML_FORMATS_H
#define RAML_FORMATS_H

#include "raml.h"
#include "util/buf.h"

#include <stdbool.h>
#include <stdio.h>

/* ----- Reading documents ----- */

/* One input document. Strings are owned by the source and valid until the next call. */
typedef struct raml_srcdoc {
    raml_doc_meta meta;
    const char *text;
    size_t len;
    long line; /* JSONL: 1-based line number; plain: 0 */
} raml_srcdoc;

typedef struct raml_docsrc raml_docsrc;

/* Opens `path` ("-" = stdin). Plain: the whole file is one document whose id is the file
 * name without directory and extension (stdin: "stdin"). JSONL: one document per line,
 * {"id","text","date"?,"title"?,"url"?,"publisher"?}; unknown fields are ignored. */
raml_status raml_docsrc_open(const char *path, bool jsonl, raml_docsrc **out, raml_error *err);
/* RAML_OK with *has_doc=true: a document; RAML_OK with *has_doc=false: end of input;
 * RAML_ERR_INPUT: this line/file is bad (err names file, line or offset) — call again to
 * go on with the next line. */
raml_status raml_docsrc_next(raml_docsrc *src, raml_srcdoc *doc, bool *has_doc, raml_error *err);
void raml_docsrc_close(raml_docsrc *src);

/* ----- Writing events ----- */

typedef struct raml_writer_ctx {
    const raml_doc_meta *meta;
    const char *dict_version; /* coder.dictionaries */
} raml_writer_ctx;

/* One raml.event/1 JSON object, no trailing newline. */
void raml_write_event_json(raml_buf *out, const raml_writer_ctx *ctx, const raml_event *ev);
/* A span object, or null. */
void raml_write_span_json(raml_buf *out, const raml_span *span);

/* ----- Reading events back ----- */

/* Parses one raml.event/1 JSON object (the output of raml_write_event_json) into *ev and
 * *meta; every string is allocated in `a`. *dict_version (may be NULL) gets
 * coder.dictionaries. Unknown fields are ignored. RAML_ERR_INPUT when the text is not a
 * raml.event/1 record or a field has the wrong type; RAML_ERR_INTERNAL when out of memory. */
#include "util/arena.h"
raml_status raml_read_event_json(raml_arena *a, const char *json, size_t len, raml_event *ev,
                                 raml_doc_meta *meta, const char **dict_version, raml_error *err);

#endif
