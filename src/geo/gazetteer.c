/* Loading data/gazetteer.tsv, data/gazetteer_supplement.tsv and data/place_cues.tsv into the
 * name and cue indexes. Rows are validated as they are read; the first bad row stops the
 * load with "file:line: reason". */
#include "geo/geo_int.h"
#include "geo/tsv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_NAMES 64

static bool iso3_ok(const char *s)
{
    return strlen(s) == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' &&
           s[2] >= 'A' && s[2] <= 'Z';
}

static raml_status load_places(raml_gazetteer *g, const char *path, int fileno_, raml_error *err)
{
    geo_tsv t;
    raml_status st = geo_tsv_open(&t, path, err);
    if (st != RAML_OK)
        return st;
    g->bufs[fileno_] = t.buf;
    char *f[GEO_TSV_MAX_FIELDS];
    int nf;
    size_t cap = g->nplaces + t.len / 60 + 16; /* rows are ~100 bytes: rarely regrown */
    geo_place *pl = realloc(g->places, cap * sizeof *pl);
    if (!pl)
        return raml_error_set(err, RAML_ERR_INTERNAL, path, 0, -1, "out of memory");
    g->places = pl;
    while (geo_tsv_next(&t, f, GEO_TSV_MAX_FIELDS, &nf)) {
        if (nf != 10)
            return geo_tsv_error(&t, err, "expected 10 columns, found %d", nf);
        geo_place p = {0};
        if (!iso3_ok(f[3]))
            return geo_tsv_error(&t, err, "bad iso3 code '%s'", f[3]);
        memcpy(p.iso3, f[3], 4);
        if (!geo_parse_double(f[5], &p.lat) || !(p.lat >= -90 && p.lat <= 90))
            return geo_tsv_error(&t, err, "latitude '%s' out of range", f[5]);
        if (!geo_parse_double(f[6], &p.lon) || !(p.lon >= -180 && p.lon <= 180))
            return geo_tsv_error(&t, err, "longitude '%s' out of range", f[6]);
        p.feature = geo_feature_parse(f[7]);
        if (p.feature == GEO_F_NONE)
            return geo_tsv_error(&t, err, "unknown feature '%s'", f[7]);
        p.population = -1;
        if (strcmp(f[8], "-") != 0 && (!geo_parse_long(f[8], &p.population) || p.population < 0))
            return geo_tsv_error(&t, err, "population '%s' is not a number", f[8]);
        p.name_en = f[2];
        p.admin1 = strcmp(f[4], "-") ? f[4] : NULL;
        char *names[MAX_NAMES];
        int nn = geo_split_bar(f[1], names, MAX_NAMES);
        if (nn == 0 || strcmp(names[0], "-") == 0)
            return geo_tsv_error(&t, err, "no Arabic name");
        p.name_ar = names[0];
        if (g->nplaces == cap) {
            cap *= 2;
            pl = realloc(g->places, cap * sizeof *pl);
            if (!pl)
                return raml_error_set(err, RAML_ERR_INTERNAL, path, 0, -1, "out of memory");
            g->places = pl;
        }
        uint32_t id = (uint32_t)g->nplaces;
        g->places[g->nplaces++] = p;
        for (int i = 0; i < nn; i++)
            if (!geo_phrase_add(&g->names, names[i], id) && g->names.failed)
                return raml_error_set(err, RAML_ERR_INTERNAL, path, t.line, -1, "out of memory");
    }
    return RAML_OK;
}

static raml_status load_cues(raml_gazetteer *g, const char *path, raml_error *err)
{
    geo_tsv t;
    raml_status st = geo_tsv_open(&t, path, err);
    if (st != RAML_OK)
        return st;
    g->bufs[2] = t.buf;
    char *f[GEO_TSV_MAX_FIELDS];
    int nf;
    size_t cap = 64;
    g->cues = malloc(cap * sizeof *g->cues);
    if (!g->cues)
        return raml_error_set(err, RAML_ERR_INTERNAL, path, 0, -1, "out of memory");
    while (geo_tsv_next(&t, f, GEO_TSV_MAX_FIELDS, &nf)) {
        if (nf != 4)
            return geo_tsv_error(&t, err, "expected 4 columns, found %d", nf);
        geo_cue c = {0};
        if (strcmp(f[1], "feature") == 0)
            c.kind = GEO_CUE_FEATURE;
        else if (strcmp(f[1], "direction") == 0)
            c.kind = GEO_CUE_DIRECTION;
        else if (strcmp(f[1], "distance_unit") == 0)
            c.kind = GEO_CUE_DISTANCE;
        else if (strcmp(f[1], "preposition") == 0)
            c.kind = GEO_CUE_PREP;
        else
            return geo_tsv_error(&t, err, "unknown cue kind '%s'", f[1]);
        if (c.kind == GEO_CUE_FEATURE) {
            c.hint = geo_cue_hint_parse(f[2]);
            if (c.hint == GEO_F_NONE)
                return geo_tsv_error(&t, err, "unknown feature_hint '%s'", f[2]);
        }
        if (g->ncues == cap) {
            cap *= 2;
            geo_cue *nc = realloc(g->cues, cap * sizeof *nc);
            if (!nc)
                return raml_error_set(err, RAML_ERR_INTERNAL, path, 0, -1, "out of memory");
            g->cues = nc;
        }
        uint32_t id = (uint32_t)g->ncues;
        g->cues[g->ncues++] = c;
        char *forms[MAX_NAMES];
        int nforms = geo_split_bar(f[0], forms, MAX_NAMES);
        if (nforms == 0)
            return geo_tsv_error(&t, err, "empty forms_ar");
        for (int i = 0; i < nforms; i++)
            if (!geo_phrase_add(&g->cue_ix, forms[i], id) && g->cue_ix.failed)
                return raml_error_set(err, RAML_ERR_INTERNAL, path, t.line, -1, "out of memory");
    }
    return RAML_OK;
}

raml_status raml_gazetteer_load(const char *data_dir, raml_gazetteer **out, raml_error *err)
{
    *out = NULL;
    if (!data_dir)
        return raml_error_set(err, RAML_ERR_USAGE, NULL, 0, -1, "gazetteer: no data directory");
    raml_gazetteer *g = calloc(1, sizeof *g);
    if (!g)
        return raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "out of memory");
    geo_phrase_init(&g->names);
    geo_phrase_init(&g->cue_ix);
    geo_phrase_init(&g->stop_ix);
    geo_phrase_init(&g->title_ix);
    static const char *const files[3] = {"gazetteer.tsv", "gazetteer_supplement.tsv",
                                         "place_cues.tsv"};
    char path[3][1024];
    for (int i = 0; i < 3; i++)
        snprintf(path[i], sizeof path[i], "%s/%s", data_dir, files[i]);
    raml_status st = load_places(g, path[0], 0, err);
    if (st == RAML_OK)
        st = load_places(g, path[1], 1, err);
    if (st == RAML_OK)
        st = load_cues(g, path[2], err);
    if (st == RAML_OK && !geo_stoplist_build(g))
        st = raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "out of memory");
    if (st != RAML_OK) {
        /* The messages point into the caller's err, not into our buffers: safe to free. */
        raml_gazetteer_free(g);
        return st;
    }
    *out = g;
    return RAML_OK;
}

void raml_gazetteer_free(raml_gazetteer *g)
{
    if (!g)
        return;
    for (int i = 0; i < 3; i++)
        free(g->bufs[i]);
    free(g->places);
    free(g->cues);
    geo_phrase_free(&g->names);
    geo_phrase_free(&g->cue_ix);
    geo_phrase_free(&g->stop_ix);
    geo_phrase_free(&g->title_ix);
    free(g);
}

size_t raml_gazetteer_size(const raml_gazetteer *g) { return g ? g->nplaces : 0; }

static bool add_guard(void *ctx, const char *w, size_t n)
{
    return raml_wordset_add(ctx, w, n);
}

bool raml_gazetteer_add_guard_words(const raml_gazetteer *g, raml_wordset *guard)
{
    if (!g || !guard)
        return true;
    return geo_phrase_each_word(&g->names, add_guard, guard) &&
           geo_phrase_each_word(&g->cue_ix, add_guard, guard);
}
