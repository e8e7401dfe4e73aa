/*
 * Date expressions in a token range. Forms read (see time.h for the resolution rules):
 *   2017/6/4, 30/05/2017, 30-05-2017           explicit, day (y/m/d when the first part has 4
 *                                              digits, else d/m/y; 2-digit years are skipped)
 *   4 أبريل (نيسان) 2016, 4 أبريل/نيسان 2016    explicit, day
 *   بين 3 و5 يونيو, 3-5 يونيو                   explicit; a range of up to a week is its middle
 *                                              day at week precision (±3 days), a longer one
 *                                              its month
 *   أبريل/نيسان 2016, منتصف يوليو               explicit, month
 *   عام 2015                                   explicit, year
 *   15 رمضان 1438                              explicit, day (tabular Hijri → Gregorian)
 *   الأحد، الأحد الماضي                         relative_weekday, day
 *   أمس، اليوم، أول أمس                         relative_offset, day
 *   الشهر الماضي، العام الماضي، الأسبوع الماضي   relative_offset, month / year / week
 *   في وقت سابق                                 pub_date_fallback (vague)
 * A day and month without a year take the document's year, or the year before when that would
 * put the date after the document date.
 */
#include "time/time_int.h"

#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* One tdate_at call: the lexicon, and the phrase matches it has already made. Every reading
 * (year marker, month, relative day...) asks for the phrase at the same token, up to five
 * times per token; within one call toks and end do not change, so a match is known by its
 * token index alone. */
#define TSCAN_MEMO 2
typedef struct tscan {
    const raml_timelex *lex;
    struct {
        size_t i; /* SIZE_MAX = unused */
        bool found;
        geo_pmatch m;
    } memo[TSCAN_MEMO];
    unsigned next; /* the memo entry to replace */
} tscan;

static bool phrase_at(tscan *t, const raml_token *toks, size_t end, size_t i, geo_pmatch *m)
{
    for (int k = 0; k < TSCAN_MEMO; k++) {
        if (t->memo[k].i == i) {
            *m = t->memo[k].m;
            return t->memo[k].found;
        }
    }
    bool found = geo_phrase_match(&t->lex->ix, toks, end, i, m);
    unsigned k = t->next++ % TSCAN_MEMO;
    t->memo[k].i = i;
    t->memo[k].found = found;
    if (found)
        t->memo[k].m = *m;
    return found;
}

static bool entry_at(tscan *t, const raml_token *toks, size_t end, size_t i, unsigned mask,
                     const tl_entry **e, uint32_t *ntok)
{
    geo_pmatch m;
    if (i >= end || !phrase_at(t, toks, end, i, &m))
        return false;
    /* A marker (يوم) loses to any other reading of the same words (اليوم = today). */
    const raml_timelex *lex = t->lex;
    uint32_t cur = m.head, v;
    const tl_entry *pick = NULL;
    while (geo_phrase_next(&lex->ix, &m, &cur, &v)) {
        if (mask & (1u << lex->e[v].kind)) {
            if (!pick || pick->kind == TL_MARKER)
                pick = &lex->e[v];
        }
    }
    if (!pick)
        return false;
    *e = pick;
    *ntok = m.ntok;
    return true;
}

static bool int_at(const raml_token *toks, size_t end, size_t i, int lo, int hi, int *v)
{
    if (i >= end || toks[i].kind != RAML_TOK_NUMBER)
        return false;
    double x = toks[i].value;
    if (x != floor(x) || x < lo || x > hi)
        return false;
    *v = (int)x;
    return true;
}

static bool punct_is(const raml_token *toks, size_t end, size_t i, char c)
{
    return i < end && toks[i].kind == RAML_TOK_PUNCT && toks[i].norm && toks[i].norm[0] == c &&
           !toks[i].norm[1];
}

/* A month name at i with its optional second naming ("/نيسان" or "(نيسان)"); returns the
 * index after it. */
static size_t month_at(tscan *t, const raml_token *toks, size_t end, size_t i,
                       unsigned kind_mask, int *month)
{
    const tl_entry *e, *e2;
    uint32_t k, k2;
    if (!entry_at(t, toks, end, i, kind_mask, &e, &k))
        return 0;
    *month = e->value;
    size_t j = i + k;
    if (punct_is(toks, end, j, '/') && entry_at(t, toks, end, j + 1, kind_mask, &e2, &k2))
        j += 1 + k2;
    else if (punct_is(toks, end, j, '(') && entry_at(t, toks, end, j + 1, kind_mask, &e2, &k2) &&
             punct_is(toks, end, j + 1 + k2, ')'))
        j += 2 + k2;
    return j;
}

static void set(tdate *o, int y, int m, int d, raml_date_precision p, raml_date_method me)
{
    o->y = y, o->m = m, o->d = d, o->precision = p, o->method = me;
    o->resolved = p == RAML_DATE_YEAR || p == RAML_DATE_MONTH
                      ? (y >= 1 && y <= 9999 && m >= 0 && m <= 12)
                      : cal_valid(y, m, d);
}

static void set_days(tdate *o, long days, raml_date_precision p, raml_date_method me)
{
    int y, m, d;
    cal_civil(days, &y, &m, &d);
    set(o, y, m, d, p, me);
}

/* 2017/6/4, 30/05/2017 */
static bool parse_numeric(const char *s, tdate *o)
{
    long part[3];
    int digits[3];
    for (int k = 0; k < 3; k++) {
        char *e;
        part[k] = strtol(s, &e, 10);
        digits[k] = (int)(e - s);
        if (!digits[k] || digits[k] > 4)
            return false;
        s = e;
        if (k < 2) {
            if (*s != '/' && *s != '-' && *s != '.')
                return false;
            s++;
        }
    }
    if (*s)
        return false;
    if (digits[0] == 4)
        set(o, (int)part[0], (int)part[1], (int)part[2], RAML_DATE_DAY, RAML_DATE_EXPLICIT);
    else if (digits[2] == 4)
        set(o, (int)part[2], (int)part[1], (int)part[0], RAML_DATE_DAY, RAML_DATE_EXPLICIT);
    else
        o->resolved = false, o->precision = RAML_DATE_UNKNOWN;
    return true;
}

#define M(k) (1u << (k))

/* A range "3 و5 يونيو" read as its first day: a week-precision date around its middle when
 * it spans at most a week (the store matches week dates ±3 days), else its month. The
 * range's days are not otherwise representable in raml.event/1's single value. */
static void widen_range(tdate *o, int d, int d2)
{
    if (!o->resolved || d2 <= d || o->precision != RAML_DATE_DAY)
        return;
    long first = cal_days(o->y, o->m, o->d);
    if (d2 - d <= 6)
        set_days(o, first + (d2 - d) / 2, RAML_DATE_WEEK, o->method);
    else
        set(o, o->y, o->m, 0, RAML_DATE_MONTH, o->method);
}

/* Day and month with an optional year: 4 أبريل 2016, 3 و5 يونيو. */
static bool day_month(tscan *t, const raml_token *toks, size_t end, size_t i,
                      long anchor, tdate *o)
{
    int d, d2 = 0, mo, y;
    if (!int_at(toks, end, i, 1, 99, &d))
        return false;
    size_t j = i + 1;
    /* A range's second day: "و5" / "و 5" / "- 5" — the start day is kept. */
    if (int_at(toks, end, j, 1, 31, &d2))
        j++;
    else if ((punct_is(toks, end, j, '-') ||
              (j < end && toks[j].norm && !strcmp(toks[j].norm, "\xD9\x88"))) &&
             int_at(toks, end, j + 1, 1, 31, &d2))
        j += 2;
    bool hijri = false;
    size_t k = month_at(t, toks, end, j, M(TL_MONTH), &mo);
    if (!k) {
        k = month_at(t, toks, end, j, M(TL_HIJRI_MONTH), &mo);
        hijri = k != 0;
    }
    if (!k)
        return false;
    o->first = (uint32_t)i;
    if (hijri) {
        if (!int_at(toks, end, k, 1300, 1600, &y))
            return false; /* a Hijri day without its year: too vague to place */
        o->last = (uint32_t)k;
        if (d > 30) {
            o->resolved = false;
            return true;
        }
        set_days(o, cal_hijri_days(y, mo, d), RAML_DATE_DAY, RAML_DATE_EXPLICIT);
        widen_range(o, d, d2);
        return true;
    }
    if (int_at(toks, end, k, 1000, 2999, &y)) {
        o->last = (uint32_t)k;
        set(o, y, mo, d, RAML_DATE_DAY, RAML_DATE_EXPLICIT);
        widen_range(o, d, d2);
        return true;
    }
    o->last = (uint32_t)(k - 1);
    if (anchor == LONG_MIN) {
        o->resolved = false;
        return true;
    }
    int ay, am, ad;
    cal_civil(anchor, &ay, &am, &ad);
    set(o, ay, mo, d, RAML_DATE_DAY, RAML_DATE_EXPLICIT);
    if (o->resolved && cal_days(ay, mo, d) > anchor + 1)
        set(o, ay - 1, mo, d, RAML_DATE_DAY, RAML_DATE_EXPLICIT);
    widen_range(o, d, d2);
    return true;
}

/* The month without a day: أبريل 2016, منتصف يوليو, شهر يوليو, رمضان 1438. */
static bool month_only(tscan *t, const raml_token *toks, size_t lo, size_t end,
                       size_t i, long anchor, tdate *o)
{
    const tl_entry *e;
    uint32_t n;
    size_t j = i;
    bool lead = false;
    if (entry_at(t, toks, end, i, M(TL_PART) | M(TL_MARKER), &e, &n) &&
        (e->kind == TL_PART || e->unit == TL_UNIT_MONTH)) {
        j = i + n;
        lead = true;
    }
    int mo, y;
    bool hijri = false;
    size_t k = month_at(t, toks, end, j, M(TL_MONTH), &mo);
    if (!k) {
        k = month_at(t, toks, end, j, M(TL_HIJRI_MONTH), &mo);
        hijri = k != 0;
    }
    if (!k)
        return false;
    o->first = (uint32_t)i;
    if (int_at(toks, end, k, hijri ? 1300 : 1000, hijri ? 1600 : 2999, &y)) {
        o->last = (uint32_t)k;
        if (hijri)
            set_days(o, cal_hijri_days(y, mo, 15), RAML_DATE_MONTH, RAML_DATE_EXPLICIT);
        else
            set(o, y, mo, 0, RAML_DATE_MONTH, RAML_DATE_EXPLICIT);
        return true;
    }
    /* A bare month name needs something that makes it a date: منتصف، شهر، or في. */
    static const char fi[] = "\xD9\x81\xD9\x8A"; /* في */
    if (hijri || !(lead || (i > lo && toks[i - 1].norm && !strcmp(toks[i - 1].norm, fi))))
        return false;
    if (anchor == LONG_MIN)
        return false;
    o->last = (uint32_t)(k - 1);
    int ay, am, ad;
    cal_civil(anchor, &ay, &am, &ad);
    set(o, mo > am ? ay - 1 : ay, mo, 0, RAML_DATE_MONTH, RAML_DATE_EXPLICIT);
    return true;
}

static void period(tdate *o, long anchor, tl_unit unit, int off)
{
    int ay, am, ad;
    cal_civil(anchor, &ay, &am, &ad);
    switch (unit) {
    case TL_UNIT_DAY:
        set_days(o, anchor + off, RAML_DATE_DAY, RAML_DATE_RELATIVE_OFFSET);
        break;
    case TL_UNIT_WEEK: /* the same weekday `off` weeks away, precision week */
        set_days(o, anchor + 7L * off, RAML_DATE_WEEK, RAML_DATE_RELATIVE_OFFSET);
        break;
    case TL_UNIT_MONTH: {
        int mi = ay * 12 + (am - 1) + off;
        set(o, mi / 12, mi % 12 + 1, 0, RAML_DATE_MONTH, RAML_DATE_RELATIVE_OFFSET);
        break;
    }
    default:
        set(o, ay + off, 0, 0, RAML_DATE_YEAR, RAML_DATE_RELATIVE_OFFSET);
    }
}

static bool relative(tscan *t, const raml_token *toks, size_t end, size_t i,
                     long anchor, tdate *o)
{
    const tl_entry *e, *mod;
    uint32_t n, nm;
    if (!entry_at(t, toks, end, i,
                  M(TL_WEEKDAY) | M(TL_REL_DAY) | M(TL_REL_PERIOD) | M(TL_MARKER) | M(TL_VAGUE), &e,
                  &n))
        return false;
    o->first = (uint32_t)i;
    o->last = (uint32_t)(i + n - 1);
    bool has_mod = entry_at(t, toks, end, i + n, M(TL_MODIFIER), &mod, &nm);
    if (e->kind == TL_VAGUE) {
        o->resolved = anchor != LONG_MIN;
        o->method = RAML_DATE_PUB_FALLBACK;
        o->precision = RAML_DATE_DAY;
        if (o->resolved)
            set_days(o, anchor, RAML_DATE_DAY, RAML_DATE_PUB_FALLBACK);
        return true;
    }
    if (e->kind == TL_MARKER && (!has_mod || e->unit == TL_UNIT_NONE))
        return false; /* عام alone is read by the year rule; other markers say nothing */
    if (anchor == LONG_MIN) {
        o->resolved = false;
        return true;
    }
    if (e->kind == TL_WEEKDAY) {
        int mv = has_mod ? mod->value : 0;
        if (has_mod)
            o->last += nm;
        int wd = cal_weekday(anchor);
        long back = (wd - e->value + 7) % 7; /* on or before the document date */
        long day = anchor - back;
        if (mv < 0 && back == 0)
            day -= 7; /* الأحد الماضي on a Sunday: the Sunday before */
        if (mv > 0)
            day = anchor + ((e->value - wd + 7) % 7 ? (e->value - wd + 7) % 7 : 7);
        set_days(o, day, RAML_DATE_DAY, RAML_DATE_RELATIVE_WEEKDAY);
        return true;
    }
    if (e->kind == TL_REL_DAY) {
        set_days(o, anchor + e->value, RAML_DATE_DAY, RAML_DATE_RELATIVE_OFFSET);
        return true;
    }
    if (e->kind == TL_REL_PERIOD) {
        period(o, anchor, e->unit, e->value);
        return true;
    }
    o->last += nm; /* marker + modifier: الشهر الماضي */
    period(o, anchor, e->unit, mod->value);
    return true;
}

static bool year_marker(tscan *t, const raml_token *toks, size_t end, size_t i,
                        tdate *o)
{
    const tl_entry *e;
    uint32_t n;
    int y;
    if (!entry_at(t, toks, end, i, M(TL_MARKER), &e, &n) || e->unit != TL_UNIT_YEAR ||
        !int_at(toks, end, i + n, 1000, 2999, &y))
        return false;
    o->first = (uint32_t)i;
    o->last = (uint32_t)(i + n);
    set(o, y, 0, 0, RAML_DATE_YEAR, RAML_DATE_EXPLICIT);
    return true;
}

bool tdate_at(const raml_timelex *t, const raml_token *toks, size_t lo, size_t end, size_t i,
              long anchor, bool explicit_only, tdate *o)
{
    memset(o, 0, sizeof *o);
    if (i >= end)
        return false;
    if (toks[i].kind == RAML_TOK_DATE) {
        o->first = o->last = (uint32_t)i;
        return toks[i].norm && parse_numeric(toks[i].norm, o);
    }
    if (!t)
        return false;
    tscan sc = {.lex = t};
    for (int k = 0; k < TSCAN_MEMO; k++)
        sc.memo[k].i = SIZE_MAX;
    /* Every reading starts with a number (day_month) or a time word at i (all the others);
     * most tokens are neither, which one phrase lookup tells before five readings ask. */
    geo_pmatch m;
    if (toks[i].kind != RAML_TOK_NUMBER && !phrase_at(&sc, toks, end, i, &m))
        return false;
    if (day_month(&sc, toks, end, i, anchor, o))
        return !explicit_only || (o->resolved && o->precision == RAML_DATE_DAY);
    if (explicit_only)
        return false;
    if (year_marker(&sc, toks, end, i, o) || month_only(&sc, toks, lo, end, i, anchor, o))
        return true;
    return relative(&sc, toks, end, i, anchor, o);
}
