/* Actor countries taken from the event's place (see coder.h). Only places found in the
 * event's own clause or sentence count: the document's focus place is a guess about where
 * the event was, too weak to also say who took part in it. */
#include "coder/coder.h"
#include "util/str.h"

#include <stdio.h>
#include <string.h>

static bool placed_here(const raml_location *l)
{
    if (!l->present || !l->method || strlen(l->country) != 3)
        return false;
    return !strcmp(l->method, "clause") || !strcmp(l->method, "sentence");
}

/* An attack that killed or wounded people nobody names (أوقع هجوم بسيارة مفخخة في الفلوجة
 * سبعة قتلى) still has victims: they are coded by the country where it happened, with no
 * sector, and the casualty words as their evidence. */
static void place_recipient(raml_event *ev, const raml_trace *trace)
{
    if (strcmp(ev->plover_type, "ASSAULT") != 0 || ev->nactors >= RAML_MAX_ACTORS ||
        ev->modality.realis != RAML_REALIS_ACTUAL)
        return;
    for (int k = 0; k < ev->nactors; k++)
        if (ev->actors[k].role == RAML_ROLE_RECIPIENT)
            return;
    const raml_count *c = ev->killed.count >= 0 ? &ev->killed : ev->injured.count >= 0 ? &ev->injured : NULL;
    if (!c || !c->span.text)
        return;
    raml_actor *a = &ev->actors[ev->nactors++];
    memset(a, 0, sizeof *a);
    a->role = RAML_ROLE_RECIPIENT;
    a->span = c->span;
    memcpy(a->country, ev->location.country, 4);
    memcpy(a->cameo, a->country, 4);
    a->is_generic = true;
    raml_event_add_rule(ev, "R-PLACE-VICTIMS");
    if (trace && trace->emit) {
        char line[160];
        snprintf(line, sizeof line, "  unnamed victims '%s' take the place's country %s", a->span.text,
                 a->country);
        trace->emit(trace->ctx, line);
    }
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
            raml_strcat2(a->cameo, sizeof a->cameo, a->country, a->sector);
            changed = true;
            if (trace && trace->emit) {
                char line[160];
                snprintf(line, sizeof line, "  actor '%s' takes the place's country %s",
                         a->span.text ? a->span.text : "?", a->country);
                trace->emit(trace->ctx, line);
            }
        }
        if (changed)
            raml_event_add_rule(ev, "R-PLACE-COUNTRY");
        place_recipient(ev, trace);
    }
}
