/* triggers.tsv and cues.tsv → trigger and cue entries. */
#include "lexicon/lexicon_priv.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const plover_types[] = {
    "AGREE",   "CONSULT", "SUPPORT",  "CONCEDE",  "COOPERATE", "AID",      "RETREAT", "REQUEST",
    "ACCUSE",  "REJECT",  "THREATEN", "PROTEST",  "SANCTION",  "MOBILIZE", "COERCE",  "ASSAULT"};

/* The canonical (static) spelling of a PLOVER type, or NULL. */
const char *raml_lex_plover_type(const char *s)
{
    for (size_t i = 0; i < sizeof plover_types / sizeof *plover_types; i++)
        if (strcmp(s, plover_types[i]) == 0)
            return plover_types[i];
    return NULL;
}

typedef struct {
    raml_lexicon *lex;
    uint32_t entry;
    raml_form_fn add;
    bool (*inflect)(raml_lexicon *, uint32_t, const char *, raml_form_fn);
    bool first_only; /* imperfect_ar: later values are irregular forms taken as written */
} form_ctx;

static bool each_form(form_ctx *c, const char *cell)
{
    const char *s = cell;
    while (*s) {
        const char *bar = strchr(s, '|');
        size_t n = bar ? (size_t)(bar - s) : strlen(s);
        char folded[768];
        if (n && 3 * n + 1 <= sizeof folded) {
            raml_fold(s, n, folded, sizeof folded, NULL);
            bool ok = c->inflect ? c->inflect(c->lex, c->entry, folded, c->add)
                                 : c->add(c->lex, c->entry, folded, strlen(folded));
            if (c->first_only)
                c->inflect = NULL;
            if (!ok)
                return false;
        }
        if (!bar)
            break;
        s = bar + 1;
    }
    return true;
}

/* A verb phrase's imperfect: the imperfect verb conjugated, then the rest of each perfect
 * form (اطلق النار + يطلق → يطلقون النار...). Creates the IMPERFECT entry. */
static bool phrase_rest_add(raml_lexicon *lex, uint32_t entry, const char *folded, size_t len);
static _Thread_local const char *g_rest; /* load-time only */
static bool phrase_rest_add(raml_lexicon *lex, uint32_t entry, const char *folded, size_t len)
{
    char buf[1024];
    int n = snprintf(buf, sizeof buf, "%.*s %s", (int)len, folded, g_rest);
    if (n < 0 || (size_t)n >= sizeof buf)
        return true;
    return raml_lex_add_folded(lex, entry, buf, (size_t)n);
}

static bool add_phrase_imperfects(raml_lexicon *lex, uint32_t unused, const raml_lex_entry *tmp,
                                  const char *forms, const char *impf)
{
    (void)unused;
    uint32_t ix;
    raml_lex_entry *e = raml_lex_new_entry(lex, RAML_ENT_TRIGGER, &ix);
    if (!e)
        return false;
    *e = *tmp;
    e->form = RAML_FORM_IMPERFECT;
    char first[256];
    const char *bar = strchr(impf, '|');
    size_t fl = bar ? (size_t)(bar - impf) : strlen(impf);
    if (fl * 3 + 1 > sizeof first)
        return true;
    raml_fold(impf, fl, first, sizeof first, NULL);
    const char *s = forms;
    while (*s) {
        const char *b = strchr(s, '|');
        size_t n = b ? (size_t)(b - s) : strlen(s);
        const char *sp = memchr(s, ' ', n);
        if (sp) {
            char rest[512], folded[1536];
            snprintf(rest, sizeof rest, "%.*s", (int)(n - (size_t)(sp + 1 - s)), sp + 1);
            raml_fold(rest, strlen(rest), folded, sizeof folded, NULL);
            g_rest = folded;
            if (!raml_inflect_imperfect(lex, ix, first, phrase_rest_add))
                return false;
        }
        if (!b)
            break;
        s = b + 1;
    }
    return true;
}

static raml_status oom(raml_error *err)
{
    return raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "out of memory");
}

/* Fills the payload of a trigger row; returns a message on a bad cell. */
static const char *parse_trigger(raml_lexicon *lex, raml_tsvfile *t, raml_lex_entry *e)
{
    e->plover_type = raml_lex_plover_type(raml_tsvfile_cell(t, 4));
    if (!e->plover_type)
        return "plover_type is not a PLOVER 2.0 type";
    raml_type_info ti;
    raml_lexicon_type_info(lex, e->plover_type, &ti);
    const char *modes = raml_tsvfile_cell(t, 5);
    while (*modes && e->nmodes < RAML_MAX_MODES) {
        const char *bar = strchr(modes, '|');
        size_t n = bar ? (size_t)(bar - modes) : strlen(modes);
        if (n)
            e->modes[e->nmodes++] = raml_arena_strndup(&lex->strings, modes, n);
        if (!bar)
            break;
        modes = bar + 1;
    }
    const char *cameo = raml_tsvfile_cell(t, 6);
    if (strlen(cameo) > 4 || strspn(cameo, "0123456789") != strlen(cameo))
        return "cameo must be 2-4 digits";
    snprintf(e->cameo, sizeof e->cameo, "%s", *cameo ? cameo : ti.cameo);
    double v;
    const char *quad = raml_tsvfile_cell(t, 7);
    if (*quad) {
        if (!raml_parse_double_in(quad, 1, 4, &v) || v != floor(v))
            return "quad must be 1-4";
        e->quad = (int)v;
    } else {
        e->quad = ti.quad;
    }
    const char *gs = raml_tsvfile_cell(t, 8);
    if (*gs) {
        if (!raml_parse_double_in(gs, -10, 10, &e->goldstein))
            return "goldstein must be a number from -10 to 10";
    } else {
        e->goldstein = ti.goldstein;
    }
    const char *ps = raml_tsvfile_cell(t, 9);
    if (*ps) {
        if (!raml_parse_double_in(ps, -10, 10, &e->plover_score))
            return "plover_score must be a number from -10 to 10";
    } else if (!(e->nmodes && raml_lexicon_mode_score(lex, e->plover_type, e->modes[0],
                                                       &e->plover_score))) {
        e->plover_score = ti.plover_score;
    }
    const char *voice = raml_tsvfile_cell(t, 10);
    if (!*voice || !strcmp(voice, "any") || !strcmp(voice, "both"))
        e->voice = RAML_VOICE_ANY;
    else if (!strcmp(voice, "active"))
        e->voice = RAML_VOICE_ACTIVE;
    else if (!strcmp(voice, "passive"))
        e->voice = RAML_VOICE_PASSIVE;
    else
        return "voice must be active, passive or any";
    return NULL;
}

raml_status raml_lex_load_triggers(raml_lexicon *lex, const char *dir, raml_error *err)
{
    static const char *const cols[] = {"id", "forms_ar", "pos", "imperfect_ar", "plover_type",
                                       "plover_modes", "cameo", "quad", "goldstein",
                                       "plover_score", "voice", "note"};
    raml_tsvfile t;
    bool present;
    raml_status st = raml_lex_open_optional(lex, &t, dir, "triggers.tsv", cols, 12, &present, err);
    if (st || !present)
        return st;
    int r;
    while ((r = raml_tsvfile_next(&t, err)) > 0) {
        const char *id = raml_tsvfile_cell(&t, 0), *forms = raml_tsvfile_cell(&t, 1);
        const char *pos = raml_tsvfile_cell(&t, 2);
        if (!*id || !*forms) {
            st = raml_tsvfile_error(&t, err, "missing id or forms_ar");
            break;
        }
        bool verb = !strcmp(pos, "verb") || !strcmp(pos, "verbphrase");
        bool noun = !strcmp(pos, "noun") || !strcmp(pos, "phrase");
        if (!verb && !noun) {
            st = raml_tsvfile_error(&t, err, "pos must be verb, verbphrase, noun or phrase, got '%s'", pos);
            break;
        }
        raml_lex_entry tmp;
        memset(&tmp, 0, sizeof tmp);
        tmp.kind = RAML_ENT_TRIGGER;
        const char *bad = parse_trigger(lex, &t, &tmp);
        if (bad) {
            st = raml_tsvfile_error(&t, err, "%s", bad);
            break;
        }
        char rid[200];
        snprintf(rid, sizeof rid, "triggers.tsv:%s", id);
        tmp.id = raml_lex_strdup(lex, rid);
        tmp.pos = verb ? RAML_POS_VERB : (strcmp(pos, "noun") ? RAML_POS_PATTERN : RAML_POS_NOUN);
        uint32_t ix;
        raml_lex_entry *e = raml_lex_new_entry(lex, RAML_ENT_TRIGGER, &ix);
        if (!e) { st = oom(err); break; }
        *e = tmp;
        e->form = verb ? RAML_FORM_PERFECT : RAML_FORM_NOUN;
        form_ctx c = {lex, ix, raml_lex_add_folded, verb ? raml_inflect_perfect : NULL, false};
        if (!each_form(&c, forms)) { st = oom(err); break; }
        if (!strcmp(pos, "verb") && !strcmp(tmp.plover_type, "PROTEST")) {
            e = raml_lex_new_entry(lex, RAML_ENT_TRIGGER, &ix);
            if (!e) { st = oom(err); break; }
            *e = tmp;
            e->form = RAML_FORM_AGENT;
            e->pos = RAML_POS_NOUN;
            raml_lex_copy_code(e->sector, "CVL");
            c = (form_ctx){lex, ix, raml_lex_add_folded, raml_inflect_participle, false};
            if (!each_form(&c, forms)) { st = oom(err); break; }
        }
        const char *impf = raml_tsvfile_cell(&t, 3);
        if (!strcmp(pos, "verbphrase") && *impf) {
            if (!add_phrase_imperfects(lex, ix = (uint32_t)lex->nentries, &tmp, forms, impf)) {
                st = oom(err);
                break;
            }
        } else if (verb && *impf) {
            e = raml_lex_new_entry(lex, RAML_ENT_TRIGGER, &ix);
            if (!e) { st = oom(err); break; }
            *e = tmp;
            e->form = RAML_FORM_IMPERFECT;
            c = (form_ctx){lex, ix, raml_lex_add_folded, raml_inflect_imperfect, true};
            if (!each_form(&c, impf)) { st = oom(err); break; }
        }
    }
    return raml_lex_close_dictionary(lex, &t, r, st, err);
}

static const struct {
    const char *name;
    raml_cue_kind kind;
} cue_kinds[] = {
    {"negation", RAML_CUE_NEGATION},   {"neg", RAML_CUE_NEGATION},
    {"denial", RAML_CUE_DENIAL},       {"deny", RAML_CUE_DENIAL},
    {"future", RAML_CUE_FUTURE},       {"intent", RAML_CUE_INTENT},
    {"intended", RAML_CUE_INTENT},     {"plan", RAML_CUE_INTENT},
    {"threat", RAML_CUE_THREAT},       {"threatened", RAML_CUE_THREAT},
    {"hypothetical", RAML_CUE_HYPOTHETICAL}, {"condition", RAML_CUE_HYPOTHETICAL},
    {"conditional", RAML_CUE_HYPOTHETICAL}, {"modal", RAML_CUE_HYPOTHETICAL},
    {"attempt", RAML_CUE_ATTEMPT},     {"report", RAML_CUE_REPORT},
    {"reported", RAML_CUE_REPORT},     {"report_verb", RAML_CUE_REPORT},
    {"speech", RAML_CUE_REPORT},       {"source", RAML_CUE_SOURCE},
    {"according_to", RAML_CUE_SOURCE}, {"report_source", RAML_CUE_SOURCE},
    {"claim", RAML_CUE_CLAIM},         {"responsibility", RAML_CUE_CLAIM},
    {"alleged", RAML_CUE_ALLEGED},     {"allegation", RAML_CUE_ALLEGED},
    {"allege", RAML_CUE_ALLEGED},      {"generic", RAML_CUE_GENERIC},
    {"historical", RAML_CUE_HISTORICAL}, {"past", RAML_CUE_HISTORICAL},
    {"agent", RAML_CUE_AGENT},         {"agentive", RAML_CUE_AGENT},
    {"target", RAML_CUE_TARGET},       {"recipient", RAML_CUE_TARGET},
};

raml_status raml_lex_load_cues(raml_lexicon *lex, const char *dir, raml_error *err)
{
    static const char *const cols[] = {"id", "forms_ar", "pos", "imperfect_ar", "kind", "position", "note"};
    raml_tsvfile t;
    bool present;
    raml_status st = raml_lex_open_optional(lex, &t, dir, "cues.tsv", cols, 7, &present, err);
    if (st || !present)
        return st;
    int r;
    while ((r = raml_tsvfile_next(&t, err)) > 0) {
        const char *id = raml_tsvfile_cell(&t, 0), *forms = raml_tsvfile_cell(&t, 1);
        const char *kind = raml_tsvfile_cell(&t, 4), *pos = raml_tsvfile_cell(&t, 5);
        const char *wpos = raml_tsvfile_cell(&t, 2), *impf = raml_tsvfile_cell(&t, 3);
        if (!*id || !*forms) {
            st = raml_tsvfile_error(&t, err, "missing id or forms_ar");
            break;
        }
        int k = -1;
        for (size_t i = 0; i < sizeof cue_kinds / sizeof *cue_kinds; i++)
            if (!strcmp(kind, cue_kinds[i].name))
                k = (int)cue_kinds[i].kind;
        if (k < 0) {
            st = raml_tsvfile_error(&t, err, "unknown cue kind '%s'", kind);
            break;
        }
        uint32_t ix;
        raml_lex_entry *e = raml_lex_new_entry(lex, RAML_ENT_CUE, &ix);
        if (!e) { st = oom(err); break; }
        char rid[200];
        snprintf(rid, sizeof rid, "cues.tsv:%s", id);
        e->id = raml_lex_strdup(lex, rid);
        e->cue = (raml_cue_kind)k;
        e->cue_after = !strcmp(pos, "after") || !strcmp(pos, "post");
        /* Speech and stance verbs are conjugated like triggers (قال → قالت، قالوا). */
        bool verbal = !strcmp(wpos, "verb") || !strcmp(wpos, "verbphrase");
        form_ctx c = {lex, ix, raml_lex_add_folded, verbal ? raml_inflect_perfect : NULL, false};
        if (!each_form(&c, forms)) { st = oom(err); break; }
        if (verbal && *impf && strcmp(wpos, "verbphrase") != 0) {
            c = (form_ctx){lex, ix, raml_lex_add_folded, raml_inflect_imperfect, true};
            if (!each_form(&c, impf)) { st = oom(err); break; }
        }
    }
    return raml_lex_close_dictionary(lex, &t, r, st, err);
}
