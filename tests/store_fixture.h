/* Hand-built events for the store and exporter tests (the coder may not be there yet). */
#ifndef RAML_TEST_STORE_FIXTURE_H
#define RAML_TEST_STORE_FIXTURE_H

#include "raml.h"

#include <stdio.h>
#include <string.h>

static inline raml_span fx_span(const char *t, uint32_t s)
{
    raml_span sp = {t, s, s + 3, s * 2, s * 2 + 6};
    return sp;
}

/* An actual ASSAULT at a town, by country+sector on civilians, with a killed count. */
static inline void fx_event(raml_event *e, const char *type, const char *mode, const char *date,
                            const char *place, const char *place_ar, const char *iso3, double lat,
                            double lon, long killed, raml_qualifier q)
{
    memset(e, 0, sizeof *e);
    e->sentence_index = 0;
    e->sentence = (raml_span){NULL, 0, 40, 0, 80};
    e->trigger = fx_span("قصفت", 2);
    e->plover_type = type;
    if (mode) {
        e->modes[0] = mode;
        e->nmodes = 1;
    }
    strcpy(e->cameo, "195");
    e->quad_class = 4;
    e->goldstein = -10;
    e->plover_score = -9.5;
    e->confidence = 0.9;
    e->rule_ids[0] = "AR-TEST-1";
    e->nrules = 1;
    raml_actor *a = &e->actors[0];
    a->role = RAML_ROLE_ACTOR;
    a->span = fx_span("طائرات حربية", 10);
    a->name = "Military (Syria)";
    strcpy(a->country, iso3);
    strcpy(a->sector, "MIL");
    strcpy(a->sectors[0], "MIL");
    a->nsectors = 1;
    snprintf(a->cameo, sizeof a->cameo, "%sMIL", iso3);
    raml_actor *r = &e->actors[1];
    r->role = RAML_ROLE_RECIPIENT;
    r->span = fx_span("مدنيين", 20);
    r->name = "Civilians, \"local\"";
    strcpy(r->country, iso3);
    strcpy(r->sector, "CVL");
    r->is_generic = true;
    e->nactors = 2;
    if (place) {
        raml_location *l = &e->location;
        l->present = true;
        l->span = fx_span(place_ar, 30);
        l->resolved_name = place;
        l->name_ar = place_ar;
        strcpy(l->country, iso3);
        l->admin1 = "Idlib";
        l->lat = lat;
        l->lon = lon;
        l->precision = RAML_GEO_TOWN;
        l->method = "sentence";
    }
    if (date) {
        strcpy(e->date.value, date);
        e->date.precision = strlen(date) == 10 ? RAML_DATE_DAY : RAML_DATE_MONTH;
        e->date.method = RAML_DATE_EXPLICIT;
        e->date.span = fx_span("الأحد", 35);
    }
    if (killed >= 0) {
        e->killed.present = true;
        e->killed.count = killed;
        e->killed.qualifier = q;
        e->killed.low = killed;
        e->killed.high = q == RAML_QUAL_EXACT ? killed : -1;
        e->killed.span = fx_span("12", 5);
    }
    e->injured.count = e->injured.low = e->injured.high = -1;
    e->arrested.count = e->arrested.low = e->arrested.high = -1;
    e->modality.certainty = RAML_CERTAINTY_REPORTED;
}

#endif
