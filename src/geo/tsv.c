/* The dictionary TSV reader (see tsv.h). */
#include "geo/tsv.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

raml_status geo_tsv_open(geo_tsv *t, const char *path, raml_error *err)
{
    memset(t, 0, sizeof *t);
    t->path = path;
    FILE *f = fopen(path, "rb");
    if (!f)
        return raml_error_set(err, RAML_ERR_INPUT, path, 0, -1, "%s: cannot open: %s", path,
                              strerror(errno));
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (cap - len < 4096) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
        size_t n = fread(buf + len, 1, cap - len - 1, f);
        len += n;
        if (n == 0)
            break;
    }
    bool bad = ferror(f);
    fclose(f);
    if (!buf)
        return raml_error_set(err, RAML_ERR_INTERNAL, path, 0, -1, "%s: out of memory", path);
    if (bad) {
        free(buf);
        return raml_error_set(err, RAML_ERR_INPUT, path, 0, -1, "%s: read error", path);
    }
    buf[len] = '\0';
    t->buf = buf;
    t->len = len;
    return RAML_OK;
}

bool geo_tsv_next(geo_tsv *t, char **fields, int max, int *nf)
{
    while (t->pos < t->len) {
        char *line = t->buf + t->pos;
        char *nl = memchr(line, '\n', t->len - t->pos);
        size_t n = nl ? (size_t)(nl - line) : t->len - t->pos;
        t->pos += n + (nl ? 1 : 0);
        t->line++;
        line[n] = '\0';
        if (n && line[n - 1] == '\r')
            line[--n] = '\0';
        if (n == 0 || line[0] == '#')
            continue;
        int k = 0;
        char *p = line;
        for (;;) {
            char *tab = strchr(p, '\t');
            if (k < max)
                fields[k] = p;
            k++;
            if (!tab)
                break;
            *tab = '\0';
            p = tab + 1;
        }
        *nf = k;
        return true;
    }
    return false;
}

raml_status geo_tsv_error(const geo_tsv *t, raml_error *err, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return raml_error_set(err, RAML_ERR_INPUT, t->path, t->line, -1, "%s", msg);
}

int geo_split_bar(char *cell, char **parts, int max)
{
    int k = 0;
    char *p = cell;
    while (k < max) {
        char *bar = strchr(p, '|');
        if (bar)
            *bar = '\0';
        if (*p)
            parts[k++] = p;
        if (!bar)
            break;
        p = bar + 1;
    }
    return k;
}

bool geo_parse_double(const char *s, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || *end || errno)
        return false;
    *out = v;
    return true;
}

bool geo_parse_long(const char *s, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (end == s || *end || errno)
        return false;
    *out = v;
    return true;
}
