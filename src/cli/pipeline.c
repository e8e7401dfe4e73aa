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

static void code_batch(batch *b)
{
    atomic_store(&b->next, 0);
    worker(b);
}

/* Worker threads that live as long as the run: a batch is coded in the background while the
 * calling thread reads the next batch and writes out the previous one (reading and writing are
 * serial). The threads persist because each keeps per-thread state warm (the text layer's
 * segmentation cache), which a thread per batch would rebuild every time. */
typedef struct pool {
    pthread_mutex_t mu;
    pthread_cond_t work, done;
    batch *job;
    unsigned long generation; /* bumped for every batch handed out */
    unsigned busy;            /* workers still on the current batch */
    bool quit;
    pthread_t tids[64];
    unsigned nthreads;
} pool;

static void *pool_main(void *arg)
{
    pool *p = arg;
    unsigned long seen = 0;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (!p->quit && p->generation == seen)
            pthread_cond_wait(&p->work, &p->mu);
        if (p->quit)
            break;
        seen = p->generation;
        batch *b = p->job;
        pthread_mutex_unlock(&p->mu);
        worker(b);
        pthread_mutex_lock(&p->mu);
        if (--p->busy == 0)
            pthread_cond_signal(&p->done);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

static bool pool_start(pool *p, unsigned threads)
{
    memset(p, 0, sizeof *p);
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->work, NULL);
    pthread_cond_init(&p->done, NULL);
    for (unsigned t = 0; t < threads && t < 64; t++)
        if (pthread_create(&p->tids[p->nthreads], NULL, pool_main, p) == 0)
            p->nthreads++;
    return p->nthreads > 0;
}

static void pool_submit(pool *p, batch *b)
{
    atomic_store(&b->next, 0);
    pthread_mutex_lock(&p->mu);
    p->job = b;
    p->busy = p->nthreads;
    p->generation++;
    pthread_cond_broadcast(&p->work);
    pthread_mutex_unlock(&p->mu);
}

static void pool_wait(pool *p)
{
    pthread_mutex_lock(&p->mu);
    while (p->busy > 0)
        pthread_cond_wait(&p->done, &p->mu);
    pthread_mutex_unlock(&p->mu);
}

static void pool_stop(pool *p)
{
    pthread_mutex_lock(&p->mu);
    p->quit = true;
    pthread_cond_broadcast(&p->work);
    pthread_mutex_unlock(&p->mu);
    for (unsigned t = 0; t < p->nthreads; t++)
        pthread_join(p->tids[t], NULL);
    pthread_cond_destroy(&p->work);
    pthread_cond_destroy(&p->done);
    pthread_mutex_destroy(&p->mu);
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

/* Where reading stands: the input file being read and the ones still to open. */
typedef struct reader {
    const cli_pipeline_opts *opts;
    char **paths;
    int npaths, next_path;
    raml_docsrc *src;
    int src_path;
    cli_pipeline_stats *st;
    bool failed; /* out of memory or an unreadable stream: stop */
} reader;

/* Fills b up to its capacity from the inputs; false once everything has been read. */
static bool fill_batch(reader *r, batch *b)
{
    while (b->n < b->cap && !r->failed) {
        if (!r->src) {
            if (r->next_path >= r->npaths)
                return b->n > 0;
            raml_error err;
            raml_error_clear(&err);
            r->src_path = r->next_path++;
            if (raml_docsrc_open(r->paths[r->src_path], r->opts->jsonl, &r->src, &err) != RAML_OK) {
                cli_report(&err);
                r->st->bad_inputs++;
                r->src = NULL;
            }
            continue;
        }
        raml_srcdoc doc;
        bool has = false;
        raml_error err;
        raml_error_clear(&err);
        raml_status s = raml_docsrc_next(r->src, &doc, &has, &err);
        if (s == RAML_ERR_INPUT) {
            cli_report(&err);
            r->st->bad_inputs++;
            continue;
        }
        if (s != RAML_OK) {
            cli_report(&err);
            r->failed = true;
            break;
        }
        if (!has) {
            /* slots own copies of their text, so a batch may span files */
            raml_docsrc_close(r->src);
            r->src = NULL;
            continue;
        }
        const char *path = r->paths[r->src_path];
        if (!r->opts->jsonl && doc.len == 0) {
            cli_errorf("%s: empty file", path);
            r->st->bad_inputs++;
            continue;
        }
        if (!slot_fill(&b->slots[b->n], &doc, path, r->opts->default_date)) {
            cli_errorf("out of memory");
            r->failed = true;
            break;
        }
        b->n++;
    }
    return b->n > 0;
}

static bool batch_alloc(batch *b, const raml_lexicon *lex, size_t cap)
{
    memset(b, 0, sizeof *b);
    b->lex = lex;
    b->cap = cap;
    b->slots = calloc(cap, sizeof *b->slots);
    return b->slots != NULL;
}

static void batch_free(batch *b)
{
    for (size_t i = 0; b->slots && i < b->cap; i++) {
        slot_clear_meta(&b->slots[i]);
        free(b->slots[i].text);
        raml_doc_free(b->slots[i].doc);
    }
    free(b->slots);
}

int cli_pipeline_run(const cli_pipeline_opts *opts, char **paths, int npaths, cli_doc_fn fn,
                     void *ctx, cli_pipeline_stats *st)
{
    memset(st, 0, sizeof *st);
    unsigned threads = opts->threads ? opts->threads : 1;
    reader r = {.opts = opts, .paths = paths, .npaths = npaths, .st = st};
    int rc = 0;
    pool workers;
    bool parallel = threads > 1 && pool_start(&workers, threads);
    if (!parallel) {
        batch b;
        if (!batch_alloc(&b, opts->lex, 1)) {
            cli_errorf("out of memory");
            return EXIT_INTERNAL;
        }
        while (rc == 0 && fill_batch(&r, &b)) {
            code_batch(&b);
            rc = flush_batch(&b, fn, ctx, st);
        }
        batch_free(&b);
    } else {
        /* Enough documents per batch that every worker stays busy while sizes vary; two
         * batches, one being coded while the other is written out and refilled. */
        batch bs[2];
        bool ok0 = batch_alloc(&bs[0], opts->lex, 32u * threads);
        bool ok1 = batch_alloc(&bs[1], opts->lex, 32u * threads);
        int cur = 0;
        bool pending = ok0 && ok1 && fill_batch(&r, &bs[cur]);
        if (!ok0 || !ok1) {
            cli_errorf("out of memory");
            rc = EXIT_INTERNAL;
        }
        if (pending)
            pool_submit(&workers, &bs[cur]);
        while (pending) {
            int other = 1 - cur;
            bool more = rc == 0 && fill_batch(&r, &bs[other]);
            pool_wait(&workers);
            if (more)
                pool_submit(&workers, &bs[other]);
            if (rc == 0)
                rc = flush_batch(&bs[cur], fn, ctx, st);
            bs[cur].n = 0;
            if (rc != 0 && more) {
                pool_wait(&workers);
                more = false;
            }
            pending = more;
            cur = other;
        }
        pool_stop(&workers);
        batch_free(&bs[0]);
        batch_free(&bs[1]);
    }
    if (r.src)
        raml_docsrc_close(r.src);
    if (rc == 0 && r.failed)
        rc = EXIT_INTERNAL;
    return rc;
}
