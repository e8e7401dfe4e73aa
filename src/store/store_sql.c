/* The filter → WHERE clause translation both back ends share. Every value is a bound
 * parameter; only the SQL shape depends on which filters are set and on the dialect
 * (SQLite: R*Tree + FTS5; PostgreSQL: lat/lon B-tree + tsvector). */
#include "store/store_impl.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void store_param_text(store_params *p, const char *s)
{
    if (p->n >= (int)(sizeof p->v / sizeof *p->v)) {
        p->overflow = true;
        return;
    }
    p->v[p->n].num = false;
    p->v[p->n++].s = s;
}

void store_param_copy(store_params *p, const char *s)
{
    size_t n = strlen(s) + 1;
    if (n > sizeof p->pool - p->used) {
        p->overflow = true;
        return;
    }
    char *d = p->pool + p->used;
    memcpy(d, s, n);
    p->used += n;
    store_param_text(p, d);
}

void store_param_num(store_params *p, double d)
{
    if (p->n >= (int)(sizeof p->v / sizeof *p->v)) {
        p->overflow = true;
        return;
    }
    p->v[p->n].num = true;
    p->v[p->n++].d = d;
}

raml_status store_params_check(const store_params *p, raml_error *err)
{
    if (!p->overflow)
        return RAML_OK;
    return raml_error_set(err, RAML_ERR_USAGE, NULL, 0, -1,
                          "query filters too long (at most %zu bytes of names and words)",
                          sizeof p->pool);
}

static void and(raml_buf *sql, int *n) { raml_buf_puts(sql, (*n)++ ? " AND " : " WHERE "); }

/* tsquery text: every stem a quoted lexeme, all required. */
static void tsquery(raml_buf *b, const char *const *stems, int n)
{
    for (int i = 0; i < n; i++) {
        raml_buf_puts(b, i ? " & '" : "'");
        for (const char *c = stems[i]; *c; c++) {
            if (*c == '\'' || *c == '\\')
                raml_buf_putc(b, *c);
            raml_buf_putc(b, *c);
        }
        raml_buf_putc(b, '\'');
    }
}

void store_marker(raml_buf *b, char kind, const char *v, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)v[i];
        h *= 16777619u;
    }
    char t[16];
    int k = 0;
    t[k++] = ' ';
    memcpy(t + k, STORE_MARKER_PREFIX, 3);
    k += 3;
    t[k++] = kind;
    for (int i = 0; i < 7; i++, h /= 36)
        t[k++] = "0123456789abcdefghijklmnopqrstuvwxyz"[h % 36];
    raml_buf_append(b, t, (size_t)k);
}

void store_event_markers(raml_buf *b, raml_buf *m, const char *type, const char *country,
                         const char *date_lo, const char *date_hi, const char *const *keys,
                         int nkeys, const char *keylist)
{
    raml_buf_clear(m);
    if (type && *type)
        store_marker(m, 't', type, strlen(type));
    if (country && *country)
        store_marker(m, 'c', country, strlen(country));
    if (date_lo && date_hi && *date_lo && *date_hi) {
        /* Every year the range touches; a range over 4 years (none is: dates cover at most
         * a year) gets the any-year marker "*", which every year search also accepts. */
        int y0 = atoi(date_lo), y1 = atoi(date_hi);
        if (y1 - y0 >= 4) {
            store_marker(m, 'y', "*", 1);
        } else {
            for (int y = y0; y <= y1; y++) {
                char yv[16];
                snprintf(yv, sizeof yv, "%04d", y);
                store_marker(m, 'y', yv, strlen(yv));
            }
        }
    }
    for (int k = 0; k < nkeys; k++)
        store_marker(m, keys[k][0], keys[k], strlen(keys[k]));
    for (const char *k = keylist; k && *k;) {
        const char *sep = strchr(k, '\x1f');
        size_t n = sep ? (size_t)(sep - k) : strlen(k);
        if (n)
            store_marker(m, k[0], k, n);
        k += n + (sep != NULL);
    }
    /* Markers are 12 bytes each (" " + prefix + kind + 7 digits); a row has a few dozen,
     * repeated by its events. A repeat is only a wasted token, so past 256 of them (a row
     * of very many events) they are no longer looked for. */
    for (size_t i = 0; i + 12 <= m->len; i += 12) {
        bool dup = false;
        for (size_t j = 0; !dup && j + 12 <= b->len && b->len <= 12 * 256; j += 12)
            dup = memcmp(b->data + j, m->data + i, 12) == 0;
        if (!dup)
            raml_buf_append(b, m->data + i, 12);
    }
}

bool store_valid_ymd(const char *s)
{
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return false;
    char back[11];
    store_ymd(store_days(s), back);
    return memcmp(back, s, 10) == 0;
}

static bool has_from(const raml_store_filter *f) { return f->from && *f->from && strlen(f->from) == 10; }
static bool has_to(const raml_store_filter *f) { return f->to && *f->to; }

/* Type, country and date conditions on `events e`, or (keys) on the copies of those
 * columns in `event_keys k`, dates there as day numbers. */
static void column_conds(raml_buf *sql, store_params *p, const store_query *q, int *n, bool keys)
{
    const raml_store_filter *f = q->f;
    const char *t = keys ? "k." : "e.";
    if (q->ntypes) {
        and(sql, n);
        raml_buf_printf(sql, q->ntypes == 1 ? "%stype = ?" : "%stype IN (?", t);
        for (int i = 1; i < q->ntypes; i++)
            raml_buf_puts(sql, i + 1 < q->ntypes ? ", ?" : ", ?)");
        for (int i = 0; i < q->ntypes; i++)
            store_param_text(p, q->types[i]);
    }
    if (f->country && *f->country) {
        and(sql, n);
        raml_buf_printf(sql, "%scountry = ?", t);
        store_param_text(p, f->country);
    }
    if (has_from(f)) {
        /* No stored range is longer than a year: the extra lower bound on date_lo turns the
         * overlap test into a bounded index range instead of a scan from the oldest event. */
        long from = store_days(f->from);
        and(sql, n);
        if (keys) {
            raml_buf_puts(sql, "k.hi >= ? AND k.lo >= ?");
            store_param_num(p, (double)from);
            store_param_num(p, (double)(from - 366));
        } else {
            char floor_d[11];
            store_ymd(from - 366, floor_d);
            raml_buf_puts(sql, "e.date_hi >= ? AND e.date_lo >= ?");
            store_param_text(p, f->from);
            store_param_copy(p, floor_d);
        }
    }
    if (has_to(f)) {
        and(sql, n);
        if (keys) {
            raml_buf_puts(sql, "k.lo <= ?");
            store_param_num(p, (double)store_days(f->to));
        } else {
            raml_buf_puts(sql, "e.date_lo <= ?");
            store_param_text(p, f->to);
        }
    }
}

/* Name i as a condition on the event whose id is `ev`. */
static void name_cond(raml_buf *sql, store_params *p, const store_query *q, int i, int *n,
                      const char *ev, bool probe)
{
    and(sql, n);
    int nk = q->names[i].nk;
    if (nk == 0) { /* only punctuation: no stored key can equal it */
        raml_buf_puts(sql, "1 = 0");
        return;
    }
    if (probe) /* one primary-key seek per candidate event */
        raml_buf_printf(sql, "EXISTS (SELECT 1 FROM event_keys x WHERE x.key %s AND x.event = %s)",
                        nk == 2 ? "IN (?, ?)" : "= ?", ev);
    else /* the name's event ids as a list: SQLite may drive from it when it is short */
        raml_buf_puts(sql, nk == 2 ? "e.id IN (SELECT k.event FROM event_keys k WHERE k.key IN (?, ?))"
                                   : "e.id IN (SELECT k.event FROM event_keys k WHERE k.key = ?)");
    for (int k = 0; k < nk; k++)
        store_param_copy(p, q->names[i].keys[k]);
}

static void near_cond(raml_buf *sql, store_params *p, const store_query *q, int *n)
{
    const raml_store_filter *f = q->f;
    if (!f->near)
        return;
    double dlat = f->km / 111.195;
    double c = cos(f->lat * M_PI / 180.0);
    double dlon = f->km / (111.195 * (c < 0.01 ? 0.01 : c));
    and(sql, n);
    /* A latitude band of the (lat, lon) index, the longitude and the exact distance
     * checked inside the index entry: no event row is read. */
    if (q->pg) {
        raml_buf_puts(sql, "e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ? AND "
                           "6371.0088 * 2 * asin(sqrt(power(sin(radians(e.lat - ?) / 2), 2) + "
                           "cos(radians(?)) * cos(radians(e.lat)) * "
                           "power(sin(radians(e.lon - ?) / 2), 2))) <= ?");
    } else {
        raml_buf_puts(sql, "e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ? AND "
                           "raml_km(e.lat, e.lon, ?, ?) <= ?");
    }
    store_param_num(p, f->lat - dlat);
    store_param_num(p, f->lat + dlat);
    store_param_num(p, f->lon - dlon);
    store_param_num(p, f->lon + dlon);
    store_param_num(p, f->lat);
    if (q->pg)
        store_param_num(p, f->lat);
    store_param_num(p, f->lon);
    store_param_num(p, f->km);
}

/* Markers of one filter value set as an FTS5 group: ("m1" OR "m2" ...). */
static void marker_group(raml_buf *b, char kind, const char *const *v, int n)
{
    raml_buf m;
    raml_buf_init(&m);
    raml_buf_puts(b, " AND (");
    for (int i = 0; i < n; i++) {
        raml_buf_clear(&m);
        store_marker(&m, kind, v[i], strlen(v[i]));
        raml_buf_printf(b, "%s\"%s\"", i ? " OR " : "", m.data ? m.data + 1 : "");
        b->failed |= m.failed;
    }
    raml_buf_putc(b, ')');
    raml_buf_free(&m);
}

/* The FTS5 query: every stem a quoted phrase (all required), then the markers of the
 * other filters (see store_marker) so that FTS5 intersects them with the words. */
static void fts5query(raml_buf *b, const store_query *q)
{
    for (int i = 0; i < q->nstems; i++) {
        raml_buf_puts(b, i ? " \"" : "\"");
        for (const char *c = q->stems[i]; *c; c++) {
            if (*c == '"')
                raml_buf_putc(b, '"');
            raml_buf_putc(b, *c);
        }
        raml_buf_putc(b, '"');
    }
    const raml_store_filter *f = q->f;
    if (q->ntypes)
        marker_group(b, 't', q->types, q->ntypes);
    if (f->country && *f->country)
        marker_group(b, 'c', &f->country, 1);
    /* Years only for a short span: a long OR list would select about everything. */
    if (has_from(f) && has_to(f) && store_valid_ymd(f->from) && store_valid_ymd(f->to)) {
        int y0 = atoi(f->from), y1 = atoi(f->to);
        if (y0 <= y1 && y1 - y0 < 4) {
            char ys[4][8];
            const char *yv[5];
            for (int y = y0; y <= y1; y++) {
                snprintf(ys[y - y0], sizeof ys[0], "%04d", y);
                yv[y - y0] = ys[y - y0];
            }
            yv[y1 - y0 + 1] = "*"; /* events spanning many years (see store_event_markers) */
            marker_group(b, 'y', yv, y1 - y0 + 2);
        }
    }
    for (int i = 0; i < q->nnames; i++)
        if (q->names[i].nk)
            marker_group(b, q->names[i].kind, q->names[i].keys, q->names[i].nk);
}

/* The event id range of a full-text row (see store_sent): from the sentence's first id,
 * or the document's for the whole-document row, up to the row id. */
#define FTS_FIRST(r)                                                                          \
    "(CASE WHEN (" r " & 4294967295) = 4294967295 THEN (" r " >> 32) << 32 ELSE (" r          \
    " >> 12) << 12 END)"

/* Appends the FTS5 MATCH condition (SQLite) and its query text. */
static void match_cond(raml_buf *sql, store_params *p, const store_query *q, int *n)
{
    raml_buf t;
    raml_buf_init(&t);
    fts5query(&t, q);
    and(sql, n);
    raml_buf_puts(sql, "sentence_fts MATCH ?");
    store_param_copy(p, t.data ? t.data : "");
    if (t.failed)
        p->overflow = true;
    raml_buf_free(&t);
}

/* Everything but the driver's own condition; `ev` names the event id column. */
static void other_conds(raml_buf *sql, store_params *p, const store_query *q, int *n,
                        const char *ev, bool keys_cols)
{
    column_conds(sql, p, q, n, keys_cols);
    for (int i = 0; i < q->nnames; i++)
        if (!(q->drive == STORE_DRIVE_KEYS && i == q->driver))
            name_cond(sql, p, q, i, n, ev,
                      q->drive == STORE_DRIVE_KEYS || q->drive == STORE_DRIVE_TEXT || q->names_exists);
}

const char *store_sql_from(raml_buf *sql, store_params *p, const store_query *q)
{
    int n = 0;
    switch (q->drive) {
    case STORE_DRIVE_TEXT:
        /* Each full-text hit joins its events by one range seek; the hits come in row id
         * order, which is event id order, and the seek yields its range in id order, so a
         * page needs no sort and stops early. CROSS JOIN keeps this loop order (probing the
         * text index per event row costs a full-text query per row); NOT INDEXED makes the
         * inner loop the id range seek, not a scan of a filter index per hit. */
        raml_buf_puts(sql, " FROM sentence_fts CROSS JOIN events e NOT INDEXED ON e.id BETWEEN " FTS_FIRST(
                               "sentence_fts.rowid") " AND sentence_fts.rowid");
        match_cond(sql, p, q, &n);
        other_conds(sql, p, q, &n, "e.id", false);
        near_cond(sql, p, q, &n);
        return "sentence_fts.rowid";
    case STORE_DRIVE_KEYS:
        /* The driving name's key rows are in event order and carry the type, country and
         * dates: the page walks them, checks those in place and stops at 500. */
        raml_buf_puts(sql, " FROM event_keys k CROSS JOIN events e ON e.id = k.event WHERE k.key = ?");
        n = 1;
        store_param_copy(p, q->names[q->driver].keys[0]);
        other_conds(sql, p, q, &n, "e.id", true);
        near_cond(sql, p, q, &n);
        return "k.event";
    case STORE_DRIVE_SCAN:
        /* Most events match: reading them in id order finds a page after a few rows. */
        raml_buf_puts(sql, " FROM events e NOT INDEXED");
        break;
    case STORE_DRIVE_EVENTS:
        raml_buf_puts(sql, " FROM events e");
        break;
    }
    other_conds(sql, p, q, &n, "e.id", false);
    near_cond(sql, p, q, &n);
    if (q->nstems > 0) { /* PostgreSQL: the tsvector of the event's sentence or document */
        raml_buf t;
        raml_buf_init(&t);
        tsquery(&t, q->stems, q->nstems);
        and(sql, &n);
        store_param_copy(p, t.data ? t.data : "");
        raml_buf_puts(sql, "EXISTS (SELECT 1 FROM sentences s WHERE s.doc = e.doc AND "
                           "(s.sentence = e.sentence OR s.sentence = 1048575) AND "
                           "s.tsv @@ CAST(? AS tsquery))");
        if (t.failed)
            p->overflow = true;
        raml_buf_free(&t);
    }
    return "e.id";
}

void store_sql_count(raml_buf *sql, store_params *p, const store_query *q, bool clusters)
{
    const raml_store_filter *f = q->f;
    const char *what = clusters ? "SELECT CAST(count(DISTINCT e.cluster_id) AS TEXT)"
                                : "SELECT CAST(count(*) AS TEXT)";
    bool cols = q->ntypes || (f->country && *f->country) || has_from(f) || has_to(f) || f->near;
    if (q->drive == STORE_DRIVE_TEXT && !clusters && !cols && q->nnames == 0) {
        /* Words alone: a row's event count is in its id (see store_sent), so the count
         * reads the posting lists only. The rare whole-document row counts its range. */
        raml_buf_puts(sql, "SELECT CAST(COALESCE(sum(CASE WHEN (sentence_fts.rowid & 4294967295) = "
                           "4294967295 THEN (SELECT count(*) FROM events e WHERE e.id BETWEEN "
                           "(sentence_fts.rowid >> 32) << 32 AND sentence_fts.rowid) ELSE "
                           "(sentence_fts.rowid & 4095) + 1 END), 0) AS TEXT) FROM sentence_fts");
        int n = 0;
        match_cond(sql, p, q, &n);
        return;
    }
    if (q->drive == STORE_DRIVE_KEYS && !clusters && !f->near) {
        /* Counted inside the key rows: no event row is read. */
        int n = 1;
        raml_buf_puts(sql, "SELECT CAST(count(*) AS TEXT) FROM event_keys k WHERE k.key = ?");
        store_param_copy(p, q->names[q->driver].keys[0]);
        other_conds(sql, p, q, &n, "k.event", true);
        return;
    }
    raml_buf_puts(sql, what);
    store_sql_from(sql, p, q);
}

void store_sql_doc_events(raml_buf *sql, const raml_store *s, const char *doc)
{
    if (s->pg)
        raml_buf_printf(sql, "e.doc = %s", doc);
    else
        raml_buf_printf(sql, "e.id BETWEEN %s * 4294967296 AND %s * 4294967296 + 4294967295", doc,
                        doc);
}

void store_sql_pg_placeholders(raml_buf *out, const char *sql)
{
    int n = 0;
    bool quoted = false;
    for (const char *c = sql; *c; c++) {
        if (*c == '\'')
            quoted = !quoted;
        if (!quoted && *c == '?') {
            raml_buf_printf(out, "$%d", ++n);
        } else if (!quoted && strncmp(c, "char(", 5) == 0 && (c == sql || c[-1] == ' ' || c[-1] == '|')) {
            raml_buf_puts(out, "chr(");
            c += 4;
        } else {
            raml_buf_putc(out, *c);
        }
    }
}
