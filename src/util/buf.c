#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void raml_buf_init(raml_buf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = false;
}

void raml_buf_free(raml_buf *b)
{
    free(b->data);
    raml_buf_init(b);
}

void raml_buf_clear(raml_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

bool raml_buf_reserve(raml_buf *b, size_t extra)
{
    if (b->failed)
        return false;
    if (b->len + extra + 1 <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p) {
        b->failed = true;
        return false;
    }
    b->data = p;
    b->cap = cap;
    return true;
}

void raml_buf_append(raml_buf *b, const char *s, size_t n)
{
    if (!raml_buf_reserve(b, n))
        return;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void raml_buf_puts(raml_buf *b, const char *s) { raml_buf_append(b, s, strlen(s)); }

void raml_buf_putc(raml_buf *b, char c) { raml_buf_append(b, &c, 1); }

void raml_buf_printf(raml_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        raml_buf_append(b, small, (size_t)n);
        return;
    }
    if (!raml_buf_reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void raml_buf_json_stringn(raml_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    if (!raml_buf_reserve(b, n + 2))
        return;
    raml_buf_putc(b, '"');
    size_t run = 0; /* copy unescaped runs in one go */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        raml_buf_append(b, s + run, i - run);
        run = i + 1;
        switch (c) {
        case '"': raml_buf_append(b, "\\\"", 2); break;
        case '\\': raml_buf_append(b, "\\\\", 2); break;
        case '\n': raml_buf_append(b, "\\n", 2); break;
        case '\r': raml_buf_append(b, "\\r", 2); break;
        case '\t': raml_buf_append(b, "\\t", 2); break;
        default: {
            char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            raml_buf_append(b, e, 6);
        }
        }
    }
    raml_buf_append(b, s + run, n - run);
    raml_buf_putc(b, '"');
}

void raml_buf_json_string(raml_buf *b, const char *s)
{
    if (!s) {
        raml_buf_append(b, "null", 4);
        return;
    }
    raml_buf_json_stringn(b, s, strlen(s));
}
