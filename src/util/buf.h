/* Growable byte buffer (heap). Used by writers to build output lines; the library never
 * writes to a FILE itself except through a caller-supplied one. Out of memory is sticky. */
#ifndef RAML_UTIL_BUF_H
#define RAML_UTIL_BUF_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

typedef struct raml_buf {
    char *data; /* always NUL-terminated when len > 0 or after any append */
    size_t len, cap;
    bool failed;
} raml_buf;

void raml_buf_init(raml_buf *b);
void raml_buf_free(raml_buf *b);
void raml_buf_clear(raml_buf *b);
bool raml_buf_reserve(raml_buf *b, size_t extra);

/* The writers append a few bytes at a time, millions of times per corpus: the common case
 * (room left) is inlined and only growing calls out. */
static inline void raml_buf_append(raml_buf *b, const char *s, size_t n)
{
    if ((b->failed || b->len + n + 1 > b->cap) && !raml_buf_reserve(b, n))
        return;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

/* Inline so that strlen of a literal folds to a constant. */
static inline void raml_buf_puts(raml_buf *b, const char *s) { raml_buf_append(b, s, strlen(s)); }

static inline void raml_buf_putc(raml_buf *b, char c) { raml_buf_append(b, &c, 1); }

/* Decimal integers exactly as printf's %lu / %ld write them, without printf's cost.
 * raml_utoa writes v into out (room for 20 digits), no NUL, and returns the length. */
size_t raml_utoa(char *out, unsigned long v);
void raml_buf_put_ulong(raml_buf *b, unsigned long v);
void raml_buf_put_long(raml_buf *b, long v);
/* printf's "%.<prec>f" and "%.6g", byte for byte (exact decimal rounding, ties to even).
 * Values the fast path cannot prove exact go through printf itself. */
void raml_buf_put_fixed(raml_buf *b, double v, int prec);
void raml_buf_put_g6(raml_buf *b, double v);
void raml_buf_printf(raml_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends s as a JSON string literal (quotes included); NULL appends `null`. */
void raml_buf_json_string(raml_buf *b, const char *s);
void raml_buf_json_stringn(raml_buf *b, const char *s, size_t n);

#endif
