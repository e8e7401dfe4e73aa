/* Folded word → dense uint32 id (1..n; 0 = absent), and a (state, id) → state phrase trie.
 * Both are open-addressing hash tables built once at load time and read-only afterwards. */
#ifndef RAML_LEXICON_INTERN_H
#define RAML_LEXICON_INTERN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct raml_intern {
    uint32_t *slots; /* id, 0 = empty */
    uint32_t *hashes; /* per id (index id) */
    size_t cap;      /* power of two */
    uint32_t n;      /* ids handed out */
    char *pool;      /* NUL-terminated words back to back */
    size_t pool_len, pool_cap;
    uint32_t *offs; /* per id: offset into pool */
    size_t offs_cap;
} raml_intern;

void raml_intern_init(raml_intern *t);
void raml_intern_free(raml_intern *t);
/* Returns the id of word[0..len), adding it; 0 on allocation failure. */
uint32_t raml_intern_add(raml_intern *t, const char *word, size_t len);
uint32_t raml_intern_find(const raml_intern *t, const char *word, size_t len);
/* raml_intern_find given h = raml_key_hash(word, len) (util/hash.h). */
uint32_t raml_intern_find_h(const raml_intern *t, const char *word, size_t len, uint32_t h);
const char *raml_intern_word(const raml_intern *t, uint32_t id);

typedef struct raml_trie {
    uint64_t *keys; /* (state << 32 | token id) + 1; 0 = empty */
    uint32_t *vals;
    size_t cap, used;
    uint32_t nstates; /* state 0 is the root */
} raml_trie;

void raml_trie_init(raml_trie *t);
void raml_trie_free(raml_trie *t);
/* The child of `state` on `tok`, creating it; 0 on allocation failure. */
uint32_t raml_trie_add(raml_trie *t, uint32_t state, uint32_t tok);
/* The child, or 0 when there is none (the root is never a child). */
static inline uint32_t raml_trie_next(const raml_trie *t, uint32_t state, uint32_t tok)
{
    if (!t->cap)
        return 0;
    uint64_t key = (((uint64_t)state << 32) | tok) + 1;
    size_t mask = t->cap - 1;
    size_t i = (size_t)((key * 0x9E3779B97F4A7C15ull) >> 32) & mask;
    for (;;) {
        uint64_t k = t->keys[i];
        if (k == key)
            return t->vals[i];
        if (k == 0)
            return 0;
        i = (i + 1) & mask;
    }
}

#endif
