/* Loading data/gazetteer.tsv, data/gazetteer_supplement.tsv and data/place_cues.tsv into the
 * name and cue indexes. Rows are validated as they are read; the first bad row stops the
 * load with "file:line: reason". */
#include "geo/geo_int.h"
#include "util/tsv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_NAMES 64

static bool iso3_ok(const char *s)
{
    return strlen(s) == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' &&
           s[2] >= 'A' && s[2] <= 'Z';
}

static const char *const place_cols[] = {"id",  "names_ar", "name_en", "iso3",       "admin1",
                                         "lat", "lon",      "feature", "population", "source"};
enum { P_ID, P_NAMES, P_EN, P_ISO3, P_ADMIN1, P_LAT, P_LON, P_FEATURE, P_POP, P_SOURCE };

static raml_status load_places(raml_gazetteer *g, const char *dir, const char *name, int fileno_,
                               raml_error *err)
{
    raml_tsvfile t;
    raml_status st = raml_tsvfile_open(&t, dir, name, place_cols, 10, NULL, err);
    if (st != RAML_OK)
        return st;
    size_t cap = g->nplaces + t.len / 60 + 16; /* rows are ~100 bytes: rarely regrown */
    geo_place *pl = realloc(g->places, cap * sizeof *pl);
    if (!pl) {
        raml_tsvfile_close(&t);
        return raml_error_set(err, RAML_ERR_INTERNAL, t.path, 0, -1, "out of memory");
    }
    g->places = pl;
    int r = 0;
    while ((r = raml_tsvfile_next(&t, err)) == 1) {
        geo_place p = {0};
        const char *iso3 = raml_tsvfile_cell(&t, P_ISO3);
        if (!iso3_ok(iso3)) {
            st = raml_tsvfile_error(&t, err, "bad iso3 code '%s'", iso3);
            break;
        }
        memcpy(p.iso3, iso3, 4);
        const char *lat = raml_tsvfile_cell(&t, P_LAT), *lon = raml_tsvfile_cell(&t, P_LON);
        if (!raml_parse_double(lat, &p.lat) || !(p.lat >= -90 && p.lat <= 90)) {
            st = raml_tsvfile_error(&t, err, "latitude '%s' out of range", lat);
            break;
        }
        if (!raml_parse_double(lon, &p.lon) || !(p.lon >= -180 && p.lon <= 180)) {
            st = raml_tsvfile_error(&t, err, "longitude '%s' out of range", lon);
            break;
        }
        const char *feat = raml_tsvfile_cell(&t, P_FEATURE);
        p.feature = geo_feature_parse(feat);
        if (p.feature == GEO_F_NONE) {
            st = raml_tsvfile_error(&t, err, "unknown feature '%s'", feat);
            break;
        }
        p.population = -1;
        const char *pop = raml_tsvfile_cell(&t, P_POP);
        if (*pop && (!raml_parse_long(pop, &p.population) || p.population < 0)) {
            st = raml_tsvfile_error(&t, err, "population '%s' is not a number", pop);
            break;
        }
        p.name_en = raml_tsvfile_cell(&t, P_EN);
        const char *admin1 = raml_tsvfile_cell(&t, P_ADMIN1);
        p.admin1 = *admin1 ? admin1 : NULL;
        char *names[MAX_NAMES];
        int nn = raml_split_bar(raml_tsvfile_cell(&t, P_NAMES), names, MAX_NAMES);
        if (nn == 0) {
            st = raml_tsvfile_error(&t, err, "no Arabic name");
            break;
        }
        p.name_ar = names[0];
        if (g->nplaces == cap) {
            cap *= 2;
            pl = realloc(g->places, cap * sizeof *pl);
            if (!pl) {
                st = raml_error_set(err, RAML_ERR_INTERNAL, t.path, 0, -1, "out of memory");
                break;
            }
            g->places = pl;
        }
        uint32_t id = (uint32_t)g->nplaces;
        g->places[g->nplaces++] = p;
        if (p.feature == GEO_F_ADMIN1) {
            unsigned b = geo_iso3_bit(p.iso3);
            g->region[b >> 3] |= (unsigned char)(1u << (b & 7));
        }
        for (int i = 0; i < nn; i++)
            if (!geo_phrase_add(&g->names, names[i], id) && g->names.failed) {
                st = raml_error_set(err, RAML_ERR_INTERNAL, t.path, t.line, -1, "out of memory");
                break;
            }
        if (st != RAML_OK)
            break;
    }
    if (r < 0)
        st = RAML_ERR_INPUT;
    /* The places point into the buffer whatever happened: the gazetteer frees it. */
    g->bufs[fileno_] = raml_tsvfile_take(&t);
    return st;
}

static const char *const cue_cols[] = {"forms_ar", "kind", "feature_hint", "note"};

static raml_status load_cues(raml_gazetteer *g, const char *dir, raml_error *err)
{
    raml_tsvfile t;
    raml_status st = raml_tsvfile_open(&t, dir, "place_cues.tsv", cue_cols, 4, NULL, err);
    if (st != RAML_OK)
        return st;
    size_t cap = 64;
    g->cues = malloc(cap * sizeof *g->cues);
    if (!g->cues) {
        raml_tsvfile_close(&t);
        return raml_error_set(err, RAML_ERR_INTERNAL, t.path, 0, -1, "out of memory");
    }
    int r = 0;
    while (st == RAML_OK && (r = raml_tsvfile_next(&t, err)) == 1) {
        geo_cue c = {0};
        const char *kind = raml_tsvfile_cell(&t, 1), *hint = raml_tsvfile_cell(&t, 2);
        if (strcmp(kind, "feature") == 0)
            c.kind = GEO_CUE_FEATURE;
        else if (strcmp(kind, "direction") == 0)
            c.kind = GEO_CUE_DIRECTION;
        else if (strcmp(kind, "distance_unit") == 0)
            c.kind = GEO_CUE_DISTANCE;
        else if (strcmp(kind, "preposition") == 0)
            c.kind = GEO_CUE_PREP;
        else {
            st = raml_tsvfile_error(&t, err, "unknown cue kind '%s'", kind);
            break;
        }
        if (c.kind == GEO_CUE_FEATURE) {
            c.hint = geo_cue_hint_parse(hint);
            if (c.hint == GEO_F_NONE) {
                st = raml_tsvfile_error(&t, err, "unknown feature_hint '%s'", hint);
                break;
            }
        }
        if (g->ncues == cap) {
            cap *= 2;
            geo_cue *nc = realloc(g->cues, cap * sizeof *nc);
            if (!nc) {
                st = raml_error_set(err, RAML_ERR_INTERNAL, t.path, 0, -1, "out of memory");
                break;
            }
            g->cues = nc;
        }
        uint32_t id = (uint32_t)g->ncues;
        g->cues[g->ncues++] = c;
        char *forms[MAX_NAMES];
        int nforms = raml_split_bar(raml_tsvfile_cell(&t, 0), forms, MAX_NAMES);
        if (nforms == 0) {
            st = raml_tsvfile_error(&t, err, "empty forms_ar");
            break;
        }
        for (int i = 0; i < nforms && st == RAML_OK; i++)
            if (!geo_phrase_add(&g->cue_ix, forms[i], id) && g->cue_ix.failed)
                st = raml_error_set(err, RAML_ERR_INTERNAL, t.path, t.line, -1, "out of memory");
    }
    if (st == RAML_OK && r < 0)
        st = RAML_ERR_INPUT;
    g->bufs[2] = raml_tsvfile_take(&t);
    return st;
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
    geo_phrase_init(&g->adj_ix);
    raml_status st = load_places(g, data_dir, "gazetteer.tsv", 0, err);
    if (st == RAML_OK)
        st = load_places(g, data_dir, "gazetteer_supplement.tsv", 1, err);
    if (st == RAML_OK)
        st = load_cues(g, data_dir, err);
    if (st == RAML_OK)
        st = geo_stoplist_load(g, data_dir, err);
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
    geo_phrase_free(&g->adj_ix);
    free(g->adj_iso3);
    free(g);
}

size_t raml_gazetteer_size(const raml_gazetteer *g) { return g ? g->nplaces : 0; }

static bool add_guard(void *ctx, const char *w, size_t n)
{
    return raml_wordset_add(ctx, w, n);
}

bool raml_gazetteer_add_guard_words(raml_gazetteer *g, raml_wordset *guard)
{
    if (!g || !guard)
        return true;
    g->guard = guard;
    return geo_phrase_each_word(&g->names, add_guard, guard) &&
           geo_phrase_each_word(&g->cue_ix, add_guard, guard);
}

bool raml_gazetteer_add_adjective(raml_gazetteer *g, const char *adjective_ar, const char *iso3)
{
    if (!g || !adjective_ar || !iso3 || strlen(iso3) != 3)
        return true;
    size_t k = 0;
    while (k < g->nadj && memcmp(g->adj_iso3[k], iso3, 3) != 0)
        k++;
    if (k == g->nadj) {
        if (g->nadj == g->cap_adj) {
            size_t nc = g->cap_adj ? g->cap_adj * 2 : 256;
            char(*na)[4] = realloc(g->adj_iso3, nc * sizeof *na);
            if (!na)
                return false;
            g->adj_iso3 = na;
            g->cap_adj = nc;
        }
        memcpy(g->adj_iso3[g->nadj++], iso3, 4);
    }
    return geo_phrase_add(&g->adj_ix, adjective_ar, (uint32_t)k) || !g->adj_ix.failed;
}
