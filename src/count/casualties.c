/*
 * Casualty figures. Each cue word of an event's sentence (data/casualties.tsv) takes the number next to it
 * — after a head (قتل 12 شخصا), before a noun (12 قتيلا، عشرات القتلى), before a gap cue
 * (لقي 12 شخصا حتفهم) — and goes to the sentence's event whose trigger is nearest, preferring
 * ASSAULT for killed/injured and COERCE for arrested. The first figure an event gets for a
 * class is kept. Vague quantities (عشرات) give count null, qualifier unspecified and low = the
 * quantity's lower bound (عشرات → the numbers.tsv value); a plural cue with no figure
 * (سقوط قتلى) gives count null, qualifier unspecified, low null.
 * Not casualty figures: values above 10,000,000, numbers followed by a unit (كيلومترا، ساعة)
 * and 4-digit years after عام/سنة.
 */
#include "count/count.h"
#include "count/cues.h"

#include <math.h>
#include <string.h>

#define MAX_FIGURE 10000000.0

static bool number_at(const raml_numwords *nw, const raml_text *t, size_t end, size_t i,
                      raml_number *n)
{
    if (i >= end)
        return false;
    if (nw)
        return raml_number_at(nw, t->tokens, end, i, n);
    /* No number words loaded (tests, stub lexicon): digits only. */
    if (t->tokens[i].kind != RAML_TOK_NUMBER)
        return false;
    *n = (raml_number){t->tokens[i].value, -1, RAML_QUAL_EXACT, (uint32_t)i, 1};
    return true;
}

static bool plausible(const raml_text *t, size_t lo, size_t end, const raml_number *n)
{
    if (!(n->value >= 0) || n->value > MAX_FIGURE || n->high > MAX_FIGURE)
        return false;
    size_t after = (size_t)n->first + n->count;
    if (after < end && cas_is_unit(t->tokens[after].stem))
        return false;
    if (n->value >= 1900 && n->value <= 2099 && n->value == floor(n->value) && n->first > lo &&
        cas_is_year_word(t->tokens[n->first - 1].stem))
        return false;
    return true;
}

typedef struct figure {
    bool found;
    raml_number n;
    bool unspecified; /* plural cue without a number */
    uint32_t first, last;
} figure;

static bool at_least_after(const raml_text *t, size_t end, size_t i)
{
    /* "12 قتيلا على الأقل": the qualifier after the counted noun. */
    return i + 2 < end && t->tokens[i + 1].stem && t->tokens[i + 2].stem &&
           strcmp(t->tokens[i + 1].norm, "علي") == 0 && strcmp(t->tokens[i + 2].stem, "اقل") == 0;
}

static figure read_figure(const raml_casualties *cs, const raml_numwords *nw, const raml_text *t,
                          size_t lo, size_t end, size_t i, const cas_cue *c)
{
    figure f = {0};
    raml_number n;
    if (c->kind == CUE_HEAD || c->kind == CUE_VERB) {
        bool have = false;
        if (c->kind == CUE_HEAD) {
            have = number_at(nw, t, end, i + 1, &n);
        } else {
            /* Skip the verb's subject (at most four words) up to the figure; the figure must
             * then count something: "اعتقلت قوات الأمن 40 متظاهرا". */
            size_t k = i + 1;
            for (; k < end && k <= i + 5 && !(have = number_at(nw, t, end, k, &n)); k++) {
                /* Another cue word starts another clause: "قتلوا وأصيب 15 آخرون". */
                const raml_token *w = &t->tokens[k];
                if (w->kind != RAML_TOK_ARABIC || cas_ends_subject(w->stem) || k == i + 5 ||
                    cas_cue_next(cs, w, NULL))
                    return f;
            }
            size_t after = have ? (size_t)n.first + n.count : end;
            if (k > i + 1 && (after >= end || t->tokens[after].kind != RAML_TOK_ARABIC))
                return f;
        }
        if (have && plausible(t, lo, end, &n)) {
            f = (figure){true, n, false, (uint32_t)i, n.first + n.count - 1};
            /* "قتل 12 مدنيا على الأقل": the qualifier may follow the number or its noun. */
            size_t last = (size_t)n.first + n.count - 1;
            if (f.n.qualifier == RAML_QUAL_EXACT &&
                (at_least_after(t, end, last) || at_least_after(t, end, last + 1))) {
                f.n.qualifier = RAML_QUAL_AT_LEAST;
                f.last = (uint32_t)(at_least_after(t, end, last) ? last + 2 : last + 3);
            }
        }
        return f;
    }
    if (c->implied) {
        n = (raml_number){c->implied, -1, RAML_QUAL_EXACT, (uint32_t)i, 1};
        return (figure){true, n, false, (uint32_t)i, (uint32_t)i};
    }
    /* Numbers ending right before the cue (NOUN) or up to three tokens before it (GAP); the
     * leftmost start wins so that "أكثر من 20" keeps its qualifier. */
    size_t maxgap = c->kind == CUE_GAP ? 3 : 0;
    size_t from = i > lo + 6 ? i - 6 : lo;
    for (size_t j = from; j < i; j++) {
        if (!number_at(nw, t, end, j, &n))
            continue;
        size_t e = (size_t)n.first + n.count;
        if (e <= i && i - e <= maxgap && plausible(t, lo, end, &n)) {
            f = (figure){true, n, false, n.first, (uint32_t)i};
            break;
        }
    }
    if (f.found && c->kind == CUE_NOUN && at_least_after(t, end, i) &&
        f.n.qualifier == RAML_QUAL_EXACT) {
        f.n.qualifier = RAML_QUAL_AT_LEAST;
        f.last = (uint32_t)i + 2;
    }
    if (!f.found && c->plural)
        f = (figure){true, {0, -1, RAML_QUAL_UNSPECIFIED, (uint32_t)i, 1}, true, (uint32_t)i,
                     (uint32_t)i};
    return f;
}


static void store(raml_arena *a, const raml_text *t, const figure *f, raml_count *c)
{
    const raml_number *n = &f->n;
    c->present = true;
    c->qualifier = n->qualifier;
    c->low = c->high = -1;
    long v = (long)n->value;
    switch (n->qualifier) {
    case RAML_QUAL_EXACT:
        c->count = c->low = c->high = v;
        break;
    case RAML_QUAL_AT_LEAST:
    case RAML_QUAL_MORE_THAN:
        c->count = c->low = v;
        break;
    case RAML_QUAL_AT_MOST:
        c->count = c->high = v;
        break;
    case RAML_QUAL_RANGE:
        c->count = -1;
        c->low = v;
        c->high = n->high >= 0 ? (long)n->high : -1;
        break;
    case RAML_QUAL_UNSPECIFIED:
        c->count = -1;
        c->low = f->unspecified || v <= 0 ? -1 : v;
        break;
    default: /* about */
        c->count = v;
    }
    const raml_token *first = &t->tokens[f->first], *last = &t->tokens[f->last];
    c->span.text = raml_arena_strndup(a, t->text + first->bstart, last->bend - first->bstart);
    c->span.bstart = first->bstart;
    c->span.bend = last->bend;
    c->span.start = first->cstart;
    c->span.end = last->cend;
}

static raml_count *slot(raml_event *ev, cas_class cls)
{
    return cls == CAS_KILLED ? &ev->killed : cls == CAS_INJURED ? &ev->injured : &ev->arrested;
}

raml_status raml_count_casualties(const raml_casualties *cs, const raml_numwords *nw,
                                  raml_arena *arena, const raml_text *text, raml_event *events,
                                  size_t nevents, const raml_trace *trace, raml_error *err)
{
    if (!text || !text->ntokens || !cs)
        return RAML_OK;
    size_t e0 = 0;
    while (e0 < nevents) {
        uint32_t s = events[e0].sentence_index;
        size_t e1 = e0;
        while (e1 < nevents && events[e1].sentence_index == s)
            e1++;
        if (s < text->nsentences) {
            const raml_sentence *se = &text->sentences[s];
            size_t lo = se->first, end = (size_t)se->first + se->count;
            for (size_t i = lo; i < end; i++) {
                const raml_token *tk = &text->tokens[i];
                if (tk->kind != RAML_TOK_ARABIC || !tk->stem)
                    continue;
                const cas_cue *c = NULL;
                figure f = {0};
                while (!f.found && (c = cas_cue_next(cs, tk, c)))
                    f = read_figure(cs, nw, text, lo, end, i, c);
                if (!f.found)
                    continue;
                const char *want = c->cls == CAS_ARRESTED ? "COERCE" : "ASSAULT";
                raml_event *best = NULL;
                size_t bestd = SIZE_MAX;
                for (int pass = 0; pass < 2 && !best; pass++) {
                    for (size_t e = e0; e < e1; e++) {
                        const char *ty = events[e].plover_type;
                        if (pass == 0 && !(ty && strcmp(ty, want) == 0))
                            continue;
                        size_t tt = raml_token_at(text, events[e].trigger.bstart);
                        size_t d = tt > i ? tt - i : i - tt;
                        if (d < bestd) {
                            bestd = d;
                            best = &events[e];
                        }
                    }
                }
                raml_count *dst = best ? slot(best, c->cls) : NULL;
                if (dst && !dst->present)
                    store(arena, text, &f, dst);
            }
        }
        e0 = e1;
    }
    if (arena->failed)
        return raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "count: out of memory");
    return RAML_OK;
}
