/*
 * Tokeniser over repaired NFC text. One left-to-right pass; each token gets byte and code
 * point offsets into the text and its folded form. Folded forms are written into large
 * arena chunks (one bump per token, no allocation per token). Arabic words, most tokens,
 * are folded while they are scanned, and within raml_text_analyze segmented as soon as
 * they are made (text_tokenize): the text is walked once, not three times.
 *
 * Kinds: Arabic letter runs (marks, tatweel and ZWNJ/ZWJ inside), Latin letter runs
 * (digits allowed after the first letter: F16, COVID19), numbers (1,500 3.5 ١٢), dates as one
 * token (2017/6/4 30/05/2017 30-05-2017 2017-06-04), URLs (http:// https:// www.), one
 * token per punctuation mark or symbol, and OTHER (U+FFFD, other scripts). Unicode spaces
 * (NBSP, thin spaces ...) and invisible format marks separate tokens.
 */
#include "text/internal.h"
#include "text/utf8.h"

#include <string.h>
#include <strings.h>
#include <utf8proc.h>

typedef struct tk {
    raml_arena *a;
    const unsigned char *s;
    size_t len;
    raml_token *toks;
    size_t n, cap;
    char *chunk; /* folded forms */
    size_t chunk_left;
    bool failed;
    /* segmenting as tokens are made (text_tokenize with segment = true) */
    bool segment;
    const raml_wordset *guard;
    seg_cache *cache;
} tk;

/* Room kept in the fold chunk for a word folded while it is scanned; a longer word is
 * folded again afterwards (fold_token). */
#define WORD_ROOM 256

/* A decoded code point with its byte position and code point index. */
typedef struct pos {
    size_t b;
    uint32_t c;
} pos;

static inline size_t dec(const tk *t, size_t b, uint32_t *cp)
{
    if (b >= t->len) {
        *cp = 0;
        return 0;
    }
    size_t n = utf8_decode(t->s + b, t->len - b, cp);
    if (*cp == UTF8_BAD)
        *cp = 0xFFFD;
    return n;
}

/* A new chunk for folded forms: 64 KB, or what the rest of the text can need when that is
 * less (a dictionary phrase, a query), so short texts do not each take 64 KB of arena. */
static size_t chunk_size(const tk *t, size_t b, size_t need)
{
    size_t sz = 1u << 16;
    size_t rest = t->len - b;
    if (rest < sz / 4 && 3 * rest + 1 + WORD_ROOM < sz)
        sz = 3 * rest + 1 + WORD_ROOM;
    return need > sz ? need : sz;
}

/* Folds text[b0, b1) into the current chunk; *n is the folded length. */
static char *fold_token(tk *t, size_t b0, size_t b1, size_t *n)
{
    size_t need = 3 * (b1 - b0) + 1;
    if (need > t->chunk_left) {
        size_t sz = chunk_size(t, b0, need);
        t->chunk = raml_arena_alloc(t->a, sz);
        if (!t->chunk) {
            t->failed = true;
            t->chunk_left = 0;
            return NULL;
        }
        t->chunk_left = sz;
    }
    char *out = t->chunk;
    *n = text_fold_word(t->s + b0, b1 - b0, out);
    t->chunk += *n + 1;
    t->chunk_left -= *n + 1;
    return out;
}

static double parse_number(const char *norm)
{
    double v = 0, scale = 0;
    for (const char *p = norm; *p; p++) {
        if (*p >= '0' && *p <= '9') {
            if (scale > 0) {
                v += (*p - '0') * scale;
                scale /= 10;
            } else {
                v = v * 10 + (*p - '0');
            }
        } else if (*p == '.') {
            scale = 0.1;
        }
    }
    return v;
}

/* Adds a token whose folded form is already written (norm, n bytes, NUL-terminated). */
static void add_token(tk *t, raml_tok_kind kind, pos p0, pos p1, char *norm, size_t n)
{
    if (t->n == t->cap) {
        size_t ncap = t->cap ? t->cap * 2 : 256;
        raml_token *nt = raml_arena_grow(t->a, t->toks, t->cap * sizeof *nt, ncap * sizeof *nt);
        if (!nt) {
            t->failed = true;
            return;
        }
        t->toks = nt;
        t->cap = ncap;
    }
    raml_token *k = &t->toks[t->n++];
    *k = (raml_token){.bstart = (uint32_t)p0.b, .bend = (uint32_t)p1.b,
                      .cstart = p0.c, .cend = p1.c, .kind = kind,
                      .norm = norm, .stem = norm, .enclitic = NULL, .value = 0};
    uint64_t h = raml_hash64(norm, n);
    if (kind == RAML_TOK_NUMBER)
        k->value = parse_number(norm);
    else if (kind == RAML_TOK_ARABIC && t->segment) {
        /* Segmented here, while the folded word is hot in cache and its length known. */
        if (t->cache)
            text_segment_hashed(t->a, t->cache, k, n, h, t->guard);
        else
            text_segment(t->a, k, t->guard);
    }
    /* A form with a space (a ligature such as U+FC5E folds to one) is more than one word
     * to the phrase tables: left for raml_tok_norm_key to hash piece by piece. */
    if (!n || memchr(norm, ' ', n))
        return;
    k->norm_len = (uint32_t)n;
    k->norm_hash = (uint32_t)(h >> 32);
    if (k->stem == norm) {
        k->stem_len = k->norm_len;
        k->stem_hash = k->norm_hash;
    } else {
        size_t sl = strlen(k->stem);
        if (sl) {
            k->stem_len = (uint32_t)sl;
            k->stem_hash = raml_word_hash(k->stem, sl);
        }
    }
}

static void emit(tk *t, raml_tok_kind kind, pos p0, pos p1)
{
    size_t n;
    char *norm = fold_token(t, p0.b, p1.b, &n);
    if (norm)
        add_token(t, kind, p0, p1, norm, n);
}

/* Scans a run of digits from p; returns the count and advances p. */
static int digit_run(const tk *t, pos *p, int *value)
{
    int nd = 0;
    long v = 0;
    for (;;) {
        uint32_t cp;
        size_t n = dec(t, p->b, &cp);
        int d = n ? text_digit_value(cp) : -1;
        if (d < 0)
            break;
        if (v < 100000)
            v = v * 10 + d;
        nd++;
        p->b += n;
        p->c++;
    }
    if (value)
        *value = (int)v;
    return nd;
}

static bool is_sep(uint32_t cp) { return cp == '/' || cp == '-' || cp == '.'; }

/* A date d/m/yyyy or yyyy/m/d with one separator kind; returns true and the end. */
static bool scan_date(const tk *t, pos p, pos *end)
{
    int v1, v2, v3;
    int n1 = digit_run(t, &p, &v1);
    uint32_t s1, s2, cp;
    size_t k = dec(t, p.b, &s1);
    if (!k || !is_sep(s1) || n1 > 4)
        return false;
    p.b += k;
    p.c++;
    int n2 = digit_run(t, &p, &v2);
    k = dec(t, p.b, &s2);
    if (!k || s2 != s1 || n2 < 1 || n2 > 2)
        return false;
    p.b += k;
    p.c++;
    int n3 = digit_run(t, &p, &v3);
    if (n3 < 1 || n3 > 4)
        return false;
    if (dec(t, p.b, &cp) && (text_digit_value(cp) >= 0 || text_is_arabic_letter(cp)))
        return false;
    bool ymd = n1 == 4 && n3 <= 2 && v3 >= 1 && v3 <= 31;
    bool dmy = n1 <= 2 && n3 == 4 && v1 >= 1 && v1 <= 31;
    if (!(ymd || dmy) || v2 < 1 || v2 > 12)
        return false;
    *end = p;
    return true;
}

static pos scan_number(const tk *t, pos p)
{
    digit_run(t, &p, NULL);
    for (;;) { /* thousands groups: exactly three digits after the separator */
        uint32_t cp;
        size_t k = dec(t, p.b, &cp);
        if (!k || (cp != ',' && cp != 0x66C))
            break;
        pos q = {p.b + k, p.c + 1};
        pos r = q;
        if (digit_run(t, &r, NULL) != 3)
            break;
        p = r;
    }
    uint32_t cp;
    size_t k = dec(t, p.b, &cp);
    if (k && (cp == '.' || cp == 0x66B)) {
        pos q = {p.b + k, p.c + 1};
        if (digit_run(t, &q, NULL) > 0)
            p = q;
    }
    return p;
}

static bool starts_url(const tk *t, size_t b)
{
    const char *s = (const char *)t->s + b;
    size_t left = t->len - b;
    return (left > 7 && strncasecmp(s, "http://", 7) == 0) ||
           (left > 8 && strncasecmp(s, "https://", 8) == 0) ||
           (left > 4 && strncasecmp(s, "www.", 4) == 0);
}

static pos scan_url(const tk *t, pos p)
{
    pos last = p; /* end of the last character that may end a URL */
    for (;;) {
        uint32_t cp;
        size_t k = dec(t, p.b, &cp);
        if (!k || text_is_space(cp) || cp == '"' || cp == '<' || cp == '>' || cp == 0xAB ||
            cp == 0xBB || cp == 0x60C || cp == 0x61F || text_is_format(cp))
            break;
        p.b += k;
        p.c++;
        if (cp >= 0x80 || !strchr(".,;:!?)]}'", (int)cp))
            last = p;
    }
    return last;
}

static bool is_latin_letter(uint32_t cp)
{
    if (cp < 0x80)
        return (cp | 32) >= 'a' && (cp | 32) <= 'z';
    if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7)
        return false;
    return (cp < 0x250 || (cp >= 0x1E00 && cp <= 0x1EFF));
}

static bool is_mark(uint32_t cp)
{
    if (cp < 0x300)
        return false;
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC || c == UTF8PROC_CATEGORY_ME;
}

static bool is_letter(uint32_t cp)
{
    if (cp < 0x80)
        return (cp | 32) >= 'a' && (cp | 32) <= 'z';
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

/* Appends the fold of one code point of a word (cp, n bytes at b) to out, when it fits. */
static inline size_t fold_one(const tk *t, size_t b, size_t n, uint32_t cp, char *out)
{
    if (n == 2 && (t->s[b] == 0xD8 || t->s[b] == 0xD9)) {
        uint16_t m = text_arabic_map[cp - 0x600];
        if (m == 0) {
            out[0] = (char)t->s[b];
            out[1] = (char)t->s[b + 1];
            return 2;
        }
        return m == FOLD_DROP ? 0 : utf8_encode(m, out);
    }
    return text_fold_cp(cp, out);
}

/* Scans the Arabic word that starts at p with a letter or tatweel (cp, k bytes) and folds
 * it on the way, in one pass: most bytes are two-byte letters and tashkeel of U+0621–065F,
 * handled without decoding. Adds the token and returns its end. */
static pos scan_arabic(tk *t, pos p, size_t k, uint32_t cp)
{
    const size_t len = t->len;
    const pos start = p;
    if (t->chunk_left < WORD_ROOM) {
        size_t sz = chunk_size(t, p.b, WORD_ROOM);
        t->chunk = raml_arena_alloc(t->a, sz);
        if (!t->chunk) {
            t->failed = true;
            t->chunk_left = 0;
            return (pos){len, p.c};
        }
        t->chunk_left = sz;
    }
    char *out = t->chunk;
    size_t o = fold_one(t, p.b, k, cp, out);
    bool fits = true; /* out holds the whole fold so far */
    p.b += k;
    p.c++;
    for (;;) {
        if (p.b + 1 < len) {
            unsigned b0 = t->s[p.b], b1 = t->s[p.b + 1];
            if ((b0 == 0xD8 && b1 >= 0xA1 && b1 <= 0xBA) ||
                (b0 == 0xD9 && b1 >= 0x80 && b1 <= 0x9F)) {
                if (fits) {
                    if (o + 3 > WORD_ROOM) {
                        fits = false;
                    } else {
                        uint16_t m = text_arabic_map[((b0 & 1u) << 6) | (b1 & 0x3Fu)];
                        if (m == 0) {
                            out[o] = (char)b0;
                            out[o + 1] = (char)b1;
                            o += 2;
                        } else if (m != FOLD_DROP) {
                            o += utf8_encode(m, out + o);
                        }
                    }
                }
                p.b += 2;
                p.c++;
                continue;
            }
        }
        size_t n = dec(t, p.b, &cp);
        if (!n || !(text_is_arabic_letter(cp) || text_is_arabic_mark(cp) || cp == 0x200C ||
                    cp == 0x200D || is_mark(cp)))
            break;
        if (fits) {
            if (o + FOLD_CP_MAX + 1 > WORD_ROOM)
                fits = false;
            else
                o += fold_one(t, p.b, n, cp, out + o);
        }
        p.b += n;
        p.c++;
    }
    /* a trailing ZWNJ/ZWJ (E2 80 8C / 8D) belongs to the space, not the word; it folds
     * to nothing, so the folded form stays as it is */
    while (p.b > start.b + 3 && t->s[p.b - 3] == 0xE2 && t->s[p.b - 2] == 0x80 &&
           (t->s[p.b - 1] == 0x8C || t->s[p.b - 1] == 0x8D)) {
        p.b -= 3;
        p.c--;
    }
    if (!fits) {
        emit(t, RAML_TOK_ARABIC, start, p);
        return p;
    }
    out[o] = '\0';
    t->chunk += o + 1;
    t->chunk_left -= o + 1;
    add_token(t, RAML_TOK_ARABIC, start, p, out, o);
    return p;
}

raml_status text_tokenize(raml_arena *a, const char *text, size_t len, bool segment,
                          const raml_wordset *guard, raml_token **tokens, size_t *ntokens)
{
    tk t = {.a = a, .s = (const unsigned char *)text, .len = len, .segment = segment,
            .guard = guard};
    if (segment)
        t.cache = text_seg_begin(guard);
    /* Size the token array once (news text averages 5+ bytes a token with its space):
     * growing, i.e. copying, a multi-megabyte array dominates on long documents. */
    t.cap = len / 4 + 64;
    t.toks = raml_arena_alloc(a, t.cap * sizeof *t.toks);
    if (!t.toks)
        return RAML_ERR_INTERNAL;
    pos p = {0, 0};
    while (p.b < len && !t.failed) {
        unsigned c0 = t.s[p.b];
        /* The two commonest cases first, without decoding: a space, and a word that starts
         * with a two-byte letter of the base block (U+0621–063A, U+0640–064A). */
        if (c0 == ' ' || c0 == '\n' || c0 == '\t') {
            p.b++;
            p.c++;
            continue;
        }
        if (p.b + 1 < len && ((c0 == 0xD8 && t.s[p.b + 1] >= 0xA1 && t.s[p.b + 1] <= 0xBA) ||
                              (c0 == 0xD9 && t.s[p.b + 1] >= 0x80 && t.s[p.b + 1] <= 0x8A))) {
            p = scan_arabic(&t, p, 2, ((c0 & 0x1Fu) << 6) | (t.s[p.b + 1] & 0x3Fu));
            continue;
        }
        uint32_t cp;
        size_t k = dec(&t, p.b, &cp);
        if (text_is_space(cp) || text_is_format(cp)) {
            p.b += k;
            p.c++;
            continue;
        }
        pos start = p;
        if (text_is_arabic_letter(cp) || cp == 0x640) {
            p = scan_arabic(&t, p, k, cp);
            continue;
        }
        if (text_digit_value(cp) >= 0) {
            pos end;
            if (scan_date(&t, p, &end)) {
                emit(&t, RAML_TOK_DATE, start, end);
                p = end;
            } else {
                p = scan_number(&t, p);
                emit(&t, RAML_TOK_NUMBER, start, p);
            }
            continue;
        }
        if ((c0 == 'h' || c0 == 'H' || c0 == 'w' || c0 == 'W') && starts_url(&t, p.b)) {
            pos end = scan_url(&t, p);
            if (end.b > p.b) {
                emit(&t, RAML_TOK_URL, start, end);
                p = end;
                continue;
            }
        }
        if (is_latin_letter(cp) || (cp >= 0x80 && is_letter(cp))) {
            bool latin = is_latin_letter(cp);
            p.b += k;
            p.c++;
            for (;;) {
                size_t n = dec(&t, p.b, &cp);
                if (!n || text_is_arabic_letter(cp) ||
                    !(is_letter(cp) || is_mark(cp) || (cp >= '0' && cp <= '9')))
                    break;
                p.b += n;
                p.c++;
            }
            emit(&t, latin ? RAML_TOK_LATIN : RAML_TOK_OTHER, start, p);
            continue;
        }
        p.b += k;
        p.c++;
        if (cp == 0xFFFD || is_mark(cp) || cp < 0x20) {
            emit(&t, RAML_TOK_OTHER, start, p);
            continue;
        }
        emit(&t, RAML_TOK_PUNCT, start, p);
    }
    if (t.failed || a->failed)
        return RAML_ERR_INTERNAL;
    *tokens = t.toks;
    *ntokens = t.n;
    return RAML_OK;
}

raml_status raml_tokenize(raml_arena *a, const char *text, size_t len, raml_token **tokens,
                          size_t *ntokens)
{
    return text_tokenize(a, text, len, false, NULL, tokens, ntokens);
}
