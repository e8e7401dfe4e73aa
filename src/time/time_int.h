/* Date words and date arithmetic shared inside time/. */
#ifndef RAML_TIME_INT_H
#define RAML_TIME_INT_H

#include "geo/phrase.h"
#include "time/time.h"

typedef enum {
    TL_MONTH,
    TL_HIJRI_MONTH,
    TL_WEEKDAY,
    TL_REL_DAY,
    TL_REL_PERIOD,
    TL_MODIFIER,
    TL_PART,
    TL_MARKER,
    TL_VAGUE
} tl_kind;

typedef enum { TL_UNIT_NONE, TL_UNIT_DAY, TL_UNIT_WEEK, TL_UNIT_MONTH, TL_UNIT_YEAR } tl_unit;

typedef struct tl_entry {
    tl_kind kind;
    int value; /* month 1-12, weekday 0-6, day offset, period offset, modifier -1/0/+1 */
    tl_unit unit; /* relative_period and marker */
} tl_entry;

struct raml_timelex {
    char *buf;
    tl_entry *e;
    size_t n;
    geo_phrase_index ix; /* payload: entry index */
    struct raml_casualties *cas; /* data/casualties.tsv, for count/ (NULL when absent) */
};

/* Calendar (calendar.c): days since 1970-01-01 in the proleptic Gregorian calendar. */
long cal_days(int y, int m, int d);
void cal_civil(long days, int *y, int *m, int *d);
bool cal_valid(int y, int m, int d);
int cal_weekday(long days); /* 0 = Sunday */
/* Tabular ("Kuwaiti") Islamic calendar → Gregorian days; off by a day or two from the
 * observed calendar, which depends on moon sighting. */
long cal_hijri_days(int hy, int hm, int hd);
bool cal_parse_iso(const char *s, int *y, int *m, int *d);

/* A date expression found in text (dateexpr.c). */
typedef struct tdate {
    uint32_t first, last; /* tokens, inclusive */
    bool resolved;        /* false: a date that cannot exist (31/02) or needs a missing anchor */
    int y, m, d;
    raml_date_precision precision;
    raml_date_method method;
} tdate;

/* Parses the expression starting at token i of [lo, end). anchor: days of the document date,
 * or LONG_MIN when there is none (relative expressions are then unresolved). With
 * explicit_only, relative words are not read (dateline search). */
bool tdate_at(const raml_timelex *t, const raml_token *toks, size_t lo, size_t end, size_t i,
              long anchor, bool explicit_only, tdate *out);

#endif
