/* Between the store front (store.c), the shared SQL pieces (store_sql.c), the clustering
 * (dedup.c) and the two back ends (store_sqlite.c, store_pg.c). */
#ifndef RAML_STORE_IMPL_H
#define RAML_STORE_IMPL_H

#include "store/store.h"
#include "util/arena.h"
#include "util/buf.h"

/* Per-event indexed columns, computed once from the struct (never re-parsed from JSON). */
typedef struct store_row {
    long long local; /* sentence << STORE_SENT_SHIFT | k: the row id is doc << 32 | local */
    const char *event_id;
    uint32_t sentence;
    const char *type;
    char date_lo[11], date_hi[11]; /* "" when the event has no date */
    const char *country;           /* location ISO3 or NULL */
    const char *place;             /* folded resolved name, or NULL */
    bool located;
    double lat, lon;
    bool actual;
    long killed; /* -1 = unknown */
    const char **keys; /* kind-prefixed folded keys: "a:" actor, "p:" place */
    int nkeys;
    char *json;
    size_t json_len;
    const char *digest; /* SQLite: what clustering reads (store_digest), or NULL */
} store_row;

/* The clustering digest of an event (dedup.c): false (b then unusable) when the event must
 * be read from its JSON instead. */
bool store_digest(raml_buf *b, const raml_doc_meta *m, const raml_event *ev);

/* Event row ids: doc << 32 | sentence << 12 | k (k-th event of that sentence), so the
 * events of a document, and of a sentence (full-text row id doc << 20 | sentence), are one
 * id range of the events table: no index on doc, and a text hit joins by a range seek. */
#define STORE_DOC_SHIFT 32
#define STORE_SENT_SHIFT 12
#define STORE_MAX_SENT 1048574u /* 1048575 is the whole-document text row */

/* Text search rows: sentence index (STORE_WHOLE_DOC when the text layer gave none) and
 * its stems joined by single spaces. SQLite keys the row by the id of the sentence's last
 * event (doc << 32 | last_local), so that the row's events are the id range up to it and
 * their number is (last_local & 4095) + 1: a text count needs no join. The whole-document
 * row has last_local 0xffffffff (its events: the document's whole id range). `markers`
 * (SQLite only) are extra tokens naming what the row's events are (see store_marker). */
#define STORE_WHOLE_DOC 1048575u
#define STORE_WHOLE_LOCAL 0xffffffffu
typedef struct store_sent {
    uint32_t index;
    uint32_t last_local;
    const char *stems;
    const char *markers; /* "" or " m1 m2 ..." */
} store_sent;

/* Full-text marker tokens (SQLite): for each sentence row, one token per type, country,
 * year and name key of its events, so that a text search narrowed by those filters
 * intersects posting lists inside FTS5 instead of checking every hit's events. A marker
 * is U+E000 (no stem contains it), the kind letter and 7 base-36 digits of a 32-bit hash
 * of the value: a collision only lets a row through that the exact conditions (always
 * applied as well) then reject. Appends " <marker>" to b. */
#define STORE_MARKER_PREFIX "\xee\x80\x80"
void store_marker(raml_buf *b, char kind, const char *v, size_t n);
/* Appends to b the markers of one event not yet in b (type, country, every year its date
 * range touches, each name key from `keys` and from the \x1f-separated `keylist`); m is
 * scratch. b must hold only markers. */
void store_event_markers(raml_buf *b, raml_buf *m, const char *type, const char *country,
                         const char *date_lo, const char *date_hi, const char *const *keys,
                         int nkeys, const char *keylist);

/* Bound values of one statement. Strings the filter translation computes (folded keys,
 * the full-text query) are copied into `pool`, so they live exactly as long as the params
 * of that one query: no static buffers shared between queries or threads. A value that does
 * not fit sets `overflow`, and the back ends refuse to run the statement rather than bind a
 * truncated value. */
typedef struct store_params {
    int n;
    bool overflow;
    struct {
        bool num;
        const char *s;
        double d;
    } v[32];
    size_t used;
    char pool[4096];
} store_params;

/* A cluster-assignment candidate loaded by dedup. */
typedef int (*store_load_fn)(void *ctx, long long rowid, const char *json, size_t len,
                             const char *old_cluster);

typedef struct store_ops {
    const char *kind;
    void (*close)(raml_store *s);
    raml_status (*begin)(raml_store *s, raml_error *err);
    raml_status (*commit)(raml_store *s, raml_error *err);
    void (*rollback)(raml_store *s);
    raml_status (*has_document)(raml_store *s, const char *id, const char *hash, bool *same,
                                bool *exists, raml_error *err);
    raml_status (*put_document)(raml_store *s, const raml_store_doc *d, const store_row *rows,
                                const store_sent *sents, size_t nsents, bool replace,
                                raml_error *err);
    /* Runs `sql` (from store_sql.c, with ? placeholders) and calls fn with column 0. */
    raml_status (*select_text)(raml_store *s, const char *sql, const store_params *p,
                               raml_store_event_fn fn, void *ctx, int *stopped, raml_error *err);
    /* Same, for SELECT id, json, cluster_id rows. */
    raml_status (*load)(raml_store *s, const char *sql, const store_params *p, store_load_fn fn,
                        void *ctx, raml_error *err);
    raml_status (*exec)(raml_store *s, const char *sql, const store_params *p, raml_error *err);
} store_ops;

struct raml_store {
    const store_ops *ops;
    bool pg;
    bool in_batch;
    char pend_lo[11], pend_hi[11]; /* date span of the open batch's new events; "" = none */
    raml_arena arena;              /* per call scratch: rows, keys, stems */
    raml_buf json, enc, words;     /* per put scratch, kept between documents */
    /* How many events the store holds, for choosing a page's plan (store.c): counted at
     * most every few seconds, since a stale figure only costs a worse plan. */
    unsigned long nevents;
    double nevents_at; /* CLOCK_MONOTONIC seconds; 0 = never counted */
    struct store_names *names; /* folded names → keys, across documents (store.c) */
};

raml_status store_sqlite_open(const char *path, bool readonly, raml_store **out, raml_error *err);
raml_status store_pg_open(const char *url, bool readonly, raml_store **out, raml_error *err);

/* Folded matching form of a name (the text layer's token norms joined by spaces; ASCII
 * lower case when the text layer yields no tokens). */
const char *store_fold_key(raml_arena *a, const char *s);
/* Query words → stems, segmented like indexed text. */
int store_query_stems(raml_arena *a, const char *q, const raml_wordset *guard, const char ***out);

/* How a filtered query reads its rows. PostgreSQL always uses STORE_DRIVE_EVENTS and
 * leaves the choice to its planner; SQLite's planner has no statistics that would see
 * that a page of 500 in event order can stop early, so store.c picks the driver. */
typedef enum {
    STORE_DRIVE_EVENTS, /* events through their filter indexes, then sorted */
    STORE_DRIVE_SCAN,   /* events in id order: no sort, stops at the page (dense matches) */
    STORE_DRIVE_KEYS,   /* one name's key rows in event order, filters checked in them */
    STORE_DRIVE_TEXT,   /* full-text hits in event order */
} store_drive;

#define STORE_MAX_TYPES 16

/* A filter translated once: split types, folded name keys, text stems, and the driver. */
typedef struct store_query {
    const raml_store_filter *f;
    bool pg;
    bool none; /* nothing can match (a name or a text with no word) */
    store_drive drive;
    const char *types[STORE_MAX_TYPES]; /* f->type split at commas */
    int ntypes;
    struct {
        char kind; /* 'a' actor, 'p' place */
        int nk;
        const char *keys[2];
    } names[2];
    int nnames;
    int driver;        /* STORE_DRIVE_KEYS: the names[] entry whose key rows drive */
    bool names_exists; /* SQLite STORE_DRIVE_EVENTS: names as per-row probes, not id lists */
    const char *const *stems;
    int nstems;
    bool keys_dates; /* from/to can be checked as day numbers in event_keys */
} store_query;

/* Appends " FROM ... WHERE ..." for q: the rows are `events e` (with `event_keys k` or
 * `sentence_fts` driving when q->drive says so). Returns the ORDER BY list that gives
 * event id order without a sort where the driver allows it. */
const char *store_sql_from(raml_buf *sql, store_params *p, const store_query *q);
/* The whole statement giving the number of matching events (or with `clusters`, of
 * distinct clusters) as one text column. */
void store_sql_count(raml_buf *sql, store_params *p, const store_query *q, bool clusters);
/* True when YYYY-MM-DD names a real day (so that comparing day numbers is comparing the
 * strings). */
bool store_valid_ymd(const char *s);
void store_param_text(store_params *p, const char *s); /* s must outlive the statement */
void store_param_copy(store_params *p, const char *s);  /* copied into p->pool */
/* Fails with a clear message when store_params could not hold every value. */
raml_status store_params_check(const store_params *p, raml_error *err);
/* Place/actor matching keys of a name: `kind` ':' folded form, and a second key of the
 * clitic-stripped stems (segmented with `guard`) when it differs, so بمصراتة, مصراتة and
 * مصراته meet. Returns how many of out[0..1] were set (0 when the name has no letters). */
int store_name_keys(raml_arena *a, char kind, const char *name, const raml_wordset *guard,
                    const char *out[2]);
void store_param_num(store_params *p, double d);
/* Rewrites ? placeholders as $1, $2 ... for libpq. */
void store_sql_pg_placeholders(raml_buf *out, const char *sql);

/* Splices `"cluster_id":"<id>"` into JSON written by raml_write_event_json (which writes
 * null there). Returns json itself when cluster is NULL; otherwise a buffer in `b`. */
const char *store_with_cluster(raml_buf *b, const char *json, size_t *len, const char *cluster);

/* Compact stored JSON (store_json.c). encode: false when `json` is not the writer's
 * (then store it as it is). decode: plain JSON is returned as it is; an encoded record is
 * decoded into `b` and *len updated. */
bool store_json_encode(raml_buf *out, const char *json, size_t len);
const char *store_json_decode(raml_buf *b, const char *s, size_t *len);

/* The SQL condition "the events of document <doc>" over `events e` (`doc` an SQL
 * expression giving documents.id): an id range on SQLite, e.doc on PostgreSQL. */
void store_sql_doc_events(raml_buf *sql, const raml_store *s, const char *doc);

/* The day range an event date covers ("" when none): day → [d,d], week → d±3,
 * month → whole month, year → whole year. */
void store_date_range(const raml_date *d, char lo[11], char hi[11]);
/* Days since 1970-01-01 of YYYY-MM-DD, and back. */
long store_days(const char *ymd);
void store_ymd(long days, char out[11]);
/* "DOC:sN:eK" into out (cap bytes, as snprintf would truncate it); returns out. */
char *store_event_id(char *out, size_t cap, const char *doc_id, uint32_t sentence, uint32_t k);

#endif
