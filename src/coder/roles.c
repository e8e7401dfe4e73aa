/* Who did what to whom: actor and recipient of one trigger from Arabic word order, voice,
 * prepositions and agentive phrases. Every decision adds a rule id (R-...) to the event. */
#include "coder/coder_int.h"

#include <string.h>

#define DAMMA 0x064F

void cw_add_rule(cw_roles *r, const char *rule)
{
    for (int i = 0; i < r->nrules; i++)
        if (r->rules[i] == rule || strcmp(r->rules[i], rule) == 0)
            return;
    if (r->nrules < CW_MAX_RULES)
        r->rules[r->nrules++] = rule;
}

static bool has_role(const cw_roles *r, int m)
{
    for (int i = 0; i < r->nactor; i++)
        if (r->actor[i] == m)
            return true;
    for (int i = 0; i < r->nrecip; i++)
        if (r->recip[i] == m)
            return true;
    return false;
}

/* Adds mention m and the mentions coordinated with it (الجيش والشرطة). */
static void set_role(cw_sentence *s, cw_roles *r, bool actor, int m, const char *rule)
{
    if (m < 0 || has_role(r, m))
        return;
    int *list = actor ? r->actor : r->recip;
    int *n = actor ? &r->nactor : &r->nrecip;
    if (*n >= 3)
        return;
    list[(*n)++] = m;
    cw_add_rule(r, rule);
    for (int k = m + 1; k < s->nmentions && *n < 3; k++) {
        const cw_mention *prev = &s->mentions[k - 1], *mk = &s->mentions[k];
        if (!mk->wa || mk->first > prev->end + 1 || mk->prep)
            break;
        list[(*n)++] = k;
        cw_add_rule(r, "R-COORD");
    }
    cw_tracef(s, "  %s: %s tokens %u-%u (%s)", rule, actor ? "actor" : "recipient",
              s->mentions[m].first, s->mentions[m].end - 1, s->mentions[m].rule);
}

/* The first mention in [from, to) satisfying the filters. */
static int mention_in(const cw_sentence *s, uint32_t from, uint32_t to, bool allow_prep, bool allow_li)
{
    for (int k = 0; k < s->nmentions; k++) {
        const cw_mention *m = &s->mentions[k];
        if (m->first < from || m->first >= to)
            continue;
        if ((m->prep && !allow_prep) || (m->li && !allow_li) || m->event_adj)
            continue;
        return k;
    }
    return -1;
}

/* The last mention before `to`, moved back to the head of its coordination (الجيش والشرطة). */
static int last_mention_in(const cw_sentence *s, uint32_t from, uint32_t to)
{
    for (int k = s->nmentions - 1; k >= 0; k--) {
        const cw_mention *m = &s->mentions[k];
        if (m->first >= from && m->end <= to && !m->prep && !m->li) {
            while (k > 0 && s->mentions[k].wa && s->mentions[k - 1].end + 1 >= s->mentions[k].first &&
                   s->mentions[k - 1].first >= from && !s->mentions[k - 1].prep)
                k--;
            return k;
        }
    }
    return -1;
}

static int mention_starting(const cw_sentence *s, uint32_t i)
{
    if (i >= s->end)
        return -1;
    int k = s->mention_at[i - s->first];
    return k >= 0 && s->mentions[k].first == i ? k : -1;
}

/* First mention within `span` tokens after i (ضد مواقع للجيش: skip the non-actor noun). */
static int mention_after(const cw_sentence *s, uint32_t i, uint32_t span, uint32_t limit)
{
    for (uint32_t j = i; j < i + span && j < limit; j++) {
        int k = s->mention_at[j - s->first];
        if (k >= 0)
            return k;
        if (s->trigger_at[j - s->first] >= 0)
            return -1;
    }
    return -1;
}

static bool surface_passive(const cw_sentence *s, const raml_token *t)
{
    /* a written damma on the first letter: قُتل، يُقتل */
    const unsigned char *p = (const unsigned char *)s->text->text + t->bstart;
    const unsigned char *e = (const unsigned char *)s->text->text + t->bend;
    int letters = 0;
    while (p + 1 < e) {
        uint32_t cp = (p[0] & 0xE0) == 0xC0 ? ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F) : 0;
        size_t len = (p[0] & 0x80) == 0 ? 1 : (p[0] & 0xE0) == 0xC0 ? 2 : (p[0] & 0xF0) == 0xE0 ? 3 : 4;
        if (cp == DAMMA)
            return letters <= 2;
        if (cp < 0x064B || cp > 0x0652)
            letters++;
        if (letters > 2)
            return false;
        p += len;
    }
    return false;
}

static bool is_number(const cw_sentence *s, uint32_t i) { return cw_is_number(s, i); }

/* هاجم، اغتال، داهم: a long ا inside a perfect verb only occurs in the active voice (the
 * passives are spelled هوجم، اغتيل، دوهم), so the verb cannot be read as a passive. */
static bool surely_active(const raml_token *t)
{
    const char *st = t->stem ? t->stem : "";
    size_t n = strlen(st);
    for (size_t i = 2; i + 2 < n; i += 2) /* Arabic letters are two bytes; skip the first and last */
        if (!memcmp(st + i, "\xd8\xa7", 2))
            return true;
    return false;
}

/* The stem ends like a conjugated perfect (قتلت، قتلوا، قتلنا): not the bare 3ms قتل that
 * can be a passive with a number as its subject. */
static bool stem_ends_with(const raml_token *t, const char *suffix)
{
    const char *st = t->stem ? t->stem : "";
    size_t n = strlen(st), e = strlen(suffix);
    return n > e + 4 && memcmp(st + n - e, suffix, e) == 0; /* and three letters before it */
}

static bool conjugated(const raml_token *t)
{
    static const char *const ends[] = {"\xd8\xaa", "\xd9\x88\xd8\xa7", "\xd9\x86\xd8\xa7", "\xd8\xaa\xd9\x85"};
    for (size_t k = 0; k < 4; k++)
        if (stem_ends_with(t, ends[k]))
            return true;
    return false;
}

/* قتلوا، اغتالوا: a perfect with the plural subject suffix has its subject already; a noun
 * after it is the object (a verb before its subject stays singular: قتل المسلحون). */
static bool plural_subject_suffix(const raml_token *t)
{
    return stem_ends_with(t, "\xd9\x88\xd8\xa7"); /* وا */
}

/* شنه، نفذه، نظمه: the segmenter keeps these whole (a verb ending in ه may be the root's own
 * letter elsewhere), so the object pronoun is read off the light verb's last letter. */
static bool pronoun_ending(const raml_token *t)
{
    size_t n = t->stem ? strlen(t->stem) : 0;
    return n > 4 && !strcmp(t->stem + n - 2, "\xd9\x87");
}

/* على يد X، من قبل X، بنيران X، شنها X، and cues.tsv agent cues: X is the actor. */
static int agent_phrase(cw_sentence *s, uint32_t from, uint32_t to, const char **rule)
{
    for (uint32_t j = from; j < to; j++) {
        raml_wclass c = cw_cls(s, j);
        const raml_token *t = cw_tok(s, j);
        uint32_t after = 0;
        if ((c & RAML_W_HAND) && j > s->first && (cw_cls(s, j - 1) & RAML_W_TARGET))
            after = j + 1, *rule = "R-AGENT-ALAYAD";
        else if ((c & RAML_W_BEFORE) && j > s->first && cw_tok(s, j - 1)->stem &&
                 strcmp(cw_tok(s, j - 1)->stem, "\xd9\x85\xd9\x86") == 0)
            after = j + 1, *rule = "R-AGENT-MINQIBAL";
        else if ((c & RAML_W_FIRE) && (t->proclitics & RAML_PRO_BI))
            after = j + 1, *rule = "R-AGENT-BINIRAN";
        else if ((c & (RAML_W_LIGHT | RAML_W_CLAIM)) && (t->enclitic || pronoun_ending(t)) && j > from)
            after = j + 1, *rule = c & RAML_W_CLAIM ? "R-AGENT-CLAIMED" : "R-AGENT-SHANNAHA";
        if (after) {
            int m = mention_after(s, after, 2, s->end);
            if (m >= 0)
                return m;
        }
    }
    for (int k = 0; k < s->ncues; k++)
        if (s->cues[k].kind == RAML_CUE_AGENT && s->cues[k].first >= from && s->cues[k].first < to) {
            int m = mention_after(s, s->cues[k].end, 2, s->end);
            if (m >= 0) {
                *rule = "R-AGENT-CUE";
                return m;
            }
        }
    return -1;
}

/* على/ضد/استهدف/بحق X: X is the recipient. */
static int target_phrase(cw_sentence *s, uint32_t from, uint32_t to)
{
    for (uint32_t j = from; j < to; j++) {
        raml_wclass c = cw_cls(s, j);
        bool haqq = (c & RAML_W_HAQQ) && (cw_tok(s, j)->proclitics & RAML_PRO_BI);
        if (!(c & RAML_W_TARGET) && !haqq)
            continue;
        if ((c & RAML_W_TARGET) && j + 1 < s->end && (cw_cls(s, j + 1) & RAML_W_HAND))
            continue; /* على يد is the agent */
        int m = mention_after(s, j + 1, 3, to);
        if (m >= 0)
            return m;
    }
    for (int k = 0; k < s->ncues; k++)
        if (s->cues[k].kind == RAML_CUE_TARGET && s->cues[k].first >= from && s->cues[k].first < to) {
            int m = mention_after(s, s->cues[k].end, 3, to);
            if (m >= 0)
                return m;
        }
    return -1;
}

static bool transitive_harm(const raml_lex_entry *e)
{
    return !strcmp(e->plover_type, "ASSAULT") || !strcmp(e->plover_type, "COERCE");
}

/* Is there an object-like word (noun, number) between `from` and the next preposition or
 * clause boundary? Decides active VSO (قصفت الطائرات مواقع) against a lone passive subject
 * (قتل جندي في هجوم). */
static bool has_object(const cw_sentence *s, uint32_t from, uint32_t to)
{
    for (uint32_t j = from; j < to; j++) {
        const raml_token *t = cw_tok(s, j);
        int mk = s->mention_at[j - s->first];
        if (mk >= 0 && s->mentions[mk].wa) { /* الشرطة والجيش: still the subject */
            j = s->mentions[mk].end - 1;
            continue;
        }
        if (t->kind == RAML_TOK_PUNCT && !cw_is_boundary(s, j))
            continue; /* ، أمس، : the commas that set off a time adverb */
        uint32_t after_time = cw_time_phrase_end(s, j);
        if (after_time > j) {
            j = after_time - 1; /* قتلوا أمس في انفجار: the time adverb is no object */
            continue;
        }
        uint32_t hedged = cw_believed_adjective(s, j);
        if (hedged > j) {
            j = hedged; /* يرجح أنها روسية: the hedge and its adjective are the subject's */
            continue;
        }
        raml_wclass c = cw_cls(s, j);
        if (c & RAML_W_PREP || t->kind == RAML_TOK_PUNCT || (t->proclitics & (RAML_PRO_BI | RAML_PRO_WA)))
            return false;
        if (s->trigger_at[j - s->first] >= 0)
            return false;
        if (t->kind == RAML_TOK_NUMBER || t->kind == RAML_TOK_ARABIC)
            return true;
    }
    return false;
}

/* اقتحم عشرات من المستوطنين باحات المسجد، أحرق عشرات الشبان مقر البلدية: a counted
 * people after the verb followed by a definite object are its subject, so the verb is active
 * (قتل عشرات من المدنيين في القصف stays passive). The object must be a mention or a noun of a
 * definite phrase: غالبيتهم، معظمهم after a toll describe the victims. */
static bool counted_subject_with_object(const cw_sentence *s, uint32_t from, uint32_t ce)
{
    int m = mention_in(s, from, ce, false, false);
    if (m < 0 || s->mentions[m].prep)
        return false;
    for (uint32_t j = from; j < s->mentions[m].first; j++)
        if (!cw_is_number(s, j) && !(cw_cls(s, j) & RAML_W_MIN))
            return false; /* not the count's own noun */
    uint32_t j = cw_time_phrase_end(s, s->mentions[m].end);
    /* الطلاب الجامعيين، الشبان الغاضبين: definite adjectives of a definite subject */
    bool definite = cw_tok(s, s->mentions[m].end - 1)->proclitics & RAML_PRO_AL;
    while (definite && j < ce && s->mention_at[j - s->first] < 0 && !cw_cls(s, j) &&
           cw_tok(s, j)->proclitics == RAML_PRO_AL && s->trigger_at[j - s->first] < 0)
        j++;
    if (j >= ce)
        return false;
    const raml_token *t = cw_tok(s, j);
    int k = s->mention_at[j - s->first];
    if (k >= 0)
        return !s->mentions[k].prep && !s->mentions[k].wa && !s->mentions[k].li;
    if (t->kind != RAML_TOK_ARABIC || cw_cls(s, j) || t->enclitic || s->trigger_at[j - s->first] >= 0 ||
        (t->proclitics & (RAML_PRO_WA | RAML_PRO_FA | RAML_PRO_BI | RAML_PRO_LI | RAML_PRO_KA)))
        return false;
    if (t->proclitics & RAML_PRO_AL)
        return true;
    /* a construct phrase: باحات المسجد، مقر البلدية، مواقع الجيش */
    if (j + 1 >= ce)
        return false;
    const raml_token *n = cw_tok(s, j + 1);
    return n->kind == RAML_TOK_ARABIC && !cw_cls(s, j + 1) &&
           ((n->proclitics & RAML_PRO_AL) || s->mention_at[j + 1 - s->first] >= 0) &&
           !(n->proclitics & (RAML_PRO_WA | RAML_PRO_BI | RAML_PRO_LI));
}

/* إن الجيش قتل عشرة مدنيين، القوات اعتقلت 20 شخصا: a mention that opens the clause (or
 * follows إن/أن) right before the verb is its subject, so the count after it is the object. */
static bool subject_before(const cw_sentence *s, const cw_trigger *tr, uint32_t cs)
{
    if (tr->first <= s->first)
        return false;
    int m = s->mention_at[tr->first - 1 - s->first];
    if (m < 0)
        return false;
    const cw_mention *mm = &s->mentions[m];
    if (mm->prep || mm->li || mm->end != tr->first)
        return false;
    return mm->first == cs || (mm->first > s->first && (cw_cls(s, mm->first - 1) & RAML_W_COMP));
}

/* Is mention m, the first after the verb, the possessor of a bare noun (مواقع الجيش، مقر
 * الحزب) that itself follows other words of the clause? Then that noun phrase is the object
 * and those words the subject. A bare noun right after the verb (هاجم أنصار الحزب) heads the
 * subject instead. */
static bool possessor_of_object(const cw_sentence *s, const cw_trigger *tr, const cw_mention *m)
{
    if (m->wa || m->li || m->prep || m->first < tr->end + 2)
        return false;
    uint32_t h = m->first - 1;
    const raml_token *t = cw_tok(s, h);
    if (t->kind != RAML_TOK_ARABIC || cw_cls(s, h) || t->proclitics || t->enclitic ||
        s->mention_at[h - s->first] >= 0 || s->trigger_at[h - s->first] >= 0 || cw_is_number(s, h) ||
        (cw_cls(s, h - 1) & RAML_W_MIN) || cw_is_number(s, h - 1))
        return false; /* العشرات من خريجي الجامعات: the head of the من phrase is the subject's */
    for (uint32_t j = tr->end; j < h; j++)
        if (cw_is_boundary(s, j) ||
            ((cw_cls(s, j) & (RAML_W_PREP | RAML_W_COMP | RAML_W_REL)) && !(cw_cls(s, j) & RAML_W_MIN)) ||
            cw_time_phrase_end(s, j) > j || cw_tok(s, j)->kind == RAML_TOK_PUNCT)
            return false;
    /* the words before the head are a noun phrase: a count, or a noun with its من phrase */
    return cw_is_number(s, tr->end) || (cw_cls(s, tr->end + 1) & RAML_W_MIN);
}

/* A mention introduced by a count: ثلاثة عراقيين، 8 أشخاص، أربعة من الحراس. */
static bool counted_mention(const cw_sentence *s, const cw_mention *m)
{
    uint32_t j = m->first;
    if (j > s->first && (cw_cls(s, j - 1) & RAML_W_MIN))
        j--;
    return j > s->first && cw_is_number(s, j - 1);
}

/* أعلن الجيش أنه قتل 20 مسلحا، أقر التحالف أنه نفذ ضربات: a pronoun on أن right before the
 * verb is its subject, and it refers to the one who speaks. Returns the speaker's mention
 * (between a saying verb and أن) or -1. */
static int speaker_of_anna(const cw_sentence *s, uint32_t verb)
{
    if (verb <= s->first)
        return -1;
    uint32_t a = verb - 1;
    const raml_token *t = cw_tok(s, a);
    if (!(cw_cls(s, a) & RAML_W_COMP) || !t->stem || strlen(t->stem) <= 4 ||
        (t->proclitics & ~(unsigned)RAML_PRO_WA))
        return -1; /* a bare أن/إن has no pronoun; لأنه is "because" */
    if (t->proclitics) {
        /* أعلنت القيادة أنها نفذت غارات ... وأنها قتلت أربعة: a second أن clause of the same
         * saying verb; the speaker is found from the first one */
        uint32_t j = a;
        for (;;) {
            if (j == s->first)
                return -1;
            const raml_token *p = cw_tok(s, --j);
            if (p->kind == RAML_TOK_PUNCT && p->norm && strchr(".;", p->norm[0]))
                return -1;
            if ((cw_cls(s, j) & RAML_W_COMP) && !p->proclitics && p->stem && !strcmp(p->stem, t->stem))
                break;
        }
        a = j;
    }
    for (uint32_t j = a; j > s->first && j + 12 > a; j--) {
        /* punctuation is folded: ؛ is ; by now */
        if (cw_tok(s, j - 1)->kind == RAML_TOK_PUNCT && cw_tok(s, j - 1)->norm &&
            strchr(".;", cw_tok(s, j - 1)->norm[0]))
            return -1;
        if (cw_cls(s, j - 1) & RAML_W_SAY)
            return mention_in(s, j, a, false, false);
    }
    return -1;
}

/* أسفر عن مقتل ستة مدنيين، أودى بحياة عشرة: a toll phrase led by a verb of causing names
 * the victims after it; its subject is the attack, never one of them. */
static bool caused_toll(const cw_sentence *s, const cw_trigger *tr)
{
    static const char *const cause[] = {
        "\xd8\xa7\xd8\xb3\xd9\x81\xd8\xb1", /* اسفر */
        "\xd8\xa7\xd8\xb3\xd9\x81\xd8\xb1\xd8\xaa", /* اسفرت */
        "\xd8\xa7\xd8\xaf\xd9\x8a", /* ادي */
        "\xd8\xa7\xd8\xaf\xd8\xaa", /* ادت */
        "\xd8\xa7\xd9\x88\xd8\xaf\xd9\x8a", /* اودي */
        "\xd8\xa7\xd9\x88\xd8\xaf\xd8\xaa", /* اودت */
        "\xd8\xad\xd8\xb5\xd8\xaf", /* حصد */
        "\xd8\xad\xd8\xb5\xd8\xaf\xd8\xaa", /* حصدت */
        "\xd8\xae\xd9\x84\xd9\x81", /* خلف */
        "\xd8\xae\xd9\x84\xd9\x81\xd8\xaa", /* خلفت */
        "\xd8\xa7\xd9\x88\xd9\x82\xd8\xb9", /* اوقع */
        "\xd8\xa7\xd9\x88\xd9\x82\xd8\xb9\xd8\xaa", /* اوقعت */
    };
    return tr->end > tr->first + 1 && cw_toll_trigger(s, tr) &&
           cw_stem_in(cw_tok(s, tr->first), cause, sizeof cause / sizeof *cause);
}

static void verb_roles(cw_sentence *s, const cw_trigger *tr, cw_roles *r, uint32_t cs, uint32_t ce)
{
    const raml_lex_entry *e = tr->e;
    const raml_token *vt = cw_tok(s, tr->first);
    if (caused_toll(s, tr)) {
        uint32_t j = tr->end;
        while (j < ce && j < tr->end + 4 && s->mention_at[j - s->first] < 0 &&
               (cw_is_number(s, j) || (cw_cls(s, j) & RAML_W_MIN)))
            j++;
        int victims = j < ce ? s->mention_at[j - s->first] : -1;
        if (victims >= 0)
            set_role(s, r, false, victims, "R-TOLL-GENITIVE"); /* then never the subject */
    }
    const char *rule = NULL;
    int agent = agent_phrase(s, tr->end, ce, &rule);
    int speaker = e->voice == RAML_VOICE_PASSIVE || agent >= 0 ? -1 : speaker_of_anna(s, tr->first);
    if (speaker >= 0)
        set_role(s, r, true, speaker, "R-ANNAHU"); /* active: the object follows as usual */
    bool passive = speaker < 0 && (e->voice == RAML_VOICE_PASSIVE || surface_passive(s, vt));
    if (passive)
        cw_add_rule(r, "R-PASSIVE");
    /* a one-word unvocalised perfect of harm (قتل، اعتقل) that may be read as its passive */
    bool either_voice = transitive_harm(e) && e->form == RAML_FORM_PERFECT && tr->end == tr->first + 1 &&
                        !surely_active(vt) && !tr->split;
    if (speaker < 0 && !passive && either_voice && !conjugated(vt) && is_number(s, tr->end) &&
        !counted_subject_with_object(s, tr->end, ce) && !subject_before(s, tr, cs)) {
        passive = true; /* قتل 12 مدنيا: number + tamyiz after an unvocalised verb */
        cw_add_rule(r, "R-PASSIVE-TAMYIZ");
    }
    if (agent >= 0) {
        set_role(s, r, true, agent, rule);
        passive = true;
    }
    int target = target_phrase(s, tr->end, ce);
    if (passive) {
        int subj = mention_in(s, tr->end, ce, false, false);
        if (subj >= 0 && subj != agent)
            set_role(s, r, false, subj, "R-PASSIVE-SUBJ");
        else if (r->nrecip == 0) {
            int left = last_mention_in(s, cs, tr->first);
            if (left >= 0)
                set_role(s, r, false, left, "R-PASSIVE-SVO");
        }
        if (target >= 0 && r->nrecip == 0)
            set_role(s, r, false, target, "R-TARGET");
        r->passive = true;
        return;
    }
    /* relative clause: X التي/الذي + verb */
    if (tr->first > s->first && (cw_cls(s, tr->first - 1) & RAML_W_REL)) {
        int ante = last_mention_in(s, s->first, tr->first - 1);
        if (ante >= 0)
            set_role(s, r, true, ante, "R-REL");
    }
    bool svo = false;
    if (r->nactor == 0 && either_voice && !conjugated(vt) && target < 0 &&
        mention_in(s, tr->end, ce, false, false) < 0 &&
        !has_object(s, tr->end, ce)) {
        /* جنديا قتل / إن مقاتلا قتل بعدما...: nothing follows the bare verb, so the noun
         * before it is its patient (unvocalised قتل is also the passive قُتل) */
        int left = last_mention_in(s, cs, tr->first);
        if (left >= 0) {
            set_role(s, r, false, left, "R-PASSIVE-SVO-LONE");
            r->passive = true;
            return;
        }
    }
    if (r->nactor == 0 && cw_toll_trigger(s, tr) && e->form == RAML_FORM_PERFECT && target < 0 &&
        mention_in(s, tr->end, ce, false, false) < 0 && !has_object(s, tr->end, ce)) {
        /* ثلاثة عراقيين قتلوا، أربعة من الحراس أصيبوا: counted people before a toll verb
         * with nothing after it are its victims, whatever the suffix says about voice */
        int left = last_mention_in(s, cs, tr->first);
        if (left >= 0 && counted_mention(s, &s->mentions[left])) {
            set_role(s, r, false, left, "R-PASSIVE-COUNTED");
            r->passive = true;
            return;
        }
    }
    if (r->nactor == 0) {
        int left = last_mention_in(s, cs, tr->first);
        if (left >= 0) {
            set_role(s, r, true, left, "R-SVO");
            svo = true;
        }
    } else {
        svo = true;
    }
    int subj = -1;
    if (r->nactor == 0) {
        subj = mention_in(s, tr->end, ce, false, false);
        if (subj >= 0 && plural_subject_suffix(vt) && !s->mentions[subj].wa &&
            s->mentions[subj].first <= cw_time_phrase_end(s, tr->end) + 2) {
            /* وعندما قتلوا رفيق الحريري: the name is who was killed */
            set_role(s, r, false, subj, "R-OBJ-PLURAL-VERB");
            return;
        }
        if (subj >= 0) {
            const cw_mention *m = &s->mentions[subj];
            /* voice in triggers.tsv describes the vocalised verb; unvocalised قتل is both */
            if (either_voice && target < 0 && !has_object(s, m->end, ce)) {
                /* قتل جندي / اعتقل صحفي with nothing after: the subject is the patient */
                set_role(s, r, false, subj, "R-PASSIVE-LONE");
                r->passive = true;
                return;
            }
            if (possessor_of_object(s, tr, m)) {
                /* هاجم مئات من عناصر التنظيم مواقع الجيش: the army owns the positions
                 * attacked; the unlisted words before them are the subject */
                set_role(s, r, false, subj, "R-OBJ-POSSESSOR");
                return;
            }
            set_role(s, r, true, subj, "R-VSO");
        }
    }
    if (target >= 0) {
        set_role(s, r, false, target, "R-TARGET");
        return;
    }
    uint32_t from = svo ? tr->end : (subj >= 0 ? s->mentions[subj].end : tr->end);
    for (int k = 0; k < s->nmentions; k++) {
        const cw_mention *m = &s->mentions[k];
        if (m->first < from || m->first >= ce || m->prep || m->event_adj || has_role(r, k))
            continue;
        if (m->wa && r->nactor && k > 0 && s->mentions[k - 1].end + 1 >= m->first &&
            has_role(r, k - 1))
            continue;
        /* a split protest phrase holds its own object or place (نزل المتظاهرون إلى الشوارع
         * في مدن باكستانية، قطع المحتجون الطريق): what follows is not its target */
        if (tr->split && m->first != tr->tail && !strcmp(e->plover_type, "PROTEST"))
            break;
        set_role(s, r, false, k, m->li ? "R-OBJ-POSSESSOR" : "R-OBJ");
        break;
    }
}

static bool prep_governed(const cw_sentence *s, uint32_t i)
{
    const raml_token *t = cw_tok(s, i);
    return (t->proclitics & (RAML_PRO_BI | RAML_PRO_KA | RAML_PRO_LI)) ||
           (i > s->first && (cw_cls(s, i - 1) & RAML_W_PREP));
}

/* أعلن الجيش مقتل...: the subject of a report verb announces the event noun that follows;
 * it is the source of the news, not the agent of the event. */
static bool reporter(const cw_sentence *s, const cw_mention *m)
{
    if (m->first == s->first)
        return false;
    if (cw_cls(s, m->first - 1) & RAML_W_SAY)
        return true;
    for (int k = 0; k < s->ncues; k++)
        if (s->cues[k].end == m->first && s->cues[k].kind == RAML_CUE_REPORT)
            return true;
    return false;
}

/* القوات in جنديان من القوات: the group the previous mention belongs to, not a subject. */
static bool partitive_member(const cw_sentence *s, int k)
{
    const cw_mention *m = &s->mentions[k];
    return k > 0 && m->first > s->first && s->mentions[k - 1].end + 1 == m->first &&
           (cw_cls(s, m->first - 1) & RAML_W_MIN);
}

static void noun_roles(cw_sentence *s, const cw_trigger *tr, cw_roles *r, uint32_t cs, uint32_t ce)
{
    const raml_lex_entry *e = tr->e;
    const char *rule = NULL;
    if (e->form == RAML_FORM_AGENT) {
        int self = s->mention_at[tr->first - s->first];
        if (self >= 0)
            set_role(s, r, true, self, "R-AGENT-NOUN");
        int target = target_phrase(s, tr->end, ce);
        if (target >= 0)
            set_role(s, r, false, target, "R-TARGET");
        return;
    }
    int agent = agent_phrase(s, tr->end, ce < s->end ? s->end : ce, &rule);
    if (agent >= 0)
        set_role(s, r, true, agent, rule);
    /* مقتل 12 جنديا، مقتل خمسة من الجنود: the counted noun is the genitive */
    uint32_t g0 = tr->end;
    while (g0 < s->end && g0 < tr->end + 3 && mention_starting(s, g0) < 0 &&
           (cw_is_number(s, g0) || (cw_cls(s, g0) & RAML_W_MIN && g0 > tr->end)))
        g0++;
    int gen = mention_starting(s, g0);
    if (gen >= 0 && g0 > tr->end)
        gen = (cw_cls(s, g0 - 1) & RAML_W_MIN) || cw_is_number(s, g0 - 1) ? gen : -1;
    if (gen < 0 && r->nactor == 0) {
        /* غارة، يعتقد أنها إسرائيلية: the nationality the reporter attributes to it */
        uint32_t hedged = cw_believed_adjective(s, tr->end);
        int adj = hedged > tr->end ? mention_starting(s, hedged) : -1;
        if (adj >= 0 && s->mentions[adj].demonym_only) {
            set_role(s, r, true, adj, "R-BELIEVED-ADJ");
            r->actor_sector_override = transitive_harm(e) ? "MIL" : "GOV";
        }
    }
    /* a trigger that ends in على/ضد (القبض على) governs its object through it */
    bool through_target = tr->end > tr->first && (cw_cls(s, tr->end - 1) & RAML_W_TARGET);
    if (gen >= 0 && (!s->mentions[gen].prep || g0 > tr->end || through_target) &&
        !s->mentions[gen].wa) {
        const cw_mention *g = &s->mentions[gen];
        if (g->demonym_only && r->nactor == 0) {
            set_role(s, r, true, gen, "R-NOUN-ADJ"); /* غارة تركية */
            r->actor_sector_override = transitive_harm(e) || !strcmp(e->plover_type, "MOBILIZE") ? "MIL" : "GOV";
        } else if (g->li && r->nactor == 0 && e->voice != RAML_VOICE_PASSIVE) {
            set_role(s, r, true, gen, "R-NOUN-LI"); /* هجوم لتنظيم الدولة */
        } else if (!g->li && g->armed && e->voice != RAML_VOICE_PASSIVE && r->nactor == 0 &&
                   !cw_toll_trigger(s, tr) && !through_target) {
            /* the genitive of a toll noun is who died (مقتل جنوده), even when armed; after a
             * trigger ending in على/ضد (القبض على مسلحين) it is the one acted upon */
            set_role(s, r, true, gen, "R-NOUN-GEN-ACTOR"); /* هجوم الجيش */
        } else if (!g->li) {
            set_role(s, r, false, gen, "R-NOUN-GEN"); /* مقتل جنديين */
        }
    }
    /* هجوم من قوات الدعم السريع: من after the event noun introduces its agent */
    if (r->nactor == 0 && tr->end < s->end && (cw_cls(s, tr->end) & RAML_W_MIN) &&
        e->voice != RAML_VOICE_PASSIVE) {
        int k = mention_starting(s, tr->end + 1);
        if (k >= 0)
            set_role(s, r, true, k, "R-NOUN-MIN");
    }
    if (r->nactor == 0) {
        int li = -1;
        for (uint32_t j = tr->end; j < tr->end + 3 && j < ce; j++) {
            int k = mention_starting(s, j);
            if (k >= 0 && s->mentions[k].li) {
                li = k;
                break;
            }
        }
        if (li >= 0 && e->voice != RAML_VOICE_PASSIVE)
            set_role(s, r, true, li, "R-NOUN-LI");
    }
    int target = target_phrase(s, tr->end, ce);
    if (target >= 0)
        set_role(s, r, false, target, "R-TARGET");
    /* شن الجيش هجوما / الجيش شن هجوما: the light verb's subject */
    for (uint32_t j = tr->first; j > cs && j + 10 > tr->first && r->nactor == 0; j--) {
        if (!(cw_cls(s, j - 1) & RAML_W_LIGHT) || cw_tok(s, j - 1)->enclitic)
            continue;
        int subj = mention_in(s, j, tr->first, false, false);
        const char *how = "R-LIGHT-VERB";
        if (subj < 0 && (subj = speaker_of_anna(s, j - 1)) >= 0)
            how = "R-ANNAHU"; /* أعلن التحالف أنه شن غارات */
        if (subj < 0)
            subj = last_mention_in(s, cs, j - 1);
        if (subj >= 0)
            set_role(s, r, true, subj, how);
    }
    /* تعرضت القوات لهجوم: the subject of "undergo" is the recipient */
    for (uint32_t j = tr->first; j > cs && j + 5 > tr->first; j--) {
        if (!(cw_cls(s, j - 1) & RAML_W_UNDERGO))
            continue;
        int subj = mention_in(s, j, tr->first, false, false);
        if (subj < 0)
            subj = last_mention_in(s, cs, j - 1);
        if (subj >= 0)
            set_role(s, r, false, subj, "R-UNDERGO");
        break;
    }
    if (r->nactor == 0 && !prep_governed(s, tr->first)) {
        int left = last_mention_in(s, cs, tr->first);
        if (left >= 0 && s->mentions[left].end + 3 >= tr->first && !has_role(r, left) &&
            !reporter(s, &s->mentions[left]) && !partitive_member(s, left))
            set_role(s, r, true, left, "R-NOUN-SUBJ");
    }
}

/* قتل 19 شخصا بينهم جنود، جرح سبعة بينهم اثنان من الشرطة: the people named after
 * "among them" say who the victims were; "persons" or a bare number says less. */
static void among_them(cw_sentence *s, const cw_trigger *tr, cw_roles *r)
{
    /* matched on the whole word: the segmenter reads بينهم as ب + ينهم */
    static const char *const among[] = {
        "\xd8\xa8\xd9\x8a\xd9\x86\xd9\x87\xd9\x85",             /* بينهم */
        "\xd8\xa8\xd9\x8a\xd9\x86\xd9\x87\xd9\x85\xd8\xa7",   /* بينهما */
        "\xd8\xa8\xd9\x8a\xd9\x86\xd9\x87\xd9\x86",             /* بينهن */
        "\xd9\x85\xd9\x86\xd9\x87\xd9\x85",                         /* منهم */
    };
    if (r->nrecip > 1)
        return;
    if (r->nrecip == 1) {
        const cw_mention *m = &s->mentions[r->recip[0]];
        if (!m->generic || m->name || (m->sector[0] && strcmp(m->sector, "CVL") != 0))
            return;
    }
    for (uint32_t j = tr->end; j < s->end && j < tr->end + 12; j++) {
        const raml_token *t = cw_tok(s, j);
        if (t->kind == RAML_TOK_PUNCT && t->norm && t->norm[0] == '.')
            return;
        if (!cw_norm_in(t, among, sizeof among / sizeof *among))
            continue;
        int k = mention_after(s, j + 1, 4, s->end);
        if (k < 0 || has_role(r, k) || s->mentions[k].prep)
            return;
        r->nrecip = 0;
        set_role(s, r, false, k, "R-AMONG-THEM");
        return;
    }
}

void cw_roles_for(cw_sentence *s, int t, cw_roles *r)
{
    memset(r, 0, sizeof *r);
    const cw_trigger *tr = &s->triggers[t];
    uint32_t cs = cw_clause_start(s, tr->first);
    uint32_t ce = cw_clause_end(s, tr->end - 1);
    if (tr->e->pos == RAML_POS_VERB)
        verb_roles(s, tr, r, cs, ce);
    else
        noun_roles(s, tr, r, cs, ce);
    /* two-sided fighting: بين X و Y, X ... مع Y — every side is an actor */
    if (!strcmp(tr->e->plover_type, "ASSAULT")) {
        for (uint32_t j = tr->end; j < ce && j < tr->end + 8; j++) {
            raml_wclass c = cw_cls(s, j);
            if (c & RAML_W_BETWEEN) {
                int k = mention_after(s, j + 1, 2, s->end);
                if (k >= 0) {
                    r->nrecip = 0;
                    set_role(s, r, true, k, "R-BETWEEN");
                }
                break;
            }
            if ((c & RAML_W_WITH) && r->nactor) {
                int k = mention_after(s, j + 1, 2, s->end);
                if (k >= 0) {
                    r->nrecip = 0;
                    set_role(s, r, true, k, "R-WITH");
                }
                break;
            }
        }
    }
    if (!strcmp(tr->e->plover_type, "ASSAULT"))
        among_them(s, tr, r);
    /* a restating verbal noun lends its actor/recipient to the verb's event */
    for (int k = 0; k < s->ntriggers; k++) {
        if (s->triggers[k].host != t || (r->nactor && r->nrecip))
            continue;
        cw_roles sub;
        memset(&sub, 0, sizeof sub);
        const cw_trigger *ht = &s->triggers[k];
        uint32_t hcs = cw_clause_start(s, ht->first), hce = cw_clause_end(s, ht->end - 1);
        if (ht->e->pos == RAML_POS_VERB)
            verb_roles(s, ht, &sub, hcs, hce);
        else
            noun_roles(s, ht, &sub, hcs, hce);
        const char *why = ht->folded ? "R-FOLD-TOLL" : "R-MERGED-NOUN";
        if (ht->folded)
            cw_add_rule(r, why);
        for (int i = 0; i < sub.nactor && r->nactor == 0; i++)
            if (!has_role(r, sub.actor[i]))
                set_role(s, r, true, sub.actor[i], why);
        for (int i = 0; i < sub.nrecip && r->nrecip == 0; i++)
            if (!has_role(r, sub.recip[i]))
                set_role(s, r, false, sub.recip[i], why);
        /* مقتل ثلاثة أطباء في هجوم على مستشفى: the counted dead of a folded toll are
         * recipients of the incident beside its target */
        for (int i = 0; ht->folded && i < sub.nrecip; i++)
            if (!has_role(r, sub.recip[i]) && counted_mention(s, &s->mentions[sub.recip[i]]))
                set_role(s, r, false, sub.recip[i], "R-TOLL-VICTIMS");
        if (!r->actor_sector_override)
            r->actor_sector_override = sub.actor_sector_override;
    }
}
