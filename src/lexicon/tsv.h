/* Reading the dictionaries' TSV format (data/README.md): # comments, an optional
 * `#columns:` line that names the columns (then cells are found by name, so a file may add
 * or reorder columns), `-` for an empty cell, `|` between values. */
#ifndef RAML_LEXICON_TSV_H
#define RAML_LEXICON_TSV_H

#include "raml.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define RAML_TSV_MAXCOLS 24

typedef struct raml_tsv {
    FILE *f;
    char path[512];
    const char *name; /* file name without directory, for rule ids */
    long line;
    char *buf;
    size_t cap;
    char *cells[RAML_TSV_MAXCOLS];
    int ncells;
    const char *const *expected; /* the README's column order */
    int nexpected;
    int map[RAML_TSV_MAXCOLS]; /* expected column k → cell index, -1 = absent */
    int ncols;                 /* cells per row */
    uint64_t hash;             /* FNV-1a over every data line, for the dictionary version */
} raml_tsv;

/* Opens dir/name. A missing file sets *missing (when non-NULL) and returns RAML_OK with
 * t->f == NULL; any other failure is an error. */
raml_status raml_tsv_open(raml_tsv *t, const char *dir, const char *name,
                          const char *const *expected, int nexpected, bool *missing,
                          raml_error *err);
/* 1 = a row is ready, 0 = end of file, -1 = error (err names file and line). */
int raml_tsv_next(raml_tsv *t, raml_error *err);
/* Cell of expected column k, "" when empty (`-`) or absent. */
const char *raml_tsv_cell(const raml_tsv *t, int k);
void raml_tsv_close(raml_tsv *t);
/* An error about the current row. */
raml_status raml_tsv_error(const raml_tsv *t, raml_error *err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
