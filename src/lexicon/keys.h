/* The two matching keys of a segmented token, computed identically for dictionary phrases
 * and running text: the bare form (no article) and the article form (ال + stem) when the
 * token has the article, whether the segmenter cut it or left it on a known word. A
 * dictionary word written with the article (القاعدة) is stored under its article form only,
 * so it never matches the bare common noun (قاعدة "base"); one written without it (جيش،
 * تركي) is stored bare and matches with or without the article. */
#ifndef RAML_LEXICON_KEYS_H
#define RAML_LEXICON_KEYS_H

#include "text/text.h"

#include <string.h>

#define RAML_AL "\xd8\xa7\xd9\x84" /* ال */
#define RAML_KEY_MAX 256

static inline const char *raml_tok_stem(const raml_token *t)
{
    return t->stem ? t->stem : (t->norm ? t->norm : "");
}

static inline bool raml_starts_al(const char *s)
{
    return strncmp(s, RAML_AL, 4) == 0 && strlen(s) >= 8;
}

static inline const char *raml_key_bare(const raml_token *t)
{
    const char *s = raml_tok_stem(t);
    if (!(t->proclitics & RAML_PRO_AL) && raml_starts_al(s))
        return s + 4;
    return s;
}

/* Writes the article form into buf and returns it, or NULL when the token has no article. */
static inline const char *raml_key_article(const raml_token *t, char buf[RAML_KEY_MAX])
{
    const char *s = raml_tok_stem(t);
    if (t->proclitics & RAML_PRO_AL) {
        size_t n = strlen(s);
        if (n + 5 > RAML_KEY_MAX)
            return NULL;
        memcpy(buf, RAML_AL, 4);
        memcpy(buf + 4, s, n + 1);
        return buf;
    }
    return raml_starts_al(s) ? s : NULL;
}

#endif
