/*
 * Places: the gazetteer (data/gazetteer*.tsv), toponym recognition in analysed text
 * (through clitics, cue words and relative positions), disambiguation against the
 * document's other places and actors, and the event–place link.
 *
 * Internal header.
 */
#ifndef RAML_GEO_H
#define RAML_GEO_H

#include "raml.h"
#include "text/text.h"

typedef struct raml_trace raml_trace;

typedef struct raml_gazetteer raml_gazetteer;

/* Loads data_dir/gazetteer.tsv, data_dir/gazetteer_supplement.tsv, data_dir/place_cues.tsv and
 * data_dir/place_stoplist.tsv.
 * A bad row (coordinates out of range, wrong column count) is an error naming file and line. */
raml_status raml_gazetteer_load(const char *data_dir, raml_gazetteer **out, raml_error *err);
void raml_gazetteer_free(raml_gazetteer *g);
size_t raml_gazetteer_size(const raml_gazetteer *g);
/* Adds every folded place-name word to the guard lexicon (so بنغازي is never cut), and keeps
 * the lexicon for telling names that are also common words (see toponym.c). */
bool raml_gazetteer_add_guard_words(raml_gazetteer *g, raml_wordset *guard);
/* Registers a country adjective (ليبي، ليبية; raw Arabic, folded here) for iso3: a place name
 * followed by it is taken in that country (طرابلس اللبنانية). False when out of memory. */
bool raml_gazetteer_add_adjective(raml_gazetteer *g, const char *adjective_ar, const char *iso3);

/* Finds the document's place mentions and fills events[i].location (method says how the
 * place was chosen: clause, sentence, document_focus). Events without a place keep
 * location.present == false. */
raml_status raml_geo_locate(const raml_gazetteer *g, raml_arena *arena, const raml_text *text,
                            raml_event *events, size_t nevents, const raml_trace *trace,
                            raml_error *err);

#endif
