/*
 * Casualty cue words: data/casualties.tsv (one row: forms, kind, class, value, match). Every
 * Arabic token of every sentence with an event asks for its cues, usually in vain; a linear
 * scan of the few hundred forms (all starting with the same lead byte) was 5 % of coding, so
 * the forms are hashed, and the cues sharing a form are chained in file order.
 */
#include "count/cues.h"
#include "util/hash.h"
#include "util/tsv.h"

#include <stdlib.h>
#include <string.h>

#define MAX_FORMS 32

static const char *const cols[] = {"forms_ar", "kind", "class", "value", "match", "note"};
enum { C_FORMS, C_KIND, C_CLASS, C_VALUE, C_MATCH };

void raml_casualties_free(raml_casualties *cs)
{
    if (!cs)
        return;
    free(cs->buf);
    free(cs->folded);
    free(cs->cues);
    free(cs->index);
    free(cs);
}

/* The key hash of util/hash.h, which tokens carry for their stem and norm; never 0, which
 * marks nothing. */
static uint32_t hash_done(uint32_t h) { return h ? h : 1; }

static uint32_t word_hash(const char *w) { return hash_done(raml_key_hash(w, strlen(w))); }

/* The slot of folded form w: the one holding it, or the empty one where it belongs. */
static cas_slot *slot_of(const raml_casualties *cs, const char *w, uint32_t h)
{
    for (size_t i = h & cs->index_mask;; i = (i + 1) & cs->index_mask) {
        cas_slot *s = &cs->index[i];
        if (!s->first || (s->hash == h && strcmp(cs->cues[s->first - 1].folded, w) == 0))
            return s;
    }
}

static bool build_index(raml_casualties *cs)
{
    size_t cap = 16;
    while (cap < (size_t)cs->n * 4)
        cap *= 2;
    cs->index = calloc(cap, sizeof *cs->index);
    if (!cs->index)
        return false;
    cs->index_mask = cap - 1;
    /* Backwards, each cue going in front of its chain: the chains come out in file order. */
    for (int i = cs->n - 1; i >= 0; i--) {
        uint32_t h = word_hash(cs->cues[i].folded);
        cas_slot *s = slot_of(cs, cs->cues[i].folded, h);
        cs->cues[i].next_same = s->first - 1;
        s->hash = h;
        s->first = i + 1;
    }
    return true;
}

size_t raml_casualties_size(const raml_casualties *cs) { return cs ? (size_t)cs->n : 0; }

/* One row's class and value into c; false when they do not fit together. */
static bool parse_class(cas_cue *c, const char *cls, const char *value)
{
    long v = 0;
    bool has_value = *value != '\0';
    if (!strcmp(cls, "implied"))
        return raml_parse_long(value, &v) && v >= 1 && v <= 100 &&
               ((c->kind = CUE_NOUN), (c->implied = (int)v), true);
    if (has_value)
        return false;
    if (!strcmp(cls, "head"))
        c->kind = CUE_HEAD;
    else if (!strcmp(cls, "noun"))
        c->kind = CUE_NOUN;
    else if (!strcmp(cls, "plural"))
        c->kind = CUE_NOUN, c->plural = true;
    else if (!strcmp(cls, "gap"))
        c->kind = CUE_GAP;
    else if (!strcmp(cls, "verb"))
        c->kind = CUE_VERB;
    else
        return false;
    return true;
}

raml_status raml_casualties_load(const char *data_dir, raml_casualties **out, bool *missing,
                                 raml_error *err)
{
    *out = NULL;
    raml_casualties *cs = calloc(1, sizeof *cs);
    if (!cs)
        return raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "out of memory");
    raml_tsvfile t;
    raml_status st = raml_tsvfile_open(&t, data_dir, "casualties.tsv", cols, 6, missing, err);
    if (st != RAML_OK) {
        free(cs);
        return st;
    }
    t.optional_last = true;
    /* Folded forms are never longer than the file's forms: one block the size of the file. */
    size_t fcap = t.len + 1, flen = 0, cap = 0;
    cs->folded = malloc(fcap);
    size_t *offs = NULL; /* folded offsets until the block stops moving */
    int r = 0;
    while (st == RAML_OK && cs->folded && (r = raml_tsvfile_next(&t, err)) == 1) {
        cas_cue c = {0};
        const char *kind = raml_tsvfile_cell(&t, C_KIND), *cls = raml_tsvfile_cell(&t, C_CLASS),
                   *match = raml_tsvfile_cell(&t, C_MATCH);
        if (!strcmp(kind, "killed"))
            c.cls = CAS_KILLED;
        else if (!strcmp(kind, "injured"))
            c.cls = CAS_INJURED;
        else if (!strcmp(kind, "arrested"))
            c.cls = CAS_ARRESTED;
        else {
            st = raml_tsvfile_error(&t, err, "unknown kind '%s' (killed, injured, arrested)", kind);
            break;
        }
        if (!parse_class(&c, cls, raml_tsvfile_cell(&t, C_VALUE))) {
            st = raml_tsvfile_error(&t, err,
                                    "bad class/value '%s'/'%s' (head verb noun plural gap, or "
                                    "implied with a number)",
                                    cls, raml_tsvfile_cell(&t, C_VALUE));
            break;
        }
        if (!strcmp(match, "token"))
            c.by_norm = true;
        else if (strcmp(match, "stem") && *match) {
            st = raml_tsvfile_error(&t, err, "unknown match '%s' (stem, token)", match);
            break;
        }
        char *forms[MAX_FORMS];
        int nf = raml_split_bar(raml_tsvfile_cell(&t, C_FORMS), forms, MAX_FORMS);
        if (!nf) {
            st = raml_tsvfile_error(&t, err, "empty forms_ar");
            break;
        }
        for (int i = 0; i < nf; i++) {
            if (cs->n == (int)cap) {
                cap = cap ? cap * 2 : 64;
                cas_cue *nc = realloc(cs->cues, cap * sizeof *nc);
                size_t *no = realloc(offs, cap * sizeof *no);
                if (nc)
                    cs->cues = nc;
                if (no)
                    offs = no;
                if (!nc || !no) {
                    st = raml_error_set(err, RAML_ERR_INTERNAL, t.path, 0, -1, "out of memory");
                    break;
                }
            }
            size_t n = raml_fold(forms[i], strlen(forms[i]), cs->folded + flen, fcap - flen - 1,
                                 NULL);
            if (n == 0 || n >= fcap - flen - 1) {
                st = raml_tsvfile_error(&t, err, "form '%s' does not fold", forms[i]);
                break;
            }
            c.plain = forms[i];
            offs[cs->n] = flen;
            cs->folded[flen + n] = '\0';
            flen += n + 1;
            cs->cues[cs->n++] = c;
        }
    }
    if (st == RAML_OK && r < 0)
        st = RAML_ERR_INPUT;
    if (st == RAML_OK && !cs->folded)
        st = raml_error_set(err, RAML_ERR_INTERNAL, t.path, 0, -1, "out of memory");
    for (int i = 0; st == RAML_OK && i < cs->n; i++)
        cs->cues[i].folded = cs->folded + offs[i];
    free(offs);
    if (st == RAML_OK && !build_index(cs))
        st = raml_error_set(err, RAML_ERR_INTERNAL, t.path, 0, -1, "out of memory");
    cs->buf = raml_tsvfile_take(&t);
    if (st != RAML_OK) {
        raml_casualties_free(cs);
        return st;
    }
    *out = cs;
    return RAML_OK;
}

/* The first cue of form w (hash h), or -1. */
static int first_of(const raml_casualties *cs, const char *w, uint32_t h)
{
    const cas_slot *s = slot_of(cs, w, hash_done(h));
    return s->first - 1;
}

/* A form to look up and its key hash. */
typedef struct cas_key {
    const char *s;
    uint32_t h;
} cas_key;

/* The first cue from index `from` on whose form is the stem (or the norm, for token-matched
 * forms). */
static const cas_cue *next1(const raml_casualties *cs, cas_key stem, cas_key norm, int from)
{
    int best = -1;
    if (stem.s) {
        for (int i = first_of(cs, stem.s, stem.h); i >= 0; i = cs->cues[i].next_same) {
            if (i >= from && (!cs->cues[i].by_norm || norm.s == stem.s)) {
                best = i;
                break;
            }
        }
    }
    if (norm.s && norm.s != stem.s) {
        for (int i = first_of(cs, norm.s, norm.h); i >= 0 && (best < 0 || i < best);
             i = cs->cues[i].next_same) {
            if (i >= from && cs->cues[i].by_norm) {
                best = i;
                break;
            }
        }
    }
    return best >= 0 ? &cs->cues[best] : NULL;
}

/* When segmentation cut nothing (stem unknown to the guard lexicon), a leading و/ف is still
 * tried: وأصيب must not be lost. */
const cas_cue *cas_cue_next(const raml_casualties *cs, const raml_token *t, const cas_cue *prev)
{
    if (!cs || !cs->n)
        return NULL;
    const char *stem = t->stem, *norm = t->norm;
    size_t sn = 0, nn = 0;
    cas_key ks = {stem, stem ? raml_tok_stem_key(t, &sn) : 0};
    cas_key kn = {norm, norm == stem ? ks.h : norm ? raml_tok_norm_key(t, &nn) : 0};
    bool bare = stem && stem == norm && (unsigned char)stem[0] == 0xD9 &&
                ((unsigned char)stem[1] == 0x88 || (unsigned char)stem[1] == 0x81) && sn > 6;
    /* The cursor runs over the direct matches, then over the stripped ones. */
    int from = 0;
    bool stripped = false;
    if (prev) {
        from = (int)(prev - cs->cues) + 1;
        const char *w = prev->by_norm ? norm : stem;
        stripped = !(w && strcmp(w, prev->folded) == 0);
    }
    const cas_cue *c = stripped ? NULL : next1(cs, ks, kn, from);
    if (!c && bare) {
        cas_key k2 = {stem + 2, raml_key_hash(stem + 2, sn - 2)}; /* stem == norm */
        c = next1(cs, k2, k2, stripped ? from : 0);
    }
    return c;
}

static bool in(const char *s, const char *const *list, int n)
{
    for (int i = 0; i < n; i++)
        if (strcmp(s, list[i]) == 0)
            return true;
    return false;
}

bool cas_is_unit(const char *stem)
{
    static const char *const units[] = {
        "كيلومترا", "كيلومتر", "كيلومترات", "كلم", "كم",  "مترا",   "متر",  "امتار",
        "ميلا",     "ساعه",    "ساعات",    "يوما", "ايام", "دقيقه", "دقائق", "شهرا",
        "اشهر",     "عاما",    "سنوات",    "سنه",  "بالمئه", "بالمائه", "%",   "دولار",
    };
    return stem && in(stem, units, (int)(sizeof units / sizeof *units));
}

bool cas_ends_subject(const char *stem)
{
    /* Folded stems (ى→ي، أ/إ→ا). على is not here: ألقت القبض على 12 شخصا. */
    static const char *const w[] = {
        "في",  "منذ", "خلال", "يوم", "عام", "سنه", "بعد", "قبل", "حتي", "الي",
        "من",  "نحو", "مسافه", "بين", "حوالي", "ساعه", "الساعه", "ليله", "صباح", "مساء",
    };
    return !stem || in(stem, w, (int)(sizeof w / sizeof *w));
}

bool cas_is_year_word(const char *stem)
{
    static const char *const w[] = {"عام", "سنه", "العام"};
    return stem && in(stem, w, 3);
}
