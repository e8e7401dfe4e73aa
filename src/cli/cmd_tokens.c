/* raml tokens — shows what the text layer makes of a document: sentences with offsets, and
 * per token its kind, offsets, surface, folded form and clitic segmentation. */
#include "cli/cli.h"
#include "formats/formats.h"
#include "lexicon/lexicon.h"
#include "text/text.h"
#include "util/arena.h"
#include "util/buf.h"

#include <stdlib.h>
#include <string.h>

void help_tokens(FILE *out)
{
    fprintf(out,
            "usage: raml tokens [options] FILE...\n"
            "\n"
            "Print the sentences and tokens of each document as the coder sees them: offsets\n"
            "(code points and bytes into the repaired NFC text), kind, surface, folded form,\n"
            "proclitics + stem + enclitic. A plain file is one document; - = stdin.\n"
            "\n"
            "options:\n"
            "  --json       one JSON object per sentence per line:\n"
            "               {\"doc_id\",\"sentence\",\"start\",\"end\",\"bstart\",\"bend\",\"tokens\":[...]}\n"
            "  --jsonl      inputs are JSON Lines documents {\"id\",\"text\",...}\n"
            "  --data DIR   dictionary directory (default: $RAML_DATA or the checkout's data/)\n"
            "\n"
            "Invalid UTF-8 and NUL bytes are replaced with U+FFFD and reported with their byte\n"
            "offset. exit codes: 0 ok; 1 usage; 2 some input unreadable, empty or badly encoded\n"
            "(the rest was processed); 3 internal error.\n"
            "\n"
            "example:\n"
            "  raml tokens --json article.txt | head\n");
}

static const char *kind_name(raml_tok_kind k)
{
    static const char *const names[] = {"arabic", "latin", "number", "date",
                                        "punct",  "url",   "other"};
    return (unsigned)k < sizeof names / sizeof names[0] ? names[k] : "other";
}

static const struct {
    uint16_t flag;
    const char *name;
} pro_names[] = {{RAML_PRO_WA, "و"}, {RAML_PRO_FA, "ف"}, {RAML_PRO_BI, "ب"}, {RAML_PRO_LI, "ل"},
                 {RAML_PRO_KA, "ك"}, {RAML_PRO_SA, "س"}, {RAML_PRO_AL, "ال"}};

static void write_json(raml_buf *o, const char *id, const raml_text *tx, size_t si)
{
    const raml_sentence *s = &tx->sentences[si];
    raml_buf_puts(o, "{\"doc_id\":");
    raml_buf_json_string(o, id);
    raml_buf_printf(o, ",\"sentence\":%zu,\"start\":%u,\"end\":%u,\"bstart\":%u,\"bend\":%u,\"tokens\":[",
                    si, s->cstart, s->cend, s->bstart, s->bend);
    for (uint32_t k = 0; k < s->count; k++) {
        const raml_token *t = &tx->tokens[s->first + k];
        if (k)
            raml_buf_putc(o, ',');
        raml_buf_puts(o, "{\"text\":");
        raml_buf_json_stringn(o, tx->text + t->bstart, t->bend - t->bstart);
        raml_buf_puts(o, ",\"norm\":");
        raml_buf_json_string(o, t->norm);
        raml_buf_puts(o, ",\"stem\":");
        raml_buf_json_string(o, t->stem);
        raml_buf_puts(o, ",\"proclitics\":[");
        bool first = true;
        for (size_t p = 0; p < sizeof pro_names / sizeof pro_names[0]; p++)
            if (t->proclitics & pro_names[p].flag) {
                if (!first)
                    raml_buf_putc(o, ',');
                raml_buf_json_string(o, pro_names[p].name);
                first = false;
            }
        raml_buf_puts(o, "],\"enclitic\":");
        raml_buf_json_string(o, t->enclitic);
        raml_buf_printf(o, ",\"kind\":\"%s\"", kind_name(t->kind));
        if (t->kind == RAML_TOK_NUMBER)
            raml_buf_printf(o, ",\"value\":%.15g", t->value);
        raml_buf_printf(o, ",\"start\":%u,\"end\":%u,\"bstart\":%u,\"bend\":%u}", t->cstart,
                        t->cend, t->bstart, t->bend);
    }
    raml_buf_puts(o, "]}\n");
}

static void write_human(raml_buf *o, const char *id, const raml_text *tx, size_t si)
{
    const raml_sentence *s = &tx->sentences[si];
    raml_buf_printf(o, "%s sentence %zu [%u,%u) bytes [%u,%u) %u tokens\n", id, si, s->cstart,
                    s->cend, s->bstart, s->bend, s->count);
    for (uint32_t k = 0; k < s->count; k++) {
        const raml_token *t = &tx->tokens[s->first + k];
        raml_buf_printf(o, "  %-6s %u-%u\t", kind_name(t->kind), t->cstart, t->cend);
        raml_buf_append(o, tx->text + t->bstart, t->bend - t->bstart);
        raml_buf_putc(o, '\t');
        raml_buf_puts(o, t->norm);
        if (t->proclitics || t->enclitic) {
            raml_buf_puts(o, "\t");
            for (size_t p = 0; p < sizeof pro_names / sizeof pro_names[0]; p++)
                if (t->proclitics & pro_names[p].flag) {
                    raml_buf_puts(o, pro_names[p].name);
                    raml_buf_putc(o, '+');
                }
            raml_buf_puts(o, t->stem);
            if (t->enclitic) {
                raml_buf_putc(o, '+');
                raml_buf_puts(o, t->enclitic);
            }
        }
        if (t->kind == RAML_TOK_NUMBER)
            raml_buf_printf(o, "\t=%.15g", t->value);
        raml_buf_putc(o, '\n');
    }
}

static void report_issues(const char *path, long line, const raml_text *tx)
{
    const size_t shown = 3;
    for (size_t i = 0; i < tx->nissues && i < shown; i++) {
        if (line > 0)
            fprintf(stderr, "raml: %s:%ld: byte %ld: %s\n", path, line, tx->issues[i].offset,
                    tx->issues[i].message);
        else
            fprintf(stderr, "raml: %s: byte %ld: %s\n", path, tx->issues[i].offset,
                    tx->issues[i].message);
    }
    if (tx->nissues > shown)
        fprintf(stderr, "raml: %s: %zu more problems of this kind (binary or badly encoded input?)\n",
                path, tx->nissues - shown);
}

/* The lexicon's guard set when it has one; else data/words.tsv directly. */
static raml_wordset *fallback_guard(const char *data_dir)
{
    const char *dir = data_dir ? data_dir : raml_default_data_dir();
    size_t n = strlen(dir) + sizeof "/words.tsv";
    char *path = malloc(n);
    raml_wordset *ws = raml_wordset_new();
    if (!path || !ws) {
        free(path);
        raml_wordset_free(ws);
        return NULL;
    }
    snprintf(path, n, "%s/words.tsv", dir);
    raml_error err;
    raml_error_clear(&err);
    if (!raml_wordset_load_tsv(ws, path, &err))
        cli_report(&err); /* segmentation still runs, with the weak no-guard fallback */
    free(path);
    return ws;
}

int cmd_tokens(int argc, char **argv)
{
    bool json = false, jsonl = false;
    const char *data_dir = NULL;
    char **files = calloc((size_t)argc + 1, sizeof *files);
    int nfiles = 0;
    if (!files)
        return EXIT_INTERNAL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--json") == 0) {
            json = true;
        } else if (strcmp(a, "--jsonl") == 0) {
            jsonl = true;
        } else if (strcmp(a, "--data") == 0) {
            if (i + 1 >= argc) {
                cli_errorf("tokens: --data needs a directory");
                free(files);
                return EXIT_USAGE;
            }
            data_dir = argv[++i];
        } else if (strcmp(a, "-") == 0 || a[0] != '-') {
            files[nfiles++] = argv[i];
        } else {
            cli_errorf("tokens: unknown option '%s'", a);
            fprintf(stderr, "Use raml tokens --help for the options.\n");
            free(files);
            return EXIT_USAGE;
        }
    }
    if (nfiles == 0) {
        cli_errorf("tokens: no input files (use - for stdin)");
        free(files);
        return EXIT_USAGE;
    }

    raml_lexicon *lex = cli_load_lexicon(data_dir);
    const raml_wordset *guard = lex ? raml_lexicon_guard(lex) : NULL;
    raml_wordset *own_guard = NULL;
    if (!guard)
        guard = own_guard = fallback_guard(data_dir);

    raml_arena arena;
    raml_arena_init(&arena, 1 << 20);
    raml_buf out;
    raml_buf_init(&out);
    int rc = EXIT_OK;
    bool write_failed = false;
    for (int f = 0; f < nfiles && rc != EXIT_INTERNAL; f++) {
        raml_docsrc *src = NULL;
        raml_error err;
        raml_error_clear(&err);
        if (raml_docsrc_open(files[f], jsonl, &src, &err) != RAML_OK) {
            cli_report(&err);
            rc = err.code == RAML_ERR_INTERNAL ? EXIT_INTERNAL : EXIT_INPUT;
            continue;
        }
        const char *shown = strcmp(files[f], "-") == 0 ? "stdin" : files[f];
        for (;;) {
            raml_srcdoc doc;
            bool has = false;
            raml_status st = raml_docsrc_next(src, &doc, &has, &err);
            if (st == RAML_ERR_INPUT) {
                cli_report(&err);
                rc = EXIT_INPUT;
                continue;
            }
            if (st != RAML_OK) {
                cli_report(&err);
                rc = EXIT_INTERNAL;
                break;
            }
            if (!has)
                break;
            if (!jsonl && doc.len == 0) {
                cli_errorf("%s: empty file", shown);
                rc = EXIT_INPUT;
                continue;
            }
            raml_arena_reset(&arena);
            raml_text tx;
            raml_text_opts opts = {.guard = guard};
            if (raml_text_analyze(&arena, doc.text, doc.len, &opts, &tx, &err) != RAML_OK) {
                if (!err.file[0])
                    snprintf(err.file, sizeof err.file, "%s", shown);
                cli_report(&err);
                rc = err.code == RAML_ERR_INTERNAL ? EXIT_INTERNAL : EXIT_INPUT;
                if (rc == EXIT_INTERNAL)
                    break;
                continue;
            }
            if (tx.nissues) {
                report_issues(shown, doc.line, &tx);
                rc = EXIT_INPUT;
            }
            const char *id = doc.meta.id ? doc.meta.id : "";
            for (size_t s = 0; s < tx.nsentences; s++) {
                (json ? write_json : write_human)(&out, id, &tx, s);
                if (out.len > (1u << 20)) {
                    if (fwrite(out.data, 1, out.len, stdout) != out.len)
                        write_failed = true;
                    raml_buf_clear(&out);
                }
            }
            if (out.failed) {
                cli_errorf("out of memory");
                rc = EXIT_INTERNAL;
                break;
            }
        }
        raml_docsrc_close(src);
    }
    if (out.len && fwrite(out.data, 1, out.len, stdout) != out.len)
        write_failed = true;
    if (fflush(stdout) != 0 || write_failed) {
        cli_errorf("tokens: cannot write output");
        rc = EXIT_INTERNAL;
    }
    raml_buf_free(&out);
    raml_arena_free(&arena);
    raml_wordset_free(own_guard);
    raml_lexicon_free(lex);
    free(files);
    return rc;
}
