/*
 * Sentence splitting. A sentence ends after . ! ? ; (Arabic ؟ ؛ fold to ? ;) and any run of
 * closing quotes/brackets after them, and at every line break (news headlines and
 * paragraphs are lines). Numbers, dates and URLs are single tokens, so their dots never
 * split; a dot right after a one-letter token (د. , U.S.) is an abbreviation.
 *
 * Unpunctuated speech gives endless "sentences"; any longer than max_tokens is cut, at the
 * best place in the last two thirds of the window: after a comma or colon, before a
 * discourse connector (ثم كما لكن بينما حيث إلا أن وقد ولكن أما بعد أن منذ حتى), before a
 * و/ف-prefixed word (و+verb more than و+ال+noun). A cut is never put before a token with
 * no و/ف (that is where names and idafa chains continue) unless nothing else is found.
 */
#include "text/internal.h"

#include <string.h>

static bool is_terminal(const raml_token *t)
{
    if (t->kind != RAML_TOK_PUNCT)
        return false;
    const char *s = t->norm;
    if ((s[0] == '.' || s[0] == '!' || s[0] == '?' || s[0] == ';') && !s[1])
        return true;
    return s[0] == '\xE2' && s[1] == '\x80' && s[2] == '\xA6' && !s[3]; /* … */
}

static bool is_closer(const raml_token *t)
{
    if (t->kind != RAML_TOK_PUNCT)
        return false;
    const char *s = t->norm;
    return (s[0] == '"' || s[0] == ')' || s[0] == ']' || s[0] == '\'' || s[0] == '}') && !s[1];
}

static bool gap_has_newline(const char *text, const raml_token *a, const raml_token *b)
{
    /* Asked for every token; the gap is nearly always one space, too short for memchr. */
    for (uint32_t i = a->bend; i < b->bstart; i++)
        if (text[i] == '\n')
            return true;
    return false;
}

static bool one_letter(const raml_token *t)
{
    return (t->kind == RAML_TOK_ARABIC || t->kind == RAML_TOK_LATIN) && t->cend - t->cstart == 1;
}

/* Folded connectors that open a clause. */
static const char *const connectors[] = {
    "ثم", "كما", "لكن", "بينما", "حيث", "وقد", "ولكن", "اما", "منذ", "حتى", "فيما",
    "وكان", "كذلك", "بل", "اذ", "لان", "وذلك", "فقد", "وبعد", "ثم", NULL,
};

static int cut_score(const raml_token *tk, size_t i, size_t end)
{
    const raml_token *t = &tk[i], *prev = &tk[i - 1];
    if (prev->kind == RAML_TOK_PUNCT &&
        (prev->norm[0] == ',' || prev->norm[0] == ':' || prev->norm[0] == '-') && !prev->norm[1])
        return 5;
    if (t->kind != RAML_TOK_ARABIC)
        return 0;
    size_t len = strlen(t->norm);
    if (len <= 10) /* connectors have at most five letters */
        for (const char *const *c = connectors; *c; c++)
            if ((*c)[1] == t->norm[1] && strcmp(t->norm, *c) == 0)
                return 4;
    if ((strcmp(t->norm, "الا") == 0 || strcmp(t->norm, "بعد") == 0) &&
        i + 1 < end && strcmp(tk[i + 1].norm, "ان") == 0)
        return 4;
    if (t->proclitics & (RAML_PRO_WA | RAML_PRO_FA))
        return (t->proclitics & RAML_PRO_AL) ? 2 : 3;
    return 0;
}

typedef struct sent_out {
    raml_arena *a;
    raml_sentence *v;
    size_t n, cap;
    bool failed;
} sent_out;

static void push(sent_out *o, const raml_token *tk, size_t first, size_t end)
{
    if (end <= first)
        return;
    if (o->n == o->cap) {
        size_t ncap = o->cap ? o->cap * 2 : 64;
        raml_sentence *nv = raml_arena_grow(o->a, o->v, o->cap * sizeof *nv, ncap * sizeof *nv);
        if (!nv) {
            o->failed = true;
            return;
        }
        o->v = nv;
        o->cap = ncap;
    }
    o->v[o->n++] = (raml_sentence){.first = (uint32_t)first, .count = (uint32_t)(end - first),
                                   .bstart = tk[first].bstart, .bend = tk[end - 1].bend,
                                   .cstart = tk[first].cstart, .cend = tk[end - 1].cend};
}

/* Emits tokens [first, end) as sentences of at most max tokens. */
static void push_bounded(sent_out *o, const raml_token *tk, size_t first, size_t end, size_t max)
{
    while (end - first > max) {
        size_t lo = first + max / 3, hi = first + max; /* cut before index c in (lo, hi] */
        size_t best = hi;
        int best_score = 0;
        for (size_t c = hi; c > lo; c--) {
            int s = cut_score(tk, c, end);
            if (s > best_score) {
                best_score = s;
                best = c;
            }
        }
        push(o, tk, first, best);
        first = best;
    }
    push(o, tk, first, end);
}

raml_status text_split(raml_arena *a, const char *text, const raml_token *tokens, size_t ntokens,
                       uint32_t max_tokens, raml_sentence **sents, size_t *nsents)
{
    size_t max = max_tokens ? max_tokens : 80;
    sent_out o = {.a = a};
    size_t first = 0;
    for (size_t i = 0; i < ntokens; i++) {
        const raml_token *t = &tokens[i];
        if (i > first && gap_has_newline(text, &tokens[i - 1], t)) {
            push_bounded(&o, tokens, first, i, max);
            first = i;
        }
        if (!is_terminal(t))
            continue;
        if (t->norm[0] == '.' && i > first && one_letter(&tokens[i - 1]) &&
            tokens[i - 1].bend == t->bstart && i + 1 < ntokens &&
            !gap_has_newline(text, t, &tokens[i + 1]))
            continue; /* abbreviation */
        size_t end = i + 1;
        while (end < ntokens && (is_terminal(&tokens[end]) || is_closer(&tokens[end])) &&
               !gap_has_newline(text, &tokens[end - 1], &tokens[end]))
            end++;
        push_bounded(&o, tokens, first, end, max);
        first = end;
        i = end - 1;
    }
    push_bounded(&o, tokens, first, ntokens, max);
    if (o.failed)
        return RAML_ERR_INTERNAL;
    *sents = o.v;
    *nsents = o.n;
    return RAML_OK;
}

raml_status raml_split_sentences(raml_arena *a, const char *text, const raml_token *tokens,
                                 size_t ntokens, uint32_t max_tokens, raml_sentence **out,
                                 size_t *nout)
{
    return text_split(a, text, tokens, ntokens, max_tokens, out, nout);
}
