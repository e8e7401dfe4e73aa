/*
 * Reading raml's dictionary TSV format (data/README.md): `#` comments, an optional
 * `#columns:` line naming the columns (cells are then found by name, so a file may add or
 * reorder columns), `-` for an empty cell, `|` between values within a cell.
 *
 * The whole file is read in one allocation and split in place: every cell is a writable,
 * NUL-terminated string inside that buffer (a `-` cell reads as ""), so a loader may keep
 * pointers into it by taking the buffer (raml_tsvfile_take). Errors name file and line.
 * Used by geo/, time/ and count/; written so that the lexicon's reader can move onto it.
 */
#ifndef RAML_UTIL_TSV_H
#define RAML_UTIL_TSV_H

#include "raml.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RAML_TSVFILE_MAXCOLS 24

typedef struct raml_tsvfile {
    char path[1024];
    char *buf; /* owned until raml_tsvfile_take */
    size_t len, pos;
    long line;
    const char *const *expected; /* the columns the caller reads, in its order */
    int nexpected;
    int map[RAML_TSVFILE_MAXCOLS]; /* expected column k → cell index, -1 = absent */
    int ncols;                     /* cells per row: nexpected, or the #columns line's count */
    bool optional_last;            /* a trailing free-text column (note) may be left out */
    char *cells[RAML_TSVFILE_MAXCOLS];
    int ncells;
    uint64_t hash; /* FNV-1a over every data line (a dictionary version) */
} raml_tsvfile;

/* Reads dir/name (dir NULL: name is the path). expected: the column names in the order the
 * caller will ask for them; without a #columns line the file's columns are taken to be in
 * that order. A missing file sets *missing and returns RAML_OK with no rows when missing is
 * non-NULL; otherwise it is RAML_ERR_INPUT naming the file. */
raml_status raml_tsvfile_open(raml_tsvfile *t, const char *dir, const char *name,
                              const char *const *expected, int nexpected, bool *missing,
                              raml_error *err);
/* 1 = a row is ready, 0 = end of file, -1 = error (a wrong column count, a bad #columns
 * line; err says "path:line"). */
int raml_tsvfile_next(raml_tsvfile *t, raml_error *err);
/* Cell of expected column k: "" when empty (`-`) or absent. Writable (splitting in place). */
char *raml_tsvfile_cell(raml_tsvfile *t, int k);
/* Hands the buffer (and so every cell) to the caller, who frees it with free(). */
char *raml_tsvfile_take(raml_tsvfile *t);
void raml_tsvfile_close(raml_tsvfile *t);
/* RAML_ERR_INPUT about the current row: file and line set, message from fmt. */
raml_status raml_tsvfile_error(const raml_tsvfile *t, raml_error *err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Splits a '|'-separated cell in place; empty parts are dropped; at most max parts. */
int raml_split_bar(char *cell, char **parts, int max);
/* Strict parsers: the whole string must be the number. */
bool raml_parse_double(const char *s, double *out);
bool raml_parse_long(const char *s, long *out);
/* A finite number within [lo, hi]. */
bool raml_parse_double_in(const char *s, double lo, double hi, double *out);

#endif
