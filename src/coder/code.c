/* raml_code_text: every sentence → events. Confidence is a simple additive heuristic:
 * 0.45 base, +0.2 with an actor, +0.15 with a recipient, +0.1 for a verb trigger, +0.05
 * when the actor is named (not generic); minus penalties for attempts and non-actual
 * modality; clamped to [0.1, 0.95]. */
#include "coder/coder_int.h"
#include "util/str.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

void cw_tracef(const cw_sentence *s, const char *fmt, ...)
{
    if (!s->trace || !s->trace->emit)
        return;
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    s->trace->emit(s->trace->ctx, line);
}

raml_span cw_span(const cw_sentence *s, uint32_t first, uint32_t end)
{
    raml_span sp = {0};
    if (end <= first)
        return sp;
    const raml_token *a = cw_tok(s, first), *b = cw_tok(s, end - 1);
    sp.text = raml_arena_strndup(s->arena, s->text->text + a->bstart, b->bend - a->bstart);
    sp.start = a->cstart;
    sp.end = b->cend;
    sp.bstart = a->bstart;
    sp.bend = b->bend;
    return sp;
}

static bool weapon_trigger(const cw_trigger *tr);

/* استهدفت غارة جوية تركية، قصفت مدفعية روسية: the nationality of a strike or of the arms
 * that made it is that country's forces, not its government. */
static bool armed_nationality(const cw_sentence *s, const cw_mention *m)
{
    if (!(m->demonym_only || m->bare_country) || m->first <= s->first)
        return false;
    int t = s->trigger_at[m->first - 1 - s->first];
    if (t >= 0)
        return s->triggers[t].e->form == RAML_FORM_NOUN && weapon_trigger(&s->triggers[t]);
    return (cw_cls(s, m->first - 1) & RAML_W_MILEQUIP) != 0;
}

static void fill_actor(cw_sentence *s, raml_actor *out, int mi, raml_role role, const cw_roles *r)
{
    const cw_mention *m = &s->mentions[mi];
    memset(out, 0, sizeof *out);
    out->role = role;
    out->span = cw_span(s, m->first, m->end);
    out->name = m->name;
    out->name_ar = m->name_ar;
    out->actor_id = m->actor_id;
    memcpy(out->country, m->country, 4);
    memcpy(out->sector, m->sector, 4);
    memcpy(out->sectors, m->sectors, sizeof out->sectors);
    out->nsectors = m->nsectors;
    if (role == RAML_ROLE_ACTOR && m->bare_country && !out->sector[0]) {
        strcpy(out->sector, "GOV"); /* واشنطن قررت: the government */
        strcpy(out->sectors[0], "GOV");
        out->nsectors = 1;
    }
    if (role == RAML_ROLE_ACTOR && m->demonym_only && r->actor_sector_override) {
        strcpy(out->sector, r->actor_sector_override);
        strcpy(out->sectors[0], out->sector);
        out->nsectors = 1;
    }
    if (role == RAML_ROLE_ACTOR && armed_nationality(s, m)) {
        strcpy(out->sector, "MIL");
        strcpy(out->sectors[0], "MIL");
        out->nsectors = 1;
    }
    out->is_generic = m->generic;
    raml_strcat2(out->cameo, sizeof out->cameo, out->country, out->sector);
}

/* Generic agents without a country take the sentence's dominant country: the one named
 * most often by country names, capitals and demonyms (قتل ثلاثة مدنيين في سوريا، اشتباكات
 * بين الشرطة ومسلحين في كراتشي الباكستانية). A tie names no country; unidentified gunmen
 * keep none. */
static int dominant_country(const cw_sentence *s)
{
    const char *cand[CW_MAX_ITEMS];
    int votes[CW_MAX_ITEMS], nc = 0;
    for (int k = 0; k < s->nmentions; k++) {
        const cw_mention *m = &s->mentions[k];
        bool named_by_country = m->bare_country || m->demonym_only ||
                                (m->generic && m->country[0]); /* الشرطة العراقية */
        if (!named_by_country || !m->country[0] || m->country[0] == '-' || m->dateline || m->in_name)
            continue;
        int i = 0;
        while (i < nc && strcmp(cand[i], m->country) != 0)
            i++;
        if (i == nc) {
            cand[nc] = m->country;
            votes[nc++] = 0;
        }
        votes[i]++;
    }
    const char *only = NULL;
    int best = 0, at = -1;
    bool tie = false;
    for (int i = 0; i < nc; i++) {
        if (votes[i] > best) {
            best = votes[i];
            only = cand[i];
            at = i;
            tie = false;
        } else if (votes[i] == best) {
            tie = true;
        }
    }
    if (!only || tie)
        return -1;
    for (int k = 0; k < s->nmentions; k++)
        if (s->mentions[k].country == cand[at])
            return k;
    return -1;
}

static void context_country(const cw_sentence *s, raml_event *ev)
{
    int dom = dominant_country(s);
    if (dom < 0)
        return;
    const char *only = s->mentions[dom].country;
    for (int i = 0; i < ev->nactors; i++) {
        raml_actor *a = &ev->actors[i];
        if (a->country[0] || !a->is_generic || !strcmp(a->sector, "UAF"))
            continue;
        /* the other side's nationality says nothing about this one: civilians killed in a
         * Turkish air raid, journalists arrested by the Tunisian police */
        bool other_side = false;
        for (int j = 0; j < ev->nactors; j++)
            other_side |= ev->actors[j].role != a->role && !strcmp(ev->actors[j].country, only);
        if (other_side)
            continue;
        memcpy(a->country, only, 4);
        raml_strcat2(a->cameo, sizeof a->cameo, a->country, a->sector);
        raml_event_add_rule(ev, "R-CONTEXT-COUNTRY");
    }
}

/* للتنديد بزيارة أحمدي نجاد، احتجاجا على قرار بريطانيا، ضد القصف الإيراني: what a protest
 * is against is the first actor with a country after a word of protest purpose, of demand
 * or of place (أمام). */
static int protest_object(const cw_sentence *s)
{
    /* sorted by bytes for bsearch: words of protest purpose (تنديد، احتجاجا، ضد، يسقط), of
     * demand — its addressee is what the crowd stands against (مطالبين رئيس الوزراء بفتح
     * تحقيق، هتافات تدعو الحكومة إلى) — and of decision or place (قرار بريطانيا، أمام مكتب) */
    static const char *const purpose[] = {
        "\xd8\xa7\xd8\xad\xd8\xaa\xd8\xac\xd8\xa7\xd8\xac", /* احتجاج */
        "\xd8\xa7\xd8\xad\xd8\xaa\xd8\xac\xd8\xa7\xd8\xac\xd8\xa7", /* احتجاجا */
        "\xd8\xa7\xd8\xb3\xd8\xaa\xd9\x86\xd9\x83\xd8\xa7\xd8\xb1", /* استنكار */
        "\xd8\xa7\xd9\x85\xd8\xa7\xd9\x85", /* امام */
        "\xd8\xaa\xd8\xaf\xd8\xb9\xd9\x88", /* تدعو */
        "\xd8\xaa\xd8\xb7\xd8\xa7\xd9\x84\xd8\xa8", /* تطالب */
        "\xd8\xaa\xd9\x86\xd8\xaf\xd9\x8a\xd8\xaf", /* تنديد */
        "\xd8\xaa\xd9\x86\xd8\xaf\xd9\x8a\xd8\xaf\xd8\xa7", /* تنديدا */
        "\xd8\xaf\xd8\xa7\xd8\xb9\xd9\x8a\xd9\x86", /* داعين */
        "\xd8\xb1\xd9\x81\xd8\xb6", /* رفض */
        "\xd8\xb1\xd9\x81\xd8\xb6\xd8\xa7", /* رفضا */
        "\xd8\xb4\xd8\xac\xd8\xa8", /* شجب */
        "\xd8\xb4\xd8\xac\xd8\xa8\xd8\xaa", /* شجبت */
        "\xd8\xb4\xd8\xac\xd8\xa8\xd9\x88\xd8\xa7", /* شجبوا */
        "\xd8\xb6\xd8\xaf", /* ضد */
        "\xd8\xb7\xd8\xa7\xd9\x84\xd8\xa8\xd9\x88\xd8\xa7", /* طالبوا */
        "\xd9\x82\xd8\xb1\xd8\xa7\xd8\xb1", /* قرار */
        "\xd9\x85\xd8\xb7\xd8\xa7\xd9\x84\xd8\xa8\xd8\xa7", /* مطالبا */
        "\xd9\x85\xd8\xb7\xd8\xa7\xd9\x84\xd8\xa8\xd9\x87", /* مطالبه */
        "\xd9\x85\xd8\xb7\xd8\xa7\xd9\x84\xd8\xa8\xd9\x88\xd9\x86", /* مطالبون */
        "\xd9\x85\xd8\xb7\xd8\xa7\xd9\x84\xd8\xa8\xd9\x8a\xd9\x86", /* مطالبين */
        "\xd9\x85\xd9\x86\xd8\xa7\xd9\x87\xd8\xb6\xd9\x87", /* مناهضه */
        "\xd9\x85\xd9\x86\xd8\xa7\xd9\x87\xd8\xb6\xd9\x8a\xd9\x86", /* مناهضين */
        "\xd9\x86\xd8\xaf\xd8\xaf", /* ندد */
        "\xd9\x86\xd8\xaf\xd8\xaf\xd9\x88\xd8\xa7", /* نددوا */
        "\xd9\x8a\xd8\xaf\xd8\xb9\xd9\x88\xd9\x86", /* يدعون */
        "\xd9\x8a\xd8\xb3\xd9\x82\xd8\xb7", /* يسقط */
        "\xd9\x8a\xd8\xb7\xd8\xa7\xd9\x84\xd8\xa8", /* يطالب */
        "\xd9\x8a\xd8\xb7\xd8\xa7\xd9\x84\xd8\xa8\xd9\x88\xd9\x86", /* يطالبون */
        "\xd9\x8a\xd9\x87\xd8\xa7\xd8\xac\xd9\x85\xd9\x88\xd9\x86", /* يهاجمون */
    };
    for (uint32_t i = s->first; i < s->end; i++) {
        const char *st = cw_tok(s, i)->stem;
        if (!raml_word_in_sorted(st, purpose, sizeof purpose / sizeof *purpose))
            continue;
        for (uint32_t j = i + 1; j < s->end && j < i + 8; j++) {
            if (cw_tok(s, j)->kind == RAML_TOK_PUNCT)
                break;
            int k = s->mention_at[j - s->first];
            if (k >= 0 && s->mentions[k].country[0] && s->mentions[k].country[0] != '-' &&
                !s->mentions[k].in_name)
                return k;
        }
    }
    return -1;
}

/* A protest that names no target is directed at the authorities of the country where it
 * takes place (CAMEO codes demonstrations against the government by default): with one
 * dominant country in the sentence (تظاهر الآلاف في أنقرة التركية، المتظاهرين الباكستانيين)
 * that country's government is the recipient. */
static void protest_target(cw_sentence *s, raml_event *ev)
{
    if (strcmp(ev->plover_type, "PROTEST") != 0 || ev->nactors >= RAML_MAX_ACTORS)
        return;
    for (int i = 0; i < ev->nactors; i++)
        if (ev->actors[i].role == RAML_ROLE_RECIPIENT)
            return;
    int dom = protest_object(s);
    const char *rule = "R-PROTEST-OBJECT";
    if (dom < 0) {
        dom = dominant_country(s);
        rule = "R-PROTEST-IMPLICIT-TARGET";
    }
    if (dom < 0)
        return;
    const cw_mention *m = &s->mentions[dom];
    if (!strcmp(rule, "R-PROTEST-OBJECT") && !m->bare_country && !m->demonym_only) {
        fill_actor(s, &ev->actors[ev->nactors++], dom, RAML_ROLE_RECIPIENT, &(cw_roles){0});
        raml_event_add_rule(ev, rule);
        return;
    }
    raml_actor *a = &ev->actors[ev->nactors++];
    memset(a, 0, sizeof *a);
    a->role = RAML_ROLE_RECIPIENT;
    a->span = cw_span(s, m->first, m->end);
    memcpy(a->country, m->country, 4);
    strcpy(a->sector, "GOV");
    strcpy(a->sectors[0], "GOV");
    a->nsectors = 1;
    a->is_generic = true;
    raml_strcat2(a->cameo, sizeof a->cameo, m->country, "GOV");
    raml_event_add_rule(ev, rule);
}

/* Crowds that gather or mass (تجمع، احتشد) are not protesting by themselves. */
static bool gathering(const raml_lex_entry *e)
{
    return !strcmp(e->plover_type, "PROTEST") &&
           (strstr(e->id, "-TAJAMMAA") || strstr(e->id, "-IHTASHADA"));
}

static bool forces(const cw_mention *m)
{
    static const char *const armed_state[] = {"COP", "MIL", "SPY"};
    return cw_one_of(m->sector, armed_state, 3);
}

/* Closing roads is a protesters' act, and a cordon when police or soldiers do it. */
static bool blockade(const raml_lex_entry *e)
{
    static const char *const ids[] = {"triggers.tsv:T-PROTEST-QATAA-TARIQ", "triggers.tsv:T-PROTEST-AGHLAQA-TARIQ",
                                      "triggers.tsv:T-PROTEST-SADDA-TARIQ"};
    return cw_one_of(e->id, ids, 3);
}

/* Police, soldiers or agents as the ones who gather: the verb's actor, or the first party
 * named after it (احتشدت أعداد كبيرة من الشرطة). */
static bool forces_gather(const cw_sentence *s, const cw_trigger *tr, const cw_roles *r)
{
    for (int i = 0; i < r->nactor; i++)
        if (forces(&s->mentions[r->actor[i]]) && s->mentions[r->actor[i]].first > tr->first)
            return true;
    for (uint32_t j = tr->end; j < s->end && j < tr->end + 5; j++) {
        int k = s->mention_at[j - s->first];
        if (k >= 0)
            return forces(&s->mentions[k]);
        if (cw_is_boundary(s, j))
            break;
    }
    return false;
}

static bool sport_metaphor(const cw_sentence *s, const raml_lex_entry *e)
{
    /* one sport word may be a homograph (دورية patrol → دوري league): then an armed actor
     * in the sentence vetoes; two or more sport words are a match report */
    if (!s->sport || s->weapons)
        return false;
    if (!strcmp(e->plover_type, "ASSAULT") || !strcmp(e->plover_type, "COERCE"))
        return s->nsport >= 2 || !s->conflict;
    /* R-SPORT-CROWD: a crowd gathering at a match (تجمع آلاف المشجعين في الملعب) */
    return gathering(e) && s->nsport >= 2;
}

/* A number in the trigger's clause that counts people or things (قتل 18 شخصا، خطفوا أربعة
 * أجانب، ستة أشخاص قتلوا) makes the report concrete; a year (عام 2005) does not. */
static bool counted(const cw_sentence *s, const cw_trigger *tr)
{
    uint32_t cs = cw_clause_start(s, tr->first), ce = cw_clause_end(s, tr->end - 1);
    uint32_t lo = tr->first > cs + 3 ? tr->first - 3 : cs, hi = tr->end + 3 < ce ? tr->end + 3 : ce;
    for (uint32_t j = lo; j < hi; j++) {
        if (!cw_is_number(s, j))
            continue;
        const raml_token *t = cw_tok(s, j);
        if (t->kind == RAML_TOK_NUMBER && t->value >= 1900 && t->value <= 2100)
            continue;
        if (j > s->first && (cw_cls(s, j - 1) & RAML_W_YEARWORD))
            continue;
        if (j + 1 < s->end && cw_tok(s, j + 1)->kind == RAML_TOK_ARABIC)
            return true;
    }
    return false;
}

/* قتل أمس 4 جنود: the victims are counted even when adverbs keep the number away from the
 * verb. */
static bool counted_victims(const cw_sentence *s, const cw_roles *r)
{
    for (int i = 0; i < r->nrecip; i++) {
        const cw_mention *m = &s->mentions[r->recip[i]];
        uint32_t j = m->first;
        if (j > s->first && (cw_cls(s, j - 1) & RAML_W_MIN))
            j--;
        if (j > s->first && cw_is_number(s, j - 1) && cw_tok(s, j - 1)->value < 1900)
            return true;
    }
    return false;
}

/* سبعة قتلى، 20 جريحا، مقتل 13، إصابة عشرة anywhere in the sentence: people were hurt. */
static bool counted_casualties(const cw_sentence *s)
{
    for (uint32_t j = s->first; j + 1 < s->end; j++) {
        if ((cw_cls(s, j + 1) & RAML_W_CASUALTY) && cw_is_number(s, j) && cw_tok(s, j)->value < 1900)
            return true;
        if ((cw_cls(s, j) & RAML_W_TOLL) && cw_is_number(s, j + 1) &&
            cw_tok(s, j + 1)->value < 1900 && j + 2 < s->end &&
            !(cw_cls(s, j + 2) & RAML_W_YEARWORD))
            return true;
    }
    return false;
}

/* قتل جندي في هجوم، قتل عشرة مدنيين في غارة جوية: a toll whose sentence names the attack
 * (an attack word, not another toll) is about violence, with no weapon word needed. */
static bool attack_named(const cw_sentence *s, const cw_trigger *tr)
{
    if (!cw_toll_trigger(s, tr))
        return false;
    for (int k = 0; k < s->ntriggers; k++) {
        const cw_trigger *o = &s->triggers[k];
        if (o != tr && !strcmp(o->e->plover_type, "ASSAULT") && !cw_toll_trigger(s, o))
            return true;
    }
    return false;
}

/* غارة جوية، قصف مدفعي، عبوة ناسفة، أطلق النار: a trigger whose mode is a weapon is itself
 * evidence that the violence is armed, as a weapon word beside it would be (ضربت الأزمة
 * البلاد has none). Not the one-word verbs of exploding: scandals, bubbles and crises
 * explode too (انفجرت فضيحة، فجروا الأزمة). */
static bool weapon_trigger(const cw_trigger *tr)
{
    static const char *const armed[] = {"aerial",   "drone",         "explosives",
                                        "firearms", "heavy-weapons", "suicide-attack"};
    const raml_lex_entry *e = tr->e;
    bool verb = e->form == RAML_FORM_PERFECT || e->form == RAML_FORM_IMPERFECT;
    for (int i = 0; i < e->nmodes; i++)
        for (size_t k = 0; k < sizeof armed / sizeof *armed; k++)
            if (!strcmp(e->modes[i], armed[k]) &&
                !(verb && tr->end == tr->first + 1 && !strcmp(armed[k], "explosives")))
                return true;
    return false;
}

/* انفجرت عبوة ناسفة، أطلق المسلحون قذائف هاون، أطلقت القوات النار: a perfect attack verb
 * with a weapon in its clause, or naming one, reports a concrete attack even before anyone
 * is counted. */
static bool armed_act(const cw_sentence *s, const cw_trigger *tr)
{
    if (tr->e->form != RAML_FORM_PERFECT)
        return false;
    if (weapon_trigger(tr))
        return true;
    uint32_t cs = cw_clause_start(s, tr->first), ce = cw_clause_end(s, tr->end - 1);
    for (uint32_t j = cs; j < ce; j++)
        if (cw_cls(s, j) & RAML_W_WEAPON)
            return true;
    return false;
}

/* قام ب + verbal noun: "did" (قامت القوة بمداهمة المسجد) */
static const char *const qama[] = {"\xd9\x82\xd8\xa7\xd9\x85", "\xd9\x82\xd8\xa7\xd9\x85\xd8\xaa",
                                   "\xd9\x82\xd8\xa7\xd9\x85\xd9\x88\xd8\xa7"}; /* قام قامت قاموا */

/* من right before a verb is "whoever", not "from": the event is anyone's that fits
 * (من ينظم المظاهرة، كل من قام باعتداء). The verb is the trigger or, for an event noun,
 * the light verb staging it within four words. */
static bool whoever(const cw_sentence *s, const cw_trigger *tr)
{
    static const char *const man[] = {"\xd9\x85\xd9\x86"}; /* من */
    uint32_t v = tr->first;
    if (tr->e->pos != RAML_POS_VERB) {
        v = UINT32_MAX;
        for (uint32_t j = tr->first; j > s->first && j + 4 > tr->first; j--)
            if (((cw_cls(s, j - 1) & RAML_W_LIGHT) || cw_stem_in(cw_tok(s, j - 1), qama, 3)) &&
                !cw_tok(s, j - 1)->proclitics) {
                v = j - 1;
                break;
            }
        if (v == UINT32_MAX)
            return false;
    }
    if (v <= s->first)
        return false;
    const raml_token *t = cw_tok(s, v - 1);
    if (!cw_norm_in(t, man, 1) || t->proclitics || t->enclitic)
        return false;
    /* a perfect spelling after من is also the verbal noun (تمكنت القوات من قتل سبعة): only
     * the imperfect, or كل من, is surely "whoever" */
    static const char *const kull[] = {"\xd9\x83\xd9\x84"}; /* كل */
    const raml_token *vt = cw_tok(s, v);
    /* a light verb is imperfect when it starts with ي or ت (none of their perfects does) */
    bool imperfect = tr->e->pos == RAML_POS_VERB
                         ? tr->e->form == RAML_FORM_IMPERFECT
                         : vt->stem && (!strncmp(vt->stem, "\xd9\x8a", 2) || !strncmp(vt->stem, "\xd8\xaa", 2));
    return imperfect || (v >= s->first + 2 && cw_norm_in(cw_tok(s, v - 2), kull, 1));
}

/* How an attack noun is told as done (0: it is not). STAGED_BY_AGENT: a perfect light verb
 * whose subject did it (شنت الطائرات غارات، نفذ التحالف ثلاث ضربات، كثفت القوات قصفها،
 * قامت القوة بمداهمة المسجد); it needs a participant. STAGED_OCCURRED: a perfect verb of occurring before or
 * right after the noun (تجددت الاشتباكات، وقع انفجار، التفجيرات وقعت في السوق), which needs
 * no one. The imperfect (يشن الجيش منذ أشهر حملة) is a campaign, and the verbal noun after a
 * preposition (اتهمه بشن غارات) an accusation. */
enum { STAGED_NO, STAGED_BY_AGENT, STAGED_OCCURRED };
static int staged_attack(const cw_sentence *s, const cw_trigger *tr)
{
    static const char *const light[] = {
        "\xd8\xb4\xd9\x86", /* شن */
        "\xd8\xb4\xd9\x86\xd8\xaa", /* شنت */
        "\xd8\xb4\xd9\x86\xd9\x88\xd8\xa7", /* شنوا */
        "\xd8\xb4\xd9\x86\xd9\x87", /* شنه */
        "\xd9\x86\xd9\x81\xd8\xb0", /* نفذ */
        "\xd9\x86\xd9\x81\xd8\xb0\xd8\xaa", /* نفذت */
        "\xd9\x86\xd9\x81\xd8\xb0\xd9\x88\xd8\xa7", /* نفذوا */
        "\xd9\x86\xd9\x81\xd8\xb0\xd9\x87", /* نفذه */
        "\xd8\xa7\xd9\x84\xd9\x82\xd9\x8a", /* القي */
        "\xd8\xa7\xd9\x84\xd9\x82\xd8\xaa", /* القت */
        "\xd8\xa7\xd9\x84\xd9\x82\xd9\x88\xd8\xa7", /* القوا */
        /* كثفت قوات حفتر ضرباتها الجوية: stepping up attacks is making them */
        "\xd9\x83\xd8\xab\xd9\x81", /* كثف */
        "\xd9\x83\xd8\xab\xd9\x81\xd8\xaa", /* كثفت */
        "\xd9\x83\xd8\xab\xd9\x81\xd9\x88\xd8\xa7", /* كثفوا */
    };
    static const char *const occurred[] = {
        "\xd8\xa7\xd9\x86\xd8\xaf\xd9\x84\xd8\xb9", /* اندلع */
        "\xd8\xa7\xd9\x86\xd8\xaf\xd9\x84\xd8\xb9\xd8\xaa", /* اندلعت */
        "\xd8\xaa\xd8\xac\xd8\xaf\xd8\xaf", /* تجدد */
        "\xd8\xaa\xd8\xac\xd8\xaf\xd8\xaf\xd8\xaa", /* تجددت */
        "\xd8\xaa\xd9\x88\xd8\xa7\xd8\xb5\xd9\x84", /* تواصل */
        "\xd8\xaa\xd9\x88\xd8\xa7\xd8\xb5\xd9\x84\xd8\xaa", /* تواصلت */
        "\xd8\xaf\xd8\xa7\xd8\xb1\xd8\xaa", /* دارت */
        "\xd8\xac\xd8\xb1\xd8\xaa", /* جرت */
        "\xd9\x88\xd9\x82\xd8\xb9", /* وقع */
        "\xd9\x88\xd9\x82\xd8\xb9\xd8\xaa", /* وقعت */
        "\xd9\x88\xd9\x82\xd8\xb9\xd8\xa7", /* وقعا */
        "\xd9\x88\xd9\x82\xd8\xb9\xd9\x88\xd8\xa7", /* وقعوا */
    };
    if (tr->e->form != RAML_FORM_NOUN)
        return STAGED_NO;
    const unsigned prep = RAML_PRO_BI | RAML_PRO_LI | RAML_PRO_AL | RAML_PRO_KA;
    /* التفجيرات وقعت في السوق، اثنان من التفجيرات وقعا */
    if (tr->end < s->end) {
        const raml_token *t = cw_tok(s, tr->end);
        if (cw_stem_in(t, occurred, sizeof occurred / sizeof *occurred) && !(t->proclitics & prep) &&
            !t->enclitic)
            return STAGED_OCCURRED;
    }
    bool bi = (cw_tok(s, tr->first)->proclitics & RAML_PRO_BI) != 0;
    uint32_t cs = cw_clause_start(s, tr->first);
    for (uint32_t j = tr->first; j > cs && j + 8 > tr->first; j--) {
        const raml_token *t = cw_tok(s, j - 1);
        if (t->kind == RAML_TOK_PUNCT || (j < tr->first && s->trigger_at[j - 1 - s->first] >= 0))
            return STAGED_NO;
        if (t->proclitics & prep)
            continue;
        if (bi) {
            if (cw_stem_in(t, qama, 3) && !t->enclitic)
                return STAGED_BY_AGENT; /* قامت القوة بمداهمة: قام ب is "did" */
            continue;
        }
        if (j + 5 > tr->first && cw_stem_in(t, light, sizeof light / sizeof *light))
            return STAGED_BY_AGENT;
        if (cw_stem_in(t, occurred, sizeof occurred / sizeof *occurred) && !t->enclitic)
            return STAGED_OCCURRED;
    }
    return STAGED_NO;
}

/* A protest noun is a report when something makes it happen: a light or occurrence verb
 * governs it (نظموا مظاهرة، خرجوا في مسيرة، اندلعت احتجاجات) or it is counted (عشرات
 * المظاهرات، تظاهرة شارك فيها 500). Alone it is a topic (المظاهرات السلمية حق). */
static bool light_verb_before(const cw_sentence *s, const cw_trigger *tr)
{
    if (cw_class_before(s, tr->first, RAML_W_LIGHT, 4))
        return true;
    /* خرج آلاف الجزائريين الجمعة في مسيرات، دخل عمال الشركة منذ أسبوعين في إضراب: the
     * subject and a time phrase may stand between; not across another event word */
    uint32_t cs = cw_clause_start(s, tr->first);
    for (uint32_t j = tr->first; j > cs && j + 10 > tr->first; j--) {
        if (s->trigger_at[j - 1 - s->first] >= 0)
            return false;
        if ((cw_cls(s, j - 1) & RAML_W_LIGHT) && !cw_tok(s, j - 1)->enclitic)
            return true;
    }
    return false;
}

/* Event words also appear in commentary, metaphor, general statements and references to
 * earlier events (تبرير القتل، ضربت الأزمة البلاد، ضحايا الهجمات). An ASSAULT/COERCE event
 * counts as actual only with conflict evidence (a weapon, casualty, military-equipment,
 * armed-actor or toll word) and a participant or a verb trigger. An ASSAULT also needs a
 * concrete outcome: a stated human toll in the sentence (مقتل، جرحى، لقي مصرعه، أسفر عن) or
 * a count next to the trigger (قتل 18 شخصا، خطفوا أربعة أجانب) — reports of attacks state
 * who was hit, talk about violence rarely counts anyone. A PROTEST needs a verb or a
 * participant, and a protest noun must be staged or counted. Without evidence the event is
 * kept as realis generic. A question is not a report: hypothetical. */
/* A perfect-tense attack verb with both a named or described attacker and a target is a
 * report even when no toll is given (قصفت الطائرات الروسية مواقع في إدلب): strikes on
 * positions, vehicles or depots often hit no one the report can count. */
static bool reported_strike(const cw_trigger *tr, const cw_roles *r)
{
    return tr->e->form == RAML_FORM_PERFECT && r->nactor && r->nrecip;
}

/* الغارة استهدفت قاعة، الضربات دمرت مخازن: a perfect attack verb whose subject is a strike
 * noun (an air strike, a shell, a bomb) and that names its target reports that strike. */
static bool strike_subject(const cw_sentence *s, const cw_trigger *tr, const cw_roles *r)
{
    if (tr->e->form != RAML_FORM_PERFECT || !r->nrecip)
        return false;
    for (int k = 0; k < s->ntriggers; k++) {
        const cw_trigger *o = &s->triggers[k];
        if (o->end <= tr->first && o->end + 6 >= tr->first && o->e->form == RAML_FORM_NOUN &&
            !strcmp(o->e->plover_type, "ASSAULT") && weapon_trigger(o) &&
            !(cw_tok(s, o->first)->proclitics & (RAML_PRO_BI | RAML_PRO_LI | RAML_PRO_KA)) &&
            !(o->first > s->first && (cw_cls(s, o->first - 1) & RAML_W_PREP))) {
            uint32_t j = o->end;
            while (j < tr->first && cw_tok(s, j)->kind != RAML_TOK_PUNCT)
                j++;
            if (j == tr->first)
                return true;
        }
    }
    return false;
}

/* سيطر المسلحون على البلدة، فرضت القوات سيطرتها على المدينة: an armed body that took
 * ground in the perfect (CAMEO 192, occupy) reports it; there is no one to count. */
static bool seized_ground(const cw_trigger *tr, const cw_sentence *s, const cw_roles *r)
{
    if (tr->e->form != RAML_FORM_PERFECT || strcmp(tr->e->cameo, "192") != 0 || !r->nactor ||
        !s->mentions[r->actor[0]].armed)
        return false;
    /* احتل is as often "ranked" (احتل المرتبة الأولى), and an attempt (يحاول فرض سيطرته)
     * took nothing */
    if (strstr(tr->e->id, "-IHTALLA"))
        return false;
    for (int i = 0; i < r->nrules; i++)
        if (!strcmp(r->rules[i], "R-ATTEMPT"))
            return false;
    return true;
}

/* تمكنت القوات من تدمير سيارة، نجح الجيش في إسقاط طائرة: managing to do it says it was
 * done. */
static bool managed(const cw_sentence *s, const cw_trigger *tr)
{
    static const char *const verbs[] = {
        "\xd8\xaa\xd9\x85\xd9\x83\xd9\x86",                 /* تمكن */
        "\xd8\xaa\xd9\x85\xd9\x83\xd9\x86\xd8\xaa",         /* تمكنت */
        "\xd8\xaa\xd9\x85\xd9\x83\xd9\x86\xd9\x88\xd8\xa7", /* تمكنوا */
        "\xd9\x86\xd8\xac\xd8\xad",                         /* نجح */
        "\xd9\x86\xd8\xac\xd8\xad\xd8\xaa",                 /* نجحت */
        "\xd9\x86\xd8\xac\xd8\xad\xd9\x88\xd8\xa7",         /* نجحوا */
    };
    static const char *const preps[] = {"\xd9\x85\xd9\x86", "\xd9\x81\xd9\x8a"}; /* من في */
    if (tr->e->form != RAML_FORM_NOUN || tr->first < s->first + 2 ||
        !cw_norm_in(cw_tok(s, tr->first - 1), preps, 2))
        return false;
    uint32_t cs = cw_clause_start(s, tr->first);
    for (uint32_t j = tr->first - 1; j > cs && j + 6 > tr->first; j--) {
        const raml_token *t = cw_tok(s, j - 1);
        if (cw_stem_in(t, verbs, sizeof verbs / sizeof *verbs) && !t->enclitic)
            return true;
    }
    return false;
}

/* سقطت قذيفة على المنزل، سقوط صواريخ قرب المدرج: a projectile that fell has been fired. */
static bool projectile_fell(const cw_sentence *s, const cw_trigger *tr)
{
    static const char *const fell[] = {
        "\xd8\xb3\xd9\x82\xd8\xb7",                 /* سقط */
        "\xd8\xb3\xd9\x82\xd8\xb7\xd8\xaa",         /* سقطت */
        "\xd8\xb3\xd9\x82\xd9\x88\xd8\xb7",         /* سقوط */
        "\xd8\xaa\xd8\xb3\xd8\xa7\xd9\x82\xd8\xb7", /* تساقط */
        "\xd8\xaa\xd8\xb3\xd8\xa7\xd9\x82\xd8\xb7\xd8\xaa", /* تساقطت */
    };
    if (tr->e->form != RAML_FORM_NOUN || tr->first <= s->first || !weapon_trigger(tr))
        return false;
    const raml_token *t = cw_tok(s, tr->first - 1);
    return cw_stem_in(t, fell, sizeof fell / sizeof *fell) && !t->enclitic;
}

/* The first line of a report, set apart by a line break and without a full stop, is its
 * headline, and headlines report what happened in the present tense or with nouns alone
 * (غارات روسية تستهدف سوقا، هجوم على معسكر في مأرب). */
static bool headline(const cw_sentence *s)
{
    if (s->index != 0 || s->text->nsentences < 2 || s->end - s->first > 20)
        return false;
    const raml_sentence *sent = &s->text->sentences[0];
    const raml_token *last = cw_tok(s, s->end - 1);
    if (last->kind == RAML_TOK_PUNCT && last->norm && strchr(".!?:", last->norm[0]))
        return false;
    for (size_t b = sent->bend; b < s->text->len; b++) {
        char c = s->text->text[b];
        if (c == '\n')
            return true;
        if (c != ' ' && c != '\t' && c != '\r')
            return false;
    }
    return false;
}

/* An indefinite event noun heading the headline is its news (احتجاجات ليلية في أحياء
 * تونسية، هجوم على معسكر); with the article it refers back (تدعم الهجوم، الحراك يعود). */
static bool fresh_headline_news(const cw_sentence *s, const cw_trigger *tr)
{
    if (!headline(s) || (cw_tok(s, tr->first)->proclitics & RAML_PRO_AL))
        return false;
    /* اعتصام مفتوح ... احتجاجا على: a later word of the same type is its detail */
    for (int k = 0; k < s->ntriggers && s->triggers[k].first < tr->first; k++)
        if (!strcmp(s->triggers[k].e->plover_type, tr->e->plover_type))
            return false;
    return true;
}

/* تجمع is "gathered" only when people gather: a plural form (تجمعوا، يتجمعون) or a crowd
 * after it (تجمع المئات، تجمع المتظاهرون). With an object or بين/على it "brings
 * together / agrees" (تجمع بين البلدين، تجمع على رفض، تجمعهم), and after a preposition or
 * in idafa it is the noun (موقع تجمع، أكبر تجمع). */
static bool crowd_gathers(const cw_sentence *s, const cw_trigger *tr)
{
    const raml_token *t = cw_tok(s, tr->first);
    if (t->enclitic)
        return false;
    const char *st = t->stem ? t->stem : "";
    size_t n = strlen(st);
    if (n > 4 && (!strcmp(st + n - 4, "\xd9\x88\xd8\xa7") || !strcmp(st + n - 4, "\xd9\x88\xd9\x86")))
        return true; /* ـوا / ـون */
    if (tr->end >= s->end)
        return false;
    if (cw_cls(s, tr->end) & (RAML_W_BETWEEN | RAML_W_TARGET))
        return false;
    /* تجمع صباح اليوم عشرات الآلاف، تجمع منذ ساعات العصر آلاف: a time phrase may come
     * first */
    static const char *const since[] = {"\xd9\x85\xd9\x86\xd8\xb0"}; /* منذ */
    uint32_t after = cw_time_phrase_end(s, tr->end);
    if (after == tr->end && cw_norm_in(cw_tok(s, after), since, 1))
        for (after++; after < s->end && after < tr->end + 4 && !cw_is_number(s, after) &&
                      s->mention_at[after - s->first] < 0 && cw_tok(s, after)->kind == RAML_TOK_ARABIC;)
            after++;
    if (after >= s->end)
        return false;
    if (cw_is_number(s, after))
        return true;
    int m = s->mention_at[after - s->first];
    return m >= 0 && s->mentions[m].generic && !s->mentions[m].bare_country &&
           !strcmp(s->mentions[m].sector, "CVL");
}

/* وهم / وهن + imperfect: a circumstantial clause (المتظاهرين وهم يرشقون الشرطة). */
static bool hal_pronoun(const cw_sentence *s, uint32_t j)
{
    /* وهم is also a word (illusion), so the guard list may keep it whole */
    static const char *const wahum[] = {"\xd9\x88\xd9\x87\xd9\x85", "\xd9\x88\xd9\x87\xd9\x86"};
    return cw_norm_in(cw_tok(s, j), wahum, 2);
}

/* A protest verb in a clause that describes protesters (المتظاهرين الذين يهتفون، متظاهرين
 * يحتجون على الغلاء) tells who they are, not a new protest: the sentence reports what
 * happened to or around them. */
static bool describes_protesters(const cw_sentence *s, const cw_trigger *tr)
{
    if (tr->e->pos != RAML_POS_VERB || tr->first <= s->first)
        return false;
    uint32_t j = tr->first - 1;
    bool imperfect = tr->e->form == RAML_FORM_IMPERFECT;
    if (cw_cls(s, j) & RAML_W_REL) {
        if (j <= s->first)
            return false;
        j--;
    } else if (imperfect && j > s->first + 1 && (cw_cls(s, j - 1) & RAML_W_REL) &&
               cw_tok(s, j)->kind == RAML_TOK_ARABIC && !cw_cls(s, j) &&
               s->mention_at[j - s->first] < 0 && s->trigger_at[j - s->first] < 0) {
        j -= 2; /* الذين كانوا يرشقون، الذين راحوا يتجمعون: an auxiliary verb between */
    } else if (imperfect && j > s->first && hal_pronoun(s, j)) {
        j--;
    } else if (imperfect && (cw_tok(s, tr->first)->proclitics & RAML_PRO_WA)) {
        /* الذين يهتفون «...» ويرشقون: a verb coordinated with one that describes them */
        for (int k = (int)(tr - s->triggers) - 1; k >= 0; k--) {
            const cw_trigger *prev = &s->triggers[k];
            if (prev->first + 10 < tr->first)
                break;
            if (prev->e->pos == RAML_POS_VERB && prev->e->form == RAML_FORM_IMPERFECT)
                return describes_protesters(s, prev);
        }
        return false;
    } else if (!imperfect) {
        return false;
    }
    int k = s->trigger_at[j - s->first];
    return k >= 0 && s->triggers[k].e->form == RAML_FORM_AGENT;
}

/* A sound plural or dual in the oblique case (ـين: المتظاهرين، المحتجين) cannot be the
 * subject of the verb before it; the subject would be ـون (المتظاهرون). */
static bool oblique_plural(const raml_token *t)
{
    const char *st = t->stem;
    size_t n = st ? strlen(st) : 0;
    return n > 4 && !strcmp(st + n - 4, "\xd9\x8a\xd9\x86");
}

/* R-PROTEST-PURPOSE: a protest noun of purpose (احتجاجا على، للاحتجاج على) after a clause in
 * which a crowd did something (وقف مئات الطلاب أمام الجامعة احتجاجا على الرسوم، سار الآلاف في
 * الشوارع للاحتجاج على النتائج): the act was the protest, and the crowd its actor. The crowd
 * is the subject right after the clause's first word, a verb. An imperfect there (يتجمع
 * متظاهرون) describes a habit or a scene; a state body or an armed group protests formally
 * (استدعت الخارجية السفير احتجاجا). Returns the crowd's mention, CW_CROWD_COUNT for a crowd
 * that is only a number, or -1. */
enum { CW_CROWD_COUNT = -2 };
static int purpose_crowd(const cw_sentence *s, const cw_trigger *tr)
{
    static const raml_wclass stop = RAML_W_SUBORD | RAML_W_COMP | RAML_W_REL | RAML_W_NEG |
                                    RAML_W_FUTURE | RAML_W_HYPO | RAML_W_SAY | RAML_W_INTENT |
                                    RAML_W_ATTEMPT | RAML_W_BACKREF | RAML_W_THREAT;
    if (strcmp(tr->e->plover_type, "PROTEST") != 0 || tr->e->form != RAML_FORM_NOUN)
        return -1;
    const raml_token *t = cw_tok(s, tr->first);
    size_t n = t->norm ? strlen(t->norm) : 0;
    bool li = (t->proclitics & RAML_PRO_LI) && (t->proclitics & RAML_PRO_AL);
    bool accusative = !(t->proclitics & (RAML_PRO_AL | RAML_PRO_LI | RAML_PRO_BI)) && n > 4 &&
                      !strcmp(t->norm + n - 2, "\xd8\xa7"); /* احتجاجا */
    if (!li && !accusative)
        return -1;
    for (uint32_t j = tr->first; j-- > s->first && j + 16 > tr->first;) {
        if ((cw_cls(s, j) & stop) || cw_is_boundary(s, j + 1))
            return -1;
        int m = s->mention_at[j - s->first];
        if (m < 0 && s->trigger_at[j - s->first] >= 0)
            return -1; /* نظم الطلاب مظاهرة احتجاجا: the purpose is that event's */
        if (m < 0 && !cw_is_number(s, j))
            continue;
        uint32_t subj = m >= 0 ? s->mentions[m].first : j;
        /* the verb before the subject, past a count and its من (عدة مئات من المتظاهرين) */
        uint32_t v = cw_count_start(s, subj);
        if (m >= 0)
            j = s->mentions[m].first;
        if (v == s->first)
            continue;
        v--;
        const raml_token *vt = cw_tok(s, v);
        if (cw_clause_start(s, v) != v || (cw_cls(s, v) & ~(raml_wclass)RAML_W_LIGHT) ||
            s->mention_at[v - s->first] >= 0 || vt->kind != RAML_TOK_ARABIC ||
            (vt->proclitics & (RAML_PRO_AL | RAML_PRO_BI | RAML_PRO_LI)) || !vt->stem ||
            !strncmp(vt->stem, "\xd9\x8a", 2)) /* ي: an imperfect */
            continue;
        int vk = s->trigger_at[v - s->first];
        static const char *const acts[] = {"PROTEST", "ASSAULT", "COERCE"};
        if (vk >= 0 && (s->triggers[vk].e->pos != RAML_POS_VERB ||
                        !cw_one_of(s->triggers[vk].e->plover_type, acts, sizeof acts / sizeof *acts)))
            return -1; /* دعت النقابة إلى التجمع احتجاجا: a call, not an act */
        for (int c = 0; c < s->ncues; c++)
            if (s->cues[c].first <= v && v < s->cues[c].end)
                return -1; /* أعلنت، قالت: a statement, not an act */
        if (m < 0)
            return CW_CROWD_COUNT;
        const cw_mention *cm = &s->mentions[m];
        static const char *const official[] = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "PTY", "IGO"};
        if (cm->armed || cm->bare_country || cw_one_of(cm->sector, official, sizeof official / sizeof *official))
            return -1;
        return m;
    }
    return -1;
}

/* crowd: purpose_crowd's answer for this trigger, computed once by code_event */
static void evidence_gate(const cw_sentence *s, const cw_trigger *tr, cw_roles *r, raml_event *ev,
                          int crowd)
{
    if (ev->modality.realis != RAML_REALIS_ACTUAL || ev->modality.polarity == RAML_POLARITY_NEGATED)
        return; /* a denied event needs no evidence of having happened */
    for (uint32_t i = s->first; i < s->end; i++) {
        const raml_token *t = cw_tok(s, i);
        /* هل asks even when the writer ends the sentence with a full stop */
        bool hal = i < tr->first && t->stem && !strcmp(t->stem, "\xd9\x87\xd9\x84") &&
                   !(t->proclitics & ~(unsigned)(RAML_PRO_WA | RAML_PRO_FA));
        if (hal || (t->kind == RAML_TOK_PUNCT && t->norm && t->norm[0] == '?')) {
            ev->modality.realis = RAML_REALIS_HYPOTHETICAL;
            raml_event_add_rule(ev, "R-QUESTION");
            return;
        }
    }
    bool verb = tr->e->pos == RAML_POS_VERB;
    bool part = r->nactor || r->nrecip;
    if (whoever(s, tr)) {
        /* يتحمل من ينظم المظاهرة المسؤولية، إحالة كل من قام باعتداء: anyone who would */
        ev->modality.realis = RAML_REALIS_GENERIC;
        raml_event_add_rule(ev, "R-WHOEVER");
        return;
    }
    bool ok = true, agent_object = false;
    if (!strcmp(ev->plover_type, "ASSAULT"))
    {
        bool hurt = counted_casualties(s); /* أوقع هجوم ... سبعة قتلى: victims without a noun */
        bool fell = projectile_fell(s, tr); /* the shell is the whole report: no one needed */
        int staged = staged_attack(s, tr);
        ok = (s->conflict || s->toll || hurt || attack_named(s, tr) || weapon_trigger(tr)) &&
             (part || verb || hurt || fell || staged == STAGED_OCCURRED) &&
             (s->toll || hurt || counted(s, tr) || counted_victims(s, r) || reported_strike(tr, r) ||
              armed_act(s, tr) || (part && staged == STAGED_BY_AGENT) || staged == STAGED_OCCURRED ||
              strike_subject(s, tr, r) || managed(s, tr) || fell || seized_ground(tr, s, r));
        if (!ok && (verb ? headline(s) : fresh_headline_news(s, tr)) &&
            (part || (tr->end < s->end && (cw_cls(s, tr->end) & RAML_W_TARGET)))) {
            ok = true;
            raml_event_add_rule(ev, "R-HEADLINE");
        }
    }
    else if (!strcmp(ev->plover_type, "COERCE")) {
        /* an arrest among weapons need not count anyone; elsewhere (اعتقلت الشرطة عشرين
         * طالبا، أعلنت الوزارة ضبط عشرة مطلوبين) a perfect verb with someone in it, or a
         * count, reports it */
        bool numbered = counted(s, tr) || counted_victims(s, r);
        ok = (s->conflict && (part || verb)) ||
             ((part || numbered) && (tr->e->form == RAML_FORM_PERFECT || numbered));
    }
    else if (!strcmp(ev->plover_type, "PROTEST")) {
        /* خرج الآلاف في مسيرة: a light verb staging the protest noun makes it happen even
         * when the crowd is only a number */
        bool noun = tr->e->form == RAML_FORM_NOUN, staged = noun && light_verb_before(s, tr);
        ok = ((part || verb || staged) && (!noun || staged || counted(s, tr))) || crowd != -1;
        if (!ok && noun && fresh_headline_news(s, tr)) {
            ok = true; /* اعتصام مفتوح أمام المجلس البلدي، احتجاجات ليلية في أحياء العاصمة */
            raml_event_add_rule(ev, "R-HEADLINE");
        }
    }
    if (!strcmp(ev->plover_type, "PROTEST") && tr->e->pos == RAML_POS_VERB &&
        strstr(tr->e->id, "-TAJAMMAA") && !crowd_gathers(s, tr))
        ok = false;
    if (blockade(tr->e) && r->nactor && forces(&s->mentions[r->actor[0]])) {
        ok = false; /* أغلقت الشرطة الطرقات: a cordon, not a protest */
        raml_event_add_rule(ev, "R-FORCES-BLOCKADE");
    }
    if (gathering(tr->e) && forces_gather(s, tr, r)) {
        ok = false; /* احتشدت الشرطة في الميدان: a deployment, not a protest */
        raml_event_add_rule(ev, "R-FORCES-MASS");
    }
    if (!strcmp(ev->plover_type, "PROTEST") && describes_protesters(s, tr)) {
        ok = false;
        raml_event_add_rule(ev, "R-DESCRIBES-PROTESTERS");
    }
    if (cw_chant(tr->e))
        ok = false; /* chanting with no protest word in the sentence: a detail, not a report */
    if (tr->e->form == RAML_FORM_NOUN && s->mention_at[tr->first - s->first] >= 0 &&
        tr->end - tr->first == 1 && !strcmp(ev->plover_type, "ASSAULT")) {
        /* انتحاري، قناص، رهائن: a word that names a person as well as hinting at an attack
         * is a topic on its own; the attack is reported by a verb or event noun, which this
         * word then only restates */
        ok = false;
    }
    if (tr->e->form == RAML_FORM_AGENT) {
        /* protesters alone are a topic; protesters staging something are a protest: a light
         * verb right before or after the agent noun (خرج المتظاهرون، نزل المتظاهرون) */
        int m = s->mention_at[tr->first - s->first];
        uint32_t lo = m >= 0 ? s->mentions[m].first : tr->first, hi = m >= 0 ? s->mentions[m].end : tr->end;
        ok = false;
        /* خرج آلاف المتظاهرين: a count before the protesters is part of them */
        uint32_t before = cw_count_start(s, lo);
        uint32_t cand[2] = {before > s->first ? before - 1 : UINT32_MAX, hi < s->end ? hi : UINT32_MAX};
        for (int k = 0; k < 2; k++) {
            uint32_t j = cand[k];
            if (j == UINT32_MAX)
                continue;
            /* another verb (طالب المتظاهرون، رفض المتظاهرون) makes them the actors of that
             * event; only a light verb makes the protest itself happen */
            /* قام المتظاهرون بـ: "did", the act after ب is the event */
            if ((cw_cls(s, j) & RAML_W_LIGHT) && !cw_stem_in(cw_tok(s, j), qama, 3))
                ok = true;
            /* أحرق المتظاهرون، أغلق المتظاهرون الطريق: protesters doing a material act (a
             * fire, a blockade, stones) are a protest in progress */
            int v = s->trigger_at[j - s->first];
            /* سقط متظاهر قتيلا: a toll's subject is its victim */
            if (v >= 0 && s->triggers[v].e->pos == RAML_POS_VERB && j + 1 == lo &&
                !cw_toll_trigger(s, &s->triggers[v]) &&
                (!strcmp(s->triggers[v].e->plover_type, "ASSAULT") ||
                 !strcmp(s->triggers[v].e->plover_type, "COERCE"))) {
                /* قمع المتظاهرين، لمنع المتظاهرين، قمعها للمتظاهرين: protesters in the oblique
                 * case, after ل, or after a verbal noun (ل/ب on it) are the ones acted upon */
                const raml_token *vt = cw_tok(s, j);
                if ((m >= 0 && (s->mentions[m].li || s->mentions[m].prep)) ||
                    (vt->proclitics & (RAML_PRO_LI | RAML_PRO_BI | RAML_PRO_AL)) ||
                    oblique_plural(cw_tok(s, lo)))
                    agent_object = true;
                else
                    ok = true;
            }
        }
    }
    if (!ok && agent_object)
        raml_event_add_rule(ev, "R-AGENT-OBJECT");
    if (!ok) {
        ev->modality.realis = RAML_REALIS_GENERIC;
        raml_event_add_rule(ev, "R-NO-EVIDENCE");
        cw_tracef(s, "  no conflict evidence: realis generic");
    }
}

/* R-VERBAL-ATTACK: هاجم also means "attacked in words" (هاجم الوزير قرار البرلمان،
 * هاجمت النائبة الحكومة). When those who attack are people who speak for a living (officials,
 * lawmakers, parties, clerics, judges, journalists, named persons), none of them armed, and
 * nothing in the sentence is a weapon, a toll or a count, the verb reports criticism. */
static bool verbal_attack(const cw_sentence *s, const cw_trigger *tr, const cw_roles *r)
{
    static const char *const speaking[] = {"GOV", "LEG", "JUD", "REL", "PTY", "OPP", "ELI",
                                           "EDU", "JRN", "SOC", "LAB", "BUS", "MED"};
    if (tr->e->pos != RAML_POS_VERB || !strstr(tr->e->id, "-HAJAMA") || !r->nactor || s->weapons ||
        s->toll || counted_casualties(s) || counted(s, tr))
        return false;
    for (int i = 0; i < r->nactor; i++) {
        const cw_mention *m = &s->mentions[r->actor[i]];
        if (m->armed || m->bare_country)
            return false;
        if (!m->person && !cw_one_of(m->sector, speaking, sizeof speaking / sizeof *speaking))
            return false;
    }
    return true;
}

static void code_event(cw_sentence *s, int t, raml_event *ev, uint32_t index_in_sentence)
{
    const cw_trigger *tr = &s->triggers[t];
    const raml_lex_entry *e = tr->e;
    const raml_sentence *sent = &s->text->sentences[s->index];
    memset(ev, 0, sizeof *ev);
    ev->sentence_index = s->index;
    ev->sentence = (raml_span){NULL, sent->cstart, sent->cend, sent->bstart, sent->bend};
    ev->index_in_sentence = index_in_sentence;
    ev->trigger = cw_span(s, tr->first, tr->end);
    ev->plover_type = e->plover_type;
    for (int i = 0; i < e->nmodes && i < RAML_MAX_MODES; i++)
        ev->modes[ev->nmodes++] = e->modes[i];
    /* a toll verb merged with its attack takes the attack's mode (air strike → aerial) */
    for (int k = 0; k < s->ntriggers && ev->nmodes == 0; k++)
        if (s->triggers[k].host == t && s->triggers[k].folded)
            for (int i = 0; i < s->triggers[k].e->nmodes && ev->nmodes < RAML_MAX_MODES; i++)
                ev->modes[ev->nmodes++] = s->triggers[k].e->modes[i];
    raml_strcat2(ev->cameo, sizeof ev->cameo, e->cameo, "");
    ev->quad_class = e->quad;
    ev->goldstein = e->goldstein;
    ev->plover_score = e->plover_score;
    ev->killed.count = ev->injured.count = ev->arrested.count = -1;
    ev->killed.low = ev->killed.high = ev->injured.low = ev->injured.high = -1;
    ev->arrested.low = ev->arrested.high = -1;

    cw_tracef(s, "s%u trigger '%s' %s (%s, %s) tokens %u-%u", s->index, ev->trigger.text,
              e->id, e->plover_type,
              e->form == RAML_FORM_NOUN ? "noun" : e->form == RAML_FORM_PERFECT ? "perfect" : "imperfect",
              tr->first, tr->end - 1);
    cw_roles r;
    cw_roles_for(s, t, &r);
    if (verbal_attack(s, tr, &r)) {
        /* ACCUSE disapprove, CAMEO 111 "criticize or denounce": the reading of انتقد */
        raml_type_info ti;
        raml_lexicon_type_info(s->lex, "ACCUSE", &ti);
        ev->plover_type = "ACCUSE";
        ev->modes[0] = "disapprove";
        ev->nmodes = 1;
        snprintf(ev->cameo, sizeof ev->cameo, "111");
        ev->quad_class = ti.quad;
        ev->goldstein = ti.goldstein;
        ev->plover_score = ti.plover_score;
        raml_lexicon_mode_score(s->lex, "ACCUSE", "disapprove", &ev->plover_score);
        cw_add_rule(&r, "R-VERBAL-ATTACK");
        cw_tracef(s, "  verbal attack: speakers, no weapon or toll => ACCUSE");
    }
    int crowd = purpose_crowd(s, tr);
    if (crowd >= 0 && !(r.nactor == 1 && r.actor[0] == crowd)) {
        /* the crowd that acted protests; a noun's nearest mention (الجامعة in أمام الجامعة
         * احتجاجا) was only a guess */
        r.actor[0] = crowd;
        r.nactor = 1;
        for (int i = 0; i < r.nrecip; i++)
            if (r.recip[i] == crowd)
                r.recip[i--] = r.recip[--r.nrecip];
    }
    if (crowd != -1)
        cw_add_rule(&r, "R-PROTEST-PURPOSE");
    double penalty;
    cw_modality_for(s, t, &ev->modality, &ev->attribution, &r, &penalty);
    for (int i = 0; i < r.nactor && ev->nactors < RAML_MAX_ACTORS; i++)
        fill_actor(s, &ev->actors[ev->nactors++], r.actor[i], RAML_ROLE_ACTOR, &r);
    for (int i = 0; i < r.nrecip && ev->nactors < RAML_MAX_ACTORS; i++)
        fill_actor(s, &ev->actors[ev->nactors++], r.recip[i], RAML_ROLE_RECIPIENT, &r);
    if (tr->masdar)
        cw_add_rule(&r, "R-MASDAR-NOUN");
    for (int i = 0; i < r.nrules; i++)
        raml_event_add_rule(ev, r.rules[i]);
    raml_event_add_rule(ev, e->id);
    for (int i = 0; i < r.nactor + r.nrecip; i++) {
        int mi = i < r.nactor ? r.actor[i] : r.recip[i - r.nactor];
        const cw_mention *m = &s->mentions[mi];
        for (int k = 0; k < m->nids; k++)
            raml_event_add_rule(ev, m->ids[k]);
        if (m->rule && (!strcmp(m->rule, "R-POSSESSOR-COUNTRY") || !strcmp(m->rule, "R-PARTITIVE-COUNTRY") ||
                        !strcmp(m->rule, "R-AMMAN")))
            raml_event_add_rule(ev, m->rule);
    }
    context_country(s, ev);
    protest_target(s, ev);
    evidence_gate(s, tr, &r, ev, crowd);
    double c = 0.45 + (r.nactor ? 0.2 : 0) + (r.nrecip ? 0.15 : 0) +
               (e->pos == RAML_POS_VERB ? 0.1 : 0) +
               (r.nactor && !s->mentions[r.actor[0]].generic ? 0.05 : 0) - penalty;
    ev->confidence = c < 0.1 ? 0.1 : c > 0.95 ? 0.95 : c;
    cw_tracef(s, "  => %s actors %d/%d polarity %s realis %s certainty %s confidence %.2f",
              e->plover_type, r.nactor, r.nrecip, raml_polarity_name(ev->modality.polarity),
              raml_realis_name(ev->modality.realis), raml_certainty_name(ev->modality.certainty),
              ev->confidence);
}

raml_status raml_code_text(const raml_lexicon *lex, raml_arena *arena, const raml_text *text,
                           int doc_year, raml_event **events, size_t *nevents,
                           const raml_trace *trace, raml_error *err)
{
    *events = NULL;
    *nevents = 0;
    if (!lex || !text)
        return raml_error_set(err, RAML_ERR_USAGE, NULL, 0, -1, "raml_code_text: missing argument");
    size_t cap = 0, n = 0;
    raml_event *out = NULL;
    cw_sentence *s = raml_arena_alloc(arena, sizeof *s);
    if (!s)
        return raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "out of memory");
    for (size_t si = 0; si < text->nsentences; si++) {
        const raml_sentence *sent = &text->sentences[si];
        if (!sent->count)
            continue;
        memset(s, 0, offsetof(cw_sentence, mentions));
        s->nmentions = s->ntriggers = s->ncues = 0;
        s->sport = s->conflict = s->weapons = s->toll = false;
        s->nsport = 0;
        s->lex = lex;
        s->doc_year = doc_year;
        s->text = text;
        s->arena = arena;
        s->trace = trace;
        s->index = (uint32_t)si;
        s->first = sent->first;
        s->end = sent->first + sent->count;
        s->cls = raml_arena_alloc(arena, sent->count * sizeof *s->cls);
        s->mention_at = raml_arena_alloc(arena, sent->count * sizeof *s->mention_at);
        s->trigger_at = raml_arena_alloc(arena, sent->count * sizeof *s->trigger_at);
        if (!s->cls || !s->mention_at || !s->trigger_at)
            return raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "out of memory");
        cw_analyze(s);
        uint32_t in_sentence = 0;
        for (int t = 0; t < s->ntriggers; t++) {
            const cw_trigger *tr = &s->triggers[t];
            if (tr->host >= 0) {
                cw_tracef(s, "s%zu '%s' restates trigger %d: no event of its own", si,
                          tr->e->id, tr->host);
                continue;
            }
            if (sport_metaphor(s, tr->e)) {
                cw_tracef(s, "s%zu %s dropped: sport context, no conflict word", si, tr->e->id);
                continue;
            }
            if (n == cap) {
                size_t nc = cap ? cap * 2 : 16;
                raml_event *ne = raml_arena_grow(arena, out, cap * sizeof *out, nc * sizeof *out);
                if (!ne)
                    return raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "out of memory");
                out = ne;
                cap = nc;
            }
            code_event(s, t, &out[n++], in_sentence++);
        }
    }
    if (arena->failed)
        return raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "out of memory");
    *events = out;
    *nevents = n;
    return RAML_OK;
}
