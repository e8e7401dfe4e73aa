/* Growable byte buffer (heap). Used by writers to build output lines; the library never
 * writes to a FILE itself except through a caller-supplied one. Out of memory is sticky. */
#ifndef RAML_UTIL_BUF_H
#define RAML_UTIL_BUF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct raml_buf {
    char *data; /* always NUL-terminated when len > 0 or after any append */
    size_t len, cap;
    bool failed;
} raml_buf;

void raml_buf_init(raml_buf *b);
void raml_buf_free(raml_buf *b);
void raml_buf_clear(raml_buf *b);
bool raml_buf_reserve(raml_buf *b, size_t extra);
void raml_buf_append(raml_buf *b, const char *s, size_t n);
void raml_buf_puts(raml_buf *b, const char *s);
void raml_buf_putc(raml_buf *b, char c);
void raml_buf_printf(raml_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends s as a JSON string literal (quotes included); NULL appends `null`. */
void raml_buf_json_string(raml_buf *b, const char *s);
void raml_buf_json_stringn(raml_buf *b, const char *s, size_t n);

#endif
