/* Export dispatch: format names, the actual-only filter, and framing (CSV header, the
 * GeoJSON FeatureCollection) around the per-format writers. */
#include "formats/export_impl.h"

#include <string.h>
#include <time.h>

bool raml_format_parse(const char *name, raml_format *out)
{
    static const struct {
        const char *name;
        raml_format f;
    } t[] = {{"jsonl", RAML_FMT_JSONL},
             {"plover", RAML_FMT_PLOVER},
             {"acled", RAML_FMT_ACLED},
             {"geojson", RAML_FMT_GEOJSON}};
    for (size_t i = 0; name && i < sizeof t / sizeof *t; i++)
        if (strcmp(name, t[i].name) == 0) {
            *out = t[i].f;
            return true;
        }
    return false;
}

bool raml_event_is_actual(const raml_event *ev)
{
    return ev->modality.polarity == RAML_POLARITY_POSITIVE &&
           ev->modality.realis == RAML_REALIS_ACTUAL;
}

const char *raml_actor_display(const raml_actor *a)
{
    if (a->name && *a->name)
        return a->name;
    if (a->name_ar && *a->name_ar)
        return a->name_ar;
    if (a->span.text && *a->span.text)
        return a->span.text;
    return NULL;
}

bool raml_event_has_mode(const raml_event *ev, const char *mode)
{
    for (int i = 0; i < ev->nmodes; i++)
        if (ev->modes[i] && strcmp(ev->modes[i], mode) == 0)
            return true;
    return false;
}

const raml_actor *raml_event_first(const raml_event *ev, raml_role role)
{
    for (int i = 0; i < ev->nactors; i++)
        if (ev->actors[i].role == role)
            return &ev->actors[i];
    return NULL;
}

long raml_count_best(const raml_count *c)
{
    if (!c->present)
        return -1;
    return c->low >= 0 ? c->low : c->count;
}

void raml_export_begin(raml_exporter *ex, raml_format format, raml_buf *out)
{
    memset(ex, 0, sizeof *ex);
    ex->format = format;
    ex->timestamp = (long long)time(NULL);
    if (format == RAML_FMT_ACLED)
        raml_export_acled_header(out);
    else if (format == RAML_FMT_GEOJSON)
        raml_buf_puts(out, "{\"type\":\"FeatureCollection\",\"features\":[");
}

void raml_export_event(raml_exporter *ex, raml_buf *out, const raml_writer_ctx *ctx,
                       const raml_event *ev)
{
    if (ex->format != RAML_FMT_JSONL && !ex->include_nonactual && !raml_event_is_actual(ev)) {
        ex->skipped++;
        return;
    }
    switch (ex->format) {
    case RAML_FMT_JSONL:
        raml_write_event_json(out, ctx, ev);
        raml_buf_putc(out, '\n');
        break;
    case RAML_FMT_PLOVER:
        raml_export_plover(out, ctx, ev);
        raml_buf_putc(out, '\n');
        break;
    case RAML_FMT_ACLED:
        if (!raml_export_acled(ex, out, ctx, ev)) {
            ex->skipped++;
            return;
        }
        break;
    case RAML_FMT_GEOJSON:
        /* One feature per line keeps the collection streamable and diffable. */
        raml_buf_puts(out, ex->count ? ",\n" : "\n");
        raml_export_geojson(ex, out, ctx, ev);
        break;
    }
    ex->count++;
}

void raml_export_end(raml_exporter *ex, raml_buf *out)
{
    if (ex->format == RAML_FMT_GEOJSON)
        raml_buf_puts(out, ex->count ? "\n]}\n" : "]}\n");
}
