/* TEMPORARY stub so the tree links while the text layer is written; delete when replaced. */
#include "text/text.h"
#include <string.h>
raml_status raml_text_analyze(raml_arena *a, const char *bytes, size_t len, const raml_text_opts *opts,
                              raml_text *out, raml_error *err)
{
    memset(out, 0, sizeof *out);
    out->text = raml_arena_strndup(a, bytes, len);
    out->len = len;
    return RAML_OK;
}
struct raml_wordset { int unused; };
raml_wordset *raml_wordset_new(void) { static raml_wordset w; return &w; }
void raml_wordset_free(raml_wordset *ws) {}
bool raml_wordset_add(raml_wordset *ws, const char *word, size_t len) { return true; }
struct raml_numwords { int unused; };
raml_status raml_numwords_load(const char *path, raml_numwords **out, raml_error *err) { static raml_numwords n; *out = &n; return RAML_OK; }
void raml_numwords_free(raml_numwords *nw) {}
