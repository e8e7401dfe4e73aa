/* Modality (negation, future, intent, threat, hypothetical, attempt) and attribution
 * (report verbs, according-to phrases, claims of responsibility) of one trigger.
 * Cue words come from cues.tsv; the grammatical particles (لم، سوف، قد، إذا...) are also
 * known built in, so the rules hold even with a thin cue file. Scope is by distance:
 * particles govern the next two tokens, control verbs (يعتزم، هدد، حاول) six, or twelve when
 * no punctuation intervenes.
 * Threats: a threat verb (هدد، توعد) that is also a THREATEN trigger yields its own actual
 * THREATEN event with the threatener as actor; the event it governs (هدد بقصف) is coded too,
 * with realis threatened and the threatener as its actor (R-CONTROL). We do not re-type the
 * governed ASSAULT as THREATEN: the THREATEN event already carries the speech act.
 * Attempts (حاول اغتيال) keep realis actual — the attack took place — with rule R-ATTEMPT
 * and lower confidence. */
#include "coder/coder_int.h"

#include <string.h>

typedef struct {
    uint32_t first, end;
    raml_cue_kind kind;
    const char *id;
} cue_hit;

static raml_wclass word_cue_kind(raml_wclass c, bool *ok, raml_cue_kind *k)
{
    *ok = true;
    if (c & RAML_W_NEG) *k = RAML_CUE_NEGATION;
    else if (c & RAML_W_DENY) *k = RAML_CUE_DENIAL;
    else if (c & RAML_W_FUTURE) *k = RAML_CUE_FUTURE;
    else if (c & RAML_W_INTENT) *k = RAML_CUE_INTENT;
    else if (c & RAML_W_THREAT) *k = RAML_CUE_THREAT;
    else if (c & RAML_W_HYPO) *k = RAML_CUE_HYPOTHETICAL;
    else if (c & RAML_W_ATTEMPT) *k = RAML_CUE_ATTEMPT;
    else if (c & RAML_W_SAY) *k = RAML_CUE_REPORT;
    else if (c & RAML_W_SOURCE) *k = RAML_CUE_SOURCE;
    else if (c & RAML_W_CLAIM) *k = RAML_CUE_CLAIM;
    else *ok = false;
    return c;
}

/* Every cue of the sentence, dictionary cues first, then built-in particles. */
static int collect(const cw_sentence *s, cue_hit *out, int cap)
{
    int n = 0;
    for (int k = 0; k < s->ncues && n < cap; k++)
        out[n++] = (cue_hit){s->cues[k].first, s->cues[k].end, s->cues[k].kind, s->cues[k].id};
    for (uint32_t i = s->first; i < s->end && n < cap; i++) {
        bool ok;
        raml_cue_kind k;
        word_cue_kind(cw_cls(s, i), &ok, &k);
        if (!ok)
            continue;
        bool dup = false;
        for (int j = 0; j < n; j++)
            dup |= out[j].first <= i && i < out[j].end;
        if (!dup)
            out[n++] = (cue_hit){i, i + 1, k, NULL};
    }
    return n;
}

static int speaker_near(const cw_sentence *s, uint32_t cue_first, uint32_t cue_end)
{
    for (uint32_t j = cue_end; j < cue_end + 4 && j < s->end; j++) {
        if (cw_is_boundary(s, j) && j > cue_end)
            break;
        int k = s->mention_at[j - s->first];
        if (k >= 0)
            return k;
    }
    for (uint32_t j = cue_first; j > s->first && j + 3 > cue_first; j--) {
        int k = s->mention_at[j - 1 - s->first];
        if (k >= 0)
            return k;
    }
    return -1;
}

static void set_speaker(cw_sentence *s, raml_attribution *a, int m)
{
    if (m < 0)
        return;
    const cw_mention *sp = &s->mentions[m];
    a->speaker = cw_span(s, sp->first, sp->end);
    a->speaker_name = sp->name ? sp->name : sp->name_ar;
    memcpy(a->speaker_country, sp->country, 4);
    memcpy(a->speaker_sector, sp->bare_country && !sp->sector[0] ? "GOV" : sp->sector, 4);
}

static bool boundary_between(const cw_sentence *s, uint32_t from, uint32_t to)
{
    for (uint32_t j = from; j < to; j++)
        if (cw_tok(s, j)->kind == RAML_TOK_PUNCT)
            return true;
    return false;
}

static void set_background(cw_sentence *s, raml_modality *m, cw_roles *r, uint32_t first,
                           uint32_t end, const char *rule)
{
    m->realis = RAML_REALIS_HISTORICAL;
    m->cue = cw_span(s, first, end);
    cw_add_rule(r, rule);
}

/* A true preposition (W_PREP also covers locative nouns such as مدينة) that is not the
 * complement of a verb of success: نجح في قتل، تمكن من اغتيال report the act. */
static bool governing_preposition(const cw_sentence *s, uint32_t i)
{
    static const char *const preps[] = {"\xd9\x81\xd9\x8a", "\xd8\xa7\xd9\x84\xd9\x8a",
                                        "\xd8\xb9\xd9\x86", "\xd8\xb9\xd9\x84\xd9\x8a",
                                        "\xd9\x85\xd9\x86"}; /* في الى عن على من */
    static const char *const success[] = {"\xd9\x86\xd8\xac\xd8\xad",             /* نجح */
                                          "\xd8\xaa\xd9\x85\xd9\x83\xd9\x86", /* تمكن */
                                          "\xd9\x86\xd8\xac\xd8\xad\xd8\xaa", /* نجحت */
                                          "\xd8\xaa\xd9\x85\xd9\x83\xd9\x86\xd8\xaa"}; /* تمكنت */
    if (!cw_stem_in(cw_tok(s, i), preps, 5))
        return false;
    for (uint32_t j = i; j > s->first && j + 4 > i; j--) /* نجح الجيش في: the subject may intervene */
        if (cw_stem_in(cw_tok(s, j - 1), success, 4))
            return false;
    return true;
}

/* أدان الرئيس بشدة الهجوم، ندد بالتفجير، إدانة الاغتيال: an event noun that is the object
 * of a condemnation is its topic — the sentence reports the condemnation (ACCUSE); the act
 * condemned is an earlier event. The nearest trigger before the noun, within four words of
 * its clause, is a disapproving ACCUSE word (or a conviction). Returns its first token, or
 * UINT32_MAX. */
static uint32_t stance_head(const cw_sentence *s, const cw_trigger *tr)
{
    if (tr->e->form != RAML_FORM_NOUN)
        return UINT32_MAX;
    for (uint32_t j = tr->first; j > s->first && j + 5 > tr->first; j--) {
        if (cw_is_boundary(s, j - 1))
            return UINT32_MAX;
        int k = s->trigger_at[j - 1 - s->first];
        if (k < 0)
            continue;
        const raml_lex_entry *e = s->triggers[k].e;
        /* يدين is also read as دان "convicted": a conviction for an act refers to it too */
        if (e->nmodes > 0 && ((!strcmp(e->plover_type, "ACCUSE") && !strcmp(e->modes[0], "disapprove")) ||
                              (!strcmp(e->plover_type, "SANCTION") && !strcmp(e->modes[0], "convict"))))
            return s->triggers[k].first;
        return UINT32_MAX;
    }
    return UINT32_MAX;
}

/* News sentences mention earlier events to situate the reported one; such mentions are
 * realis historical (background), not reports:
 * - an event noun governed by a time/cause head: بعد الهجوم، منذ التفجيرات، رغم مقتل،
 *   ذكرى المجزرة، ملف الاغتيال;
 * - a verb in a relative clause on an event noun: المجزرة التي قتل فيها، الهجوم الذي استهدف
 *   — the clause describes the noun's event, which carries its own reading;
 * - a year before the article's in the clause: في سبتمبر 1970 خطفت;
 * - the object of a condemnation (أدان الهجوم) and an incident first named after such a
 *   head, whatever later words describe it (في أعقاب تفجير استهدف سوقا). */
static void background(cw_sentence *s, const cw_trigger *tr, raml_modality *m, cw_roles *r)
{
    uint32_t sh = stance_head(s, tr);
    if (sh != UINT32_MAX) {
        set_background(s, m, r, sh, sh + 1, "R-STANCE-OBJECT");
        return;
    }
    /* بعد الهجوم، بسبب خطف جندي: a verb spelling after such a head is the verbal noun (no
     * verb follows بعد or بسبب without أن) */
    bool masdar_spelling = tr->e->form == RAML_FORM_PERFECT &&
                           !(cw_tok(s, tr->first)->proclitics & (RAML_PRO_WA | RAML_PRO_FA));
    if ((tr->e->form == RAML_FORM_NOUN || masdar_spelling) && tr->first > s->first) {
        uint32_t j = tr->first - 1;
        if (cw_cls(s, j) & RAML_W_BACKREF) {
            set_background(s, m, r, j, j + 1, "R-BACKGROUND-HEAD");
            return;
        }
    }
    /* في أعقاب هجوم انتحاري استهدف مدرسة، بعد الهجوم الذي ... وراح ضحيته: an incident first
     * named as a reference (a time/cause head on its first word) stays a reference when a
     * verb or toll later describes it — the trigger kept for the incident inherits it */
    int self = (int)(tr - s->triggers);
    for (int k = 0; k < s->ntriggers; k++) {
        const cw_trigger *h = &s->triggers[k];
        if (h->host != self || h->first >= tr->first || h->first <= s->first ||
            h->e->form != RAML_FORM_NOUN)
            continue;
        bool earliest = true;
        for (int q = 0; q < s->ntriggers && earliest; q++)
            if (s->triggers[q].host == self && s->triggers[q].first < h->first)
                earliest = false;
        if (earliest && (cw_cls(s, h->first - 1) & RAML_W_BACKREF)) {
            set_background(s, m, r, h->first - 1, h->first, "R-BACKGROUND-INCIDENT");
            return;
        }
        uint32_t hs = earliest ? stance_head(s, h) : UINT32_MAX;
        if (hs != UINT32_MAX) {
            set_background(s, m, r, hs, hs + 1, "R-STANCE-OBJECT");
            return;
        }
    }
    /* the verb that carries the event: the trigger, or the light / "undergo" verb of an
     * event noun (اللتين تعرضتا لاعتداء، الذي شن هجوما) */
    uint32_t head = tr->first;
    bool verbal = tr->e->pos == RAML_POS_VERB;
    if (!verbal && tr->e->form == RAML_FORM_NOUN) {
        uint32_t cs = cw_clause_start(s, tr->first);
        for (uint32_t j = tr->first; j > cs && j + 4 > tr->first; j--)
            if ((cw_cls(s, j - 1) & (RAML_W_UNDERGO | RAML_W_LIGHT)) && !cw_tok(s, j - 1)->enclitic) {
                head = j - 1;
                verbal = true;
                break;
            }
    }
    if (verbal) {
        for (uint32_t k = head; k > s->first && k + 3 > head; k--) {
            if (!(cw_cls(s, k - 1) & RAML_W_REL))
                continue;
            /* the antecedent: an event noun just before the pronoun (adjectives and a comma
             * may intervene) */
            for (uint32_t a = k - 1; a > s->first && a + 4 > k - 1; a--) {
                int t = s->trigger_at[a - 1 - s->first];
                if (t >= 0 && s->triggers[t].e->form == RAML_FORM_NOUN) {
                    set_background(s, m, r, k - 1, k, "R-BACKGROUND-REL");
                    return;
                }
            }
            /* الميليشيات التي خطفت، الذين قتلوا، القاتل الذي اغتال: a relative clause on a
             * person or group says who they are; the news is in the main clause */
            if (k == head) {
                set_background(s, m, r, k - 1, k, "R-BACKGROUND-REL-ACTOR");
                return;
            }
            break;
        }
    }
    /* في ضرب، الى قتل، بهدف ضرب: a verb spelling right after a preposition is the verbal
     * noun (no verb follows a preposition), named as a goal, a topic or a failure — not a
     * report. A claim (مسؤوليتها عن خطف) keeps its event. */
    if (tr->e->pos == RAML_POS_VERB && tr->e->form == RAML_FORM_PERFECT && tr->first > s->first &&
        !(cw_tok(s, tr->first)->proclitics & (RAML_PRO_WA | RAML_PRO_FA)) &&
        governing_preposition(s, tr->first - 1)) {
        bool claimed = false;
        for (int k = 0; k < s->ncues; k++)
            claimed |= s->cues[k].kind == RAML_CUE_CLAIM;
        for (uint32_t j = s->first; j < tr->first && !claimed; j++)
            claimed = (cw_cls(s, j) & RAML_W_CLAIM) != 0;
        if (!claimed) {
            m->realis = RAML_REALIS_GENERIC;
            m->cue = cw_span(s, tr->first - 1, tr->first);
            cw_add_rule(r, "R-MASDAR-AFTER-PREP");
            return;
        }
    }
    if (s->doc_year) {
        uint32_t cs = cw_clause_start(s, tr->first), ce = cw_clause_end(s, tr->end - 1);
        for (uint32_t j = cs; j < ce; j++) {
            const raml_token *y = cw_tok(s, j);
            if (y->kind == RAML_TOK_NUMBER && y->value >= 1900 && y->value < s->doc_year &&
                y->value == (double)(int)y->value && y->bend - y->bstart == 4) {
                set_background(s, m, r, j, j + 1, "R-YEAR-PAST");
                return;
            }
        }
    }
}

/* Is token i written إن with its hamza below (not أن or a bare ان)? */
static bool written_in(const cw_sentence *s, uint32_t i)
{
    const raml_token *t = cw_tok(s, i);
    const unsigned char *p = (const unsigned char *)s->text->text + t->bstart;
    return t->bend - t->bstart == 4 && p[0] == 0xD8 && p[1] == 0xA5 && p[2] == 0xD9 && p[3] == 0x86;
}

/* تعرض الوزير لمحاولة اغتيال، تعرضت الدورية لهجوم: after "undergo" ل introduces the act
 * suffered, not a purpose. */
static bool undergone(const cw_sentence *s, const cw_trigger *tr)
{
    return cw_class_before(s, tr->first, RAML_W_UNDERGO, 6);
}

/* لإعادة فرض السيطرة، لتنفيذ هجوم، لمنع اعتقال: the event word is the complement of a
 * verbal noun of purpose (ل on a plain word right before it). */
static bool purpose_chain(const cw_sentence *s, const cw_trigger *tr)
{
    if (tr->first <= s->first || (cw_tok(s, tr->first)->proclitics & (RAML_PRO_WA | RAML_PRO_AL)))
        return false;
    uint32_t j = tr->first - 1;
    const raml_token *t = cw_tok(s, j);
    return t->kind == RAML_TOK_ARABIC && (t->proclitics & RAML_PRO_LI) && !(t->proclitics & RAML_PRO_AL) &&
           !t->enclitic && !cw_cls(s, j) && s->mention_at[j - s->first] < 0 &&
           s->trigger_at[j - s->first] < 0;
}

/* 199 هجوما خلال تسعة أشهر، عشرات الاعتداءات: ten or more of an event noun, counted right
 * before it, are a statistic about many events, not the report of one. */
static bool aggregate_count(const cw_sentence *s, const cw_trigger *tr)
{
    /* أطلقت عشرات الصواريخ is one barrage: munitions are counted, not events */
    if (tr->e->form != RAML_FORM_NOUN || tr->first <= s->first ||
        (cw_cls(s, tr->first) & (RAML_W_WEAPON | RAML_W_MILEQUIP)))
        return false;
    const raml_token *t = cw_tok(s, tr->first - 1);
    if (t->kind == RAML_TOK_NUMBER)
        return t->value >= 10 && t->value < 1900;
    /* a number word (عشرات، مئات، عشرين) is a plain word: no article, no class, not an actor
     * or trigger — checked first, as reading numbers is dear */
    uint32_t j = tr->first - 1;
    if (t->kind != RAML_TOK_ARABIC || (t->proclitics & RAML_PRO_AL) || cw_cls(s, j) ||
        s->mention_at[j - s->first] >= 0 || s->trigger_at[j - s->first] >= 0)
        return false;
    const raml_numwords *nw = raml_lexicon_numwords(s->lex);
    raml_number num;
    return nw && raml_number_at(nw, s->text->tokens, s->text->ntokens, j, &num) &&
           num.first + num.count == tr->first && num.value >= 10;
}

void cw_modality_for(cw_sentence *s, int t, raml_modality *m, raml_attribution *a, cw_roles *r,
                     double *penalty)
{
    const cw_trigger *tr = &s->triggers[t];
    memset(m, 0, sizeof *m);
    memset(a, 0, sizeof *a);
    *penalty = 0;
    cue_hit cues[48];
    int n = collect(s, cues, 48);
    const raml_token *tt = cw_tok(s, tr->first);
    if (tt->proclitics & RAML_PRO_SA) {
        m->realis = RAML_REALIS_FUTURE;
        m->cue = cw_span(s, tr->first, tr->end);
        cw_add_rule(r, "R-FUTURE-SA");
    }
    bool is_threat = !strcmp(tr->e->plover_type, "THREATEN");
    /* كاحتلال بلد، كالاغتيالات: ك on an event word is "such as" — an example, not a report */
    if (tr->e->form != RAML_FORM_AGENT && (tt->proclitics & RAML_PRO_KA)) {
        m->realis = RAML_REALIS_GENERIC;
        m->cue = cw_span(s, tr->first, tr->first + 1);
        cw_add_rule(r, "R-EXAMPLE-KA");
    }
    if (aggregate_count(s, tr)) {
        m->realis = RAML_REALIS_GENERIC;
        m->cue = cw_span(s, tr->first - 1, tr->first);
        cw_add_rule(r, "R-AGGREGATE");
    }
    /* لشن هجوم، لضرب تركيا، ليقتل: ل + verbal noun, or ل on a verb spelling (the verbal noun
     * ضرب, or a subjunctive after lam of purpose), is a purpose, not a report of the act */
    if (tr->e->form != RAML_FORM_AGENT && !undergone(s, tr) &&
        (((tt->proclitics & RAML_PRO_LI) && !(tt->proclitics & RAML_PRO_AL)) || purpose_chain(s, tr))) {
        m->realis = RAML_REALIS_INTENDED;
        m->cue = cw_span(s, tr->first, tr->first + 1);
        cw_add_rule(r, "R-PURPOSE-LI");
    }
    for (int i = 0; i < n; i++) {
        const cue_hit *c = &cues[i];
        if (c->first >= tr->first && c->first < tr->end)
            continue; /* the trigger itself (هدد as trigger and cue) */
        bool before = c->end <= tr->first;
        uint32_t dist = before ? tr->first - c->end : c->first - tr->end;
        /* control verbs and particles reach across the clause up to sentence punctuation */
        uint32_t reach = before && !boundary_between(s, c->end, tr->first) ? 12 : 6;
        raml_span span = cw_span(s, c->first, c->end);
        switch (c->kind) {
        case RAML_CUE_NEGATION:
            /* ما negates only a perfect verb right after it; elsewhere it is "what" */
            if (cw_tok(s, c->first)->stem && !strcmp(cw_tok(s, c->first)->stem, "\xd9\x85\xd8\xa7") &&
                (dist != 0 || tr->e->form != RAML_FORM_PERFECT))
                break;
            if (before && dist <= 1) {
                m->polarity = RAML_POLARITY_NEGATED;
                m->cue = span;
                cw_add_rule(r, "R-NEG");
            }
            break;
        case RAML_CUE_DENIAL:
            if (before) {
                m->polarity = RAML_POLARITY_NEGATED;
                m->certainty = RAML_CERTAINTY_DENIED;
                m->cue = span;
                cw_add_rule(r, "R-DENY");
            }
            break;
        case RAML_CUE_FUTURE:
            if ((before && dist <= 1) || (!before && dist <= 5 && c->first > tr->first)) {
                if ((before && !(cw_cls(s, c->first) & RAML_W_FUTURE && cw_tok(s, c->first)->proclitics & RAML_PRO_AL)) ||
                    (!before)) {
                    m->realis = RAML_REALIS_FUTURE;
                    m->cue = span;
                    cw_add_rule(r, "R-FUTURE");
                }
            }
            break;
        case RAML_CUE_INTENT:
            if (before && dist <= reach && m->realis == RAML_REALIS_ACTUAL) {
                m->realis = RAML_REALIS_INTENDED;
                m->cue = span;
                cw_add_rule(r, "R-INTENT");
            }
            break;
        case RAML_CUE_THREAT:
            if (before && dist <= reach && !is_threat) {
                m->realis = RAML_REALIS_THREATENED;
                m->cue = span;
                cw_add_rule(r, "R-THREAT");
            }
            break;
        case RAML_CUE_HYPOTHETICAL: {
            bool qad = (cw_cls(s, c->first) & RAML_W_QAD) != 0;
            if (qad && !(tr->e->form == RAML_FORM_IMPERFECT && dist == 0))
                break; /* قد + perfect asserts */
            /* unvocalised إن is the complementiser after قال far more often than "if"; but
             * the complementiser never takes a verb, so إن right before a perfect verb is
             * the conditional (إن قتلوا عشرات الأطفال فإن...) */
            if ((cw_cls(s, c->first) & RAML_W_COMP) && c->first != s->first &&
                !(dist == 0 && before && tr->e->form == RAML_FORM_PERFECT && written_in(s, c->first)))
                break;
            if (before && dist <= reach) {
                m->realis = RAML_REALIS_HYPOTHETICAL;
                m->cue = span;
                cw_add_rule(r, "R-HYPOTHETICAL");
            }
            break;
        }
        case RAML_CUE_ATTEMPT:
            if (before && dist <= 4) {
                /* an attempted attack still happened: realis stays actual */
                cw_add_rule(r, "R-ATTEMPT");
                *penalty += 0.1;
            }
            break;
        case RAML_CUE_GENERIC:
            /* كيفية قتل، ضرورة ضرب، التحقيق في الهجوم: a head noun that makes the act it
             * governs a topic (manner, necessity, justification, investigation); عادة،
             * الاعتداءات المتكررة: a habitual act. Only right next to the trigger (a
             * preposition may come between a head and its noun). */
            if ((before && (dist == 0 || (dist == 1 && governing_preposition(s, c->end)))) ||
                (!before && dist == 0)) {
                m->realis = RAML_REALIS_GENERIC;
                m->cue = span;
                cw_add_rule(r, before ? "R-TOPIC-HEAD" : "R-GENERIC-CUE");
            }
            break;
        case RAML_CUE_HISTORICAL:
            if (dist <= 4) {
                m->realis = RAML_REALIS_HISTORICAL;
                m->cue = span;
            }
            break;
        case RAML_CUE_ALLEGED:
            if (before) {
                m->certainty = RAML_CERTAINTY_ALLEGED;
                m->cue = span;
            }
            break;
        case RAML_CUE_REPORT:
        case RAML_CUE_SOURCE:
            if (!a->present && (before || c->kind == RAML_CUE_SOURCE || boundary_between(s, tr->end, c->first))) {
                a->present = true;
                a->cue = span;
                int sp = speaker_near(s, c->first, c->end);
                set_speaker(s, a, sp);
                if (m->certainty == RAML_CERTAINTY_ASSERTED)
                    m->certainty = RAML_CERTAINTY_REPORTED;
                cw_add_rule(r, c->kind == RAML_CUE_REPORT ? "R-REPORT" : "R-SOURCE");
                /* قال الجيش إنه قتل: the pronoun on إن is the speaker, who then acts */
                for (uint32_t j = c->end; j < tr->first; j++)
                    if ((cw_cls(s, j) & RAML_W_COMP) && cw_tok(s, j)->enclitic && sp >= 0 &&
                        r->nactor == 0 && j + 2 >= tr->first && !r->passive) {
                        r->actor[r->nactor++] = sp;
                        cw_add_rule(r, "R-SPEAKER-PRONOUN");
                    }
            }
            break;
        case RAML_CUE_CLAIM:
            if (dist <= 8) {
                int cl = speaker_near(s, c->first, c->end);
                a->present = true;
                a->is_claim_of_responsibility = true;
                a->cue = span;
                set_speaker(s, a, cl);
                if (cl >= 0) {
                    bool already = false;
                    for (int k = 0; k < r->nactor; k++)
                        already |= r->actor[k] == cl;
                    for (int k = 0; k < r->nrecip; k++)
                        if (r->recip[k] == cl)
                            r->recip[k] = r->recip[--r->nrecip];
                    if (!already) {
                        r->actor[0] = cl;
                        r->nactor = 1;
                    }
                }
                cw_add_rule(r, "R-CLAIM");
            }
            break;
        default:
            break;
        }
    }
    /* the controller of يعتزم/هدد/حاول is the actor of the governed event */
    if (r->nactor == 0 && m->realis != RAML_REALIS_ACTUAL) {
        for (int i = 0; i < n; i++) {
            const cue_hit *c = &cues[i];
            if ((c->kind == RAML_CUE_INTENT || c->kind == RAML_CUE_THREAT ||
                 c->kind == RAML_CUE_ATTEMPT) && c->end <= tr->first && tr->first - c->end <= 6) {
                int k = speaker_near(s, c->first, c->end);
                if (k >= 0 && k != (r->nrecip ? r->recip[0] : -1)) {
                    r->actor[r->nactor++] = k;
                    cw_add_rule(r, "R-CONTROL");
                    break;
                }
            }
        }
    }
    /* عام 2004، منذ 1994 in the trigger's clause: background, not the reported event */
    if (m->realis == RAML_REALIS_ACTUAL) {
        uint32_t cs = cw_clause_start(s, tr->first), ce = cw_clause_end(s, tr->end - 1);
        for (uint32_t j = cs; j + 1 < ce; j++) {
            const raml_token *y = cw_tok(s, j + 1);
            if ((cw_cls(s, j) & RAML_W_YEARWORD) && y->kind == RAML_TOK_NUMBER && y->value >= 1900 &&
                y->value <= 2100) {
                m->realis = RAML_REALIS_HISTORICAL;
                m->cue = cw_span(s, j, j + 2);
                cw_add_rule(r, "R-YEAR-HISTORICAL");
                break;
            }
        }
    }
    if (m->realis == RAML_REALIS_ACTUAL)
        background(s, tr, m, r);
    if (m->realis != RAML_REALIS_ACTUAL || m->polarity == RAML_POLARITY_NEGATED)
        *penalty += 0.05;
}
