/*
 * Clitic segmentation validated by the guard lexicon. A token is cut into
 *   (و|ف)? (ب|ل|ك|س)? (ال)?  stem  (pronoun)?
 * only when the stem is a known bare word, so names are left alone unless a real word
 * remains (بنغازي is never ب + نغازي). Rules, in order:
 *   - a token that is itself a known word is not cut (وليد, فرنسا, لبنان, كركوك), except
 *     that a known ال-word still loses its article when the rest (3+ letters) is known too
 *     (الموصل → موصل, like بالموصل), so names match with or without the article; relative
 *     pronouns and الله are never cut;
 *   - otherwise, among the cuts that leave a known stem, a cut without a pronoun beats one
 *     with a pronoun (وبنغازي → و + بنغازي, not و ب نغاز ي), and then the shortest proclitic
 *     wins (ولبنان → و + لبنان, not و ل بنان; وبالقوات still → و ب ال قوات when nothing
 *     shorter leaves a known word). Measured on tests/sentences/tokens.tsv this beats
 *     "longest cut first", which strips the first letters of names;
 *   - a final ت before a pronoun is also tried as ة (folded ه), and preferred when known
 *     (سيطرته → سيطرة, while قواتها keeps قوات because قواه is not a word);
 *   - future سـ only before an imperfect prefix (ي ت ن ا), and never with the article;
 *   - no pronoun after the article (القواتها is not Arabic).
 * Everything works on the folded form, in which every Arabic letter is two bytes.
 */
#include "text/internal.h"
#include "util/bigmem.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct affix {
    const char *s;
    uint8_t len;
    uint16_t flags;
} affix;

#define A(str, fl) {str, sizeof(str) - 1, fl}
enum { WA = RAML_PRO_WA, FA = RAML_PRO_FA, BI = RAML_PRO_BI, LI = RAML_PRO_LI,
       KA = RAML_PRO_KA, SA = RAML_PRO_SA, AL = RAML_PRO_AL };

/* Longest first, so the first candidate of a given length is the preferred one. */
static const affix prefixes[] = {
    A("وبال", WA | BI | AL), A("فبال", FA | BI | AL), A("وكال", WA | KA | AL),
    A("فكال", FA | KA | AL), A("وال", WA | AL),       A("فال", FA | AL),
    A("بال", BI | AL),       A("كال", KA | AL),       A("ولل", WA | LI | AL),
    A("فلل", FA | LI | AL),  A("لل", LI | AL),        A("ال", AL),
    A("وب", WA | BI),        A("فب", FA | BI),        A("ول", WA | LI),
    A("فل", FA | LI),        A("وك", WA | KA),        A("فك", FA | KA),
    A("وس", WA | SA),        A("فس", FA | SA),        A("و", WA),
    A("ف", FA),              A("ب", BI),              A("ل", LI),
    A("ك", KA),              A("س", SA),              {"", 0, 0},
};

static const affix enclitics[] = {
    A("هما", 0), A("كما", 0), A("ها", 0), A("هم", 0), A("هن", 0), A("كم", 0),
    A("كن", 0),  A("ني", 0),  A("نا", 0), A("ه", 0),  A("ك", 0),  A("ي", 0), {"", 0, 0},
};
#undef A

static const char TA[] = "ت", TA_MARBUTA_FOLDED[] = "ه", ARTICLE[] = "ال";

/* ال-words whose "article" is part of the word. */
static bool never_cut(const char *w)
{
    static const char *const words[] = {"الله", "الذي", "التي", "الذين", "اللذين", "اللتين",
                                        "اللذان", "اللتان", "اللاتي", "اللواتي", "اللائي",
                                        "اللهم", "الان", "الي", "الا", "الف", "الاف", "المانيا", "التقي",
                                        "الماني", "المانيه", "البانيا", NULL};
    for (const char *const *p = words; *p; p++)
        if (strcmp(w, *p) == 0)
            return true;
    return false;
}

static bool all_arabic_2byte(const char *w, size_t n)
{
    if (n & 1)
        return false;
    for (size_t i = 0; i < n; i += 2) {
        unsigned char c = (unsigned char)w[i];
        if (c < 0xD8 || c > 0xDB)
            return false;
    }
    return true;
}

static bool imperfect_start(const char *stem)
{
    return strncmp(stem, "ي", 2) == 0 || strncmp(stem, "ت", 2) == 0 ||
           strncmp(stem, "ن", 2) == 0 || strncmp(stem, "ا", 2) == 0;
}

typedef struct cand {
    int score;
    uint16_t flags;
    const char *enclitic;
    char stem[64];
    size_t stem_len;
    bool known;
} cand;

static void consider(cand *best, int score, uint16_t flags, const char *enc, const char *stem,
                     size_t len, bool known)
{
    if (score <= best->score || len >= sizeof best->stem)
        return;
    best->score = score;
    best->flags = flags;
    best->enclitic = enc;
    memcpy(best->stem, stem, len);
    best->stem[len] = '\0';
    best->stem_len = len;
    best->known = known;
}

static void segment_uncached(raml_arena *a, raml_token *t, const raml_wordset *guard)
{
    t->stem = t->norm;
    t->enclitic = NULL;
    t->proclitics = 0;
    t->stem_known = false;
    if (t->kind != RAML_TOK_ARABIC || !t->norm)
        return;
    const char *w = t->norm;
    size_t n = strlen(w);
    bool has_article = n >= 4 && memcmp(w, ARTICLE, 4) == 0;
    if (has_article && never_cut(w)) {
        t->stem_known = guard && raml_wordset_has(guard, w, n);
        return;
    }
    if (guard && raml_wordset_has(guard, w, n)) {
        t->stem_known = true;
        if (n >= 10 && has_article && raml_wordset_has(guard, w + 4, n - 4)) {
            char *stem = raml_arena_strndup(a, w + 4, n - 4);
            if (stem) {
                t->stem = stem;
                t->proclitics = AL;
            }
        }
        return;
    }
    if (n < 6 || n > 60 || !all_arabic_2byte(w, n))
        return; /* fewer than three letters leaves nothing worth cutting */

    cand best = {.score = 0};
    char buf[72];
    const size_t nprefixes = sizeof prefixes / sizeof prefixes[0]; /* last one is empty */
    if (!guard) {
        for (const affix *p = prefixes; p->len; p++)
            if (strncmp(w, p->s, p->len) == 0 && n >= (size_t)p->len + 6 &&
                (p->flags & ~(WA | FA | AL)) == 0) {
                consider(&best, p->len, p->flags, NULL, w + p->len, n - p->len, false);
                break;
            }
    } else {
        /* Candidates in order of preference, so the first valid one wins: without a pronoun
         * (shortest proclitic first), then with one (shortest proclitic, longest pronoun). */
        const affix *encs[16];
        size_t nenc = 0;
        for (const affix *e = enclitics; e->len; e++)
            if (n >= (size_t)e->len + 4 && memcmp(w + n - e->len, e->s, e->len) == 0)
                encs[nenc++] = e;
        /* which proclitic strings the word starts with, found once for both passes */
        bool starts[sizeof prefixes / sizeof prefixes[0]];
        for (size_t pi = 0; pi < nprefixes; pi++)
            starts[pi] = n >= prefixes[pi].len &&
                         memcmp(w, prefixes[pi].s, prefixes[pi].len) == 0;
        for (int pass = 0; pass < 2 && best.score == 0; pass++) {
            for (size_t pi = nprefixes; pi-- > 0 && best.score == 0;) {
                const affix *p = &prefixes[pi];
                if (!starts[pi])
                    continue;
                if (pass == 0) {
                    if (!p->len || n < (size_t)p->len + 4)
                        continue;
                    const char *stem = w + p->len;
                    size_t sl = n - p->len;
                    if ((p->flags & SA) && !imperfect_start(stem))
                        continue;
                    if (raml_wordset_has(guard, stem, sl))
                        consider(&best, 1, p->flags, NULL, stem, sl, true);
                    continue;
                }
                if (p->flags & AL) /* no pronoun after the article */
                    continue;
                for (size_t ei = 0; ei < nenc && best.score == 0; ei++) {
                    const affix *e = encs[ei];
                    if (n < (size_t)p->len + e->len + 4)
                        continue;
                    const char *stem = w + p->len;
                    size_t sl = n - p->len - e->len;
                    if ((p->flags & SA) && !imperfect_start(stem))
                        continue;
                    if (memcmp(stem + sl - 2, TA, 2) == 0) {
                        memcpy(buf, stem, sl - 2);
                        memcpy(buf + sl - 2, TA_MARBUTA_FOLDED, 2);
                        if (raml_wordset_has(guard, buf, sl)) {
                            consider(&best, 1, p->flags, e->s, buf, sl, true);
                            break;
                        }
                    }
                    if (raml_wordset_has(guard, stem, sl))
                        consider(&best, 1, p->flags, e->s, stem, sl, true);
                }
            }
        }
    }
    if (best.score <= 0)
        return;
    if (guard && !best.enclitic && !(best.flags & AL) && best.stem_len >= 10 &&
        strncmp(best.stem, ARTICLE, 4) == 0 && !never_cut(best.stem) &&
        raml_wordset_has(guard, best.stem + 4, best.stem_len - 4)) {
        /* و + الموصل: the article goes too, as for الموصل alone */
        memmove(best.stem, best.stem + 4, best.stem_len - 3);
        best.stem_len -= 4;
        best.flags |= AL;
    }
    char *stem = raml_arena_strndup(a, best.stem, best.stem_len);
    if (!stem)
        return;
    t->stem = stem;
    t->enclitic = best.enclitic;
    t->proclitics = best.flags;
    t->stem_known = best.known;
}

/* ----- Per-thread cache of results by folded form -----
 * News text repeats its words (Zipf), and each miss costs several lookups in a 500k-word
 * table that does not fit in cache. A small table per thread remembers, for a folded word,
 * how it was cut (lengths, flags, ta-marbuta restoration), so a repeated word costs one
 * hash and one compare; it persists across documents and is keyed on the guard's identity
 * and size, so a different or grown guard starts it afresh. A slot is half a cache line,
 * so the slots of a day's vocabulary stay in the CPU's caches, and the two slots of a line
 * make a two-way set: direct-mapped, two frequent words (ان and شمال) that shared a slot
 * evicted each other on every use, one lookup in thirty. Words of 11 letters or more
 * (21+ bytes), one in a thousand, are not cached. The tokeniser calls text_seg_begin once
 * per document and text_segment_hashed per token, with the word's length and hash. */
#define CACHE_SLOTS (1u << 15)
#define CACHE_KEY 21

typedef struct cache_slot {
    uint32_t tag; /* high half of the word's raml_hash64 */
    uint8_t len;  /* 0 = empty */
    uint8_t plen, elen;
    uint8_t proclitics; /* RAML_PRO_* fit in 7 bits */
    uint8_t enc;        /* 1 + index into enclitics[], 0 = none */
    bool restored, known;
    char key[CACHE_KEY];
} cache_slot;

_Static_assert(sizeof(cache_slot) == 32, "two cache slots to a cache line");
_Static_assert(RAML_PRO_AL < 256, "proclitic flags fit a cache slot");

struct seg_cache {
    uint64_t stamp;
    raml_bigmem mem;
    cache_slot *slots; /* CACHE_SLOTS, page-aligned */
};

static pthread_key_t cache_key;
static pthread_once_t cache_once = PTHREAD_ONCE_INIT;
static bool cache_ok;

static void cache_free(void *p)
{
    seg_cache *c = p;
    if (c)
        raml_bigmem_free(&c->mem);
    free(c);
}

static void cache_init(void) { cache_ok = pthread_key_create(&cache_key, cache_free) == 0; }

seg_cache *text_seg_begin(const raml_wordset *guard)
{
    pthread_once(&cache_once, cache_init);
    if (!cache_ok)
        return NULL;
    seg_cache *c = pthread_getspecific(cache_key);
    if (!c) {
        /* zeroed, and populated up front rather than a page fault at a time */
        c = calloc(1, sizeof *c);
        if (!c || !raml_bigmem_alloc(&c->mem, CACHE_SLOTS * sizeof *c->slots) ||
            pthread_setspecific(cache_key, c) != 0) {
            cache_free(c);
            return NULL;
        }
        c->slots = c->mem.p;
    }
    uint64_t stamp = text_wordset_stamp(guard);
    if (c->stamp != stamp) {
        memset(c->slots, 0, CACHE_SLOTS * sizeof *c->slots);
        c->stamp = stamp;
    }
    return c;
}

static size_t prefix_bytes(uint16_t f)
{
    size_t n = 0;
    n += (f & (WA | FA)) ? 2 : 0;
    n += (f & (BI | LI | KA | SA)) ? 2 : 0;
    n += (f & AL) ? ((f & LI) ? 2 : 4) : 0; /* لل = ل + ال with the alef elided */
    return n;
}

void text_segment_hashed(raml_arena *a, seg_cache *c, raml_token *t, size_t n, uint64_t h,
                         const raml_wordset *guard)
{
    if (!c || t->kind != RAML_TOK_ARABIC || !t->norm || n == 0 || n >= CACHE_KEY) {
        segment_uncached(a, t, guard);
        return;
    }
    /* Two ways per set, both in one cache line; way 0 is the more recently used. */
    cache_slot *set = &c->slots[h & (CACHE_SLOTS - 2)];
    uint32_t tag = (uint32_t)(h >> 32);
    cache_slot *s = NULL;
    if (set[0].len == n && set[0].tag == tag && memcmp(set[0].key, t->norm, n) == 0) {
        s = &set[0];
    } else if (set[1].len == n && set[1].tag == tag && memcmp(set[1].key, t->norm, n) == 0) {
        cache_slot hit = set[1];
        set[1] = set[0];
        set[0] = hit;
        s = &set[0];
    }
    if (s) {
        t->enclitic = s->enc ? enclitics[s->enc - 1].s : NULL;
        t->proclitics = s->proclitics;
        t->stem_known = s->known;
        if (!s->elen) {
            /* Only proclitics cut (or nothing): the stem is the tail of the folded word,
             * already NUL-terminated there. */
            t->stem = t->norm + s->plen;
            return;
        }
        size_t sl = n - s->plen - s->elen;
        char *stem = raml_arena_alloc(a, sl + 1);
        if (!stem) {
            t->stem = t->norm;
            return;
        }
        memcpy(stem, t->norm + s->plen, sl);
        if (s->restored)
            memcpy(stem + sl - 2, TA_MARBUTA_FOLDED, 2);
        stem[sl] = '\0';
        t->stem = stem;
        return;
    }
    segment_uncached(a, t, guard);
    size_t plen = t->stem == t->norm ? 0 : prefix_bytes(t->proclitics);
    size_t elen = t->enclitic ? strlen(t->enclitic) : 0;
    size_t sl = strlen(t->stem);
    if (t->stem != t->norm && (plen + elen + sl != n || sl < 2))
        return; /* a shape the cache cannot replay: leave it uncached */
    uint8_t enc = 0;
    for (size_t e = 0; t->enclitic && enclitics[e].len; e++)
        if (enclitics[e].s == t->enclitic)
            enc = (uint8_t)(e + 1);
    if (t->enclitic && !enc)
        return;
    bool restored = t->stem != t->norm && memcmp(t->stem, t->norm + plen, sl) != 0;
    if (restored && !elen)
        return; /* replay takes the tail of the word as it is when nothing follows the stem */
    set[1] = set[0];
    s = &set[0];
    *s = (cache_slot){.tag = tag, .proclitics = (uint8_t)t->proclitics, .len = (uint8_t)n,
                      .plen = (uint8_t)plen, .elen = (uint8_t)elen, .enc = enc,
                      .restored = restored, .known = t->stem_known};
    memcpy(s->key, t->norm, n);
}

void text_segment(raml_arena *a, raml_token *t, const raml_wordset *guard)
{
    t->stem_len = 0; /* the stem may change (text.h) */
    if (t->kind != RAML_TOK_ARABIC || !t->norm) {
        segment_uncached(a, t, guard);
        return;
    }
    size_t n = strlen(t->norm);
    seg_cache *c = n < CACHE_KEY && n > 0 ? text_seg_begin(guard) : NULL;
    text_segment_hashed(a, c, t, n, raml_hash64(t->norm, n), guard);
}

void raml_segment_token(raml_arena *a, raml_token *t, const raml_wordset *guard)
{
    text_segment(a, t, guard);
}
