/*
 * Number expressions: digits, number words joined with و, duals, vague quantities and
 * qualifiers, read from data/numbers.tsv (forms_ar value kind note; forms separated by |).
 * Unknown kinds are ignored so the table can grow without breaking older code.
 *
 * Grammar (on folded tokens), left to right with a running total and current group:
 *   unit / ten       add to the group (خمسة وعشرون = 5 + 20)
 *   teen_ten         after a unit without و: +10 (ثلاثة عشر, اثنا عشر)
 *   hundred          after a unit without و multiplies (ثلاث مئة); else adds (ثلاثمئة, مئتين)
 *   thousand/million after a group without و multiplies it (ثلاثة آلاف, 1.5 مليون); else adds
 *   نصف              ½ of the following multiplier (نصف مليون) or of the previous one
 *                    (مليون ونصف)
 *   vague            عشرات, مئات, آلاف (alone), بضعة: qualifier unspecified, value = low
 *                    estimate; a following multiplier scales it (مئات الآلاف)
 * Qualifier phrases before (نحو, أكثر من, ما لا يقل عن, على الأقل ...) or after (على الأقل),
 * ranges with بين X و Y, من X إلى Y, X-Y.
 */
#include "text/internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { K_NONE, K_UNIT, K_TEN, K_HUNDRED, K_THOUSAND, K_MILLION, K_HALF, K_DIGITS };

typedef struct nentry {
    char *form; /* folded; words separated by one space */
    uint32_t hash;
    int num_kind; /* K_* or K_NONE */
    double num_value;
    bool teen;     /* may follow a unit as the عشر of 11–19 */
    bool has_vague;
    double vague_value;
    bool has_qual;
    raml_qualifier qual;
    bool has_qual_post; /* follows the number: على الأقل, تقريبا, ونيف */
    raml_qualifier qual_post;
} nentry;

struct raml_numwords {
    nentry *slots;
    size_t cap, count;
    int max_words;
    /* Hashes of every word-boundary prefix of a multi-word form (0 = empty): phrase_at stops
     * reading words once what it has read cannot begin a longer form. A hash collision only
     * costs the lookups that were made before. */
    uint32_t *prefixes;
    size_t pcap;
};

/* Keys hash as in the other phrase tables (util/hash.h), so that a token's own hash is the
 * hash of a one-word form; 0 marks an empty prefix slot. */
static uint32_t hash_done(uint32_t h) { return h ? h : 1; }

static uint32_t hash_str(const char *s, size_t n) { return hash_done(raml_key_hash(s, n)); }

static nentry *lookup_h(const raml_numwords *nw, const char *s, size_t n, uint32_t h)
{
    if (!nw || !nw->cap || !n)
        return NULL;
    for (size_t i = h & (nw->cap - 1);; i = (i + 1) & (nw->cap - 1)) {
        nentry *e = &nw->slots[i];
        if (!e->form)
            return NULL;
        if (e->hash == h && strncmp(e->form, s, n) == 0 && e->form[n] == '\0')
            return e;
    }
}

static nentry *lookup_n(const raml_numwords *nw, const char *s, size_t n)
{
    return lookup_h(nw, s, n, hash_str(s, n));
}

static bool has_prefix(const raml_numwords *nw, uint32_t h)
{
    if (!nw->pcap)
        return false;
    for (size_t i = h & (nw->pcap - 1);; i = (i + 1) & (nw->pcap - 1)) {
        if (nw->prefixes[i] == h)
            return true;
        if (!nw->prefixes[i])
            return false;
    }
}

/* Fills the prefix set once every form is in. */
static bool index_prefixes(raml_numwords *nw)
{
    size_t n = 0;
    for (size_t i = 0; i < nw->cap; i++)
        for (const char *p = nw->slots[i].form; p && *p; p++)
            n += *p == ' ';
    size_t cap = 16;
    while (cap < n * 2)
        cap *= 2;
    nw->prefixes = calloc(cap, sizeof *nw->prefixes);
    if (!nw->prefixes)
        return false;
    nw->pcap = cap;
    for (size_t i = 0; i < nw->cap; i++) {
        const char *f = nw->slots[i].form;
        for (size_t k = 0; f && f[k]; k++) {
            if (f[k] != ' ')
                continue;
            uint32_t h = hash_str(f, k);
            size_t j = h & (cap - 1);
            while (nw->prefixes[j] && nw->prefixes[j] != h)
                j = (j + 1) & (cap - 1);
            nw->prefixes[j] = h;
        }
    }
    return true;
}

static nentry *intern(raml_numwords *nw, const char *form)
{
    size_t n = strlen(form);
    nentry *e = lookup_n(nw, form, n);
    if (e)
        return e;
    if ((nw->count + 1) * 2 > nw->cap) {
        size_t ncap = nw->cap ? nw->cap * 2 : 256;
        nentry *ns = calloc(ncap, sizeof *ns);
        if (!ns)
            return NULL;
        for (size_t i = 0; i < nw->cap; i++) {
            if (!nw->slots[i].form)
                continue;
            size_t j = nw->slots[i].hash & (ncap - 1);
            while (ns[j].form)
                j = (j + 1) & (ncap - 1);
            ns[j] = nw->slots[i];
        }
        free(nw->slots);
        nw->slots = ns;
        nw->cap = ncap;
    }
    uint32_t h = hash_str(form, n);
    size_t i = h & (nw->cap - 1);
    while (nw->slots[i].form)
        i = (i + 1) & (nw->cap - 1);
    e = &nw->slots[i];
    e->form = strdup(form);
    if (!e->form)
        return NULL;
    e->hash = h;
    nw->count++;
    int words = 1;
    for (const char *p = form; *p; p++)
        words += *p == ' ';
    if (words > nw->max_words)
        nw->max_words = words;
    return e;
}

static bool parse_qual(const char *s, raml_qualifier *q)
{
    static const struct { const char *name; raml_qualifier q; } names[] = {
        {"about", RAML_QUAL_ABOUT},       {"more_than", RAML_QUAL_MORE_THAN},
        {"at_least", RAML_QUAL_AT_LEAST}, {"at_most", RAML_QUAL_AT_MOST},
        {"less_than", RAML_QUAL_AT_MOST}, {"range", RAML_QUAL_RANGE},
        {"exact", RAML_QUAL_EXACT},       {"unspecified", RAML_QUAL_UNSPECIFIED},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(s, names[i].name) == 0) {
            *q = names[i].q;
            return true;
        }
    return false;
}

/* Folds a form and squeezes runs of spaces to one. */
static char *fold_form(const char *s, size_t n)
{
    char *f = malloc(3 * n + 1);
    if (!f)
        return NULL;
    size_t len = raml_fold(s, n, f, 3 * n + 1, NULL), o = 0;
    for (size_t i = 0; i < len; i++) {
        if (f[i] == ' ' && (o == 0 || f[o - 1] == ' '))
            continue;
        f[o++] = f[i];
    }
    while (o && f[o - 1] == ' ')
        o--;
    f[o] = '\0';
    return f;
}

static bool add_row(raml_numwords *nw, const char *form, const char *kind, const char *value)
{
    char *f = fold_form(form, strlen(form));
    if (!f)
        return false;
    if (!*f) {
        free(f);
        return true;
    }
    char *end;
    double v = strtod(value, &end);
    bool numeric = end != value && *end == '\0';
    raml_qualifier q;
    int k = strcmp(kind, "unit") == 0 || strcmp(kind, "teen_unit") == 0 ||
                    strcmp(kind, "teen") == 0
                ? K_UNIT
            : strcmp(kind, "ten") == 0      ? K_TEN
            : strcmp(kind, "hundred") == 0  ? K_HUNDRED
            : strcmp(kind, "thousand") == 0 ? K_THOUSAND
            : strcmp(kind, "million") == 0  ? K_MILLION
            : strcmp(kind, "fraction") == 0 ? K_HALF
                                            : K_NONE;
    bool ok = true;
    if (k != K_NONE && numeric) {
        nentry *e = intern(nw, f);
        ok = e != NULL;
        if (e && (e->num_kind == K_NONE || e->num_kind == K_UNIT)) {
            e->num_kind = k;
            e->num_value = v;
        }
    } else if (strcmp(kind, "teen_ten") == 0) {
        nentry *e = intern(nw, f);
        ok = e != NULL;
        if (e) {
            e->teen = true;
            if (e->num_kind == K_NONE && numeric) {
                e->num_kind = K_UNIT;
                e->num_value = v;
            }
        }
    } else if (strcmp(kind, "vague") == 0 && numeric) {
        nentry *e = intern(nw, f);
        ok = e != NULL;
        if (e) {
            e->has_vague = true;
            e->vague_value = v;
        }
    } else if (strcmp(kind, "qualifier") == 0 && parse_qual(value, &q)) {
        nentry *e = intern(nw, f);
        ok = e != NULL;
        if (e) {
            e->has_qual = true;
            e->qual = q;
        }
    } else if (strcmp(kind, "qualifier_post") == 0 && parse_qual(value, &q)) {
        nentry *e = intern(nw, f);
        ok = e != NULL;
        if (e) {
            e->has_qual_post = true;
            e->qual_post = q;
        }
    }
    free(f);
    return ok;
}

/* Splits a forms cell on | / , ، ; and adds each. */
static bool add_forms(raml_numwords *nw, char *forms, const char *kind, const char *value)
{
    char *p = forms;
    while (*p) {
        size_t n = strcspn(p, "|/,;");
        char *sep = strstr(p, "،"); /* Arabic comma */
        if (sep && (size_t)(sep - p) < n)
            n = (size_t)(sep - p);
        char save = p[n];
        p[n] = '\0';
        bool ok = add_row(nw, p, kind, value);
        p[n] = save;
        if (!ok)
            return false;
        p += n;
        if (*p)
            p += (unsigned char)*p == 0xD8 ? 2 : 1;
    }
    return true;
}

static const char *const builtin[][3] = {
    /* so that qualifiers and نصف work even if the table lacks them */
    {"نصف", "fraction", "0.5"},        {"نحو", "qualifier", "about"},
    {"حوالي", "qualifier", "about"},   {"قرابة", "qualifier", "about"},
    {"زهاء", "qualifier", "about"},    {"ما يقارب", "qualifier", "about"},
    {"أكثر من", "qualifier", "more_than"}, {"ما يزيد على", "qualifier", "more_than"},
    {"ما يزيد عن", "qualifier", "more_than"}, {"على الأقل", "qualifier_post", "at_least"},
    {"ما لا يقل عن", "qualifier", "at_least"}, {"لا يقل عن", "qualifier", "at_least"},
    {"أقل من", "qualifier", "at_most"},  {"لا يزيد عن", "qualifier", "at_most"},
    {"لا يزيد على", "qualifier", "at_most"}, {"ما يصل إلى", "qualifier", "at_most"},
    {"بين", "qualifier", "range"},      {"ما بين", "qualifier", "range"},
    {"من", "qualifier", "range"},
};

raml_status raml_numwords_load(const char *path, raml_numwords **out, raml_error *err)
{
    *out = NULL;
    raml_numwords *nw = calloc(1, sizeof *nw);
    if (!nw)
        return raml_error_set(err, RAML_ERR_INTERNAL, path, 0, -1, "out of memory");
    for (size_t i = 0; i < sizeof builtin / sizeof builtin[0]; i++)
        if (!add_row(nw, builtin[i][0], builtin[i][1], builtin[i][2])) {
            raml_numwords_free(nw);
            return raml_error_set(err, RAML_ERR_INTERNAL, path, 0, -1, "out of memory");
        }
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        raml_numwords_free(nw);
        return raml_error_set(err, RAML_ERR_INPUT, path, 0, -1, "cannot open: %s",
                              strerror(errno));
    }
    char *line = NULL;
    size_t cap = 0;
    long lineno = 0;
    raml_status st = RAML_OK;
    while (getline(&line, &cap, fp) >= 0) {
        lineno++;
        line[strcspn(line, "\r\n")] = '\0';
        if (!line[0] || line[0] == '#')
            continue;
        char *cols[4] = {line, NULL, NULL, NULL};
        int nc = 1;
        for (char *p = line; *p && nc < 4; p++)
            if (*p == '\t') {
                *p = '\0';
                cols[nc++] = p + 1;
            }
        if (nc < 3)
            continue; /* tolerate malformed rows: the table is shared with other readers */
        if (!add_forms(nw, cols[0], cols[2], cols[1])) {
            st = raml_error_set(err, RAML_ERR_INTERNAL, path, lineno, -1, "out of memory");
            break;
        }
    }
    free(line);
    fclose(fp);
    if (st == RAML_OK && !index_prefixes(nw))
        st = raml_error_set(err, RAML_ERR_INTERNAL, path, 0, -1, "out of memory");
    if (st != RAML_OK) {
        raml_numwords_free(nw);
        return st;
    }
    *out = nw;
    return RAML_OK;
}

void raml_numwords_free(raml_numwords *nw)
{
    if (!nw)
        return;
    for (size_t i = 0; i < nw->cap; i++)
        free(nw->slots[i].form);
    free(nw->slots);
    free(nw->prefixes);
    free(nw);
}

bool raml_numwords_add_guard_words(const raml_numwords *nw, raml_wordset *guard)
{
    if (!nw)
        return true;
    for (size_t i = 0; i < nw->cap; i++) {
        const nentry *e = &nw->slots[i];
        if (e->form && !strchr(e->form, ' ') && (e->num_kind != K_NONE || e->has_vague) &&
            !raml_wordset_add(guard, e->form, strlen(e->form)))
            return false;
    }
    return true;
}

/* ----- parsing ----- */

typedef struct numparse {
    const raml_numwords *nw;
    const raml_token *t;
    size_t n;
} numparse;

static bool is_word(const raml_token *t, const char *w)
{
    return t->kind == RAML_TOK_ARABIC && strcmp(t->norm, w) == 0;
}

/* Longest phrase of tokens j.. in the table; returns the entry and the token count. */
static const nentry *phrase_at(const numparse *p, size_t j, size_t *len)
{
    char buf[256];
    size_t blen = 0;
    uint32_t h = 0;
    const nentry *best = NULL;
    for (size_t k = 0; k < (size_t)p->nw->max_words && j + k < p->n; k++) {
        const raml_token *t = &p->t[j + k];
        if (t->kind != RAML_TOK_ARABIC)
            break;
        size_t l;
        uint32_t th = raml_tok_norm_key(t, &l);
        if (blen + l + 2 > sizeof buf)
            break;
        if (k) {
            buf[blen++] = ' ';
            h = raml_tok_key_more(h, t);
        } else {
            h = th;
        }
        memcpy(buf + blen, t->norm, l);
        blen += l;
        const nentry *e = lookup_h(p->nw, buf, blen, hash_done(h));
        if (e) {
            best = e;
            *len = k + 1;
        }
        if (!has_prefix(p->nw, hash_done(h)))
            break;
    }
    return best;
}

static const char WAW[] = "و";

/* A single number word at token j, looked up as written, and with و / ال / ب / ل stripped
 * as allowed. *joined is set when the word carried و (or was preceded by a lone و). */
static const nentry *word_at(const numparse *p, size_t j, bool first, bool *joined,
                             size_t *used)
{
    *joined = false;
    *used = 1;
    if (j >= p->n)
        return NULL;
    const raml_token *t = &p->t[j];
    if (!first && is_word(t, WAW) && j + 1 < p->n) {
        size_t nn;
        uint32_t nh = raml_tok_norm_key(&p->t[j + 1], &nn);
        const nentry *e = lookup_h(p->nw, p->t[j + 1].norm, nn, hash_done(nh));
        if (e && p->t[j + 1].kind == RAML_TOK_ARABIC && (e->num_kind != K_NONE)) {
            *joined = true;
            *used = 2;
            return e;
        }
        return NULL;
    }
    if (t->kind != RAML_TOK_ARABIC)
        return NULL;
    const char *w = t->norm;
    size_t n;
    uint32_t h = raml_tok_norm_key(t, &n);
    const nentry *e = lookup_h(p->nw, w, n, hash_done(h));
    if (e && (e->num_kind != K_NONE || e->has_vague))
        return e;
    if (n > 2 && strncmp(w, WAW, 2) == 0) {
        e = lookup_n(p->nw, w + 2, n - 2);
        if (e && (e->num_kind != K_NONE || (first && e->has_vague))) {
            *joined = !first;
            return e;
        }
        if (!first)
            return NULL;
        w += 2;
        n -= 2;
    }
    if (!first) {
        /* مئات الآلاف: a multiplier after a vague word keeps its article */
        if (n > 6 && strncmp(w, "ال", 4) == 0) {
            e = lookup_n(p->nw, w + 4, n - 4);
            if (e && (e->num_kind == K_THOUSAND || e->num_kind == K_MILLION))
                return e;
        }
        return NULL;
    }
    /* weekdays that look like numbers with the article */
    static const char ahad[] = "الاحد", ithnayn[] = "الاثنين";
    if ((n == sizeof ahad - 1 && memcmp(w, ahad, n) == 0) ||
        (n == sizeof ithnayn - 1 && memcmp(w, ithnayn, n) == 0))
        return NULL;
    /* Most words asked about are not numbers: lengths fixed here spare a strlen each. */
#define P(lit) {lit, sizeof lit - 1}
    static const struct { char s[8]; size_t n; } pre[] = {P("بال"), P("لل"), P("ال"), P("ب"), P("ل")};
#undef P
    for (size_t i = 0; i < sizeof pre / sizeof pre[0]; i++) {
        size_t pl = pre[i].n;
        if (n > pl + 2 && memcmp(w, pre[i].s, pl) == 0) {
            e = lookup_n(p->nw, w + pl, n - pl);
            if (e && (e->num_kind != K_NONE || e->has_vague))
                return e;
        }
    }
    return NULL;
}

static bool plural_multiplier(const raml_token *t)
{
    static const char *const plurals[] = {"الاف", "الوف", "ملايين", "مليارات", NULL};
    const char *w = t->norm;
    for (int pass = 0; pass < 2; pass++) {
        for (const char *const *p = plurals; *p; p++)
            if (strcmp(w, *p) == 0)
                return true;
        if (strncmp(w, "ال", 4) != 0)
            break;
        w += 4;
    }
    return false;
}

/* Dual nouns count as 2 (قتيلان, جنديين). Only casualty nouns, and the oblique ين only for
 * nouns whose plural is broken: for مدنيين or مسلحين the same letters are the plural. */
static bool dual_noun(const raml_token *t)
{
    static const struct { const char *sg; bool broken_plural; } nouns[] = {
        {"قتيل", true},  {"جريح", true},  {"جندي", true},  {"طفل", true},   {"شخص", true},
        {"رجل", true},   {"عنصر", true},  {"ضابط", true},  {"اسير", true},  {"شاب", true},
        {"مدني", false}, {"مسلح", false}, {"مقاتل", false}, {"متظاهر", false},
        {"صحفي", false}, {"شرطي", false}, {"مواطن", false}, {"مصاب", false}, {"معتقل", false},
        {"امرا", true},  {"سيده", true},  {"قتيله", true},
    };
    if (t->kind != RAML_TOK_ARABIC)
        return false;
    const char *w = t->norm;
    size_t n = raml_tok_norm_len(t);
    if (n < 8)
        return false;
    bool an = memcmp(w + n - 4, "ان", 4) == 0, in = memcmp(w + n - 4, "ين", 4) == 0;
    if (!an && !in)
        return false;
    size_t sl = n - 4;
    char sg[64];
    if (sl + 3 > sizeof sg)
        return false;
    memcpy(sg, w, sl);
    sg[sl] = '\0';
    if (sl >= 2 && strcmp(sg + sl - 2, "ت") == 0) /* قتيلتان, امرأتان: ت → ة */
        memcpy(sg + sl - 2, "ه", 3);
    for (size_t i = 0; i < sizeof nouns / sizeof nouns[0]; i++)
        if (strcmp(sg, nouns[i].sg) == 0)
            return an || nouns[i].broken_plural;
    return false;
}

typedef struct numval {
    double value;
    bool vague;
    size_t end; /* one past the last token */
} numval;

/* Parses digits or number words at j. no_join: stop before a و-joined word (ranges). */
static bool parse_value(const numparse *p, size_t j, bool no_join, numval *out)
{
    double total = 0, cur = 0, last_mult = 0;
    int last = K_NONE, words = 0;
    bool vague = false;
    size_t k = j;
    if (k < p->n && p->t[k].kind == RAML_TOK_NUMBER) {
        cur = p->t[k].value;
        last = K_DIGITS;
        words = 1;
        k++;
    }
    for (;;) {
        bool joined = false;
        size_t used = 0;
        const nentry *e = NULL;
        if (words == 0 || last == K_THOUSAND || last == K_MILLION) {
            /* written-out compounds: أحد عشر, ثلاث مئة, ثلاثة أرباع */
            const nentry *ph = phrase_at(p, k, &used);
            if (ph && used > 1 && ph->num_kind != K_NONE)
                e = ph;
        }
        if (!e)
            e = word_at(p, k, words == 0, &joined, &used);
        if (!e)
            break;
        if (joined && no_join)
            break;
        const raml_token *t = &p->t[k + used - 1];
        int kind = e->num_kind;
        double v = e->num_value;
        if (words == 0 && (e->has_vague || ((kind == K_THOUSAND || kind == K_MILLION) &&
                                            plural_multiplier(t)))) {
            vague = true;
            cur = e->has_vague ? e->vague_value : v;
            last = K_UNIT;
            words = 1;
            k += used;
            continue;
        }
        if (kind == K_NONE)
            break;
        if (words > 0 && !joined) {
            /* adjacency without و: teen, or a multiplier of what came before */
            if (e->teen && last == K_UNIT && cur > 0 && cur < 10 && !vague) {
                cur += 10;
            } else if (kind == K_HUNDRED && last == K_UNIT && cur > 0 && cur < 10 && !vague) {
                cur *= v;
                last = K_HUNDRED;
            } else if ((kind == K_THOUSAND || kind == K_MILLION) && cur > 0) {
                /* after a number a dual-looking form is the accusative multiplier:
                 * خمسون ألفا = 50 × 1000, not 50 × 2000 */
                double base = 1000;
                while (base * 1000 <= v)
                    base *= 1000;
                total += cur * base;
                v = base;
                cur = 0;
                last_mult = v;
                last = kind;
            } else {
                break;
            }
            k += used;
            words++;
            continue;
        }
        if (vague)
            break;
        switch (kind) {
        case K_HALF:
            if (joined && last_mult > 0)
                total += v * last_mult;
            else
                cur += v;
            break;
        case K_THOUSAND:
        case K_MILLION:
            total += (cur > 0 && !joined ? cur : 1) * v;
            cur = 0;
            last_mult = v;
            break;
        default:
            cur += v;
            break;
        }
        last = kind;
        words++;
        k += used;
    }
    if (!words && k < p->n && dual_noun(&p->t[k])) {
        cur = 2;
        words = 1;
        k++;
    }
    if (!words)
        return false;
    out->value = total + cur;
    out->vague = vague;
    out->end = k;
    return true;
}

static bool is_dash(const raml_token *t)
{
    return t->kind == RAML_TOK_PUNCT &&
           (strcmp(t->norm, "-") == 0 || strcmp(t->norm, "\xE2\x80\x93") == 0);
}

bool raml_number_at(const raml_numwords *nw, const raml_token *tokens, size_t ntokens, size_t i,
                    raml_number *out)
{
    if (!nw || i >= ntokens)
        return false;
    numparse p = {nw, tokens, ntokens};
    size_t j = i, qlen = 0;
    raml_qualifier qual = RAML_QUAL_EXACT;
    const nentry *q = phrase_at(&p, j, &qlen);
    if (q && (q->has_qual || q->has_qual_post)) { /* على الأقل is also seen before */
        qual = q->has_qual ? q->qual : q->qual_post;
        j += qlen;
    }
    numval a;
    size_t vlen = 0;
    const nentry *vp = phrase_at(&p, j, &vlen);
    if (vp && vp->has_vague && vlen > 1) { /* عدد من */
        *out = (raml_number){.value = vp->vague_value, .high = -1,
                             .qualifier = qual == RAML_QUAL_EXACT ? RAML_QUAL_UNSPECIFIED : qual,
                             .first = (uint32_t)i, .count = (uint32_t)(j + vlen - i)};
        return true;
    }
    if (qual == RAML_QUAL_RANGE) {
        bool from = strcmp(tokens[i + qlen - 1].norm, "من") == 0;
        if (!parse_value(&p, j, true, &a) || a.end >= ntokens)
            return false;
        size_t k = a.end;
        const raml_token *sep = &tokens[k];
        numval b;
        if (!from && is_word(sep, WAW)) {
            k++;
        } else if (!from && sep->kind == RAML_TOK_ARABIC && strncmp(sep->norm, WAW, 2) == 0) {
            /* the و is inside the next word: parse it with the و stripped */
            const nentry *e = lookup_n(nw, sep->norm + 2, strlen(sep->norm) - 2);
            if (!e || e->num_kind == K_NONE)
                return false;
            raml_token tmp[16];
            size_t m = ntokens - k < 16 ? ntokens - k : 16;
            memcpy(tmp, tokens + k, m * sizeof *tmp);
            tmp[0].norm = sep->norm + 2;
            tmp[0].norm_len = 0;
            numparse p2 = {nw, tmp, m};
            if (!parse_value(&p2, 0, false, &b))
                return false;
            b.end += k;
            goto range_done;
        } else if (from && (is_word(sep, "الي") || is_word(sep, "حتي"))) {
            k++;
        } else {
            return false;
        }
        if (!parse_value(&p, k, false, &b))
            return false;
    range_done:
        *out = (raml_number){.value = a.value, .high = b.value, .qualifier = RAML_QUAL_RANGE,
                             .first = (uint32_t)i, .count = (uint32_t)(b.end - i)};
        return true;
    }
    if (!parse_value(&p, j, false, &a))
        return false;
    size_t end = a.end;
    double high = -1;
    if (qual == RAML_QUAL_EXACT && !a.vague && tokens[j].kind == RAML_TOK_NUMBER &&
        end + 1 < ntokens && end == j + 1 && is_dash(&tokens[end]) &&
        tokens[end + 1].kind == RAML_TOK_NUMBER) {
        qual = RAML_QUAL_RANGE;
        high = tokens[end + 1].value;
        end += 2;
    }
    if (end < ntokens) {
        size_t alen = 0;
        const nentry *after = phrase_at(&p, end, &alen);
        if (after && after->has_qual_post) {
            if (qual == RAML_QUAL_EXACT)
                qual = after->qual_post;
            end += alen;
        }
    }
    if (a.vague && qual == RAML_QUAL_EXACT)
        qual = RAML_QUAL_UNSPECIFIED;
    *out = (raml_number){.value = a.value, .high = high, .qualifier = qual,
                         .first = (uint32_t)i, .count = (uint32_t)(end - i)};
    return true;
}
