/* The dictionary TSV reader (see tsv.h). */
#include "util/tsv.h"
#include "util/bigmem.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static raml_status read_all(raml_tsvfile *t, bool *enoent, raml_error *err)
{
    FILE *f = fopen(t->path, "rb");
    *enoent = !f && errno == ENOENT;
    if (!f)
        return raml_error_set(err, RAML_ERR_INPUT, t->path, 0, -1, "%s: cannot open: %s",
                              t->path, strerror(errno));
    /* Sized from the file, so a dictionary is read in one allocation and one copy; the
     * buffer's pages are faulted in together (see util/bigmem.h for why that matters). */
    struct stat st;
    size_t cap = 1 << 16;
    if (fstat(fileno(f), &st) == 0 && st.st_size > 0)
        cap = (size_t)st.st_size + 4097; /* the last fread sees the end with room to spare */
    size_t len = 0;
    char *buf = malloc(cap);
    if (buf)
        raml_prefault(buf, cap);
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
        return raml_error_set(err, RAML_ERR_INTERNAL, t->path, 0, -1, "%s: out of memory", t->path);
    if (bad) {
        free(buf);
        return raml_error_set(err, RAML_ERR_INPUT, t->path, 0, -1, "%s: read error", t->path);
    }
    buf[len] = '\0';
    t->buf = buf;
    t->len = len;
    return RAML_OK;
}

raml_status raml_tsvfile_open(raml_tsvfile *t, const char *dir, const char *name,
                              const char *const *expected, int nexpected, bool *missing,
                              raml_error *err)
{
    memset(t, 0, sizeof *t);
    t->hash = 14695981039346656037ull;
    if (dir)
        snprintf(t->path, sizeof t->path, "%s/%s", dir, name);
    else
        snprintf(t->path, sizeof t->path, "%s", name);
    if (nexpected > RAML_TSVFILE_MAXCOLS)
        nexpected = RAML_TSVFILE_MAXCOLS;
    t->expected = expected;
    t->nexpected = nexpected;
    t->ncols = nexpected;
    for (int k = 0; k < RAML_TSVFILE_MAXCOLS; k++)
        t->map[k] = k < nexpected ? k : -1;
    if (missing)
        *missing = false;
    bool enoent;
    raml_status st = read_all(t, &enoent, err);
    if (st != RAML_OK && missing && enoent) {
        *missing = true;
        return RAML_OK;
    }
    return st;
}

char *raml_tsvfile_take(raml_tsvfile *t)
{
    char *b = t->buf;
    t->buf = NULL;
    return b;
}

void raml_tsvfile_close(raml_tsvfile *t)
{
    free(t->buf);
    t->buf = NULL;
}

raml_status raml_tsvfile_error(const raml_tsvfile *t, raml_error *err, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return raml_error_set(err, RAML_ERR_INPUT, t->path, t->line, -1, "%s", msg);
}

/* Splits on TAB; returns the cell count, which may exceed max (only max are stored). */
static int split(char *s, char **cells, int max)
{
    int n = 0;
    for (;;) {
        char *tab = strchr(s, '\t');
        if (n < max)
            cells[n] = s;
        n++;
        if (!tab)
            return n;
        *tab = '\0';
        s = tab + 1;
    }
}

/* `#columns: a<TAB>b...`: locate each expected column by name. */
static int read_columns(raml_tsvfile *t, char *spec, raml_error *err)
{
    while (*spec == ' ' || *spec == '\t')
        spec++;
    char *names[RAML_TSVFILE_MAXCOLS];
    int n = split(spec, names, RAML_TSVFILE_MAXCOLS);
    if (n > RAML_TSVFILE_MAXCOLS) {
        raml_tsvfile_error(t, err, "too many columns in #columns line");
        return -1;
    }
    for (int k = 0; k < t->nexpected; k++) {
        t->map[k] = -1;
        for (int c = 0; c < n; c++)
            if (strcmp(names[c], t->expected[k]) == 0)
                t->map[k] = c;
    }
    if (t->nexpected && t->map[0] < 0) {
        raml_tsvfile_error(t, err, "#columns line lacks column '%s'", t->expected[0]);
        return -1;
    }
    t->ncols = n;
    return 0;
}

int raml_tsvfile_next(raml_tsvfile *t, raml_error *err)
{
    while (t->buf && t->pos < t->len) {
        char *line = t->buf + t->pos;
        char *nl = memchr(line, '\n', t->len - t->pos);
        size_t n = nl ? (size_t)(nl - line) : t->len - t->pos;
        t->pos += n + (nl ? 1 : 0);
        t->line++;
        line[n] = '\0';
        if (n && line[n - 1] == '\r')
            line[--n] = '\0';
        if (strlen(line) != n) {
            raml_tsvfile_error(t, err, "NUL byte in line");
            return -1;
        }
        if (strncmp(line, "#columns:", 9) == 0) {
            if (read_columns(t, line + 9, err) < 0)
                return -1;
            continue;
        }
        if (n == 0 || line[0] == '#')
            continue;
        for (size_t i = 0; i < n; i++) {
            t->hash ^= (unsigned char)line[i];
            t->hash *= 1099511628211ull;
        }
        t->hash ^= '\n';
        t->hash *= 1099511628211ull;
        int k = split(line, t->cells, RAML_TSVFILE_MAXCOLS);
        if (k != t->ncols && !(t->optional_last && k == t->ncols - 1)) {
            raml_tsvfile_error(t, err, "expected %d columns, found %d", t->ncols, k);
            return -1;
        }
        t->ncells = k;
        for (int c = 0; c < k; c++)
            if (t->cells[c][0] == '-' && t->cells[c][1] == '\0')
                t->cells[c][0] = '\0';
        return 1;
    }
    return 0;
}

char *raml_tsvfile_cell(raml_tsvfile *t, int k)
{
    static char empty[1];
    if (k < 0 || k >= t->nexpected)
        return empty;
    int c = t->map[k];
    if (c < 0 || c >= t->ncells)
        return empty;
    return t->cells[c];
}

int raml_split_bar(char *cell, char **parts, int max)
{
    int k = 0;
    char *p = cell;
    while (k < max) {
        char *bar = strchr(p, '|');
        if (bar)
            *bar = '\0';
        if (*p && strcmp(p, "-") != 0)
            parts[k++] = p;
        if (!bar)
            break;
        p = bar + 1;
    }
    return k;
}

bool raml_parse_double(const char *s, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || *end || errno)
        return false;
    *out = v;
    return true;
}

bool raml_parse_double_in(const char *s, double lo, double hi, double *out)
{
    double v;
    if (!raml_parse_double(s, &v) || !isfinite(v) || v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

bool raml_parse_long(const char *s, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (end == s || *end || errno)
        return false;
    *out = v;
    return true;
}
