/*
 * Each event's date: the date expression of its sentence nearest to the trigger. An
 * expression that names an impossible date (31/02/2017) is not guessed: the event falls back
 * to the document date. Without any expression: the document date (pub_date_fallback, day);
 * without a document date either: value null, precision unknown, method none.
 */
#include "time/time_int.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>


/* v as `width` zero-padded digits at p, as printf's %0<width>d writes 0 <= v < 10^width. */
static char *put_digits(char *p, int v, int width)
{
    for (int k = width - 1; k >= 0; k--, v /= 10)
        p[k] = (char)('0' + v % 10);
    return p + width;
}

static void format(raml_date *dt, const tdate *td)
{
    /* Written by hand, not snprintf (a thousand instructions, once per event); a part
     * outside what the pattern has room for is left to snprintf, whose output it is. */
    int parts = td->precision == RAML_DATE_YEAR ? 1 : td->precision == RAML_DATE_MONTH ? 2 : 3;
    _Static_assert(sizeof dt->value >= sizeof "YYYY-MM-DD", "room for a day");
    if (td->y >= 0 && td->y <= 9999 && (parts < 2 || (td->m >= 0 && td->m <= 99)) &&
        (parts < 3 || (td->d >= 0 && td->d <= 99))) {
        char *p = put_digits(dt->value, td->y, 4);
        if (parts >= 2)
            *p++ = '-', p = put_digits(p, td->m, 2);
        if (parts >= 3)
            *p++ = '-', p = put_digits(p, td->d, 2);
        *p = '\0';
    } else if (parts == 1) {
        snprintf(dt->value, sizeof dt->value, "%04d", td->y);
    } else if (parts == 2) {
        snprintf(dt->value, sizeof dt->value, "%04d-%02d", td->y, td->m);
    } else {
        snprintf(dt->value, sizeof dt->value, "%04d-%02d-%02d", td->y, td->m, td->d);
    }
    dt->precision = td->precision;
    dt->method = td->method;
}

static void fallback(raml_date *dt, const char *doc_date)
{
    if (doc_date && doc_date[0]) {
        size_t n = strnlen(doc_date, sizeof dt->value - 1); /* as snprintf "%s" cuts it */
        memcpy(dt->value, doc_date, n);
        dt->value[n] = '\0';
        dt->precision = RAML_DATE_DAY;
        dt->method = RAML_DATE_PUB_FALLBACK;
    } else {
        dt->value[0] = '\0';
        dt->precision = RAML_DATE_UNKNOWN;
        dt->method = RAML_DATE_NONE;
    }
}

raml_status raml_time_date_events(const raml_timelex *t, raml_arena *arena, const raml_text *text,
                                  const char *doc_date, raml_event *events, size_t nevents,
                                  const raml_trace *trace, raml_error *err)
{
    int y, m, d;
    long anchor = cal_parse_iso(doc_date, &y, &m, &d) ? cal_days(y, m, d) : LONG_MIN;
    const char *fb = anchor == LONG_MIN ? "" : doc_date;
    /* Dates of the sentence being read, reused by the following events of that sentence. */
    tdate found[16];
    size_t nfound = 0;
    uint32_t cur_sent = UINT32_MAX;
    for (size_t e = 0; e < nevents; e++) {
        raml_event *ev = &events[e];
        memset(&ev->date, 0, sizeof ev->date);
        uint32_t s = ev->sentence_index;
        if (!text || s >= text->nsentences) {
            fallback(&ev->date, fb);
            continue;
        }
        if (s != cur_sent) {
            cur_sent = s;
            nfound = 0;
            const raml_sentence *se = &text->sentences[s];
            size_t lo = se->first, end = (size_t)se->first + se->count;
            for (size_t i = lo; i < end && nfound < 16;) {
                tdate td;
                if (tdate_at(t, text->tokens, lo, end, i, anchor, false, &td)) {
                    found[nfound++] = td;
                    i = td.last + 1;
                } else {
                    i++;
                }
            }
        }
        size_t t0 = raml_token_at(text, ev->trigger.bstart);
        const tdate *best = NULL;
        size_t bestd = SIZE_MAX;
        for (size_t k = 0; k < nfound; k++) {
            size_t dd = found[k].first > t0 ? found[k].first - t0
                        : found[k].last < t0 ? t0 - found[k].last
                                             : 0;
            if (dd < bestd) {
                bestd = dd;
                best = &found[k];
            }
        }
        if (!best || !best->resolved) {
            fallback(&ev->date, fb);
            continue;
        }
        format(&ev->date, best);
        const raml_token *f = &text->tokens[best->first], *l = &text->tokens[best->last];
        ev->date.span.text = raml_arena_strndup(arena, text->text + f->bstart, l->bend - f->bstart);
        ev->date.span.bstart = f->bstart;
        ev->date.span.bend = l->bend;
        ev->date.span.start = f->cstart;
        ev->date.span.end = l->cend;
    }
    if (arena->failed)
        return raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "time: out of memory");
    return RAML_OK;
}
