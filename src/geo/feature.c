/* Feature codes of data/gazetteer*.tsv and what they imply for precision and ranking. */
#include "geo/geo_int.h"

#include <string.h>

static const char *const names[GEO_F_COUNT] = {
    "",        "country",  "capital", "city",     "town", "village", "admin1",
    "admin2",  "region",   "district", "airport", "airbase", "oilfield", "port",
    "mountain", "valley",  "water",   "crossing", "camp", "facility"};

geo_feature geo_feature_parse(const char *s)
{
    for (int i = 1; i < GEO_F_COUNT; i++)
        if (strcmp(s, names[i]) == 0)
            return (geo_feature)i;
    return GEO_F_NONE;
}

/* place_cues.tsv names things finer than the gazetteer's features (a mosque, a market, a
 * plateau); they only steer disambiguation, so each maps to the nearest gazetteer class. */
geo_feature geo_cue_hint_parse(const char *s)
{
    static const struct {
        const char *hint;
        geo_feature feature;
    } aliases[] = {
        {"base", GEO_F_AIRBASE},       {"admin3", GEO_F_ADMIN2},
        {"strip", GEO_F_REGION},       {"border", GEO_F_REGION},
        {"plain", GEO_F_REGION},       {"plateau", GEO_F_MOUNTAIN},
        {"hill", GEO_F_MOUNTAIN},      {"forest", GEO_F_REGION},
        {"oasis", GEO_F_TOWN},         {"island", GEO_F_REGION},
        {"river", GEO_F_WATER},        {"lake", GEO_F_WATER},
        {"gasfield", GEO_F_OILFIELD},  {"refinery", GEO_F_OILFIELD},
        {"neighbourhood_block", GEO_F_DISTRICT},
        {"square", GEO_F_DISTRICT},    {"street", GEO_F_DISTRICT},
        {"road", GEO_F_DISTRICT},      {"market", GEO_F_DISTRICT},
        {"station", GEO_F_FACILITY},   {"university", GEO_F_FACILITY},
        {"school", GEO_F_FACILITY},    {"mosque", GEO_F_FACILITY},
        {"hospital", GEO_F_FACILITY},  {"prison", GEO_F_FACILITY},
        {"embassy", GEO_F_FACILITY},   {"factory", GEO_F_FACILITY},
        {"facility", GEO_F_FACILITY},  {"headquarters", GEO_F_FACILITY},
        {"farm", GEO_F_FACILITY},      {"bank", GEO_F_FACILITY},
        {"bridge", GEO_F_FACILITY},    {"building", GEO_F_FACILITY},
        {"checkpoint", GEO_F_CROSSING}, {"church", GEO_F_FACILITY},
        {"dam", GEO_F_FACILITY},       {"city_centre", GEO_F_DISTRICT},
        {"coast", GEO_F_REGION},       {"desert", GEO_F_REGION},
    };
    geo_feature f = geo_feature_parse(s);
    if (f != GEO_F_NONE)
        return f;
    for (size_t i = 0; i < sizeof aliases / sizeof *aliases; i++)
        if (strcmp(s, aliases[i].hint) == 0)
            return aliases[i].feature;
    return GEO_F_NONE;
}

raml_geo_precision geo_feature_precision(geo_feature f)
{
    switch (f) {
    case GEO_F_COUNTRY: return RAML_GEO_COUNTRY;
    case GEO_F_ADMIN1: return RAML_GEO_ADMIN1;
    case GEO_F_ADMIN2: return RAML_GEO_ADMIN2;
    case GEO_F_REGION:
    case GEO_F_MOUNTAIN:
    case GEO_F_VALLEY: return RAML_GEO_SUB_COUNTRY_REGION;
    case GEO_F_WATER: return RAML_GEO_WATER;
    case GEO_F_AIRPORT:
    case GEO_F_AIRBASE:
    case GEO_F_OILFIELD:
    case GEO_F_PORT:
    case GEO_F_CROSSING:
    case GEO_F_FACILITY: return RAML_GEO_POINT;
    default: return RAML_GEO_TOWN; /* capital city town village district camp */
    }
}

int geo_feature_class(geo_feature f)
{
    switch (f) {
    case GEO_F_CAPITAL:
    case GEO_F_CITY:
    case GEO_F_TOWN:
    case GEO_F_VILLAGE:
    case GEO_F_DISTRICT:
    case GEO_F_CAMP: return 1;
    case GEO_F_ADMIN1:
    case GEO_F_ADMIN2: return 2;
    case GEO_F_AIRPORT:
    case GEO_F_AIRBASE:
    case GEO_F_OILFIELD:
    case GEO_F_PORT:
    case GEO_F_CROSSING: return 3;
    case GEO_F_REGION:
    case GEO_F_MOUNTAIN:
    case GEO_F_VALLEY:
    case GEO_F_WATER: return 4;
    case GEO_F_COUNTRY: return 5;
    default: return 0;
    }
}

int geo_feature_rank(geo_feature f)
{
    switch (f) {
    case GEO_F_COUNTRY: return 9;
    case GEO_F_CAPITAL: return 8;
    case GEO_F_CITY: return 7;
    case GEO_F_ADMIN1: return 6;
    case GEO_F_AIRPORT:
    case GEO_F_AIRBASE:
    case GEO_F_OILFIELD:
    case GEO_F_PORT: return 5;
    case GEO_F_TOWN: return 4;
    case GEO_F_REGION:
    case GEO_F_ADMIN2: return 3;
    default: return 2;
    }
}
