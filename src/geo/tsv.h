/*
 * A minimal reader for raml's dictionary TSV format (data/README.md): the whole file is read
 * in one allocation and split in place, so every field is a NUL-terminated string that lives
 * as long as the buffer. Shared by geo/ and time/ (a candidate for util/).
 */
#ifndef RAML_GEO_TSV_H
#define RAML_GEO_TSV_H

#include "raml.h"

#include <stdbool.h>
#include <stddef.h>

#define GEO_TSV_MAX_FIELDS 16

typedef struct geo_tsv {
    char *buf; /* owned; freed by the caller with free() once the fields are no longer used */
    size_t len, pos;
    long line;
    const char *path;
} geo_tsv;

/* Reads the whole file; a missing or unreadable file is RAML_ERR_INPUT naming it. */
raml_status geo_tsv_open(geo_tsv *t, const char *path, raml_error *err);
/* Next data row (comments and blank lines skipped). Returns false at the end. *nf may exceed
 * max: the caller reports a wrong column count. */
bool geo_tsv_next(geo_tsv *t, char **fields, int max, int *nf);
/* "path:line: message" as RAML_ERR_INPUT. */
raml_status geo_tsv_error(const geo_tsv *t, raml_error *err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Splits a '|'-separated cell in place; returns the number of parts (at most max). */
int geo_split_bar(char *cell, char **parts, int max);
/* Strict parsers: the whole cell must be the number. */
bool geo_parse_double(const char *s, double *out);
bool geo_parse_long(const char *s, long *out);

#endif
