/* raml ingest — code documents and store them (SQLite file or PostgreSQL URL), then
 * cluster the new events with what is already stored. */
#include "cli/cli.h"
#include "cli/pipeline.h"
#include "doc.h"
#include "lexicon/lexicon.h"
#include "store/store.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

void help_ingest(FILE *out)
{
    fprintf(out,
            "usage: raml ingest --db PATH|postgresql://... [options] FILE...\n"
            "\n"
            "Code documents and store them with their events. A document is identified by its\n"
            "id and content: ingesting it again changes nothing; a changed text replaces its\n"
            "events. After storing, events reported by several documents are clustered.\n"
            "\n"
            "options:\n"
            "  --db PATH|URL      SQLite file (created when missing) or postgresql:// URL\n"
            "  --jsonl            inputs are JSON Lines: {\"id\",\"text\",\"date\"?,\"title\"?,\"url\"?,\"publisher\"?}\n"
            "  --date YYYY-MM-DD  publication date for documents that carry none\n"
            "  -j N               code on N threads\n"
            "  --batch N          documents per transaction (default 2000; a batch also ends\n"
            "                     after 2 seconds)\n"
            "  --no-dedup         skip clustering\n"
            "  --data DIR         dictionary directory\n"
            "  --quiet            no progress bar or summary\n"
            "\n"
            "exit codes: 0 ok; 1 usage; 2 some input unreadable or malformed (reported with file\n"
            "and line; the rest was stored); 3 storage or internal error (the open batch is\n"
            "rolled back, earlier batches stay).\n"
            "\n"
            "example:\n"
            "  raml ingest --db events.db --jsonl news.jsonl\n");
}

typedef struct ingest_ctx {
    raml_store *store;
    const char *dict_version;
    const raml_wordset *guard;
    unsigned long batch, in_batch;
    double batch_t0; /* when the open batch began */
    unsigned long docs, fresh, unchanged, replaced, events;
    bool progress;
    unsigned long long bytes_total, bytes_done;
    double t0, last_draw;
} ingest_ctx;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void draw(ingest_ctx *c, bool final)
{
    double t = now_s();
    if (!final && t - c->last_draw < 0.2)
        return;
    c->last_draw = t;
    double el = t - c->t0 > 1e-6 ? t - c->t0 : 1e-6;
    double frac = c->bytes_total ? (double)c->bytes_done / (double)c->bytes_total : 0;
    if (frac > 1)
        frac = 1;
    int w = 30, fill = (int)(frac * w);
    char bar[32];
    for (int i = 0; i < w; i++)
        bar[i] = i < fill ? '#' : '.';
    bar[w] = '\0';
    double eta = frac > 0 ? el * (1 - frac) / frac : 0;
    fprintf(stderr, "\r[%s] %3.0f%% %lu docs %.0f docs/s ETA %02d:%02d ", bar, frac * 100, c->docs,
            (double)c->docs / el, (int)(eta / 60), (int)eta % 60);
    if (final)
        fputc('\n', stderr);
}

static int on_doc(void *ctx, const raml_doc *doc, const raml_srcdoc *src)
{
    ingest_ctx *c = ctx;
    raml_error err;
    raml_error_clear(&err);
    size_t len;
    const char *text = raml_doc_text(doc, &len);
    const raml_doc_meta *meta = raml_doc_get_meta(doc);
    char hash[17];
    raml_store_hash(meta, text, len, c->dict_version, hash);
    size_t n = raml_doc_event_count(doc);
    const raml_event **evs = n ? malloc(n * sizeof *evs) : NULL;
    if (n && !evs) {
        cli_errorf("out of memory");
        return EXIT_INTERNAL;
    }
    for (size_t i = 0; i < n; i++)
        evs[i] = raml_doc_event(doc, i);
    raml_store_doc d = {.meta = meta, .text = text, .len = len, .hash = hash,
                        .dict_version = c->dict_version, .events = evs, .nevents = n,
                        .analysis = raml_doc_analysis(doc), .guard = c->guard};
    raml_put_result res;
    if (c->in_batch == 0) {
        if (raml_store_begin(c->store, &err) != RAML_OK) {
            free(evs);
            cli_report(&err);
            return EXIT_INTERNAL;
        }
        c->batch_t0 = now_s();
    }
    raml_status st = raml_store_put_document(c->store, &d, &res, &err);
    free(evs);
    if (st != RAML_OK) {
        cli_report(&err);
        return EXIT_INTERNAL;
    }
    c->docs++;
    c->bytes_done += src->len;
    if (res == RAML_PUT_UNCHANGED) {
        c->unchanged++;
    } else {
        res == RAML_PUT_NEW ? c->fresh++ : c->replaced++;
        c->events += n;
    }
    /* Another writer waits for the open batch (up to the store's busy timeout, 10 s), and
     * coding happens inside it: long documents end a batch after 2 s, whatever its size. */
    if (++c->in_batch >= c->batch || now_s() - c->batch_t0 >= 2.0) {
        c->in_batch = 0;
        if (raml_store_commit(c->store, &err) != RAML_OK) {
            cli_report(&err);
            return EXIT_INTERNAL;
        }
    }
    if (c->progress)
        draw(c, false);
    return 0;
}

int cmd_ingest(int argc, char **argv)
{
    cli_pipeline_opts opts = {.threads = 1};
    const char *db = NULL, *data_dir = NULL;
    bool quiet = false, dedup = true;
    /* Each commit writes every page the batch touched, and the filter indexes are touched
     * all over: 2000 documents a commit cost a third of what 500 did (about a second of
     * work per batch, still short for a waiting writer and for what a crash can lose). */
    unsigned long batch = 2000;
    char **files = calloc((size_t)argc, sizeof *files);
    int nfiles = 0, rc = EXIT_USAGE;
    if (!files)
        return EXIT_INTERNAL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *next = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--db") == 0) {
            if (!next) {
                cli_errorf("ingest: --db needs a path or URL");
                goto out;
            }
            db = argv[++i];
        } else if (strcmp(a, "--jsonl") == 0) {
            opts.jsonl = true;
        } else if (strcmp(a, "--date") == 0) {
            if (!next || !cli_valid_date(next)) {
                cli_errorf("ingest: --date wants a valid YYYY-MM-DD date");
                goto out;
            }
            opts.default_date = argv[++i];
        } else if (strncmp(a, "-j", 2) == 0) {
            const char *v = a[2] ? a + 2 : next;
            if (!a[2])
                i++;
            unsigned long n = 0;
            if (!cli_parse_uint("-j", v, 64, &n) || n == 0) {
                if (v && n == 0)
                    cli_errorf("ingest: -j wants 1 to 64");
                goto out;
            }
            opts.threads = (unsigned)n;
        } else if (strcmp(a, "--batch") == 0) {
            if (!cli_parse_uint("--batch", next, 1000000, &batch) || batch == 0)
                goto out;
            i++;
        } else if (strcmp(a, "--no-dedup") == 0) {
            dedup = false;
        } else if (strcmp(a, "--data") == 0) {
            if (!next) {
                cli_errorf("ingest: --data needs a directory");
                goto out;
            }
            data_dir = argv[++i];
        } else if (strcmp(a, "--quiet") == 0 || strcmp(a, "-q") == 0) {
            quiet = true;
        } else if (strcmp(a, "-") == 0 || a[0] != '-') {
            files[nfiles++] = argv[i];
        } else {
            cli_errorf("ingest: unknown option '%s'", a);
            fprintf(stderr, "Use raml ingest --help for the options.\n");
            goto out;
        }
    }
    if (!db) {
        cli_errorf("ingest: --db PATH or --db postgresql://... is required");
        goto out;
    }
    if (nfiles == 0) {
        cli_errorf("ingest: no input files (use - for stdin)");
        goto out;
    }
    rc = EXIT_INTERNAL;
    /* SQLite counts every allocation under a global mutex for sqlite3_memory_used(), which
     * raml never asks: a twentieth of an ingest's instructions. Process-wide, so the
     * command sets it, not the library; it must come before SQLite initialises and is
     * refused harmlessly after. */
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    raml_error err;
    raml_error_clear(&err);
    raml_store *store = NULL;
    if (raml_store_open(db, false, &store, &err) != RAML_OK) {
        cli_report(&err);
        goto out;
    }
    raml_lexicon *lex = cli_load_lexicon(data_dir);
    if (!lex) {
        raml_store_close(store);
        goto out;
    }
    opts.lex = lex;
    ingest_ctx c = {.store = store, .dict_version = raml_lexicon_version(lex),
                    .guard = raml_lexicon_guard(lex), .batch = batch,
                    .progress = !quiet && isatty(2), .t0 = now_s()};
    for (int i = 0; i < nfiles; i++) {
        struct stat sb;
        if (strcmp(files[i], "-") != 0 && stat(files[i], &sb) == 0)
            c.bytes_total += (unsigned long long)sb.st_size;
    }
    cli_pipeline_stats st;
    int prc = cli_pipeline_run(&opts, files, nfiles, on_doc, &c, &st);
    if (prc == 0 && c.in_batch && raml_store_commit(store, &err) != RAML_OK) {
        cli_report(&err);
        prc = EXIT_INTERNAL;
    }
    if (prc)
        raml_store_rollback(store);
    if (c.progress)
        draw(&c, true);
    unsigned long nclusters = 0;
    /* Also when nothing new came in: a killed earlier run may have left ranges unclustered. */
    if (prc == 0 && dedup && raml_store_dedup_pending(store, &nclusters, &err) != RAML_OK) {
        cli_report(&err);
        prc = EXIT_INTERNAL;
    }
    raml_store_close(store);
    raml_lexicon_free(lex);
    if (!quiet) {
        fprintf(stderr, "raml: ingested %lu documents (%lu new, %lu unchanged", c.docs, c.fresh,
                c.unchanged);
        if (c.replaced)
            fprintf(stderr, ", %lu replaced", c.replaced);
        fprintf(stderr, "), %lu events", c.events);
        if (nclusters)
            fprintf(stderr, ", %lu multi-source clusters", nclusters);
        fprintf(stderr, "%s\n", st.bad_inputs ? " (some input could not be read; see above)" : "");
    }
    rc = prc ? prc : st.bad_inputs ? EXIT_INPUT : EXIT_OK;
out:
    free(files);
    return rc;
}
