/* TEMPORARY stub so the tree links while the lexicon is written; delete when replaced. */
#include "lexicon/lexicon.h"
#include <stdlib.h>
struct raml_lexicon { raml_wordset *guard; raml_numwords *nw; };
raml_status raml_lexicon_load(const char *data_dir, raml_lexicon **out, raml_error *err)
{
    *out = calloc(1, sizeof **out);
    return RAML_OK;
}
void raml_lexicon_free(raml_lexicon *lex) { free(lex); }
const char *raml_lexicon_describe(const raml_lexicon *lex) { return "stub"; }
const raml_wordset *raml_lexicon_guard(const raml_lexicon *lex) { return NULL; }
const raml_gazetteer *raml_lexicon_gazetteer(const raml_lexicon *lex) { return NULL; }
const raml_timelex *raml_lexicon_timelex(const raml_lexicon *lex) { return NULL; }
const raml_numwords *raml_lexicon_numwords(const raml_lexicon *lex) { return NULL; }
const char *raml_lexicon_version(const raml_lexicon *lex) { return "stub"; }
void raml_lexicon_intern_tokens(const raml_lexicon *lex, raml_token *tokens, size_t ntokens) {}
