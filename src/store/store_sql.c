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

const char *store_sql_from(raml_buf *sql, store_params *p, const raml_store_filter *f,
                           const char *const *stems, int nstems, bool pg)
{
    int n = 0;
    /* SQLite text search drives the query: each full-text hit (row id doc << 20 |
     * sentence; 1048575 = the whole-document row) joins its sentence's events, ids
     * doc << 32 | sentence << 12 | k, by one range seek; the hits come in row id order,
     * which is event id order, so a page needs no sort and a count no temporary set. */
    bool join = nstems > 0 && !pg;
    /* CROSS JOIN keeps this loop order (probing the text index per event row costs a
     * full-text query per row); NOT INDEXED makes the inner loop the id range seek, not a
     * scan of a filter index per hit. */
    raml_buf_puts(sql, join ? " FROM sentence_fts CROSS JOIN events e NOT INDEXED ON e.id BETWEEN (CASE WHEN "
                              "(sentence_fts.rowid & 1048575) = 1048575 THEN "
                              "(sentence_fts.rowid >> 20) << 32 ELSE sentence_fts.rowid << 12 "
                              "END) AND (sentence_fts.rowid << 12) + 4095"
                            : " FROM events e");
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
        /* Under a text search the unary + keeps the key list from driving the event loop:
         * SQLite would otherwise walk the whole list for every full-text hit instead of
         * seeking the hit's id range (quadratic: 21 s for text+actor on 40,000 events). */
        if (join)
            raml_buf_putc(sql, '+');
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
        /* A latitude band of the (lat, lon) index, the longitude and the exact distance
         * checked inside the index entry: no event row is read. */
        if (pg) {
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
            raml_buf_puts(sql, "sentence_fts MATCH ?");
        }
        if (q.failed)
            p->overflow = true;
        raml_buf_free(&q);
    }
    return join ? "sentence_fts.rowid, e.id" : "e.id";
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
