/* The store front: picks the back end from the URL, turns events and analyses into rows,
 * and builds the queries both back ends share. */
#include "store/store_impl.h"

#include "formats/formats.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void names_free(struct store_names *c);

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
    if (st == RAML_OK) {
        raml_arena_init(&(*out)->arena, 64 * 1024);
        raml_buf_init(&(*out)->json);
        raml_buf_init(&(*out)->enc);
        raml_buf_init(&(*out)->words);
    }
    return st;
}

void raml_store_close(raml_store *s)
{
    if (!s)
        return;
    if (s->in_batch)
        s->ops->rollback(s);
    raml_arena_free(&s->arena);
    names_free(s->names);
    raml_buf_free(&s->json);
    raml_buf_free(&s->enc);
    raml_buf_free(&s->words);
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
    raml_buf b;
    raml_buf_init(&b);
    /* The tokens' folded forms, as raml_text_analyze without guard words gives them (it
     * differs only in segmenting, which never changes a norm). Segmenting here cleared the
     * thread's segmentation cache twice, for this guard and back for the coder's: a 1 MB
     * memset and a cold cache for the next document, at every new place name. */
    size_t len = strlen(s);
    raml_read_result rd;
    raml_token *toks = NULL;
    size_t ntoks = 0;
    if (len <= UINT32_MAX / 4 && raml_text_read(a, s, len, &rd, NULL) == RAML_OK &&
        raml_tokenize(a, rd.text, rd.len, &toks, &ntoks) == RAML_OK && ntoks) {
        for (size_t i = 0; i < ntoks; i++) {
            if (toks[i].kind == RAML_TOK_PUNCT || !toks[i].norm)
                continue;
            if (b.len)
                raml_buf_putc(&b, ' ');
            raml_buf_puts(&b, toks[i].norm);
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
    if (y < 0 || y > 9999) { /* snprintf's sign and width for the odd year; ingest never has one */
        char tmp[48];
        snprintf(tmp, sizeof tmp, "%04ld-%02u-%02u", y % 10000, m % 100, d % 100);
        memcpy(out, tmp, 10);
        out[10] = '\0';
        return;
    }
    /* Every stored event takes two of these and clustering one per event and cluster:
     * snprintf was most of the cost of building a row's dates. */
    unsigned yy = (unsigned)y;
    out[0] = (char)('0' + yy / 1000);
    out[1] = (char)('0' + yy / 100 % 10);
    out[2] = (char)('0' + yy / 10 % 10);
    out[3] = (char)('0' + yy % 10);
    out[4] = '-';
    out[5] = (char)('0' + m / 10);
    out[6] = (char)('0' + m % 10);
    out[7] = '-';
    out[8] = (char)('0' + d / 10);
    out[9] = (char)('0' + d % 10);
    out[10] = '\0';
}

char *store_event_id(char *out, size_t cap, const char *doc_id, uint32_t sentence, uint32_t k)
{
    size_t n = strlen(doc_id);
    if (n + 24 > cap) { /* keeps snprintf's truncation for ids too long to matter */
        snprintf(out, cap, "%s:s%u:e%u", doc_id, sentence, k);
        return out;
    }
    memcpy(out, doc_id, n);
    out[n++] = ':';
    out[n++] = 's';
    n += raml_utoa(out + n, sentence);
    out[n++] = ':';
    out[n++] = 'e';
    n += raml_utoa(out + n, k);
    out[n] = '\0';
    return out;
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

/* Keys of the names events carry, remembered across documents: an ingest sees the same
 * few thousand actor, sector and place names again and again, and segmenting an Arabic
 * name costs more than the rest of its event row. Entries live in the cache's own arena;
 * the cache is emptied (between documents only, so a document's keys stay valid) when it
 * grows past NAMES_MAX or the guard words change. */
enum { NAMES_MAX = 1 << 16 };
typedef struct name_entry {
    uint64_t h;
    const char *name;
    char kind; /* 'a', 'p', or 'f' for the folded place column */
    int nk;
    const char *keys[2];
} name_entry;
struct store_names {
    raml_arena a;
    name_entry *tab;
    size_t cap, n;
    const raml_wordset *guard;
};

static void names_clear(struct store_names *c)
{
    raml_arena_reset(&c->a);
    c->a.failed = false;
    free(c->tab);
    c->tab = NULL;
    c->cap = c->n = 0;
}

static void names_free(struct store_names *c)
{
    if (!c)
        return;
    names_clear(c);
    raml_arena_free(&c->a);
    free(c);
}

/* Called before each document: empties a full cache or one built with other guard words. */
static void names_prepare(raml_store *s, const raml_wordset *guard)
{
    if (!s->names && (s->names = calloc(1, sizeof *s->names)))
        raml_arena_init(&s->names->a, 64 * 1024);
    if (s->names && (s->names->n >= NAMES_MAX || s->names->guard != guard || s->names->a.failed))
        names_clear(s->names);
    if (s->names)
        s->names->guard = guard;
}

/* The keys of `name` (store_name_keys, or for kind 'f' store_fold_key), from the cache when
 * it has them. Results of a failed allocation are never cached. */
static int name_keys(raml_store *s, char kind, const char *name, const raml_wordset *guard,
                     const char *out[2])
{
    struct store_names *c = s->names;
    if (!name || !*name)
        return 0;
    uint64_t h = 14695981039346656037ull ^ (unsigned char)kind;
    for (const char *p = name; *p; p++) {
        h ^= (unsigned char)*p;
        h *= 1099511628211ull;
    }
    if (c && c->n * 2 >= c->cap) {
        size_t nc = c->cap ? c->cap * 2 : 1024;
        name_entry *t = calloc(nc, sizeof *t);
        if (t) {
            for (size_t i = 0; i < c->cap; i++)
                if (c->tab[i].name) {
                    size_t j = c->tab[i].h & (nc - 1);
                    while (t[j].name)
                        j = (j + 1) & (nc - 1);
                    t[j] = c->tab[i];
                }
            free(c->tab);
            c->tab = t;
            c->cap = nc;
        }
    }
    name_entry *e = NULL;
    if (c && c->cap > c->n) {
        size_t j = h & (c->cap - 1);
        for (; c->tab[j].name; j = (j + 1) & (c->cap - 1))
            if (c->tab[j].h == h && c->tab[j].kind == kind && strcmp(c->tab[j].name, name) == 0) {
                out[0] = c->tab[j].keys[0];
                out[1] = c->tab[j].keys[1];
                return c->tab[j].nk;
            }
        e = &c->tab[j];
    }
    raml_arena *a = e ? &c->a : &s->arena;
    int nk;
    if (kind == 'f')
        nk = (out[0] = store_fold_key(a, name)) != NULL;
    else
        nk = store_name_keys(a, kind, name, guard, out);
    if (e && !a->failed) {
        const char *copy = raml_arena_strdup(a, name);
        if (copy && !a->failed) {
            *e = (name_entry){.h = h, .name = copy, .kind = kind, .nk = nk,
                              .keys = {nk > 0 ? out[0] : NULL, nk > 1 ? out[1] : NULL}};
            c->n++;
        }
    }
    return nk;
}

static void add_key(raml_store *s, const char ***keys, int *n, int *cap, char kind, const char *v,
                    const raml_wordset *guard)
{
    raml_arena *a = &s->arena;
    const char *ks[2];
    int nk = name_keys(s, kind, v, guard, ks);
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

static void make_row(raml_store *s, const raml_writer_ctx *w, const raml_event *ev,
                     const raml_wordset *g, store_row *r)
{
    raml_arena *a = &s->arena;
    raml_buf *json = &s->json;
    memset(r, 0, sizeof *r);
    raml_buf_clear(json);
    raml_write_event_json(json, w, ev);
    /* PostgreSQL keeps plain JSON (its SQL may read it); SQLite the compact form. */
    if (!s->pg && !json->failed && store_json_encode(&s->enc, json->data, json->len)) {
        r->json = raml_arena_strndup(a, s->enc.data, s->enc.len);
        r->json_len = s->enc.len;
    } else {
        r->json = raml_arena_strndup(a, json->data, json->len);
        r->json_len = json->len;
    }
    if (!s->pg && store_digest(&s->words, w->meta, ev))
        r->digest = raml_arena_strndup(a, s->words.data, s->words.len);
    char id[512];
    r->event_id = raml_arena_strdup(
        a, store_event_id(id, sizeof id, w->meta->id, ev->sentence_index, ev->index_in_sentence));
    r->sentence = ev->sentence_index;
    r->type = ev->plover_type;
    store_date_range(&ev->date, r->date_lo, r->date_hi);
    const raml_location *l = &ev->location;
    int cap = 0;
    if (l->present) {
        r->country = l->country[0] ? l->country : NULL;
        const char *f[2];
        r->place = name_keys(s, 'f', l->resolved_name ? l->resolved_name : l->name_ar, NULL, f) ? f[0]
                                                                                                 : NULL;
        r->located = l->precision != RAML_GEO_NONE;
        r->lat = l->lat;
        r->lon = l->lon;
        add_key(s, &r->keys, &r->nkeys, &cap, 'p', l->resolved_name, g);
        add_key(s, &r->keys, &r->nkeys, &cap, 'p', l->name_ar, g);
        add_key(s, &r->keys, &r->nkeys, &cap, 'p', l->admin1, g);
        add_key(s, &r->keys, &r->nkeys, &cap, 'p', l->span.text, g);
    }
    for (int i = 0; i < ev->nactors; i++) {
        const raml_actor *ac = &ev->actors[i];
        add_key(s, &r->keys, &r->nkeys, &cap, 'a', ac->name, g);
        add_key(s, &r->keys, &r->nkeys, &cap, 'a', ac->name_ar, g);
        add_key(s, &r->keys, &r->nkeys, &cap, 'a', ac->actor_id, g);
        add_key(s, &r->keys, &r->nkeys, &cap, 'a', ac->cameo, g);
        add_key(s, &r->keys, &r->nkeys, &cap, 'a', ac->sector, g);
        add_key(s, &r->keys, &r->nkeys, &cap, 'a', ac->span.text, g);
    }
    r->actual = ev->modality.polarity == RAML_POLARITY_POSITIVE &&
                ev->modality.realis == RAML_REALIS_ACTUAL;
    r->killed = ev->killed.present && ev->killed.count >= 0 ? ev->killed.count : -1;
}

/* Text rows for the sentences that hold an event (text search only ever selects events,
 * so the other sentences would be indexed for nothing), each with the id of its last event
 * and the markers of its events (SQLite, see store_sent). */
static size_t make_sents(raml_store *s, const raml_store_doc *d, const store_row *rows,
                         store_sent **out)
{
    raml_arena *a = &s->arena;
    *out = NULL;
    if (d->nevents == 0)
        return 0;
    const raml_text *t = d->analysis;
    raml_text own;
    if ((!t || !t->ntokens) && d->text && d->len) {
        /* No analysis given: segment here, the same way queries are segmented. */
        raml_text_opts o = {0};
        if (raml_text_analyze(a, d->text, d->len, &o, &own, NULL) == RAML_OK && own.ntokens)
            t = &own;
    }
    raml_buf *b = &s->words;
    store_sent *v = NULL;
    size_t n = 0;
    if (t && t->nsentences && t->ntokens) {
        /* Events come in sentence order; the few that do not are found by the scan. */
        v = raml_arena_calloc(a, d->nevents, sizeof *v);
        for (size_t e = 0; v && e < d->nevents; e++) {
            uint32_t i = rows[e].sentence;
            /* Beyond STORE_MAX_SENT ids would repeat: such a sentence is not searchable. */
            bool seen = i >= t->nsentences || i >= STORE_MAX_SENT;
            for (size_t j = n; !seen && j-- > 0;)
                seen = v[j].index == i;
            if (seen)
                continue;
            const raml_sentence *st = &t->sentences[i];
            raml_buf_clear(b);
            for (uint32_t k = st->first; k < st->first + st->count && k < t->ntokens; k++) {
                const raml_token *tk = &t->tokens[k];
                if (word_token(tk) && tk->stem && *tk->stem) {
                    if (b->len)
                        raml_buf_putc(b, ' ');
                    raml_buf_puts(b, tk->stem);
                }
            }
            if (b->len) {
                v[n].index = i;
                v[n++].stems = raml_arena_strndup(a, b->data, b->len);
            }
        }
    } else if (d->text && d->len) {
        raml_buf_clear(b);
        ws_words(b, d->text, d->len);
        if (b->len && (v = raml_arena_calloc(a, 1, sizeof *v))) {
            v[0].index = STORE_WHOLE_DOC;
            v[0].last_local = STORE_WHOLE_LOCAL;
            v[0].stems = raml_arena_strndup(a, b->data, b->len);
            n = 1;
        }
    }
    if (!s->pg) {
        raml_buf *mk = &s->enc, m;
        raml_buf_init(&m);
        for (size_t j = 0; j < n; j++) {
            raml_buf_clear(mk);
            for (size_t e = 0; e < d->nevents; e++) {
                if (v[j].index != STORE_WHOLE_DOC && rows[e].sentence != v[j].index)
                    continue;
                uint32_t local = (uint32_t)rows[e].local;
                if (v[j].index != STORE_WHOLE_DOC && local > v[j].last_local)
                    v[j].last_local = local;
                const store_row *r = &rows[e];
                store_event_markers(mk, &m, r->type, r->country, r->date_lo, r->date_hi, r->keys,
                                    r->nkeys, NULL);
            }
            v[j].markers = mk->len ? raml_arena_strndup(a, mk->data, mk->len) : "";
            if (mk->failed || m.failed)
                a->failed = true;
        }
        raml_buf_free(&m);
    }
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
    names_prepare(s, d->guard);
    store_row *rows = d->nevents ? raml_arena_calloc(a, d->nevents, sizeof *rows) : NULL;
    raml_writer_ctx w = {.meta = d->meta, .dict_version = d->dict_version};
    for (size_t i = 0; rows && i < d->nevents; i++) {
        make_row(s, &w, d->events[i], d->guard, &rows[i]);
        /* Row id: the k-th event of its sentence (see STORE_DOC_SHIFT). */
        uint32_t sent = rows[i].sentence < STORE_MAX_SENT ? rows[i].sentence : STORE_MAX_SENT;
        long long k = 0;
        for (size_t j = 0; j < i; j++)
            k += (rows[j].local >> STORE_SENT_SHIFT) == (long long)sent;
        if (k >= 1 << STORE_SENT_SHIFT)
            return raml_error_set(err, RAML_ERR_INPUT, d->meta->id, 0, -1,
                                  "more than %d events in one sentence", 1 << STORE_SENT_SHIFT);
        rows[i].local = (long long)sent << STORE_SENT_SHIFT | k;
    }
    bool oom = s->json.failed || s->enc.failed;
    store_sent *sents = NULL;
    size_t nsents = rows ? make_sents(s, d, rows, &sents) : 0;
    if (oom || s->words.failed || a->failed || (d->nevents && !rows))
        return raml_error_set(err, RAML_ERR_INTERNAL, d->meta->id, 0, -1, "out of memory");
    if (exists) {
        /* The old events' dates and clusters: their clusters lose members, so the rows go
         * now and the range is re-clustered by the next pending pass. */
        store_params p = {0};
        store_param_text(&p, d->meta->id);
        raml_buf sql;
        raml_buf_init(&sql);
        raml_buf_puts(&sql, "INSERT INTO dedup_pending(date_lo, date_hi) SELECT min(e.date_lo), "
                            "max(e.date_hi) FROM documents d JOIN events e ON ");
        store_sql_doc_events(&sql, s, "d.id");
        raml_buf_puts(&sql, " WHERE d.doc_id = ? AND e.date_lo IS NOT NULL HAVING count(*) > 0");
        st = sql.failed ? raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "out of memory")
                        : s->ops->exec(s, sql.data, &p, err);
        raml_buf_clear(&sql);
        raml_buf_puts(&sql, "DELETE FROM clusters WHERE id IN (SELECT e.cluster_id FROM "
                            "documents d JOIN events e ON ");
        store_sql_doc_events(&sql, s, "d.id");
        raml_buf_puts(&sql, " WHERE d.doc_id = ? AND e.cluster_id IS NOT NULL)");
        if (st == RAML_OK)
            st = sql.failed ? raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "out of memory")
                            : s->ops->exec(s, sql.data, &p, err);
        raml_buf_free(&sql);
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
    raml_buf buf, dec;
} qctx;

/* Event rows are "[cluster_id \x1f] json", the JSON perhaps in its compact stored form
 * (store_json.c): it is decoded and the cluster id spliced in here, once per row. */
static int with_cluster(void *c, const char *row, size_t len)
{
    qctx *q = c;
    const char *sep = len && row[0] != '\x01' && row[0] != '{' ? memchr(row, '\x1f', len) : NULL;
    char cid[128];
    cid[0] = '\0';
    const char *json = row;
    if (sep) {
        size_t cl = (size_t)(sep - row);
        if (cl >= sizeof cid)
            cl = sizeof cid - 1;
        memcpy(cid, row, cl);
        cid[cl] = '\0';
        json = sep + 1;
    }
    size_t jl = len - (size_t)(json - row);
    json = store_json_decode(&q->dec, json, &jl);
    const char *out = store_with_cluster(&q->buf, json, &jl, cid);
    return q->fn(q->ctx, out, jl);
}

static const char event_cols[] =
    "SELECT COALESCE(e.cluster_id || char(31), '') || "
    "(SELECT j.json FROM event_json j WHERE j.id = e.id)";

static int take_ulong(void *ctx, const char *row, size_t len)
{
    *(unsigned long *)ctx = strtoul(row, NULL, 10);
    return 0;
}

/* Key rows of `key`, counted up to `cap`: which of two names has the shorter list. */
static unsigned long key_rows(raml_store *s, const char *key, unsigned long cap)
{
    store_params p = {0};
    store_param_text(&p, key);
    char sql[128];
    snprintf(sql, sizeof sql,
             "SELECT CAST(count(*) AS TEXT) FROM (SELECT 1 FROM event_keys WHERE key = ? LIMIT %lu)",
             cap);
    unsigned long n = cap;
    int stopped;
    raml_error err;
    if (s->ops->select_text(s, sql, &p, take_ulong, &n, &stopped, &err) != RAML_OK)
        return cap; /* only a plan choice rides on it */
    return n;
}

/* Translates f into q (names folded, text segmented, types split) and picks the SQLite
 * driver. `page` is a limited query (a count or a full read is not). False when nothing
 * can match (a text without a searchable word). Keys and stems live in s->arena until
 * the next call. */
static bool plan(raml_store *s, const raml_store_filter *f, bool page, store_query *q)
{
    raml_arena *a = &s->arena;
    raml_arena_reset(a);
    memset(q, 0, sizeof *q);
    q->f = f;
    q->pg = s->pg;
    if (f->type && *f->type) {
        for (const char *t = f->type; q->ntypes < STORE_MAX_TYPES;) {
            const char *comma = strchr(t, ',');
            size_t n = comma ? (size_t)(comma - t) : strlen(t);
            q->types[q->ntypes++] = raml_arena_strndup(a, t, n);
            if (!comma)
                break;
            t = comma + 1;
        }
    }
    const struct {
        const char *v;
        char kind;
    } names[] = {{f->actor, 'a'}, {f->place, 'p'}};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        if (!names[i].v || !*names[i].v)
            continue;
        int k = q->nnames++;
        q->names[k].kind = names[i].kind;
        q->names[k].nk = store_name_keys(a, names[i].kind, names[i].v, f->guard, q->names[k].keys);
    }
    if (f->text && *f->text) {
        const char **stems = NULL;
        int n = store_query_stems(a, f->text, f->guard, &stems), m = 0;
        for (int i = 0; i < n && m < 8; i++) /* markers are not words (see store_marker) */
            if (strncmp(stems[i], STORE_MARKER_PREFIX, 3) != 0)
                stems[m++] = stems[i];
        if (m == 0) /* only punctuation: nothing can match */
            return false;
        q->stems = stems;
        q->nstems = m;
    }
    q->drive = STORE_DRIVE_EVENTS;
    if (s->pg)
        return true;
    if (q->nstems) {
        q->drive = STORE_DRIVE_TEXT;
        return true;
    }
    bool cols = q->ntypes || (f->country && *f->country) || (f->from && *f->from) ||
                (f->to && *f->to) || f->near;
    /* Dates are compared as day numbers in the key rows: only when that is the same. */
    bool key_dates = (!(f->from && *f->from && strlen(f->from) == 10) || store_valid_ymd(f->from)) &&
                     (!(f->to && *f->to) || store_valid_ymd(f->to));
    int cand[2], nc = 0;
    for (int i = 0; i < q->nnames; i++)
        if (q->names[i].nk == 1 && key_dates)
            cand[nc++] = i;
    if (nc) {
        /* A key list never holds more rows than there are events, so driving from one
         * bounds a count by the store's size; of two names, the shorter list drives. */
        enum { CAP = 20000 };
        q->driver = cand[0];
        unsigned long n0 = CAP;
        if (nc == 2 || (page && f->count_known && cols))
            n0 = key_rows(s, q->names[cand[0]].keys[0], CAP);
        if (nc == 2) {
            unsigned long n1 = key_rows(s, q->names[cand[1]].keys[0], CAP);
            if (n1 < n0) {
                q->driver = cand[1];
                n0 = n1;
            }
        }
        q->drive = STORE_DRIVE_KEYS;
        /* A long list with few matches: the filter indexes find those few sooner, each
         * checked against the name by one key seek. */
        if (page && f->count_known && cols && n0 >= CAP && f->count < 2000) {
            q->drive = STORE_DRIVE_EVENTS;
            q->names_exists = true;
        }
        return true;
    }
    if (page && f->count_known && q->nnames == 0) {
        /* Reading in id order costs about need * total / matches rows; the filter indexes
         * read at least the matches (often several times as many: a type's entries for a
         * date range) and sort them: scan when that is cheaper. */
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        double now = (double)ts.tv_sec + ts.tv_nsec / 1e9;
        if (!s->nevents_at || now - s->nevents_at > 10) {
            store_params p = {0};
            int stopped;
            raml_error err;
            if (s->ops->select_text(s, "SELECT CAST(count(*) AS TEXT) FROM events", &p,
                                    take_ulong, &s->nevents, &stopped, &err) == RAML_OK)
                s->nevents_at = now;
        }
        double need = (double)f->offset + (double)f->limit, m = (double)f->count;
        if (s->nevents_at && 10.0 * m * m >= need * (double)s->nevents)
            q->drive = STORE_DRIVE_SCAN;
    }
    return true;
}

static raml_status oom(raml_error *err)
{
    return raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "out of memory");
}

static raml_status run_filtered(raml_store *s, const raml_store_filter *f, bool clusters,
                                raml_store_event_fn fn, void *ctx, int *stopped, raml_error *err)
{
    raml_buf sql;
    raml_buf_init(&sql);
    store_params p = {0};
    raml_store_filter none = {0};
    if (!f)
        f = &none;
    *stopped = 0;
    store_query q;
    if (!plan(s, f, !clusters && f->limit, &q)) {
        raml_buf_free(&sql);
        return RAML_OK;
    }
    if (clusters) {
        raml_buf_puts(&sql, "SELECT c.json FROM clusters c WHERE c.id IN (SELECT e.cluster_id");
        store_sql_from(&sql, &p, &q);
        raml_buf_puts(&sql, ") ORDER BY c.date_lo, c.id");
    } else {
        raml_buf_puts(&sql, event_cols);
        raml_buf_printf(&sql, " ORDER BY %s", store_sql_from(&sql, &p, &q));
    }
    if (f->limit || f->offset) {
        raml_buf_printf(&sql, " LIMIT %lu OFFSET %lu", f->limit ? f->limit : 0x7fffffffUL,
                        f->offset);
    }
    raml_status st;
    if (sql.failed) {
        st = oom(err);
    } else if (clusters) {
        st = s->ops->select_text(s, sql.data, &p, fn, ctx, stopped, err);
    } else {
        qctx qc = {.fn = fn, .ctx = ctx};
        raml_buf_init(&qc.buf);
        raml_buf_init(&qc.dec);
        st = s->ops->select_text(s, sql.data, &p, with_cluster, &qc, stopped, err);
        raml_buf_free(&qc.buf);
        raml_buf_free(&qc.dec);
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

raml_status raml_store_count(raml_store *s, const raml_store_filter *f, bool clusters,
                             unsigned long *out, raml_error *err)
{
    *out = 0;
    raml_store_filter none = {0};
    if (!f)
        f = &none;
    raml_buf sql;
    raml_buf_init(&sql);
    store_params p = {0};
    store_query q;
    if (!plan(s, f, false, &q)) {
        raml_buf_free(&sql);
        return RAML_OK;
    }
    if (!clusters && q.nnames == 1 && q.names[0].nk == 2 && q.drive == STORE_DRIVE_EVENTS &&
        !q.ntypes && !(f->country && *f->country) && !(f->from && *f->from) &&
        !(f->to && *f->to) && !f->near && !q.nstems) {
        /* One name of two keys alone: a merge of its two sorted id lists. */
        store_param_copy(&p, q.names[0].keys[0]);
        store_param_copy(&p, q.names[0].keys[1]);
        raml_buf_puts(&sql, "SELECT CAST(count(*) AS TEXT) FROM (SELECT event FROM event_keys "
                            "WHERE key = ? UNION SELECT event FROM event_keys WHERE key = ? "
                            "ORDER BY 1) u");
    } else {
        /* The driver's rows decide what is read: filter indexes, key rows or posting
         * lists, never the JSON. */
        store_sql_count(&sql, &p, &q, clusters);
    }
    int stopped = 0;
    raml_status st =
        sql.failed ? oom(err) : s->ops->select_text(s, sql.data, &p, take_ulong, out, &stopped, err);
    raml_buf_free(&sql);
    return st;
}

typedef struct pctx {
    raml_store_point_fn fn;
    void *ctx;
} pctx;

/* "event_id \t lat \t lon \t type \t date_lo \t killed \t cluster_id" → a point. */
static int point_row(void *c, const char *row, size_t len)
{
    pctx *x = c;
    char buf[1024];
    if (len >= sizeof buf)
        return 0; /* no real event id is that long */
    memcpy(buf, row, len);
    buf[len] = '\0';
    char *f[7];
    char *p = buf;
    for (int i = 0; i < 7; i++) {
        f[i] = p;
        char *tab = i < 6 ? strchr(p, '\t') : NULL;
        if (i < 6 && !tab)
            return 0;
        if (tab) {
            *tab = '\0';
            p = tab + 1;
        }
    }
    raml_store_point pt = {.event_id = f[0],
                           .lat = strtod(f[1], NULL),
                           .lon = strtod(f[2], NULL),
                           .type = f[3],
                           .date = *f[4] ? f[4] : NULL,
                           .killed = *f[5] ? strtol(f[5], NULL, 10) : -1,
                           .cluster_id = *f[6] ? f[6] : NULL};
    return x->fn(x->ctx, &pt);
}

raml_status raml_store_points(raml_store *s, const raml_store_filter *f, raml_store_point_fn fn,
                              void *ctx, int *stopped, raml_error *err)
{
    *stopped = 0;
    raml_store_filter none = {0};
    if (!f)
        f = &none;
    raml_buf sql;
    raml_buf_init(&sql);
    store_params p = {0};
    raml_buf_puts(&sql, "SELECT e.event_id || char(9) || CAST(e.lat AS TEXT) || char(9) || "
                        "CAST(e.lon AS TEXT) || char(9) || COALESCE(e.type, '') || char(9) || "
                        "COALESCE(e.date_lo, '') || char(9) || COALESCE(CAST(e.killed AS TEXT), '') "
                        "|| char(9) || COALESCE(e.cluster_id, '')");
    raml_status st = RAML_OK;
    store_query q;
    if (plan(s, f, f->limit != 0, &q)) {
        const char *order = store_sql_from(&sql, &p, &q);
        raml_buf_puts(&sql, strstr(sql.data, " WHERE ") ? " AND e.lat IS NOT NULL" : " WHERE e.lat IS NOT NULL");
        raml_buf_printf(&sql, " ORDER BY %s", order);
        if (f->limit)
            raml_buf_printf(&sql, " LIMIT %lu", f->limit);
        pctx x = {.fn = fn, .ctx = ctx};
        st = sql.failed ? oom(err) : s->ops->select_text(s, sql.data, &p, point_row, &x, stopped, err);
    }
    raml_buf_free(&sql);
    return st;
}

typedef struct doc_ctx {
    raml_buf *out;
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

static int doc_event(void *c, const char *json, size_t len)
{
    doc_ctx *d = c;
    raml_buf_puts(d->out, d->n++ ? "," : "");
    raml_buf_append(d->out, json, len);
    return 0;
}

raml_status raml_store_document(raml_store *s, const char *doc_id, raml_buf *out, bool *found,
                                raml_error *err)
{
    doc_ctx d = {.out = out};
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
        raml_buf sql;
        raml_buf_init(&sql);
        raml_buf_puts(&sql, event_cols);
        raml_buf_puts(&sql, " FROM documents d JOIN events e ON ");
        store_sql_doc_events(&sql, s, "d.id");
        raml_buf_puts(&sql, " WHERE d.doc_id = ? ORDER BY e.id");
        raml_buf_puts(out, ",\"events\":[");
        qctx q = {.fn = doc_event, .ctx = &d};
        raml_buf_init(&q.buf);
        raml_buf_init(&q.dec);
        st = sql.failed ? oom(err)
                        : s->ops->select_text(s, sql.data, &p, with_cluster, &q, &stopped, err);
        raml_buf_free(&q.buf);
        raml_buf_free(&q.dec);
        raml_buf_free(&sql);
        raml_buf_puts(out, "]}");
    }
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

raml_status raml_store_cluster(raml_store *s, const char *id, raml_buf *out, bool *found,
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
        /* Days first: a walk of the date index, where grouping by the month expression
         * alone sorts every row (4× slower over a million events). */
        {"by_month", "SELECT COALESCE(m,'unknown') || char(9) || CAST(sum(n) AS TEXT) FROM "
                     "(SELECT substr(date_lo,1,7) AS m, count(*) AS n FROM events GROUP BY "
                     "date_lo) AS days GROUP BY m ORDER BY 1"},
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
