/* Running text against the phrase trie: each token offers up to two keys (keys.h), so the
 * walk is over a small lattice; longest match wins, left to right, no overlaps. */
#include "lexicon/keys.h"
#include "lexicon/lexicon_priv.h"

void raml_lexicon_intern_tokens(const raml_lexicon *lex, raml_token *tokens, size_t ntokens)
{
    for (size_t i = 0; i < ntokens; i++) {
        raml_token *t = &tokens[i];
        t->stem_id = t->norm_id = 0;
        if (t->kind != RAML_TOK_ARABIC && t->kind != RAML_TOK_LATIN)
            continue;
        size_t bl, al;
        uint32_t bh, ah;
        const char *bare = raml_key_bare_h(t, &bl, &bh);
        t->stem_id = raml_intern_find_h(&lex->words, bare, bl, bh);
        /* accusative tanween alif (هجوما، مدنيا): the dictionary has the bare noun */
        if (!t->stem_id && bl >= 8 && memcmp(bare + bl - 2, "\xd8\xa7", 2) == 0)
            t->stem_id = raml_intern_find(&lex->words, bare, bl - 2);
        char buf[RAML_KEY_MAX];
        const char *art = raml_key_article_h(t, buf, &al, &ah);
        if (art)
            t->norm_id = raml_intern_find_h(&lex->words, art, al, ah);
    }
}

uint32_t raml_lexicon_word_id(const raml_lexicon *lex, const char *folded)
{
    return raml_intern_find(&lex->words, folded, strlen(folded));
}

#define FRONTIER 4

/* Does every entry of the state read its first word as a verb? */
static bool verbal_state(const raml_lexicon *lex, uint32_t s)
{
    for (uint32_t k = lex->state_off[s]; k < lex->state_off[s + 1]; k++) {
        const raml_lex_entry *e = &lex->entries[lex->state_entries[k]];
        if (e->form != RAML_FORM_PERFECT && e->form != RAML_FORM_IMPERFECT)
            return false;
    }
    return true;
}

/* Longest match; between equally long ones, a verb reading loses to one that went through
 * more article keys: a word with the article is not a verb, so القبض على is the verbal-noun
 * row, not the verb row قبض على that the bare key also reaches. */
size_t raml_lexicon_match(const raml_lexicon *lex, const raml_token *tokens, uint32_t first,
                          uint32_t end, raml_lex_match *out, size_t cap)
{
    size_t n = 0;
    const raml_trie *trie = &lex->trie;
    uint32_t i = first;
    while (i < end && n < cap) {
        uint32_t front[FRONTIER] = {0}, arts[FRONTIER] = {0}, nf = 1;
        uint32_t best_state = 0, best_len = 0, best_arts = 0;
        for (uint32_t j = i; j < end && nf; j++) {
            uint32_t ids[2] = {tokens[j].stem_id, tokens[j].norm_id};
            uint32_t next[FRONTIER], next_arts[FRONTIER], nn = 0;
            for (uint32_t f = 0; f < nf; f++)
                for (int k = 0; k < 2; k++) {
                    if (!ids[k] || (k == 1 && ids[1] == ids[0]))
                        continue;
                    uint32_t s = raml_trie_next(trie, front[f], ids[k]);
                    if (!s || nn == FRONTIER)
                        continue;
                    bool dup = false;
                    for (uint32_t d = 0; d < nn; d++)
                        dup |= next[d] == s;
                    if (dup)
                        continue;
                    uint32_t a = arts[f] + (uint32_t)k;
                    next_arts[nn] = a;
                    next[nn++] = s;
                    uint32_t len = j + 1 - i;
                    if (lex->state_off[s + 1] > lex->state_off[s] &&
                        (len > best_len || (len == best_len && a > best_arts &&
                                            verbal_state(lex, best_state)))) {
                        best_len = len;
                        best_state = s;
                        best_arts = a;
                    }
                }
            for (uint32_t d = 0; d < nn; d++) {
                front[d] = next[d];
                arts[d] = next_arts[d];
            }
            nf = nn;
        }
        if (best_len) {
            uint32_t off = lex->state_off[best_state];
            out[n++] = (raml_lex_match){i, best_len, lex->state_entries + off,
                                        lex->state_off[best_state + 1] - off};
            i += best_len;
        } else {
            i++;
        }
    }
    return n;
}
