/* The text layer's entry point: read (repair + NFC), tokenise and segment, split. */
#include "text/internal.h"

#include <string.h>

raml_status raml_text_analyze(raml_arena *a, const char *bytes, size_t len,
                              const raml_text_opts *opts, raml_text *out, raml_error *err)
{
    memset(out, 0, sizeof *out);
    if (len > UINT32_MAX / 4) /* offsets are 32-bit; repaired text may grow 3× */
        return raml_error_set(err, RAML_ERR_INPUT, NULL, 0, -1,
                              "document too large (%zu bytes; the limit is 1 GB)", len);
    raml_read_result rd;
    raml_status st = raml_text_read(a, bytes, len, &rd, err);
    if (st != RAML_OK)
        return st;
    out->text = rd.text;
    out->len = rd.len;
    out->issues = rd.issues;
    out->nissues = rd.nissues;
    /* Tokens are segmented as they are made (text_tokenize): one pass, not two. */
    const raml_wordset *guard = opts ? opts->guard : NULL;
    if (text_tokenize(a, rd.text, rd.len, true, guard, &out->tokens, &out->ntokens) != RAML_OK)
        return raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "out of memory");
    if (text_split(a, rd.text, out->tokens, out->ntokens,
                             opts ? opts->max_sentence_tokens : 0, &out->sentences,
                             &out->nsentences) != RAML_OK || a->failed)
        return raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "out of memory");
    return RAML_OK;
}
