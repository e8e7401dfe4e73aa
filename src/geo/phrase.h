/*
 * A phrase index: folded word sequences → lists of uint32 payloads, matched against analysed
 * tokens through their clitics. Used for place names, place cues (geo/) and date words
 * (time/). Built once at load time, read-only afterwards.
 *
 * A phrase whose first word starts with the article ال is indexed twice: as written, and
 * without the article. The article-less key only matches a text token whose segmentation
 * removed an ال (RAML_PRO_AL), so الخادم matches بالخادم but not the bare word خادم.
 */
#ifndef RAML_GEO_PHRASE_H
#define RAML_GEO_PHRASE_H

#include "text/text.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define GEO_PHRASE_MAX_WORDS 6
#define GEO_PHRASE_KEY_MAX 256

typedef struct geo_pnode {
    uint32_t value;
    uint32_t next; /* index+1 of the next node of the same key; 0 ends */
    bool needs_al;
} geo_pnode;

typedef struct geo_pslot {
    uint32_t hash;
    uint32_t key_off, key_len; /* into keys; key_len 0 = empty slot */
    uint32_t head;             /* first node index+1; 0 = prefix only */
    bool prefix;               /* a longer key continues this one */
} geo_pslot;

typedef struct geo_phrase_index {
    geo_pslot *slots;
    size_t cap, used;
    char *keys;
    size_t keys_len, keys_cap;
    geo_pnode *nodes;
    size_t nnodes, nodes_cap;
    size_t nphrases;
    bool failed;
} geo_phrase_index;

void geo_phrase_init(geo_phrase_index *ix);
void geo_phrase_free(geo_phrase_index *ix);
/* Folds `phrase` (space-separated words) and adds it with `value`. Returns false on
 * allocation failure or an empty phrase. */
bool geo_phrase_add(geo_phrase_index *ix, const char *phrase, uint32_t value);

/* A match at a token: `ntok` tokens, payloads from node `head` (walk with geo_phrase_next,
 * which skips nodes the match may not use). */
typedef struct geo_pmatch {
    uint32_t ntok;
    uint32_t head;
    bool al; /* the first token carried the article */
} geo_pmatch;

/* Longest phrase starting at token i, using tokens [i, end). */
bool geo_phrase_match(const geo_phrase_index *ix, const raml_token *toks, size_t end, size_t i,
                      geo_pmatch *out);
/* Iterates payloads: start with *cursor = m->head; returns false when done. */
bool geo_phrase_next(const geo_phrase_index *ix, const geo_pmatch *m, uint32_t *cursor,
                     uint32_t *value);
/* Exact lookup of one folded word (no article logic); head or 0. */
uint32_t geo_phrase_find_word(const geo_phrase_index *ix, const char *folded, size_t len);

/* Calls fn for every folded word of every key (for guard word lists). */
bool geo_phrase_each_word(const geo_phrase_index *ix, bool (*fn)(void *ctx, const char *w, size_t n),
                          void *ctx);

/* True if the folded word starts with the article ال. */
bool geo_has_article(const char *w, size_t n);

#endif
