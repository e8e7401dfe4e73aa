/* Finding tokens by offset: spans are byte ranges, later stages need token indices. */
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

size_t raml_token_at(const raml_text *t, uint32_t bstart)
{
    size_t lo = 0, hi = t->ntokens;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->tokens[mid].bstart < bstart)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

bool raml_token_is_dash(const raml_text *t, size_t i)
{
    if (i >= t->ntokens)
        return false;
    const char *p = t->text + t->tokens[i].bstart;
    size_t n = t->tokens[i].bend - t->tokens[i].bstart;
    return (n == 1 && p[0] == '-') || (n == 2 && !memcmp(p, "\xd9\x80", 2)) ||
           (n == 3 && (!memcmp(p, "\xe2\x80\x93", 3) || !memcmp(p, "\xe2\x80\x94", 3)));
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

bool raml_word_in_sorted(const char *word, const char *const *sorted, size_t n)
{
    return word && bsearch(&word, sorted, n, sizeof *sorted, cmp_str) != NULL;
}

bool raml_token_names_meeting(const raml_text *t, size_t i)
{
    /* folded stems (ة→ه، ى→ي، ؤ→ء), sorted by bytes for bsearch */
    static const char *const heads[] = {
        "\xd8\xa7\xd8\xaa\xd9\x81\xd8\xa7\xd9\x82",                         /* اتفاق */
        "\xd8\xa7\xd8\xaa\xd9\x81\xd8\xa7\xd9\x82\xd8\xa7\xd8\xaa",             /* اتفاقات */
        "\xd8\xa7\xd8\xaa\xd9\x81\xd8\xa7\xd9\x82\xd9\x8a\xd9\x87",             /* اتفاقيه */
        "\xd8\xa7\xd8\xb9\xd9\x84\xd8\xa7\xd9\x86",                         /* اعلان */
        "\xd8\xac\xd9\x88\xd9\x84\xd9\x87",                                 /* جوله */
        "\xd9\x82\xd9\x85\xd9\x87",                                         /* قمه */
        "\xd9\x85\xd8\xa1\xd8\xaa\xd9\x85\xd8\xb1",                         /* مؤتمر (ؤ folds to ء) */
        "\xd9\x85\xd8\xad\xd8\xa7\xd8\xaf\xd8\xab\xd8\xa7\xd8\xaa",             /* محادثات */
        "\xd9\x85\xd8\xb3\xd8\xa7\xd8\xb1",                                 /* مسار */
        "\xd9\x85\xd8\xb9\xd8\xa7\xd9\x87\xd8\xaf\xd9\x87",                     /* معاهده */
        "\xd9\x85\xd9\x81\xd8\xa7\xd9\x88\xd8\xb6\xd8\xa7\xd8\xaa",             /* مفاوضات */
        "\xd9\x85\xd9\x86\xd8\xaa\xd8\xaf\xd9\x8a",                         /* منتدي */
    };
    return i < t->ntokens && raml_word_in_sorted(t->tokens[i].stem, heads, sizeof heads / sizeof *heads);
}
