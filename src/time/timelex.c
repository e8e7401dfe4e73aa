/* Loading data/dates.tsv: forms_ar kind value system note; and data/casualties.tsv for
 * count/ (see time.h). */
#include "count/count.h"
#include "time/time_int.h"
#include "util/tsv.h"

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
        return raml_parse_long(v, &x) && x >= 1 && x <= 12 && ((e->value = (int)x), true);
    case TL_WEEKDAY:
        return raml_parse_long(v, &x) && x >= 0 && x <= 6 && ((e->value = (int)x), true);
    case TL_REL_DAY:
        return raml_parse_long(v, &x) && x >= -30 && x <= 30 && ((e->value = (int)x), true);
    case TL_MODIFIER:
        return raml_parse_long(v, &x) && x >= -2 && x <= 2 && ((e->value = (int)x), true);
    case TL_REL_PERIOD: {
        const char *colon = strchr(v, ':');
        if (!colon)
            return false;
        e->unit = parse_unit(v, (size_t)(colon - v));
        return e->unit != TL_UNIT_NONE && raml_parse_long(colon + 1, &x) && x >= -10 &&
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

static const char *const cols[] = {"forms_ar", "kind", "value", "system", "note"};

raml_status raml_timelex_load(const char *data_dir, raml_timelex **out, raml_error *err)
{
    *out = NULL;
    if (!data_dir)
        return raml_error_set(err, RAML_ERR_USAGE, NULL, 0, -1, "timelex: no data directory");
    raml_timelex *t = calloc(1, sizeof *t);
    if (!t)
        return raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "out of memory");
    geo_phrase_init(&t->ix);
    raml_tsvfile r;
    raml_status st = raml_tsvfile_open(&r, data_dir, "dates.tsv", cols, 5, NULL, err);
    if (st != RAML_OK) {
        raml_timelex_free(t);
        return st;
    }
    size_t cap = 256;
    t->e = malloc(cap * sizeof *t->e);
    int rr = 0;
    while (st == RAML_OK && t->e && (rr = raml_tsvfile_next(&r, err)) == 1) {
        tl_entry e = {0};
        const char *kind = raml_tsvfile_cell(&r, 1), *value = raml_tsvfile_cell(&r, 2);
        size_t k = 0;
        while (k < sizeof kinds / sizeof *kinds && strcmp(kinds[k], kind))
            k++;
        if (k == sizeof kinds / sizeof *kinds) {
            st = raml_tsvfile_error(&r, err, "unknown kind '%s'", kind);
            break;
        }
        e.kind = (tl_kind)k;
        if (!parse_value(&e, value)) {
            st = raml_tsvfile_error(&r, err, "bad value '%s' for kind %s", value, kind);
            break;
        }
        if (t->n == cap) {
            cap *= 2;
            tl_entry *ne = realloc(t->e, cap * sizeof *ne);
            if (!ne) {
                st = raml_error_set(err, RAML_ERR_INTERNAL, r.path, 0, -1, "out of memory");
                break;
            }
            t->e = ne;
        }
        uint32_t id = (uint32_t)t->n;
        t->e[t->n++] = e;
        char *forms[32];
        int nforms = raml_split_bar(raml_tsvfile_cell(&r, 0), forms, 32);
        if (!nforms) {
            st = raml_tsvfile_error(&r, err, "empty forms_ar");
            break;
        }
        for (int i = 0; i < nforms; i++)
            if (!geo_phrase_add(&t->ix, forms[i], id) && t->ix.failed)
                break;
    }
    if (st == RAML_OK && rr < 0)
        st = RAML_ERR_INPUT;
    if (st == RAML_OK && (!t->e || t->ix.failed))
        st = raml_error_set(err, RAML_ERR_INTERNAL, r.path, 0, -1, "out of memory");
    t->buf = raml_tsvfile_take(&r);
    bool missing;
    if (st == RAML_OK)
        st = raml_casualties_load(data_dir, &t->cas, &missing, err);
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
    raml_casualties_free(t->cas);
    geo_phrase_free(&t->ix);
    free(t);
}

size_t raml_timelex_size(const raml_timelex *t) { return t ? t->n : 0; }

const raml_casualties *raml_timelex_casualties(const raml_timelex *t) { return t ? t->cas : NULL; }

static bool add_guard(void *ctx, const char *w, size_t n) { return raml_wordset_add(ctx, w, n); }

bool raml_timelex_add_guard_words(const raml_timelex *t, raml_wordset *guard)
{
    return !t || !guard || geo_phrase_each_word(&t->ix, add_guard, guard);
}
