/* Query-string checks for the HTTP API (see params.h). */
#include "server/params.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const plover_types[] = {
    "AGREE",   "CONSULT", "SUPPORT",  "CONCEDE",  "COOPERATE", "AID",    "RETREAT", "REQUEST",
    "ACCUSE",  "REJECT",  "THREATEN", "PROTEST",  "SANCTION",  "MOBILIZE", "COERCE", "ASSAULT",
};

bool srv_valid_types(const char *s)
{
    if (!s || !*s)
        return false;
    while (*s) {
        const char *comma = strchr(s, ',');
        size_t n = comma ? (size_t)(comma - s) : strlen(s);
        bool ok = false;
        for (size_t i = 0; i < sizeof plover_types / sizeof *plover_types; i++)
            if (strlen(plover_types[i]) == n && memcmp(plover_types[i], s, n) == 0)
                ok = true;
        if (!ok)
            return false;
        s += n;
        if (*s == ',' && !*++s)
            return false; /* trailing comma */
    }
    return true;
}

static int days_in_month(int y, int m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return d[m - 1];
}

static bool digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

bool srv_parse_date(const char *s, bool is_end, char out[11])
{
    size_t n = strlen(s);
    int y, m = is_end ? 12 : 1, d = 1;
    if (n != 4 && n != 7 && n != 10)
        return false;
    if (!digits(s, 4, &y) || y < 1)
        return false;
    if (n >= 7 && (s[4] != '-' || !digits(s + 5, 2, &m)))
        return false;
    if (m < 1 || m > 12)
        return false;
    d = is_end ? days_in_month(y, m) : 1;
    if (n == 10 && (s[7] != '-' || !digits(s + 8, 2, &d)))
        return false;
    if (d < 1 || d > days_in_month(y, m))
        return false;
    snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u, (unsigned)d % 100u);
    return true;
}

static bool parse_ulong(const char *s, unsigned long max, unsigned long *out)
{
    if (!*s || *s == '-' || *s == '+' || *s == ' ')
        return false;
    errno = 0;
    char *end;
    unsigned long v = strtoul(s, &end, 10);
    if (errno || *end || v > max)
        return false;
    *out = v;
    return true;
}

static bool parse_double(const char **s, double *out)
{
    errno = 0;
    char *end;
    double v = strtod(*s, &end);
    if (end == *s || errno || !isfinite(v))
        return false;
    *out = v;
    *s = end;
    return true;
}

static bool parse_near(const char *s, srv_query *q)
{
    if (!parse_double(&s, &q->near_lat) || *s++ != ',')
        return false;
    if (!parse_double(&s, &q->near_lon) || *s++ != ',')
        return false;
    if (!parse_double(&s, &q->near_km) || *s)
        return false;
    return q->near_lat >= -90 && q->near_lat <= 90 && q->near_lon >= -180 &&
           q->near_lon <= 180 && q->near_km > 0 && q->near_km <= 20040;
}

/* An empty value (type=) means "no filter": that is what an HTML form sends for "any". */
static const char *nonempty(const char *v) { return (v && *v) ? v : NULL; }

bool srv_parse_query(srv_getarg get, void *cls, unsigned long max_limit, srv_query *q, char *msg,
                     size_t msgsz)
{
    memset(q, 0, sizeof *q);
    q->limit = max_limit < SRV_LIMIT_DEFAULT ? max_limit : SRV_LIMIT_DEFAULT;
    const char *v;
    if ((v = get(cls, "limit")) && !parse_ulong(v, max_limit, &q->limit)) {
        snprintf(msg, msgsz, "limit: '%.64s' is not a whole number from 0 to %lu", v, max_limit);
        return false;
    }
    if ((v = get(cls, "offset")) && !parse_ulong(v, 1000000000UL, &q->offset)) {
        snprintf(msg, msgsz, "offset: '%.64s' is not a whole number from 0 to 1000000000", v);
        return false;
    }
    if ((v = nonempty(get(cls, "type"))) && !srv_valid_types(v)) {
        snprintf(msg, msgsz,
                 "type: '%.64s' is not a PLOVER type (AGREE CONSULT SUPPORT CONCEDE COOPERATE "
                 "AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE "
                 "ASSAULT, or a comma-separated list of them)",
                 v);
        return false;
    }
    q->type = v;
    if ((v = nonempty(get(cls, "country")))) {
        size_t n = strlen(v);
        bool ok = n == 3;
        for (size_t i = 0; ok && i < n; i++)
            ok = v[i] >= 'A' && v[i] <= 'Z';
        if (!ok) {
            snprintf(msg, msgsz, "country: '%.64s' is not an ISO 3166 alpha-3 code like LBY", v);
            return false;
        }
        q->country = v;
    }
    q->actor = nonempty(get(cls, "actor"));
    q->place = nonempty(get(cls, "place"));
    q->text = nonempty(get(cls, "text"));
    if ((v = nonempty(get(cls, "near")))) {
        if (!parse_near(v, q)) {
            snprintf(msg, msgsz,
                     "near: '%.64s' is not LAT,LON,KM (latitude -90..90, longitude -180..180, "
                     "radius in km > 0)",
                     v);
            return false;
        }
        q->has_near = true;
    }
    if ((v = nonempty(get(cls, "from"))) && !srv_parse_date(v, false, q->from)) {
        snprintf(msg, msgsz, "from: '%.64s' is not a date YYYY-MM-DD, YYYY-MM or YYYY", v);
        return false;
    }
    if ((v = nonempty(get(cls, "to"))) && !srv_parse_date(v, true, q->to)) {
        snprintf(msg, msgsz, "to: '%.64s' is not a date YYYY-MM-DD, YYYY-MM or YYYY", v);
        return false;
    }
    return true;
}
