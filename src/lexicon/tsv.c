/* TSV rows with file:line errors; see tsv.h. */
#include "lexicon/tsv.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

raml_status raml_tsv_open(raml_tsv *t, const char *dir, const char *name,
                          const char *const *expected, int nexpected, bool *missing,
                          raml_error *err)
{
    memset(t, 0, sizeof *t);
    t->hash = 14695981039346656037ull;
    snprintf(t->path, sizeof t->path, "%s/%s", dir, name);
    t->name = name;
    t->expected = expected;
    t->nexpected = nexpected;
    t->ncols = nexpected;
    for (int k = 0; k < RAML_TSV_MAXCOLS; k++)
        t->map[k] = k < nexpected ? k : -1;
    if (missing)
        *missing = false;
    t->f = fopen(t->path, "rb");
    if (!t->f) {
        if (errno == ENOENT && missing) {
            *missing = true;
            return RAML_OK;
        }
        return raml_error_set(err, RAML_ERR_INPUT, t->path, 0, -1, "cannot open: %s",
                              strerror(errno));
    }
    return RAML_OK;
}

void raml_tsv_close(raml_tsv *t)
{
    if (t->f)
        fclose(t->f);
    free(t->buf);
    t->f = NULL;
    t->buf = NULL;
}

raml_status raml_tsv_error(const raml_tsv *t, raml_error *err, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return raml_error_set(err, RAML_ERR_INPUT, t->path, t->line, -1, "%s", msg);
}

static int split(char *s, char **cells, int max)
{
    int n = 0;
    for (;;) {
        if (n == max)
            return max + 1;
        cells[n++] = s;
        char *tab = strchr(s, '\t');
        if (!tab)
            return n;
        *tab = '\0';
        s = tab + 1;
    }
}

/* `#columns: a<TAB>b...`: locate each expected column by name. */
static int read_columns(raml_tsv *t, char *spec, raml_error *err)
{
    while (*spec == ' ' || *spec == '\t')
        spec++;
    char *names[RAML_TSV_MAXCOLS];
    int n = split(spec, names, RAML_TSV_MAXCOLS);
    if (n > RAML_TSV_MAXCOLS) {
        raml_tsv_error(t, err, "too many columns in #columns line");
        return -1;
    }
    for (int k = 0; k < t->nexpected; k++) {
        t->map[k] = -1;
        for (int c = 0; c < n; c++)
            if (strcmp(names[c], t->expected[k]) == 0)
                t->map[k] = c;
    }
    if (t->map[0] < 0 || t->map[1] < 0) {
        raml_tsv_error(t, err, "#columns line lacks column '%s' or '%s'", t->expected[0],
                       t->expected[1]);
        return -1;
    }
    t->ncols = n;
    return 0;
}

int raml_tsv_next(raml_tsv *t, raml_error *err)
{
    if (!t->f)
        return 0;
    for (;;) {
        ssize_t n = getline(&t->buf, &t->cap, t->f);
        if (n < 0) {
            if (ferror(t->f)) {
                raml_error_set(err, RAML_ERR_INPUT, t->path, t->line, -1, "read error");
                return -1;
            }
            return 0;
        }
        t->line++;
        while (n > 0 && (t->buf[n - 1] == '\n' || t->buf[n - 1] == '\r'))
            t->buf[--n] = '\0';
        if ((size_t)n != strlen(t->buf)) {
            raml_tsv_error(t, err, "NUL byte in line");
            return -1;
        }
        if (strncmp(t->buf, "#columns:", 9) == 0) {
            if (read_columns(t, t->buf + 9, err) < 0)
                return -1;
            continue;
        }
        if (n == 0 || t->buf[0] == '#')
            continue;
        for (ssize_t i = 0; i < n; i++) {
            t->hash ^= (unsigned char)t->buf[i];
            t->hash *= 1099511628211ull;
        }
        t->hash ^= '\n';
        t->hash *= 1099511628211ull;
        t->ncells = split(t->buf, t->cells, RAML_TSV_MAXCOLS);
        /* A trailing free-text column (note, source) may be left out. */
        if (t->ncells != t->ncols && t->ncells != t->ncols - 1) {
            raml_tsv_error(t, err, "%d columns, expected %d", t->ncells > RAML_TSV_MAXCOLS ? RAML_TSV_MAXCOLS : t->ncells, t->ncols);
            return -1;
        }
        return 1;
    }
}

const char *raml_tsv_cell(const raml_tsv *t, int k)
{
    if (k < 0 || k >= t->nexpected)
        return "";
    int c = t->map[k];
    if (c < 0 || c >= t->ncells)
        return "";
    const char *s = t->cells[c];
    return strcmp(s, "-") == 0 ? "" : s;
}
