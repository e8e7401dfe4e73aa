/* TEMPORARY stub so the tree links while the coder is written; delete when replaced. */
#include "coder/coder.h"
raml_status raml_code_text(const raml_lexicon *lex, raml_arena *arena, const raml_text *text,
                           raml_event **events, size_t *nevents, const raml_trace *trace, raml_error *err)
{
    *events = NULL;
    *nevents = 0;
    return RAML_OK;
}
