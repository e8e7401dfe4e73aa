/*
 * Recognising place mentions: a gazetteer name (through clitics — see phrase.c), optionally
 * introduced by a feature cue (مدينة، قاعدة، ريف...), a direction (شمال، جنوبي) and a
 * distance ("160 كيلومترا غرب"), or followed by a direction adjective (ريف إدلب الجنوبي).
 * Names that are also common words, very short names and names right after a person's title
 * are only accepted with the context stoplist.c asks for.
 */
#include "geo/toponym.h"

#include <string.h>

/* A cue of `kind` occupying exactly the tokens [start, end). */
static bool cue_ending_at(const raml_gazetteer *g, const raml_token *toks, size_t lo, size_t end,
                          geo_cue_kind kind, const geo_cue **cue, size_t *start)
{
    for (size_t k = 1; k <= 3 && k <= end - lo; k++) {
        geo_pmatch m;
        if (!geo_phrase_match(&g->cue_ix, toks, end, end - k, &m) || m.ntok != k)
            continue;
        uint32_t cur = m.head, v;
        while (geo_phrase_next(&g->cue_ix, &m, &cur, &v)) {
            if (g->cues[v].kind == kind) {
                *cue = &g->cues[v];
                *start = end - k;
                return true;
            }
        }
    }
    return false;
}

static bool cue_at(const raml_gazetteer *g, const raml_token *toks, size_t end, size_t i,
                   geo_cue_kind kind, const geo_cue **cue, uint32_t *ntok)
{
    geo_pmatch m;
    if (!geo_phrase_match(&g->cue_ix, toks, end, i, &m))
        return false;
    uint32_t cur = m.head, v;
    while (geo_phrase_next(&g->cue_ix, &m, &cur, &v)) {
        if (g->cues[v].kind == kind) {
            *cue = &g->cues[v];
            *ntok = m.ntok;
            return true;
        }
    }
    return false;
}

/* The guard lexicon may keep المدينة whole: the article is then only visible in norm. */
static bool definite(const raml_token *t)
{
    return (t->proclitics & RAML_PRO_AL) || (t->norm && geo_has_article(t->norm, strlen(t->norm)));
}

static bool all_candidates_coarse(const raml_gazetteer *g, const geo_pmatch *m)
{
    uint32_t cur = m->head, v;
    while (geo_phrase_next(&g->names, m, &cur, &v)) {
        geo_feature f = g->places[v].feature;
        if (f != GEO_F_COUNTRY && f != GEO_F_ADMIN1)
            return false;
    }
    return true;
}

/* Is a one-word name also an ordinary Arabic noun? Nouns take the accusative alif (طرازا،
 * كيلا، ليلا) and the guard word list, generated from hunspell with all inflections, has that
 * form; the foreign city names hunspell knows are proper nouns without it (جنيف، نيويورك).
 * Names already ending in alif or ta marbuta cannot be told apart this way. */
static bool common_word(const raml_gazetteer *g, const geo_pmatch *m, const raml_token *t)
{
    if (!g->guard || m->ntok != 1 || !t->stem)
        return false;
    size_t n = strlen(t->stem);
    if (n < 4 || n + 3 > 64)
        return false;
    const unsigned char *end = (const unsigned char *)t->stem + n - 2;
    if ((end[0] == 0xD8 && (end[1] == 0xA7 || end[1] == 0xA9)) || (end[0] == 0xD9 && end[1] == 0x87))
        return false; /* ا، ة، ه */
    char acc[64];
    memcpy(acc, t->stem, n);
    memcpy(acc + n, "\xd8\xa7", 2);
    return raml_wordset_has(g->guard, acc, n + 2);
}

/* Names of minor places outside the region raml codes (a town in the Netherlands, a village in
 * France) collide with Arabic words far more often than they are meant (كان → Cannes, أمن →
 * Emmen): they need a feature cue. Countries, capitals and cities are named in the news
 * (محادثات جنيف); the few cities that are also words are in stoplist.c (ليل، سوري). */
static geo_stop foreign_tier(const raml_gazetteer *g, const geo_pmatch *m, const raml_token *t)
{
    uint32_t cur = m->head, v;
    bool word = common_word(g, m, t);
    while (geo_phrase_next(&g->names, m, &cur, &v)) {
        const geo_place *p = &g->places[v];
        if (geo_in_region(g, p->iso3) || p->feature == GEO_F_COUNTRY ||
            p->feature == GEO_F_CAPITAL || (p->feature == GEO_F_CITY && !word))
            return GEO_STOP_NONE;
    }
    return GEO_STOP_NEED_CUE;
}

/* المالي "Malian" is not مالي: a country takes the article only when its name has it
 * (العراق، السودان), so an article cut off a country name written without one marks a nisba
 * adjective (الجيش المالي، النظام السوري). */
static bool country_adjective(const raml_gazetteer *g, const geo_mention *mn)
{
    if (!mn->m.al || mn->count != 1)
        return false;
    uint32_t cur = mn->m.head, v;
    while (geo_phrase_next(&g->names, &mn->m, &cur, &v)) {
        const geo_place *p = &g->places[v];
        if (p->feature != GEO_F_COUNTRY || geo_has_article(p->name_ar, strlen(p->name_ar)))
            return false;
    }
    return true;
}

static geo_stop stop_tier(const raml_gazetteer *g, const raml_token *toks, size_t end, size_t i,
                          uint32_t ntok)
{
    geo_pmatch m;
    if (!geo_phrase_match(&g->stop_ix, toks, end, i, &m) || m.ntok != ntok)
        return GEO_STOP_NONE;
    uint32_t cur = m.head, v;
    return geo_phrase_next(&g->stop_ix, &m, &cur, &v) ? (geo_stop)v : GEO_STOP_NONE;
}

typedef struct ctx {
    const raml_gazetteer *g;
    const raml_token *toks;
    size_t lo, end; /* the sentence */
} ctx;

/* Fills the context before a name at [i, ...): cue, direction, distance, preposition. */
static void context_before(const ctx *c, size_t i, geo_mention *mn, bool *prep)
{
    const geo_cue *cue;
    size_t at = i, st;
    if (cue_ending_at(c->g, c->toks, c->lo, at, GEO_CUE_FEATURE, &cue, &st)) {
        mn->cued = true;
        mn->hint = cue->hint;
        at = st;
    }
    if (cue_ending_at(c->g, c->toks, c->lo, at, GEO_CUE_DIRECTION, &cue, &st)) {
        mn->direction = true;
        at = st;
        /* "160 كيلومترا غرب": the distance belongs to the expression. */
        if (cue_ending_at(c->g, c->toks, c->lo, at, GEO_CUE_DISTANCE, &cue, &st) && st > c->lo &&
            (c->toks[st - 1].kind == RAML_TOK_NUMBER))
            at = st - 1;
    }
    mn->ctx_first = (uint32_t)at;
    const raml_token *head = &c->toks[at];
    *prep = (head->proclitics & (RAML_PRO_BI | RAML_PRO_LI)) ||
            cue_ending_at(c->g, c->toks, c->lo, at, GEO_CUE_PREP, &cue, &st);
}

/* Does the cue's feature fit one of the candidates? An admin2 cue (ريف) also fits a city: the
 * countryside of a city. */
static bool cue_fits(const raml_gazetteer *g, const geo_mention *mn)
{
    int hc = geo_feature_class(mn->hint);
    uint32_t cur = mn->m.head, v;
    while (geo_phrase_next(&g->names, &mn->m, &cur, &v)) {
        geo_feature f = g->places[v].feature;
        int pc = geo_feature_class(f);
        if (pc == hc || (mn->hint == GEO_F_ADMIN2 && (f == GEO_F_CITY || f == GEO_F_CAPITAL)))
            return true;
    }
    return false;
}

static bool accept(const ctx *c, size_t i, const geo_mention *mn, bool prep)
{
    if (country_adjective(c->g, mn))
        return false;
    geo_stop tier = stop_tier(c->g, c->toks, c->end, i, mn->count);
    geo_stop ft = foreign_tier(c->g, &mn->m, &c->toks[i]);
    if (ft > tier)
        tier = ft;
    /* A word that is only sometimes a name needs a cue that fits it: مدينة معسكر is Mascara,
     * مديرية الأمن "the security directorate" is not Emmen (a town). */
    if (mn->cued)
        return tier == GEO_STOP_NONE || cue_fits(c->g, mn);
    if (tier == GEO_STOP_NEED_CUE)
        return false;
    if (mn->direction)
        return true;
    if (tier == GEO_STOP_NEED_CUE_OR_PREP && !prep)
        return false;
    if (mn->count == 1) {
        if (strlen(c->toks[i].stem) <= 4) /* two Arabic letters */
            return false;
        geo_pmatch tm;
        if (i > c->lo && geo_phrase_match(&c->g->title_ix, c->toks, i, i - 1, &tm) &&
            !all_candidates_coarse(c->g, &mn->m))
            return false;
    }
    return true;
}

static bool push(raml_arena *a, geo_mention **arr, size_t *n, size_t *cap, const geo_mention *m)
{
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 32;
        geo_mention *na = raml_arena_grow(a, *arr, *cap * sizeof **arr, nc * sizeof **arr);
        if (!na)
            return false;
        *arr = na;
        *cap = nc;
    }
    (*arr)[(*n)++] = *m;
    return true;
}

raml_status geo_find_mentions(const raml_gazetteer *g, raml_arena *a, const raml_text *text,
                              geo_mention **out, size_t *nout)
{
    *out = NULL;
    *nout = 0;
    size_t cap = 0;
    if (!g)
        return RAML_OK;
    for (size_t s = 0; s < text->nsentences; s++) {
        const raml_sentence *se = &text->sentences[s];
        ctx c = {g, text->tokens, se->first, (size_t)se->first + se->count};
        for (size_t i = c.lo; i < c.end;) {
            geo_mention mn = {.place = -1, .ref = -1, .sent = (uint32_t)s};
            if (geo_phrase_match(&g->names, c.toks, c.end, i, &mn.m)) {
                mn.first = (uint32_t)i;
                mn.count = mn.m.ntok;
                bool prep;
                context_before(&c, i, &mn, &prep);
                const geo_cue *cue;
                uint32_t k;
                size_t after = i + mn.count;
                /* ريف إدلب الجنوبي: a direction adjective after the name. */
                if (after < c.end && definite(&c.toks[after]) &&
                    cue_at(g, c.toks, c.end, after, GEO_CUE_DIRECTION, &cue, &k))
                    mn.direction = true;
                /* طرابلس اللبنانية: the writer says which country the name is in. */
                geo_pmatch am;
                uint32_t cur, v;
                if (after < c.end && geo_phrase_match(&g->adj_ix, c.toks, c.end, after, &am) &&
                    am.ntok == 1 && (cur = am.head, geo_phrase_next(&g->adj_ix, &am, &cur, &v)))
                    memcpy(mn.adj_country, g->adj_iso3[v], 4);
                if (accept(&c, i, &mn, prep)) {
                    if (!push(a, out, nout, &cap, &mn))
                        return RAML_ERR_INTERNAL;
                    i += mn.count;
                    continue;
                }
            }
            /* غرب المدينة: a direction before a definite feature noun with no name after it
             * refers back to the last place named. */
            const geo_cue *dir, *feat;
            uint32_t kd, kf;
            if (*nout && cue_at(g, c.toks, c.end, i, GEO_CUE_DIRECTION, &dir, &kd) &&
                i + kd < c.end && definite(&c.toks[i + kd]) &&
                cue_at(g, c.toks, c.end, i + kd, GEO_CUE_FEATURE, &feat, &kf)) {
                geo_pmatch nm;
                size_t nx = i + kd + kf;
                if (!(nx < c.end && geo_phrase_match(&g->names, c.toks, c.end, nx, &nm))) {
                    mn.first = (uint32_t)(i + kd);
                    mn.count = kf;
                    mn.ctx_first = (uint32_t)i;
                    mn.direction = true;
                    mn.cued = true;
                    mn.hint = feat->hint;
                    mn.ref = (int)*nout - 1;
                    if (!push(a, out, nout, &cap, &mn))
                        return RAML_ERR_INTERNAL;
                    i = nx;
                    continue;
                }
            }
            i++;
        }
    }
    return RAML_OK;
}
