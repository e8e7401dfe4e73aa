/* Extra store reads for the HTTP API (see store_extra.h). */
#include "server/store_extra.h"
#include "store/store_impl.h"

#include <stdlib.h>
#include <string.h>

/* The same stem handling as the store's run_filtered, so counts agree with pages. Returns
 * false when the text has no searchable word (nothing can match). */
static bool where(raml_store *s, const raml_store_filter *f, raml_buf *sql, store_params *p)
{
    raml_arena_reset(&s->arena);
    const char **stems = NULL;
    int nstems = 0;
    if (f->text && *f->text) {
        nstems = store_query_stems(&s->arena, f->text, f->guard, &stems);
        if (nstems == 0)
            return false;
        if (nstems > 8)
            nstems = 8;
    }
    store_sql_where(sql, p, f, stems, nstems, s->pg);
    return true;
}

static int take_ulong(void *ctx, const char *row, size_t len)
{
    *(unsigned long *)ctx = strtoul(row, NULL, 10);
    return 0;
}

raml_status srv_store_count(raml_store *s, const raml_store_filter *f, bool clusters,
                            unsigned long *out, raml_error *err)
{
    *out = 0;
    raml_buf sql;
    raml_buf_init(&sql);
    store_params p = {0};
    raml_buf_puts(&sql, clusters ? "SELECT CAST(count(DISTINCT e.cluster_id) AS TEXT) FROM events e"
                                 : "SELECT CAST(count(*) AS TEXT) FROM events e");
    raml_status st = RAML_OK;
    if (where(s, f, &sql, &p)) {
        int stopped = 0;
        st = sql.failed ? raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "out of memory")
                        : s->ops->select_text(s, sql.data, &p, take_ulong, out, &stopped, err);
    }
    raml_buf_free(&sql);
    return st;
}

raml_status srv_store_points(raml_store *s, const raml_store_filter *f, raml_store_event_fn fn,
                             void *ctx, int *stopped, raml_error *err)
{
    *stopped = 0;
    raml_buf sql;
    raml_buf_init(&sql);
    store_params p = {0};
    /* Rounded to ~10 m: the map needs no more, and it halves the bytes sent. */
    raml_buf_puts(&sql, "SELECT e.event_id || char(9) || "
                        "CAST(round(CAST(e.lat AS numeric), 4) AS TEXT) || char(9) || "
                        "CAST(round(CAST(e.lon AS numeric), 4) AS TEXT) || char(9) || "
                        "COALESCE(e.type, '') || char(9) || COALESCE(e.date_lo, '') || char(9) || ");
    raml_buf_puts(&sql, s->pg ? "COALESCE(CAST(e.json AS json) #>> '{fatalities,killed,count}', '')"
                              : "COALESCE(json_extract(e.json, '$.fatalities.killed.count'), '')");
    raml_buf_puts(&sql, " || char(9) || COALESCE(e.cluster_id, '') FROM events e");
    size_t before = sql.len;
    raml_status st = RAML_OK;
    if (where(s, f, &sql, &p)) {
        raml_buf_puts(&sql, sql.len > before ? " AND e.lat IS NOT NULL" : " WHERE e.lat IS NOT NULL");
        raml_buf_puts(&sql, " ORDER BY e.id");
        if (f->limit)
            raml_buf_printf(&sql, " LIMIT %lu", f->limit);
        st = sql.failed ? raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "out of memory")
                        : s->ops->select_text(s, sql.data, &p, fn, ctx, stopped, err);
    }
    raml_buf_free(&sql);
    return st;
}

typedef struct doc_ctx {
    raml_buf *out;
    raml_buf tmp;
    int n;
    bool found;
} doc_ctx;

/* Fields are separated by \x1f; text comes last so that any \x1f inside it stays in it. */
static int doc_row(void *c, const char *row, size_t len)
{
    doc_ctx *d = c;
    static const char *const names[] = {"id", "title", "publisher", "date", "url", "text"};
    const char *p = row, *end = row + len;
    raml_buf_putc(d->out, '{');
    for (int i = 0; i < 6; i++) {
        const char *sep = i < 5 ? memchr(p, '\x1f', (size_t)(end - p)) : NULL;
        size_t n = sep ? (size_t)(sep - p) : (size_t)(end - p);
        raml_buf_printf(d->out, "%s\"%s\":", i ? "," : "", names[i]);
        if (n)
            raml_buf_json_stringn(d->out, p, n);
        else
            raml_buf_puts(d->out, "null"); /* the record format has no empty strings */
        p = sep ? sep + 1 : end;
    }
    d->found = true;
    return 1; /* doc_id is unique */
}

static int event_row(void *c, const char *row, size_t len)
{
    doc_ctx *d = c;
    const char *sep = memchr(row, '\x1f', len);
    const char *json = row;
    size_t jl = len;
    if (sep) {
        char cid[128];
        size_t cl = (size_t)(sep - row) < sizeof cid - 1 ? (size_t)(sep - row) : sizeof cid - 1;
        memcpy(cid, row, cl);
        cid[cl] = '\0';
        json = sep + 1;
        jl = len - (size_t)(json - row);
        json = store_with_cluster(&d->tmp, json, &jl, cid);
    }
    raml_buf_puts(d->out, d->n++ ? "," : "");
    raml_buf_append(d->out, json, jl);
    return 0;
}

raml_status srv_store_document(raml_store *s, const char *doc_id, raml_buf *out, bool *found,
                               raml_error *err)
{
    doc_ctx d = {.out = out};
    raml_buf_init(&d.tmp);
    store_params p = {0};
    store_param_text(&p, doc_id);
    int stopped = 0;
    raml_status st = s->ops->select_text(
        s,
        "SELECT d.doc_id || char(31) || COALESCE(d.title, '') || char(31) || "
        "COALESCE(d.publisher, '') || char(31) || COALESCE(d.pub_date, '') || char(31) || "
        "COALESCE(d.url, '') || char(31) || COALESCE(d.text, '') FROM documents d WHERE "
        "d.doc_id = ?",
        &p, doc_row, &d, &stopped, err);
    if (st == RAML_OK && d.found) {
        raml_buf_puts(out, ",\"events\":[");
        st = s->ops->select_text(s,
                                 "SELECT CASE WHEN e.cluster_id IS NULL THEN e.json ELSE "
                                 "e.cluster_id || char(31) || e.json END FROM events e WHERE "
                                 "e.doc = (SELECT d.id FROM documents d WHERE d.doc_id = ?) "
                                 "ORDER BY e.id",
                                 &p, event_row, &d, &stopped, err);
        raml_buf_puts(out, "]}");
    }
    raml_buf_free(&d.tmp);
    *found = d.found;
    return st;
}

typedef struct one_ctx {
    raml_buf *out;
    bool found;
} one_ctx;

static int one_row(void *c, const char *row, size_t len)
{
    one_ctx *o = c;
    raml_buf_append(o->out, row, len);
    o->found = true;
    return 1;
}

raml_status srv_store_cluster(raml_store *s, const char *id, raml_buf *out, bool *found,
                              raml_error *err)
{
    one_ctx o = {.out = out};
    store_params p = {0};
    store_param_text(&p, id);
    int stopped = 0;
    raml_status st = s->ops->select_text(s, "SELECT c.json FROM clusters c WHERE c.id = ?", &p,
                                         one_row, &o, &stopped, err);
    *found = o.found;
    return st;
}
