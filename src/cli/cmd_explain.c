/* raml explain — one sentence through the whole pipeline, showing every step: tokens,
 * dictionary matches, the coder's decisions, then the events as raml.event/1 JSON. */
#include "cli/cli.h"
#include "cli/pipeline.h"
#include "doc.h"
#include "formats/formats.h"
#include "lexicon/lexicon_int.h"

#include <stdlib.h>
#include <string.h>

void help_explain(FILE *out)
{
    fprintf(out,
            "usage: raml explain [--data DIR] [--date YYYY-MM-DD] \"SENTENCE\" | -\n"
            "\n"
            "Show how raml reads one sentence (or short text; - reads it from stdin): its tokens\n"
            "(surface, stem, clitics), every dictionary match (token span, kind, entry id), each\n"
            "decision of the coder (rule ids such as R-VSO, R-PASSIVE, R-AGENT-ALAYAD), then the\n"
            "resulting events as raml.event/1 JSON, one per line.\n"
            "\n"
            "options:\n"
            "  --data DIR         dictionary directory (default: $RAML_DATA or the checkout's data/)\n"
            "  --date YYYY-MM-DD  publication date used to resolve relative dates\n"
            "\n"
            "exit codes: 0 ok; 1 usage; 2 unreadable input or dictionaries; 3 internal error.\n"
            "\n"
            "example:\n"
            "  raml explain \"قصفت الطائرات التركية مواقع للمسلحين شمال العراق\"\n");
}

static void print_line(void *ctx, const char *line)
{
    fprintf((FILE *)ctx, "  %s\n", line);
}

static char *read_stdin(size_t *len)
{
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n, stdin);
        n += got;
        if (got == 0)
            break;
        if (n == cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                return NULL;
            }
            buf = nb;
            cap *= 2;
        }
    }
    *len = n;
    return buf;
}

static const char *kind_name(raml_ent_kind k)
{
    static const char *names[] = {"country", "demonym", "capital", "named", "sector", "trigger", "cue"};
    return k < RAML_ENT_NKINDS ? names[k] : "?";
}

static void print_clitics(const raml_token *t)
{
    static const char *names[] = {"w", "f", "b", "l", "k", "s", "al"};
    bool any = false;
    for (int i = 0; i < 7; i++)
        if (t->proclitics & (1 << i)) {
            printf("%s%s+", any ? "" : " [", names[i]);
            any = true;
        }
    if (t->enclitic) {
        printf("%s+%s", any ? "" : " [", t->enclitic);
        any = true;
    }
    if (any)
        printf("]");
}

static void show_analysis(const raml_lexicon *lex, const raml_text *text)
{
    printf("tokens:\n");
    for (size_t i = 0; i < text->ntokens; i++) {
        const raml_token *t = &text->tokens[i];
        printf("  %zu %.*s  stem=%s", i, (int)(t->bend - t->bstart), text->text + t->bstart,
               t->stem ? t->stem : "");
        print_clitics(t);
        if (t->stem_id || t->norm_id)
            printf("  ids=%u/%u", t->stem_id, t->norm_id);
        printf("\n");
    }
    printf("matches:\n");
    for (size_t s = 0; s < text->nsentences; s++) {
        const raml_sentence *sent = &text->sentences[s];
        raml_lex_match m[128];
        size_t n = raml_lexicon_match(lex, text->tokens, sent->first, sent->first + sent->count, m, 128);
        for (size_t i = 0; i < n; i++) {
            const raml_token *a = &text->tokens[m[i].first];
            const raml_token *b = &text->tokens[m[i].first + m[i].count - 1];
            printf("  s%zu tokens %u-%u '%.*s':", s, m[i].first, m[i].first + m[i].count - 1,
                   (int)(b->bend - a->bstart), text->text + a->bstart);
            for (uint32_t k = 0; k < m[i].nentries; k++) {
                const raml_lex_entry *e = raml_lexicon_entry(lex, m[i].entries[k]);
                printf(" %s %s;", kind_name(e->kind), e->id);
            }
            printf("\n");
        }
    }
}

int cmd_explain(int argc, char **argv)
{
    const char *data_dir = NULL, *date = NULL, *sentence = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--data") == 0 && i + 1 < argc) {
            data_dir = argv[++i];
        } else if (strcmp(a, "--date") == 0) {
            if (i + 1 >= argc || !cli_valid_date(argv[i + 1])) {
                cli_errorf("explain: --date wants a valid YYYY-MM-DD date");
                return EXIT_USAGE;
            }
            date = argv[++i];
        } else if (a[0] == '-' && a[1] && strcmp(a, "-") != 0) {
            cli_errorf("explain: unknown option '%s'", a);
            return EXIT_USAGE;
        } else if (!sentence) {
            sentence = a;
        } else {
            cli_errorf("explain: one sentence only (quote it)");
            return EXIT_USAGE;
        }
    }
    if (!sentence) {
        cli_errorf("explain: no sentence given (raml explain --help)");
        return EXIT_USAGE;
    }
    size_t len = 0;
    char *owned = NULL;
    if (strcmp(sentence, "-") == 0) {
        owned = read_stdin(&len);
        if (!owned) {
            cli_errorf("explain: cannot read stdin");
            return EXIT_INPUT;
        }
        sentence = owned;
    } else {
        len = strlen(sentence);
    }
    raml_lexicon *lex = cli_load_lexicon(data_dir);
    if (!lex) {
        free(owned);
        return EXIT_INPUT;
    }
    printf("dictionaries: %s (%s)\n", raml_lexicon_describe(lex), raml_lexicon_version(lex));
    raml_doc *doc = raml_doc_new();
    raml_doc_meta meta = {.id = "explain", .pub_date = date};
    raml_trace trace = {print_line, stdout};
    raml_error err;
    int rc = EXIT_OK;
    printf("decisions:\n");
    fflush(stdout);
    if (!doc || raml_doc_code_traced(doc, lex, &meta, sentence, len, &trace, &err) != RAML_OK) {
        if (doc)
            cli_report(&err);
        rc = EXIT_INTERNAL;
    } else {
        show_analysis(lex, raml_doc_analysis(doc));
        printf("events:\n");
        raml_buf out;
        raml_buf_init(&out);
        raml_writer_ctx w = {.meta = raml_doc_get_meta(doc), .dict_version = raml_lexicon_version(lex)};
        for (size_t i = 0; i < raml_doc_event_count(doc); i++) {
            raml_buf_clear(&out);
            raml_write_event_json(&out, &w, raml_doc_event(doc, i));
            printf("%s\n", out.data ? out.data : "");
        }
        raml_buf_free(&out);
    }
    raml_doc_free(doc);
    raml_lexicon_free(lex);
    free(owned);
    return rc;
}
