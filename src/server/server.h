/*
 * The HTTP server behind `raml serve`: a JSON API over a read-only store and the map/timeline
 * page, whose files are compiled into the library (assets.inc, made by tools/build-web.sh).
 *
 * libmicrohttpd runs its own listening and worker threads; raml_server_start() returns once
 * the socket is bound, so the caller learns the real port (port 0 = any free port) and then
 * only waits for its own reason to stop. Each worker thread borrows one of the store handles
 * opened at start, so a request opens nothing.
 *
 * Internal header.
 */
#ifndef RAML_SERVER_H
#define RAML_SERVER_H

#include "raml.h"

typedef struct raml_server_config {
    const char *db;      /* SQLite path or postgresql:// URL; opened read-only */
    const char *host;    /* numeric IPv4 or IPv6 address to bind; NULL = 127.0.0.1 */
    unsigned port;       /* 0 = any free port */
    unsigned threads;    /* worker threads (and store handles); 0 = 2 */
    const struct raml_wordset *guard; /* the lexicon's guard words, for text= (may be NULL) */
} raml_server_config;

typedef struct raml_server raml_server;

/* RAML_ERR_USAGE for a bad host; RAML_ERR_INTERNAL when the database cannot be opened, is
 * locked or is not a raml store, or the socket cannot be bound. */
raml_status raml_server_start(const raml_server_config *cfg, raml_server **out,
                              raml_error *err);
unsigned raml_server_port(const raml_server *s);
/* Stops accepting, waits for requests in flight, closes the store handles. Accepts NULL. */
void raml_server_stop(raml_server *s);

/* ----- Used by the request handlers (api.c, assets.c) ----- */

#include "server/params.h"
#include "util/buf.h"

typedef struct srv_response {
    unsigned status;
    const char *content_type;
    raml_buf body;             /* built by the handler... */
    const void *static_data;   /* ...or borrowed from the embedded assets */
    size_t static_len;
    bool gzip;                 /* static_data is gzip-compressed */
    const char *cache_control; /* NULL = no-store */
    char disposition[160];     /* Content-Disposition, "" = none */
} srv_response;

typedef struct srv_request {
    const char *path;
    srv_getarg get;
    void *get_cls;
    struct raml_store *store; /* the worker's borrowed store handle */
    const struct raml_wordset *guard;
} srv_request;

/* Read-only store handles for the pool (api.c). */
struct raml_store *srv_store_open(const char *db, raml_error *err);
void srv_store_close(struct raml_store *s);

/* JSON {"error": msg} with the given status. */
void srv_error(srv_response *r, unsigned status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* /api/... ; false when the path is not an API route (the caller answers 404). */
bool srv_api(const srv_request *req, srv_response *r);
/* Everything else: embedded files; false when there is none for the path. */
bool srv_asset(const char *path, srv_response *r);

#endif
