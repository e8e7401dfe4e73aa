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

/* raml_tok_stem with its length and key hash (util/hash.h), from the token when it has them. */
static inline const char *raml_tok_stem_keyed(const raml_token *t, size_t *n, uint32_t *h)
{
    if (t->stem) {
        *h = raml_tok_stem_key(t, n);
        return t->stem;
    }
    if (t->norm) {
        *h = raml_tok_norm_key(t, n);
        return t->norm;
    }
    *n = 0;
    *h = raml_key_hash("", 0);
    return "";
}

/* An ال the segmenter left on a stem of n bytes (2+ letters after it). */
static inline bool raml_starts_al_n(const char *s, size_t n)
{
    return n >= 8 && memcmp(s, RAML_AL, 4) == 0;
}

static inline bool raml_starts_al(const char *s) { return raml_starts_al_n(s, strlen(s)); }

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

/* The same two keys with their lengths and hashes, for running text: a token's own stem
 * hash is reused whenever the key is the stem itself. */
static inline const char *raml_key_bare_h(const raml_token *t, size_t *n, uint32_t *h)
{
    const char *s = raml_tok_stem_keyed(t, n, h);
    if (!(t->proclitics & RAML_PRO_AL) && raml_starts_al_n(s, *n)) {
        *n -= 4;
        *h = raml_key_hash(s + 4, *n);
        return s + 4;
    }
    return s;
}

static inline const char *raml_key_article_h(const raml_token *t, char buf[RAML_KEY_MAX],
                                             size_t *n, uint32_t *h)
{
    size_t sn;
    uint32_t sh;
    const char *s = raml_tok_stem_keyed(t, &sn, &sh);
    if (t->proclitics & RAML_PRO_AL) {
        if (sn + 5 > RAML_KEY_MAX)
            return NULL;
        memcpy(buf, RAML_AL, 4);
        memcpy(buf + 4, s, sn + 1);
        *n = sn + 4;
        *h = raml_key_hash(buf, *n);
        return buf;
    }
    if (!raml_starts_al_n(s, sn))
        return NULL;
    *n = sn;
    *h = sh;
    return s;
}

#endif
