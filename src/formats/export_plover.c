/* PLOVER JSON (output-standards.md §1.5, §6.1): one object per line, the PLV field names. */
#include "formats/export_impl.h"

#include <math.h>
#include <string.h>

static void str_or_null(raml_buf *b, const char *s) { raml_buf_json_string(b, (s && *s) ? s : NULL); }

static void entities(raml_buf *b, const raml_event *ev, bool source_side)
{
    raml_buf_putc(b, '[');
    int n = 0;
    for (int i = 0; i < ev->nactors; i++) {
        const raml_actor *a = &ev->actors[i];
        /* Associated actors fight on the source's side (PLV: compound actors, one record). */
        bool src = a->role == RAML_ROLE_ACTOR || a->role == RAML_ROLE_ASSOC;
        if (src != source_side)
            continue;
        if (n++)
            raml_buf_putc(b, ',');
        raml_buf_puts(b, "{\"code\":");
        str_or_null(b, a->country);
        raml_buf_puts(b, ",\"sector\":");
        str_or_null(b, a->sector);
        raml_buf_puts(b, ",\"entity_text\":");
        str_or_null(b, a->span.text);
        raml_buf_puts(b, ",\"identifier_id\":");
        str_or_null(b, a->actor_id);
        raml_buf_puts(b, ",\"identifier_text\":");
        str_or_null(b, a->name ? a->name : a->name_ar);
        raml_buf_putc(b, '}');
    }
    raml_buf_putc(b, ']');
}

static int resolution(raml_geo_precision p)
{
    switch (p) {
    case RAML_GEO_POINT: return 5;
    case RAML_GEO_TOWN:
    case RAML_GEO_NEAR_TOWN: return 4;
    case RAML_GEO_ADMIN2: return 3;
    case RAML_GEO_ADMIN1:
    case RAML_GEO_SUB_COUNTRY_REGION: return 2;
    case RAML_GEO_COUNTRY:
    case RAML_GEO_WATER: return 1;
    default: return 0;
    }
}

static void size_value(raml_buf *b, const raml_count *c)
{
    long v = raml_count_best(c);
    if (v >= 0)
        raml_buf_printf(b, "%ld", v);
    else
        raml_buf_puts(b, "null");
}

void raml_export_plover(raml_buf *b, const raml_writer_ctx *ctx, const raml_event *ev)
{
    const raml_doc_meta *m = ctx->meta;
    raml_buf id;
    raml_buf_init(&id);
    raml_buf_printf(&id, "%s:s%u:e%u", m->id, ev->sentence_index, ev->index_in_sentence);
    raml_buf_puts(b, "{\"id\":");
    raml_buf_json_string(b, id.data);
    raml_buf_free(&id);
    raml_buf_puts(b, ",\"has_event\":true,\"date\":");
    str_or_null(b, ev->date.value);
    raml_buf_puts(b, ",\"event\":[");
    if (ev->plover_type)
        raml_buf_json_string(b, ev->plover_type);
    raml_buf_puts(b, "],\"mode\":[");
    for (int i = 0; i < ev->nmodes; i++) {
        if (i)
            raml_buf_putc(b, ',');
        raml_buf_json_string(b, ev->modes[i]);
    }
    raml_buf_puts(b, "],\"context\":[");
    int nc = 0;
    for (int i = 0; i < ev->ncontexts; i++) {
        if (nc++)
            raml_buf_putc(b, ',');
        raml_buf_json_string(b, ev->contexts[i]);
    }
    /* PLV's auxiliary modes live in context (§1.1); only reachable with include_nonactual. */
    const char *aux = NULL;
    switch (ev->modality.realis) {
    case RAML_REALIS_FUTURE: aux = "future"; break;
    case RAML_REALIS_HYPOTHETICAL: aux = "hypothetical"; break;
    case RAML_REALIS_HISTORICAL: aux = "historical"; break;
    default: break;
    }
    if (aux) {
        if (nc++)
            raml_buf_putc(b, ',');
        raml_buf_json_string(b, aux);
    }
    if (ev->modality.polarity == RAML_POLARITY_NEGATED)
        raml_buf_puts(b, nc++ ? ",\"negation\"" : "\"negation\"");
    raml_buf_puts(b, "],\"actor\":");
    entities(b, ev, true);
    raml_buf_puts(b, ",\"recipient\":");
    entities(b, ev, false);

    const raml_location *l = &ev->location;
    raml_buf_puts(b, ",\"event_loc\":");
    if (l->present && l->precision != RAML_GEO_NONE) {
        raml_buf_puts(b, "{\"extracted_place\":");
        str_or_null(b, l->span.text);
        raml_buf_puts(b, ",\"resolved_place\":");
        str_or_null(b, l->resolved_name ? l->resolved_name : l->name_ar);
        raml_buf_printf(b, ",\"geonameid\":null,\"lat\":%.5f,\"lon\":%.5f,\"province\":", l->lat,
                        l->lon);
        str_or_null(b, l->admin1);
        raml_buf_puts(b, ",\"district\":null,\"country_code\":");
        str_or_null(b, l->country);
        raml_buf_printf(b, ",\"feature_code\":null,\"resolution\":%d}", resolution(l->precision));
    } else {
        raml_buf_puts(b, "null");
    }
    raml_buf_puts(b, ",\"event_text\":");
    str_or_null(b, ev->trigger.text);
    raml_buf_printf(b, ",\"quad_code\":%d,\"event_scale\":", ev->quad_class);
    if (isfinite(ev->plover_score))
        raml_buf_printf(b, "%g", ev->plover_score);
    else
        raml_buf_puts(b, "null");
    raml_buf_printf(b, ",\"text_info\":{\"sequence\":%u,\"start\":%u,\"end\":%u}",
                    ev->sentence_index, ev->sentence.start, ev->sentence.end);
    raml_buf_puts(b, ",\"cite_info\":{\"url\":");
    str_or_null(b, m->url);
    raml_buf_puts(b, ",\"title\":");
    str_or_null(b, m->title);
    raml_buf_puts(b, ",\"language\":\"ar\",\"publication\":");
    str_or_null(b, m->publisher);
    raml_buf_puts(b, ",\"codebook\":\"plover-2.0\",\"version\":\"" RAML_VERSION "\"}");
    raml_buf_puts(b, ",\"size\":{\"dead\":");
    size_value(b, &ev->killed);
    raml_buf_puts(b, ",\"injured\":");
    size_value(b, &ev->injured);
    raml_buf_puts(b, ",\"arrested\":");
    size_value(b, &ev->arrested);
    raml_buf_putc(b, '}');
    /* The qualifiers have no PLOVER field; keep them readable in `comment` (§6.1). */
    raml_buf comment;
    raml_buf_init(&comment);
    const raml_count *cs[] = {&ev->killed, &ev->injured, &ev->arrested};
    const char *names[] = {"dead", "injured", "arrested"};
    for (int i = 0; i < 3; i++)
        if (cs[i]->present && cs[i]->qualifier != RAML_QUAL_EXACT)
            raml_buf_printf(&comment, "%s%s=%s", comment.len ? "; " : "", names[i],
                            raml_qualifier_name(cs[i]->qualifier));
    raml_buf_puts(b, ",\"comment\":");
    str_or_null(b, comment.len ? comment.data : NULL);
    raml_buf_free(&comment);
    raml_buf_puts(b, ",\"coder\":\"raml " RAML_VERSION "\",\"link\":");
    str_or_null(b, ev->cluster_id);
    raml_buf_putc(b, '}');
}
