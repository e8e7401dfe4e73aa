/* One sentence → dictionary matches → actor mentions, triggers and cues. */
#include "coder/coder_int.h"

#include <string.h>

static int actor_rank(const raml_lex_entry *e)
{
    switch (e->kind) {
    case RAML_ENT_NAMED: return e->to_year ? 4 : 5; /* the current row of a renamed actor */
    case RAML_ENT_COUNTRY: return 3;
    case RAML_ENT_CAPITAL: return 2;
    case RAML_ENT_SECTOR: return 1;
    case RAML_ENT_DEMONYM: return 0;
    default: return -1;
    }
}

/* A named-actor row for other years than the article's (RSF as PRM before 2023). */
static bool out_of_period(const cw_sentence *s, const raml_lex_entry *e)
{
    if (e->kind != RAML_ENT_NAMED || !s->doc_year)
        return false;
    return (e->from_year && s->doc_year < e->from_year) || (e->to_year && s->doc_year > e->to_year);
}

bool cw_is_number(const cw_sentence *s, uint32_t i)
{
    if (i < s->first || i >= s->end)
        return false;
    const raml_token *t = cw_tok(s, i);
    if (t->kind == RAML_TOK_NUMBER)
        return true;
    const raml_numwords *nw = raml_lexicon_numwords(s->lex);
    raml_number num;
    return nw && t->kind == RAML_TOK_ARABIC &&
           raml_number_at(nw, s->text->tokens, s->text->ntokens, i, &num);
}

static bool prep_before(const cw_sentence *s, uint32_t i)
{
    const raml_token *t = cw_tok(s, i);
    if (t->proclitics & (RAML_PRO_BI | RAML_PRO_KA))
        return true;
    if (i <= s->first || !(cw_cls(s, i - 1) & RAML_W_PREP))
        return false;
    /* خمسة من الجنود: partitive من after a number governs nothing */
    return !((cw_cls(s, i - 1) & RAML_W_MIN) && cw_is_number(s, i - 2));
}

static void init_mention(cw_sentence *s, cw_mention *m, const raml_lex_entry *e, uint32_t first,
                         uint32_t end)
{
    memset(m, 0, sizeof *m);
    m->first = first;
    m->end = end;
    const raml_token *t = cw_tok(s, first);
    m->prep = prep_before(s, first);
    m->li = (t->proclitics & RAML_PRO_LI) != 0;
    m->wa = (t->proclitics & RAML_PRO_WA) != 0;
    if (!e) { /* aircraft, artillery...: the armed forces by metonymy */
        strcpy(m->sector, "MIL");
        strcpy(m->sectors[0], "MIL");
        m->nsectors = 1;
        m->generic = m->armed = true;
        m->rule = "R-EQUIPMENT";
        return;
    }
    m->ids[m->nids++] = e->id;
    memcpy(m->country, e->country, 4);
    switch (e->kind) {
    case RAML_ENT_TRIGGER: /* an agent noun (متظاهرون) */
        strcpy(m->sector, "CVL");
        strcpy(m->sectors[0], "CVL");
        m->nsectors = 1;
        m->generic = true;
        m->rule = "R-AGENT-NOUN";
        break;
    case RAML_ENT_NAMED:
        memcpy(m->sector, e->sector, 4);
        memcpy(m->sectors, e->sectors, sizeof m->sectors);
        m->nsectors = e->nsectors;
        m->name = e->name_en;
        m->name_ar = e->name_ar;
        m->actor_id = strchr(e->id, ':') ? strchr(e->id, ':') + 1 : e->id;
        m->armed = e->is_armed;
        m->person = e->is_person;
        m->rule = "R-NAMED";
        break;
    case RAML_ENT_SECTOR:
        memcpy(m->sector, e->sector, 4);
        memcpy(m->sectors, e->sectors, sizeof m->sectors);
        m->nsectors = e->nsectors;
        m->name_ar = e->name_ar;
        m->generic = true;
        m->armed = e->is_armed;
        m->rule = "R-SECTOR";
        break;
    case RAML_ENT_COUNTRY:
    case RAML_ENT_CAPITAL:
        m->name = e->name_en;
        m->name_ar = e->name_ar;
        m->bare_country = true;
        m->rule = e->kind == RAML_ENT_CAPITAL ? "R-CAPITAL" : "R-COUNTRY";
        break;
    case RAML_ENT_DEMONYM:
        m->generic = true;
        m->demonym_only = true;
        m->rule = "R-DEMONYM";
        break;
    default:
        break;
    }
}

/* A generic head takes its country from a following demonym or country (idafa), or a named
 * actor (قوات حفتر); a named actor absorbs a following demonym (حزب الله اللبناني). */
static bool compose(cw_mention *m, const raml_lex_entry *e, uint32_t end)
{
    if (m->generic && !m->demonym_only &&
        (e->kind == RAML_ENT_DEMONYM || e->kind == RAML_ENT_COUNTRY || e->kind == RAML_ENT_CAPITAL)) {
        memcpy(m->country, e->country, 4);
        m->rule = e->kind == RAML_ENT_DEMONYM ? "R-SECTOR-DEMONYM" : "R-SECTOR-IDAFA";
    } else if (m->generic && !m->demonym_only && e->kind == RAML_ENT_NAMED) {
        memcpy(m->country, e->country, 4);
        if (e->sector[0] && !e->is_person) {
            memcpy(m->sector, e->sector, 4);
            memcpy(m->sectors, e->sectors, sizeof m->sectors);
            m->nsectors = e->nsectors;
        }
        m->name = e->name_en;
        m->name_ar = e->name_ar;
        m->actor_id = strchr(e->id, ':') ? strchr(e->id, ':') + 1 : e->id;
        m->generic = false;
        m->armed |= e->is_armed;
        m->rule = "R-SECTOR-NAMED";
    } else if (!m->generic && !m->bare_country && e->kind == RAML_ENT_DEMONYM) {
        if (!m->country[0])
            memcpy(m->country, e->country, 4);
    } else {
        return false;
    }
    if (m->nids < 3)
        m->ids[m->nids++] = e->id;
    m->end = end;
    return true;
}

static void add_cue(cw_sentence *s, uint32_t first, uint32_t end, raml_cue_kind k, const char *id)
{
    if (s->ncues < CW_MAX_ITEMS)
        s->cues[s->ncues++] = (cw_cue){first, end, k, id};
}

/* A token joins the mention before it as an adjective when it carries the article and is
 * no dictionary or grammar word (القوات الخاصة العراقية). */
static bool adjective_gap(const cw_sentence *s, uint32_t i)
{
    const raml_token *t = cw_tok(s, i);
    return t->kind == RAML_TOK_ARABIC && (t->proclitics & RAML_PRO_AL) && !cw_cls(s, i) &&
           s->mention_at[i - s->first] < 0 && s->trigger_at[i - s->first] < 0 &&
           !(t->proclitics & (RAML_PRO_WA | RAML_PRO_BI | RAML_PRO_LI));
}

bool cw_is_boundary(const cw_sentence *s, uint32_t i)
{
    const raml_token *t = cw_tok(s, i);
    if (t->kind == RAML_TOK_PUNCT)
        return t->norm && (strchr(",;:.!?()\"", t->norm[0]) != NULL);
    if (cw_cls(s, i) & (RAML_W_COMP | RAML_W_REL))
        return true;
    /* و on a verb trigger starts a new clause (وقتل، وأصيب) */
    int tr = s->trigger_at[i - s->first];
    return tr >= 0 && s->triggers[tr].first == i && (t->proclitics & (RAML_PRO_WA | RAML_PRO_FA)) &&
           s->triggers[tr].e->pos == RAML_POS_VERB;
}

uint32_t cw_clause_start(const cw_sentence *s, uint32_t i)
{
    while (i > s->first && !cw_is_boundary(s, i))
        i--;
    return i;
}

uint32_t cw_clause_end(const cw_sentence *s, uint32_t i)
{
    i++;
    while (i < s->end && !cw_is_boundary(s, i))
        i++;
    return i;
}

void cw_analyze(cw_sentence *s)
{
    uint32_t n = s->end - s->first;
    raml_lex_match matches[CW_MAX_ITEMS * 2];
    size_t nm = raml_lexicon_match(s->lex, s->text->tokens, s->first, s->end, matches,
                                   sizeof matches / sizeof *matches);
    for (uint32_t i = 0; i < n; i++) {
        const raml_token *t = cw_tok(s, s->first + i);
        s->cls[i] = raml_lexicon_word_class(s->lex, t->stem_id) |
                    raml_lexicon_word_class(s->lex, t->norm_id);
        s->mention_at[i] = s->trigger_at[i] = -1;
        if (s->cls[i] & RAML_W_SPORT) {
            s->sport = true;
            s->nsport++;
        }
        if (s->cls[i] & (RAML_W_WEAPON | RAML_W_CASUALTY | RAML_W_MILEQUIP))
            s->conflict = s->weapons = true;
        if (s->cls[i] & RAML_W_TOLL)
            s->toll = true;
    }
    /* atoms: the best actor reading of each match, triggers, cues */
    cw_mention atoms[CW_MAX_ITEMS];
    const raml_lex_entry *atom_e[CW_MAX_ITEMS];
    int na = 0;
    size_t mi = 0;
    for (uint32_t i = s->first; i < s->end;) {
        const raml_lex_match *m = mi < nm && matches[mi].first == i ? &matches[mi] : NULL;
        if (!m) {
            if ((s->cls[i - s->first] & RAML_W_MILEQUIP) && na < CW_MAX_ITEMS) {
                atom_e[na] = NULL;
                init_mention(s, &atoms[na++], NULL, i, i + 1);
            }
            i++;
            continue;
        }
        mi++;
        const raml_lex_entry *actor = NULL, *trig = NULL;
        for (uint32_t k = 0; k < m->nentries; k++) {
            const raml_lex_entry *e = raml_lexicon_entry(s->lex, m->entries[k]);
            if (e->kind == RAML_ENT_TRIGGER && !trig)
                trig = e;
            else if (e->kind == RAML_ENT_CUE)
                add_cue(s, m->first, m->first + m->count, e->cue, e->id);
            else if (actor_rank(e) >= 0 && (!actor || actor_rank(e) > actor_rank(actor)) &&
                     !out_of_period(s, e))
                actor = e;
        }
        /* a verb form never takes the article or ب: الضرب is a noun, not ضرب */
        if (trig && (trig->form == RAML_FORM_PERFECT || trig->form == RAML_FORM_IMPERFECT) &&
            (cw_tok(s, m->first)->proclitics & (RAML_PRO_AL | RAML_PRO_BI)))
            trig = NULL;
        if (trig && s->ntriggers < CW_MAX_ITEMS) {
            s->triggers[s->ntriggers] = (cw_trigger){m->first, m->first + m->count, trig, -1};
            for (uint32_t k = m->first; k < m->first + m->count; k++)
                s->trigger_at[k - s->first] = (int16_t)s->ntriggers;
            s->ntriggers++;
        }
        if (!actor && trig && trig->form == RAML_FORM_AGENT)
            actor = trig; /* متظاهرون: a civilian agent as well as the event */
        /* المدفعية is both an event noun and an agent: keep both readings */
        if (actor && (!trig || trig->form == RAML_FORM_NOUN || trig->form == RAML_FORM_AGENT) &&
            na < CW_MAX_ITEMS) {
            atom_e[na] = actor;
            init_mention(s, &atoms[na++], actor, m->first, m->first + m->count);
        }
        i = m->first + m->count;
    }
    /* compose adjacent atoms into mentions */
    for (int a = 0; a < na && s->nmentions < CW_MAX_ITEMS; a++) {
        cw_mention cur = atoms[a];
        while (a + 1 < na) {
            const cw_mention *nx = &atoms[a + 1];
            uint32_t gap = nx->first - cur.end;
            bool near = gap == 0 || (gap == 1 && adjective_gap(s, cur.end));
            /* مسلحين من تنظيم الدولة، عناصر من الشرطة العراقية */
            bool partitive = gap == 1 && cur.generic && !cur.demonym_only &&
                             (s->cls[cur.end - s->first] & RAML_W_MIN) && atom_e[a + 1] &&
                             atom_e[a + 1]->kind == RAML_ENT_NAMED;
            if (!near && !partitive)
                break;
            if (!partitive && (nx->wa || nx->prep || (nx->li && !atom_e[a + 1])))
                break;
            if (!atom_e[a + 1] || !compose(&cur, atom_e[a + 1], nx->end))
                break;
            a++;
        }
        /* مسلحون مجهولون: unidentified armed men */
        if (cur.end < s->end && (s->cls[cur.end - s->first] & RAML_W_UNKNOWN) && cur.generic) {
            strcpy(cur.sector, "UAF");
            strcpy(cur.sectors[0], "UAF");
            cur.nsectors = 1;
            cur.country[0] = '\0';
            cur.end++;
            cur.rule = "R-UNKNOWN-ARMED";
        }
        for (uint32_t k = cur.first; k < cur.end; k++)
            s->mention_at[k - s->first] = (int16_t)s->nmentions;
        if (cur.armed)
            s->conflict = true;
        s->mentions[s->nmentions++] = cur;
    }
    /* A verbal noun of the same type in the same clause as a verb restates its event
     * (شن هجوما، قتل ... في هجوم): one event, the verb's. */
    for (int t = 0; t < s->ntriggers; t++) {
        cw_trigger *nt = &s->triggers[t];
        if (nt->e->form == RAML_FORM_AGENT) {
            /* المتظاهرون with تظاهر/مظاهرة in the sentence: the same protest */
            for (int v = 0; v < s->ntriggers; v++)
                if (v != t && s->triggers[v].e->form != RAML_FORM_AGENT && s->triggers[v].host < 0 &&
                    !strcmp(s->triggers[v].e->plover_type, nt->e->plover_type)) {
                    nt->host = v;
                    break;
                }
            if (nt->host >= 0)
                continue;
            for (int v = 0; v < t; v++) /* one event for several agent nouns */
                if (s->triggers[v].e->form == RAML_FORM_AGENT && s->triggers[v].host < 0) {
                    nt->host = v;
                    break;
                }
            continue;
        }
        if (nt->e->pos == RAML_POS_VERB)
            continue;
        for (int v = 0; v < s->ntriggers; v++) {
            cw_trigger *vt = &s->triggers[v];
            if (vt->e->pos != RAML_POS_VERB || vt->host >= 0 ||
                strcmp(vt->e->plover_type, nt->e->plover_type) != 0)
                continue;
            uint32_t lo = vt->first < nt->first ? vt->end : nt->end;
            uint32_t hi = vt->first < nt->first ? nt->first : vt->first;
            bool same_clause = true;
            for (uint32_t k = lo; k < hi; k++)
                if (cw_is_boundary(s, k))
                    same_clause = false;
            if (same_clause && hi - lo <= 8) {
                nt->host = v;
                break;
            }
        }
    }
}
