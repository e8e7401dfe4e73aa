/* The JSON API of `raml serve` (routes in srv_api below; shapes in the help of cmd_serve). */
#include "formats/export.h"
#include "server/server.h"
#include "store/store.h"
#include "util/arena.h"

#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* An export is built in memory before it is sent; this bounds that memory (~0.5 KB a row). */
#define SRV_EXPORT_MAX 200000UL

static const char json_type[] = "application/json; charset=utf-8";

struct raml_store *srv_store_open(const char *db, raml_error *err)
{
    raml_store *s = NULL;
    if (raml_store_open(db, true, &s, err) != RAML_OK)
        return NULL;
    return s;
}

void srv_store_close(struct raml_store *s) { raml_store_close(s); }

static void to_filter(const srv_query *q, const srv_request *req, raml_store_filter *f)
{
    memset(f, 0, sizeof *f);
    f->type = q->type;
    f->actor = q->actor;
    f->country = q->country;
    f->place = q->place;
    f->near = q->has_near;
    f->lat = q->near_lat;
    f->lon = q->near_lon;
    f->km = q->near_km;
    f->from = q->from[0] ? q->from : NULL;
    f->to = q->to[0] ? q->to : NULL;
    f->text = q->text;
    f->guard = req->guard;
    f->limit = q->limit;
    f->offset = q->offset;
}

static bool parse(const srv_request *req, srv_response *r, unsigned long max_limit, srv_query *q)
{
    char msg[400];
    if (!srv_parse_query(req->get, req->get_cls, max_limit, q, msg, sizeof msg)) {
        srv_error(r, MHD_HTTP_BAD_REQUEST, "%s", msg);
        return false;
    }
    return true;
}

static void store_failed(srv_response *r, const raml_error *err)
{
    srv_error(r, MHD_HTTP_INTERNAL_SERVER_ERROR, "store: %s", err->message);
}

typedef struct list_ctx {
    raml_buf *b;
    unsigned long n;
} list_ctx;

static int append_item(void *c, const char *json, size_t len)
{
    list_ctx *l = c;
    raml_buf_puts(l->b, l->n++ ? "," : "");
    raml_buf_append(l->b, json, len);
    return l->b->failed ? 1 : 0;
}

/* /api/events and /api/clusters: one page plus the total matching. */
static void list(const srv_request *req, srv_response *r, bool clusters)
{
    srv_query q;
    if (!parse(req, r, SRV_LIMIT_MAX, &q))
        return;
    raml_store_filter f;
    to_filter(&q, req, &f);
    raml_error err;
    raml_error_clear(&err);
    raml_buf *b = &r->body;
    raml_buf_puts(b, clusters ? "{\"clusters\":[" : "{\"events\":[");
    list_ctx l = {.b = b};
    int stopped = 0;
    raml_status st = RAML_OK;
    unsigned long total = 0;
    if (clusters) {
        if (q.limit > 0)
            st = raml_store_clusters(req->store, &f, append_item, &l, &stopped, &err);
        total = q.offset + l.n;
        /* A short first page already is the total; only a full page needs the count. */
        if (st == RAML_OK && (q.limit == 0 || l.n == q.limit || (l.n == 0 && q.offset > 0)))
            st = raml_store_count(req->store, &f, clusters, &total, &err);
    } else {
        /* The count first: knowing how many events match lets the store read a page of a
         * dense selection in event order and stop after it, instead of sorting them all. */
        st = raml_store_count(req->store, &f, false, &total, &err);
        f.count_known = true;
        f.count = total;
        if (st == RAML_OK && q.limit > 0 && total > q.offset)
            st = raml_store_query(req->store, &f, append_item, &l, &stopped, &err);
    }
    if (st != RAML_OK) {
        store_failed(r, &err);
        return;
    }
    raml_buf_printf(b, "],\"total\":%lu,\"offset\":%lu,\"limit\":%lu}\n", total, q.offset,
                    q.limit);
    r->content_type = json_type;
}

typedef struct points_ctx {
    raml_buf *b;
    unsigned long n;
} points_ctx;

/* A coordinate rounded to ~10 m (the map needs no more, and it halves the bytes sent),
 * without trailing zeros. */
static void put_coord(raml_buf *b, double v)
{
    char t[48];
    snprintf(t, sizeof t, "%.4f", v);
    char *e = t + strlen(t);
    while (e > t && e[-1] == '0')
        *--e = '\0';
    if (e > t && e[-1] == '.')
        *--e = '\0';
    raml_buf_puts(b, strcmp(t, "-0") == 0 ? "0" : t);
}

/* A point → [lat,lon,"type","date",killed,"id","cluster"]; compact because the map may get
 * 200,000 of them. */
static int point_row(void *c, const raml_store_point *pt)
{
    points_ctx *p = c;
    raml_buf *b = p->b;
    raml_buf_puts(b, p->n++ ? ",[" : "[");
    put_coord(b, pt->lat);
    raml_buf_putc(b, ',');
    put_coord(b, pt->lon);
    raml_buf_putc(b, ',');
    raml_buf_json_string(b, pt->type);
    raml_buf_putc(b, ',');
    raml_buf_json_string(b, pt->date);
    raml_buf_putc(b, ',');
    if (pt->killed >= 0)
        raml_buf_printf(b, "%ld", pt->killed);
    else
        raml_buf_puts(b, "null");
    raml_buf_putc(b, ',');
    raml_buf_json_string(b, pt->event_id);
    raml_buf_putc(b, ',');
    raml_buf_json_string(b, pt->cluster_id);
    raml_buf_putc(b, ']');
    return b->failed ? 1 : 0;
}

/* /api/points: every located matching event for the map and timeline. */
static void points(const srv_request *req, srv_response *r)
{
    srv_query q;
    if (!parse(req, r, SRV_POINTS_MAX, &q))
        return;
    if (!req->get(req->get_cls, "limit"))
        q.limit = SRV_POINTS_MAX;
    raml_store_filter f;
    to_filter(&q, req, &f);
    /* One more than asked tells whether the selection was cut. */
    f.limit = q.limit + 1;
    raml_error err;
    raml_error_clear(&err);
    raml_buf *b = &r->body;
    raml_buf_puts(b, "{\"fields\":[\"lat\",\"lon\",\"type\",\"date\",\"killed\",\"event_id\","
                     "\"cluster_id\"],\"points\":[");
    points_ctx p = {.b = b};
    int stopped = 0;
    if (raml_store_points(req->store, &f, point_row, &p, &stopped, &err) != RAML_OK) {
        store_failed(r, &err);
        return;
    }
    bool truncated = p.n > q.limit;
    if (truncated) {
        /* Drop the extra point: it is the last "[...]" element. */
        char *last = b->data + b->len;
        while (last > b->data && *last != '[')
            last--;
        b->len = (size_t)(last - b->data) - 1;
        b->data[b->len] = '\0';
        p.n--;
    }
    raml_buf_printf(b, "],\"count\":%lu,\"truncated\":%s}\n", p.n, truncated ? "true" : "false");
    r->content_type = json_type;
}

static void stats(const srv_request *req, srv_response *r)
{
    raml_error err;
    raml_error_clear(&err);
    char *json = NULL;
    if (raml_store_stats(req->store, &json, &err) != RAML_OK) {
        store_failed(r, &err);
        return;
    }
    raml_buf_puts(&r->body, json);
    raml_buf_putc(&r->body, '\n');
    free(json);
    r->content_type = json_type;
}

static void one(const srv_request *req, srv_response *r, const char *id, bool doc)
{
    if (!*id || strchr(id, '/')) {
        srv_error(r, MHD_HTTP_NOT_FOUND, "no such %s: '%s'", doc ? "document" : "cluster", id);
        return;
    }
    raml_error err;
    raml_error_clear(&err);
    bool found = false;
    raml_status st = doc ? raml_store_document(req->store, id, &r->body, &found, &err)
                         : raml_store_cluster(req->store, id, &r->body, &found, &err);
    if (st != RAML_OK) {
        store_failed(r, &err);
        return;
    }
    if (!found) {
        srv_error(r, MHD_HTTP_NOT_FOUND, "no %s with id '%.200s'", doc ? "document" : "cluster",
                  id);
        return;
    }
    raml_buf_putc(&r->body, '\n');
    r->content_type = json_type;
}

typedef struct export_ctx {
    raml_exporter ex;
    raml_buf *out;
    raml_arena arena;
    unsigned long bad;
} export_ctx;

static int export_row(void *c, const char *json, size_t len)
{
    export_ctx *x = c;
    raml_event ev;
    raml_doc_meta meta;
    const char *dict = NULL;
    raml_error err;
    raml_arena_reset(&x->arena);
    if (raml_read_event_json(&x->arena, json, len, &ev, &meta, &dict, &err) != RAML_OK) {
        x->bad++; /* a record this build cannot read back: leave it out, keep going */
        return 0;
    }
    raml_writer_ctx w = {.meta = &meta, .dict_version = dict};
    raml_export_event(&x->ex, x->out, &w, &ev);
    return x->out->failed ? 1 : 0;
}

static void export(const srv_request *req, srv_response *r)
{
    const char *fmt = req->get(req->get_cls, "format");
    raml_format format;
    if (!fmt || !*fmt)
        fmt = "acled";
    if (!raml_format_parse(fmt, &format)) {
        srv_error(r, MHD_HTTP_BAD_REQUEST,
                  "format: '%.40s' is not one of acled, geojson, jsonl, plover", fmt);
        return;
    }
    srv_query q;
    if (!parse(req, r, SRV_EXPORT_MAX, &q))
        return;
    if (!req->get(req->get_cls, "limit"))
        q.limit = SRV_EXPORT_MAX;
    raml_store_filter f;
    to_filter(&q, req, &f);
    export_ctx x = {.out = &r->body};
    raml_arena_init(&x.arena, 64 * 1024);
    raml_export_begin(&x.ex, format, &r->body);
    raml_error err;
    raml_error_clear(&err);
    int stopped = 0;
    raml_status st = raml_store_query(req->store, &f, export_row, &x, &stopped, &err);
    raml_arena_free(&x.arena);
    if (st != RAML_OK) {
        store_failed(r, &err);
        return;
    }
    raml_export_end(&x.ex, &r->body);
    static const struct {
        raml_format f;
        const char *type, *ext;
    } kinds[] = {
        {RAML_FMT_ACLED, "text/csv; charset=utf-8", "csv"},
        {RAML_FMT_GEOJSON, "application/geo+json", "geojson"},
        {RAML_FMT_JSONL, "application/x-ndjson; charset=utf-8", "jsonl"},
        {RAML_FMT_PLOVER, "application/x-ndjson; charset=utf-8", "plover.jsonl"},
    };
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
        if (kinds[i].f != format)
            continue;
        char day[16];
        time_t now = time(NULL);
        struct tm tm;
        gmtime_r(&now, &tm);
        strftime(day, sizeof day, "%Y%m%d", &tm);
        r->content_type = kinds[i].type;
        snprintf(r->disposition, sizeof r->disposition,
                 "attachment; filename=\"raml-events-%s.%s\"", day, kinds[i].ext);
    }
}

bool srv_api(const srv_request *req, srv_response *r)
{
    const char *p = req->path;
    if (strcmp(p, "/api/events") == 0)
        list(req, r, false);
    else if (strcmp(p, "/api/clusters") == 0)
        list(req, r, true);
    else if (strcmp(p, "/api/points") == 0)
        points(req, r);
    else if (strcmp(p, "/api/stats") == 0)
        stats(req, r);
    else if (strcmp(p, "/api/export") == 0)
        export(req, r);
    else if (strncmp(p, "/api/docs/", 10) == 0)
        one(req, r, p + 10, true);
    else if (strncmp(p, "/api/clusters/", 14) == 0)
        one(req, r, p + 14, false);
    else
        return false;
    return true;
}
