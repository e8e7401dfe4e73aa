/* GeoJSON (RFC 7946): one Feature per event, Point [lon, lat] in WGS84; unlocated events
 * get "geometry": null. Properties are the flat summary a map layer needs. */
#include "formats/export_impl.h"

#include <string.h>

static void str_or_null(raml_buf *b, const char *s) { raml_buf_json_string(b, (s && *s) ? s : NULL); }

static void names(raml_buf *b, const raml_event *ev, bool source_side)
{
    raml_buf_putc(b, '[');
    int n = 0;
    for (int i = 0; i < ev->nactors; i++) {
        const raml_actor *a = &ev->actors[i];
        const char *nm = raml_actor_display(a);
        if ((a->role != RAML_ROLE_RECIPIENT) != source_side || !nm)
            continue;
        if (n++)
            raml_buf_putc(b, ',');
        raml_buf_json_string(b, nm);
    }
    raml_buf_putc(b, ']');
}

static void count(raml_buf *b, const char *key, const raml_count *c)
{
    long v = raml_count_best(c);
    raml_buf_printf(b, ",\"%s\":", key);
    if (v >= 0)
        raml_buf_printf(b, "%ld", v);
    else
        raml_buf_puts(b, "null");
}

void raml_export_geojson(raml_exporter *ex, raml_buf *b, const raml_writer_ctx *ctx,
                         const raml_event *ev)
{
    const raml_doc_meta *m = ctx->meta;
    const raml_location *l = &ev->location;
    raml_buf id;
    raml_buf_init(&id);
    raml_buf_printf(&id, "%s:s%u:e%u", m->id, ev->sentence_index, ev->index_in_sentence);
    raml_buf_puts(b, "{\"type\":\"Feature\",\"id\":");
    raml_buf_json_string(b, id.data);
    raml_buf_puts(b, ",\"geometry\":");
    if (l->present && l->precision != RAML_GEO_NONE)
        raml_buf_printf(b, "{\"type\":\"Point\",\"coordinates\":[%.5f,%.5f]}", l->lon, l->lat);
    else
        raml_buf_puts(b, "null");
    raml_buf_puts(b, ",\"properties\":{\"event_id\":");
    raml_buf_json_string(b, id.data);
    raml_buf_free(&id);
    raml_buf_puts(b, ",\"doc_id\":");
    raml_buf_json_string(b, m->id);
    raml_buf_puts(b, ",\"plover_type\":");
    str_or_null(b, ev->plover_type);
    raml_buf_puts(b, ",\"plover_mode\":[");
    for (int i = 0; i < ev->nmodes; i++) {
        if (i)
            raml_buf_putc(b, ',');
        raml_buf_json_string(b, ev->modes[i]);
    }
    raml_acled_class cls;
    bool has = raml_acled_classify(ev, &cls);
    raml_buf_puts(b, "],\"acled_event_type\":");
    str_or_null(b, has ? cls.event_type : NULL);
    raml_buf_puts(b, ",\"actors\":");
    names(b, ev, true);
    raml_buf_puts(b, ",\"recipients\":");
    names(b, ev, false);
    raml_buf_puts(b, ",\"date\":");
    str_or_null(b, ev->date.value);
    raml_buf_puts(b, ",\"date_precision\":");
    raml_buf_json_string(b, raml_date_precision_name(ev->date.precision));
    raml_buf_puts(b, ",\"place\":");
    str_or_null(b, l->present ? (l->resolved_name ? l->resolved_name : l->name_ar) : NULL);
    raml_buf_puts(b, ",\"place_ar\":");
    str_or_null(b, l->present ? l->name_ar : NULL);
    raml_buf_puts(b, ",\"admin1\":");
    str_or_null(b, l->present ? l->admin1 : NULL);
    raml_buf_puts(b, ",\"country_iso3\":");
    str_or_null(b, l->present ? l->country : NULL);
    raml_buf_puts(b, ",\"geo_precision\":");
    str_or_null(b, l->present ? raml_geo_precision_name(l->precision) : NULL);
    count(b, "killed", &ev->killed);
    count(b, "injured", &ev->injured);
    count(b, "arrested", &ev->arrested);
    raml_buf_puts(b, ",\"polarity\":");
    raml_buf_json_string(b, raml_polarity_name(ev->modality.polarity));
    raml_buf_puts(b, ",\"realis\":");
    raml_buf_json_string(b, raml_realis_name(ev->modality.realis));
    raml_buf_puts(b, ",\"trigger\":");
    str_or_null(b, ev->trigger.text);
    raml_buf_puts(b, ",\"publisher\":");
    str_or_null(b, m->publisher);
    raml_buf_puts(b, ",\"url\":");
    str_or_null(b, m->url);
    raml_buf_puts(b, ",\"cluster_id\":");
    str_or_null(b, ev->cluster_id);
    raml_buf_puts(b, "}}");
}
