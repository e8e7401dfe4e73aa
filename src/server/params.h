/*
 * Query-string parameters of the HTTP API, checked before anything touches the store so that
 * a malformed request is a 400 with a message naming the parameter, never a silent default.
 *
 * Internal header.
 */
#ifndef RAML_SERVER_PARAMS_H
#define RAML_SERVER_PARAMS_H

#include <stdbool.h>
#include <stddef.h>

#define SRV_LIMIT_DEFAULT 100
#define SRV_LIMIT_MAX 5000
/* The map asks for every matching point at once; beyond this the page shows a sample. */
#define SRV_POINTS_MAX 200000

/* Looks a parameter up by name; NULL when absent. */
typedef const char *(*srv_getarg)(void *cls, const char *name);

typedef struct srv_query {
    const char *type, *actor, *country, *place, *text; /* NULL = no filter */
    bool has_near;
    double near_lat, near_lon, near_km;
    char from[11], to[11]; /* normalised YYYY-MM-DD; "" = open */
    unsigned long limit, offset;
} srv_query;

/* Fills *q from the request; false with a message in msg (for the 400 body) when a value is
 * malformed. max_limit bounds limit= (the default is min(SRV_LIMIT_DEFAULT, max_limit)). */
bool srv_parse_query(srv_getarg get, void *cls, unsigned long max_limit, srv_query *q, char *msg,
                     size_t msgsz);

/* "YYYY", "YYYY-MM" or "YYYY-MM-DD" with a real calendar date. A partial date is widened to
 * its first (is_end=false) or last (is_end=true) day, so from=2017-03&to=2017-03 is March. */
bool srv_parse_date(const char *s, bool is_end, char out[11]);

/* True when s is one of the 16 PLOVER 2.0 types, or a comma-separated list of them. */
bool srv_valid_types(const char *s);

#endif
