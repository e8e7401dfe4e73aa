/* Cross-document deduplication. Two events report the same real-world event when:
 *  - their types are in one family (verbal cooperation, material cooperation, verbal
 *    conflict; every conflict type is its own family, so a protest never merges with the
 *    attack that dispersed it);
 *  - their actors are compatible: per side, same country and sector, or one side unknown;
 *  - their places are close: both located finer than a country and at most 25 km apart,
 *    or the same admin1 when either is only known to admin1 precision;
 *  - their dates are compatible: day vs day equal or ±1 (reports of "last night" straddle
 *    midnight), otherwise the covered day ranges overlap (a month contains its days).
 * Clusters are the connected components of that relation (single linkage). */
#include "store/dedup.h"
#include "store/store_impl.h"

#include "formats/formats.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int family_of(const char *t)
{
    static const char *const fam[] = {
        "AGREE CONSULT SUPPORT CONCEDE", "COOPERATE AID", "REQUEST ACCUSE REJECT", "RETREAT",
        "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"};
    if (!t || !*t)
        return -1;
    size_t n = strlen(t);
    for (int i = 0; i < (int)(sizeof fam / sizeof *fam); i++)
        for (const char *p = strstr(fam[i], t); p; p = strstr(p + 1, t))
            if ((p == fam[i] || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
                return i;
    return -1;
}

bool raml_dedup_prepare(raml_dedup_item *it)
{
    const raml_event *ev = it->ev;
    it->family = -1;
    if (ev->modality.polarity != RAML_POLARITY_POSITIVE || ev->modality.realis != RAML_REALIS_ACTUAL)
        return false;
    char lo[11], hi[11];
    store_date_range(&ev->date, lo, hi);
    const raml_location *l = &ev->location;
    if (!lo[0] || !l->present || l->precision == RAML_GEO_NONE ||
        l->precision == RAML_GEO_COUNTRY || l->precision == RAML_GEO_WATER)
        return false;
    it->lo = store_days(lo);
    it->hi = store_days(hi);
    it->day = ev->date.precision == RAML_DATE_DAY;
    it->family = family_of(ev->plover_type);
    return it->family >= 0;
}

static double km(double la1, double lo1, double la2, double lo2)
{
    double r = M_PI / 180;
    double h = pow(sin((la2 - la1) * r / 2), 2) +
               cos(la1 * r) * cos(la2 * r) * pow(sin((lo2 - lo1) * r / 2), 2);
    return 2 * 6371.0088 * asin(sqrt(h < 1 ? h : 1));
}

static bool coarse(raml_geo_precision p)
{
    return p == RAML_GEO_ADMIN1 || p == RAML_GEO_SUB_COUNTRY_REGION;
}

static bool same_str(const char *a, const char *b) { return a && b && strcasecmp(a, b) == 0; }

static bool place_ok(const raml_location *a, const raml_location *b)
{
    if (a->country[0] && b->country[0] && strcmp(a->country, b->country) != 0)
        return false;
    if (coarse(a->precision) || coarse(b->precision))
        return same_str(a->admin1, b->admin1);
    return km(a->lat, a->lon, b->lat, b->lon) <= 25.0;
}

static bool side_ok(const raml_event *a, const raml_event *b, raml_role role)
{
    for (int i = 0; i < a->nactors; i++) {
        const raml_actor *x = &a->actors[i];
        if (x->role != role || (!x->country[0] && !x->sector[0]))
            continue;
        for (int j = 0; j < b->nactors; j++) {
            const raml_actor *y = &b->actors[j];
            if (y->role != role || (!y->country[0] && !y->sector[0]))
                continue;
            bool c = !x->country[0] || !y->country[0] || strcmp(x->country, y->country) == 0;
            bool s = !x->sector[0] || !y->sector[0] || strcmp(x->sector, y->sector) == 0;
            /* Any agreeing pair is enough: reports name different subsets of the parties. */
            if (c && s)
                return true;
        }
        /* x is known; incompatible only if b names a known actor on this side at all. */
        for (int j = 0; j < b->nactors; j++)
            if (b->actors[j].role == role && (b->actors[j].country[0] || b->actors[j].sector[0]))
                return false;
    }
    return true;
}

static bool date_ok(const raml_dedup_item *a, const raml_dedup_item *b)
{
    if (a->day && b->day)
        return labs(a->lo - b->lo) <= 1;
    return a->lo <= b->hi + 1 && b->lo <= a->hi + 1;
}

bool raml_dedup_compatible(const raml_dedup_item *a, const raml_dedup_item *b)
{
    return a->family >= 0 && a->family == b->family && date_ok(a, b) &&
           place_ok(&a->ev->location, &b->ev->location) &&
           side_ok(a->ev, b->ev, RAML_ROLE_ACTOR) && side_ok(a->ev, b->ev, RAML_ROLE_RECIPIENT);
}

static size_t find(size_t *p, size_t i)
{
    while (p[i] != i)
        i = p[i] = p[p[i]];
    return i;
}

static const raml_dedup_item *sort_base;
static int by_block(const void *x, const void *y)
{
    const raml_dedup_item *a = &sort_base[*(const size_t *)x], *b = &sort_base[*(const size_t *)y];
    if (a->family != b->family)
        return a->family < b->family ? -1 : 1;
    int c = strcmp(a->ev->location.country, b->ev->location.country);
    if (c)
        return c;
    return a->lo < b->lo ? -1 : a->lo > b->lo;
}

void raml_dedup_cluster(raml_dedup_item *items, size_t n, size_t *label)
{
    size_t *order = malloc(n * sizeof *order);
    for (size_t i = 0; i < n; i++)
        label[i] = i;
    if (!order)
        return;
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (items[i].family >= 0)
            order[m++] = i;
    /* Block by family and country, sweep by date: only near neighbours are compared. */
    sort_base = items;
    qsort(order, m, sizeof *order, by_block);
    long widest = 0;
    for (size_t i = 0; i < m; i++)
        if (items[order[i]].hi - items[order[i]].lo > widest)
            widest = items[order[i]].hi - items[order[i]].lo;
    for (size_t i = 0; i < m; i++) {
        const raml_dedup_item *a = &items[order[i]];
        for (size_t j = i + 1; j < m; j++) {
            const raml_dedup_item *b = &items[order[j]];
            if (b->family != a->family || strcmp(b->ev->location.country, a->ev->location.country))
                break;
            if (b->lo > a->hi + 1 + widest)
                break;
            if (raml_dedup_compatible(a, b)) {
                size_t ra = find(label, order[i]), rb = find(label, order[j]);
                if (ra != rb)
                    label[ra > rb ? ra : rb] = ra < rb ? ra : rb;
            }
        }
    }
    for (size_t i = 0; i < n; i++)
        label[i] = find(label, i);
    free(order);
}

void raml_dedup_cluster_id(const raml_dedup_item *items, size_t n, const size_t *label, size_t root,
                           char out[20])
{
    const char *min = NULL;
    for (size_t i = 0; i < n; i++)
        if (label[i] == root && (!min || strcmp(items[i].event_id, min) < 0))
            min = items[i].event_id;
    uint64_t h = 14695981039346656037ull;
    for (const char *p = min ? min : ""; *p; p++) {
        h ^= (unsigned char)*p;
        h *= 1099511628211ull;
    }
    snprintf(out, 20, "c%015llx", (unsigned long long)(h >> 4));
}

static long best_low(const raml_count *c) { return c->low >= 0 ? c->low : c->count; }
static long best_high(const raml_count *c) { return c->high >= 0 ? c->high : c->count; }

void raml_dedup_cluster_json(raml_buf *b, const char *id, const raml_dedup_item *items, size_t n,
                             const size_t *label, size_t root)
{
    const raml_dedup_item *first = &items[root], *earliest = NULL;
    size_t nev = 0, ndocs = 0, npub = 0;
    long lo = -1, hi = -1, dlo = first->lo, dhi = first->hi;
    const raml_location *best = &first->ev->location;
    raml_buf docs, pubs, claims, evs;
    raml_buf_init(&docs);
    raml_buf_init(&pubs);
    raml_buf_init(&claims);
    raml_buf_init(&evs);
    for (size_t i = 0; i < n; i++) {
        if (label[i] != root)
            continue;
        const raml_dedup_item *it = &items[i];
        const raml_event *ev = it->ev;
        raml_buf_puts(&evs, nev++ ? "," : "");
        raml_buf_json_string(&evs, it->event_id);
        if (it->lo < dlo)
            dlo = it->lo;
        if (it->hi > dhi)
            dhi = it->hi;
        if (ev->location.precision && ev->location.precision < best->precision)
            best = &ev->location;
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++)
            seen = label[j] == root && strcmp(items[j].doc_id, it->doc_id) == 0;
        if (!seen) {
            raml_buf_puts(&docs, ndocs++ ? "," : "");
            raml_buf_json_string(&docs, it->doc_id);
            if (!earliest || (it->pub_date && (!earliest->pub_date ||
                                               strcmp(it->pub_date, earliest->pub_date) < 0)))
                earliest = it;
        }
        bool pseen = !it->publisher;
        for (size_t j = 0; j < i && !pseen; j++)
            pseen = label[j] == root && items[j].publisher &&
                    strcmp(items[j].publisher, it->publisher) == 0;
        if (!pseen) {
            raml_buf_puts(&pubs, npub++ ? "," : "");
            raml_buf_json_string(&pubs, it->publisher);
        }
        const raml_count *k = &ev->killed;
        if (k->present && (best_low(k) >= 0 || best_high(k) >= 0)) {
            if (best_low(k) >= 0 && (lo < 0 || best_low(k) < lo))
                lo = best_low(k);
            if (best_high(k) > hi)
                hi = best_high(k);
            raml_buf_puts(&claims, claims.len ? "," : "");
            raml_buf_puts(&claims, "{\"doc_id\":");
            raml_buf_json_string(&claims, it->doc_id);
            raml_buf_puts(&claims, ",\"publisher\":");
            raml_buf_json_string(&claims, it->publisher);
            raml_buf_puts(&claims, ",\"event_id\":");
            raml_buf_json_string(&claims, it->event_id);
            raml_buf_printf(&claims, ",\"count\":%ld,\"qualifier\":", k->count);
            raml_buf_json_string(&claims, raml_qualifier_name(k->qualifier));
            raml_buf_printf(&claims, ",\"low\":%ld,\"high\":%ld}", k->low, k->high);
        }
    }
    char dl[11], dh[11];
    store_ymd(dlo, dl);
    store_ymd(dhi, dh);
    raml_buf_puts(b, "{\"cluster_id\":");
    raml_buf_json_string(b, id);
    raml_buf_puts(b, ",\"plover_type\":");
    raml_buf_json_string(b, first->ev->plover_type);
    raml_buf_printf(b, ",\"date\":{\"from\":\"%s\",\"to\":\"%s\"},\"location\":{\"name\":", dl, dh);
    raml_buf_json_string(b, best->resolved_name ? best->resolved_name : best->name_ar);
    raml_buf_puts(b, ",\"name_ar\":");
    raml_buf_json_string(b, best->name_ar);
    raml_buf_puts(b, ",\"admin1\":");
    raml_buf_json_string(b, best->admin1);
    raml_buf_puts(b, ",\"country_iso3\":");
    raml_buf_json_string(b, best->country[0] ? best->country : NULL);
    raml_buf_printf(b, ",\"lat\":%.5f,\"lon\":%.5f,\"geo_precision\":", best->lat, best->lon);
    raml_buf_json_string(b, raml_geo_precision_name(best->precision));
    raml_buf_printf(b, "},\"nevents\":%zu,\"ndocs\":%zu,\"npublishers\":%zu,\"documents\":[%s]",
                    nev, ndocs, npub, docs.len ? docs.data : "");
    raml_buf_printf(b, ",\"publishers\":[%s],\"earliest_report\":", pubs.len ? pubs.data : "");
    if (earliest) {
        raml_buf_puts(b, "{\"doc_id\":");
        raml_buf_json_string(b, earliest->doc_id);
        raml_buf_puts(b, ",\"publisher\":");
        raml_buf_json_string(b, earliest->publisher);
        raml_buf_puts(b, ",\"pub_date\":");
        raml_buf_json_string(b, earliest->pub_date);
        raml_buf_putc(b, '}');
    } else {
        raml_buf_puts(b, "null");
    }
    raml_buf_puts(b, ",\"fatalities\":{\"killed\":{\"low\":");
    if (lo >= 0)
        raml_buf_printf(b, "%ld", lo);
    else
        raml_buf_puts(b, "null");
    raml_buf_puts(b, ",\"high\":");
    if (hi >= 0)
        raml_buf_printf(b, "%ld", hi);
    else
        raml_buf_puts(b, "null");
    raml_buf_printf(b, ",\"claims\":[%s]}},\"events\":[%s]}", claims.len ? claims.data : "",
                    evs.len ? evs.data : "");
    raml_buf_free(&docs);
    raml_buf_free(&pubs);
    raml_buf_free(&claims);
    raml_buf_free(&evs);
}

/* ----- the store pass ----- */

typedef struct loader {
    raml_arena *a;
    raml_dedup_item *items;
    size_t n, cap;
    bool oom;
    raml_error *err;
} loader;

static int load_one(void *c, long long rowid, const char *json, size_t len, const char *old)
{
    loader *l = c;
    if (l->n == l->cap) {
        size_t nc = l->cap ? l->cap * 2 : 256;
        raml_dedup_item *g = realloc(l->items, nc * sizeof *g);
        if (!g) {
            l->oom = true;
            return 1;
        }
        l->items = g;
        l->cap = nc;
    }
    raml_event *ev = raml_arena_alloc(l->a, sizeof *ev);
    raml_doc_meta meta;
    raml_error e;
    if (!ev) {
        l->oom = true;
        return 1;
    }
    if (raml_read_event_json(l->a, json, len, ev, &meta, NULL, &e) != RAML_OK)
        return 0; /* a record we cannot read is left alone, not fatal */
    raml_dedup_item *it = &l->items[l->n];
    memset(it, 0, sizeof *it);
    it->rowid = rowid;
    it->ev = ev;
    it->doc_id = meta.id;
    it->publisher = meta.publisher;
    it->pub_date = meta.pub_date;
    char id[512];
    snprintf(id, sizeof id, "%s:s%u:e%u", meta.id, ev->sentence_index, ev->index_in_sentence);
    it->event_id = raml_arena_strdup(l->a, id);
    it->old_cluster = old ? raml_arena_strdup(l->a, old) : NULL;
    if (raml_dedup_prepare(it) || it->old_cluster)
        l->n++;
    return 0;
}

raml_status raml_store_dedup(raml_store *s, const char *from, const char *to,
                             unsigned long *nclusters, raml_error *err)
{
    *nclusters = 0;
    char lo[11] = "0000-01-01", hi[11] = "9999-12-31";
    /* Widen by the ±1-day rule and a little more, so chains at the edges are seen. */
    if (from && strlen(from) == 10)
        store_ymd(store_days(from) - 3, lo);
    if (to && strlen(to) == 10)
        store_ymd(store_days(to) + 3, hi);
    raml_arena a;
    raml_arena_init(&a, 1 << 20);
    loader l = {.a = &a, .err = err};
    store_params p = {0};
    store_param_text(&p, hi);
    store_param_text(&p, lo);
    store_param_text(&p, hi);
    store_param_text(&p, lo);
    raml_status st = raml_store_begin(s, err);
    if (st != RAML_OK)
        goto out;
    st = s->ops->load(s,
                      "SELECT id, json, cluster_id FROM events WHERE (actual = 1 AND date_lo <= ? "
                      "AND date_hi >= ? AND lat IS NOT NULL) OR cluster_id IN (SELECT cluster_id FROM "
                      "events WHERE date_lo <= ? AND date_hi >= ? AND cluster_id IS NOT NULL) "
                      "ORDER BY id",
                      &p, load_one, &l, err);
    if (st == RAML_OK && (l.oom || a.failed))
        st = raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "out of memory");
    if (st != RAML_OK)
        goto out;
    size_t *label = malloc((l.n ? l.n : 1) * sizeof *label);
    char (*ids)[20] = malloc((l.n ? l.n : 1) * sizeof *ids);
    if (!label || !ids) {
        free(label);
        free(ids);
        st = raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "out of memory");
        goto out;
    }
    raml_dedup_cluster(l.items, l.n, label);
    for (size_t i = 0; i < l.n; i++)
        if (label[i] == i)
            raml_dedup_cluster_id(l.items, l.n, label, i, ids[i]);
    raml_buf json;
    raml_buf_init(&json);
    for (size_t i = 0; st == RAML_OK && i < l.n; i++) {
        const raml_dedup_item *it = &l.items[i];
        const char *nid = it->family >= 0 ? ids[label[i]] : NULL;
        if (it->old_cluster) {
            store_params q = {0};
            store_param_text(&q, it->old_cluster);
            st = s->ops->exec(s, "DELETE FROM clusters WHERE id = ?", &q, err);
        }
        if (st == RAML_OK && !(nid && it->old_cluster && strcmp(nid, it->old_cluster) == 0)) {
            store_params q = {0};
            if (nid) {
                store_param_text(&q, nid);
                store_param_num(&q, (double)it->rowid);
                st = s->ops->exec(s, "UPDATE events SET cluster_id = ? WHERE id = ?", &q, err);
            } else {
                store_param_num(&q, (double)it->rowid);
                st = s->ops->exec(s, "UPDATE events SET cluster_id = NULL WHERE id = ?", &q, err);
            }
        }
    }
    for (size_t i = 0; st == RAML_OK && i < l.n; i++) {
        if (label[i] != i || l.items[i].family < 0)
            continue;
        raml_buf_clear(&json);
        raml_dedup_cluster_json(&json, ids[i], l.items, l.n, label, i);
        size_t nev = 0, ndocs = 0;
        for (size_t j = 0; j < l.n; j++)
            if (label[j] == i) {
                nev++;
                bool seen = false;
                for (size_t k = 0; k < j && !seen; k++)
                    seen = label[k] == i && strcmp(l.items[k].doc_id, l.items[j].doc_id) == 0;
                ndocs += !seen;
            }
        if (ndocs > 1)
            (*nclusters)++;
        char dl[11], dh[11];
        store_ymd(l.items[i].lo, dl);
        store_ymd(l.items[i].hi, dh);
        store_params q = {0};
        store_param_text(&q, ids[i]);
        st = s->ops->exec(s, "DELETE FROM clusters WHERE id = ?", &q, err);
        q.n = 0;
        store_param_text(&q, ids[i]);
        store_param_text(&q, l.items[i].ev->plover_type);
        store_param_text(&q, dl);
        store_param_text(&q, dh);
        store_param_text(&q, l.items[i].ev->location.country);
        store_param_num(&q, (double)nev);
        store_param_num(&q, (double)ndocs);
        store_param_text(&q, json.data);
        if (st == RAML_OK)
            st = s->ops->exec(s, "INSERT INTO clusters(id, type, date_lo, date_hi, country, "
                                 "nevents, ndocs, json) VALUES(?,?,?,?,?,?,?,?)",
                              &q, err);
    }
    raml_buf_free(&json);
    free(label);
    free(ids);
    if (st == RAML_OK)
        st = raml_store_commit(s, err);
out:
    raml_store_rollback(s);
    free(l.items);
    raml_arena_free(&a);
    return st;
}
