#include "cli/pipeline.h"

#include "cli/cli.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

/* A slot owns a private copy of one input document and the raml_doc it was coded into;
 * slots are reused batch after batch, so their buffers and arenas stop growing early. */
typedef struct slot {
    char *id, *url, *publisher, *pub_date, *title;
    char *text;
    size_t len, text_cap;
    long line;
    const char *path;
    raml_doc *doc;
    raml_status status;
    raml_error err;
} slot;

typedef struct batch {
    slot *slots;
    size_t n, cap;
    atomic_size_t next;
    const raml_lexicon *lex;
} batch;

bool cli_valid_date(const char *s)
{
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return false;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
        return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return !(m == 2 && d == 29 && !leap);
}

static char *dup_or_null(const char *s) { return s ? strdup(s) : NULL; }

static void slot_clear_meta(slot *s)
{
    free(s->id);
    free(s->url);
    free(s->publisher);
    free(s->pub_date);
    free(s->title);
    s->id = s->url = s->publisher = s->pub_date = s->title = NULL;
}

static bool slot_fill(slot *s, const raml_srcdoc *src, const char *path, const char *default_date)
{
    slot_clear_meta(s);
    s->id = dup_or_null(src->meta.id);
    s->url = dup_or_null(src->meta.url);
    s->publisher = dup_or_null(src->meta.publisher);
    s->title = dup_or_null(src->meta.title);
    const char *date = src->meta.pub_date && cli_valid_date(src->meta.pub_date)
                           ? src->meta.pub_date
                           : default_date;
    s->pub_date = dup_or_null(date);
    if (src->len + 1 > s->text_cap) {
        char *t = realloc(s->text, src->len + 1);
        if (!t)
            return false;
        s->text = t;
        s->text_cap = src->len + 1;
    }
    memcpy(s->text, src->text, src->len);
    s->text[src->len] = '\0';
    s->len = src->len;
    s->line = src->line;
    s->path = path;
    if (!s->doc && !(s->doc = raml_doc_new()))
        return false;
    return s->id != NULL;
}

static void code_slot(const raml_lexicon *lex, slot *s)
{
    raml_doc_meta meta = {s->id, s->url, s->publisher, s->pub_date, s->title};
    raml_error_clear(&s->err);
    s->status = raml_doc_code(s->doc, lex, &meta, s->text, s->len, &s->err);
}

static void *worker(void *arg)
{
    batch *b = arg;
    for (;;) {
        size_t i = atomic_fetch_add(&b->next, 1);
        if (i >= b->n)
            return NULL;
        code_slot(b->lex, &b->slots[i]);
    }
}

static void code_batch(batch *b, unsigned threads)
{
    atomic_store(&b->next, 0);
    if (threads <= 1 || b->n < 2) {
        worker(b);
        return;
    }
    pthread_t tids[64];
    unsigned started = 0;
    for (unsigned t = 1; t < threads && t < 64; t++)
        if (pthread_create(&tids[started], NULL, worker, b) == 0)
            started++;
    worker(b); /* the calling thread works too */
    for (unsigned t = 0; t < started; t++)
        pthread_join(tids[t], NULL);
}

static void report_issues(const slot *s)
{
    size_t n = raml_doc_issue_count(s->doc);
    if (!n)
        return;
    const size_t shown = 3;
    for (size_t i = 0; i < n && i < shown; i++) {
        const raml_issue *is = raml_doc_issue(s->doc, i);
        if (s->line > 0)
            fprintf(stderr, "raml: %s:%ld: document %s: byte %ld: %s\n", s->path, s->line, s->id,
                    is->offset, is->message);
        else
            fprintf(stderr, "raml: %s: byte %ld: %s\n", s->path, is->offset, is->message);
    }
    if (n > shown)
        fprintf(stderr, "raml: %s: %zu more problems of this kind (binary or badly encoded input?)\n",
                s->path, n - shown);
}

/* Emits the finished batch in order; returns the callback's verdict. */
static int flush_batch(batch *b, cli_doc_fn fn, void *ctx, cli_pipeline_stats *st)
{
    int rc = 0;
    for (size_t i = 0; i < b->n && rc == 0; i++) {
        slot *s = &b->slots[i];
        if (s->status != RAML_OK) {
            cli_report(&s->err);
            return EXIT_INTERNAL;
        }
        if (raml_doc_issue_count(s->doc)) {
            report_issues(s);
            st->bad_inputs++;
        }
        st->documents++;
        st->events += raml_doc_event_count(s->doc);
        st->sentences += raml_doc_sentence_count(s->doc);
        st->bytes += s->len;
        raml_srcdoc src = {.meta = {s->id, s->url, s->publisher, s->pub_date, s->title},
                           .text = s->text,
                           .len = s->len,
                           .line = s->line};
        rc = fn(ctx, s->doc, &src);
    }
    b->n = 0;
    return rc;
}

int cli_pipeline_run(const cli_pipeline_opts *opts, char **paths, int npaths, cli_doc_fn fn,
                     void *ctx, cli_pipeline_stats *st)
{
    memset(st, 0, sizeof *st);
    unsigned threads = opts->threads ? opts->threads : 1;
    batch b = {.lex = opts->lex};
    /* Enough documents per batch that every worker stays busy while sizes vary. */
    b.cap = threads > 1 ? 32u * threads : 1;
    b.slots = calloc(b.cap, sizeof *b.slots);
    if (!b.slots) {
        cli_errorf("out of memory");
        return EXIT_INTERNAL;
    }
    int rc = 0;
    for (int p = 0; p < npaths && rc == 0; p++) {
        raml_docsrc *src = NULL;
        raml_error err;
        raml_error_clear(&err);
        if (raml_docsrc_open(paths[p], opts->jsonl, &src, &err) != RAML_OK) {
            cli_report(&err);
            st->bad_inputs++;
            continue;
        }
        for (;;) {
            raml_srcdoc doc;
            bool has = false;
            raml_status s = raml_docsrc_next(src, &doc, &has, &err);
            if (s == RAML_ERR_INPUT) {
                cli_report(&err);
                st->bad_inputs++;
                continue;
            }
            if (s != RAML_OK) {
                cli_report(&err);
                rc = EXIT_INTERNAL;
                break;
            }
            if (!has)
                break;
            if (!opts->jsonl && doc.len == 0) {
                cli_errorf("%s: empty file", paths[p]);
                st->bad_inputs++;
                continue;
            }
            if (!slot_fill(&b.slots[b.n], &doc, paths[p], opts->default_date)) {
                cli_errorf("out of memory");
                rc = EXIT_INTERNAL;
                break;
            }
            if (++b.n == b.cap) {
                code_batch(&b, threads);
                rc = flush_batch(&b, fn, ctx, st);
                if (rc)
                    break;
            }
        }
        /* A batch never spans two files' lifetimes in a way that matters: slots own copies. */
        raml_docsrc_close(src);
    }
    if (rc == 0 && b.n) {
        code_batch(&b, threads);
        rc = flush_batch(&b, fn, ctx, st);
    }
    for (size_t i = 0; i < b.cap; i++) {
        slot_clear_meta(&b.slots[i]);
        free(b.slots[i].text);
        raml_doc_free(b.slots[i].doc);
    }
    free(b.slots);
    return rc;
}
