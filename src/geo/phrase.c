/* The phrase index (see phrase.h): open addressing over the key hashes of util/hash.h, which
 * a match builds from the hashes its tokens already carry. */
#include "geo/phrase.h"
#include "util/hash.h"

#include <stdlib.h>
#include <string.h>

void geo_phrase_init(geo_phrase_index *ix) { memset(ix, 0, sizeof *ix); }

void geo_phrase_free(geo_phrase_index *ix)
{
    free(ix->slots);
    free(ix->keys);
    free(ix->nodes);
    memset(ix, 0, sizeof *ix);
}

/* Inlined: geo_phrase_match calls it for every word it reads, most often to find nothing. */
__attribute__((always_inline)) static inline geo_pslot *
find_slot(const geo_phrase_index *ix, const char *k, size_t n, uint32_t h)
{
    if (!ix->cap)
        return NULL;
    size_t mask = ix->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        geo_pslot *s = &ix->slots[i];
        if (!s->key_len)
            return s;
        if (s->hash == h && s->key_len == n && memcmp(ix->keys + s->key_off, k, n) == 0)
            return s;
    }
}

static bool grow_slots(geo_phrase_index *ix)
{
    size_t ncap = ix->cap ? ix->cap * 2 : 1024;
    geo_pslot *old = ix->slots;
    size_t ocap = ix->cap;
    ix->slots = calloc(ncap, sizeof *ix->slots);
    if (!ix->slots) {
        ix->slots = old;
        return false;
    }
    ix->cap = ncap;
    for (size_t i = 0; i < ocap; i++) {
        if (!old[i].key_len)
            continue;
        geo_pslot *s = find_slot(ix, ix->keys + old[i].key_off, old[i].key_len, old[i].hash);
        *s = old[i];
    }
    free(old);
    return true;
}

/* The slot for key k, created if absent. */
static geo_pslot *intern(geo_phrase_index *ix, const char *k, size_t n)
{
    if ((ix->used + 1) * 2 > ix->cap && !grow_slots(ix))
        return NULL;
    uint32_t h = raml_key_hash(k, n);
    geo_pslot *s = find_slot(ix, k, n, h);
    if (s->key_len)
        return s;
    if (ix->keys_len + n > ix->keys_cap) {
        size_t nc = ix->keys_cap ? ix->keys_cap * 2 : 1 << 16;
        while (nc < ix->keys_len + n)
            nc *= 2;
        char *nk = realloc(ix->keys, nc);
        if (!nk)
            return NULL;
        ix->keys = nk;
        ix->keys_cap = nc;
    }
    memcpy(ix->keys + ix->keys_len, k, n);
    s->hash = h;
    s->key_off = (uint32_t)ix->keys_len;
    s->key_len = (uint32_t)n;
    ix->keys_len += n;
    ix->used++;
    return s;
}

static bool add_key(geo_phrase_index *ix, const char *k, size_t n, uint32_t value, bool needs_al)
{
    /* Every word boundary is a prefix that must stay walkable during matching. */
    for (size_t i = 0; i < n; i++) {
        if (k[i] != ' ')
            continue;
        geo_pslot *p = intern(ix, k, i);
        if (!p)
            return false;
        p->prefix = true;
    }
    geo_pslot *s = intern(ix, k, n);
    if (!s)
        return false;
    for (uint32_t c = s->head; c; c = ix->nodes[c - 1].next) {
        geo_pnode *nd = &ix->nodes[c - 1];
        if (nd->value == value) {
            nd->needs_al = nd->needs_al && needs_al;
            return true;
        }
    }
    if (ix->nnodes == ix->nodes_cap) {
        size_t nc = ix->nodes_cap ? ix->nodes_cap * 2 : 4096;
        geo_pnode *nn = realloc(ix->nodes, nc * sizeof *nn);
        if (!nn)
            return false;
        ix->nodes = nn;
        ix->nodes_cap = nc;
    }
    /* Appended at the tail so payloads come back in file order. */
    geo_pnode *nd = &ix->nodes[ix->nnodes++];
    nd->value = value;
    nd->next = 0;
    nd->needs_al = needs_al;
    uint32_t id = (uint32_t)ix->nnodes;
    if (!s->head) {
        s->head = id;
    } else {
        uint32_t c = s->head;
        while (ix->nodes[c - 1].next)
            c = ix->nodes[c - 1].next;
        ix->nodes[c - 1].next = id;
    }
    return true;
}

bool geo_has_article(const char *w, size_t n)
{
    return n >= 4 && (unsigned char)w[0] == 0xD8 && (unsigned char)w[1] == 0xA7 &&
           (unsigned char)w[2] == 0xD9 && (unsigned char)w[3] == 0x84;
}

bool geo_phrase_add(geo_phrase_index *ix, const char *phrase, uint32_t value)
{
    char key[GEO_PHRASE_KEY_MAX];
    size_t kn = 0;
    int words = 0;
    const char *p = phrase;
    while (*p) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        const char *w = p;
        while (*p && *p != ' ')
            p++;
        size_t wl = (size_t)(p - w);
        char tmp[GEO_PHRASE_KEY_MAX];
        if (wl * 3 + 1 > sizeof tmp || words >= GEO_PHRASE_MAX_WORDS)
            return true; /* absurdly long names are skipped, not fatal */
        size_t fl = raml_fold(w, wl, tmp, sizeof tmp, NULL);
        /* Folding may turn punctuation into spaces; keep one separator. */
        while (fl && tmp[fl - 1] == ' ')
            fl--;
        if (!fl)
            continue;
        if (kn + fl + 1 >= sizeof key)
            return true;
        if (kn)
            key[kn++] = ' ';
        memcpy(key + kn, tmp, fl);
        kn += fl;
        words++;
    }
    if (!kn)
        return false;
    if (!add_key(ix, key, kn, value, false))
        return (ix->failed = true), false;
    if (geo_has_article(key, kn)) {
        size_t first = 0;
        while (first < kn && key[first] != ' ')
            first++;
        if (first >= 8 && !add_key(ix, key + 4, kn - 4, value, true)) /* 2+ letters remain */
            return (ix->failed = true), false;
    }
    ix->nphrases++;
    return true;
}

static const geo_pslot *lookup(const geo_phrase_index *ix, const char *k, size_t n)
{
    if (!ix->cap || !n)
        return NULL;
    const geo_pslot *s = find_slot(ix, k, n, raml_key_hash(k, n));
    return s->key_len ? s : NULL;
}

uint32_t geo_phrase_find_word(const geo_phrase_index *ix, const char *folded, size_t len)
{
    const geo_pslot *s = lookup(ix, folded, len);
    return s ? s->head : 0;
}

static bool usable(const geo_phrase_index *ix, uint32_t head, bool al)
{
    for (uint32_t c = head; c; c = ix->nodes[c - 1].next)
        if (al || !ix->nodes[c - 1].needs_al)
            return true;
    return false;
}

bool geo_phrase_next(const geo_phrase_index *ix, const geo_pmatch *m, uint32_t *cursor,
                     uint32_t *value)
{
    while (*cursor) {
        const geo_pnode *nd = &ix->nodes[*cursor - 1];
        *cursor = nd->next;
        if (m->al || !nd->needs_al) {
            *value = nd->value;
            return true;
        }
    }
    return false;
}

/* 2-byte Arabic letters used as proclitics. */
static bool is_letter(const char *s, unsigned char b1)
{
    return (unsigned char)s[0] == 0xD9 && (unsigned char)s[1] == b1;
}
#define L_WA 0x88
#define L_FA 0x81
#define L_LAM 0x84
#define L_KAF 0x83

typedef struct form {
    const char *s;
    size_t n;
    uint32_t h; /* raml_key_hash(s, n) */
    bool al;
} form;

/* A match in progress: the best so far is in *out when found. */
typedef struct matching {
    const geo_phrase_index *ix;
    const raml_token *toks;
    size_t end, i;
    geo_pmatch *out;
    bool found;
} matching;

static void take(matching *m, const geo_pslot *s, uint32_t k, bool al)
{
    if (s->head && usable(m->ix, s->head, al) && (!m->found || k > m->out->ntok)) {
        *m->out = (geo_pmatch){k, s->head, al};
        m->found = true;
    }
}

/* Longer keys after a first word whose key is a prefix (rare): out of line, so that the
 * common one-probe miss sets up no key buffer. */
static void extend(matching *m, const form *f)
{
    char key[GEO_PHRASE_KEY_MAX];
    memcpy(key, f->s, f->n);
    size_t kn = f->n;
    uint32_t h = f->h;
    for (uint32_t k = 1; m->i + k < m->end && k < GEO_PHRASE_MAX_WORDS; k++) {
        const raml_token *nt = &m->toks[m->i + k];
        if (nt->kind == RAML_TOK_PUNCT || !nt->norm)
            return;
        size_t wl = raml_tok_norm_len(nt);
        if (kn + 1 + wl >= sizeof key)
            return;
        key[kn++] = ' ';
        memcpy(key + kn, nt->norm, wl);
        kn += wl;
        h = raml_tok_key_more(h, nt);
        const geo_pslot *s = find_slot(m->ix, key, kn, h);
        if (!s->key_len)
            return;
        take(m, s, k + 1, f->al);
        if (!s->prefix)
            return;
    }
}

static inline void try_form(matching *m, form f)
{
    if (f.n == 0 || f.n >= GEO_PHRASE_KEY_MAX)
        return;
    const geo_pslot *s = find_slot(m->ix, f.s, f.n, f.h);
    if (!s->key_len)
        return;
    take(m, s, 1, f.al);
    if (s->prefix)
        extend(m, &f);
}

static form strip(const char *s, size_t n, bool al) { return (form){s, n, raml_key_hash(s, n), al}; }

/* The first-word candidates of a token, tried in turn: its stem, its whole form, and — when
 * the text layer cut nothing (unknown stem) — our own conservative proclitic strips. */
bool geo_phrase_match(const geo_phrase_index *ix, const raml_token *toks, size_t end, size_t i,
                      geo_pmatch *out)
{
    if (i >= end || !ix->cap || toks[i].kind == RAML_TOK_PUNCT || !toks[i].norm)
        return false;
    const raml_token *t = &toks[i];
    matching m = {ix, toks, end, i, out, false};
    size_t sn, nn;
    uint32_t sh = raml_tok_stem_key(t, &sn), nh = sh;
    if (t->norm == t->stem)
        nn = sn;
    else
        nh = raml_tok_norm_key(t, &nn);
    try_form(&m, (form){t->stem, sn, sh, (t->proclitics & RAML_PRO_AL) != 0});
    if (t->norm != t->stem && (nn != sn || memcmp(t->norm, t->stem, sn))) {
        try_form(&m, (form){t->norm, nn, nh, false});
    } else if (!t->stem_known) { /* وكيل is a word ("deputy"), not و + Kiel */
        const char *s = t->norm;
        size_t n = nn;
        bool any = false;
        if (n > 6 && (is_letter(s, L_WA) || is_letter(s, L_FA))) {
            s += 2, n -= 2, any = true;
        }
        if (n > 6 && (((unsigned char)s[0] == 0xD8 && (unsigned char)s[1] == 0xA8) ||
                      is_letter(s, L_LAM) || is_letter(s, L_KAF))) {
            if (is_letter(s, L_LAM) && n > 6 && is_letter(s + 2, L_LAM)) { /* لل = ل + ال */
                try_form(&m, strip(s + 4, n - 4, true));
                return m.found;
            }
            s += 2, n -= 2, any = true;
        }
        if (any)
            try_form(&m, strip(s, n, false));
        if (geo_has_article(s, n) && n >= 8)
            try_form(&m, strip(s + 4, n - 4, true));
    }
    return m.found;
}

bool geo_phrase_each_word(const geo_phrase_index *ix, bool (*fn)(void *ctx, const char *w, size_t n),
                          void *ctx)
{
    for (size_t i = 0; i < ix->cap; i++) {
        const geo_pslot *s = &ix->slots[i];
        if (!s->key_len || !s->head)
            continue;
        const char *k = ix->keys + s->key_off, *e = k + s->key_len;
        while (k < e) {
            const char *sp = memchr(k, ' ', (size_t)(e - k));
            size_t n = sp ? (size_t)(sp - k) : (size_t)(e - k);
            if (n && !fn(ctx, k, n))
                return false;
            k += n + 1;
        }
    }
    return true;
}
