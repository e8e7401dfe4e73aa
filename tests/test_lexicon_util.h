/* Shared by test_lexicon.c and test_coder.c: the fixture dictionaries and small helpers. */
#ifndef RAML_TEST_LEXICON_UTIL_H
#define RAML_TEST_LEXICON_UTIL_H

#include "lexicon/lexicon_int.h"
#include "util/arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static inline const char *fixture_dir(void)
{
    static char path[1024];
    const char *tests = getenv("RAML_TESTS");
    snprintf(path, sizeof path, "%s/fixtures/lexicon/good", tests ? tests : "tests");
    return path;
}

/* Every match of `text` as "kind:id" words joined by spaces (ids without the file name). */
static inline const char *match_string(const raml_lexicon *lex, const char *text)
{
    static char out[4096];
    static const char *kinds[] = {"country", "demonym", "capital", "named", "sector", "trigger", "cue"};
    out[0] = '\0';
    raml_arena a;
    raml_arena_init(&a, 65536);
    raml_text t;
    raml_error err;
    raml_text_opts opts = {raml_lexicon_guard(lex), 0};
    if (raml_text_analyze(&a, text, strlen(text), &opts, &t, &err) == RAML_OK) {
        raml_lexicon_intern_tokens(lex, t.tokens, t.ntokens);
        raml_lex_match m[64];
        size_t n = raml_lexicon_match(lex, t.tokens, 0, (uint32_t)t.ntokens, m, 64);
        size_t len = 0;
        for (size_t i = 0; i < n; i++)
            for (uint32_t k = 0; k < m[i].nentries; k++) {
                const raml_lex_entry *e = raml_lexicon_entry(lex, m[i].entries[k]);
                const char *id = strchr(e->id, ':') ? strchr(e->id, ':') + 1 : e->id;
                len += (size_t)snprintf(out + len, sizeof out - len, "%s%s:%s", len ? " " : "",
                                        kinds[e->kind], id);
                if (len >= sizeof out)
                    len = sizeof out - 1;
            }
    }
    raml_arena_free(&a);
    return out;
}

#endif
