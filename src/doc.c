/* A document: the arena that owns everything coded from one text, and the pipeline that
 * fills it — text layer, lexicon interning, coder, then places, dates and counts. */
#include "raml.h"

#include "coder/coder.h"
#include "count/count.h"
#include "geo/geo.h"
#include "lexicon/lexicon.h"
#include "text/text.h"
#include "time/time.h"
#include "util/arena.h"

#include <stdlib.h>
#include <string.h>

struct raml_doc {
    raml_arena arena;
    raml_doc_meta meta; /* strings copied into the arena */
    raml_text text;
    raml_event *events;
    size_t nevents;
    char doc_date[11];
};

raml_doc *raml_doc_new(void)
{
    raml_doc *d = calloc(1, sizeof *d);
    if (d)
        raml_arena_init(&d->arena, 256 * 1024);
    return d;
}

void raml_doc_free(raml_doc *doc)
{
    if (!doc)
        return;
    raml_arena_free(&doc->arena);
    free(doc);
}

static const char *copy_or_null(raml_arena *a, const char *s)
{
    return s ? raml_arena_strdup(a, s) : NULL;
}

raml_status raml_doc_code_traced(raml_doc *doc, const raml_lexicon *lex, const raml_doc_meta *meta,
                                 const char *bytes, size_t len, const raml_trace *trace,
                                 raml_error *err)
{
    raml_error_clear(err);
    if (!doc || !lex || !meta || !meta->id || (!bytes && len))
        return raml_error_set(err, RAML_ERR_USAGE, NULL, 0, -1, "raml_doc_code: missing argument");
    raml_arena_reset(&doc->arena);
    memset(&doc->text, 0, sizeof doc->text);
    doc->events = NULL;
    doc->nevents = 0;
    doc->doc_date[0] = '\0';

    raml_arena *a = &doc->arena;
    doc->meta.id = copy_or_null(a, meta->id);
    doc->meta.url = copy_or_null(a, meta->url);
    doc->meta.publisher = copy_or_null(a, meta->publisher);
    doc->meta.pub_date = copy_or_null(a, meta->pub_date);
    doc->meta.title = copy_or_null(a, meta->title);

    raml_text_opts opts = {.guard = raml_lexicon_guard(lex), .max_sentence_tokens = 0};
    raml_status st = raml_text_analyze(a, bytes ? bytes : "", len, &opts, &doc->text, err);
    if (st != RAML_OK)
        return st;
    raml_lexicon_intern_tokens(lex, doc->text.tokens, doc->text.ntokens);

    /* the date first: the coder needs the year for time-bound actor rows */
    raml_time_doc_date(raml_lexicon_timelex(lex), &doc->text, doc->meta.pub_date, doc->doc_date);
    int year = 0;
    for (int i = 0; i < 4 && doc->doc_date[i] >= '0' && doc->doc_date[i] <= '9'; i++)
        year = year * 10 + (doc->doc_date[i] - '0');
    if (year < 1000)
        year = 0;
    st = raml_code_text(lex, a, &doc->text, year, &doc->events, &doc->nevents, trace, err);
    if (st != RAML_OK)
        return st;
    if (doc->nevents) {
        st = raml_geo_locate(raml_lexicon_gazetteer(lex), a, &doc->text, doc->events, doc->nevents,
                             trace, err);
        if (st == RAML_OK)
            st = raml_time_date_events(raml_lexicon_timelex(lex), a, &doc->text, doc->doc_date,
                                       doc->events, doc->nevents, trace, err);
        if (st == RAML_OK)
            st = raml_count_casualties(raml_timelex_casualties(raml_lexicon_timelex(lex)),
                                       raml_lexicon_numwords(lex), a, &doc->text, doc->events,
                                       doc->nevents, trace, err);
        if (st != RAML_OK)
            return st;
        /* last: it reads the place and the casualty counts */
        raml_code_place_countries(doc->events, doc->nevents, trace);
    }
    if (a->failed)
        return raml_error_set(err, RAML_ERR_INTERNAL, meta->id, 0, -1, "out of memory");
    return RAML_OK;
}

raml_status raml_doc_code(raml_doc *doc, const raml_lexicon *lex, const raml_doc_meta *meta,
                          const char *bytes, size_t len, raml_error *err)
{
    return raml_doc_code_traced(doc, lex, meta, bytes, len, NULL, err);
}

const raml_doc_meta *raml_doc_get_meta(const raml_doc *doc) { return &doc->meta; }

const char *raml_doc_text(const raml_doc *doc, size_t *len)
{
    if (len)
        *len = doc->text.len;
    return doc->text.text;
}

size_t raml_doc_event_count(const raml_doc *doc) { return doc->nevents; }

const raml_event *raml_doc_event(const raml_doc *doc, size_t i)
{
    return i < doc->nevents ? &doc->events[i] : NULL;
}

size_t raml_doc_issue_count(const raml_doc *doc) { return doc->text.nissues; }

const raml_issue *raml_doc_issue(const raml_doc *doc, size_t i)
{
    return i < doc->text.nissues ? &doc->text.issues[i] : NULL;
}

size_t raml_doc_sentence_count(const raml_doc *doc) { return doc->text.nsentences; }

const raml_text *raml_doc_analysis(const raml_doc *doc) { return &doc->text; }

const char *raml_doc_date(const raml_doc *doc) { return doc->doc_date; }
