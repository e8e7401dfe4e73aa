/*
 * Casualty counts: killed, injured and arrested figures attached to the right event, from
 * digits and number words, with their qualifier (exact, at least, about, more than,
 * unspecified for عشرات) and low/high bounds.
 *
 * Internal header.
 */
#ifndef RAML_COUNT_H
#define RAML_COUNT_H

#include "raml.h"
#include "text/text.h"

typedef struct raml_trace raml_trace;

/* Fills events[i].killed / injured / arrested. */
raml_status raml_count_casualties(const raml_numwords *nw, raml_arena *arena, const raml_text *text,
                                  raml_event *events, size_t nevents, const raml_trace *trace,
                                  raml_error *err);

#endif
