/* The raml.event/1 reader: the inverse of raml_write_event_json. The store keeps events as
 * their JSON, so everything the writer emits must come back unchanged (write → read → write
 * is byte-identical); unknown fields are ignored so that older readers accept newer records. */
#include "formats/formats.h"

#include <cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct rd {
    raml_arena *a;
    const char *bad; /* first problem found, for the error message */
} rd;

static const cJSON *get(const cJSON *o, const char *k)
{
    return cJSON_GetObjectItemCaseSensitive(o, k);
}

static const char *str(rd *r, const cJSON *o, const char *k)
{
    const cJSON *v = get(o, k);
    if (cJSON_IsString(v) && v->valuestring)
        return raml_arena_strdup(r->a, v->valuestring);
    if (v && !cJSON_IsNull(v) && !r->bad)
        r->bad = k;
    return NULL;
}

static void fixstr(rd *r, const cJSON *o, const char *k, char *out, size_t cap)
{
    const char *s = str(r, o, k);
    out[0] = '\0';
    if (s) {
        if (strlen(s) >= cap) {
            if (!r->bad)
                r->bad = k;
            return;
        }
        memcpy(out, s, strlen(s) + 1);
    }
}

static double dbl(rd *r, const cJSON *o, const char *k, double dflt)
{
    const cJSON *v = get(o, k);
    /* cJSON hands overflowing literals such as 1E999 through strtod as inf; JSON has no
     * infinities, so such a field is as malformed as a string where a number belongs. */
    if (cJSON_IsNumber(v) && isfinite(v->valuedouble))
        return v->valuedouble;
    if (v && !cJSON_IsNull(v) && !r->bad)
        r->bad = k;
    return dflt;
}

/* A number that must lie in [lo, hi]; anything else marks the record malformed. */
static double ranged(rd *r, const cJSON *o, const char *k, double lo, double hi)
{
    double d = dbl(r, o, k, lo < 0 && hi > 0 ? 0 : lo);
    if (d < lo || d > hi) {
        if (!r->bad)
            r->bad = k;
        return lo < 0 && hi > 0 ? 0 : lo;
    }
    return d;
}

static uint32_t u32(rd *r, const cJSON *o, const char *k)
{
    double d = dbl(r, o, k, 0);
    if (d < 0 || d > 4294967295.0) {
        if (!r->bad)
            r->bad = k;
        return 0;
    }
    return (uint32_t)d;
}

static long lng(rd *r, const cJSON *o, const char *k)
{
    const cJSON *v = get(o, k);
    if (!v || cJSON_IsNull(v))
        return -1;
    double d = dbl(r, o, k, -1);
    return (d < 0 || d > 2e9) ? -1 : (long)d;
}

/* The index of `s` in a name table produced by one of raml_*_name(); -1 when absent. */
static int enum_of(const char *s, const char *(*name)(int), int n)
{
    if (!s)
        return -1;
    for (int i = 0; i < n; i++) {
        const char *nm = name(i);
        if (nm && strcmp(nm, s) == 0)
            return i;
    }
    return -1;
}

#define ENUM_NAMER(fn, type) \
    static const char *fn##_i(int i) { return fn((type)i); }
ENUM_NAMER(raml_role_name, raml_role)
ENUM_NAMER(raml_geo_precision_name, raml_geo_precision)
ENUM_NAMER(raml_date_precision_name, raml_date_precision)
ENUM_NAMER(raml_date_method_name, raml_date_method)
ENUM_NAMER(raml_qualifier_name, raml_qualifier)
ENUM_NAMER(raml_polarity_name, raml_polarity)
ENUM_NAMER(raml_realis_name, raml_realis)
ENUM_NAMER(raml_certainty_name, raml_certainty)

static int enum_field(rd *r, const cJSON *o, const char *k, const char *(*name)(int), int n,
                      int dflt)
{
    const cJSON *v = get(o, k);
    if (!v || cJSON_IsNull(v))
        return dflt;
    int e = cJSON_IsString(v) ? enum_of(v->valuestring, name, n) : -1;
    if (e < 0) {
        if (!r->bad)
            r->bad = k;
        return dflt;
    }
    return e;
}

static void span(rd *r, const cJSON *v, raml_span *s)
{
    memset(s, 0, sizeof *s);
    if (!v || cJSON_IsNull(v))
        return;
    if (!cJSON_IsObject(v)) {
        if (!r->bad)
            r->bad = "span";
        return;
    }
    s->text = str(r, v, "text");
    if (!s->text) /* the writer emits null for a span without text */
        s->text = raml_arena_strdup(r->a, "");
    s->start = u32(r, v, "start");
    s->end = u32(r, v, "end");
    s->bstart = u32(r, v, "bstart");
    s->bend = u32(r, v, "bend");
}

static int str_array(rd *r, const cJSON *v, const char **out, int max, const char *what)
{
    if (!v || cJSON_IsNull(v))
        return 0;
    if (!cJSON_IsArray(v)) {
        if (!r->bad)
            r->bad = what;
        return 0;
    }
    int n = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, v)
    {
        if (!cJSON_IsString(it) || n >= max) {
            if (!r->bad)
                r->bad = what;
            break;
        }
        out[n++] = raml_arena_strdup(r->a, it->valuestring);
    }
    return n;
}

static void actor(rd *r, const cJSON *o, raml_actor *a)
{
    memset(a, 0, sizeof *a);
    if (!cJSON_IsObject(o)) {
        if (!r->bad)
            r->bad = "actors";
        return;
    }
    a->role = (raml_role)enum_field(r, o, "role", raml_role_name_i, 3, 0);
    span(r, get(o, "span"), &a->span);
    a->name = str(r, o, "name");
    a->name_ar = str(r, o, "name_ar");
    a->actor_id = str(r, o, "actor_id");
    fixstr(r, o, "country_iso3", a->country, sizeof a->country);
    fixstr(r, o, "sector", a->sector, sizeof a->sector);
    const cJSON *secs = get(o, "sectors"), *it;
    if (cJSON_IsArray(secs)) {
        cJSON_ArrayForEach(it, secs)
        {
            if (!cJSON_IsString(it) || a->nsectors >= RAML_MAX_SECTORS ||
                strlen(it->valuestring) >= sizeof a->sectors[0]) {
                if (!r->bad)
                    r->bad = "sectors";
                break;
            }
            strcpy(a->sectors[a->nsectors++], it->valuestring);
        }
    }
    fixstr(r, o, "cameo", a->cameo, sizeof a->cameo);
    a->is_generic = cJSON_IsTrue(get(o, "is_generic"));
}

static void count(rd *r, const cJSON *o, raml_count *c)
{
    memset(c, 0, sizeof *c);
    c->count = c->low = c->high = -1;
    if (!o || cJSON_IsNull(o))
        return;
    if (!cJSON_IsObject(o)) {
        if (!r->bad)
            r->bad = "fatalities";
        return;
    }
    c->present = true;
    c->count = lng(r, o, "count");
    c->qualifier = (raml_qualifier)enum_field(r, o, "qualifier", raml_qualifier_name_i, 7, 0);
    c->low = lng(r, o, "low");
    c->high = lng(r, o, "high");
    span(r, get(o, "span"), &c->span);
}

/* "<doc>:s<sentence>:e<n>" → n. The doc id may itself contain ':', so parse from the end. */
static uint32_t index_from_event_id(const char *id)
{
    const char *e = id ? strrchr(id, ':') : NULL;
    if (!e || e[1] != 'e')
        return 0;
    return (uint32_t)strtoul(e + 2, NULL, 10);
}

raml_status raml_read_event_json(raml_arena *a, const char *json, size_t len, raml_event *ev,
                                 raml_doc_meta *meta, const char **dict_version, raml_error *err)
{
    memset(ev, 0, sizeof *ev);
    memset(meta, 0, sizeof *meta);
    if (dict_version)
        *dict_version = NULL;
    cJSON *root = cJSON_ParseWithLength(json, len);
    if (!root)
        return raml_error_set(err, RAML_ERR_INPUT, NULL, 0, -1, "not valid JSON");
    rd r = {.a = a};
    raml_status st = RAML_OK;
    const cJSON *schema = get(root, "schema");
    if (!cJSON_IsObject(root) || !cJSON_IsString(schema) ||
        strcmp(schema->valuestring, RAML_EVENT_SCHEMA) != 0) {
        st = raml_error_set(err, RAML_ERR_INPUT, NULL, 0, -1, "not a %s record",
                            RAML_EVENT_SCHEMA);
        goto out;
    }
    const cJSON *doc = get(root, "doc");
    if (!cJSON_IsObject(doc) || !cJSON_IsString(get(doc, "doc_id"))) {
        st = raml_error_set(err, RAML_ERR_INPUT, NULL, 0, -1, "no doc.doc_id");
        goto out;
    }
    meta->id = str(&r, doc, "doc_id");
    meta->url = str(&r, doc, "url");
    meta->publisher = str(&r, doc, "publisher");
    meta->pub_date = str(&r, doc, "pub_date");
    meta->title = str(&r, doc, "title");

    const cJSON *eid = get(root, "event_id");
    ev->index_in_sentence = index_from_event_id(cJSON_IsString(eid) ? eid->valuestring : NULL);
    const cJSON *sent = get(root, "sentence");
    if (cJSON_IsObject(sent)) {
        ev->sentence_index = u32(&r, sent, "index");
        ev->sentence.start = u32(&r, sent, "start");
        ev->sentence.end = u32(&r, sent, "end");
        ev->sentence.bstart = u32(&r, sent, "bstart");
        ev->sentence.bend = u32(&r, sent, "bend");
    }
    span(&r, get(root, "trigger"), &ev->trigger);

    const cJSON *e = get(root, "event");
    if (cJSON_IsObject(e)) {
        ev->plover_type = str(&r, e, "plover_type");
        ev->nmodes = str_array(&r, get(e, "plover_mode"), ev->modes, RAML_MAX_MODES, "plover_mode");
        ev->ncontexts = str_array(&r, get(e, "plover_context"), ev->contexts, RAML_MAX_MODES,
                                  "plover_context");
        fixstr(&r, e, "cameo_code", ev->cameo, sizeof ev->cameo);
        ev->quad_class = (int)ranged(&r, e, "quad_class", 0, 4);
        ev->goldstein = ranged(&r, e, "goldstein", -10, 10);
        ev->plover_score = dbl(&r, e, "plover_score", 0);
        ev->confidence = ranged(&r, e, "confidence", 0, 1);
        ev->nrules = str_array(&r, get(e, "rule_ids"), ev->rule_ids, RAML_MAX_RULES, "rule_ids");
    } else {
        r.bad = "event";
    }

    const cJSON *actors = get(root, "actors"), *it;
    if (cJSON_IsArray(actors)) {
        cJSON_ArrayForEach(it, actors)
        {
            if (ev->nactors >= RAML_MAX_ACTORS) {
                r.bad = "actors";
                break;
            }
            actor(&r, it, &ev->actors[ev->nactors++]);
        }
    }

    const cJSON *loc = get(root, "location");
    if (cJSON_IsObject(loc)) {
        raml_location *l = &ev->location;
        l->present = true;
        span(&r, get(loc, "span"), &l->span);
        l->resolved_name = str(&r, loc, "resolved_name");
        l->name_ar = str(&r, loc, "name_ar");
        fixstr(&r, loc, "country_iso3", l->country, sizeof l->country);
        l->admin1 = str(&r, loc, "admin1");
        l->lat = ranged(&r, loc, "lat", -90, 90);
        l->lon = ranged(&r, loc, "lon", -180, 180);
        l->precision = (raml_geo_precision)enum_field(&r, loc, "geo_precision",
                                                      raml_geo_precision_name_i, 9, 0);
        l->method = str(&r, loc, "method");
    }

    const cJSON *date = get(root, "date");
    if (cJSON_IsObject(date)) {
        fixstr(&r, date, "value", ev->date.value, sizeof ev->date.value);
        span(&r, get(date, "span"), &ev->date.span);
        ev->date.precision = (raml_date_precision)enum_field(&r, date, "precision",
                                                             raml_date_precision_name_i, 5, 0);
        ev->date.method = (raml_date_method)enum_field(&r, date, "method",
                                                       raml_date_method_name_i, 5, 0);
    }

    const cJSON *fat = get(root, "fatalities");
    count(&r, cJSON_IsObject(fat) ? get(fat, "killed") : NULL, &ev->killed);
    count(&r, cJSON_IsObject(fat) ? get(fat, "injured") : NULL, &ev->injured);
    count(&r, cJSON_IsObject(fat) ? get(fat, "arrested") : NULL, &ev->arrested);

    const cJSON *md = get(root, "modality");
    if (cJSON_IsObject(md)) {
        ev->modality.polarity = (raml_polarity)enum_field(&r, md, "polarity",
                                                          raml_polarity_name_i, 2, 0);
        ev->modality.realis = (raml_realis)enum_field(&r, md, "realis", raml_realis_name_i, 7, 0);
        ev->modality.certainty = (raml_certainty)enum_field(&r, md, "certainty",
                                                            raml_certainty_name_i, 4, 0);
        span(&r, get(md, "cue"), &ev->modality.cue);
    }

    const cJSON *at = get(root, "attribution");
    if (cJSON_IsObject(at)) {
        raml_attribution *t = &ev->attribution;
        t->present = true;
        span(&r, get(at, "speaker"), &t->speaker);
        const cJSON *sa = get(at, "speaker_actor");
        if (cJSON_IsObject(sa)) {
            t->speaker_name = str(&r, sa, "name");
            fixstr(&r, sa, "country_iso3", t->speaker_country, sizeof t->speaker_country);
            fixstr(&r, sa, "sector", t->speaker_sector, sizeof t->speaker_sector);
        }
        span(&r, get(at, "cue"), &t->cue);
        t->is_claim_of_responsibility = cJSON_IsTrue(get(at, "is_claim_of_responsibility"));
    }

    const cJSON *links = get(root, "links");
    if (cJSON_IsObject(links))
        ev->cluster_id = str(&r, links, "cluster_id");
    const cJSON *coder = get(root, "coder");
    if (dict_version && cJSON_IsObject(coder))
        *dict_version = str(&r, coder, "dictionaries");

    if (a->failed)
        st = raml_error_set(err, RAML_ERR_INTERNAL, NULL, 0, -1, "out of memory");
    else if (r.bad)
        st = raml_error_set(err, RAML_ERR_INPUT, NULL, 0, -1, "bad value for \"%s\"", r.bad);
out:
    cJSON_Delete(root);
    return st;
}
