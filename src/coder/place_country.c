/* Actor countries taken from the event's place (see coder.h). Only places found in the
 * event's own clause or sentence count: the document's focus place is a guess about where
 * the event was, too weak to also say who took part in it. */
#include "coder/coder.h"

#include <stdio.h>
#include <string.h>

static bool placed_here(const raml_location *l)
{
    if (!l->present || !l->method || strlen(l->country) != 3)
        return false;
    return !strcmp(l->method, "clause") || !strcmp(l->method, "sentence");
}

void raml_code_place_countries(raml_event *events, size_t nevents, const raml_trace *trace)
{
    for (size_t i = 0; i < nevents; i++) {
        raml_event *ev = &events[i];
        if (!placed_here(&ev->location))
            continue;
        bool changed = false;
        for (int k = 0; k < ev->nactors; k++) {
            raml_actor *a = &ev->actors[k];
            if (a->country[0] || !a->is_generic || !strcmp(a->sector, "UAF"))
                continue;
            memcpy(a->country, ev->location.country, 4);
            snprintf(a->cameo, sizeof a->cameo, "%s%s", a->country, a->sector);
            changed = true;
            if (trace && trace->emit) {
                char line[160];
                snprintf(line, sizeof line, "  actor '%s' takes the place's country %s",
                         a->span.text ? a->span.text : "?", a->country);
                trace->emit(trace->ctx, line);
            }
        }
        if (changed && ev->nrules < RAML_MAX_RULES)
            ev->rule_ids[ev->nrules++] = "R-PLACE-COUNTRY";
    }
}
