/* Finding tokens by offset: spans are byte ranges, later stages need token indices. */
#include "text/text.h"

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
