/*
 * The event–place link. For each event, in order:
 *   clause         — the first place after the trigger before the clause ends (a comma or
 *                    other clause punctuation, or the next event's trigger in the sentence);
 *   sentence       — else the place of the sentence nearest to the trigger;
 *   document_focus — else the dateline place ("طرابلس - 12 يوليو" on the first line), or the
 *                    most mentioned place of the document (the earliest on a tie).
 * A place named inside an actor (قوات سوريا الديمقراطية، كتائب مصراتة، حكومة طرابلس) says who
 * acted, not where: such mentions are taken only when the sentence has no other place. A
 * quarter, street or similar followed by its town (حي الصابري ببنغازي، طريق المطار في بيروت)
 * gives way to the town: the event is coded at settlement level, and a generic quarter name
 * may belong to another city.
 * The span is the place name (or the anaphoric noun: المدينة in "غرب المدينة"). A relative
 * position keeps the named place's coordinates: we do not offset the point, precision
 * (near_town / sub_country_region) says it is approximate.
 */
#include "geo/toponym.h"

#include <stdlib.h>
#include <string.h>


static bool clause_break(const raml_token *t)
{
    if (t->kind != RAML_TOK_PUNCT || !t->norm)
        return false;
    return strchr(",;:.!?()[]\"", t->norm[0]) != NULL || strcmp(t->norm, "\xD8\x8C") == 0 ||
           strcmp(t->norm, "\xD8\x9B") == 0;
}

static int dateline_focus(const raml_text *text, const geo_mention *ms, size_t n)
{
    if (!n || !text->ntokens)
        return -1;
    const char *nl = memchr(text->text, '\n', text->len);
    uint32_t line_end = nl ? (uint32_t)(nl - text->text) : (uint32_t)text->len;
    const geo_mention *m = &ms[0];
    if (m->place < 0 || text->tokens[m->first].bstart >= line_end || m->ctx_first > 2)
        return -1;
    size_t after = m->first + m->count;
    if (after < text->ntokens && text->tokens[after].kind == RAML_TOK_PUNCT &&
        text->tokens[after].bstart < line_end && (text->tokens[after].norm[0] == '-' ||
                                                  text->tokens[after].norm[0] == ':'))
        return 0;
    return -1;
}

/* بغداد - ا ف ب:، لندن ـ «وكالات»: a place followed by a dash is a dateline, where the story
 * was filed. It is no "sentence" place of the events told after it; the document focus may
 * still fall back on it. */
static bool before_dash(const raml_text *t, const geo_mention *m)
{
    return raml_token_is_dash(t, m->first + m->count);
}

/* اتفاق أبوجا، قمة الرياض: the place names a meeting held elsewhere in time; it is not where
 * the reported event happens. */
static bool names_meeting(const raml_text *t, const geo_mention *m)
{
    return m->first > 0 && raml_token_names_meeting(t, m->first - 1);
}

static int most_mentioned(const raml_text *text, const geo_mention *ms, size_t n)
{
    int best = -1, bestn = 0;
    for (size_t i = 0; i < n; i++) {
        if (ms[i].place < 0 || names_meeting(text, &ms[i]))
            continue;
        int c = 0;
        for (size_t j = 0; j < n; j++)
            c += ms[j].place == ms[i].place;
        if (c > bestn) {
            best = (int)i;
            bestn = c;
        }
        if (n > 64 && i > 64)
            break; /* keeps long documents linear enough; the focus is named early */
    }
    return best;
}

static void fill(const raml_gazetteer *g, raml_arena *a, const raml_text *t, const geo_mention *m,
                 const char *method, raml_location *loc)
{
    const raml_token *f = &t->tokens[m->first], *l = &t->tokens[m->first + m->count - 1];
    const geo_place *p = &g->places[m->place];
    loc->present = true;
    loc->span.text = raml_arena_strndup(a, t->text + f->bstart, l->bend - f->bstart);
    loc->span.bstart = f->bstart;
    loc->span.bend = l->bend;
    loc->span.start = f->cstart;
    loc->span.end = l->cend;
    loc->resolved_name = p->name_en;
    loc->name_ar = p->name_ar;
    memcpy(loc->country, p->iso3, 4);
    loc->admin1 = p->admin1;
    loc->lat = p->lat;
    loc->lon = p->lon;
    loc->precision = m->precision;
    loc->method = method;
}

/* Is the mention part of a longer actor name of an event of its sentence, or a country that
 * is the whole name of an event's agent (تبرعت قطر ... في غزة)? A city that is the whole actor
 * (العاصمة الصومالية مقديشو, a capital the coder reads as its government) does not count: it
 * usually locates the event as well. */
static bool in_actor(const raml_gazetteer *g, const raml_text *t, const geo_mention *m,
                     const raml_event *events, size_t nevents)
{
    bool country = m->place >= 0 && g->places[m->place].feature == GEO_F_COUNTRY;
    uint32_t b0 = t->tokens[m->first].bstart, b1 = t->tokens[m->first + m->count - 1].bend;
    for (size_t e = 0; e < nevents; e++) {
        if (events[e].sentence_index != m->sent)
            continue;
        for (int k = 0; k < events[e].nactors; k++) {
            const raml_span *sp = &events[e].actors[k].span;
            if (b0 >= sp->bstart && b1 <= sp->bend &&
                (sp->bend - sp->bstart > b1 - b0 ||
                 (country && events[e].actors[k].role == RAML_ROLE_ACTOR)))
                return true;
        }
    }
    return false;
}

static bool sub_town(const raml_gazetteer *g, const geo_mention *m)
{
    geo_feature f = g->places[m->place].feature;
    return m->ref < 0 && (f == GEO_F_DISTRICT || m->hint == GEO_F_DISTRICT);
}

static bool settlement(const raml_gazetteer *g, const geo_mention *m)
{
    geo_feature f = g->places[m->place].feature;
    return f == GEO_F_CAPITAL || f == GEO_F_CITY || f == GEO_F_TOWN || f == GEO_F_VILLAGE;
}

/* The town right after a quarter (at most a preposition between), or the quarter itself. */
static const geo_mention *town_of(const raml_gazetteer *g, const geo_mention *ms, size_t n,
                                  const geo_mention *pick)
{
    if (!pick || !sub_town(g, pick))
        return pick;
    size_t i = (size_t)(pick - ms) + 1;
    if (i < n && ms[i].sent == pick->sent && ms[i].place >= 0 && ms[i].ref < 0 &&
        ms[i].ctx_first <= pick->first + pick->count + 1 && settlement(g, &ms[i]))
        return &ms[i];
    return pick;
}

raml_status raml_geo_locate(const raml_gazetteer *g, raml_arena *arena, const raml_text *text,
                            raml_event *events, size_t nevents, const raml_trace *trace,
                            raml_error *err)
{
    if (!g || !text || !text->ntokens || !nevents)
        return RAML_OK;
    geo_mention *ms;
    size_t n;
    if (geo_find_mentions(g, arena, text, &ms, &n) != RAML_OK || arena->failed)
        return raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "geo: out of memory");
    if (!n)
        return RAML_OK;
    geo_resolve(g, ms, n, events, nevents);
    bool *actor_all = raml_arena_alloc(arena, n * sizeof *actor_all);
    if (!actor_all)
        return raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "geo: out of memory");
    for (size_t i = 0; i < n; i++)
        actor_all[i] = in_actor(g, text, &ms[i], events, nevents);
    int focus = dateline_focus(text, ms, n);
    if (focus < 0)
        focus = most_mentioned(text, ms, n);

    size_t lo; /* first mention of the event's sentence */
    for (size_t e = 0; e < nevents; e++) {
        raml_event *ev = &events[e];
        uint32_t s = ev->sentence_index;
        if (s >= text->nsentences)
            continue;
        size_t hi = n;
        lo = 0;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (ms[mid].sent < s)
                lo = mid + 1;
            else
                hi = mid;
        }
        const bool *actor_mention = actor_all + lo;
        const raml_sentence *se = &text->sentences[s];
        size_t send = (size_t)se->first + se->count;
        size_t t0 = raml_token_at(text, ev->trigger.bstart);
        size_t t1 = t0;
        while (t1 + 1 < send && text->tokens[t1 + 1].bend <= ev->trigger.bend)
            t1++;
        size_t cend = send;
        for (size_t k = 0; k < nevents; k++) {
            if (k == e || events[k].sentence_index != s || events[k].trigger.bstart <= ev->trigger.bend)
                continue;
            size_t tk = raml_token_at(text, events[k].trigger.bstart);
            if (tk < cend)
                cend = tk;
        }
        for (size_t k = t1 + 1; k < cend; k++)
            if (clause_break(&text->tokens[k])) {
                cend = k;
                break;
            }
        const geo_mention *pick = NULL;
        const char *method = NULL;
        /* pass 0 skips places inside actor names; pass 1 takes them */
        for (int pass = 0; pass < 2 && !pick; pass++) {
            for (size_t i = lo; i < n && ms[i].sent == s; i++) {
                if (ms[i].place < 0 || (!pass && actor_mention[i - lo]) || names_meeting(text, &ms[i]))
                    continue;
                if (ms[i].ctx_first > t1 && ms[i].first < cend) {
                    pick = &ms[i];
                    method = "clause";
                    break;
                }
            }
            size_t bestd = (size_t)-1;
            for (size_t i = lo; !pick && i < n && ms[i].sent == s; i++) {
                if (ms[i].place < 0 || (!pass && actor_mention[i - lo]) || before_dash(text, &ms[i]) ||
                    names_meeting(text, &ms[i]))
                    continue;
                size_t d = ms[i].first > t0 ? ms[i].first - t0 : t0 - ms[i].first;
                if (d < bestd) {
                    bestd = d;
                    pick = &ms[i];
                    method = "sentence";
                }
            }
        }
        pick = town_of(g, ms, n, pick);
        if (!pick && focus >= 0) {
            pick = &ms[focus];
            method = "document_focus";
        }
        if (pick)
            fill(g, arena, text, pick, method, &ev->location);
    }
    if (arena->failed)
        return raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "geo: out of memory");
    return RAML_OK;
}
