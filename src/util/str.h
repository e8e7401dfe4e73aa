/* Small string helpers for fixed-size fields. */
#ifndef RAML_UTIL_STR_H
#define RAML_UTIL_STR_H

#include <stddef.h>
#include <string.h>

/* dst = a + b, cut to cap - 1 bytes and NUL-terminated: what snprintf(dst, cap, "%s%s", a, b)
 * writes (cap > 0), without printf's format parsing, which costs as much as a coded event's
 * other work on its actor codes. */
static inline void raml_strcat2(char *dst, size_t cap, const char *a, const char *b)
{
    size_t na = strnlen(a, cap - 1);
    memcpy(dst, a, na);
    size_t nb = strnlen(b, cap - 1 - na);
    memcpy(dst + na, b, nb);
    dst[na + nb] = '\0';
}

#endif
