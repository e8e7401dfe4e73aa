/* raml code — documents in, events out (raml.event/1 JSONL or an export format). */
#include "cli/cli.h"
#include "cli/pipeline.h"
#include "formats/export.h"
#include "lexicon/lexicon.h"

#include <stdlib.h>
#include <string.h>

void help_code(FILE *out)
{
    fprintf(out,
            "usage: raml code [options] FILE...\n"
            "\n"
            "Code Arabic news documents into events, one raml.event/1 JSON object per line.\n"
            "A plain file is one document (doc_id = file name without extension; - = stdin).\n"
            "\n"
            "options:\n"
            "  --jsonl            inputs are JSON Lines: {\"id\",\"text\",\"date\"?,\"title\"?,\"url\"?,\"publisher\"?}\n"
            "  --date YYYY-MM-DD  publication date for documents that carry none\n"
            "  --format F         jsonl (default), plover, acled, geojson\n"
            "  --all              with plover/acled/geojson: keep negated and non-actual events too\n"
            "  -j N               code on N threads (output order is the same as with one)\n"
            "  --data DIR         dictionary directory (default: $RAML_DATA or the checkout's data/)\n"
            "  --quiet            no summary line on stderr\n"
            "\n"
            "exit codes: 0 ok; 1 usage; 2 some input unreadable or malformed (reported with file,\n"
            "line or byte offset; everything else was coded); 3 internal error.\n"
            "\n"
            "example:\n"
            "  raml code --jsonl news.jsonl --format acled > events.csv\n");
}

typedef struct code_ctx {
    raml_exporter ex;
    raml_buf out;
    const char *dict_version;
    bool write_failed;
} code_ctx;

static void drain(code_ctx *c, bool force)
{
    if (c->out.len && (force || c->out.len > (1u << 20))) {
        if (fwrite(c->out.data, 1, c->out.len, stdout) != c->out.len)
            c->write_failed = true;
        raml_buf_clear(&c->out);
    }
}

static int on_doc(void *ctx, const raml_doc *doc, const raml_srcdoc *src)
{
    code_ctx *c = ctx;
    raml_writer_ctx w = {.meta = raml_doc_get_meta(doc), .dict_version = c->dict_version};
    size_t n = raml_doc_event_count(doc);
    for (size_t i = 0; i < n; i++)
        raml_export_event(&c->ex, &c->out, &w, raml_doc_event(doc, i));
    drain(c, false);
    if (c->out.failed) {
        cli_errorf("out of memory");
        return EXIT_INTERNAL;
    }
    return c->write_failed ? EXIT_INTERNAL : 0;
}

int cmd_code(int argc, char **argv)
{
    cli_pipeline_opts opts = {.threads = 1};
    const char *format_name = "jsonl", *data_dir = NULL;
    bool all = false, quiet = false;
    char **files = calloc((size_t)argc, sizeof *files);
    int nfiles = 0;
    if (!files)
        return EXIT_INTERNAL;
    int rc = EXIT_USAGE;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *next = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--jsonl") == 0) {
            opts.jsonl = true;
        } else if (strcmp(a, "--date") == 0) {
            if (!next || !cli_valid_date(next)) {
                cli_errorf("code: --date wants a valid YYYY-MM-DD date");
                goto out;
            }
            opts.default_date = argv[++i];
        } else if (strcmp(a, "--format") == 0) {
            if (!next) {
                cli_errorf("code: --format needs a value");
                goto out;
            }
            format_name = argv[++i];
        } else if (strncmp(a, "--format=", 9) == 0) {
            format_name = a + 9;
        } else if (strcmp(a, "-j") == 0 || strncmp(a, "-j", 2) == 0) {
            const char *v = a[2] ? a + 2 : next;
            if (!a[2])
                i++;
            unsigned long n;
            if (!cli_parse_uint("-j", v, 64, &n) || n == 0) {
                if (n == 0)
                    cli_errorf("code: -j wants 1 to 64");
                goto out;
            }
            opts.threads = (unsigned)n;
        } else if (strcmp(a, "--data") == 0) {
            if (!next) {
                cli_errorf("code: --data needs a directory");
                goto out;
            }
            data_dir = argv[++i];
        } else if (strcmp(a, "--all") == 0) {
            all = true;
        } else if (strcmp(a, "--quiet") == 0 || strcmp(a, "-q") == 0) {
            quiet = true;
        } else if (strcmp(a, "-") == 0 || a[0] != '-') {
            files[nfiles++] = argv[i];
        } else {
            cli_errorf("code: unknown option '%s'", a);
            fprintf(stderr, "Use raml code --help for the options.\n");
            goto out;
        }
    }
    raml_format fmt;
    if (!raml_format_parse(format_name, &fmt)) {
        cli_errorf("code: unknown format '%s' (jsonl, plover, acled, geojson)", format_name);
        goto out;
    }
    if (nfiles == 0) {
        cli_errorf("code: no input files (use - for stdin)");
        goto out;
    }

    rc = EXIT_INTERNAL;
    raml_lexicon *lex = cli_load_lexicon(data_dir);
    if (!lex)
        goto out;
    opts.lex = lex;
    code_ctx c = {.dict_version = raml_lexicon_version(lex)};
    raml_buf_init(&c.out);
    raml_export_begin(&c.ex, fmt, &c.out);
    c.ex.include_nonactual = all;
    cli_pipeline_stats st;
    int prc = cli_pipeline_run(&opts, files, nfiles, on_doc, &c, &st);
    raml_export_end(&c.ex, &c.out);
    drain(&c, true);
    if (fflush(stdout) != 0)
        c.write_failed = true;
    raml_buf_free(&c.out);
    raml_lexicon_free(lex);
    if (c.write_failed) {
        cli_errorf("code: cannot write output");
        rc = EXIT_INTERNAL;
    } else if (prc) {
        rc = prc;
    } else {
        rc = st.bad_inputs ? EXIT_INPUT : EXIT_OK;
    }
    if (!quiet)
        fprintf(stderr, "raml: coded %lu documents, %lu sentences, %lu events%s\n", st.documents,
                st.sentences, st.events,
                st.bad_inputs ? " (some input could not be read; see above)" : "");
out:
    free(files);
    return rc;
}
