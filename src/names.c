/* Enum ↔ name tables of the raml.event/1 record: one place, used by every writer. */
#include "raml.h"

#define NAME_OF(table, v) ((unsigned)(v) < sizeof table / sizeof *table ? table[v] : NULL)

const char *raml_role_name(raml_role r)
{
    static const char *const t[] = {"actor", "recipient", "assoc_actor"};
    return NAME_OF(t, r);
}

const char *raml_geo_precision_name(raml_geo_precision p)
{
    static const char *const t[] = {NULL,     "point",  "town",
                                    "near_town", "admin2", "admin1",
                                    "sub_country_region", "country", "water"};
    return NAME_OF(t, p);
}

const char *raml_date_precision_name(raml_date_precision p)
{
    static const char *const t[] = {"unknown", "day", "week", "month", "year"};
    return NAME_OF(t, p);
}

const char *raml_date_method_name(raml_date_method m)
{
    static const char *const t[] = {NULL, "explicit", "relative_weekday", "relative_offset",
                                    "pub_date_fallback"};
    return NAME_OF(t, m);
}

const char *raml_qualifier_name(raml_qualifier q)
{
    static const char *const t[] = {"exact", "at_least", "more_than", "about",
                                    "at_most", "range",   "unspecified"};
    return NAME_OF(t, q);
}

const char *raml_polarity_name(raml_polarity p)
{
    static const char *const t[] = {"positive", "negated"};
    return NAME_OF(t, p);
}

const char *raml_realis_name(raml_realis r)
{
    static const char *const t[] = {"actual",     "future",     "hypothetical", "intended",
                                    "threatened", "historical", "generic"};
    return NAME_OF(t, r);
}

const char *raml_certainty_name(raml_certainty c)
{
    static const char *const t[] = {"asserted", "reported", "alleged", "denied"};
    return NAME_OF(t, c);
}
