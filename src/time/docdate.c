/* The document date: pub_date, else the first full day date in the dateline lines. */
#include "time/time_int.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#define DATELINE_LINES 3

void raml_time_doc_date(const raml_timelex *t, const raml_text *text, const char *pub_date,
                        char out[11])
{
    out[0] = '\0';
    int y, m, d;
    if (cal_parse_iso(pub_date, &y, &m, &d)) {
        snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
        return;
    }
    if (!text || !text->ntokens)
        return;
    /* The dateline zone: the first lines, skipping blank ones. */
    size_t limit = text->len;
    int lines = 0;
    for (size_t b = 0; b < text->len; b++) {
        if (text->text[b] != '\n')
            continue;
        if (b > 0 && text->text[b - 1] != '\n' && ++lines == DATELINE_LINES) {
            limit = b;
            break;
        }
    }
    size_t end = 0;
    while (end < text->ntokens && text->tokens[end].bstart < limit)
        end++;
    for (size_t i = 0; i < end; i++) {
        tdate td;
        if (tdate_at(t, text->tokens, 0, end, i, LONG_MIN, true, &td) && td.resolved &&
            td.precision == RAML_DATE_DAY) {
            snprintf(out, 11, "%04d-%02d-%02d", td.y, td.m, td.d);
            return;
        }
    }
}
