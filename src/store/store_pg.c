/* PostgreSQL back end (libpq): the SQLite schema in PostgreSQL types, a GIN-indexed
 * tsvector built verbatim from our own stems (array_to_tsvector: no parser, no stemming,
 * so it matches exactly what the SQLite FTS5 index holds), and lat/lon B-tree boxes for
 * --near. Every value goes through PQexecParams. */
#include "store/store_impl.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { SCHEMA_VERSION = 3 };

static const char *const migrations[] = {
    "CREATE TABLE documents(id BIGSERIAL PRIMARY KEY, doc_id TEXT NOT NULL UNIQUE,"
    " hash TEXT NOT NULL, publisher TEXT, pub_date TEXT, url TEXT, title TEXT, text TEXT,"
    " ingested_at BIGINT NOT NULL);"
    "CREATE TABLE events(id BIGSERIAL PRIMARY KEY, doc BIGINT NOT NULL REFERENCES documents(id)"
    " ON DELETE CASCADE, event_id TEXT NOT NULL, sentence INTEGER NOT NULL, type TEXT,"
    " date_lo TEXT, date_hi TEXT, country TEXT, place TEXT, lat DOUBLE PRECISION,"
    " lon DOUBLE PRECISION, actual INTEGER NOT NULL, cluster_id TEXT, json TEXT NOT NULL);"
    "CREATE INDEX events_doc ON events(doc);"
    "CREATE INDEX events_type_date ON events(type, date_lo);"
    "CREATE INDEX events_date ON events(date_lo);"
    "CREATE INDEX events_country_date ON events(country, date_lo);"
    "CREATE INDEX events_latlon ON events(lat, lon) WHERE lat IS NOT NULL;"
    "CREATE INDEX events_cluster ON events(cluster_id) WHERE cluster_id IS NOT NULL;"
    "CREATE TABLE event_keys(key TEXT NOT NULL, event BIGINT NOT NULL REFERENCES events(id)"
    " ON DELETE CASCADE, PRIMARY KEY(key, event));"
    "CREATE INDEX event_keys_event ON event_keys(event);"
    "CREATE TABLE sentences(doc BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    " sentence INTEGER NOT NULL, tsv TSVECTOR NOT NULL, PRIMARY KEY(doc, sentence));"
    "CREATE INDEX sentences_tsv ON sentences USING GIN(tsv);"
    "CREATE TABLE clusters(id TEXT PRIMARY KEY, type TEXT, date_lo TEXT, date_hi TEXT,"
    " country TEXT, nevents INTEGER NOT NULL, ndocs INTEGER NOT NULL, json TEXT NOT NULL);"
    "CREATE INDEX clusters_date ON clusters(date_lo);",
    /* 1 → 2: date ranges still to be clustered (see raml_store_dedup_pending). */
    "CREATE TABLE dedup_pending(date_lo TEXT NOT NULL, date_hi TEXT NOT NULL);",
    /* 2 → 3: the JSON in a table of its own (narrow event rows), the killed count as a
     * column, indexes for type+country. New rows get ids doc << 32 | sentence << 12 | k
     * like SQLite's (above every BIGSERIAL id already given, so old rows keep theirs). */
    "CREATE TABLE event_json(id BIGINT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,"
    " json TEXT NOT NULL);"
    "INSERT INTO event_json SELECT id, json FROM events;"
    "ALTER TABLE events ADD COLUMN killed BIGINT;"
    "UPDATE events SET killed = CAST(CAST(json AS json) #>> '{fatalities,killed,count}' AS BIGINT);"
    "ALTER TABLE events DROP COLUMN json;"
    "DROP INDEX events_type_date;"
    "CREATE INDEX events_type ON events(type, country, date_lo, date_hi);"
    "CREATE INDEX events_date_full ON events(date_lo, date_hi);",
};

typedef struct pg_store {
    raml_store base;
    PGconn *db;
    long long last_doc;
} pg_store;

static raml_status fail(pg_store *s, const char *what, const PGresult *r, raml_error *err)
{
    const char *msg = r ? PQresultErrorMessage(r) : "";
    if (!msg || !*msg)
        msg = PQerrorMessage(s->db);
    char clean[400];
    snprintf(clean, sizeof clean, "%s", msg && *msg ? msg : "unknown error");
    /* libpq messages run over several indented lines; a diagnostic is one line. */
    size_t n = 0;
    for (const char *c = clean; *c; c++) {
        bool sp = *c == '\n' || *c == '\t' || *c == ' ';
        if (!sp || (n && clean[n - 1] != ' '))
            clean[n++] = sp ? ' ' : *c;
    }
    while (n && clean[n - 1] == ' ')
        n--;
    clean[n] = '\0';
    const char *hint = PQstatus(s->db) != CONNECTION_OK
                           ? " (the PostgreSQL server is unreachable; nothing of this batch was kept)"
                           : "";
    return raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "PostgreSQL: %s: %s%s", what, clean,
                          hint);
}

/* Runs sql with text parameters (NULL = SQL NULL); the result is the caller's. */
static PGresult *run(pg_store *s, const char *sql, int n, const char *const *v)
{
    /* Parameterless scripts (migrations) may hold several statements: PQexec allows that. */
    return n ? PQexecParams(s->db, sql, n, NULL, v, NULL, NULL, 0) : PQexec(s->db, sql);
}

static raml_status cmd(pg_store *s, const char *sql, int n, const char *const *v, const char *what,
                       raml_error *err)
{
    PGresult *r = run(s, sql, n, v);
    ExecStatusType t = PQresultStatus(r);
    raml_status st = (t == PGRES_COMMAND_OK || t == PGRES_TUPLES_OK) ? RAML_OK : fail(s, what, r, err);
    PQclear(r);
    return st;
}

static void p_close(raml_store *b)
{
    pg_store *s = (pg_store *)b;
    PQfinish(s->db);
    free(s);
}

static raml_status p_begin(raml_store *b, raml_error *err)
{
    return cmd((pg_store *)b, "BEGIN", 0, NULL, "cannot start a transaction", err);
}

static raml_status p_commit(raml_store *b, raml_error *err)
{
    return cmd((pg_store *)b, "COMMIT", 0, NULL, "cannot commit", err);
}

static void p_rollback(raml_store *b)
{
    pg_store *s = (pg_store *)b;
    if (PQtransactionStatus(s->db) != PQTRANS_IDLE)
        PQclear(PQexec(s->db, "ROLLBACK"));
}

static raml_status p_has(raml_store *b, const char *id, const char *hash, bool *same, bool *exists,
                         raml_error *err)
{
    pg_store *s = (pg_store *)b;
    *same = *exists = false;
    const char *v[] = {id};
    PGresult *r = run(s, "SELECT id, hash FROM documents WHERE doc_id = $1", 1, v);
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
        raml_status st = fail(s, "cannot look up a document", r, err);
        PQclear(r);
        return st;
    }
    if (PQntuples(r) > 0) {
        *exists = true;
        s->last_doc = atoll(PQgetvalue(r, 0, 0));
        *same = hash && strcmp(PQgetvalue(r, 0, 1), hash) == 0;
    }
    PQclear(r);
    return RAML_OK;
}

static const char *nz(const char *s) { return s && *s ? s : NULL; }

static raml_status p_put(raml_store *b, const raml_store_doc *d, const store_row *rows,
                         const store_sent *sents, size_t nsents, bool replace, raml_error *err)
{
    pg_store *s = (pg_store *)b;
    const raml_doc_meta *m = d->meta;
    char now[32], docid[32];
    snprintf(now, sizeof now, "%lld", (long long)time(NULL));
    /* libpq wants NUL-terminated text: the stored text is NUL-terminated by its producers. */
    const char *text = d->text ? d->text : "";
    raml_status st;
    if (replace) {
        bool same, exists;
        if ((st = p_has(b, m->id, d->hash, &same, &exists, err)) != RAML_OK)
            return st;
        snprintf(docid, sizeof docid, "%lld", s->last_doc);
        const char *v1[] = {docid};
        if ((st = cmd(s, "DELETE FROM events WHERE doc = $1", 1, v1, m->id, err)) != RAML_OK ||
            (st = cmd(s, "DELETE FROM sentences WHERE doc = $1", 1, v1, m->id, err)) != RAML_OK)
            return st;
        const char *v[] = {d->hash, nz(m->publisher), nz(m->pub_date), nz(m->url), nz(m->title),
                           text, now, docid};
        if ((st = cmd(s, "UPDATE documents SET hash=$1, publisher=$2, pub_date=$3, url=$4, "
                         "title=$5, text=$6, ingested_at=$7 WHERE id=$8",
                      8, v, m->id, err)) != RAML_OK)
            return st;
    } else {
        const char *v[] = {m->id, d->hash, nz(m->publisher), nz(m->pub_date), nz(m->url),
                           nz(m->title), text, now};
        PGresult *r = run(s, "INSERT INTO documents(doc_id, hash, publisher, pub_date, url, title, "
                             "text, ingested_at) VALUES($1,$2,$3,$4,$5,$6,$7,$8) RETURNING id",
                          8, v);
        if (PQresultStatus(r) != PGRES_TUPLES_OK) {
            st = fail(s, m->id, r, err);
            PQclear(r);
            return st;
        }
        snprintf(docid, sizeof docid, "%s", PQgetvalue(r, 0, 0));
        PQclear(r);
    }
    for (size_t i = 0; i < d->nevents; i++) {
        const store_row *w = &rows[i];
        char sent[16], lat[32], lon[32], actual[4], killed[32], evid[32];
        snprintf(sent, sizeof sent, "%u", w->sentence);
        snprintf(killed, sizeof killed, "%ld", w->killed);
        snprintf(evid, sizeof evid, "%lld", (atoll(docid) << STORE_DOC_SHIFT) | w->local);
        snprintf(lat, sizeof lat, "%.17g", w->lat);
        snprintf(lon, sizeof lon, "%.17g", w->lon);
        snprintf(actual, sizeof actual, "%d", w->actual ? 1 : 0);
        const char *v[] = {docid, w->event_id, sent, nz(w->type), nz(w->date_lo), nz(w->date_hi),
                           nz(w->country), nz(w->place), w->located ? lat : NULL,
                           w->located ? lon : NULL, actual, w->killed >= 0 ? killed : NULL, evid};
        if ((st = cmd(s, "INSERT INTO events(doc, event_id, sentence, type, date_lo, date_hi, "
                         "country, place, lat, lon, actual, killed, id) VALUES($1,$2,$3,$4,$5,$6,"
                         "$7,$8,$9,$10,$11,$12,$13)",
                      13, v, m->id, err)) != RAML_OK)
            return st;
        const char *jv[] = {evid, w->json};
        if ((st = cmd(s, "INSERT INTO event_json(id, json) VALUES($1,$2)", 2, jv, m->id, err)) !=
            RAML_OK)
            return st;
        for (int k = 0; k < w->nkeys; k++) {
            const char *kv[] = {w->keys[k], evid};
            if ((st = cmd(s, "INSERT INTO event_keys(key, event) VALUES($1,$2) ON CONFLICT DO NOTHING",
                          2, kv, m->id, err)) != RAML_OK)
                return st;
        }
    }
    for (size_t i = 0; i < nsents; i++) {
        char idx[16];
        snprintf(idx, sizeof idx, "%u", sents[i].index);
        const char *v[] = {docid, idx, sents[i].stems};
        if ((st = cmd(s, "INSERT INTO sentences(doc, sentence, tsv) VALUES($1, $2, "
                         "array_to_tsvector(array_remove(string_to_array($3, ' '), '')))",
                      3, v, m->id, err)) != RAML_OK)
            return st;
    }
    return RAML_OK;
}

static void params_text(const store_params *p, char (*nums)[40], const char **v)
{
    for (int i = 0; i < p->n; i++) {
        if (p->v[i].num) {
            snprintf(nums[i], 40, "%.17g", p->v[i].d);
            v[i] = nums[i];
        } else {
            v[i] = p->v[i].s;
        }
    }
}

/* Streams rows one at a time, so a million-row answer never sits in memory. */
static raml_status stream(pg_store *s, const char *sql_q, const store_params *p,
                          int (*row)(void *, PGresult *), void *ctx, int *stopped, raml_error *err)
{
    if (store_params_check(p, err) != RAML_OK)
        return RAML_ERR_USAGE;
    raml_buf sql;
    raml_buf_init(&sql);
    store_sql_pg_placeholders(&sql, sql_q);
    char nums[32][40];
    const char *v[32];
    params_text(p, nums, v);
    if (!PQsendQueryParams(s->db, sql.data, p->n, NULL, v, NULL, NULL, 0)) {
        raml_buf_free(&sql);
        return fail(s, "query failed", NULL, err);
    }
    raml_buf_free(&sql);
    PQsetSingleRowMode(s->db);
    raml_status st = RAML_OK;
    if (stopped)
        *stopped = 0;
    PGresult *r;
    while ((r = PQgetResult(s->db))) {
        ExecStatusType t = PQresultStatus(r);
        if (t == PGRES_SINGLE_TUPLE && st == RAML_OK && !(stopped && *stopped)) {
            int rc = row(ctx, r);
            if (rc && stopped)
                *stopped = rc;
        } else if (t != PGRES_SINGLE_TUPLE && t != PGRES_TUPLES_OK && t != PGRES_COMMAND_OK &&
                   st == RAML_OK) {
            st = fail(s, "query failed", r, err);
        }
        PQclear(r);
    }
    return st;
}

typedef struct sel {
    raml_store_event_fn fn;
    void *ctx;
    store_load_fn lfn;
} sel;

static int sel_row(void *c, PGresult *r)
{
    sel *x = c;
    if (PQgetisnull(r, 0, 0))
        return 0;
    return x->fn(x->ctx, PQgetvalue(r, 0, 0), (size_t)PQgetlength(r, 0, 0));
}

static int load_row(void *c, PGresult *r)
{
    sel *x = c;
    return x->lfn(x->ctx, atoll(PQgetvalue(r, 0, 0)), PQgetvalue(r, 0, 1),
                  (size_t)PQgetlength(r, 0, 1), PQgetisnull(r, 0, 2) ? NULL : PQgetvalue(r, 0, 2));
}

static raml_status p_select(raml_store *b, const char *sql, const store_params *p,
                            raml_store_event_fn fn, void *ctx, int *stopped, raml_error *err)
{
    sel x = {.fn = fn, .ctx = ctx};
    return stream((pg_store *)b, sql, p, sel_row, &x, stopped, err);
}

static raml_status p_load(raml_store *b, const char *sql, const store_params *p, store_load_fn fn,
                          void *ctx, raml_error *err)
{
    sel x = {.lfn = fn, .ctx = ctx};
    int stopped = 0;
    return stream((pg_store *)b, sql, p, load_row, &x, &stopped, err);
}

static raml_status p_exec(raml_store *b, const char *sql_q, const store_params *p, raml_error *err)
{
    pg_store *s = (pg_store *)b;
    if (store_params_check(p, err) != RAML_OK)
        return RAML_ERR_USAGE;
    raml_buf sql;
    raml_buf_init(&sql);
    store_sql_pg_placeholders(&sql, sql_q);
    char nums[32][40];
    const char *v[32];
    params_text(p, nums, v);
    raml_status st = cmd(s, sql.data, p->n, v, "write failed", err);
    raml_buf_free(&sql);
    return st;
}

static const store_ops pg_ops = {
    .kind = "postgresql",
    .close = p_close,
    .begin = p_begin,
    .commit = p_commit,
    .rollback = p_rollback,
    .has_document = p_has,
    .put_document = p_put,
    .select_text = p_select,
    .load = p_load,
    .exec = p_exec,
};

static raml_status migrate(pg_store *s, bool readonly, raml_error *err)
{
    raml_status st = cmd(s, "BEGIN", 0, NULL, "cannot start a transaction", err);
    if (st != RAML_OK)
        return st;
    /* Two ingests starting together must not both create the schema. */
    if (!readonly && (st = cmd(s, "SELECT pg_advisory_xact_lock(7238110)", 0, NULL,
                               "cannot lock the schema", err)) != RAML_OK)
        goto bad;
    int version = 0;
    PGresult *r = run(s, "SELECT to_regclass('schema_version') IS NOT NULL", 0, NULL);
    bool have = PQresultStatus(r) == PGRES_TUPLES_OK && PQgetvalue(r, 0, 0)[0] == 't';
    PQclear(r);
    if (have) {
        r = run(s, "SELECT max(version) FROM schema_version", 0, NULL);
        if (PQresultStatus(r) == PGRES_TUPLES_OK && !PQgetisnull(r, 0, 0))
            version = atoi(PQgetvalue(r, 0, 0));
        PQclear(r);
    }
    if (version > SCHEMA_VERSION) {
        st = raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1,
                            "PostgreSQL: database schema version %d is newer than this raml "
                            "understands (%d); use a newer raml",
                            version, SCHEMA_VERSION);
        goto bad;
    }
    if (version < SCHEMA_VERSION && readonly) {
        st = raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1,
                            "PostgreSQL: no raml schema in this database (run raml ingest first)");
        goto bad;
    }
    for (int v = version; v < SCHEMA_VERSION; v++)
        if ((st = cmd(s, migrations[v], 0, NULL, "cannot create the schema", err)) != RAML_OK)
            goto bad;
    if (version < SCHEMA_VERSION) {
        char sql[160];
        snprintf(sql, sizeof sql,
                 "CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL);"
                 "DELETE FROM schema_version; INSERT INTO schema_version VALUES(%d)",
                 SCHEMA_VERSION);
        if ((st = cmd(s, sql, 0, NULL, "cannot record the schema version", err)) != RAML_OK)
            goto bad;
    }
    return cmd(s, "COMMIT", 0, NULL, "cannot create the schema", err);
bad:
    p_rollback(&s->base);
    return st;
}

raml_status store_pg_open(const char *url, bool readonly, raml_store **out, raml_error *err)
{
    pg_store *s = calloc(1, sizeof *s);
    if (!s)
        return raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "out of memory");
    s->base.ops = &pg_ops;
    s->base.pg = true;
    const char *keys[] = {"dbname", "connect_timeout", "application_name", NULL};
    const char *vals[] = {url, "10", "raml", NULL};
    s->db = PQconnectdbParams(keys, vals, 1);
    if (!s->db || PQstatus(s->db) != CONNECTION_OK) {
        raml_status st = raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1,
                                        "cannot connect to PostgreSQL: %s",
                                        s->db ? PQerrorMessage(s->db) : "out of memory");
        size_t n = strlen(err ? err->message : "");
        while (err && n && err->message[n - 1] == '\n')
            err->message[--n] = '\0';
        p_close(&s->base);
        return st;
    }
    PQclear(PQexec(s->db, "SET client_min_messages = warning"));
    raml_status st = migrate(s, readonly, err);
    if (st != RAML_OK) {
        p_close(&s->base);
        return st;
    }
    *out = &s->base;
    return RAML_OK;
}
