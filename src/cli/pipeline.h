/* The coding pipeline shared by `code` and `ingest`: read documents from plain or JSONL
 * inputs, code them on N worker threads, and hand them back IN INPUT ORDER, so -j N output
 * is byte-identical to -j 1. Bad input is reported on stderr and counted; the rest goes on. */
#ifndef RAML_CLI_PIPELINE_H
#define RAML_CLI_PIPELINE_H

#include "formats/formats.h"
#include "raml.h"

typedef struct cli_pipeline_opts {
    const raml_lexicon *lex;
    bool jsonl;               /* inputs are JSON Lines */
    const char *default_date; /* pub_date for documents that carry none, or NULL */
    unsigned threads;         /* 0 or 1: code on the calling thread */
} cli_pipeline_opts;

typedef struct cli_pipeline_stats {
    unsigned long documents, events, sentences, bytes;
    unsigned long bad_inputs; /* unreadable files, bad JSONL lines, repaired UTF-8, empty files */
} cli_pipeline_stats;

/* Called once per coded document, in input order, on the calling thread. A non-zero
 * return stops the run (the pipeline returns that value). */
typedef int (*cli_doc_fn)(void *ctx, const raml_doc *doc, const raml_srcdoc *src);

/* Runs over `paths` ("-" = stdin). Returns 0, or the first non-zero callback value, or
 * EXIT_INTERNAL when coding itself failed. */
int cli_pipeline_run(const cli_pipeline_opts *opts, char **paths, int npaths, cli_doc_fn fn,
                     void *ctx, cli_pipeline_stats *stats);

/* True for a valid YYYY-MM-DD calendar date. */
bool cli_valid_date(const char *s);

#endif
