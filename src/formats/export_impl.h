/* Shared by the exporter files: one writer per format and small helpers on the event. */
#ifndef RAML_FORMATS_EXPORT_IMPL_H
#define RAML_FORMATS_EXPORT_IMPL_H

#include "formats/export.h"

void raml_export_plover(raml_buf *out, const raml_writer_ctx *ctx, const raml_event *ev);
/* false when the event has no ACLED row (no equivalent type, or no usable date). */
bool raml_export_acled_header(raml_buf *out);
bool raml_export_acled(raml_exporter *ex, raml_buf *out, const raml_writer_ctx *ctx,
                       const raml_event *ev);
void raml_export_geojson(raml_exporter *ex, raml_buf *out, const raml_writer_ctx *ctx,
                         const raml_event *ev);

/* The best display name of an actor: English, Arabic, then the text it was found in. */
const char *raml_actor_display(const raml_actor *a);
bool raml_event_has_mode(const raml_event *ev, const char *mode);
/* The first actor with `role`, or NULL. */
const raml_actor *raml_event_first(const raml_event *ev, raml_role role);
/* A count's conservative value: low, else count; -1 when unknown. */
long raml_count_best(const raml_count *c);

#endif
