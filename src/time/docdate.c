/* The document date: pub_date, else the first full day date in the dateline lines, else a
 * full date in parentheses near the top ("بثته الجزيرة الأحد (2017/6/4)"): Arabic outlets
 * bracket the publication or broadcast date that way, while a date the story is about is
 * written in running text. */
#include "time/time_int.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#define DATELINE_LINES 3
#define BRACKETED_DATE_BYTES 4096

static bool punct(const raml_token *t, char c)
{
    return t->kind == RAML_TOK_PUNCT && t->norm && t->norm[0] == c && !t->norm[1];
}

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
    end = 0;
    while (end < text->ntokens && text->tokens[end].bstart < BRACKETED_DATE_BYTES)
        end++;
    for (size_t i = 1; i + 1 < end; i++) {
        tdate td;
        if (punct(&text->tokens[i - 1], '(') &&
            tdate_at(t, text->tokens, 0, end, i, LONG_MIN, true, &td) && td.resolved &&
            td.precision == RAML_DATE_DAY && td.last + 1 < end &&
            punct(&text->tokens[td.last + 1], ')')) {
            snprintf(out, 11, "%04d-%02d-%02d", td.y, td.m, td.d);
            return;
        }
    }
}
