/*
 * Disambiguation. A name shared by several places (طرابلس: Libya and Lebanon; البيضاء: Libya
 * and Yemen) goes to the candidate that fits, in this order:
 *   1. the cue word's feature class (محافظة حلب → the admin1, مدينة حلب → the city);
 *   2. the country the writer puts it in right after it: a country adjective (طرابلس
 *      اللبنانية) or a containing place (طرابلس شمال لبنان، طرابلس في لبنان، البيضاء، اليمن);
 *   3. the country its sentence talks about (unambiguous places and event actors there);
 *   4. the country the document talks about: one vote per unambiguous place mention and per
 *      event actor with a country (demonyms and named actors, filled by the coder);
 *   5. feature rank (country > capital > city > admin1 > town ...);
 *   6. population.
 */
#include "geo/toponym.h"

#include <stdint.h>
#include <string.h>

#define MAX_VOTES 32

typedef struct votes {
    char iso3[MAX_VOTES][4];
    int n[MAX_VOTES];
    int count;
} votes;

static void vote(votes *v, const char *iso3, int w)
{
    if (!iso3[0])
        return;
    for (int i = 0; i < v->count; i++)
        if (memcmp(v->iso3[i], iso3, 3) == 0) {
            v->n[i] += w;
            return;
        }
    if (v->count < MAX_VOTES) {
        memcpy(v->iso3[v->count], iso3, 4);
        v->n[v->count++] = w;
    }
}

static int votes_for(const votes *v, const char *iso3)
{
    for (int i = 0; i < v->count; i++)
        if (memcmp(v->iso3[i], iso3, 3) == 0)
            return v->n[i];
    return 0;
}

/* The single country all candidates share, or NULL. */
static const char *sole_country(const raml_gazetteer *g, const geo_mention *m)
{
    const char *iso = NULL;
    uint32_t cur = m->m.head, p;
    while (geo_phrase_next(&g->names, &m->m, &cur, &p)) {
        if (!iso)
            iso = g->places[p].iso3;
        else if (memcmp(iso, g->places[p].iso3, 3) != 0)
            return NULL;
    }
    return iso;
}

enum { NKEY = 6 };

static bool better(const long *a, const long *b)
{
    for (int i = 0; i < NKEY; i++)
        if (a[i] != b[i])
            return a[i] > b[i];
    return false;
}

/* The country of the unambiguous place named within three tokens after m in its sentence
 * (a direction, a preposition or a comma between), or NULL. */
static const char *container_after(const raml_gazetteer *g, const geo_mention *ms, size_t n,
                                   size_t i)
{
    const geo_mention *m = &ms[i];
    if (i + 1 >= n || ms[i + 1].sent != m->sent || ms[i + 1].ref >= 0)
        return NULL;
    if (ms[i + 1].ctx_first > m->first + m->count + 2)
        return NULL;
    return sole_country(g, &ms[i + 1]);
}

static int pick(const raml_gazetteer *g, const geo_mention *m, const char *container,
                const votes *sentence, const votes *doc)
{
    int best = -1;
    long bkey[NKEY] = {0};
    int hint_class = m->hint ? geo_feature_class(m->hint) : -1;
    /* ريف حلب names the countryside of the city: the city is the anchor. */
    if (m->hint == GEO_F_ADMIN2)
        hint_class = geo_feature_class(GEO_F_CITY);
    uint32_t cur = m->m.head, p;
    while (geo_phrase_next(&g->names, &m->m, &cur, &p)) {
        const geo_place *pl = &g->places[p];
        long key[NKEY] = {geo_feature_class(pl->feature) == hint_class,
                          container && memcmp(container, pl->iso3, 3) == 0,
                          votes_for(sentence, pl->iso3),
                          votes_for(doc, pl->iso3),
                          geo_feature_rank(pl->feature),
                          pl->population};
        if (best < 0 || better(key, bkey)) {
            best = (int)p;
            memcpy(bkey, key, sizeof key);
        }
    }
    return best;
}

static raml_geo_precision precision_of(const raml_gazetteer *g, const geo_mention *m)
{
    geo_feature f = g->places[m->place].feature;
    raml_geo_precision p = geo_feature_precision(f);
    /* ريف حلب: the countryside of a city is an area around it, not the city. */
    if (m->hint == GEO_F_ADMIN2 || m->hint == GEO_F_REGION) {
        if (p == RAML_GEO_TOWN || p == RAML_GEO_POINT)
            p = geo_feature_precision(m->hint);
    }
    if (m->ref >= 0)
        return RAML_GEO_NEAR_TOWN;
    if (m->direction) {
        if (p == RAML_GEO_TOWN || p == RAML_GEO_POINT)
            return RAML_GEO_NEAR_TOWN;
        if (p == RAML_GEO_ADMIN2)
            return RAML_GEO_ADMIN2;
        if (p != RAML_GEO_WATER)
            return RAML_GEO_SUB_COUNTRY_REGION;
    }
    return p;
}

void geo_resolve(const raml_gazetteer *g, geo_mention *ms, size_t n, const raml_event *events,
                 size_t nevents)
{
    votes doc = {0}, sentence = {0};
    for (size_t i = 0; i < n; i++) {
        if (ms[i].ref >= 0)
            continue;
        const char *iso = sole_country(g, &ms[i]);
        if (iso)
            vote(&doc, iso, 1);
    }
    for (size_t e = 0; e < nevents; e++)
        for (int k = 0; k < events[e].nactors; k++)
            vote(&doc, events[e].actors[k].country, 1);
    uint32_t voted_sent = UINT32_MAX;
    size_t e0 = 0; /* events come in sentence order */
    for (size_t i = 0; i < n; i++) {
        geo_mention *m = &ms[i];
        if (m->sent != voted_sent) {
            voted_sent = m->sent;
            sentence = (votes){0};
            for (size_t j = i; j < n && ms[j].sent == m->sent; j++) {
                const char *iso = ms[j].ref < 0 ? sole_country(g, &ms[j]) : NULL;
                if (iso)
                    vote(&sentence, iso, 1);
            }
            while (e0 < nevents && events[e0].sentence_index < m->sent)
                e0++;
            for (size_t e = e0; e < nevents && events[e].sentence_index == m->sent; e++)
                for (int k = 0; k < events[e].nactors; k++)
                    vote(&sentence, events[e].actors[k].country, 1);
        }
        if (m->ref >= 0)
            m->place = ms[m->ref].place;
        else
            m->place = pick(g, m, m->adj_country[0] ? m->adj_country : container_after(g, ms, n, i),
                            &sentence, &doc);
        if (m->place >= 0)
            m->precision = precision_of(g, m);
    }
}
