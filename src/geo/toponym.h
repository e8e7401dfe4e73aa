/* Place mentions in analysed text: recognition (toponym.c) and disambiguation (resolve.c).
 * Internal to geo/. */
#ifndef RAML_GEO_TOPONYM_H
#define RAML_GEO_TOPONYM_H

#include "geo/geo_int.h"

typedef struct geo_mention {
    uint32_t first, count; /* the name's tokens (the anaphoric noun for anaphors) */
    uint32_t ctx_first;    /* first token of the whole expression: distance, direction, cue */
    uint32_t sent;
    geo_pmatch m;          /* candidate places */
    int place;             /* resolved place index, -1 while unresolved */
    int ref;               /* anaphors (غرب المدينة): the mention referred to, else -1 */
    geo_feature hint;      /* from a feature cue (مدينة → city), GEO_F_NONE without one */
    bool cued, direction;
    char adj_country[4];   /* a country adjective right after the name (طرابلس اللبنانية) */
    raml_geo_precision precision;
} geo_mention;

/* All mentions of the text in order. */
raml_status geo_find_mentions(const raml_gazetteer *g, raml_arena *a, const raml_text *text,
                              geo_mention **out, size_t *nout);
/* Picks each mention's place: cue compatibility, then the document's country votes (other
 * unambiguous places and the events' actors), then feature rank, then population. Sets
 * place and precision; mentions left with place -1 are ignored by the caller. */
void geo_resolve(const raml_gazetteer *g, geo_mention *ms, size_t n, const raml_event *events,
                 size_t nevents);

#endif
