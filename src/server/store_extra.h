/*
 * Store reads the HTTP API needs and store.h does not (yet) offer: a filtered count, map
 * points, one document with its events, one cluster by id. They are written against the
 * store's internal SQL layer (store_impl.h) so they work on SQLite and PostgreSQL alike and
 * reuse the exact WHERE clause of raml_store_query. They belong in src/store/ and should
 * move there (raml_store_count / _points / _document / _cluster) when its owner takes them.
 *
 * Internal header.
 */
#ifndef RAML_SERVER_STORE_EXTRA_H
#define RAML_SERVER_STORE_EXTRA_H

#include "store/store.h"
#include "util/buf.h"

/* Events matching f (limit/offset ignored). */
raml_status srv_store_count(raml_store *s, const raml_store_filter *f, bool clusters,
                            unsigned long *out, raml_error *err);

/* One row per located event matching f, at most f->limit (0 = all), as
 * "event_id \t lat \t lon \t type \t date_lo \t killed \t cluster_id" (empty fields when null). */
raml_status srv_store_points(raml_store *s, const raml_store_filter *f, raml_store_event_fn fn,
                             void *ctx, int *stopped, raml_error *err);

/* Appends {"id","title","publisher","date","url","text","events":[...]} to out; *found is
 * false (and nothing appended) when there is no such document. */
raml_status srv_store_document(raml_store *s, const char *doc_id, raml_buf *out, bool *found,
                               raml_error *err);

/* Appends the cluster's JSON; *found false when there is none with this id. */
raml_status srv_store_cluster(raml_store *s, const char *id, raml_buf *out, bool *found,
                              raml_error *err);

#endif
