/* raml serve — the HTTP API and the map/timeline page over a stored database. */
#include "cli/cli.h"
#include "lexicon/lexicon.h"
#include "server/server.h"

#include <pthread.h>
#include <signal.h>
#include <string.h>

void help_serve(FILE *out)
{
    fprintf(out,
            "usage: raml serve --db PATH [--port N] [--host ADDR] [--threads N] [--data DIR]\n"
            "\n"
            "Serve a database made by `raml ingest`, read-only: a web page (map of events sized\n"
            "by fatalities and coloured by PLOVER type, timeline, filters, evidence, exports;\n"
            "Arabic and English; works offline) and a JSON API. Ctrl-C or SIGTERM stops it.\n"
            "\n"
            "options:\n"
            "  --db PATH       SQLite file or postgresql:// URL (required)\n"
            "  --port N        TCP port (default 8080; 0 = any free port, printed on stderr)\n"
            "  --host ADDR     numeric address to bind (default 127.0.0.1: this machine only)\n"
            "  --threads N     worker threads, each with its own database handle (default 2)\n"
            "  --data DIR      dictionary directory, for text search (default: $RAML_DATA or\n"
            "                  the checkout's data/)\n"
            "\n"
            "API (GET; filters as in `raml query`: type actor country place near=LAT,LON,KM\n"
            "from to text; dates YYYY-MM-DD, YYYY-MM or YYYY):\n"
            "  /api/events?FILTERS&limit=&offset=   {\"total\",\"offset\",\"limit\",\"events\":[raml.event/1]}\n"
            "                                        limit default 100, at most 5000\n"
            "  /api/clusters?FILTERS&limit=&offset= {\"total\",\"offset\",\"limit\",\"clusters\":[...]}\n"
            "  /api/clusters/ID                     one cluster\n"
            "  /api/points?FILTERS                  located events for the map, compact rows\n"
            "  /api/docs/ID                         {id,title,publisher,date,url,text,events:[...]}\n"
            "  /api/stats                           counts by type, month, country and place\n"
            "  /api/export?format=acled|geojson|jsonl|plover&FILTERS   the selection as a file\n"
            "Malformed parameters answer 400, unknown paths 404, other methods 405, all with\n"
            "{\"error\": \"...\"}.\n"
            "\n"
            "exit codes: 0 stopped by a signal; 1 usage; 3 the database cannot be opened (missing,\n"
            "locked, not a raml store) or the port cannot be bound.\n"
            "\n"
            "example:\n"
            "  raml ingest --db news.db data/samples/*.txt && raml serve --db news.db\n");
}

int cmd_serve(int argc, char **argv)
{
    raml_server_config cfg = {.host = "127.0.0.1", .port = 8080, .threads = 2};
    const char *data_dir = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *next = i + 1 < argc ? argv[i + 1] : NULL;
        unsigned long v;
        if (strcmp(a, "--db") == 0 && next) {
            cfg.db = argv[++i];
        } else if (strcmp(a, "--port") == 0) {
            if (!cli_parse_uint(a, next, 65535, &v))
                return EXIT_USAGE;
            cfg.port = (unsigned)v;
            i++;
        } else if (strcmp(a, "--threads") == 0) {
            if (!cli_parse_uint(a, next, 64, &v) || v == 0) {
                if (v == 0)
                    cli_errorf("--threads must be at least 1");
                return EXIT_USAGE;
            }
            cfg.threads = (unsigned)v;
            i++;
        } else if (strcmp(a, "--host") == 0 && next) {
            cfg.host = argv[++i];
        } else if (strcmp(a, "--data") == 0 && next) {
            data_dir = argv[++i];
        } else {
            cli_errorf("serve: unknown or incomplete option '%s' (see raml serve --help)", a);
            return EXIT_USAGE;
        }
    }
    if (!cfg.db) {
        cli_errorf("serve: --db PATH is required (see raml serve --help)");
        return EXIT_USAGE;
    }

    /* The dictionaries only refine how text= is segmented; without them the page and the
     * other filters still work, so a broken data directory is a warning here. */
    raml_lexicon *lex = cli_load_lexicon(data_dir);
    if (lex)
        cfg.guard = raml_lexicon_guard(lex);
    else
        cli_errorf("serve: warning: dictionaries not loaded; text search splits words less well");

    /* Block the stop signals before the server's threads exist, so they inherit the mask
     * and only sigwait() below ever sees them. */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);

    raml_server *srv = NULL;
    raml_error err;
    raml_error_clear(&err);
    raml_status st = raml_server_start(&cfg, &srv, &err);
    if (st != RAML_OK) {
        cli_report(&err);
        raml_lexicon_free(lex);
        return st == RAML_ERR_USAGE ? EXIT_USAGE : EXIT_INTERNAL;
    }
    bool v6 = strchr(cfg.host, ':') != NULL;
    fprintf(stderr, "raml: serving %s on http://%s%s%s:%u/ (Ctrl-C stops)\n", cfg.db,
            v6 ? "[" : "", cfg.host, v6 ? "]" : "", raml_server_port(srv));
    fflush(stderr);

    int sig = 0;
    sigwait(&stop, &sig);
    fprintf(stderr, "raml: %s, stopping\n", sig == SIGINT ? "interrupted" : "terminated");
    raml_server_stop(srv);
    raml_lexicon_free(lex);
    return EXIT_OK;
}
