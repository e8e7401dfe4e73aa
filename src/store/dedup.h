/* Cross-document deduplication: which stored events report the same real-world event.
 * Pure functions over items (testable without a database) plus the store pass. */
#ifndef RAML_STORE_DEDUP_H
#define RAML_STORE_DEDUP_H

#include "raml.h"
#include "util/buf.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct raml_dedup_item {
    long long rowid;
    const char *event_id, *doc_id, *publisher, *pub_date;
    const raml_event *ev;
    int family;    /* type family (see dedup.c); -1 = never clustered */
    long lo, hi;   /* day numbers the date covers */
    bool day;      /* day precision */
    const char *old_cluster;
} raml_dedup_item;

/* Fills the derived fields (family, lo, hi, day) from it->ev; false when the event cannot
 * be clustered (not actual, no date, no usable place). */
bool raml_dedup_prepare(raml_dedup_item *it);
/* Same type family, compatible actors, place and date (the rules in dedup.c). */
bool raml_dedup_compatible(const raml_dedup_item *a, const raml_dedup_item *b);
/* Groups items (complete linkage, see dedup.c): label[i] = the index of the first item of
 * i's cluster in the clustering order (its root; label[root] == root). */
void raml_dedup_cluster(raml_dedup_item *items, size_t n, size_t *label);
/* Lists members by cluster: members[start[r] .. start[r+1]) are the items labelled r, in
 * index order. start holds n+1 entries, members n. Returns the number of clusters, or
 * SIZE_MAX when out of memory. */
size_t raml_dedup_members(size_t n, const size_t *label, size_t *start, size_t *members);
/* The cluster id of a group (stable: derived from its smallest event_id), 16 chars + NUL. */
void raml_dedup_cluster_id(const raml_dedup_item *items, const size_t *members, size_t nm,
                           char out[20]);
/* The cluster record as JSON: members, documents, publishers, earliest report, fatality
 * range with who claimed what. *ndocs (may be NULL) gets the number of distinct documents. */
void raml_dedup_cluster_json(raml_buf *b, const char *id, const raml_dedup_item *items,
                             const size_t *members, size_t nm, size_t *ndocs);

#endif
