/*
 * The coder: analysed sentences → events (type, mode, CAMEO, actors, modality,
 * attribution). Places, dates and casualty counts are added afterwards by geo/, time/ and
 * count/, which read the events' trigger spans.
 *
 * Internal header.
 */
#ifndef RAML_CODER_H
#define RAML_CODER_H

#include "raml.h"
#include "text/text.h"

/* A trace of the coder's decisions for `raml explain`; NULL when not wanted. */
typedef struct raml_trace raml_trace;
typedef void (*raml_trace_fn)(void *ctx, const char *line);
struct raml_trace {
    raml_trace_fn emit;
    void *ctx;
};

/* Codes every sentence of `text`; events are allocated in the arena and returned in
 * document order with sentence_index / index_in_sentence set. `doc_year` (0 = unknown) picks
 * the row of a named actor whose name or role changed over time (RSF PRM until 2022, REB
 * after) and dates background years (a year before the article's is not its news). */
raml_status raml_code_text(const raml_lexicon *lex, raml_arena *arena, const raml_text *text,
                           int doc_year, raml_event **events, size_t *nevents,
                           const raml_trace *trace, raml_error *err);

/* Runs after geo/ has placed the events: a generic agent that no word of the sentence gives
 * a country (ثلاثة مدنيين، دورية للشرطة) takes the country of the place where the event
 * happened — CAMEO codes domestic agents by where they act. Foreign agents carry their own
 * default (قوات أجنبية → INT) and unidentified gunmen keep none. Adds R-PLACE-COUNTRY. */
void raml_code_place_countries(raml_event *events, size_t nevents, const raml_trace *trace);

/* Appends a rule or dictionary id to the event's rule_ids; past RAML_MAX_RULES the rest are
 * dropped (the first ones say the most). */
static inline void raml_event_add_rule(raml_event *ev, const char *rule)
{
    if (ev->nrules < RAML_MAX_RULES)
        ev->rule_ids[ev->nrules++] = rule;
}

#endif
