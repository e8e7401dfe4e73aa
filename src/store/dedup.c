/* Cross-document deduplication. Two events report the same real-world event when:
 *  - their types are in one family (verbal cooperation, material cooperation, verbal
 *    conflict; every conflict type is its own family, so a protest never merges with the
 *    attack that dispersed it);
 *  - their actors are compatible: per side, same country and sector, or one side unknown;
 *  - their places are close: both located finer than a country and at most 25 km apart,
 *    or the same admin1 when either is only known to admin1 precision;
 *  - their dates are compatible: day vs day equal or ±1 (reports of "last night" straddle
 *    midnight), otherwise the covered day ranges overlap (a month contains its days).
 * Clusters are built by complete linkage, not as connected components: events are taken
 * in a fixed order (type family, country, first day, last day, event id) and an event joins
 * an existing cluster only when it is compatible with EVERY member of it (if several
 * clusters qualify, the largest, then the earliest). Single linkage would chain reports of
 * the 4th, 5th and 6th at one place into one "event" although the 4th and the 6th are two
 * days apart; here every pair inside a cluster satisfies all four rules. The fixed order
 * makes the result independent of insertion order and row ids, so an interrupted and
 * resumed ingest clusters exactly like an uninterrupted one. */
#include "store/dedup.h"
#include "store/store_impl.h"

#include "formats/formats.h"
#include "util/bigmem.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int family_of(const char *t)
{
    static const char *const fam[] = {
        "AGREE CONSULT SUPPORT CONCEDE", "COOPERATE AID", "REQUEST ACCUSE REJECT", "RETREAT",
        "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"};
    if (!t || !*t)
        return -1;
    size_t n = strlen(t);
    for (int i = 0; i < (int)(sizeof fam / sizeof *fam); i++)
        for (const char *p = strstr(fam[i], t); p; p = strstr(p + 1, t))
            if ((p == fam[i] || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
                return i;
    return -1;
}

bool raml_dedup_prepare(raml_dedup_item *it)
{
    const raml_event *ev = it->ev;
    it->family = -1;
    if (ev->modality.polarity != RAML_POLARITY_POSITIVE || ev->modality.realis != RAML_REALIS_ACTUAL)
        return false;
    char lo[11], hi[11];
    store_date_range(&ev->date, lo, hi);
    const raml_location *l = &ev->location;
    if (!lo[0] || !l->present || l->precision == RAML_GEO_NONE ||
        l->precision == RAML_GEO_COUNTRY || l->precision == RAML_GEO_WATER)
        return false;
    it->lo = store_days(lo);
    it->hi = store_days(hi);
    it->day = ev->date.precision == RAML_DATE_DAY;
    it->family = family_of(ev->plover_type);
    return it->family >= 0;
}

static double km(double la1, double lo1, double la2, double lo2)
{
    double r = M_PI / 180;
    double h = pow(sin((la2 - la1) * r / 2), 2) +
               cos(la1 * r) * cos(la2 * r) * pow(sin((lo2 - lo1) * r / 2), 2);
    return 2 * 6371.0088 * asin(sqrt(h < 1 ? h : 1));
}

static bool coarse(raml_geo_precision p)
{
    return p == RAML_GEO_ADMIN1 || p == RAML_GEO_SUB_COUNTRY_REGION;
}

static bool same_str(const char *a, const char *b) { return a && b && strcasecmp(a, b) == 0; }

static bool place_ok(const raml_location *a, const raml_location *b)
{
    if (a->country[0] && b->country[0] && strcmp(a->country, b->country) != 0)
        return false;
    if (coarse(a->precision) || coarse(b->precision))
        return same_str(a->admin1, b->admin1);
    return km(a->lat, a->lon, b->lat, b->lon) <= 25.0;
}

static bool side_ok(const raml_event *a, const raml_event *b, raml_role role)
{
    for (int i = 0; i < a->nactors; i++) {
        const raml_actor *x = &a->actors[i];
        if (x->role != role || (!x->country[0] && !x->sector[0]))
            continue;
        for (int j = 0; j < b->nactors; j++) {
            const raml_actor *y = &b->actors[j];
            if (y->role != role || (!y->country[0] && !y->sector[0]))
                continue;
            bool c = !x->country[0] || !y->country[0] || strcmp(x->country, y->country) == 0;
            bool s = !x->sector[0] || !y->sector[0] || strcmp(x->sector, y->sector) == 0;
            /* Any agreeing pair is enough: reports name different subsets of the parties. */
            if (c && s)
                return true;
        }
        /* x is known; incompatible only if b names a known actor on this side at all. */
        for (int j = 0; j < b->nactors; j++)
            if (b->actors[j].role == role && (b->actors[j].country[0] || b->actors[j].sector[0]))
                return false;
    }
    return true;
}

static bool date_ok(const raml_dedup_item *a, const raml_dedup_item *b)
{
    if (a->day && b->day)
        return labs(a->lo - b->lo) <= 1;
    /* A coarser date must really contain the other: October does not hold 1 November. */
    return a->lo <= b->hi && b->lo <= a->hi;
}

/* True when both events name a source actor and some pair of them agrees on a known
 * country or sector. */
static bool same_known_speaker(const raml_event *a, const raml_event *b)
{
    for (int i = 0; i < a->nactors; i++) {
        const raml_actor *x = &a->actors[i];
        if (x->role != RAML_ROLE_ACTOR || (!x->country[0] && !x->sector[0]))
            continue;
        for (int j = 0; j < b->nactors; j++) {
            const raml_actor *y = &b->actors[j];
            if (y->role == RAML_ROLE_ACTOR &&
                ((x->country[0] && !strcmp(x->country, y->country)) ||
                 (!x->country[0] && !y->country[0] && x->sector[0] &&
                  !strcmp(x->sector, y->sector))))
                return true;
        }
    }
    return false;
}

/* Verbal events (statements, accusations, demands) happen many times a day in one place;
 * a shared place and day says little, so they merge only when said by the same party. */
static bool verbal_family(int family) { return family == 0 || family == 2; }

bool raml_dedup_compatible(const raml_dedup_item *a, const raml_dedup_item *b)
{
    return a->family >= 0 && a->family == b->family && date_ok(a, b) &&
           place_ok(&a->ev->location, &b->ev->location) &&
           side_ok(a->ev, b->ev, RAML_ROLE_ACTOR) && side_ok(a->ev, b->ev, RAML_ROLE_RECIPIENT) &&
           (!verbal_family(a->family) || same_known_speaker(a->ev, b->ev));
}

static int by_block(const void *x, const void *y)
{
    const raml_dedup_item *a = *(const raml_dedup_item *const *)x;
    const raml_dedup_item *b = *(const raml_dedup_item *const *)y;
    if (a->family != b->family)
        return a->family < b->family ? -1 : 1;
    int c = strcmp(a->ev->location.country, b->ev->location.country);
    if (c)
        return c;
    if (a->lo != b->lo)
        return a->lo < b->lo ? -1 : 1;
    if (a->hi != b->hi)
        return a->hi < b->hi ? -1 : 1;
    c = strcmp(a->event_id ? a->event_id : "", b->event_id ? b->event_id : "");
    if (c)
        return c;
    return a->rowid < b->rowid ? -1 : a->rowid > b->rowid;
}

static bool same_block(const raml_dedup_item *a, const raml_dedup_item *b)
{
    return a->family == b->family && strcmp(a->ev->location.country, b->ev->location.country) == 0;
}

static int by_desc(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    return a < b ? 1 : a > b ? -1 : 0;
}

void raml_dedup_cluster(raml_dedup_item *items, size_t n, size_t *label)
{
    for (size_t i = 0; i < n; i++)
        label[i] = i;
    size_t n1 = n ? n : 1;
    const raml_dedup_item **order = malloc(n1 * sizeof *order);
    size_t *size = calloc(n1, sizeof *size), *hits = calloc(n1, sizeof *hits);
    size_t *touched = malloc(n1 * sizeof *touched), *cand = malloc(n1 * sizeof *cand);
    size_t *wide = malloc(n1 * sizeof *wide);
    if (!order || !size || !hits || !touched || !cand || !wide)
        goto out; /* every event alone: wrong only in missing merges, never in false ones */
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (items[i].family >= 0)
            order[m++] = &items[i];
    qsort(order, m, sizeof *order, by_block);
    size_t nwide = 0, block_start = 0;
    for (size_t p = 0; p < m; p++) {
        const raml_dedup_item *a = order[p];
        size_t ia = (size_t)(a - items), nt = 0, nc = 0;
        if (p && !same_block(a, order[p - 1])) {
            block_start = p;
            nwide = 0;
        }
        /* The events a can be date-compatible with (see date_ok): those of its block that
         * start at most a day before it (the run just behind a in this order), and earlier
         * ones whose range still reaches a's first day; only ranges of more than a day can,
         * and those are kept in `wide` while they reach the current day (days only grow
         * along a block). They are visited nearest first, as a walk back along the order
         * would, so ties between equally large clusters go the same way. */
        size_t q = p;
        while (q-- > block_start && order[q]->lo >= a->lo - 1)
            cand[nc++] = q;
        size_t keep = 0;
        for (size_t w = 0; w < nwide; w++) {
            const raml_dedup_item *b = order[wide[w]];
            if (b->hi < a->lo - 1)
                continue; /* ends too early for a and for everything after it */
            wide[keep++] = wide[w];
            if (b->lo < a->lo - 1)
                cand[nc++] = wide[w];
        }
        nwide = keep;
        qsort(cand, nc, sizeof *cand, by_desc);
        for (size_t c = 0; c < nc; c++) {
            const raml_dedup_item *b = order[cand[c]];
            if (!raml_dedup_compatible(a, b))
                continue;
            size_t r = label[b - items];
            if (hits[r]++ == 0)
                touched[nt++] = r;
        }
        size_t best = SIZE_MAX;
        for (size_t t = 0; t < nt; t++) {
            size_t r = touched[t];
            if (hits[r] == size[r] + 1 && (best == SIZE_MAX || size[r] > size[best]))
                best = r;
            hits[r] = 0;
        }
        if (best != SIZE_MAX) {
            label[ia] = best;
            size[best]++;
        }
        /* size[] counts members besides the root, so a root's own hit makes size + 1. */
        if (a->hi - a->lo > 1)
            wide[nwide++] = p;
    }
out:
    free(order);
    free(size);
    free(hits);
    free(touched);
    free(cand);
    free(wide);
}

size_t raml_dedup_members(size_t n, const size_t *label, size_t *start, size_t *members)
{
    /* Counting sort by label: members[start[r] .. start[r+1]) are r's, in item order. */
    for (size_t i = 0; i <= n; i++)
        start[i] = 0;
    for (size_t i = 0; i < n; i++)
        start[label[i] + 1]++;
    for (size_t i = 0; i < n; i++)
        start[i + 1] += start[i];
    size_t roots = 0;
    for (size_t i = 0; i < n; i++)
        roots += label[i] == i;
    size_t *pos = malloc((n ? n : 1) * sizeof *pos);
    if (!pos)
        return SIZE_MAX;
    memcpy(pos, start, n * sizeof *pos);
    for (size_t i = 0; i < n; i++)
        members[pos[label[i]]++] = i;
    free(pos);
    return roots;
}

void raml_dedup_cluster_id(const raml_dedup_item *items, const size_t *members, size_t nm,
                           char out[20])
{
    const char *min = NULL;
    for (size_t k = 0; k < nm; k++)
        if (!min || strcmp(items[members[k]].event_id, min) < 0)
            min = items[members[k]].event_id;
    uint64_t h = 14695981039346656037ull;
    for (const char *p = min ? min : ""; *p; p++) {
        h ^= (unsigned char)*p;
        h *= 1099511628211ull;
    }
    snprintf(out, 20, "c%015llx", (unsigned long long)(h >> 4));
}

static long best_low(const raml_count *c) { return c->low >= 0 ? c->low : c->count; }
static long best_high(const raml_count *c) { return c->high >= 0 ? c->high : c->count; }

/* A casualty figure, or null when no source gave one (negative). */
static void put_count(raml_buf *b, long v)
{
    if (v >= 0)
        raml_buf_put_long(b, v);
    else
        raml_buf_puts(b, "null");
}

void raml_dedup_cluster_json(raml_buf *b, const char *id, const raml_dedup_item *items,
                             const size_t *members, size_t nm, size_t *ndocs_out)
{
    const raml_dedup_item *first = &items[members[0]], *earliest = NULL;
    size_t nev = 0, ndocs = 0, npub = 0;
    long lo = -1, hi = -1, dlo = first->lo, dhi = first->hi;
    const raml_location *best = &first->ev->location;
    raml_buf docs, pubs, claims, evs;
    raml_buf_init(&docs);
    raml_buf_init(&pubs);
    raml_buf_init(&claims);
    raml_buf_init(&evs);
    for (size_t mi = 0; mi < nm; mi++) {
        const raml_dedup_item *it = &items[members[mi]];
        const raml_event *ev = it->ev;
        raml_buf_puts(&evs, nev++ ? "," : "");
        raml_buf_json_string(&evs, it->event_id);
        if (it->lo < dlo)
            dlo = it->lo;
        if (it->hi > dhi)
            dhi = it->hi;
        if (ev->location.precision && ev->location.precision < best->precision)
            best = &ev->location;
        bool seen = false;
        for (size_t j = 0; j < mi && !seen; j++)
            seen = strcmp(items[members[j]].doc_id, it->doc_id) == 0;
        if (!seen) {
            raml_buf_puts(&docs, ndocs++ ? "," : "");
            raml_buf_json_string(&docs, it->doc_id);
            if (!earliest || (it->pub_date && (!earliest->pub_date ||
                                               strcmp(it->pub_date, earliest->pub_date) < 0)))
                earliest = it;
        }
        bool pseen = !it->publisher;
        for (size_t j = 0; j < mi && !pseen; j++)
            pseen = items[members[j]].publisher &&
                    strcmp(items[members[j]].publisher, it->publisher) == 0;
        if (!pseen) {
            raml_buf_puts(&pubs, npub++ ? "," : "");
            raml_buf_json_string(&pubs, it->publisher);
        }
        const raml_count *k = &ev->killed;
        if (k->present && (best_low(k) >= 0 || best_high(k) >= 0)) {
            if (best_low(k) >= 0 && (lo < 0 || best_low(k) < lo))
                lo = best_low(k);
            if (best_high(k) > hi)
                hi = best_high(k);
            raml_buf_puts(&claims, claims.len ? "," : "");
            raml_buf_puts(&claims, "{\"doc_id\":");
            raml_buf_json_string(&claims, it->doc_id);
            raml_buf_puts(&claims, ",\"publisher\":");
            raml_buf_json_string(&claims, it->publisher);
            raml_buf_puts(&claims, ",\"event_id\":");
            raml_buf_json_string(&claims, it->event_id);
            raml_buf_printf(&claims, ",\"count\":%ld,\"qualifier\":", k->count);
            raml_buf_json_string(&claims, raml_qualifier_name(k->qualifier));
            raml_buf_printf(&claims, ",\"low\":%ld,\"high\":%ld}", k->low, k->high);
        }
    }
    char dl[11], dh[11];
    store_ymd(dlo, dl);
    store_ymd(dhi, dh);
    raml_buf_puts(b, "{\"cluster_id\":");
    raml_buf_json_string(b, id);
    raml_buf_puts(b, ",\"plover_type\":");
    raml_buf_json_string(b, first->ev->plover_type);
    /* Plain appends where printf only copied strings: a large ingest writes a cluster row
     * for every clusterable event. */
    raml_buf_puts(b, ",\"date\":{\"from\":\"");
    raml_buf_puts(b, dl);
    raml_buf_puts(b, "\",\"to\":\"");
    raml_buf_puts(b, dh);
    raml_buf_puts(b, "\"},\"location\":{\"name\":");
    raml_buf_json_string(b, best->resolved_name ? best->resolved_name : best->name_ar);
    raml_buf_puts(b, ",\"name_ar\":");
    raml_buf_json_string(b, best->name_ar);
    raml_buf_puts(b, ",\"admin1\":");
    raml_buf_json_string(b, best->admin1);
    raml_buf_puts(b, ",\"country_iso3\":");
    raml_buf_json_string(b, best->country[0] ? best->country : NULL);
    raml_buf_printf(b, ",\"lat\":%.5f,\"lon\":%.5f,\"geo_precision\":", best->lat, best->lon);
    raml_buf_json_string(b, raml_geo_precision_name(best->precision));
    raml_buf_puts(b, "},\"nevents\":");
    raml_buf_put_ulong(b, nev);
    raml_buf_puts(b, ",\"ndocs\":");
    raml_buf_put_ulong(b, ndocs);
    raml_buf_puts(b, ",\"npublishers\":");
    raml_buf_put_ulong(b, npub);
    raml_buf_puts(b, ",\"documents\":[");
    if (docs.len)
        raml_buf_append(b, docs.data, docs.len);
    raml_buf_puts(b, "],\"publishers\":[");
    if (pubs.len)
        raml_buf_append(b, pubs.data, pubs.len);
    raml_buf_puts(b, "],\"earliest_report\":");
    if (earliest) {
        raml_buf_puts(b, "{\"doc_id\":");
        raml_buf_json_string(b, earliest->doc_id);
        raml_buf_puts(b, ",\"publisher\":");
        raml_buf_json_string(b, earliest->publisher);
        raml_buf_puts(b, ",\"pub_date\":");
        raml_buf_json_string(b, earliest->pub_date);
        raml_buf_putc(b, '}');
    } else {
        raml_buf_puts(b, "null");
    }
    raml_buf_puts(b, ",\"fatalities\":{\"killed\":{\"low\":");
    put_count(b, lo);
    raml_buf_puts(b, ",\"high\":");
    put_count(b, hi);
    raml_buf_puts(b, ",\"claims\":[");
    if (claims.len)
        raml_buf_append(b, claims.data, claims.len);
    raml_buf_puts(b, "]}},\"events\":[");
    if (evs.len)
        raml_buf_append(b, evs.data, evs.len);
    raml_buf_puts(b, "]}");
    if (ndocs_out)
        *ndocs_out = ndocs;
    raml_buf_free(&docs);
    raml_buf_free(&pubs);
    raml_buf_free(&claims);
    raml_buf_free(&evs);
}

/* ----- the clustering digest -----
 * Clustering reads back every candidate event; parsing its whole JSON record was most of
 * that work. The digest is the few fields clustering uses, written next to the JSON at
 * ingest: "\x02" then \x1f-separated fields, \x1e for NULL. It holds exactly what the JSON
 * round trip would give (the writer turns "" into null, prints coordinates with 5
 * decimals, the reader drops counts above 2e9), and an event whose JSON the reader would
 * refuse, or whose strings hold the separators, gets no digest: clustering then reads its
 * JSON as before. */

enum { DIGEST_FIELDS = 24 }; /* before the actors' (role, country, sector) triples */

static bool dg_clean(const char *v) { return !v || !strpbrk(v, "\x1e\x1f"); }

static void dg_str(raml_buf *b, const char *v)
{
    raml_buf_putc(b, '\x1f');
    if (v)
        raml_buf_puts(b, v);
    else
        raml_buf_putc(b, '\x1e');
}

/* A string the writer emits with str_or_null: "" comes back as NULL. */
static void dg_strn(raml_buf *b, const char *v) { dg_str(b, v && *v ? v : NULL); }

/* The reader maps the writer's enum name back to the first value with that name among its
 * n; anything else is a record it refuses or reads differently. */
static bool dg_enum(const char *(*name)(int), int v, int n)
{
    const char *nm = name(v);
    if (!nm)
        return false;
    for (int i = 0; i < n; i++) {
        const char *x = name(i);
        if (x && strcmp(x, nm) == 0)
            return i == v;
    }
    return false;
}
#define DG_NAMER(fn, type) \
    static const char *dg_##fn(int i) { return fn((type)i); }
DG_NAMER(raml_role_name, raml_role)
DG_NAMER(raml_geo_precision_name, raml_geo_precision)
DG_NAMER(raml_date_precision_name, raml_date_precision)
DG_NAMER(raml_date_method_name, raml_date_method)
DG_NAMER(raml_qualifier_name, raml_qualifier)
DG_NAMER(raml_polarity_name, raml_polarity)
DG_NAMER(raml_realis_name, raml_realis)
DG_NAMER(raml_certainty_name, raml_certainty)

/* The value a "%.Nf"/"%.6g" number reads back as, and whether it is within [lo, hi]. */
static bool dg_printed_in(const char *fmt, double v, double lo, double hi, char out[64])
{
    if (!isfinite(v))
        return false;
    snprintf(out, 64, fmt, v);
    double r = strtod(out, NULL);
    return r >= lo && r <= hi;
}

/* "\x1f" and v in decimal: printf was half the cost of a digest. */
static void dg_num(raml_buf *b, long v)
{
    raml_buf_putc(b, '\x1f');
    raml_buf_put_long(b, v);
}

/* dg_printed_in without the printing where it cannot matter: rounding to a printed
 * precision is monotone and lo, hi print exactly, so a value inside stays inside. */
static bool dg_reads_in(const char *fmt, double v, double lo, double hi)
{
    char t[64];
    return (v >= lo && v <= hi) || dg_printed_in(fmt, v, lo, hi, t);
}

/* dg_printed_in("%.5f", v, -lim, lim): every located event has two, and snprintf with
 * strtod was half of a digest's cost. v * 1e5 is off by less than 1e-7 for |v| < 1e4,
 * so its nearest integer is printf's unless v * 1e5 is within 1e-6 of a half, where
 * printf has the last word. lim is a whole number: |n| <= lim * 1e5 is the range check. */
static bool dg_coord(double v, long lim, char out[64])
{
    if (!(fabs(v) < 1e4))
        return dg_printed_in("%.5f", v, (double)-lim, (double)lim, out);
    double x = fabs(v) * 1e5, fl = floor(x), frac = x - fl;
    if (fabs(frac - 0.5) < 1e-6)
        return dg_printed_in("%.5f", v, (double)-lim, (double)lim, out);
    unsigned long n = (unsigned long)fl + (frac > 0.5);
    if (n > (unsigned long)lim * 100000UL)
        return false;
    char d[24];
    size_t nd = raml_utoa(d, n), o = 0;
    if (signbit(v))
        out[o++] = '-'; /* printf writes -0.00000 too */
    if (nd <= 5) {
        out[o++] = '0';
        out[o++] = '.';
        for (size_t k = nd; k < 5; k++)
            out[o++] = '0';
        memcpy(out + o, d, nd);
        o += nd;
    } else {
        memcpy(out + o, d, nd - 5);
        o += nd - 5;
        out[o++] = '.';
        memcpy(out + o, d + nd - 5, 5);
        o += 5;
    }
    out[o] = '\0';
    return true;
}

static long dg_count(long v) { return v < 0 || v > 2000000000L ? -1 : v; }

bool store_digest(raml_buf *b, const raml_doc_meta *m, const raml_event *ev)
{
    raml_buf_clear(b);
    /* Records the JSON reader refuses (clustering skips those): leave them to it. */
    if (ev->quad_class < 0 || ev->quad_class > 4 || !dg_reads_in("%.2f", ev->confidence, 0, 1))
        return false;
    if (isfinite(ev->goldstein) &&
        !dg_reads_in(fabs(ev->goldstein) < 1e15 && ev->goldstein == (long)ev->goldstein ? "%.0f"
                                                                                         : "%.6g",
                     ev->goldstein, -10, 10))
        return false;
    if (ev->nmodes > RAML_MAX_MODES || ev->ncontexts > RAML_MAX_MODES || ev->nrules > RAML_MAX_RULES ||
        ev->nactors > RAML_MAX_ACTORS || ev->nmodes < 0 || ev->ncontexts < 0 || ev->nrules < 0 ||
        ev->nactors < 0)
        return false;
    for (int i = 0; i < ev->nmodes; i++)
        if (!ev->modes[i])
            return false;
    for (int i = 0; i < ev->ncontexts; i++)
        if (!ev->contexts[i])
            return false;
    for (int i = 0; i < ev->nrules; i++)
        if (!ev->rule_ids[i])
            return false;
    if (!dg_enum(dg_raml_polarity_name, ev->modality.polarity, 2) ||
        !dg_enum(dg_raml_realis_name, ev->modality.realis, 7) ||
        !dg_enum(dg_raml_certainty_name, ev->modality.certainty, 4) ||
        !dg_enum(dg_raml_date_precision_name, ev->date.precision, 5) ||
        !dg_enum(dg_raml_date_method_name, ev->date.method, 5))
        return false;
    const raml_count *cs[] = {&ev->killed, &ev->injured, &ev->arrested};
    for (int i = 0; i < 3; i++)
        if (cs[i]->present && !dg_enum(dg_raml_qualifier_name, cs[i]->qualifier, 7))
            return false;
    for (int i = 0; i < ev->nactors; i++)
        if (!dg_enum(dg_raml_role_name, ev->actors[i].role, 3) || ev->actors[i].nsectors < 0 ||
            ev->actors[i].nsectors > RAML_MAX_SECTORS)
            return false;
    const raml_location *l = &ev->location;
    char lat[64] = "0", lon[64] = "0";
    if (l->present && (!dg_enum(dg_raml_geo_precision_name, l->precision, 9) ||
                       !dg_coord(l->lat, 90, lat) || !dg_coord(l->lon, 180, lon)))
        return false;
    const char *strs[] = {m->id, m->publisher, m->pub_date, ev->plover_type, l->resolved_name,
                          l->name_ar, l->admin1};
    for (size_t i = 0; i < sizeof strs / sizeof *strs; i++)
        if (!dg_clean(strs[i]))
            return false;
    if (!m->id)
        return false;
    raml_buf_putc(b, '\x02');
    raml_buf_puts(b, m->id);
    dg_strn(b, m->publisher);
    dg_strn(b, m->pub_date);
    dg_num(b, ev->sentence_index);
    dg_num(b, ev->index_in_sentence);
    dg_str(b, ev->plover_type);
    dg_num(b, (int)ev->modality.polarity);
    dg_num(b, (int)ev->modality.realis);
    dg_str(b, ev->date.value);
    dg_num(b, (int)ev->date.precision);
    dg_num(b, l->present ? 1 : 0);
    dg_num(b, l->present ? (int)l->precision : 0);
    dg_str(b, l->present ? l->country : "");
    dg_strn(b, l->present ? l->admin1 : NULL);
    dg_str(b, lat);
    dg_str(b, lon);
    dg_strn(b, l->present ? l->resolved_name : NULL);
    dg_strn(b, l->present ? l->name_ar : NULL);
    const raml_count *k = &ev->killed;
    dg_num(b, k->present ? 1 : 0);
    dg_num(b, k->present ? dg_count(k->count) : -1);
    dg_num(b, k->present ? (int)k->qualifier : 0);
    dg_num(b, k->present ? dg_count(k->low) : -1);
    dg_num(b, k->present ? dg_count(k->high) : -1);
    dg_num(b, ev->nactors);
    for (int i = 0; i < ev->nactors; i++) {
        const raml_actor *a = &ev->actors[i];
        dg_num(b, (int)a->role);
        dg_str(b, a->country);
        dg_str(b, a->sector);
    }
    return !b->failed;
}

/* The inverse: the fields clustering reads, into *ev (the rest zero) and *meta. */
static bool digest_read(raml_arena *a, const char *s, size_t len, raml_event *ev,
                        raml_doc_meta *meta)
{
    memset(ev, 0, sizeof *ev);
    memset(meta, 0, sizeof *meta);
    if (!len || s[0] != '\x02')
        return false;
    const char *f[DIGEST_FIELDS + 3 * RAML_MAX_ACTORS];
    size_t fl[DIGEST_FIELDS + 3 * RAML_MAX_ACTORS];
    int n = 0;
    const char *p = s + 1, *end = s + len;
    while (n < (int)(sizeof f / sizeof *f)) {
        const char *sep = memchr(p, '\x1f', (size_t)(end - p));
        f[n] = p;
        fl[n++] = sep ? (size_t)(sep - p) : (size_t)(end - p);
        if (!sep)
            break;
        p = sep + 1;
    }
    if (n < DIGEST_FIELDS)
        return false;
#define STR(i) (fl[i] == 1 && f[i][0] == '\x1e' ? NULL : raml_arena_strndup(a, f[i], fl[i]))
#define NUM(i) strtol(f[i], NULL, 10)
    meta->id = STR(0);
    meta->publisher = STR(1);
    meta->pub_date = STR(2);
    ev->sentence_index = (uint32_t)strtoul(f[3], NULL, 10);
    ev->index_in_sentence = (uint32_t)strtoul(f[4], NULL, 10);
    ev->plover_type = STR(5);
    ev->modality.polarity = (raml_polarity)NUM(6);
    ev->modality.realis = (raml_realis)NUM(7);
    if (fl[8] < sizeof ev->date.value && !(fl[8] == 1 && f[8][0] == '\x1e'))
        memcpy(ev->date.value, f[8], fl[8]);
    ev->date.precision = (raml_date_precision)NUM(9);
    raml_location *l = &ev->location;
    l->present = NUM(10) != 0;
    l->precision = (raml_geo_precision)NUM(11);
    if (fl[12] < sizeof l->country)
        memcpy(l->country, f[12], fl[12]);
    l->admin1 = STR(13);
    l->lat = strtod(f[14], NULL);
    l->lon = strtod(f[15], NULL);
    l->resolved_name = STR(16);
    l->name_ar = STR(17);
    raml_count *k = &ev->killed;
    k->present = NUM(18) != 0;
    k->count = NUM(19);
    k->qualifier = (raml_qualifier)NUM(20);
    k->low = NUM(21);
    k->high = NUM(22);
    int na = (int)NUM(23);
    if (na < 0 || na > RAML_MAX_ACTORS || n != DIGEST_FIELDS + 3 * na)
        return false;
    for (int i = 0; i < na; i++) {
        raml_actor *ac = &ev->actors[i];
        int b = DIGEST_FIELDS + 3 * i;
        ac->role = (raml_role)NUM(b);
        if (fl[b + 1] < sizeof ac->country)
            memcpy(ac->country, f[b + 1], fl[b + 1]);
        if (fl[b + 2] < sizeof ac->sector)
            memcpy(ac->sector, f[b + 2], fl[b + 2]);
    }
    ev->nactors = na;
#undef STR
#undef NUM
    return !a->failed;
}

/* ----- the store pass ----- */

typedef struct loader {
    raml_arena *a;
    raml_dedup_item *items;
    size_t n, cap;
    bool oom;
    raml_error *err;
    raml_buf dec; /* stored JSON decoded (store_json.c) */
    /* The events, in blocks of doubling size: a full pass holds ~1.6 KB for each of
     * tens of thousands of events, and taking that memory from the arena a page fault at
     * a time cost a fifth of the pass on our VMs; large blocks come populated in one
     * call (raml_bigmem). */
    raml_bigmem *slabs;
    size_t nslabs, slab_used, slab_events;
} loader;

static raml_event *new_event(loader *l)
{
    if (!l->nslabs || l->slab_used == l->slab_events) {
        raml_bigmem *g = realloc(l->slabs, (l->nslabs + 1) * sizeof *g);
        if (!g)
            return NULL;
        l->slabs = g;
        size_t n = l->nslabs ? l->slab_events * 2 : 256;
        if (n > 8192)
            n = 8192;
        if (!raml_bigmem_alloc(&l->slabs[l->nslabs], n * sizeof(raml_event)))
            return NULL;
        l->nslabs++;
        l->slab_events = n;
        l->slab_used = 0;
    }
    return (raml_event *)l->slabs[l->nslabs - 1].p + l->slab_used++;
}

static int load_one(void *c, long long rowid, const char *json, size_t len, const char *old)
{
    loader *l = c;
    if (l->n == l->cap) {
        size_t nc = l->cap ? l->cap * 2 : 256;
        raml_dedup_item *g = realloc(l->items, nc * sizeof *g);
        if (!g) {
            l->oom = true;
            return 1;
        }
        l->items = g;
        l->cap = nc;
    }
    raml_event *ev = new_event(l);
    raml_doc_meta meta;
    raml_error e;
    if (!ev) {
        l->oom = true;
        return 1;
    }
    /* An event not kept gives its place back to the next one. */
    if (len && json[0] == '\x02') {
        if (!digest_read(l->a, json, len, ev, &meta)) {
            l->slab_used--;
            return 0;
        }
    } else {
        json = store_json_decode(&l->dec, json, &len);
        if (raml_read_event_json(l->a, json, len, ev, &meta, NULL, &e) != RAML_OK) {
            l->slab_used--;
            return 0; /* a record we cannot read is left alone, not fatal */
        }
    }
    raml_dedup_item *it = &l->items[l->n];
    memset(it, 0, sizeof *it);
    it->rowid = rowid;
    it->ev = ev;
    it->doc_id = meta.id;
    it->publisher = meta.publisher;
    it->pub_date = meta.pub_date;
    char id[512];
    if (meta.id)
        store_event_id(id, sizeof id, meta.id, ev->sentence_index, ev->index_in_sentence);
    else
        snprintf(id, sizeof id, "%s:s%u:e%u", "(null)", ev->sentence_index, ev->index_in_sentence);
    it->event_id = raml_arena_strdup(l->a, id);
    it->old_cluster = old ? raml_arena_strdup(l->a, old) : NULL;
    if (raml_dedup_prepare(it) || it->old_cluster)
        l->n++;
    else
        l->slab_used--;
    return 0;
}

/* Re-clusters [from, to] (widened) inside the caller's transaction. */
static raml_status dedup_range(raml_store *s, const char *from, const char *to,
                               unsigned long *nclusters, raml_error *err)
{
    char lo[11] = "0000-01-01", hi[11] = "9999-12-31";
    /* Widen by the ±1-day rule and a little more, so neighbours at the edges are seen. */
    if (from && strlen(from) == 10)
        store_ymd(store_days(from) - 3, lo);
    if (to && strlen(to) == 10)
        store_ymd(store_days(to) + 3, hi);
    raml_arena a;
    raml_arena_init(&a, 1 << 20);
    loader l = {.a = &a, .err = err};
    raml_buf_init(&l.dec);
    size_t *label = NULL, *start = NULL, *members = NULL;
    char(*ids)[20] = NULL;
    raml_buf json;
    raml_buf_init(&json);
    store_params p = {0};
    store_param_text(&p, hi);
    store_param_text(&p, lo);
    store_param_text(&p, hi);
    store_param_text(&p, lo);
    /* Whole clusters with any member in range come along, so a cluster is always rebuilt
     * from all its members, never from the part that happens to fall in the window. */
#define LOAD_WHERE                                                                              \
    " FROM events e WHERE (e.actual = 1 AND e.date_lo <= ? AND e.date_hi >= ? AND e.lat IS NOT " \
    "NULL) OR e.cluster_id IN (SELECT cluster_id FROM events WHERE date_lo <= ? AND "          \
    "date_hi >= ? AND cluster_id IS NOT NULL) ORDER BY e.id"
    /* SQLite keeps a digest (see store_digest) for most events: read it instead of the JSON. */
    raml_status st = s->ops->load(
        s,
        s->pg ? "SELECT e.id, (SELECT j.json FROM event_json j WHERE j.id = e.id), e.cluster_id" LOAD_WHERE
              : "SELECT e.id, (SELECT COALESCE(j.dd, j.json) FROM event_json j WHERE j.id = e.id), "
                "e.cluster_id" LOAD_WHERE,
        &p, load_one, &l, err);
    if (st == RAML_OK && (l.oom || a.failed))
        st = raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "out of memory");
    if (st != RAML_OK)
        goto out;
    size_t n = l.n, m1 = n ? n : 1;
    label = malloc(m1 * sizeof *label);
    start = malloc((n + 1) * sizeof *start);
    members = malloc(m1 * sizeof *members);
    ids = malloc(m1 * sizeof *ids);
    if (!label || !start || !members || !ids) {
        st = raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "out of memory");
        goto out;
    }
    raml_dedup_cluster(l.items, n, label);
    if (raml_dedup_members(n, label, start, members) == SIZE_MAX) {
        st = raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "out of memory");
        goto out;
    }
    for (size_t i = 0; i < n; i++)
        if (label[i] == i)
            raml_dedup_cluster_id(l.items, members + start[i], start[i + 1] - start[i], ids[i]);
    /* Old cluster rows of everything loaded go first; the current ones are written below. */
    for (size_t i = 0; st == RAML_OK && i < n; i++) {
        const raml_dedup_item *it = &l.items[i];
        const char *nid = it->family >= 0 ? ids[label[i]] : NULL;
        if (it->old_cluster) {
            p.n = 0;
            store_param_text(&p, it->old_cluster);
            st = s->ops->exec(s, "DELETE FROM clusters WHERE id = ?", &p, err);
        }
        if (st == RAML_OK && !(nid && it->old_cluster && strcmp(nid, it->old_cluster) == 0)) {
            p.n = 0;
            if (nid)
                store_param_text(&p, nid);
            store_param_num(&p, (double)it->rowid);
            st = s->ops->exec(s, nid ? "UPDATE events SET cluster_id = ? WHERE id = ?"
                                     : "UPDATE events SET cluster_id = NULL WHERE id = ?",
                              &p, err);
        }
    }
    for (size_t i = 0; st == RAML_OK && i < n; i++) {
        if (label[i] != i || l.items[i].family < 0)
            continue;
        const size_t *mem = members + start[i];
        size_t nm = start[i + 1] - start[i], ndocs = 0;
        raml_buf_clear(&json);
        raml_dedup_cluster_json(&json, ids[i], l.items, mem, nm, &ndocs);
        if (json.failed) {
            st = raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "out of memory");
            break;
        }
        if (ndocs > 1)
            (*nclusters)++;
        long dlo = l.items[i].lo, dhi = l.items[i].hi;
        for (size_t k = 0; k < nm; k++) {
            if (l.items[mem[k]].lo < dlo)
                dlo = l.items[mem[k]].lo;
            if (l.items[mem[k]].hi > dhi)
                dhi = l.items[mem[k]].hi;
        }
        char dl[11], dh[11];
        store_ymd(dlo, dl);
        store_ymd(dhi, dh);
        p.n = 0;
        store_param_text(&p, ids[i]);
        st = s->ops->exec(s, "DELETE FROM clusters WHERE id = ?", &p, err);
        p.n = 0;
        store_param_text(&p, ids[i]);
        store_param_text(&p, l.items[i].ev->plover_type);
        store_param_text(&p, dl);
        store_param_text(&p, dh);
        store_param_text(&p, l.items[i].ev->location.country);
        store_param_num(&p, (double)nm);
        store_param_num(&p, (double)ndocs);
        store_param_text(&p, json.data);
        if (st == RAML_OK)
            st = s->ops->exec(s, "INSERT INTO clusters(id, type, date_lo, date_hi, country, "
                                 "nevents, ndocs, json) VALUES(?,?,?,?,?,?,?,?)",
                              &p, err);
    }
out:
    raml_buf_free(&json);
    free(label);
    free(start);
    free(members);
    free(ids);
    free(l.items);
    for (size_t i = 0; i < l.nslabs; i++)
        raml_bigmem_free(&l.slabs[i]);
    free(l.slabs);
    raml_buf_free(&l.dec);
    raml_arena_free(&a);
    return st;
}

raml_status raml_store_dedup(raml_store *s, const char *from, const char *to,
                             unsigned long *nclusters, raml_error *err)
{
    *nclusters = 0;
    raml_status st = raml_store_begin(s, err);
    if (st != RAML_OK)
        return st;
    st = dedup_range(s, from, to, nclusters, err);
    if (st == RAML_OK)
        st = raml_store_commit(s, err);
    raml_store_rollback(s);
    return st;
}

typedef struct pending {
    char (*lo)[11], (*hi)[11];
    size_t n, cap;
    bool oom;
} pending;

static int pending_row(void *c, const char *row, size_t len)
{
    pending *p = c;
    if (len != 21 || row[10] != '\t')
        return 0;
    if (p->n == p->cap) {
        size_t nc = p->cap ? p->cap * 2 : 16;
        char(*l)[11] = realloc(p->lo, nc * sizeof *l);
        if (l)
            p->lo = l;
        char(*h)[11] = realloc(p->hi, nc * sizeof *h);
        if (h)
            p->hi = h;
        if (!l || !h) {
            p->oom = true;
            return 1;
        }
        p->cap = nc;
    }
    memcpy(p->lo[p->n], row, 10);
    p->lo[p->n][10] = '\0';
    memcpy(p->hi[p->n], row + 11, 10);
    p->hi[p->n][10] = '\0';
    p->n++;
    return 0;
}

raml_status raml_store_dedup_pending(raml_store *s, unsigned long *nclusters, raml_error *err)
{
    *nclusters = 0;
    pending pd = {0};
    store_params p = {0};
    raml_status st = raml_store_begin(s, err);
    if (st != RAML_OK)
        return st;
    int stopped = 0;
    st = s->ops->select_text(s,
                             "SELECT DISTINCT date_lo || char(9) || date_hi FROM dedup_pending "
                             "ORDER BY 1",
                             &p, pending_row, &pd, &stopped, err);
    if (st == RAML_OK && pd.oom)
        st = raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "out of memory");
    /* Ranges sorted by start; overlapping or nearly touching ones are clustered as one, so
     * a year of one-day batches is one pass, but 2011 and 2023 are not one 12-year pass. */
    for (size_t i = 0; st == RAML_OK && i < pd.n;) {
        char lo[11], hi[11];
        memcpy(lo, pd.lo[i], 11);
        memcpy(hi, pd.hi[i], 11);
        size_t j = i + 1;
        for (; j < pd.n && store_days(pd.lo[j]) <= store_days(hi) + 7; j++)
            if (strcmp(pd.hi[j], hi) > 0)
                memcpy(hi, pd.hi[j], 11);
        st = dedup_range(s, lo, hi, nclusters, err);
        i = j;
    }
    /* Only the rows read here: a concurrent writer's new range stays for its own pass. */
    for (size_t i = 0; st == RAML_OK && i < pd.n; i++) {
        p.n = 0;
        store_param_text(&p, pd.lo[i]);
        store_param_text(&p, pd.hi[i]);
        st = s->ops->exec(s, "DELETE FROM dedup_pending WHERE date_lo = ? AND date_hi = ?", &p, err);
    }
    if (st == RAML_OK)
        st = raml_store_commit(s, err);
    raml_store_rollback(s);
    free(pd.lo);
    free(pd.hi);
    return st;
}
