/* SQLite back end: WAL, one transaction per batch, forward migrations, an R*Tree over
 * event coordinates and an FTS5 index over sentence stems. */
#include "store/store_impl.h"

#include <math.h>
#include <stdio.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum { SCHEMA_VERSION = 4 };

/* migrations[v] takes a store at version v to v+1; index 0 creates everything. */
static const char *const migrations[] = {
    "CREATE TABLE documents(id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL UNIQUE,"
    " hash TEXT NOT NULL, publisher TEXT, pub_date TEXT, url TEXT, title TEXT, text TEXT,"
    " ingested_at INTEGER NOT NULL);"
    "CREATE TABLE events(id INTEGER PRIMARY KEY, doc INTEGER NOT NULL, event_id TEXT NOT NULL,"
    " sentence INTEGER NOT NULL, type TEXT, date_lo TEXT, date_hi TEXT, country TEXT, place TEXT,"
    " lat REAL, lon REAL, actual INTEGER NOT NULL, cluster_id TEXT, json TEXT NOT NULL);"
    "CREATE INDEX events_doc ON events(doc);"
    /* Covering the overlap test (date_lo, date_hi) and the other cheap filters keeps a
     * filtered query inside the index instead of fetching every candidate row. */
    "CREATE INDEX events_type_date ON events(type, date_lo, date_hi, country);"
    "CREATE INDEX events_date ON events(date_lo, date_hi);"
    "CREATE INDEX events_country_date ON events(country, date_lo, date_hi, type);"
    "CREATE INDEX events_cluster ON events(cluster_id) WHERE cluster_id IS NOT NULL;"
    "CREATE TABLE event_keys(key TEXT NOT NULL, event INTEGER NOT NULL,"
    " PRIMARY KEY(key, event)) WITHOUT ROWID;"
    "CREATE INDEX event_keys_event ON event_keys(event);"
    "CREATE VIRTUAL TABLE event_geo USING rtree(id, minlat, maxlat, minlon, maxlon);"
    "CREATE VIRTUAL TABLE sentence_fts USING fts5(stems, tokenize='ascii');"
    "CREATE TABLE clusters(id TEXT PRIMARY KEY, type TEXT, date_lo TEXT, date_hi TEXT,"
    " country TEXT, nevents INTEGER NOT NULL, ndocs INTEGER NOT NULL, json TEXT NOT NULL);"
    "CREATE INDEX clusters_date ON clusters(date_lo);",
    /* 1 → 2: date ranges still to be clustered (see raml_store_dedup_pending). */
    "CREATE TABLE dedup_pending(date_lo TEXT NOT NULL, date_hi TEXT NOT NULL);",
    /* 2 → 3: narrow events (the JSON moves to event_json, compacted by store_json.c for new
     * rows), the killed count as a column (the map reads no JSON), row ids that encode
     * doc, sentence and k (see STORE_DOC_SHIFT) so that a document's and a text hit's
     * events are id ranges, and filter indexes that cover the count of every filter. */
    "CREATE TEMP TABLE renum AS SELECT id AS old, doc * 4294967296 + min(sentence, 1048574) * 4096 +"
    " row_number() OVER (PARTITION BY doc, min(sentence, 1048574) ORDER BY id) - 1 AS new"
    " FROM events;"
    "CREATE TABLE events3(id INTEGER PRIMARY KEY, doc INTEGER NOT NULL, event_id TEXT NOT NULL,"
    " sentence INTEGER NOT NULL, type TEXT, date_lo TEXT, date_hi TEXT, country TEXT, place TEXT,"
    " lat REAL, lon REAL, actual INTEGER NOT NULL, killed INTEGER, cluster_id TEXT);"
    "INSERT INTO events3 SELECT r.new, e.doc, e.event_id, e.sentence, e.type, e.date_lo, e.date_hi,"
    " e.country, e.place, e.lat, e.lon, e.actual,"
    " CAST(json_extract(e.json, '$.fatalities.killed.count') AS INTEGER), e.cluster_id"
    " FROM events e JOIN temp.renum r ON r.old = e.id ORDER BY r.new;"
    /* keys: the event's event_keys, \x1f-separated, so a replaced document's key rows are
     * deleted by primary key and event_keys needs no second index. */
    "CREATE TABLE event_json(id INTEGER PRIMARY KEY, json TEXT NOT NULL, keys TEXT);"
    "INSERT INTO event_json SELECT r.new, e.json, (SELECT group_concat(k.key, char(31)) FROM"
    " event_keys k WHERE k.event = e.id) FROM events e JOIN temp.renum r ON r.old = e.id"
    " ORDER BY r.new;"
    "CREATE TABLE event_keys3(key TEXT NOT NULL, event INTEGER NOT NULL,"
    " PRIMARY KEY(key, event)) WITHOUT ROWID;"
    "INSERT INTO event_keys3 SELECT k.key, r.new FROM event_keys k JOIN temp.renum r"
    " ON r.old = k.event;"
    /* columnsize=0: no per-row size table (nothing ranks hits). */
    "CREATE VIRTUAL TABLE sentence_fts3 USING fts5(stems, tokenize='ascii', columnsize=0);"
    "INSERT INTO sentence_fts3(rowid, stems) SELECT rowid, stems FROM sentence_fts;"
    "DROP TABLE events; DROP TABLE event_keys; DROP TABLE event_geo; DROP TABLE sentence_fts;"
    "DROP TABLE temp.renum;"
    "ALTER TABLE events3 RENAME TO events;"
    "ALTER TABLE event_keys3 RENAME TO event_keys;"
    "ALTER TABLE sentence_fts3 RENAME TO sentence_fts;"
    "CREATE INDEX events_type ON events(type, country, date_lo, date_hi);"
    "CREATE INDEX events_country ON events(country, date_lo, date_hi, type);"
    "CREATE INDEX events_date ON events(date_lo, date_hi, type, country);"
    /* --near: a latitude band of this index, longitude and distance checked in it (an
     * R*Tree cost five times more per insert and a row read per candidate). */
    "CREATE INDEX events_geo ON events(lat, lon);"
    "CREATE INDEX events_cluster ON events(cluster_id) WHERE cluster_id IS NOT NULL;",
    /* 3 → 4: key rows carry their event's type, country and day range, so that a name
     * with other filters is counted and paged inside its key rows; full-text rows are
     * keyed by their last event's id (a text count reads no event row) and carry marker
     * tokens of their events' types, countries, years and keys (see store_sent); new
     * events get a clustering digest (see store_digest; older ones are read as JSON). */
    "ALTER TABLE event_json ADD COLUMN dd TEXT;"
    "CREATE TABLE event_keys4(key TEXT NOT NULL, event INTEGER NOT NULL, type TEXT, country TEXT,"
    " lo INTEGER, hi INTEGER, PRIMARY KEY(key, event)) WITHOUT ROWID;"
    "INSERT INTO event_keys4 SELECT k.key, k.event, e.type, e.country, raml_days(e.date_lo),"
    " raml_days(e.date_hi) FROM event_keys k CROSS JOIN events e ON e.id = k.event;"
    "DROP TABLE event_keys;"
    "ALTER TABLE event_keys4 RENAME TO event_keys;"
    "CREATE VIRTUAL TABLE sentence_fts4 USING fts5(stems, tokenize='ascii', columnsize=0);"
    "INSERT INTO sentence_fts4(rowid, stems) SELECT CASE WHEN (f.rowid & 1048575) = 1048575"
    " THEN (f.rowid << 12) + 4095 ELSE max(e.id) END,"
    " f.stems || raml_markers(e.type, e.country, e.date_lo, e.date_hi, j.keys)"
    " FROM sentence_fts f CROSS JOIN events e NOT INDEXED ON e.id BETWEEN (CASE WHEN"
    " (f.rowid & 1048575) = 1048575 THEN (f.rowid >> 20) << 32 ELSE f.rowid << 12 END)"
    " AND (f.rowid << 12) + 4095 CROSS JOIN event_json j ON j.id = e.id GROUP BY f.rowid;"
    "DROP TABLE sentence_fts;"
    "ALTER TABLE sentence_fts4 RENAME TO sentence_fts;",
};

typedef struct sqlite_store {
    raml_store base;
    sqlite3 *db;
    char path[256];
    sqlite3_stmt *has_doc, *ins_doc, *upd_doc, *ins_ev, *ins_json, *ins_key, *ins_fts;
    sqlite3_stmt *sel_keys, *del_key, *del_ev, *del_json, *del_fts;
    raml_buf keys; /* one event's keys, \x1f-separated */
    long long last_doc; /* rowid found by the last s_has */
    /* s_exec's statements, kept prepared: clustering runs a few statements once per event
     * and per cluster (hundreds of thousands of times in a large ingest). */
    struct {
        char *sql;
        sqlite3_stmt *st;
    } execs[8];
    unsigned next_exec; /* the slot to replace when all are taken */
} sqlite_store;

static raml_status fail(sqlite_store *s, int rc, const char *what, raml_error *err)
{
    const char *hint = "";
    switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: hint = " (another process holds the database lock; try again later)"; break;
    case SQLITE_READONLY: hint = " (the database or its directory is read-only)"; break;
    case SQLITE_FULL: hint = " (the disk is full; nothing of this batch was written)"; break;
    case SQLITE_IOERR:
        hint = " (a read or write failed: disk full, quota or a failing device; the open batch "
               "is rolled back)";
        break;
    case SQLITE_CANTOPEN: hint = " (check the path and permissions)"; break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: hint = " (not a raml database, or damaged)"; break;
    default: break;
    }
    return raml_error_set(err, RAML_ERR_INTERNAL, s->path, 0, -1, "%s: %s%s", what,
                          s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc), hint);
}

static void km_fn(sqlite3_context *c, int argc, sqlite3_value **v)
{
    for (int i = 0; i < 4; i++)
        if (sqlite3_value_type(v[i]) == SQLITE_NULL) {
            sqlite3_result_null(c);
            return;
        }
    double la1 = sqlite3_value_double(v[0]) * M_PI / 180, lo1 = sqlite3_value_double(v[1]) * M_PI / 180;
    double la2 = sqlite3_value_double(v[2]) * M_PI / 180, lo2 = sqlite3_value_double(v[3]) * M_PI / 180;
    double h = pow(sin((la2 - la1) / 2), 2) + cos(la1) * cos(la2) * pow(sin((lo2 - lo1) / 2), 2);
    sqlite3_result_double(c, 2 * 6371.0088 * asin(sqrt(h < 1 ? h : 1)));
}

/* raml_days(YYYY-MM-DD): the day number store_days gives, NULL for anything else. */
static void days_fn(sqlite3_context *c, int argc, sqlite3_value **v)
{
    const char *t = (const char *)sqlite3_value_text(v[0]);
    if (t && sqlite3_value_bytes(v[0]) == 10)
        sqlite3_result_int64(c, store_days(t));
    else
        sqlite3_result_null(c);
}

/* raml_markers(type, country, date_lo, date_hi, keys): aggregate, the marker tokens of a
 * group of events (the migration to version 4 builds full-text rows with it). */
typedef struct markers_agg {
    raml_buf b, m;
} markers_agg;

static void markers_step(sqlite3_context *c, int argc, sqlite3_value **v)
{
    markers_agg *g = sqlite3_aggregate_context(c, sizeof *g);
    if (!g)
        return;
    const char *t[5];
    for (int i = 0; i < 5; i++)
        t[i] = (const char *)sqlite3_value_text(v[i]);
    store_event_markers(&g->b, &g->m, t[0], t[1], t[2], t[3], NULL, 0, t[4]);
}

static void markers_final(sqlite3_context *c)
{
    markers_agg *g = sqlite3_aggregate_context(c, 0);
    if (g && (g->b.failed || g->m.failed))
        sqlite3_result_error_nomem(c);
    else if (g && g->b.len)
        sqlite3_result_text(c, g->b.data, (int)g->b.len, SQLITE_TRANSIENT);
    else
        sqlite3_result_text(c, "", 0, SQLITE_STATIC);
    if (g) {
        raml_buf_free(&g->b);
        raml_buf_free(&g->m);
    }
}

static int exec(sqlite_store *s, const char *sql) { return sqlite3_exec(s->db, sql, NULL, NULL, NULL); }

static raml_status migrate(sqlite_store *s, bool readonly, raml_error *err)
{
    int rc = exec(s, readonly ? "BEGIN" : "BEGIN IMMEDIATE");
    if (rc != SQLITE_OK)
        return fail(s, rc, "cannot lock the database", err);
    sqlite3_stmt *st;
    int version = 0;
    rc = sqlite3_prepare_v2(s->db, "SELECT version FROM schema_version", -1, &st, NULL);
    if (rc == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW)
            version = sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
    } else {
        /* No schema_version: a new file, unless other tables say it is someone else's. */
        sqlite3_stmt *t;
        int n = 0, trc = sqlite3_prepare_v2(s->db, "SELECT count(*) FROM sqlite_master", -1, &t, NULL);
        if (trc == SQLITE_OK) {
            trc = sqlite3_step(t);
            if (trc == SQLITE_ROW)
                n = sqlite3_column_int(t, 0);
            sqlite3_finalize(t);
        }
        if (trc != SQLITE_OK && trc != SQLITE_ROW) {
            raml_status r = fail(s, trc, "cannot read the database", err);
            exec(s, "ROLLBACK");
            return r;
        }
        if (n > 0) {
            exec(s, "ROLLBACK");
            return raml_error_set(err, RAML_ERR_INTERNAL, s->path, 0, -1,
                                  "not a raml database (it has tables but no schema_version)");
        }
    }
    if (version > SCHEMA_VERSION) {
        exec(s, "ROLLBACK");
        return raml_error_set(err, RAML_ERR_INTERNAL, s->path, 0, -1,
                              "database schema version %d is newer than this raml understands "
                              "(%d); use a newer raml",
                              version, SCHEMA_VERSION);
    }
    if (version < SCHEMA_VERSION && readonly) {
        exec(s, "ROLLBACK");
        return raml_error_set(err, RAML_ERR_INTERNAL, s->path, 0, -1,
                              version ? "database schema is older; run raml ingest on it to migrate"
                                      : "no raml database here (run raml ingest first)");
    }
    for (int v = version; v < SCHEMA_VERSION; v++) {
        rc = exec(s, migrations[v]);
        if (rc != SQLITE_OK) {
            raml_status r = fail(s, rc, "cannot create the schema", err);
            exec(s, "ROLLBACK");
            return r;
        }
    }
    if (version < SCHEMA_VERSION) {
        char sql[256];
        snprintf(sql, sizeof sql,
                 "DROP TABLE IF EXISTS schema_version; CREATE TABLE schema_version(version INTEGER "
                 "NOT NULL); INSERT INTO schema_version VALUES(%d)",
                 SCHEMA_VERSION);
        if ((rc = exec(s, sql)) != SQLITE_OK) {
            raml_status r = fail(s, rc, "cannot record the schema version", err);
            exec(s, "ROLLBACK");
            return r;
        }
    }
    if ((rc = exec(s, "COMMIT")) != SQLITE_OK) {
        raml_status r = fail(s, rc, "cannot create the schema", err);
        exec(s, "ROLLBACK");
        return r;
    }
    return RAML_OK;
}

static raml_status prep(sqlite_store *s, sqlite3_stmt **st, const char *sql, raml_error *err)
{
    int rc = sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL);
    return rc == SQLITE_OK ? RAML_OK : fail(s, rc, "cannot prepare a statement", err);
}

static void s_close(raml_store *b)
{
    sqlite_store *s = (sqlite_store *)b;
    sqlite3_stmt *all[] = {s->has_doc, s->ins_doc, s->upd_doc, s->ins_ev,   s->ins_json,
                           s->ins_key, s->ins_fts, s->sel_keys, s->del_key, s->del_ev,
                           s->del_json, s->del_fts};
    raml_buf_free(&s->keys);
    for (size_t i = 0; i < sizeof all / sizeof *all; i++)
        sqlite3_finalize(all[i]);
    for (size_t i = 0; i < sizeof s->execs / sizeof *s->execs; i++) {
        sqlite3_finalize(s->execs[i].st);
        free(s->execs[i].sql);
    }
    if (s->db) {
        exec(s, "PRAGMA optimize");
        sqlite3_close(s->db);
    }
    free(s);
}

static raml_status s_begin(raml_store *b, raml_error *err)
{
    sqlite_store *s = (sqlite_store *)b;
    int rc = exec(s, "BEGIN IMMEDIATE");
    return rc == SQLITE_OK ? RAML_OK : fail(s, rc, "cannot start a transaction", err);
}

static raml_status s_commit(raml_store *b, raml_error *err)
{
    sqlite_store *s = (sqlite_store *)b;
    int rc = exec(s, "COMMIT");
    return rc == SQLITE_OK ? RAML_OK : fail(s, rc, "cannot commit", err);
}

static void s_rollback(raml_store *b)
{
    sqlite_store *s = (sqlite_store *)b;
    if (!sqlite3_get_autocommit(s->db))
        exec(s, "ROLLBACK");
}

static void bind_text(sqlite3_stmt *st, int i, const char *v)
{
    if (v && *v)
        sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

static int step_done(sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}

static raml_status s_has(raml_store *b, const char *id, const char *hash, bool *same, bool *exists,
                         raml_error *err)
{
    sqlite_store *s = (sqlite_store *)b;
    *same = *exists = false;
    sqlite3_bind_text(s->has_doc, 1, id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s->has_doc);
    if (rc == SQLITE_ROW) {
        *exists = true;
        s->last_doc = sqlite3_column_int64(s->has_doc, 0);
        const char *h = (const char *)sqlite3_column_text(s->has_doc, 1);
        *same = h && hash && strcmp(h, hash) == 0;
        rc = SQLITE_OK;
    } else if (rc == SQLITE_DONE) {
        rc = SQLITE_OK;
    }
    sqlite3_reset(s->has_doc);
    sqlite3_clear_bindings(s->has_doc);
    return rc == SQLITE_OK ? RAML_OK : fail(s, rc, "cannot look up a document", err);
}

static raml_status s_put(raml_store *b, const raml_store_doc *d, const store_row *rows,
                         const store_sent *sents, size_t nsents, bool replace, raml_error *err)
{
    sqlite_store *s = (sqlite_store *)b;
    const raml_doc_meta *m = d->meta;
    int rc = SQLITE_OK;
    long long doc;
    if (replace) {
        bool same, exists;
        raml_status st = s_has(b, m->id, d->hash, &same, &exists, err);
        if (st != RAML_OK)
            return st;
        doc = s->last_doc;
        /* Key rows first, from the key lists kept with the JSON. */
        sqlite3_bind_int64(s->sel_keys, 1, doc << STORE_DOC_SHIFT);
        sqlite3_bind_int64(s->sel_keys, 2, (doc << STORE_DOC_SHIFT) + 0xffffffffLL);
        while (rc == SQLITE_OK && (rc = sqlite3_step(s->sel_keys)) == SQLITE_ROW) {
            long long ev = sqlite3_column_int64(s->sel_keys, 0);
            const char *k = (const char *)sqlite3_column_text(s->sel_keys, 1);
            rc = SQLITE_OK;
            while (k && *k && rc == SQLITE_OK) {
                const char *sep = strchr(k, '\x1f');
                size_t n = sep ? (size_t)(sep - k) : strlen(k);
                sqlite3_bind_text(s->del_key, 1, k, (int)n, SQLITE_STATIC);
                sqlite3_bind_int64(s->del_key, 2, ev);
                rc = step_done(s->del_key);
                k = sep ? sep + 1 : k + n;
            }
        }
        if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        sqlite3_reset(s->sel_keys);
        sqlite3_clear_bindings(s->sel_keys);
        sqlite3_stmt *dels[] = {s->del_json, s->del_ev};
        for (int i = 0; i < 2 && rc == SQLITE_OK; i++) {
            sqlite3_bind_int64(dels[i], 1, doc << STORE_DOC_SHIFT);
            sqlite3_bind_int64(dels[i], 2, (doc << STORE_DOC_SHIFT) + 0xffffffffLL);
            rc = step_done(dels[i]);
        }
        if (rc == SQLITE_OK) {
            sqlite3_bind_int64(s->del_fts, 1, doc << STORE_DOC_SHIFT);
            sqlite3_bind_int64(s->del_fts, 2, (doc << STORE_DOC_SHIFT) + 0xffffffffLL);
            rc = step_done(s->del_fts);
        }
        sqlite3_stmt *u = s->upd_doc;
        sqlite3_bind_text(u, 1, d->hash, -1, SQLITE_STATIC);
        bind_text(u, 2, m->publisher);
        bind_text(u, 3, m->pub_date);
        bind_text(u, 4, m->url);
        bind_text(u, 5, m->title);
        sqlite3_bind_text(u, 6, d->text ? d->text : "", (int)d->len, SQLITE_STATIC);
        sqlite3_bind_int64(u, 7, (long long)time(NULL));
        sqlite3_bind_int64(u, 8, doc);
        if (rc == SQLITE_OK)
            rc = step_done(u);
        else
            sqlite3_clear_bindings(u);
    } else {
        sqlite3_stmt *u = s->ins_doc;
        sqlite3_bind_text(u, 1, m->id, -1, SQLITE_STATIC);
        sqlite3_bind_text(u, 2, d->hash, -1, SQLITE_STATIC);
        bind_text(u, 3, m->publisher);
        bind_text(u, 4, m->pub_date);
        bind_text(u, 5, m->url);
        bind_text(u, 6, m->title);
        sqlite3_bind_text(u, 7, d->text ? d->text : "", (int)d->len, SQLITE_STATIC);
        sqlite3_bind_int64(u, 8, (long long)time(NULL));
        rc = step_done(u);
        doc = sqlite3_last_insert_rowid(s->db);
    }
    for (size_t i = 0; rc == SQLITE_OK && i < d->nevents; i++) {
        const store_row *r = &rows[i];
        sqlite3_stmt *e = s->ins_ev;
        sqlite3_bind_int64(e, 1, doc);
        sqlite3_bind_text(e, 2, r->event_id, -1, SQLITE_STATIC);
        sqlite3_bind_int(e, 3, (int)r->sentence);
        bind_text(e, 4, r->type);
        bind_text(e, 5, r->date_lo);
        bind_text(e, 6, r->date_hi);
        bind_text(e, 7, r->country);
        bind_text(e, 8, r->place);
        if (r->located) {
            sqlite3_bind_double(e, 9, r->lat);
            sqlite3_bind_double(e, 10, r->lon);
        }
        sqlite3_bind_int(e, 11, r->actual);
        if (r->killed >= 0)
            sqlite3_bind_int64(e, 12, r->killed);
        long long ev = (doc << STORE_DOC_SHIFT) | r->local;
        sqlite3_bind_int64(e, 13, ev);
        rc = step_done(e);
        long long lo = r->date_lo[0] ? store_days(r->date_lo) : 0;
        long long hi = r->date_hi[0] ? store_days(r->date_hi) : 0;
        raml_buf_clear(&s->keys);
        for (int k = 0; rc == SQLITE_OK && k < r->nkeys; k++) {
            if (strchr(r->keys[k], '\x1f'))
                continue; /* could not be listed for its deletion; no name has one */
            if (s->keys.len)
                raml_buf_putc(&s->keys, '\x1f');
            raml_buf_puts(&s->keys, r->keys[k]);
            sqlite3_bind_text(s->ins_key, 1, r->keys[k], -1, SQLITE_STATIC);
            sqlite3_bind_int64(s->ins_key, 2, ev);
            bind_text(s->ins_key, 3, r->type);
            bind_text(s->ins_key, 4, r->country);
            if (r->date_lo[0] && r->date_hi[0]) {
                sqlite3_bind_int64(s->ins_key, 5, lo);
                sqlite3_bind_int64(s->ins_key, 6, hi);
            }
            rc = step_done(s->ins_key);
        }
        if (rc == SQLITE_OK && s->keys.failed)
            rc = SQLITE_NOMEM;
        if (rc == SQLITE_OK) {
            sqlite3_bind_int64(s->ins_json, 1, ev);
            sqlite3_bind_text(s->ins_json, 2, r->json, (int)r->json_len, SQLITE_STATIC);
            if (s->keys.len)
                sqlite3_bind_text(s->ins_json, 3, s->keys.data, (int)s->keys.len, SQLITE_STATIC);
            if (r->digest)
                sqlite3_bind_text(s->ins_json, 4, r->digest, -1, SQLITE_STATIC);
            rc = step_done(s->ins_json);
        }
    }
    for (size_t i = 0; rc == SQLITE_OK && i < nsents; i++) {
        raml_buf_clear(&s->keys);
        raml_buf_puts(&s->keys, sents[i].stems);
        raml_buf_puts(&s->keys, sents[i].markers ? sents[i].markers : "");
        if (s->keys.failed) {
            rc = SQLITE_NOMEM;
            break;
        }
        sqlite3_bind_int64(s->ins_fts, 1, doc << STORE_DOC_SHIFT | sents[i].last_local);
        sqlite3_bind_text(s->ins_fts, 2, s->keys.data, (int)s->keys.len, SQLITE_STATIC);
        rc = step_done(s->ins_fts);
    }
    return rc == SQLITE_OK ? RAML_OK : fail(s, rc, m->id, err);
}

static raml_status bind_all(sqlite_store *s, sqlite3_stmt *st, const store_params *p)
{
    for (int i = 0; i < p->n; i++) {
        if (p->v[i].num)
            sqlite3_bind_double(st, i + 1, p->v[i].d);
        else
            sqlite3_bind_text(st, i + 1, p->v[i].s, -1, SQLITE_STATIC);
    }
    return RAML_OK;
}

/* Checks the parameters, prepares `sql` and binds them: the common start of every read. */
static raml_status prepare_bound(sqlite_store *s, const char *sql, const store_params *p,
                                 sqlite3_stmt **st, raml_error *err)
{
    if (store_params_check(p, err) != RAML_OK)
        return RAML_ERR_USAGE;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, st, NULL);
    if (rc != SQLITE_OK)
        return fail(s, rc, "cannot prepare the query", err);
    bind_all(s, *st, p);
    return RAML_OK;
}

static raml_status s_select(raml_store *b, const char *sql, const store_params *p,
                            raml_store_event_fn fn, void *ctx, int *stopped, raml_error *err)
{
    sqlite_store *s = (sqlite_store *)b;
    sqlite3_stmt *st;
    raml_status prc = prepare_bound(s, sql, p, &st, err);
    if (prc != RAML_OK)
        return prc;
    int rc;
    *stopped = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(st, 0);
        if (!t)
            continue;
        int r = fn(ctx, t, (size_t)sqlite3_column_bytes(st, 0));
        if (r) {
            *stopped = r;
            rc = SQLITE_DONE;
            break;
        }
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? RAML_OK : fail(s, rc, "query failed", err);
}

static raml_status s_load(raml_store *b, const char *sql, const store_params *p, store_load_fn fn,
                          void *ctx, raml_error *err)
{
    sqlite_store *s = (sqlite_store *)b;
    sqlite3_stmt *st;
    raml_status prc = prepare_bound(s, sql, p, &st, err);
    if (prc != RAML_OK)
        return prc;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *j = (const char *)sqlite3_column_text(st, 1);
        if (fn(ctx, sqlite3_column_int64(st, 0), j ? j : "", (size_t)sqlite3_column_bytes(st, 1),
               (const char *)sqlite3_column_text(st, 2))) {
            rc = SQLITE_DONE;
            break;
        }
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? RAML_OK : fail(s, rc, "query failed", err);
}

static raml_status s_exec(raml_store *b, const char *sql, const store_params *p, raml_error *err)
{
    sqlite_store *s = (sqlite_store *)b;
    if (store_params_check(p, err) != RAML_OK)
        return RAML_ERR_USAGE;
    sqlite3_stmt *st = NULL;
    size_t nslot = sizeof s->execs / sizeof *s->execs, slot = nslot;
    for (size_t i = 0; i < nslot && !st; i++)
        if (s->execs[i].sql && strcmp(s->execs[i].sql, sql) == 0) {
            st = s->execs[i].st;
            slot = i;
        }
    if (!st) {
        int rc = sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL);
        if (rc != SQLITE_OK)
            return fail(s, rc, "cannot prepare a statement", err);
        char *copy = strdup(sql);
        if (copy) { /* without a copy it is simply not kept */
            slot = s->next_exec++ % nslot;
            sqlite3_finalize(s->execs[slot].st);
            free(s->execs[slot].sql);
            s->execs[slot].sql = copy;
            s->execs[slot].st = st;
        }
    }
    bind_all(s, st, p);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (slot == nslot)
        sqlite3_finalize(st);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? RAML_OK : fail(s, rc, "write failed", err);
}

/* False when a reader could not create the -shm file next to `path` and no writer is
 * active (no -wal file). */
static bool wal_possible(const char *path)
{
    char dir[4096], wal[4096];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (!slash)
        snprintf(dir, sizeof dir, ".");
    else if (slash == dir)
        dir[1] = '\0';
    else
        *slash = '\0';
    snprintf(wal, sizeof wal, "%s-wal", path);
    /* Paths a file: URI would need escaped are opened the plain way. */
    return access(dir, W_OK) == 0 || access(wal, F_OK) == 0 || strpbrk(path, "?#%") != NULL;
}

static const store_ops sqlite_ops = {
    .kind = "sqlite",
    .close = s_close,
    .begin = s_begin,
    .commit = s_commit,
    .rollback = s_rollback,
    .has_document = s_has,
    .put_document = s_put,
    .select_text = s_select,
    .load = s_load,
    .exec = s_exec,
};

raml_status store_sqlite_open(const char *path, bool readonly, raml_store **out, raml_error *err)
{
    sqlite_store *s = calloc(1, sizeof *s);
    if (!s)
        return raml_error_set(err, RAML_ERR_INTERNAL, path, 0, -1, "out of memory");
    s->base.ops = &sqlite_ops;
    raml_buf_init(&s->keys);
    snprintf(s->path, sizeof s->path, "%s", path);
    if (readonly && access(path, F_OK) != 0) {
        free(s);
        return raml_error_set(err, RAML_ERR_INTERNAL, path, 0, -1,
                              "no such database (run raml ingest first)");
    }
    int flags = readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    raml_status st = RAML_OK;
    int rc;
    if (readonly && !wal_possible(path)) {
        /* A WAL database in a directory we cannot write (read-only media, another user's
         * store): SQLite cannot create the -shm index there, and with no -wal file nobody is
         * mid-write, so the file is read as immutable. */
        char *uri = sqlite3_mprintf("file:%s?immutable=1", path);
        rc = uri ? sqlite3_open_v2(uri, &s->db, flags | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL)
                 : SQLITE_NOMEM;
        sqlite3_free(uri);
    } else {
        rc = sqlite3_open_v2(path, &s->db, flags | SQLITE_OPEN_NOMUTEX, NULL);
    }
    if (rc != SQLITE_OK) {
        st = fail(s, rc, "cannot open the database", err);
        goto bad;
    }
    if (!readonly && sqlite3_db_readonly(s->db, "main") == 1) {
        /* SQLite opens a file it may not write read-only without complaint; say so before
         * the caller codes a whole corpus only to fail at the first commit. */
        st = raml_error_set(err, RAML_ERR_INTERNAL, s->path, 0, -1,
                            "cannot open the database for writing: the file is read-only");
        goto bad;
    }
    sqlite3_extended_result_codes(s->db, 0);
    /* Another writer's batch (or a reader's checkpoint) is waited out: raml ingest ends a
     * batch within about 2 s. RAML_BUSY_TIMEOUT_MS overrides it (tests). */
    int busy_ms = 10000;
    const char *bt = getenv("RAML_BUSY_TIMEOUT_MS");
    if (bt && *bt)
        busy_ms = atoi(bt);
    sqlite3_busy_timeout(s->db, busy_ms);
    if (!readonly) {
        /* Only takes effect on a new, empty file. Documents of 2-4 KB would leave half of
         * every 4 KB page empty (one row a page); 8 KB pages hold them densely. */
        exec(s, "PRAGMA page_size=8192");
        char *msg = NULL;
        rc = sqlite3_exec(s->db, "PRAGMA journal_mode=WAL", NULL, NULL, &msg);
        sqlite3_free(msg);
        if (rc != SQLITE_OK) {
            st = fail(s, rc, "cannot open the database for writing", err);
            goto bad;
        }
        /* A batch rewrites pages all over the filter indexes and key rows; checkpointing
         * after every 8 MB of log copied each batch's pages into the file once more. With
         * a 128 MB log a page changed by successive batches is copied once (the log is
         * reset after each checkpoint and removed on close). */
        exec(s, "PRAGMA wal_autocheckpoint=16384");
    }
    exec(s, "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY");
    /* Readers (query, serve) scan large index ranges: mapping the file spares a copy of
     * every page into the page cache (a count over a million key rows: 3 times faster). */
    if (readonly)
        exec(s, "PRAGMA mmap_size=2147418112");
    sqlite3_create_function(s->db, "raml_km", 4, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, km_fn,
                            NULL, NULL);
    sqlite3_create_function(s->db, "raml_days", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                            days_fn, NULL, NULL);
    sqlite3_create_function(s->db, "raml_markers", 5, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                            NULL, markers_step, markers_final);
    if ((st = migrate(s, readonly, err)) != RAML_OK)
        goto bad;
    if (!readonly) {
        struct {
            sqlite3_stmt **st;
            const char *sql;
        } stmts[] = {
            {&s->ins_doc, "INSERT INTO documents(doc_id, hash, publisher, pub_date, url, title, "
                          "text, ingested_at) VALUES(?,?,?,?,?,?,?,?)"},
            {&s->upd_doc, "UPDATE documents SET hash=?, publisher=?, pub_date=?, url=?, title=?, "
                          "text=?, ingested_at=? WHERE id=?"},
            {&s->ins_ev, "INSERT INTO events(doc, event_id, sentence, type, date_lo, date_hi, "
                         "country, place, lat, lon, actual, killed, id) "
                         "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)"},
            {&s->ins_json, "INSERT INTO event_json(id, json, keys, dd) VALUES(?,?,?,?)"},
            {&s->ins_key, "INSERT OR IGNORE INTO event_keys(key, event, type, country, lo, hi) "
                          "VALUES(?,?,?,?,?,?)"},
            {&s->ins_fts, "INSERT INTO sentence_fts(rowid, stems) VALUES(?,?)"},
            {&s->sel_keys, "SELECT id, keys FROM event_json WHERE id BETWEEN ? AND ? AND keys "
                           "IS NOT NULL"},
            {&s->del_key, "DELETE FROM event_keys WHERE key = ? AND event = ?"},
            {&s->del_json, "DELETE FROM event_json WHERE id BETWEEN ? AND ?"},
            {&s->del_ev, "DELETE FROM events WHERE id BETWEEN ? AND ?"},
            {&s->del_fts, "DELETE FROM sentence_fts WHERE rowid BETWEEN ? AND ?"},
        };
        for (size_t i = 0; i < sizeof stmts / sizeof *stmts; i++)
            if ((st = prep(s, stmts[i].st, stmts[i].sql, err)) != RAML_OK)
                goto bad;
    }
    if ((st = prep(s, &s->has_doc, "SELECT id, hash FROM documents WHERE doc_id=?", err)) != RAML_OK)
        goto bad;
    *out = &s->base;
    return RAML_OK;
bad:
    s_close(&s->base);
    return st;
}
