/*
 * The lexicon: every dictionary under data/ compiled into one immutable structure —
 * an intern table (folded stem → id), a token-id phrase trie over actors, sectors,
 * event triggers and modality cues, the guard word set for clitic segmentation, and the
 * gazetteer, date words and number words used by geo/, time/ and count/.
 *
 * Internal header. Loaded once; read-only afterwards, shared by all threads.
 */
#ifndef RAML_LEXICON_H
#define RAML_LEXICON_H

#include "raml.h"
#include "text/text.h"

typedef struct raml_gazetteer raml_gazetteer;
typedef struct raml_timelex raml_timelex;

const raml_wordset *raml_lexicon_guard(const raml_lexicon *lex);
const raml_gazetteer *raml_lexicon_gazetteer(const raml_lexicon *lex);
const raml_timelex *raml_lexicon_timelex(const raml_lexicon *lex);
const raml_numwords *raml_lexicon_numwords(const raml_lexicon *lex);
/* A short version string of the dictionaries (file names and row counts hashed), for the
 * record's coder.dictionaries field. */
const char *raml_lexicon_version(const raml_lexicon *lex);

/* Fills norm_id / stem_id of each token (0 for words no dictionary phrase contains). */
void raml_lexicon_intern_tokens(const raml_lexicon *lex, raml_token *tokens, size_t ntokens);

#endif
