/* The raml.event/1 writer (shared/spec/event-record.md). Every field is always present;
 * missing values are null, lists are arrays. This is the canonical serialisation: the
 * store keeps it as is and the other exporters read the same structs. */
#include "formats/formats.h"

#include <math.h>
#include <string.h>

static void str_or_null(raml_buf *b, const char *s)
{
    raml_buf_json_string(b, (s && *s) ? s : NULL);
}

static void num(raml_buf *b, double v)
{
    if (isnan(v) || isinf(v)) {
        raml_buf_puts(b, "null");
        return;
    }
    /* The range test comes first: converting a double beyond long's range is undefined. */
    if (fabs(v) < 1e15 && v == (long)v)
        raml_buf_put_long(b, (long)v);
    else
        raml_buf_put_g6(b, v);
}

void raml_write_span_json(raml_buf *b, const raml_span *s)
{
    if (!s || !s->text) {
        raml_buf_puts(b, "null");
        return;
    }
    raml_buf_puts(b, "{\"text\":");
    raml_buf_json_string(b, s->text);
    raml_buf_puts(b, ",\"start\":");
    raml_buf_put_ulong(b, s->start);
    raml_buf_puts(b, ",\"end\":");
    raml_buf_put_ulong(b, s->end);
    raml_buf_puts(b, ",\"bstart\":");
    raml_buf_put_ulong(b, s->bstart);
    raml_buf_puts(b, ",\"bend\":");
    raml_buf_put_ulong(b, s->bend);
    raml_buf_putc(b, '}');
}

static void str_array(raml_buf *b, const char *const *v, int n)
{
    raml_buf_putc(b, '[');
    for (int i = 0; i < n; i++) {
        if (i)
            raml_buf_putc(b, ',');
        raml_buf_json_string(b, v[i]);
    }
    raml_buf_putc(b, ']');
}

static void write_actor(raml_buf *b, const raml_actor *a)
{
    raml_buf_puts(b, "{\"role\":");
    raml_buf_json_string(b, raml_role_name(a->role));
    raml_buf_puts(b, ",\"span\":");
    raml_write_span_json(b, &a->span);
    raml_buf_puts(b, ",\"name\":");
    str_or_null(b, a->name);
    raml_buf_puts(b, ",\"name_ar\":");
    str_or_null(b, a->name_ar);
    raml_buf_puts(b, ",\"actor_id\":");
    str_or_null(b, a->actor_id);
    raml_buf_puts(b, ",\"country_iso3\":");
    str_or_null(b, a->country);
    raml_buf_puts(b, ",\"sector\":");
    str_or_null(b, a->sector);
    raml_buf_puts(b, ",\"sectors\":[");
    for (int i = 0; i < a->nsectors; i++) {
        if (i)
            raml_buf_putc(b, ',');
        raml_buf_json_string(b, a->sectors[i]);
    }
    raml_buf_puts(b, "],\"cameo\":");
    str_or_null(b, a->cameo);
    raml_buf_puts(b, a->is_generic ? ",\"is_generic\":true}" : ",\"is_generic\":false}");
}

static void write_count(raml_buf *b, const raml_count *c)
{
    if (!c->present) {
        raml_buf_puts(b, "null");
        return;
    }
    raml_buf_puts(b, "{\"count\":");
    if (c->count >= 0)
        raml_buf_put_long(b, c->count);
    else
        raml_buf_puts(b, "null");
    raml_buf_puts(b, ",\"qualifier\":");
    raml_buf_json_string(b, raml_qualifier_name(c->qualifier));
    raml_buf_puts(b, ",\"low\":");
    if (c->low >= 0)
        raml_buf_put_long(b, c->low);
    else
        raml_buf_puts(b, "null");
    raml_buf_puts(b, ",\"high\":");
    if (c->high >= 0)
        raml_buf_put_long(b, c->high);
    else
        raml_buf_puts(b, "null");
    raml_buf_puts(b, ",\"span\":");
    raml_write_span_json(b, &c->span);
    raml_buf_putc(b, '}');
}

void raml_write_event_json(raml_buf *b, const raml_writer_ctx *ctx, const raml_event *ev)
{
    const raml_doc_meta *m = ctx->meta;
    raml_buf_puts(b, "{\"schema\":\"" RAML_EVENT_SCHEMA "\",\"event_id\":");
    if (m->id) {
        /* The suffix needs no escaping: close the quoted id after it instead of building the
         * whole id in a scratch buffer first. */
        raml_buf_json_string(b, m->id);
        if (!b->failed)
            b->len--; /* the closing quote */
        raml_buf_puts(b, ":s");
        raml_buf_put_ulong(b, ev->sentence_index);
        raml_buf_puts(b, ":e");
        raml_buf_put_ulong(b, ev->index_in_sentence);
        raml_buf_putc(b, '"');
    } else {
        raml_buf id;
        raml_buf_init(&id);
        raml_buf_printf(&id, "%s:s%u:e%u", m->id, ev->sentence_index, ev->index_in_sentence);
        raml_buf_json_string(b, id.data);
        raml_buf_free(&id);
    }

    raml_buf_puts(b, ",\"doc\":{\"doc_id\":");
    raml_buf_json_string(b, m->id);
    raml_buf_puts(b, ",\"url\":");
    str_or_null(b, m->url);
    raml_buf_puts(b, ",\"publisher\":");
    str_or_null(b, m->publisher);
    raml_buf_puts(b, ",\"pub_date\":");
    str_or_null(b, m->pub_date);
    raml_buf_puts(b, ",\"title\":");
    str_or_null(b, m->title);
    raml_buf_puts(b, ",\"language\":\"ar\"}");

    raml_buf_puts(b, ",\"sentence\":{\"index\":");
    raml_buf_put_ulong(b, ev->sentence_index);
    raml_buf_puts(b, ",\"start\":");
    raml_buf_put_ulong(b, ev->sentence.start);
    raml_buf_puts(b, ",\"end\":");
    raml_buf_put_ulong(b, ev->sentence.end);
    raml_buf_puts(b, ",\"bstart\":");
    raml_buf_put_ulong(b, ev->sentence.bstart);
    raml_buf_puts(b, ",\"bend\":");
    raml_buf_put_ulong(b, ev->sentence.bend);
    raml_buf_putc(b, '}');
    raml_buf_puts(b, ",\"trigger\":");
    raml_write_span_json(b, &ev->trigger);

    raml_buf_puts(b, ",\"event\":{\"plover_type\":");
    raml_buf_json_string(b, ev->plover_type);
    raml_buf_puts(b, ",\"plover_mode\":");
    str_array(b, ev->modes, ev->nmodes);
    raml_buf_puts(b, ",\"plover_context\":");
    str_array(b, ev->contexts, ev->ncontexts);
    raml_buf_puts(b, ",\"cameo_code\":");
    str_or_null(b, ev->cameo);
    raml_buf_puts(b, ",\"quad_class\":");
    raml_buf_put_long(b, ev->quad_class);
    raml_buf_puts(b, ",\"goldstein\":");
    num(b, ev->goldstein);
    raml_buf_puts(b, ",\"plover_score\":");
    num(b, ev->plover_score);
    raml_buf_puts(b, ",\"confidence\":");
    raml_buf_put_fixed(b, ev->confidence, 2);
    raml_buf_puts(b, ",\"rule_ids\":");
    str_array(b, ev->rule_ids, ev->nrules);
    raml_buf_putc(b, '}');

    raml_buf_puts(b, ",\"actors\":[");
    for (int i = 0; i < ev->nactors; i++) {
        if (i)
            raml_buf_putc(b, ',');
        write_actor(b, &ev->actors[i]);
    }
    raml_buf_putc(b, ']');

    const raml_location *l = &ev->location;
    raml_buf_puts(b, ",\"location\":");
    if (!l->present) {
        raml_buf_puts(b, "null");
    } else {
        raml_buf_puts(b, "{\"span\":");
        raml_write_span_json(b, &l->span);
        raml_buf_puts(b, ",\"resolved_name\":");
        str_or_null(b, l->resolved_name);
        raml_buf_puts(b, ",\"name_ar\":");
        str_or_null(b, l->name_ar);
        raml_buf_puts(b, ",\"country_iso3\":");
        str_or_null(b, l->country);
        raml_buf_puts(b, ",\"admin1\":");
        str_or_null(b, l->admin1);
        raml_buf_puts(b, ",\"lat\":");
        raml_buf_put_fixed(b, l->lat, 5);
        raml_buf_puts(b, ",\"lon\":");
        raml_buf_put_fixed(b, l->lon, 5);
        raml_buf_puts(b, ",\"geo_precision\":");
        raml_buf_json_string(b, raml_geo_precision_name(l->precision));
        raml_buf_puts(b, ",\"method\":");
        str_or_null(b, l->method);
        raml_buf_putc(b, '}');
    }

    const raml_date *d = &ev->date;
    raml_buf_puts(b, ",\"date\":{\"value\":");
    str_or_null(b, d->value);
    raml_buf_puts(b, ",\"span\":");
    raml_write_span_json(b, &d->span);
    raml_buf_puts(b, ",\"precision\":");
    raml_buf_json_string(b, raml_date_precision_name(d->precision));
    raml_buf_puts(b, ",\"method\":");
    raml_buf_json_string(b, raml_date_method_name(d->method));
    raml_buf_putc(b, '}');

    raml_buf_puts(b, ",\"fatalities\":{\"killed\":");
    write_count(b, &ev->killed);
    raml_buf_puts(b, ",\"injured\":");
    write_count(b, &ev->injured);
    raml_buf_puts(b, ",\"arrested\":");
    write_count(b, &ev->arrested);
    raml_buf_putc(b, '}');

    const raml_modality *md = &ev->modality;
    raml_buf_puts(b, ",\"modality\":{\"polarity\":");
    raml_buf_json_string(b, raml_polarity_name(md->polarity));
    raml_buf_puts(b, ",\"realis\":");
    raml_buf_json_string(b, raml_realis_name(md->realis));
    raml_buf_puts(b, ",\"certainty\":");
    raml_buf_json_string(b, raml_certainty_name(md->certainty));
    raml_buf_puts(b, ",\"cue\":");
    raml_write_span_json(b, &md->cue);
    raml_buf_putc(b, '}');

    const raml_attribution *at = &ev->attribution;
    raml_buf_puts(b, ",\"attribution\":");
    if (!at->present) {
        raml_buf_puts(b, "null");
    } else {
        raml_buf_puts(b, "{\"speaker\":");
        raml_write_span_json(b, &at->speaker);
        raml_buf_puts(b, ",\"speaker_actor\":");
        if (at->speaker_name || at->speaker_country[0] || at->speaker_sector[0]) {
            raml_buf_puts(b, "{\"name\":");
            str_or_null(b, at->speaker_name);
            raml_buf_puts(b, ",\"country_iso3\":");
            str_or_null(b, at->speaker_country);
            raml_buf_puts(b, ",\"sector\":");
            str_or_null(b, at->speaker_sector);
            raml_buf_putc(b, '}');
        } else {
            raml_buf_puts(b, "null");
        }
        raml_buf_puts(b, ",\"cue\":");
        raml_write_span_json(b, &at->cue);
        raml_buf_puts(b, at->is_claim_of_responsibility ? ",\"is_claim_of_responsibility\":true}"
                                                        : ",\"is_claim_of_responsibility\":false}");
    }

    raml_buf_puts(b, ",\"links\":{\"cluster_id\":");
    str_or_null(b, ev->cluster_id);
    raml_buf_puts(b, ",\"related\":[]}");
    raml_buf_puts(b, ",\"coder\":{\"name\":\"raml\",\"version\":\"" RAML_VERSION "\",\"dictionaries\":");
    str_or_null(b, ctx->dict_version);
    raml_buf_puts(b, "}}");
}
