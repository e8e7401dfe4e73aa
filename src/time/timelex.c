/* Loading data/dates.tsv: forms_ar kind value system note. */
#include "geo/tsv.h"
#include "time/time_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const kinds[] = {"month",    "hijri_month", "weekday", "relative_day",
                                    "relative_period", "modifier", "part", "marker", "vague"};

static tl_unit parse_unit(const char *s, size_t n)
{
    if (n == 3 && !memcmp(s, "day", 3))
        return TL_UNIT_DAY;
    /* A weekend is resolved like its week: week precision is all a reader can rely on. */
    if ((n == 4 && !memcmp(s, "week", 4)) || (n == 7 && !memcmp(s, "weekend", 7)))
        return TL_UNIT_WEEK;
    if (n == 5 && !memcmp(s, "month", 5))
        return TL_UNIT_MONTH;
    if (n == 4 && !memcmp(s, "year", 4))
        return TL_UNIT_YEAR;
    return TL_UNIT_NONE;
}

/* The value cell of one row; false when it does not fit the kind. */
static bool parse_value(tl_entry *e, const char *v)
{
    long x;
    switch (e->kind) {
    case TL_MONTH:
    case TL_HIJRI_MONTH:
        return geo_parse_long(v, &x) && x >= 1 && x <= 12 && ((e->value = (int)x), true);
    case TL_WEEKDAY:
        return geo_parse_long(v, &x) && x >= 0 && x <= 6 && ((e->value = (int)x), true);
    case TL_REL_DAY:
        return geo_parse_long(v, &x) && x >= -30 && x <= 30 && ((e->value = (int)x), true);
    case TL_MODIFIER:
        return geo_parse_long(v, &x) && x >= -2 && x <= 2 && ((e->value = (int)x), true);
    case TL_REL_PERIOD: {
        const char *colon = strchr(v, ':');
        if (!colon)
            return false;
        e->unit = parse_unit(v, (size_t)(colon - v));
        return e->unit != TL_UNIT_NONE && geo_parse_long(colon + 1, &x) && x >= -10 &&
               x <= 10 && ((e->value = (int)x), true);
    }
    case TL_PART:
        /* غرة (first_day) is the start of the period: as precise as "early" at month level. */
        if (!strcmp(v, "first_day"))
            return (e->value = -1), true;
        if (!strcmp(v, "mid") || !strcmp(v, "early") || !strcmp(v, "late"))
            return (e->value = v[0] == 'm' ? 0 : v[0] == 'e' ? -1 : 1), true;
        return false;
    case TL_MARKER:
        /* A unit when the row gives one (عام → year); other markers only count as markers. */
        e->unit = parse_unit(v, strlen(v));
        return true;
    case TL_VAGUE:
        return true;
    }
    return false;
}

raml_status raml_timelex_load(const char *data_dir, raml_timelex **out, raml_error *err)
{
    *out = NULL;
    if (!data_dir)
        return raml_error_set(err, RAML_ERR_USAGE, NULL, 0, -1, "timelex: no data directory");
    char path[1024];
    snprintf(path, sizeof path, "%s/dates.tsv", data_dir);
    raml_timelex *t = calloc(1, sizeof *t);
    if (!t)
        return raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "out of memory");
    geo_phrase_init(&t->ix);
    geo_tsv r;
    raml_status st = geo_tsv_open(&r, path, err);
    if (st != RAML_OK) {
        raml_timelex_free(t);
        return st;
    }
    t->buf = r.buf;
    size_t cap = 256;
    t->e = malloc(cap * sizeof *t->e);
    char *f[GEO_TSV_MAX_FIELDS];
    int nf;
    while (st == RAML_OK && t->e && geo_tsv_next(&r, f, GEO_TSV_MAX_FIELDS, &nf)) {
        if (nf != 5) {
            st = geo_tsv_error(&r, err, "expected 5 columns, found %d", nf);
            break;
        }
        tl_entry e = {0};
        size_t k = 0;
        while (k < sizeof kinds / sizeof *kinds && strcmp(kinds[k], f[1]))
            k++;
        if (k == sizeof kinds / sizeof *kinds) {
            st = geo_tsv_error(&r, err, "unknown kind '%s'", f[1]);
            break;
        }
        e.kind = (tl_kind)k;
        if (!parse_value(&e, f[2])) {
            st = geo_tsv_error(&r, err, "bad value '%s' for kind %s", f[2], f[1]);
            break;
        }
        if (t->n == cap) {
            cap *= 2;
            tl_entry *ne = realloc(t->e, cap * sizeof *ne);
            if (!ne)
                break;
            t->e = ne;
        }
        uint32_t id = (uint32_t)t->n;
        t->e[t->n++] = e;
        char *forms[32];
        int nforms = geo_split_bar(f[0], forms, 32);
        if (!nforms) {
            st = geo_tsv_error(&r, err, "empty forms_ar");
            break;
        }
        for (int i = 0; i < nforms; i++)
            if (!geo_phrase_add(&t->ix, forms[i], id) && t->ix.failed)
                break;
    }
    if (st == RAML_OK && (!t->e || t->ix.failed))
        st = raml_error_set(err, RAML_ERR_INTERNAL, path, 0, -1, "out of memory");
    if (st != RAML_OK) {
        raml_timelex_free(t);
        return st;
    }
    *out = t;
    return RAML_OK;
}

void raml_timelex_free(raml_timelex *t)
{
    if (!t)
        return;
    free(t->buf);
    free(t->e);
    geo_phrase_free(&t->ix);
    free(t);
}

size_t raml_timelex_size(const raml_timelex *t) { return t ? t->n : 0; }

static bool add_guard(void *ctx, const char *w, size_t n) { return raml_wordset_add(ctx, w, n); }

bool raml_timelex_add_guard_words(const raml_timelex *t, raml_wordset *guard)
{
    return !t || !guard || geo_phrase_each_word(&t->ix, add_guard, guard);
}
