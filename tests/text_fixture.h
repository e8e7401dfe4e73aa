/* Analysing a test sentence with the text layer's stages, without a lexicon: tokens,
 * clitic segments against `guard` (may be NULL) and sentences, all in `arena`. */
#ifndef RAML_TEST_TEXT_FIXTURE_H
#define RAML_TEST_TEXT_FIXTURE_H

#include "text/text.h"

#include <string.h>

static inline raml_text fixture_analyze(raml_arena *arena, const char *s, const raml_wordset *guard)
{
    raml_text t = {0};
    t.text = s;
    t.len = strlen(s);
    raml_tokenize(arena, s, t.len, &t.tokens, &t.ntokens);
    for (size_t i = 0; i < t.ntokens; i++)
        raml_segment_token(arena, &t.tokens[i], guard);
    raml_split_sentences(arena, s, t.tokens, t.ntokens, 0, &t.sentences, &t.nsentences);
    return t;
}

#endif
