/* libmicrohttpd glue for `raml serve`: binding, the store-handle pool, method checks and
 * turning an srv_response into an HTTP response (see server.h). */
#include "server/server.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

struct raml_server {
    struct MHD_Daemon *daemon;
    unsigned port;
    /* Store handles lent to requests. One per worker thread, so a request never waits for
     * a handle unless MHD runs more handlers at once than it has threads. */
    struct raml_store **handles;
    const struct raml_wordset *guard;
    unsigned nhandles, nfree;
    pthread_mutex_t lock;
    pthread_cond_t freed;
    /* The last message from libmicrohttpd, kept to explain a failed start (the library
     * must not print). */
    char mhd_log[256];
};

void srv_error(srv_response *r, unsigned status, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    r->status = status;
    r->content_type = "application/json; charset=utf-8";
    raml_buf_clear(&r->body);
    raml_buf_puts(&r->body, "{\"error\":");
    raml_buf_json_string(&r->body, msg);
    raml_buf_puts(&r->body, "}\n");
}

static void mhd_logger(void *cls, const char *fmt, va_list ap)
{
    raml_server *s = cls;
    /* Only read after a failed start, when no other thread runs; a torn message during
     * normal running is harmless because nobody reads it then. */
    vsnprintf(s->mhd_log, sizeof s->mhd_log, fmt, ap);
    size_t n = strlen(s->mhd_log);
    while (n && (s->mhd_log[n - 1] == '\n' || s->mhd_log[n - 1] == '.'))
        s->mhd_log[--n] = '\0';
}

static struct raml_store *borrow(raml_server *s)
{
    pthread_mutex_lock(&s->lock);
    while (s->nfree == 0)
        pthread_cond_wait(&s->freed, &s->lock);
    struct raml_store *h = s->handles[--s->nfree];
    pthread_mutex_unlock(&s->lock);
    return h;
}

static void give_back(raml_server *s, struct raml_store *h)
{
    pthread_mutex_lock(&s->lock);
    s->handles[s->nfree++] = h;
    pthread_cond_signal(&s->freed);
    pthread_mutex_unlock(&s->lock);
}

static const char *get_arg(void *cls, const char *name)
{
    return MHD_lookup_connection_value(cls, MHD_GET_ARGUMENT_KIND, name);
}

static enum MHD_Result send_response(struct MHD_Connection *c, srv_response *r)
{
    struct MHD_Response *resp;
    if (r->static_data) {
        resp = MHD_create_response_from_buffer(r->static_len, (void *)r->static_data,
                                               MHD_RESPMEM_PERSISTENT);
    } else if (r->body.failed) {
        static const char oom[] = "{\"error\":\"out of memory\"}\n";
        r->status = MHD_HTTP_INTERNAL_SERVER_ERROR;
        r->content_type = "application/json; charset=utf-8";
        resp = MHD_create_response_from_buffer(sizeof oom - 1, (void *)oom,
                                               MHD_RESPMEM_PERSISTENT);
    } else {
        /* MHD frees the body with free() once sent, which is how raml_buf allocates. */
        resp = MHD_create_response_from_buffer(r->body.len, r->body.data,
                                               r->body.data ? MHD_RESPMEM_MUST_FREE
                                                            : MHD_RESPMEM_PERSISTENT);
        if (resp)
            raml_buf_init(&r->body);
    }
    if (!resp)
        return MHD_NO;
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE,
                            r->content_type ? r->content_type : "application/octet-stream");
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL,
                            r->cache_control ? r->cache_control : "no-store");
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    if (r->gzip) {
        /* Assets are stored compressed only: every browser accepts gzip, and the few
         * clients that do not (curl without --compressed) get the bytes as they are. */
        MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_ENCODING, "gzip");
        MHD_add_response_header(resp, MHD_HTTP_HEADER_VARY, "Accept-Encoding");
    }
    if (r->disposition[0])
        MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_DISPOSITION, r->disposition);
    if (r->status == MHD_HTTP_METHOD_NOT_ALLOWED)
        MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
    enum MHD_Result ret = MHD_queue_response(c, r->status, resp);
    MHD_destroy_response(resp);
    return ret;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version,
                                  const char *upload_data, size_t *upload_data_size,
                                  void **con_cls)
{
    raml_server *s = cls;
    srv_response r;
    memset(&r, 0, sizeof r);
    raml_buf_init(&r.body);
    r.status = MHD_HTTP_OK;

    if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 && strcmp(method, MHD_HTTP_METHOD_HEAD) != 0) {
        /* Answer at once, before any body arrives: MHD then discards the upload and closes
         * the connection, so a large POST costs us nothing. */
        srv_error(&r, MHD_HTTP_METHOD_NOT_ALLOWED, "method %s not allowed; use GET", method);
    } else if (strncmp(url, "/api/", 5) == 0 || strcmp(url, "/api") == 0) {
        srv_request req = {.path = url, .get = get_arg, .get_cls = c, .guard = s->guard};
        req.store = borrow(s);
        bool found = srv_api(&req, &r);
        give_back(s, req.store);
        if (!found)
            srv_error(&r, MHD_HTTP_NOT_FOUND, "no such API endpoint: %s", url);
    } else if (!srv_asset(url, &r)) {
        srv_error(&r, MHD_HTTP_NOT_FOUND, "not found: %s", url);
    }
    enum MHD_Result ret = send_response(c, &r);
    raml_buf_free(&r.body);
    return ret;
}

raml_status raml_server_start(const raml_server_config *cfg, raml_server **out, raml_error *err)
{
    *out = NULL;
    const char *host = cfg->host ? cfg->host : "127.0.0.1";
    struct sockaddr_in a4;
    struct sockaddr_in6 a6;
    struct sockaddr *addr;
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG;
    memset(&a4, 0, sizeof a4);
    memset(&a6, 0, sizeof a6);
    if (cfg->port > 65535)
        return raml_error_set(err, RAML_ERR_USAGE, "", 0, -1, "port %u out of range", cfg->port);
    if (inet_pton(AF_INET, host, &a4.sin_addr) == 1) {
        a4.sin_family = AF_INET;
        a4.sin_port = htons((uint16_t)cfg->port);
        addr = (struct sockaddr *)&a4;
    } else if (inet_pton(AF_INET6, host, &a6.sin6_addr) == 1) {
        a6.sin6_family = AF_INET6;
        a6.sin6_port = htons((uint16_t)cfg->port);
        addr = (struct sockaddr *)&a6;
        flags |= MHD_USE_IPv6;
    } else {
        return raml_error_set(err, RAML_ERR_USAGE, "", 0, -1,
                              "host '%s' is not a numeric IPv4 or IPv6 address", host);
    }

    raml_server *s = calloc(1, sizeof *s);
    if (!s)
        return raml_error_set(err, RAML_ERR_INTERNAL, "", 0, -1, "out of memory");
    pthread_mutex_init(&s->lock, NULL);
    pthread_cond_init(&s->freed, NULL);
    s->guard = cfg->guard;
    unsigned threads = cfg->threads ? cfg->threads : 2;
    s->handles = calloc(threads, sizeof *s->handles);
    if (!s->handles) {
        raml_server_stop(s);
        return raml_error_set(err, RAML_ERR_INTERNAL, "", 0, -1, "out of memory");
    }
    for (unsigned i = 0; i < threads; i++) {
        struct raml_store *h = srv_store_open(cfg->db, err);
        if (!h) {
            raml_server_stop(s);
            return RAML_ERR_INTERNAL;
        }
        s->handles[s->nhandles++] = h;
        s->nfree = s->nhandles;
    }

    s->daemon = MHD_start_daemon(
        flags, (uint16_t)cfg->port, NULL, NULL, on_request, s, MHD_OPTION_SOCK_ADDR, addr,
        MHD_OPTION_THREAD_POOL_SIZE, threads, MHD_OPTION_CONNECTION_TIMEOUT, 30u,
        MHD_OPTION_CONNECTION_LIMIT, 512u, MHD_OPTION_EXTERNAL_LOGGER, mhd_logger, s,
        MHD_OPTION_END);
    if (!s->daemon) {
        raml_error_set(err, RAML_ERR_INTERNAL, "", 0, -1, "cannot listen on %s port %u%s%s",
                       host, cfg->port, s->mhd_log[0] ? ": " : "", s->mhd_log);
        raml_server_stop(s);
        return RAML_ERR_INTERNAL;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
    s->port = info ? info->port : cfg->port;
    *out = s;
    return RAML_OK;
}

unsigned raml_server_port(const raml_server *s) { return s->port; }

void raml_server_stop(raml_server *s)
{
    if (!s)
        return;
    if (s->daemon)
        MHD_stop_daemon(s->daemon);
    for (unsigned i = 0; i < s->nhandles; i++)
        srv_store_close(s->handles[i]);
    free(s->handles);
    pthread_mutex_destroy(&s->lock);
    pthread_cond_destroy(&s->freed);
    free(s);
}
