/*
 * Casualty counts: killed, injured and arrested figures attached to the right event, from
 * digits and number words, with their qualifier (exact, at least, about, more than,
 * unspecified for عشرات) and low/high bounds. The cue words come from data/casualties.tsv.
 *
 * Internal header.
 */
#ifndef RAML_COUNT_H
#define RAML_COUNT_H

#include "raml.h"
#include "text/text.h"

typedef struct raml_trace raml_trace;

typedef struct raml_casualties raml_casualties;

/* Loads data_dir/casualties.tsv. A bad row (unknown kind or class, a value that does not fit
 * the class, an empty form) is RAML_ERR_INPUT naming file and line. A missing file gives an
 * empty table when missing is non-NULL (*missing set): no figures are then read. */
raml_status raml_casualties_load(const char *data_dir, raml_casualties **out, bool *missing,
                                 raml_error *err);
void raml_casualties_free(raml_casualties *cs);
/* Number of cue forms. */
size_t raml_casualties_size(const raml_casualties *cs);

/* Fills events[i].killed / injured / arrested. cs NULL or empty: nothing is read. */
raml_status raml_count_casualties(const raml_casualties *cs, const raml_numwords *nw,
                                  raml_arena *arena, const raml_text *text, raml_event *events,
                                  size_t nevents, const raml_trace *trace, raml_error *err);

#endif
