/* raml query — stored events (or merged clusters) through filters, in any export format. */
#include "cli/cli.h"
#include "cli/pipeline.h"
#include "formats/export.h"
#include "lexicon/lexicon.h"
#include "store/store.h"
#include "util/arena.h"

#include <stdlib.h>
#include <string.h>

void help_query(FILE *out)
{
    fprintf(out,
            "usage: raml query --db PATH|postgresql://... [filters] [--format F]\n"
            "\n"
            "Print stored events (all of them when no filter is given), oldest ingest first.\n"
            "\n"
            "filters (all must hold):\n"
            "  --type T           PLOVER type (ASSAULT, PROTEST, ...) or a comma-separated list\n"
            "  --actor A          actor name (English or Arabic), actor id, CAMEO code or sector\n"
            "  --country ISO3     country of the event location\n"
            "  --place NAME       place name (English or Arabic) or province\n"
            "  --near LAT,LON,KM  within KM kilometres of a point\n"
            "  --from D, --to D   date range YYYY-MM-DD (inclusive; month/year dates overlap)\n"
            "  --text Q           words in the event's sentence (clitics and spelling folded)\n"
            "  --limit N, --offset N\n"
            "\n"
            "output:\n"
            "  --format F         jsonl (default), plover, acled, geojson\n"
            "  --all              with plover/acled/geojson: keep non-actual events too\n"
            "  --clusters         one JSON object per cluster of reports of the same event\n"
            "  --data DIR         dictionary directory (used to segment --text)\n"
            "\n"
            "exit codes: 0 ok; 1 usage; 3 storage error.\n"
            "\n"
            "example:\n"
            "  raml query --db events.db --type ASSAULT --near 36.2,37.1,25 --format geojson\n");
}

typedef struct qctx {
    raml_format fmt;
    raml_exporter ex;
    raml_buf out;
    raml_arena arena;
    bool write_failed;
    unsigned long bad;
} qctx;

static void drain(qctx *q, bool force)
{
    if (q->out.len && (force || q->out.len > (1u << 20))) {
        if (fwrite(q->out.data, 1, q->out.len, stdout) != q->out.len)
            q->write_failed = true;
        raml_buf_clear(&q->out);
    }
}

static int on_event(void *ctx, const char *json, size_t len)
{
    qctx *q = ctx;
    if (q->fmt == RAML_FMT_JSONL) {
        raml_buf_append(&q->out, json, len);
        raml_buf_putc(&q->out, '\n');
    } else {
        raml_arena_reset(&q->arena);
        raml_event ev;
        raml_doc_meta meta;
        const char *dict = NULL;
        raml_error err;
        if (raml_read_event_json(&q->arena, json, len, &ev, &meta, &dict, &err) != RAML_OK) {
            q->bad++;
            return 0;
        }
        raml_writer_ctx w = {.meta = &meta, .dict_version = dict};
        raml_export_event(&q->ex, &q->out, &w, &ev);
    }
    drain(q, false);
    return q->write_failed ? EXIT_INTERNAL : 0;
}

static int on_cluster(void *ctx, const char *json, size_t len)
{
    qctx *q = ctx;
    raml_buf_append(&q->out, json, len);
    raml_buf_putc(&q->out, '\n');
    drain(q, false);
    return q->write_failed ? EXIT_INTERNAL : 0;
}

static bool valid_iso3(const char *s)
{
    return s && strlen(s) == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' &&
           s[2] >= 'A' && s[2] <= 'Z';
}

int cmd_query(int argc, char **argv)
{
    raml_store_filter f = {0};
    const char *db = NULL, *format_name = "jsonl", *data_dir = NULL;
    bool all = false, clusters = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *next = i + 1 < argc ? argv[i + 1] : NULL;
        const char **slot = NULL;
        if (strcmp(a, "--db") == 0)
            slot = &db;
        else if (strcmp(a, "--type") == 0)
            slot = &f.type;
        else if (strcmp(a, "--actor") == 0)
            slot = &f.actor;
        else if (strcmp(a, "--country") == 0)
            slot = &f.country;
        else if (strcmp(a, "--place") == 0)
            slot = &f.place;
        else if (strcmp(a, "--from") == 0)
            slot = &f.from;
        else if (strcmp(a, "--to") == 0)
            slot = &f.to;
        else if (strcmp(a, "--text") == 0)
            slot = &f.text;
        else if (strcmp(a, "--format") == 0)
            slot = &format_name;
        else if (strcmp(a, "--data") == 0)
            slot = &data_dir;
        if (slot) {
            if (!next) {
                cli_errorf("query: %s needs a value", a);
                return EXIT_USAGE;
            }
            *slot = argv[++i];
            continue;
        }
        if (strcmp(a, "--near") == 0) {
            char *e1 = NULL, *e2 = NULL, *e3 = NULL;
            if (next) {
                f.lat = strtod(next, &e1);
                if (*e1 == ',')
                    f.lon = strtod(e1 + 1, &e2);
                if (e2 && *e2 == ',')
                    f.km = strtod(e2 + 1, &e3);
            }
            if (!e3 || *e3 || f.lat < -90 || f.lat > 90 || f.lon < -180 || f.lon > 180 ||
                !(f.km > 0)) {
                cli_errorf("query: --near wants LAT,LON,KM (e.g. 36.2,37.1,25)");
                return EXIT_USAGE;
            }
            f.near = true;
            i++;
        } else if (strcmp(a, "--limit") == 0 || strcmp(a, "--offset") == 0) {
            if (!cli_parse_uint(a, next, 1000000000UL, a[2] == 'l' ? &f.limit : &f.offset))
                return EXIT_USAGE;
            i++;
        } else if (strcmp(a, "--all") == 0) {
            all = true;
        } else if (strcmp(a, "--clusters") == 0) {
            clusters = true;
        } else {
            cli_errorf("query: unknown option '%s'", a);
            fprintf(stderr, "Use raml query --help for the options.\n");
            return EXIT_USAGE;
        }
    }
    raml_format fmt;
    if (!db) {
        cli_errorf("query: --db PATH or --db postgresql://... is required");
        return EXIT_USAGE;
    }
    if (!raml_format_parse(format_name, &fmt)) {
        cli_errorf("query: unknown format '%s' (jsonl, plover, acled, geojson)", format_name);
        return EXIT_USAGE;
    }
    if ((f.from && !cli_valid_date(f.from)) || (f.to && !cli_valid_date(f.to))) {
        cli_errorf("query: --from/--to want a valid YYYY-MM-DD date");
        return EXIT_USAGE;
    }
    if (f.country && !valid_iso3(f.country)) {
        cli_errorf("query: --country wants an ISO 3166 alpha-3 code such as SYR");
        return EXIT_USAGE;
    }

    raml_lexicon *lex = NULL;
    if (f.text || f.place || f.actor) {
        /* Words and names are segmented with the same guard words as the stored text and
         * keys, so clitics (بمصراتة) and spellings (مصراته) meet. */
        if (!(lex = cli_load_lexicon(data_dir)))
            return EXIT_INTERNAL;
        f.guard = raml_lexicon_guard(lex);
    }
    raml_error err;
    raml_error_clear(&err);
    raml_store *store = NULL;
    if (raml_store_open(db, true, &store, &err) != RAML_OK) {
        cli_report(&err);
        raml_lexicon_free(lex);
        return EXIT_INTERNAL;
    }
    qctx q = {.fmt = fmt};
    raml_buf_init(&q.out);
    raml_arena_init(&q.arena, 64 * 1024);
    raml_export_begin(&q.ex, fmt, &q.out);
    q.ex.include_nonactual = all;
    int stopped = 0;
    raml_status st = clusters ? raml_store_clusters(store, &f, on_cluster, &q, &stopped, &err)
                              : raml_store_query(store, &f, on_event, &q, &stopped, &err);
    if (!clusters)
        raml_export_end(&q.ex, &q.out);
    drain(&q, true);
    if (fflush(stdout) != 0)
        q.write_failed = true;
    int rc = EXIT_OK;
    if (st != RAML_OK) {
        cli_report(&err);
        rc = EXIT_INTERNAL;
    } else if (q.write_failed) {
        cli_errorf("query: cannot write output");
        rc = EXIT_INTERNAL;
    } else if (q.bad) {
        cli_errorf("query: %lu stored events could not be read back", q.bad);
        rc = EXIT_INTERNAL;
    }
    raml_buf_free(&q.out);
    raml_arena_free(&q.arena);
    raml_store_close(store);
    raml_lexicon_free(lex);
    return rc;
}
