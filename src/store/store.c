/* The store front: picks the back end from the URL, turns events and analyses into rows,
 * and builds the queries both back ends share. */
#include "store/store_impl.h"

#include "formats/formats.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

raml_status raml_store_open(const char *url, bool readonly, raml_store **out, raml_error *err)
{
    *out = NULL;
    if (!url || !*url)
        return raml_error_set(err, RAML_ERR_USAGE, NULL, 0, -1, "no database given");
    raml_status st;
    if (strncmp(url, "postgresql://", 13) == 0 || strncmp(url, "postgres://", 11) == 0)
        st = store_pg_open(url, readonly, out, err);
    else
        st = store_sqlite_open(url, readonly, out, err);
    if (st == RAML_OK)
        raml_arena_init(&(*out)->arena, 64 * 1024);
    return st;
}

void raml_store_close(raml_store *s)
{
    if (!s)
        return;
    if (s->in_batch)
        s->ops->rollback(s);
    raml_arena_free(&s->arena);
    s->ops->close(s);
}

const char *raml_store_kind(const raml_store *s) { return s->ops->kind; }

raml_status raml_store_begin(raml_store *s, raml_error *err)
{
    if (s->in_batch)
        return raml_error_set(err, RAML_ERR_USAGE, NULL, 0, -1, "store: batch already open");
    raml_status st = s->ops->begin(s, err);
    s->in_batch = st == RAML_OK;
    s->pend_lo[0] = s->pend_hi[0] = '\0';
    return st;
}

raml_status raml_store_commit(raml_store *s, raml_error *err)
{
    if (!s->in_batch)
        return raml_error_set(err, RAML_ERR_USAGE, NULL, 0, -1, "store: no open batch");
    raml_status st = RAML_OK;
    if (s->pend_lo[0]) { /* in the batch's transaction: the range commits with the events */
        store_params p = {0};
        store_param_text(&p, s->pend_lo);
        store_param_text(&p, s->pend_hi);
        st = s->ops->exec(s, "INSERT INTO dedup_pending(date_lo, date_hi) VALUES(?, ?)", &p, err);
        s->pend_lo[0] = s->pend_hi[0] = '\0';
    }
    s->in_batch = false;
    if (st == RAML_OK)
        st = s->ops->commit(s, err);
    if (st != RAML_OK)
        s->ops->rollback(s);
    return st;
}

void raml_store_rollback(raml_store *s)
{
    if (s->in_batch)
        s->ops->rollback(s);
    s->in_batch = false;
}

/* FNV-1a 64 over every field that changes what would be stored, NUL-separated so that
 * moving bytes between fields changes the hash. */
static void fnv(uint64_t *h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        *h ^= (unsigned char)s[i];
        *h *= 1099511628211ull;
    }
    *h ^= 0xff;
    *h *= 1099511628211ull;
}

void raml_store_hash(const raml_doc_meta *m, const char *text, size_t len, const char *coder,
                     char out[17])
{
    uint64_t h = 14695981039346656037ull;
    const char *f[] = {m->url, m->publisher, m->pub_date, m->title, coder};
    for (size_t i = 0; i < sizeof f / sizeof *f; i++)
        fnv(&h, f[i] ? f[i] : "", f[i] ? strlen(f[i]) : 0);
    fnv(&h, text ? text : "", text ? len : 0);
    snprintf(out, 17, "%016llx", (unsigned long long)h);
}

raml_status raml_store_has_document(raml_store *s, const char *id, const char *hash,
                                    bool *unchanged, raml_error *err)
{
    bool exists;
    return s->ops->has_document(s, id, hash, unchanged, &exists, err);
}

static bool word_token(const raml_token *t)
{
    return t->kind == RAML_TOK_ARABIC || t->kind == RAML_TOK_LATIN || t->kind == RAML_TOK_NUMBER;
}

int store_name_keys(raml_arena *a, char kind, const char *name, const raml_wordset *guard,
                    const char *out[2])
{
    if (!name || !*name)
        return 0;
    /* Fast path for codes and Latin names (SYRMIL, MIL, Idlib): the text layer would give
     * exactly their lower-cased words, and this runs ~30 times per stored event. */
    size_t len = strlen(name);
    bool plain = len < 256;
    for (size_t i = 0; plain && i < len; i++)
        plain = isalpha((unsigned char)name[i]) ||
                (name[i] == ' ' && i && i + 1 < len && name[i - 1] != ' ');
    if (plain) {
        char *k = raml_arena_alloc(a, len + 3);
        if (!k)
            return 0;
        k[0] = kind;
        k[1] = ':';
        for (size_t i = 0; i < len; i++)
            k[i + 2] = (char)tolower((unsigned char)name[i]);
        k[len + 2] = '\0';
        out[0] = k;
        return 1;
    }
    raml_text t;
    raml_text_opts o = {.guard = guard};
    raml_buf norm, stem;
    raml_buf_init(&norm);
    raml_buf_init(&stem);
    raml_buf_printf(&norm, "%c:", kind);
    raml_buf_printf(&stem, "%c:", kind);
    int n = 0;
    if (raml_text_analyze(a, name, strlen(name), &o, &t, NULL) == RAML_OK && t.ntokens) {
        for (size_t i = 0; i < t.ntokens; i++) {
            const raml_token *tk = &t.tokens[i];
            if (tk->kind == RAML_TOK_PUNCT || !tk->norm || !*tk->norm)
                continue;
            const char *st = word_token(tk) && tk->stem && *tk->stem ? tk->stem : tk->norm;
            raml_buf_printf(&norm, "%s%s", norm.len > 2 ? " " : "", tk->norm);
            raml_buf_printf(&stem, "%s%s", stem.len > 2 ? " " : "", st);
        }
        if (norm.len > 2 && !norm.failed && !stem.failed) {
            out[n++] = raml_arena_strndup(a, norm.data, norm.len);
            if (strcmp(norm.data, stem.data) != 0)
                out[n++] = raml_arena_strndup(a, stem.data, stem.len);
        }
    } else {
        const char *f = store_fold_key(a, name);
        if (f) {
            raml_buf_puts(&norm, f);
            out[n++] = raml_arena_strndup(a, norm.data, norm.len);
        }
    }
    raml_buf_free(&norm);
    raml_buf_free(&stem);
    for (int i = 0; i < n; i++)
        if (!out[i])
            return 0;
    return n;
}

const char *store_fold_key(raml_arena *a, const char *s)
{
    if (!s || !*s)
        return NULL;
    raml_text t;
    raml_text_opts o = {0};
    raml_buf b;
    raml_buf_init(&b);
    if (raml_text_analyze(a, s, strlen(s), &o, &t, NULL) == RAML_OK && t.ntokens) {
        for (size_t i = 0; i < t.ntokens; i++) {
            if (t.tokens[i].kind == RAML_TOK_PUNCT || !t.tokens[i].norm)
                continue;
            raml_buf_printf(&b, "%s%s", b.len ? " " : "", t.tokens[i].norm);
        }
    } else {
        /* Without a text layer: ASCII case folding and single spaces. */
        for (const char *p = s; *p; p++) {
            unsigned char c = (unsigned char)*p;
            if (isspace(c)) {
                if (b.len && b.data[b.len - 1] != ' ')
                    raml_buf_putc(&b, ' ');
            } else {
                raml_buf_putc(&b, (char)tolower(c));
            }
        }
        while (b.len && b.data[b.len - 1] == ' ')
            b.data[--b.len] = '\0';
    }
    const char *r = b.len ? raml_arena_strndup(a, b.data, b.len) : NULL;
    raml_buf_free(&b);
    return r;
}


static void ws_words(raml_buf *b, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (isspace(c) || (c < 0x80 && ispunct(c))) {
            if (b->len && b->data[b->len - 1] != ' ')
                raml_buf_putc(b, ' ');
        } else {
            raml_buf_putc(b, (char)tolower(c));
        }
    }
    while (b->len && b->data[b->len - 1] == ' ')
        b->data[--b->len] = '\0';
}

int store_query_stems(raml_arena *a, const char *q, const raml_wordset *guard, const char ***out)
{
    raml_text t;
    raml_text_opts o = {.guard = guard};
    int n = 0;
    const char **v = NULL;
    if (raml_text_analyze(a, q, strlen(q), &o, &t, NULL) == RAML_OK && t.ntokens) {
        v = raml_arena_calloc(a, t.ntokens, sizeof *v);
        for (size_t i = 0; v && i < t.ntokens; i++)
            if (word_token(&t.tokens[i]) && t.tokens[i].stem && *t.tokens[i].stem)
                v[n++] = t.tokens[i].stem;
    } else {
        raml_buf b;
        raml_buf_init(&b);
        ws_words(&b, q, strlen(q));
        char *all = b.len ? raml_arena_strndup(a, b.data, b.len) : NULL;
        raml_buf_free(&b);
        v = all ? raml_arena_calloc(a, strlen(all) / 2 + 2, sizeof *v) : NULL;
        for (char *tok = all ? strtok(all, " ") : NULL; tok && v; tok = strtok(NULL, " "))
            v[n++] = tok;
    }
    *out = v;
    return n;
}

/* ----- dates ----- */

long store_days(const char *s)
{
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    /* days_from_civil (H. Hinnant) */
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (unsigned)(m + (m > 2 ? -3 : 9)) + 2) / 5 + (unsigned)d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long)doe - 719468;
}

void store_ymd(long z, char out[11])
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = (long)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    unsigned d = doy - (153 * mp + 2) / 5 + 1;
    unsigned m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
    char tmp[48];
    snprintf(tmp, sizeof tmp, "%04ld-%02u-%02u", y % 10000, m % 100, d % 100);
    memcpy(out, tmp, 10);
    out[10] = '\0';
}

void store_date_range(const raml_date *d, char lo[11], char hi[11])
{
    lo[0] = hi[0] = '\0';
    size_t n = strlen(d->value);
    if (n == 10) {
        long x = store_days(d->value);
        int w = d->precision == RAML_DATE_WEEK ? 3 : 0;
        store_ymd(x - w, lo);
        store_ymd(x + w, hi);
    } else if (n == 7) {
        char first[11], next[48];
        snprintf(first, sizeof first, "%.7s-01", d->value);
        int y = atoi(d->value) % 10000, m = atoi(d->value + 5) % 100;
        snprintf(next, sizeof next, "%04d-%02d-01", m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1);
        memcpy(lo, first, 11);
        store_ymd(store_days(next) - 1, hi);
    } else if (n == 4) {
        snprintf(lo, 11, "%.4s-01-01", d->value);
        snprintf(hi, 11, "%.4s-12-31", d->value);
    }
}

/* ----- putting a document ----- */

static void add_key(raml_arena *a, const char ***keys, int *n, int *cap, char kind, const char *v,
                    const raml_wordset *guard)
{
    const char *ks[2];
    int nk = store_name_keys(a, kind, v, guard, ks);
    for (int j = 0; j < nk; j++) {
        const char *k = ks[j];
        bool dup = false;
        for (int i = 0; i < *n && !dup; i++)
            dup = strcmp((*keys)[i], k) == 0;
        if (dup)
            continue;
        if (*n == *cap) {
            int nc = *cap ? *cap * 2 : 16;
            const char **g =
                raml_arena_grow(a, *keys, (size_t)*cap * sizeof *g, (size_t)nc * sizeof *g);
            if (!g)
                return;
            *keys = g;
            *cap = nc;
        }
        (*keys)[(*n)++] = k;
    }
}

static void make_row(raml_arena *a, raml_buf *json, const raml_writer_ctx *w, const raml_event *ev,
                     const raml_wordset *g, store_row *r)
{
    memset(r, 0, sizeof *r);
    raml_buf_clear(json);
    raml_write_event_json(json, w, ev);
    r->json = raml_arena_strndup(a, json->data, json->len);
    r->json_len = json->len;
    char id[512];
    snprintf(id, sizeof id, "%s:s%u:e%u", w->meta->id, ev->sentence_index, ev->index_in_sentence);
    r->event_id = raml_arena_strdup(a, id);
    r->sentence = ev->sentence_index;
    r->type = ev->plover_type;
    store_date_range(&ev->date, r->date_lo, r->date_hi);
    const raml_location *l = &ev->location;
    int cap = 0;
    if (l->present) {
        r->country = l->country[0] ? l->country : NULL;
        r->place = store_fold_key(a, l->resolved_name ? l->resolved_name : l->name_ar);
        r->located = l->precision != RAML_GEO_NONE;
        r->lat = l->lat;
        r->lon = l->lon;
        add_key(a, &r->keys, &r->nkeys, &cap, 'p', l->resolved_name, g);
        add_key(a, &r->keys, &r->nkeys, &cap, 'p', l->name_ar, g);
        add_key(a, &r->keys, &r->nkeys, &cap, 'p', l->admin1, g);
        add_key(a, &r->keys, &r->nkeys, &cap, 'p', l->span.text, g);
    }
    for (int i = 0; i < ev->nactors; i++) {
        const raml_actor *ac = &ev->actors[i];
        add_key(a, &r->keys, &r->nkeys, &cap, 'a', ac->name, g);
        add_key(a, &r->keys, &r->nkeys, &cap, 'a', ac->name_ar, g);
        add_key(a, &r->keys, &r->nkeys, &cap, 'a', ac->actor_id, g);
        add_key(a, &r->keys, &r->nkeys, &cap, 'a', ac->cameo, g);
        add_key(a, &r->keys, &r->nkeys, &cap, 'a', ac->sector, g);
        add_key(a, &r->keys, &r->nkeys, &cap, 'a', ac->span.text, g);
    }
    r->actual = ev->modality.polarity == RAML_POLARITY_POSITIVE &&
                ev->modality.realis == RAML_REALIS_ACTUAL;
}

static size_t make_sents(raml_arena *a, const raml_store_doc *d, store_sent **out)
{
    const raml_text *t = d->analysis;
    raml_text own;
    if ((!t || !t->ntokens) && d->text && d->len) {
        /* No analysis given: segment here, the same way queries are segmented. */
        raml_text_opts o = {0};
        if (raml_text_analyze(a, d->text, d->len, &o, &own, NULL) == RAML_OK && own.ntokens)
            t = &own;
    }
    raml_buf b;
    raml_buf_init(&b);
    store_sent *v = NULL;
    size_t n = 0;
    if (t && t->nsentences && t->ntokens) {
        v = raml_arena_calloc(a, t->nsentences, sizeof *v);
        for (size_t i = 0; v && i < t->nsentences; i++) {
            const raml_sentence *s = &t->sentences[i];
            raml_buf_clear(&b);
            for (uint32_t k = s->first; k < s->first + s->count && k < t->ntokens; k++) {
                const raml_token *tk = &t->tokens[k];
                if (word_token(tk) && tk->stem && *tk->stem)
                    raml_buf_printf(&b, "%s%s", b.len ? " " : "", tk->stem);
            }
            if (b.len) {
                v[n].index = (uint32_t)i;
                v[n++].stems = raml_arena_strndup(a, b.data, b.len);
            }
        }
    } else if (d->text && d->len) {
        ws_words(&b, d->text, d->len);
        if (b.len && (v = raml_arena_calloc(a, 1, sizeof *v))) {
            v[0].index = STORE_WHOLE_DOC;
            v[0].stems = raml_arena_strndup(a, b.data, b.len);
            n = 1;
        }
    }
    raml_buf_free(&b);
    *out = v;
    return n;
}

raml_status raml_store_put_document(raml_store *s, const raml_store_doc *d, raml_put_result *res,
                                    raml_error *err)
{
    if (!s->in_batch)
        return raml_error_set(err, RAML_ERR_USAGE, NULL, 0, -1, "store: put outside a batch");
    if (!d->meta || !d->meta->id || !d->hash)
        return raml_error_set(err, RAML_ERR_USAGE, NULL, 0, -1, "store: document without id");
    bool same = false, exists = false;
    raml_status st = s->ops->has_document(s, d->meta->id, d->hash, &same, &exists, err);
    if (st != RAML_OK)
        return st;
    if (same) {
        *res = RAML_PUT_UNCHANGED;
        return RAML_OK;
    }
    raml_arena_reset(&s->arena);
    raml_arena *a = &s->arena;
    store_row *rows = d->nevents ? raml_arena_calloc(a, d->nevents, sizeof *rows) : NULL;
    raml_buf json;
    raml_buf_init(&json);
    raml_writer_ctx w = {.meta = d->meta, .dict_version = d->dict_version};
    for (size_t i = 0; rows && i < d->nevents; i++)
        make_row(a, &json, &w, d->events[i], d->guard, &rows[i]);
    bool oom = json.failed;
    raml_buf_free(&json);
    store_sent *sents;
    size_t nsents = make_sents(a, d, &sents);
    if (oom || a->failed || (d->nevents && !rows))
        return raml_error_set(err, RAML_ERR_INTERNAL, d->meta->id, 0, -1, "out of memory");
    if (exists) {
        /* The old events' dates and clusters: their clusters lose members, so the rows go
         * now and the range is re-clustered by the next pending pass. */
        store_params p = {0};
        store_param_text(&p, d->meta->id);
        st = s->ops->exec(s, "INSERT INTO dedup_pending(date_lo, date_hi) SELECT min(e.date_lo), "
                             "max(e.date_hi) FROM events e JOIN documents d ON e.doc = d.id "
                             "WHERE d.doc_id = ? AND e.date_lo IS NOT NULL HAVING count(*) > 0",
                          &p, err);
        if (st == RAML_OK)
            st = s->ops->exec(s, "DELETE FROM clusters WHERE id IN (SELECT e.cluster_id FROM "
                                 "events e JOIN documents d ON e.doc = d.id WHERE d.doc_id = ? "
                                 "AND e.cluster_id IS NOT NULL)",
                              &p, err);
        if (st != RAML_OK)
            return st;
    }
    st = s->ops->put_document(s, d, rows, sents, nsents, exists, err);
    if (st != RAML_OK)
        return st;
    *res = exists ? RAML_PUT_REPLACED : RAML_PUT_NEW;
    for (size_t i = 0; i < d->nevents; i++) {
        if (!rows[i].date_lo[0])
            continue;
        if (!s->pend_lo[0] || strcmp(rows[i].date_lo, s->pend_lo) < 0)
            memcpy(s->pend_lo, rows[i].date_lo, 11);
        if (!s->pend_hi[0] || strcmp(rows[i].date_hi, s->pend_hi) > 0)
            memcpy(s->pend_hi, rows[i].date_hi, 11);
    }
    return RAML_OK;
}

/* ----- queries ----- */

const char *store_with_cluster(raml_buf *b, const char *json, size_t *len, const char *cluster)
{
    static const char pat[] = ",\"links\":{\"cluster_id\":null";
    if (!cluster || !*cluster)
        return json;
    /* The writer puts links near the end; strings cannot contain the unescaped pattern. */
    const char *hit = NULL;
    for (const char *p = strstr(json, pat); p; p = strstr(p + 1, pat))
        hit = p;
    if (!hit)
        return json;
    raml_buf_clear(b);
    size_t head = (size_t)(hit - json) + sizeof pat - 1 - 4;
    raml_buf_append(b, json, head);
    raml_buf_json_string(b, cluster);
    raml_buf_puts(b, hit + sizeof pat - 1);
    *len = b->len;
    return b->data;
}

typedef struct qctx {
    raml_store_event_fn fn;
    void *ctx;
    raml_buf buf;
} qctx;

/* select_text hands over "cluster_id \x1f json" so the splice happens here, once. */
static int with_cluster(void *c, const char *row, size_t len)
{
    qctx *q = c;
    const char *sep = memchr(row, '\x1f', len);
    if (!sep)
        return q->fn(q->ctx, row, len);
    char cid[128];
    size_t cl = (size_t)(sep - row);
    if (cl >= sizeof cid)
        cl = sizeof cid - 1;
    memcpy(cid, row, cl);
    cid[cl] = '\0';
    const char *json = sep + 1;
    size_t jl = len - (size_t)(json - row);
    const char *out = store_with_cluster(&q->buf, json, &jl, cid);
    return q->fn(q->ctx, out, jl);
}

static raml_status run_filtered(raml_store *s, const raml_store_filter *f, bool clusters,
                                raml_store_event_fn fn, void *ctx, int *stopped, raml_error *err)
{
    raml_arena_reset(&s->arena);
    const char **stems = NULL;
    int nstems = 0;
    if (f && f->text && *f->text) {
        nstems = store_query_stems(&s->arena, f->text, f->guard, &stems);
        if (nstems == 0) /* only punctuation: nothing can match */
            return RAML_OK;
        if (nstems > 8)
            nstems = 8;
    }
    raml_buf sql;
    raml_buf_init(&sql);
    store_params p = {0};
    raml_store_filter none = {0};
    if (!f)
        f = &none;
    if (clusters) {
        raml_buf_puts(&sql, "SELECT c.json FROM clusters c WHERE c.id IN (SELECT e.cluster_id FROM events e");
        store_sql_where(&sql, &p, f, stems, nstems, s->pg);
        raml_buf_puts(&sql, ") ORDER BY c.date_lo, c.id");
    } else {
        raml_buf_puts(&sql, "SELECT CASE WHEN e.cluster_id IS NULL THEN e.json ELSE "
                            "e.cluster_id || char(31) || e.json END FROM events e");
        store_sql_where(&sql, &p, f, stems, nstems, s->pg);
        raml_buf_puts(&sql, " ORDER BY e.id");
    }
    if (f->limit || f->offset) {
        raml_buf_printf(&sql, " LIMIT %lu OFFSET %lu", f->limit ? f->limit : 0x7fffffffUL,
                        f->offset);
    }
    raml_status st;
    if (sql.failed) {
        st = raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "out of memory");
    } else if (clusters) {
        st = s->ops->select_text(s, sql.data, &p, fn, ctx, stopped, err);
    } else {
        qctx q = {.fn = fn, .ctx = ctx};
        raml_buf_init(&q.buf);
        st = s->ops->select_text(s, sql.data, &p, with_cluster, &q, stopped, err);
        raml_buf_free(&q.buf);
    }
    raml_buf_free(&sql);
    return st;
}

raml_status raml_store_query(raml_store *s, const raml_store_filter *f, raml_store_event_fn fn,
                             void *ctx, int *stopped, raml_error *err)
{
    return run_filtered(s, f, false, fn, ctx, stopped, err);
}

raml_status raml_store_clusters(raml_store *s, const raml_store_filter *f, raml_store_event_fn fn,
                                void *ctx, int *stopped, raml_error *err)
{
    return run_filtered(s, f, true, fn, ctx, stopped, err);
}

/* ----- stats ----- */

typedef struct sctx {
    raml_buf *b;
    int n;
} sctx;

static int stat_row(void *c, const char *row, size_t len)
{
    sctx *x = c;
    const char *tab = memchr(row, '\t', len);
    if (!tab)
        return 0;
    raml_buf_puts(x->b, x->n++ ? "," : "");
    raml_buf_json_stringn(x->b, row, (size_t)(tab - row));
    raml_buf_putc(x->b, ':');
    raml_buf_append(x->b, tab + 1, len - (size_t)(tab + 1 - row));
    return 0;
}

raml_status raml_store_stats(raml_store *s, char **json_out, raml_error *err)
{
    static const struct {
        const char *name, *sql;
    } q[] = {
        {"totals", "SELECT 'documents' || char(9) || CAST(count(*) AS TEXT) FROM documents "
                   "UNION ALL SELECT 'events' || char(9) || CAST(count(*) AS TEXT) FROM events "
                   "UNION ALL SELECT 'actual_events' || char(9) || CAST(count(*) AS TEXT) FROM events WHERE actual = 1 "
                   "UNION ALL SELECT 'clusters' || char(9) || CAST(count(*) AS TEXT) FROM clusters "
                   "UNION ALL SELECT 'multi_source_clusters' || char(9) || CAST(count(*) AS TEXT) FROM clusters WHERE ndocs > 1"},
        {"by_type", "SELECT COALESCE(type,'?') || char(9) || CAST(count(*) AS TEXT) FROM events "
                    "GROUP BY type ORDER BY count(*) DESC, type"},
        {"by_month", "SELECT COALESCE(substr(date_lo,1,7),'unknown') || char(9) || "
                     "CAST(count(*) AS TEXT) FROM events GROUP BY substr(date_lo,1,7) ORDER BY 1"},
        {"by_country", "SELECT COALESCE(country,'unknown') || char(9) || CAST(count(*) AS TEXT) "
                       "FROM events GROUP BY country ORDER BY count(*) DESC, country"},
        {"by_place", "SELECT place || char(9) || CAST(count(*) AS TEXT) FROM events WHERE place "
                     "IS NOT NULL GROUP BY place ORDER BY count(*) DESC, place LIMIT 50"},
    };
    raml_buf b;
    raml_buf_init(&b);
    raml_buf_putc(&b, '{');
    store_params p = {0};
    for (size_t i = 0; i < sizeof q / sizeof *q; i++) {
        sctx x = {.b = &b};
        if (i)
            raml_buf_printf(&b, ",\"%s\":{", q[i].name);
        int stopped = 0;
        raml_status st = s->ops->select_text(s, q[i].sql, &p, stat_row, &x, &stopped, err);
        if (st != RAML_OK) {
            raml_buf_free(&b);
            return st;
        }
        if (i)
            raml_buf_putc(&b, '}');
    }
    raml_buf_putc(&b, '}');
    if (b.failed) {
        raml_buf_free(&b);
        return raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "out of memory");
    }
    *json_out = b.data;
    return RAML_OK;
}
