#include "raml.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void raml_error_clear(raml_error *err)
{
    if (!err)
        return;
    memset(err, 0, sizeof *err);
    err->offset = -1;
}

raml_status raml_error_set(raml_error *err, raml_status code, const char *file, long line,
                           long offset, const char *fmt, ...)
{
    if (!err)
        return code;
    err->code = code;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->line = line;
    err->offset = offset;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return code;
}
