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

static int years_away(const cw_sentence *s, const raml_lex_entry *e)
{
    return e->to_year && s->doc_year > e->to_year ? s->doc_year - e->to_year : e->from_year - s->doc_year;
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

/* after_actor: the token before `first` ends another actor atom (بين الجيش | التركي). */
static void init_mention(cw_sentence *s, cw_mention *m, const raml_lex_entry *e, uint32_t first,
                         uint32_t end, bool after_actor)
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
        /* في الموصل العراقية: the demonym qualifies a governed place, it is no participant;
         * after a governed actor (بين الجيش التركي) it qualifies the actor */
        if (first > s->first + 1 && !(cw_tok(s, first)->proclitics & RAML_PRO_WA) &&
            cw_tok(s, first - 1)->kind == RAML_TOK_ARABIC && !after_actor && prep_before(s, first - 1))
            m->prep = true;
        m->rule = "R-DEMONYM";
        break;
    default:
        break;
    }
}

static bool civilian_profession(const char *sector)
{
    static const char *const civilian[] = {"REL", "LEG", "JRN", "MED", "EDU", "JUD", "LAB", "BUS"};
    return cw_one_of(sector, civilian, sizeof civilian / sizeof *civilian);
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
        /* قوات حفتر، عناصر حزب الله take the group's sector; خطباء حماس، نواب الحزب are the
         * group's preachers and deputies: a civilian profession keeps its own and is unarmed */
        bool profession = civilian_profession(m->sector);
        if (e->sector[0] && !e->is_person && !profession) {
            memcpy(m->sector, e->sector, 4);
            memcpy(m->sectors, e->sectors, sizeof m->sectors);
            m->nsectors = e->nsectors;
        }
        m->name = e->name_en;
        m->name_ar = e->name_ar;
        m->actor_id = strchr(e->id, ':') ? strchr(e->id, ':') + 1 : e->id;
        m->generic = false;
        m->armed |= e->is_armed && !profession;
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

/* Is the stem of token i written with إ (hamza below) as its first letter? */
static bool starts_with_hamza_below(const cw_sentence *s, uint32_t i)
{
    const raml_token *t = cw_tok(s, i);
    const unsigned char *p = (const unsigned char *)s->text->text + t->bstart;
    for (uint32_t k = 0; k + 1 < t->bend - t->bstart && k < 8; k++)
        if (p[k] == 0xD8 && p[k + 1] == 0xA5)
            return true; /* إ within the clitics of the word (لإمام، بالإمام) */
    return false;
}

/* Does token i carry a written tanwin (ً ٌ ٍ)? Only nouns and adjectives do. */
static bool has_tanwin(const cw_sentence *s, uint32_t i)
{
    const raml_token *t = cw_tok(s, i);
    const unsigned char *p = (const unsigned char *)s->text->text + t->bstart;
    for (uint32_t k = 0; k + 1 < t->bend - t->bstart; k++)
        if (p[k] == 0xD9 && p[k + 1] >= 0x8B && p[k + 1] <= 0x8D)
            return true;
    return false;
}

bool cw_one_of(const char *w, const char *const *words, size_t n)
{
    for (size_t k = 0; w && k < n; k++)
        if (!strcmp(w, words[k]))
            return true;
    return false;
}

bool cw_stem_in(const raml_token *t, const char *const *words, size_t n)
{
    return cw_one_of(t->stem, words, n);
}

bool cw_norm_in(const raml_token *t, const char *const *words, size_t n)
{
    return cw_one_of(t->norm, words, n);
}

bool cw_class_before(const cw_sentence *s, uint32_t i, raml_wclass cls, uint32_t within)
{
    uint32_t cs = cw_clause_start(s, i);
    for (uint32_t j = i; j > cs && j + within > i; j--)
        if (cw_cls(s, j - 1) & cls)
            return true;
    return false;
}

/* فجر الجمعة، فجر اليوم، فجر يوم، الفجر: "dawn", not فجّر "blew up" — the noun is far more
 * common in news than the verb; a verb is never followed straight by a day word, and فجّر's
 * verbal noun is تفجير, so الفجر with the article is always the dawn (صلاة الفجر). */
static bool dawn_before_day(const cw_sentence *s, uint32_t i)
{
    static const char *const dawn[] = {"\xd9\x81\xd8\xac\xd8\xb1"}; /* فجر */
    static const char *const day[] = {"\xd9\x8a\xd9\x88\xd9\x85"};  /* يوم */
    const raml_token *t = cw_tok(s, i);
    if (t->enclitic || !cw_stem_in(t, dawn, 1))
        return false;
    if (t->proclitics & RAML_PRO_AL)
        return true;
    return i + 1 < s->end && ((cw_cls(s, i + 1) & RAML_W_DAYWORD) || cw_norm_in(cw_tok(s, i + 1), day, 1));
}

/* بعد قتل، في ضرب، عن خطف: a bare preposition is never followed by a verb, so a verb spelling
 * after one is the verbal noun. Only true prepositions (not the locative nouns that share
 * their word class), and not من: it is also "who" (من قتل الرئيس). */
static bool after_preposition(const cw_sentence *s, uint32_t i)
{
    static const char *const preps[] = {
        "\xd9\x81\xd9\x8a", /* في */
        "\xd8\xb9\xd9\x84\xd9\x8a", /* علي */
        "\xd8\xa7\xd9\x84\xd9\x8a", /* الي */
        "\xd8\xb9\xd9\x86", /* عن */
        "\xd9\x85\xd8\xb9", /* مع */
        "\xd8\xb6\xd8\xaf", /* ضد */
        "\xd8\xae\xd9\x84\xd8\xa7\xd9\x84", /* خلال */
        "\xd8\xa8\xd8\xb9\xd8\xaf", /* بعد */
        "\xd9\x82\xd8\xa8\xd9\x84", /* قبل */
        "\xd8\xa7\xd8\xab\xd8\xb1", /* اثر */
        "\xd8\xac\xd8\xb1\xd8\xa7\xd8\xa1", /* جراء */
        "\xd8\xb9\xd9\x82\xd8\xa8", /* عقب */
        "\xd8\xb9\xd9\x86\xd8\xaf", /* عند */
        "\xd8\xa8\xd9\x8a\xd9\x86", /* بين */
        "\xd9\x86\xd8\xad\xd9\x88", /* نحو */
        "\xd8\xaf\xd8\xa7\xd8\xae\xd9\x84", /* داخل */
        "\xd9\x84\xd8\xaf\xd9\x8a", /* لدي */
    };
    if (i <= s->first || !(cw_cls(s, i - 1) & RAML_W_PREP) || cw_tok(s, i)->proclitics)
        return false;
    const raml_token *p = cw_tok(s, i - 1);
    return p->kind == RAML_TOK_ARABIC && !p->enclitic && cw_stem_in(p, preps, sizeof preps / sizeof *preps);
}

/* A word of arms, wounds, tolls or targeting outside match m, or an attack verb
 * (أسقطت الدفاعات الجوية مسيرة). */
static bool conflict_elsewhere(const cw_sentence *s, const raml_lex_match *matches, size_t nm,
                               const raml_lex_match *m)
{
    for (uint32_t i = s->first; i < s->end; i++)
        if ((i < m->first || i >= m->first + m->count) &&
            (cw_cls(s, i) & (RAML_W_WEAPON | RAML_W_CASUALTY | RAML_W_MILEQUIP | RAML_W_TOLL |
                             RAML_W_TARGET)))
            return true;
    static const char *const shot_down[] = {"\xd8\xa7\xd8\xb3\xd9\x82\xd8\xb7",          /* اسقط */
                                             "\xd8\xa7\xd8\xb3\xd9\x82\xd8\xb7\xd8\xaa",  /* اسقطت */
                                             "\xd8\xa7\xd8\xb3\xd9\x82\xd8\xb7\xd9\x88\xd8\xa7"}; /* اسقطوا */
    for (uint32_t i = s->first; i < m->first; i++)
        if (cw_stem_in(cw_tok(s, i), shot_down, 3))
            return true;
    for (size_t k = 0; k < nm; k++)
        for (uint32_t q = 0; &matches[k] != m && q < matches[k].nentries; q++) {
            const raml_lex_entry *e = raml_lexicon_entry(s->lex, matches[k].entries[q]);
            if (e->kind == RAML_ENT_TRIGGER && e->pos == RAML_POS_VERB &&
                !strcmp(e->plover_type, "ASSAULT"))
                return true;
        }
    return false;
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

/* The lexicon does not say which form of a sector matched, so plurality is read off the
 * words: a sound plural ending (القوات، المسلحون، الجنود الإسرائيليين) anywhere in the mention. */
static bool sound_plural_in(const cw_sentence *s, const cw_mention *m)
{
    static const char *const ends[] = {"\xd8\xa7\xd8\xaa", "\xd9\x88\xd9\x86", "\xd9\x8a\xd9\x86"}; /* ات ون ين */
    for (uint32_t k = m->first; k < m->end; k++) {
        const char *st = cw_tok(s, k)->stem;
        size_t n = st ? strlen(st) : 0;
        for (size_t e = 0; n > 6 && e < 3; e++)
            if (!memcmp(st + n - 4, ends[e], 4))
                return true;
    }
    return false;
}

/* رئيس الوزراء اللبناني الأسبق رفيق الحريري: a person's title, then adjectives (السابق،
 * الراحل) and first names the dictionary does not list, then the person's listed name: one
 * mention, the person. Only a singular title of office: "the American forces" before a name
 * are not that person. */
static bool title_before_name(const cw_sentence *s, const cw_mention *cur, const raml_lex_entry *head,
                              const raml_lex_entry *next, uint32_t next_first)
{
    static const char *const offices[] = {"GOV", "LEG", "JUD", "REL", "PTY", "OPP", "ELI"};
    if (!cur->generic || !head || head->kind != RAML_ENT_SECTOR || sound_plural_in(s, cur) || !next ||
        next->kind != RAML_ENT_NAMED || !next->is_person || next_first <= cur->end ||
        next_first - cur->end > 3)
        return false;
    if (!cw_one_of(cur->sector, offices, sizeof offices / sizeof *offices))
        return false;
    for (uint32_t k = cur->end; k < next_first; k++) {
        const raml_token *t = cw_tok(s, k);
        bool first_name = t->kind == RAML_TOK_ARABIC && !t->proclitics && !t->enclitic && !cw_cls(s, k) &&
                          s->mention_at[k - s->first] < 0 && s->trigger_at[k - s->first] < 0;
        if (!first_name && !adjective_gap(s, k))
            return false;
    }
    return true;
}

/* The end of a time adverbial that starts at i (أمس، اليوم، صباح أمس، بعد ظهر أمس، يوم
 * الاثنين، أمس الأحد), or i when none does. */
uint32_t cw_time_phrase_end(const cw_sentence *s, uint32_t i)
{
    static const char *const around[] = {"\xd8\xa8\xd8\xb9\xd8\xaf", /* بعد */
                                         "\xd9\x82\xd8\xa8\xd9\x84"}; /* قبل */
    static const char *const day[] = {"\xd9\x8a\xd9\x88\xd9\x85"};  /* يوم */
    if (i >= s->end || (cw_tok(s, i)->proclitics & (RAML_PRO_WA | RAML_PRO_FA)))
        return i;
    uint32_t j = i;
    if (j + 1 < s->end && cw_norm_in(cw_tok(s, j), around, 2) && (cw_cls(s, j + 1) & RAML_W_DAYPART))
        j++;
    if (j < s->end && cw_norm_in(cw_tok(s, j), day, 1))
        j++;
    if (cw_cls(s, j) & RAML_W_DAYPART)
        j++;
    if (!(cw_cls(s, j) & RAML_W_DAYWORD))
        return i;
    j++;
    if (cw_cls(s, j) & RAML_W_DAYWORD)
        j++;
    return j;
}

/* خرج آلاف المتظاهرين، عدة مئات من المتظاهرين: where the count before the mention at
 * `first` starts (up to three number words and their من), or `first` when none. */
uint32_t cw_count_start(const cw_sentence *s, uint32_t first)
{
    uint32_t c = first;
    for (int step = 0; step < 3 && c > s->first && (cw_is_number(s, c - 1) || (cw_cls(s, c - 1) & RAML_W_MIN));
         step++)
        c--;
    return c;
}

static bool is_comma(const cw_sentence *s, uint32_t i)
{
    const raml_token *t = cw_tok(s, i);
    return t->kind == RAML_TOK_PUNCT && t->norm && t->norm[0] == ',';
}

/* طائرة، يعتقد أنها أميركية / غارات يرجح أنها إسرائيلية: where a nationality is only believed,
 * the press says so between the noun and its adjective. Returns where that adjective starts,
 * or i when no such hedge starts at i. */
uint32_t cw_believed_adjective(const cw_sentence *s, uint32_t i)
{
    static const char *const believed[] = {
        "\xd9\x8a\xd8\xb9\xd8\xaa\xd9\x82\xd8\xaf",         /* يعتقد */
        "\xd9\x8a\xd8\xb1\xd8\xac\xd8\xad",                 /* يرجح */
        "\xd9\x8a\xd8\xb4\xd8\xaa\xd8\xa8\xd9\x87",         /* يشتبه */
        "\xd9\x8a\xd8\xb9\xd8\xaa\xd9\x82\xd8\xaf\xd9\x88\xd9\x86"}; /* يعتقدون */
    static const char *const that[] = {"\xd8\xa7\xd9\x86\xd9\x87\xd8\xa7", "\xd8\xa7\xd9\x86\xd9\x87",
                                       "\xd8\xa7\xd9\x86\xd9\x87\xd9\x85"}; /* انها انه انهم */
    uint32_t j = i < s->end && is_comma(s, i) ? i + 1 : i;
    if (j + 2 < s->end && cw_norm_in(cw_tok(s, j), believed, 4) && cw_norm_in(cw_tok(s, j + 1), that, 3))
        return j + 2;
    return i;
}

/* Where the hedge whose adjective stands at adj starts (its opening comma, or the hedge
 * word), or UINT32_MAX when no hedge ends there. */
static uint32_t hedge_before(const cw_sentence *s, uint32_t adj)
{
    for (uint32_t back = 3; back >= 2; back--)
        if (adj >= s->first + back && cw_believed_adjective(s, adj - back) == adj)
            return adj - back;
    return UINT32_MAX;
}

/* قتل مسلحون، أمس، ثلاثة جنود / اغتالت الطائرات، بعد ظهر أمس خمسة مسلحين: a comma that opens
 * a time adverbial, or closes one that a comma opened, sets it off inside the clause; it
 * does not end the clause. */
static bool time_aside(const cw_sentence *s, uint32_t comma)
{
    if (cw_time_phrase_end(s, comma + 1) > comma + 1)
        return true;
    /* طائرات، يرجح أنها روسية، : the hedge on a nationality is set off the same way */
    uint32_t opened = comma > s->first ? hedge_before(s, comma - 1) : UINT32_MAX;
    if (cw_believed_adjective(s, comma) > comma || (opened != UINT32_MAX && is_comma(s, opened)))
        return true;
    for (uint32_t k = comma; k > s->first + 1 && k + 5 > comma; k--)
        if (is_comma(s, k - 2) && cw_time_phrase_end(s, k - 1) == comma)
            return true;
    return false;
}

bool cw_is_boundary(const cw_sentence *s, uint32_t i)
{
    const raml_token *t = cw_tok(s, i);
    if (t->kind == RAML_TOK_PUNCT)
        return t->norm && (strchr(",;:.!?()\"", t->norm[0]) != NULL) &&
               !(t->norm[0] == ',' && time_aside(s, i));
    if (cw_cls(s, i) & (RAML_W_COMP | RAML_W_REL | RAML_W_SUBORD))
        return !(i > s->first && cw_believed_adjective(s, i - 1) == i + 1); /* يرجح أنها روسية */
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

/* An ASSAULT word that reports what happened to people (قتل، أصيب، مقتل، لقي مصرعه، جرحى)
 * rather than naming the attack (غارة، قصف، هجوم، تفجير، كمين، اشتباكات). */
bool cw_toll_trigger(const cw_sentence *s, const cw_trigger *tr)
{
    if (strcmp(tr->e->plover_type, "ASSAULT") != 0 || tr->e->nmodes > 0 ||
        tr->e->form == RAML_FORM_AGENT)
        return false;
    /* any word of the phrase: راح ضحيته، سقط قتلى */
    for (uint32_t i = tr->first; i < tr->end; i++)
        if (cw_cls(s, i) & (RAML_W_TOLL | RAML_W_CASUALTY))
            return true;
    static const char *const stems[] = {"\xd9\x82\xd8\xaa\xd9\x84",             /* قتل */
                                        "\xd8\xac\xd8\xb1\xd8\xad",             /* جرح */
                                        "\xd8\xa7\xd8\xb5\xd8\xa7\xd8\xa8",     /* اصاب */
                                        "\xd8\xa7\xd8\xb3\xd8\xaa\xd8\xb4\xd9\x87\xd8\xaf", /* استشهد */
                                        "\xd9\x84\xd9\x82\xd9\x8a"};            /* لقي */
    const char *st = cw_tok(s, tr->first)->stem;
    for (size_t k = 0; st && k < sizeof stems / sizeof *stems; k++)
        if (!strcmp(st, stems[k]))
            return true;
    return false;
}

/* A toll that continues the description of an attack already named: a relative pronoun
 * or مما/ما just before it (الذي خلف، مما أسفر عن), or a pronoun suffix on the toll that
 * refers to the attack (راح ضحيته، ارتفع عدد قتلاه). */
static bool toll_refers_back(const cw_sentence *s, const cw_trigger *ct)
{
    for (uint32_t i = ct->first + 1; i < ct->end; i++)
        if (cw_tok(s, i)->enclitic && (cw_cls(s, i) & (RAML_W_TOLL | RAML_W_CASUALTY)))
            return true; /* ضحيته، قتلاه */
    for (uint32_t j = ct->first; j > s->first && j + 2 > ct->first; j--) {
        const raml_token *t = cw_tok(s, j - 1);
        if (cw_cls(s, j - 1) & RAML_W_REL)
            return true;
        static const char *const ma[] = {"\xd9\x85\xd8\xa7", "\xd9\x85\xd9\x85\xd8\xa7"}; /* ما مما */
        if (cw_stem_in(t, ma, 2)) /* مما أسفر عن، ما أدى إلى */
            return true;
    }
    return false;
}

/* The toll of an attack named in the same sentence is part of that attack, not a second
 * incident: قتل 12 مدنيا وأصيب 20 آخرون في غارة جوية شنتها طائرات روسية is one ASSAULT.
 * Each toll word joins the nearest attack word (within 20 tokens; the attack must not be a
 * reference to an earlier event: بعد الهجوم). The merged event keeps a toll verb as its
 * trigger when the attack is a noun (the verb carries voice and the counted victims), and
 * the attack verb otherwise; it takes the attack's mode, actor and recipient. */
static void fold_tolls(cw_sentence *s)
{
    int root_of[CW_MAX_ITEMS];
    for (int t = 0; t < s->ntriggers; t++)
        root_of[t] = -1;
    for (int c = 0; c < s->ntriggers; c++) {
        const cw_trigger *ct = &s->triggers[c];
        if (!cw_toll_trigger(s, ct))
            continue;
        int best = -1;
        uint32_t bestd = 21;
        for (int a = 0; a < s->ntriggers; a++) {
            const cw_trigger *at = &s->triggers[a];
            if (a == c || cw_toll_trigger(s, at) || strcmp(at->e->plover_type, "ASSAULT") != 0 ||
                at->e->form == RAML_FORM_AGENT)
                continue;
            /* بعد الهجوم: a reference to an earlier attack is not this toll's incident —
             * unless the toll follows it and points back to it (بعد الهجوم الذي ... وراح
             * ضحيته، إثر تفجير مما أسفر عن): then the toll belongs to the earlier attack */
            if (at->e->pos != RAML_POS_VERB && at->first > s->first &&
                (cw_cls(s, at->first - 1) & RAML_W_BACKREF) &&
                !(at->first < ct->first && toll_refers_back(s, ct)))
                continue;
            uint32_t d = at->first > ct->first ? at->first - ct->end : ct->first - at->end;
            if (d < bestd) {
                bestd = d;
                best = a;
            }
        }
        if (best < 0)
            continue;
        while (s->triggers[best].host >= 0)
            best = s->triggers[best].host;
        root_of[c] = best;
    }
    for (int a = 0; a < s->ntriggers; a++) {
        /* the group of toll words around attack root a */
        int members[CW_MAX_ITEMS], nm = 0, verb = -1;
        for (int c = 0; c < s->ntriggers; c++)
            if (root_of[c] == a && c != a) {
                members[nm++] = c;
                if (verb < 0 && s->triggers[c].e->pos == RAML_POS_VERB)
                    verb = c;
            }
        if (!nm)
            continue;
        int keep = a;
        if (s->triggers[a].e->pos != RAML_POS_VERB && !cw_toll_trigger(s, &s->triggers[a]) && verb >= 0)
            keep = verb;
        else if (cw_toll_trigger(s, &s->triggers[a]) && verb >= 0 && s->triggers[verb].first < s->triggers[a].first)
            keep = verb; /* the first toll verb reads best as the trigger */
        for (int t = 0; t < s->ntriggers; t++) {
            if (t == keep)
                continue;
            bool in_group = t == a || root_of[t] == a || s->triggers[t].host == a;
            for (int k = 0; k < nm && !in_group; k++)
                in_group = s->triggers[t].host == members[k];
            if (in_group && s->triggers[t].e->form != RAML_FORM_AGENT) {
                s->triggers[t].host = keep;
                s->triggers[t].folded = true;
            }
        }
        s->triggers[keep].host = -1;
    }
}

/* قتلوا في ضربة جوية أميركية: a demonym right after an event noun that a preposition
 * governs is that noun's adjective, inside the phrase; the verb takes neither its subject
 * nor its object from it (the noun's own roles still do: R-NOUN-ADJ). */
static void event_adjectives(cw_sentence *s)
{
    for (int k = 0; k < s->nmentions; k++) {
        cw_mention *m = &s->mentions[k];
        uint32_t hedge = m->demonym_only ? hedge_before(s, m->first) : UINT32_MAX;
        if (hedge != UINT32_MAX) {
            /* the hedged adjective belongs to the noun or equipment before the hedge */
            m->event_adj = true;
            int owner = hedge > s->first ? s->mention_at[hedge - 1 - s->first] : -1;
            if (owner >= 0 && s->mentions[owner].generic && !s->mentions[owner].country[0]) {
                memcpy(s->mentions[owner].country, m->country, 4);
                s->mentions[owner].rule = "R-BELIEVED-ADJ";
            }
            continue;
        }
        if (!m->demonym_only || m->first <= s->first)
            continue;
        int t = s->trigger_at[m->first - 1 - s->first];
        if (t < 0 || s->triggers[t].e->pos == RAML_POS_VERB || s->triggers[t].end != m->first)
            continue;
        uint32_t f = s->triggers[t].first;
        m->event_adj = (cw_tok(s, f)->proclitics & (RAML_PRO_BI | RAML_PRO_LI | RAML_PRO_KA)) ||
                       (f > s->first && (cw_cls(s, f - 1) & RAML_W_PREP));
    }
}

/* جنوده، قواتها، عناصرهم: a generic agent with a third-person possessive suffix belongs to
 * the nearest earlier actor that has a country (أعلن الجيش الأميركي مقتل أحد جنوده → USA).
 * The antecedent must be a named actor, a country or an agent with a country; a bare sector
 * noun says nothing. */
static bool third_person_possessive(const char *enclitic)
{
    static const char *const forms[] = {"\xd9\x87", "\xd9\x87\xd8\xa7", "\xd9\x87\xd9\x85",
                                        "\xd9\x87\xd9\x85\xd8\xa7", "\xd9\x87\xd9\x86"};
    if (!enclitic)
        return false;
    for (size_t i = 0; i < sizeof forms / sizeof *forms; i++)
        if (!strcmp(enclitic, forms[i]))
            return true;
    return false;
}

/* قال المتحدث باسم الجيش الأميركي إن «خمسة من جنودنا قتلوا»: in reported speech "our
 * soldiers" are the speaker's, and the speaker is the nearest earlier actor with a country,
 * as for a third-person suffix. */
static bool first_person_plural(const char *enclitic)
{
    return enclitic && !strcmp(enclitic, "\xd9\x86\xd8\xa7"); /* نا */
}

static bool quoted(const cw_sentence *s, uint32_t i)
{
    for (uint32_t j = s->first; j < i; j++)
        if (cw_cls(s, j) & RAML_W_SAY)
            return true;
    return false;
}

/* فتولت دبابة قصف الموقع، طائرات قصفت: aircraft, tanks and guns with no nationality, in a
 * sentence that names the state forces of one country only, are those forces' (R-SAME-FORCES). */
static void equipment_countries(cw_sentence *s)
{
    const char *only = NULL;
    for (int k = 0; k < s->nmentions; k++) {
        const cw_mention *m = &s->mentions[k];
        if (!m->country[0] || m->country[0] == '-' || (strcmp(m->sector, "MIL") && strcmp(m->sector, "COP")))
            continue;
        if (only && strcmp(only, m->country))
            return; /* two countries' forces: whose tank it is is not said */
        only = m->country;
    }
    if (!only)
        return;
    for (int k = 0; k < s->nmentions; k++) {
        cw_mention *m = &s->mentions[k];
        if (m->generic && !m->country[0] && (cw_cls(s, m->first) & RAML_W_MILEQUIP)) {
            memcpy(m->country, only, 4);
            m->rule = "R-SAME-FORCES";
        }
    }
}

static void possessor_countries(cw_sentence *s)
{
    /* جنديان من القوات الأجنبية، عنصران من الشرطة العراقية: members of a group with a
     * country share it */
    for (int k = 0; k + 1 < s->nmentions; k++) {
        cw_mention *m = &s->mentions[k];
        const cw_mention *of = &s->mentions[k + 1];
        if (m->generic && !m->country[0] && of->country[0] && of->first == m->end + 1 &&
            (s->cls[m->end - s->first] & RAML_W_MIN)) {
            memcpy(m->country, of->country, 4);
            m->rule = "R-PARTITIVE-COUNTRY";
        }
    }
    for (int k = 1; k < s->nmentions; k++) {
        cw_mention *m = &s->mentions[k];
        if (!m->generic || m->country[0] || m->end - m->first > 2)
            continue;
        const char *enclitic = cw_tok(s, m->first)->enclitic;
        if (!third_person_possessive(enclitic) && !(first_person_plural(enclitic) && quoted(s, m->first)))
            continue;
        for (int j = k - 1; j >= 0; j--) {
            const cw_mention *a = &s->mentions[j];
            if (!a->country[0] || a->country[0] == '-')
                continue;
            memcpy(m->country, a->country, 4);
            m->rule = "R-POSSESSOR-COUNTRY";
            break;
        }
    }
}

/* عمان is both Oman and Amman, Jordan's capital; countries.tsv gives it to Oman. In a
 * sentence that also names Jordan or a Jordanian (and nothing Omani), bare عمان is Amman:
 * the Jordanian government by metonymy (R-AMMAN). سلطنة عمان stays Oman. */
static void amman_or_oman(cw_sentence *s)
{
    static const char *const amman[] = {"\xd8\xb9\xd9\x85\xd8\xa7\xd9\x86"}; /* عمان */
    bool bare = false, jordan = false;
    for (int k = 0; k < s->nmentions; k++) {
        const cw_mention *m = &s->mentions[k];
        if (!strcmp(m->country, "JOR"))
            jordan = true;
        else if (!strcmp(m->country, "OMN")) {
            if (!m->bare_country || m->end != m->first + 1 || !cw_norm_in(cw_tok(s, m->first), amman, 1))
                return; /* سلطنة عمان، عماني: Oman is meant */
            bare = true;
        }
    }
    if (!bare || !jordan)
        return;
    for (int k = 0; k < s->nmentions; k++) {
        cw_mention *m = &s->mentions[k];
        if (!strcmp(m->country, "OMN")) {
            memcpy(m->country, "JOR", 4);
            m->name = "Amman";
            m->rule = "R-AMMAN";
        }
    }
}

/* اتفاق أبوجا، مؤتمر أوسلو، محادثات أستانا، قمة الرياض: the capital names an agreement or
 * meeting; the government is neither a participant nor the sentence's context country. */
static void capitals_in_names(cw_sentence *s)
{
    for (int k = 0; k < s->nmentions; k++) {
        cw_mention *m = &s->mentions[k];
        if (!m->rule || strcmp(m->rule, "R-CAPITAL") != 0 || m->first <= s->first)
            continue;
        if (raml_token_names_meeting(s->text, m->first - 1))
            m->prep = m->in_name = true;
    }
}

/* لندن ـ «الشرق الأوسط»: اغتال…، بغداد - ا ف ب: a place and an agency before a colon, with a
 * dash between them, are a dateline: where the story was filed, not who did what. Its
 * mentions are kept as places (governed, like a place after في) but never subjects. */
static void dateline_mentions(cw_sentence *s)
{
    uint32_t zone = s->first, colon = UINT32_MAX;
    bool dash = false;
    for (uint32_t i = s->first; i < s->end && i < s->first + 24; i++) {
        const char *p = s->text->text + cw_tok(s, i)->bstart;
        if (raml_token_is_dash(s->text, i)) {
            dash = true;
        } else if (cw_tok(s, i)->kind != RAML_TOK_PUNCT) {
            continue;
        } else if (*p == '*' || *p == '.') {
            zone = i + 1; /* a headline before the star is another sentence in all but name */
            dash = false;
        } else if (*p == ':' && dash && i - zone <= 10) {
            colon = i;
            break;
        }
    }
    if (colon == UINT32_MAX)
        return;
    for (int k = 0; k < s->nmentions; k++)
        if (s->mentions[k].first >= zone && s->mentions[k].end <= colon)
            s->mentions[k].prep = s->mentions[k].dateline = true;
}

/* The verbal-noun reading of a one-word perfect trigger (form I masdars are spelled like
 * the verb), or NULL when out of memory. */
static const raml_lex_entry *masdar_of(cw_sentence *s, const raml_lex_entry *verb)
{
    raml_lex_entry *noun = raml_arena_alloc(s->arena, sizeof *noun);
    if (!noun)
        return NULL;
    *noun = *verb;
    noun->pos = RAML_POS_NOUN;
    noun->form = RAML_FORM_NOUN;
    noun->voice = RAML_VOICE_ANY;
    return noun;
}

/* أعلنت وزارة الداخلية ضبط عشرة مطلوبين، أكد الجيش قتل قائد الجماعة: right after the
 * subject of a saying verb, with no أن between, a perfect spelling is what was announced,
 * the verbal noun (R-MASDAR-NOUN): a finite verb there would need أن. */
static void announced_masdars(cw_sentence *s)
{
    for (int t = 0; t < s->ntriggers; t++) {
        cw_trigger *tr = &s->triggers[t];
        if (tr->e->form != RAML_FORM_PERFECT || tr->end != tr->first + 1 || tr->split ||
            tr->first < s->first + 2 || cw_tok(s, tr->first)->enclitic)
            continue;
        int k = s->mention_at[tr->first - 1 - s->first];
        if (k < 0 || s->mentions[k].end != tr->first || s->mentions[k].first <= s->first)
            continue;
        uint32_t v = s->mentions[k].first - 1;
        if (!(cw_cls(s, v) & RAML_W_SAY) || cw_tok(s, v)->enclitic)
            continue;
        const raml_lex_entry *noun = masdar_of(s, tr->e);
        if (!noun)
            continue;
        cw_tracef(s, "  '%s' after the subject of a saying verb: the verbal noun (R-MASDAR-NOUN)",
                  tr->e->id);
        tr->e = noun;
        tr->masdar = true;
    }
}

/* أطلق مسلحون مجهولون النار، أسقطت الدفاعات الجوية طائرة مسيرة، أضرم المحتجون النار: in
 * verb-subject-object order the subject splits a verb phrase, which the phrase matcher only
 * finds whole. A verb with no trigger of its own right before a mention is matched again
 * as if the mention were not there; a verb phrase found that way becomes a trigger on the
 * verb (R-SPLIT-PHRASE in the trace). */
static void split_verb_phrases(cw_sentence *s)
{
    enum { MAX_TAIL = 4 };
    for (int k = 0; k < s->nmentions && s->ntriggers < CW_MAX_ITEMS; k++) {
        const cw_mention *m = &s->mentions[k];
        if (m->first <= s->first || m->prep || m->li || m->end >= s->end)
            continue;
        /* خرج آلاف المتظاهرين، خرج الآلاف من المتظاهرين: the count belongs to the subject */
        uint32_t c = cw_count_start(s, m->first);
        if (c == s->first)
            continue; /* nothing before the subject but its count */
        uint32_t v = c - 1;
        const raml_token *vt = cw_tok(s, v);
        /* a one-word verb trigger gives way to the phrase (أغلق المحتجون الطريق is the
         * protesters' road block, not أغلق "closed" alone) */
        int own = s->trigger_at[v - s->first];
        if (own >= 0 && (s->triggers[own].first != v || s->triggers[own].end != v + 1 ||
                         s->triggers[own].e->pos != RAML_POS_VERB))
            continue;
        if (s->mention_at[v - s->first] >= 0 || vt->kind != RAML_TOK_ARABIC ||
            (vt->proclitics & (RAML_PRO_AL | RAML_PRO_BI | RAML_PRO_LI)))
            continue;
        raml_token joined[1 + MAX_TAIL];
        uint32_t n = 1;
        joined[0] = *vt;
        /* خرج المتظاهرون أمس إلى الشوارع: a time phrase may follow the subject */
        uint32_t tail = cw_time_phrase_end(s, m->end);
        for (uint32_t j = tail; j < s->end && n < 1 + MAX_TAIL; j++)
            joined[n++] = *cw_tok(s, j);
        raml_lex_match found[4];
        size_t nf = raml_lexicon_match(s->lex, joined, 0, n, found, 4);
        if (!nf || found[0].first != 0 || found[0].count < 2)
            continue;
        const raml_lex_entry *trig = NULL;
        for (uint32_t e = 0; e < found[0].nentries; e++) {
            const raml_lex_entry *x = raml_lexicon_entry(s->lex, found[0].entries[e]);
            if (x->kind == RAML_ENT_TRIGGER && x->pos == RAML_POS_VERB &&
                (x->form == RAML_FORM_PERFECT || x->form == RAML_FORM_IMPERFECT) &&
                (!trig || (trig->form == RAML_FORM_IMPERFECT && x->form == RAML_FORM_PERFECT)))
                trig = x;
        }
        if (!trig)
            continue;
        cw_tracef(s, "  '%s' split by the subject at tokens %u-%u (R-SPLIT-PHRASE)", trig->id, m->first,
                  m->end - 1);
        if (own >= 0) {
            s->triggers[own].e = trig;
            s->triggers[own].split = true;
            s->triggers[own].tail = tail;
            continue;
        }
        s->triggers[s->ntriggers] = (cw_trigger){v, v + 1, trig, -1, false, false, true, tail};
        s->trigger_at[v - s->first] = (int16_t)s->ntriggers;
        s->ntriggers++;
    }
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
        /* إمام (imam) folds to امام like the preposition أمام: written with hamza below it
         * is the noun, so قتل مسلحون إمام مسجد has an object after its subject */
        if ((s->cls[i] & RAML_W_PREP) && t->norm && !strcmp(t->norm, "\xd8\xa7\xd9\x85\xd8\xa7\xd9\x85") &&
            starts_with_hamza_below(s, s->first + i))
            s->cls[i] &= ~(raml_wclass)RAML_W_PREP;
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
                init_mention(s, &atoms[na], NULL, i, i + 1, false);
                na++;
            }
            i++;
            continue;
        }
        mi++;
        const raml_lex_entry *actor = NULL, *trig = NULL, *former = NULL;
        bool masdar = false;
        for (uint32_t k = 0; k < m->nentries; k++) {
            const raml_lex_entry *e = raml_lexicon_entry(s->lex, m->entries[k]);
            /* أصيب is "was hurt" (perfect passive) far more often than "I hit" (imperfect,
             * first person): of two verb readings the perfect wins */
            if (e->kind == RAML_ENT_TRIGGER &&
                (!trig || (trig->form == RAML_FORM_IMPERFECT && e->form == RAML_FORM_PERFECT)))
                trig = e;
            else if (e->kind == RAML_ENT_CUE)
                add_cue(s, m->first, m->first + m->count, e->cue, e->id);
            else if (actor_rank(e) >= 0 && (!actor || actor_rank(e) > actor_rank(actor)) &&
                     !out_of_period(s, e))
                actor = e;
            else if (e->is_person && out_of_period(s, e) &&
                     (!former || years_away(s, e) < years_away(s, former)))
                former = e;
        }
        /* a person is still that person outside the years of their office (بوتو after her
         * death, a minister before he took office): when no row of the name fits the
         * article's year, the nearest one does */
        if (former && (!actor || actor_rank(former) > actor_rank(actor)))
            actor = former;
        /* مسيرة is a march as well as a drone: with no other word of arms, wounds or
         * targeting in the sentence it is the march */
        if (trig && strcmp(trig->plover_type, "PROTEST") != 0)
            for (uint32_t k = 0; k < m->nentries; k++) {
                const raml_lex_entry *e = raml_lexicon_entry(s->lex, m->entries[k]);
                if (e->kind == RAML_ENT_TRIGGER && !strcmp(e->plover_type, "PROTEST") &&
                    e->form == trig->form) {
                    if (!conflict_elsewhere(s, matches, nm, m))
                        trig = e;
                    break;
                }
            }
        /* أمام / امام is the preposition "in front of"; the sector noun إمام (imam) is
         * only read when the hamza is written below (cw_analyze took the class off then) */
        if (actor && actor->kind == RAML_ENT_SECTOR && m->count == 1 &&
            (s->cls[m->first - s->first] & RAML_W_PREP))
            actor = NULL;
        /* صلاة المغرب is the sunset prayer, not Morocco */
        if (actor && actor->kind == RAML_ENT_COUNTRY && m->first > s->first && cw_tok(s, m->first - 1)->stem &&
            !strcmp(cw_tok(s, m->first - 1)->stem, "\xd8\xb5\xd9\x84\xd8\xa7\xd9\x87"))
            actor = NULL;
        if (trig && trig->form == RAML_FORM_PERFECT && dawn_before_day(s, m->first)) {
            cw_tracef(s, "  '%s' is the dawn (فجر), no trigger (R-DAWN)", trig->id);
            trig = NULL;
        }
        /* a verb form never takes the article or ب: الضرب is a noun, not ضرب; nor tanwin:
         * قاتلاً is "a killer", not قاتل "fought" */
        bool tanwin = false;
        if (trig && (trig->form == RAML_FORM_PERFECT || trig->form == RAML_FORM_IMPERFECT) &&
            ((cw_tok(s, m->first)->proclitics & (RAML_PRO_AL | RAML_PRO_BI)) ||
             (tanwin = has_tanwin(s, m->first)) || after_preposition(s, m->first))) {
            if (tanwin)
                cw_tracef(s, "  '%s' carries tanwin: a noun, no verb trigger (R-TANWIN-NOUN)", trig->id);
            const raml_lex_entry *verb = trig;
            trig = NULL;
            /* R-MASDAR-NOUN: القصف، بخطف، للضرب — a one-word perfect spelling with the article
             * or ب is the verbal noun of the same event (form I masdars are spelled like the
             * verb): coded as an event noun, which must then show that it occurred */
            if (!tanwin && verb->form == RAML_FORM_PERFECT && m->count == 1 &&
                (trig = masdar_of(s, verb)))
                masdar = true;
        }
        if (trig && s->ntriggers < CW_MAX_ITEMS) {
            s->triggers[s->ntriggers] = (cw_trigger){m->first, m->first + m->count, trig, -1, false, masdar, false, 0};
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
            init_mention(s, &atoms[na], actor, m->first, m->first + m->count,
                         na > 0 && atoms[na - 1].end == m->first);
            na++;
        }
        i = m->first + m->count;
    }
    /* compose adjacent atoms into mentions */
    for (int a = 0; a < na && s->nmentions < CW_MAX_ITEMS; a++) {
        cw_mention cur = atoms[a];
        const raml_lex_entry *head = atom_e[a];
        while (a + 1 < na) {
            const cw_mention *nx = &atoms[a + 1];
            uint32_t gap = nx->first - cur.end;
            bool near = gap == 0 || (gap == 1 && adjective_gap(s, cur.end)) ||
                        title_before_name(s, &cur, head, atom_e[a + 1], nx->first);
            /* قتلت القوات الأميركية أبو مصعب الزرقاوي: a person is no apposition to a plural */
            if (cur.generic && atom_e[a + 1] && atom_e[a + 1]->is_person && sound_plural_in(s, &cur))
                near = false;
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
            /* مسلحون صوماليون مجهولون keep the demonym's country; a sector's default does not
             * survive "unidentified" */
            if (!cur.rule || strcmp(cur.rule, "R-SECTOR-DEMONYM") != 0)
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
    split_verb_phrases(s);
    announced_masdars(s);
    event_adjectives(s);
    dateline_mentions(s);
    capitals_in_names(s);
    amman_or_oman(s);
    possessor_countries(s);
    equipment_countries(s);
    /* A verbal noun of the same type in the same clause as a verb restates its event
     * (شن هجوما، قتل ... في هجوم): one event, the verb's. */
    for (int t = 0; t < s->ntriggers; t++) {
        cw_trigger *nt = &s->triggers[t];
        if (cw_chant(nt->e)) {
            /* a chant joins the sentence's protest: a protest word, else the protesters */
            for (int pass = 0; pass < 2 && nt->host < 0; pass++)
                for (int v = 0; v < s->ntriggers; v++)
                    if (v != t && !cw_chant(s->triggers[v].e) && s->triggers[v].host < 0 &&
                        !strcmp(s->triggers[v].e->plover_type, "PROTEST") &&
                        (pass == 1 || s->triggers[v].e->form != RAML_FORM_AGENT)) {
                        nt->host = v;
                        break;
                    }
            continue;
        }
        if (nt->e->form == RAML_FORM_AGENT) {
            /* المتظاهرون with تظاهر/مظاهرة in the sentence: the same protest */
            for (int v = 0; v < s->ntriggers; v++)
                if (v != t && s->triggers[v].e->form != RAML_FORM_AGENT && s->triggers[v].host < 0 &&
                    !cw_chant(s->triggers[v].e) &&
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
    /* هجوم بسيارة مفخخة، قصف بالصواريخ: an instrument phrase right after an attack noun
     * names the attack's means, not a second attack */
    for (int t = 1; t < s->ntriggers; t++) {
        cw_trigger *it = &s->triggers[t];
        const cw_trigger *prev = &s->triggers[t - 1];
        if (it->host < 0 && prev->end == it->first && it->e->pos != RAML_POS_VERB &&
            (cw_tok(s, it->first)->proclitics & RAML_PRO_BI) &&
            !strcmp(it->e->plover_type, prev->e->plover_type))
            it->host = prev->host >= 0 ? prev->host : t - 1;
    }
    /* one level: every restating trigger points at the event that is coded */
    for (int t = 0; t < s->ntriggers; t++)
        for (int guard = 0; s->triggers[t].host >= 0 && s->triggers[s->triggers[t].host].host >= 0 &&
                            guard < CW_MAX_ITEMS; guard++)
            s->triggers[t].host = s->triggers[s->triggers[t].host].host;
    fold_tolls(s);
}
