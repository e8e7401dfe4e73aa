/* The filter → WHERE clause translation both back ends share. Every value is a bound
 * parameter; only the SQL shape depends on which filters are set and on the dialect
 * (SQLite: R*Tree + FTS5; PostgreSQL: lat/lon B-tree + tsvector). */
#include "store/store_impl.h"

#include <math.h>
#include <stdio.h>
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

/* FTS5 query text: every stem a quoted phrase (implicit AND). */
static void fts5query(raml_buf *b, const char *const *stems, int n)
{
    for (int i = 0; i < n; i++) {
        raml_buf_puts(b, i ? " \"" : "\"");
        for (const char *c = stems[i]; *c; c++) {
            if (*c == '"')
                raml_buf_putc(b, '"');
            raml_buf_putc(b, *c);
        }
        raml_buf_putc(b, '"');
    }
}

void store_sql_where(raml_buf *sql, store_params *p, const raml_store_filter *f,
                     const char *const *stems, int nstems, bool pg)
{
    int n = 0;
    if (f->type && *f->type) {
        and(sql, &n);
        raml_buf_puts(sql, "e.type = ?");
        store_param_text(p, f->type);
    }
    if (f->country && *f->country) {
        and(sql, &n);
        raml_buf_puts(sql, "e.country = ?");
        store_param_text(p, f->country);
    }
    if (f->from && *f->from && strlen(f->from) == 10) {
        /* No stored range is longer than a year: the extra lower bound on date_lo turns the
         * overlap test into a bounded index range instead of a scan from the oldest event. */
        char floor_d[11];
        store_ymd(store_days(f->from) - 366, floor_d);
        and(sql, &n);
        raml_buf_puts(sql, "e.date_hi >= ? AND e.date_lo >= ?");
        store_param_text(p, f->from);
        store_param_copy(p, floor_d);
    }
    if (f->to && *f->to) {
        and(sql, &n);
        raml_buf_puts(sql, "e.date_lo <= ?");
        store_param_text(p, f->to);
    }
    raml_arena scratch;
    raml_arena_init(&scratch, 4096);
    const struct {
        const char *v;
        char kind;
    } names[] = {{f->actor, 'a'}, {f->place, 'p'}};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        if (!names[i].v || !*names[i].v)
            continue;
        const char *keys[2];
        int nk = store_name_keys(&scratch, names[i].kind, names[i].v, f->guard, keys);
        and(sql, &n);
        if (nk == 0) { /* only punctuation: no stored key can equal it */
            raml_buf_puts(sql, "1 = 0");
            continue;
        }
        raml_buf_puts(sql, nk == 2 ? "e.id IN (SELECT k.event FROM event_keys k WHERE k.key IN (?, ?))"
                                   : "e.id IN (SELECT k.event FROM event_keys k WHERE k.key = ?)");
        for (int k = 0; k < nk; k++)
            store_param_copy(p, keys[k]);
    }
    raml_arena_free(&scratch);
    if (f->near) {
        double dlat = f->km / 111.195;
        double c = cos(f->lat * M_PI / 180.0);
        double dlon = f->km / (111.195 * (c < 0.01 ? 0.01 : c));
        and(sql, &n);
        if (pg) {
            raml_buf_puts(sql, "e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ? AND "
                               "6371.0088 * 2 * asin(sqrt(power(sin(radians(e.lat - ?) / 2), 2) + "
                               "cos(radians(?)) * cos(radians(e.lat)) * "
                               "power(sin(radians(e.lon - ?) / 2), 2))) <= ?");
        } else {
            raml_buf_puts(sql, "e.id IN (SELECT g.id FROM event_geo g WHERE g.minlat >= ? AND "
                               "g.maxlat <= ? AND g.minlon >= ? AND g.maxlon <= ?) AND "
                               "raml_km(e.lat, e.lon, ?, ?) <= ?");
        }
        store_param_num(p, f->lat - dlat);
        store_param_num(p, f->lat + dlat);
        store_param_num(p, f->lon - dlon);
        store_param_num(p, f->lon + dlon);
        store_param_num(p, f->lat);
        if (pg)
            store_param_num(p, f->lat);
        store_param_num(p, f->lon);
        store_param_num(p, f->km);
    }
    if (nstems > 0) {
        raml_buf q;
        raml_buf_init(&q);
        if (pg)
            tsquery(&q, stems, nstems);
        else
            fts5query(&q, stems, nstems);
        const char *textq = q.data ? q.data : "";
        and(sql, &n);
        store_param_copy(p, textq);
        if (pg) {
            raml_buf_puts(sql, "EXISTS (SELECT 1 FROM sentences s WHERE s.doc = e.doc AND "
                               "(s.sentence = e.sentence OR s.sentence = 1048575) AND "
                               "s.tsv @@ CAST(? AS tsquery))");
        } else {
            /* rowid = doc << 20 | sentence; 1048575 = the whole-document fallback row. A
             * plain IN (subquery) is materialised once, not re-run per event. */
            raml_buf_puts(sql, "(e.doc * 1048576 + e.sentence IN (SELECT rowid FROM sentence_fts "
                               "WHERE sentence_fts MATCH ?) OR e.doc * 1048576 + 1048575 IN "
                               "(SELECT rowid FROM sentence_fts WHERE sentence_fts MATCH ?))");
            if (!p->overflow) /* the same pooled copy, bound twice */
                store_param_text(p, p->v[p->n - 1].s);
        }
        if (q.failed)
            p->overflow = true;
        raml_buf_free(&q);
    }
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
