/* The text stage alone: read + repair + normalise + tokenise + segment + split, over a JSONL
 * corpus, on one core. Prints bytes, MB/s, sentences/s, tokens/s and peak RSS. */
#include "formats/formats.h"
#include "lexicon/lexicon.h"
#include "text/text.h"
#include "util/arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_text CORPUS.jsonl\n");
        return 1;
    }
    raml_error err;
    raml_lexicon *lex = NULL;
    if (raml_lexicon_load(NULL, &lex, &err) != RAML_OK) {
        fprintf(stderr, "bench_text: %s\n", err.message);
        return 3;
    }
    raml_docsrc *src;
    if (raml_docsrc_open(argv[1], true, &src, &err) != RAML_OK) {
        fprintf(stderr, "bench_text: %s: %s\n", argv[1], err.message);
        return 2;
    }
    raml_arena arena;
    raml_arena_init(&arena, 1 << 20);
    raml_text_opts opts = {.guard = raml_lexicon_guard(lex)};
    unsigned long docs = 0, bytes = 0, sentences = 0, tokens = 0;
    double busy = 0;
    for (;;) {
        raml_srcdoc d;
        bool has;
        if (raml_docsrc_next(src, &d, &has, &err) != RAML_OK)
            continue;
        if (!has)
            break;
        raml_text t;
        double t0 = now();
        raml_arena_reset(&arena);
        if (raml_text_analyze(&arena, d.text, d.len, &opts, &t, &err) != RAML_OK) {
            fprintf(stderr, "bench_text: %s\n", err.message);
            return 3;
        }
        busy += now() - t0;
        docs++;
        bytes += d.len;
        sentences += t.nsentences;
        tokens += t.ntokens;
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("text: %lu docs, %.1f MB in %.2f s: %.1f MB/s, %.0f sentences/s, %.2f M tokens/s, "
           "peak RSS %.0f MB\n",
           docs, bytes / 1e6, busy, bytes / 1e6 / busy, sentences / busy, tokens / busy / 1e6,
           ru.ru_maxrss / 1024.0);
    raml_arena_free(&arena);
    raml_docsrc_close(src);
    raml_lexicon_free(lex);
    return 0;
}
