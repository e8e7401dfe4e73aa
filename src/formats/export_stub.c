/* TEMPORARY: jsonl only, until the exporters land; delete when replaced. */
#include "formats/export.h"

#include <string.h>

bool raml_format_parse(const char *name, raml_format *out)
{
    if (strcmp(name, "jsonl") == 0) {
        *out = RAML_FMT_JSONL;
        return true;
    }
    return false;
}

void raml_export_begin(raml_exporter *ex, raml_format format, raml_buf *out)
{
    memset(ex, 0, sizeof *ex);
    ex->format = format;
}

void raml_export_event(raml_exporter *ex, raml_buf *out, const raml_writer_ctx *ctx,
                       const raml_event *ev)
{
    raml_write_event_json(out, ctx, ev);
    raml_buf_putc(out, '\n');
    ex->count++;
}

void raml_export_end(raml_exporter *ex, raml_buf *out) {}
