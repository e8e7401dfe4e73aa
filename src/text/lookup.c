/* Finding tokens by offset: spans are byte ranges, later stages need token indices. */
#include "text/text.h"

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
