/* ACLED-style CSV (output-standards.md §3.1 columns, §6.1 values): one header row, one row
 * per event that has an ACLED equivalent and a usable date. RFC 4180 quoting. */
#include "formats/export_impl.h"

#include <stdio.h>
#include <string.h>

static const char *const COLUMNS =
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
    "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
    "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,"
    "source,source_scale,notes,fatalities,tags,timestamp\n";

bool raml_export_acled_header(raml_buf *out)
{
    raml_buf_puts(out, COLUMNS);
    return true;
}

/* Quotes only when needed, so plain values stay readable in a terminal. */
static void cell(raml_buf *b, const char *s, bool last)
{
    if (s && *s) {
        bool quote = strpbrk(s, ",\"\r\n") || s[0] == ' ' || s[strlen(s) - 1] == ' ';
        if (quote) {
            raml_buf_putc(b, '"');
            for (const char *p = s; *p; p++) {
                if (*p == '"')
                    raml_buf_putc(b, '"');
                raml_buf_putc(b, *p);
            }
            raml_buf_putc(b, '"');
        } else {
            raml_buf_puts(b, s);
        }
    }
    raml_buf_putc(b, last ? '\n' : ',');
}

static void celli(raml_buf *b, long v)
{
    raml_buf_printf(b, "%ld,", v);
}

/* ACLED regions for the countries our sources cover; others are left empty. */
static const char *region(const char *iso3)
{
    static const struct {
        const char *region, *members;
    } t[] = {
        {"Middle East", "BHR CYP IRN IRQ ISR JOR KWT LBN OMN PSE QAT SAU SYR TUR ARE YEM"},
        {"Northern Africa", "DZA EGY LBY MAR SDN TUN ESH"},
        {"Eastern Africa", "BDI COM DJI ERI ETH KEN MDG MOZ MUS MWI RWA SOM SSD SYC TZA UGA ZMB ZWE"},
        {"Western Africa", "BEN BFA CIV CPV GHA GIN GMB GNB LBR MLI MRT NER NGA SEN SLE TGO"},
        {"Middle Africa", "AGO CAF CMR COD COG GAB GNQ STP TCD"},
        {"Southern Africa", "BWA LSO NAM SWZ ZAF"},
        {"South Asia", "AFG BGD BTN IND LKA MDV NPL PAK"},
        {"Caucasus and Central Asia", "ARM AZE GEO KAZ KGZ TJK TKM UZB"},
        {"Europe", "ALB AUT BEL BGR BIH BLR CHE CZE DEU DNK ESP EST FIN FRA GBR GRC HRV HUN IRL "
                   "ITA KOS LTU LVA MDA MKD MNE NLD NOR POL PRT ROU RUS SRB SVK SVN SWE UKR"},
    };
    if (strlen(iso3) != 3)
        return NULL;
    for (size_t i = 0; i < sizeof t / sizeof *t; i++)
        for (const char *p = t[i].members; *p; p += p[3] ? 4 : 3)
            if (strncmp(p, iso3, 3) == 0)
                return t[i].region;
    return NULL;
}

/* §6.1: state forces of the place's own country → 1, foreign ones → 8, and so on. */
static int inter_code(const raml_event *ev, const raml_actor *a)
{
    if (!a)
        return 0;
    const char *s = a->sector, *c = a->country;
    if (strcmp(c, "IGO") == 0 || strcmp(c, "UNO") == 0 || strcmp(c, "EUR") == 0)
        return 8;
    if (strcmp(c, "IMG") == 0 || strcmp(s, "REB") == 0)
        return 2;
    if (!strcmp(s, "GOV") || !strcmp(s, "MIL") || !strcmp(s, "COP") || !strcmp(s, "SPY")) {
        const char *home = ev->location.present ? ev->location.country : "";
        return (*home && *c && strcmp(home, c) != 0) ? 8 : 1;
    }
    if (!strcmp(s, "PRM") || !strcmp(s, "UAF"))
        return 3;
    if (ev->plover_type && strcmp(ev->plover_type, "PROTEST") == 0 && a->role != RAML_ROLE_RECIPIENT)
        return raml_event_has_mode(ev, "riot") ? 5 : 6;
    if (!*s)
        return 0;
    return 7;
}

static void names(raml_buf *b, const raml_event *ev, bool source_side, const raml_actor *skip)
{
    raml_buf list;
    raml_buf_init(&list);
    for (int i = 0; i < ev->nactors; i++) {
        const raml_actor *a = &ev->actors[i];
        bool src = a->role != RAML_ROLE_RECIPIENT;
        const char *n = raml_actor_display(a);
        if (a == skip || src != source_side || !n)
            continue;
        raml_buf_printf(&list, "%s%s", list.len ? "; " : "", n);
    }
    cell(b, list.len ? list.data : NULL, false);
    raml_buf_free(&list);
}

bool raml_export_acled(raml_exporter *ex, raml_buf *b, const raml_writer_ctx *ctx,
                       const raml_event *ev)
{
    raml_acled_class cls;
    if (!raml_acled_classify(ev, &cls))
        return false;
    int tp;
    char date[11];
    switch (ev->date.precision) {
    case RAML_DATE_DAY: tp = 1; break;
    case RAML_DATE_WEEK: tp = 2; break;
    case RAML_DATE_MONTH: tp = 3; break;
    default: return false; /* §6.1: year/unknown precision is not exported */
    }
    size_t dl = strlen(ev->date.value);
    if (dl == 10)
        memcpy(date, ev->date.value, 11);
    else if (dl == 7) /* ACLED codes a month-only date at mid-month */
        snprintf(date, sizeof date, "%.7s-15", ev->date.value);
    else
        return false;

    const raml_location *l = &ev->location;
    const char *iso3 = l->present ? l->country : "";
    if (!*iso3) {
        const raml_actor *a = raml_event_first(ev, RAML_ROLE_ACTOR);
        iso3 = a ? a->country : "";
    }
    const char *country = NULL;
    int num = raml_iso_numeric(iso3, &country);

    char idbuf[48];
    snprintf(idbuf, sizeof idbuf, "%s%lu", *iso3 ? iso3 : "XXX", ex->count + 1);
    cell(b, idbuf, false);
    cell(b, date, false);
    raml_buf_printf(b, "%.4s,%d,", date, tp);
    cell(b, cls.disorder_type, false);
    cell(b, cls.event_type, false);
    cell(b, cls.sub_event_type, false);

    const raml_actor *a1 = raml_event_first(ev, RAML_ROLE_ACTOR);
    const raml_actor *a2 = raml_event_first(ev, RAML_ROLE_RECIPIENT);
    cell(b, a1 ? raml_actor_display(a1) : NULL, false);
    names(b, ev, true, a1);
    int i1 = inter_code(ev, a1);
    celli(b, i1);
    cell(b, a2 ? raml_actor_display(a2) : NULL, false);
    names(b, ev, false, a2);
    int i2 = inter_code(ev, a2);
    celli(b, i2);
    int lo = i1 < i2 ? i1 : i2, hi = i1 < i2 ? i2 : i1;
    celli(b, lo == 0 ? hi * 10 : lo * 10 + hi); /* smaller digit first; a lone actor is x0 */
    bool civ = false;
    for (int i = 0; i < ev->nactors; i++)
        civ |= ev->actors[i].role == RAML_ROLE_RECIPIENT && !strcmp(ev->actors[i].sector, "CVL");
    cell(b, civ && strcmp(cls.disorder_type, "Strategic developments") != 0 ? "Civilian targeting"
                                                                            : NULL,
         false);
    if (num)
        raml_buf_printf(b, "%d,", num);
    else
        raml_buf_putc(b, ',');
    cell(b, region(iso3), false);
    cell(b, country, false);
    cell(b, l->present ? l->admin1 : NULL, false);
    cell(b, NULL, false); /* admin2, admin3: not resolved by the geocoder */
    cell(b, NULL, false);
    cell(b, l->present ? (l->resolved_name ? l->resolved_name : l->name_ar) : NULL, false);
    bool located = l->present && l->precision != RAML_GEO_NONE;
    if (located)
        raml_buf_printf(b, "%.4f,%.4f,", l->lat, l->lon);
    else
        raml_buf_puts(b, ",,");
    int gp = 0;
    switch (l->precision) {
    case RAML_GEO_POINT:
    case RAML_GEO_TOWN: gp = 1; break;
    case RAML_GEO_NEAR_TOWN:
    case RAML_GEO_ADMIN2: gp = 2; break;
    case RAML_GEO_NONE: gp = 0; break;
    default: gp = 3; break;
    }
    if (located && gp)
        raml_buf_printf(b, "%d,", gp);
    else
        raml_buf_putc(b, ',');
    cell(b, ctx->meta->publisher, false);
    cell(b, NULL, false); /* source_scale: publisher metadata we do not have */

    raml_buf notes;
    raml_buf_init(&notes);
    raml_buf_printf(&notes, "On %s, %s", ev->date.value, a1 && raml_actor_display(a1)
                                                           ? raml_actor_display(a1)
                                                           : "unidentified actor");
    raml_buf_printf(&notes, " - %s", ev->plover_type ? ev->plover_type : "event");
    for (int i = 0; i < ev->nmodes; i++)
        raml_buf_printf(&notes, "%s%s", i ? "/" : " (", ev->modes[i]);
    if (ev->nmodes)
        raml_buf_putc(&notes, ')');
    if (a2 && raml_actor_display(a2))
        raml_buf_printf(&notes, " - %s", raml_actor_display(a2));
    if (located && (l->resolved_name || l->name_ar))
        raml_buf_printf(&notes, " in %s", l->resolved_name ? l->resolved_name : l->name_ar);
    if (ev->trigger.text)
        raml_buf_printf(&notes, " [%s]", ev->trigger.text);
    raml_buf_printf(&notes, " (doc %s)", ctx->meta->id);
    cell(b, notes.data, false);
    raml_buf_free(&notes);

    /* §6.1: deaths only, the conservative number; never invent one for "dozens". */
    long fat = 0;
    raml_buf tags;
    raml_buf_init(&tags);
    if (ev->killed.present) {
        if (ev->killed.low >= 0)
            fat = ev->killed.low;
        else if (ev->killed.count >= 0)
            fat = ev->killed.count;
        if (ev->killed.qualifier == RAML_QUAL_UNSPECIFIED || fat < 0) {
            fat = 0;
            raml_buf_puts(&tags, "fatalities_unspecified");
        }
        if (ev->killed.qualifier != RAML_QUAL_EXACT)
            raml_buf_printf(&tags, "%sar_coder_qualifier=%s", tags.len ? ";" : "",
                            raml_qualifier_name(ev->killed.qualifier));
    }
    if (ev->modality.certainty != RAML_CERTAINTY_ASSERTED)
        raml_buf_printf(&tags, "%sar_coder_certainty=%s", tags.len ? ";" : "",
                        raml_certainty_name(ev->modality.certainty));
    raml_buf_printf(b, "%ld,", fat);
    cell(b, tags.len ? tags.data : NULL, false);
    raml_buf_free(&tags);
    raml_buf_printf(b, "%lld\n", ex->timestamp);
    return true;
}
