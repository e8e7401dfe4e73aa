/* ISO 3166-1 alpha-3 → numeric code and name, for the ACLED `iso` and `country` columns. */
#include "formats/export.h"

#include <stdlib.h>
#include <string.h>

typedef struct iso_row {
    const char *a3;
    int num;
    const char *name;
} iso_row;

static const iso_row rows[] = {
#include "formats/iso_numeric.inc"
};

static int cmp(const void *k, const void *r) { return strcmp(k, ((const iso_row *)r)->a3); }

int raml_iso_numeric(const char *iso3, const char **name)
{
    const iso_row *r =
        iso3 && *iso3 ? bsearch(iso3, rows, sizeof rows / sizeof *rows, sizeof *rows, cmp) : NULL;
    if (name)
        *name = r ? r->name : NULL;
    return r ? r->num : 0;
}
