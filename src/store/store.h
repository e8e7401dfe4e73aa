/*
 * The event store: documents and their coded events in SQLite (a file path) or PostgreSQL
 * (a postgresql:// or postgres:// URL), behind one interface.
 *
 * A document is keyed by its id; its content hash (raml_store_hash) decides whether a
 * re-ingest changes anything: the same hash → nothing is written; another hash → the old
 * events are replaced. Writes happen inside begin/commit batches, one transaction each, so
 * an interrupted ingest leaves the last committed batch and nothing half written.
 *
 * Events are kept as their raml.event/1 JSON (in a table of its own, so the filtered and
 * counted rows stay narrow) plus indexed columns for the filters. Text search runs over
 * the folded, clitic-split stems of each sentence that holds an event (the text layer's
 * token stems), and the query is segmented the same way, so سرت finds لسرت and بسرت.
 *
 * Internal header. The library never prints; every failure fills a raml_error.
 */
#ifndef RAML_STORE_H
#define RAML_STORE_H

#include "raml.h"
#include "text/text.h"
#include "util/buf.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct raml_store raml_store;

/* Opens (creating when missing, migrating forward when older) the store. Fails with
 * RAML_ERR_INTERNAL and a clear message on a locked/read-only DB, a newer schema, or an
 * unreachable server. `readonly` opens an existing store without creating or migrating. */
raml_status raml_store_open(const char *url_or_path, bool readonly, raml_store **out,
                            raml_error *err);
void raml_store_close(raml_store *s); /* rolls back an open batch; NULL is fine */
/* "sqlite" or "postgresql". */
const char *raml_store_kind(const raml_store *s);

raml_status raml_store_begin(raml_store *s, raml_error *err);
raml_status raml_store_commit(raml_store *s, raml_error *err);
void raml_store_rollback(raml_store *s);

/* 16 hex digits + NUL: the identity of a document's content and of the coder that coded
 * it (a new dictionary version re-codes unchanged texts). */
void raml_store_hash(const raml_doc_meta *meta, const char *text, size_t len,
                     const char *coder_version, char out[17]);

typedef enum { RAML_PUT_NEW, RAML_PUT_UNCHANGED, RAML_PUT_REPLACED } raml_put_result;

/* True (and *unchanged) when document `id` is stored with exactly this hash: the caller may
 * skip coding it. */
raml_status raml_store_has_document(raml_store *s, const char *id, const char *hash,
                                    bool *unchanged, raml_error *err);

typedef struct raml_store_doc {
    const raml_doc_meta *meta;
    const char *text; /* repaired NFC text; stored for search hits and re-coding */
    size_t len;
    const char *hash; /* raml_store_hash */
    const char *dict_version;
    const raml_event *const *events; /* may be NULL when nevents == 0 */
    size_t nevents;
    const raml_text *analysis; /* tokens with stems; NULL or empty → whitespace words */
    /* Guard words for clitic-stripping place and actor keys, as the text was segmented
     * (raml_lexicon_guard); NULL = the text layer's fallback cuts. Queries pass the same set
     * in raml_store_filter.guard, so --place بمصراتة finds مصراتة. */
    const raml_wordset *guard;
} raml_store_doc;

/* Inside a batch. Idempotent per (id, hash). */
raml_status raml_store_put_document(raml_store *s, const raml_store_doc *d, raml_put_result *res,
                                    raml_error *err);

typedef struct raml_store_filter {
    const char *type;    /* PLOVER type, e.g. ASSAULT, or a comma-separated list of them */
    const char *actor;   /* actor name (English/Arabic), actor_id, CAMEO code or sector */
    const char *country; /* ISO3 of the event location */
    const char *place;   /* resolved name, Arabic name or admin1; folded and clitic-split */
    bool near;
    double lat, lon, km;
    const char *from, *to; /* YYYY-MM-DD, inclusive; an event matches when its date range overlaps */
    const char *text;      /* search words; segmented with `guard` like indexed text */
    const raml_wordset *guard; /* also segments `place` and `actor`; NULL = fallback cuts */
    unsigned long limit; /* 0 = no limit */
    unsigned long offset;
    /* The exact raml_store_count of this filter, when the caller has it: a page can then
     * be read in event order, stopping early, when most events match (same rows, less
     * work). Only the plan depends on it. */
    bool count_known;
    unsigned long count;
} raml_store_filter;

/* One stored event: its raml.event/1 JSON (links.cluster_id filled). A non-zero return
 * stops the query and is returned in *stopped. */
typedef int (*raml_store_event_fn)(void *ctx, const char *json, size_t len);
raml_status raml_store_query(raml_store *s, const raml_store_filter *f, raml_store_event_fn fn,
                             void *ctx, int *stopped, raml_error *err);
/* One cluster JSON object per call, for clusters with at least one event matching `f`. */
raml_status raml_store_clusters(raml_store *s, const raml_store_filter *f, raml_store_event_fn fn,
                                void *ctx, int *stopped, raml_error *err);

/* How many events match `f` (limit/offset ignored), or with `clusters` how many distinct
 * clusters have a matching event: the exact total behind a page of raml_store_query. */
raml_status raml_store_count(raml_store *s, const raml_store_filter *f, bool clusters,
                             unsigned long *out, raml_error *err);

/* One located event for a map: no JSON is read. `killed` is -1 when unknown; `date` is
 * the first day of the event's date range or NULL; `cluster_id` NULL when unclustered. */
typedef struct raml_store_point {
    const char *event_id;
    double lat, lon;
    const char *type;
    const char *date;
    long killed;
    const char *cluster_id;
} raml_store_point;
typedef int (*raml_store_point_fn)(void *ctx, const raml_store_point *p);
/* Located events matching `f` in event order, at most f->limit (0 = all; offset ignored). */
raml_status raml_store_points(raml_store *s, const raml_store_filter *f, raml_store_point_fn fn,
                              void *ctx, int *stopped, raml_error *err);

/* Appends {"id","title","publisher","date","url","text","events":[...]} for document
 * `doc_id` to `out` (events as raml_store_query gives them); *found false and nothing
 * appended when there is no such document. */
raml_status raml_store_document(raml_store *s, const char *doc_id, raml_buf *out, bool *found,
                                raml_error *err);
/* Appends cluster `id`'s JSON (as raml_store_clusters gives it); *found false when none. */
raml_status raml_store_cluster(raml_store *s, const char *id, raml_buf *out, bool *found,
                               raml_error *err);

/* Re-clusters the events whose dates overlap [from, to] (YYYY-MM-DD, widened by the
 * matching window; NULL = everything) across documents and writes cluster ids back into
 * the stored events. Runs its own transaction. *nclusters gets the multi-event clusters. */
raml_status raml_store_dedup(raml_store *s, const char *from, const char *to,
                             unsigned long *nclusters, raml_error *err);

/* Re-clusters what changed since the last pass: every batch records the date ranges of
 * the events it added and of the events it replaced (in the same transaction as the
 * events), and this pass clusters those ranges and clears them in one transaction. So an
 * ingest killed between its last commit and its clustering is clustered by the next run,
 * and a replaced document's old clusters are rebuilt even when its dates moved away. */
raml_status raml_store_dedup_pending(raml_store *s, unsigned long *nclusters, raml_error *err);

/* Counts, as one JSON object:
 * {"documents":N,"events":N,"clusters":N,"by_type":{...},"by_month":{...},"by_country":{...},
 *  "by_place":{...}} — each map value count-ordered, places limited to the top 50. */
raml_status raml_store_stats(raml_store *s, char **json_out, raml_error *err); /* free() it */

#endif
