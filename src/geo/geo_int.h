/* The gazetteer's in-memory form, shared by the loader, toponym recognition and the
 * event–place link. Internal to geo/. */
#ifndef RAML_GEO_INT_H
#define RAML_GEO_INT_H

#include "geo/geo.h"
#include "geo/phrase.h"

typedef enum {
    GEO_F_NONE = 0,
    GEO_F_COUNTRY,
    GEO_F_CAPITAL,
    GEO_F_CITY,
    GEO_F_TOWN,
    GEO_F_VILLAGE,
    GEO_F_ADMIN1,
    GEO_F_ADMIN2,
    GEO_F_REGION,
    GEO_F_DISTRICT,
    GEO_F_AIRPORT,
    GEO_F_AIRBASE,
    GEO_F_OILFIELD,
    GEO_F_PORT,
    GEO_F_MOUNTAIN,
    GEO_F_VALLEY,
    GEO_F_WATER,
    GEO_F_CROSSING,
    GEO_F_CAMP,
    GEO_F_FACILITY, /* only as a cue hint: a building or installation (مستشفى، سجن، مصفاة) */
    GEO_F_COUNT
} geo_feature;

geo_feature geo_feature_parse(const char *s);
/* A place_cues.tsv feature_hint: a gazetteer feature or one of the finer cue-only hints. */
geo_feature geo_cue_hint_parse(const char *s);
/* The precision of a bare mention of a place of this feature. */
raml_geo_precision geo_feature_precision(geo_feature f);
/* Broad classes, for matching a cue word's hint against a candidate. */
int geo_feature_class(geo_feature f);
/* Ranking among homonyms when nothing else decides (country > capital > city ...). */
int geo_feature_rank(geo_feature f);

typedef struct geo_place {
    const char *name_en, *name_ar, *admin1; /* admin1 NULL when "-" */
    char iso3[4];
    double lat, lon;
    long population; /* -1 unknown */
    geo_feature feature;
} geo_place;

typedef enum { GEO_CUE_FEATURE, GEO_CUE_DIRECTION, GEO_CUE_DISTANCE, GEO_CUE_PREP } geo_cue_kind;

typedef struct geo_cue {
    geo_cue_kind kind;
    geo_feature hint; /* feature cues; GEO_F_NONE otherwise */
} geo_cue;

struct raml_gazetteer {
    char *bufs[3]; /* the files, split in place: every string points here */
    geo_place *places;
    size_t nplaces;
    geo_cue *cues;
    size_t ncues;
    geo_phrase_index names; /* payload: place index */
    geo_phrase_index cue_ix; /* payload: cue index */
    geo_phrase_index stop_ix; /* payload: geo_stop tier */
    geo_phrase_index title_ix; /* person titles; payload unused */
    /* Country adjectives (الليبية، اللبناني), added by the lexicon from data/countries.tsv;
     * payload: index into adj_iso3. A place name followed by one is in that country. */
    geo_phrase_index adj_ix;
    char (*adj_iso3)[4];
    size_t nadj, cap_adj;
    /* The countries the gazetteer covers in depth: those with admin1 rows (the generator adds
     * admin1 only for the region raml codes). Bit per AAA..ZZZ code. */
    unsigned char region[(26 * 26 * 26 + 7) / 8];
    /* The lexicon's guard word list (owned by the lexicon), or NULL when loaded alone. */
    const raml_wordset *guard;
};

static inline unsigned geo_iso3_bit(const char *iso3)
{
    return (unsigned)((iso3[0] - 'A') * 676 + (iso3[1] - 'A') * 26 + (iso3[2] - 'A'));
}
static inline bool geo_in_region(const raml_gazetteer *g, const char *iso3)
{
    unsigned b = geo_iso3_bit(iso3);
    return (g->region[b >> 3] >> (b & 7)) & 1;
}

/* Stop-list (stoplist.c): names that are also common words need context. */
typedef enum { GEO_STOP_NONE, GEO_STOP_NEED_CUE, GEO_STOP_NEED_CUE_OR_PREP } geo_stop;
/* Fills g->stop_ix and g->title_ix from dir/place_stoplist.tsv; a bad row is an error
 * naming file and line. */
raml_status geo_stoplist_load(raml_gazetteer *g, const char *dir, raml_error *err);

#endif
