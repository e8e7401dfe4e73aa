/*
 * Dates: month names in every Arabic naming system, weekdays, relative expressions and
 * Hijri dates (data/dates.tsv); the document date from metadata or the dateline; each
 * event's date resolved against it, with precision and method.
 *
 * Internal header.
 */
#ifndef RAML_TIME_H
#define RAML_TIME_H

#include "raml.h"
#include "text/text.h"

typedef struct raml_trace raml_trace;

typedef struct raml_timelex raml_timelex;

/* Loads data_dir/dates.tsv and, with it, data_dir/casualties.tsv (count/'s cue words ride
 * on this load so that the lexicon, which calls it, needs no change; optional: a data
 * directory without it reads no casualty figures). */
raml_status raml_timelex_load(const char *data_dir, raml_timelex **out, raml_error *err);
void raml_timelex_free(raml_timelex *t);
/* Number of rows loaded from dates.tsv. */
size_t raml_timelex_size(const raml_timelex *t);
/* The casualty cue words loaded with the date words (NULL for a NULL timelex). */
const struct raml_casualties *raml_timelex_casualties(const raml_timelex *t);
bool raml_timelex_add_guard_words(const raml_timelex *t, raml_wordset *guard);

/* The document date: pub_date when valid (YYYY-MM-DD), else a dateline near the top of the
 * text (30/05/2017, (2017/6/4), 4 أبريل (نيسان) 2016). out gets "YYYY-MM-DD" or "". */
void raml_time_doc_date(const raml_timelex *t, const raml_text *text, const char *pub_date,
                        char out[11]);

/* Fills events[i].date: an explicit or relative date in the event's sentence resolved
 * against doc_date, else doc_date with method pub_date_fallback, else unknown. */
raml_status raml_time_date_events(const raml_timelex *t, raml_arena *arena, const raml_text *text,
                                  const char *doc_date, raml_event *events, size_t nevents,
                                  const raml_trace *trace, raml_error *err);

#endif
