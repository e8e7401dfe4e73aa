/*
 * fixture_db PATH NEVENTS [SEED] — a raml store filled with synthetic but well-formed events,
 * through the store API, for the page tests and the 1-million-event API benchmark when the
 * coder cannot (yet) produce that many. Each document is a few Arabic sentences built from
 * templates; every event's spans (actor, trigger, place, date, killed) point at the real
 * words, so the evidence panel can be checked. Every fifth event is re-reported by a second
 * "publisher" with a different death toll, so dedup forms clusters with conflicting claims.
 *
 * Built by tests/browser/run.sh against the libraml.a of a build directory.
 */
#include "raml.h"
#include "store/store.h"
#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct city {
    const char *en, *ar, *iso, *admin1;
    double lat, lon;
} city;

static const city cities[] = {
    {"Derna", "درنة", "LBY", "Derna", 32.767, 22.637},
    {"Benghazi", "بنغازي", "LBY", "Benghazi", 32.117, 20.067},
    {"Sirte", "سرت", "LBY", "Sirte", 31.205, 16.588},
    {"Tripoli", "طرابلس", "LBY", "Tripoli", 32.887, 13.191},
    {"Misrata", "مصراتة", "LBY", "Misrata", 32.375, 15.092},
    {"Idlib", "إدلب", "SYR", "Idlib", 35.930, 36.633},
    {"Aleppo", "حلب", "SYR", "Aleppo", 36.202, 37.158},
    {"Deir ez-Zor", "دير الزور", "SYR", "Deir ez-Zor", 35.336, 40.141},
    {"Mosul", "الموصل", "IRQ", "Nineveh", 36.340, 43.130},
    {"Baghdad", "بغداد", "IRQ", "Baghdad", 33.315, 44.366},
    {"Hodeidah", "الحديدة", "YEM", "Al Hudaydah", 14.798, 42.954},
    {"Marib", "مأرب", "YEM", "Marib", 15.462, 45.325},
    {"Aden", "عدن", "YEM", "Aden", 12.786, 45.019},
    {"Khartoum", "الخرطوم", "SDN", "Khartoum", 15.501, 32.560},
    {"El Fasher", "الفاشر", "SDN", "North Darfur", 13.628, 25.350},
    {"Mogadishu", "مقديشو", "SOM", "Banaadir", 2.046, 45.318},
    {"Gao", "غاو", "MLI", "Gao", 16.272, -0.044},
    {"Niamey", "نيامي", "NER", "Niamey", 13.512, 2.112},
    {"Gaza", "غزة", "PSE", "Gaza", 31.502, 34.467},
    {"Beirut", "بيروت", "LBN", "Beirut", 33.889, 35.495},
    {"Arish", "العريش", "EGY", "North Sinai", 31.131, 33.798},
    {"Tunis", "تونس", "TUN", "Tunis", 36.806, 10.181},
    {"Algiers", "الجزائر", "DZA", "Algiers", 36.753, 3.059},
};
#define NCITIES (sizeof cities / sizeof *cities)

typedef struct kind {
    const char *type, *cameo, *trigger_ar, *victims_ar;
    int quad;
    double goldstein;
    bool deadly;
} kind;

static const kind kinds[] = {
    {"ASSAULT", "195", "شن غارة جوية على", "أشخاص", 4, -10, true},
    {"ASSAULT", "190", "هاجم", "مدنيين", 4, -10, true},
    {"COERCE", "173", "اعتقل عشرات في", "", 4, -5, false},
    {"PROTEST", "141", "تظاهر أنصار", "", 3, -6.5, false},
    {"MOBILIZE", "154", "حشد قوات قرب", "", 4, -7.2, false},
    {"THREATEN", "138", "هدد باقتحام", "", 3, -7, false},
    {"ACCUSE", "112", "اتهم مسلحين في", "", 3, -2, false},
    {"AID", "073", "أرسل مساعدات إلى", "", 2, 7.4, false},
    {"AGREE", "057", "وقع اتفاقا في", "", 1, 8, false},
};
#define NKINDS (sizeof kinds / sizeof *kinds)

typedef struct actor {
    const char *en, *ar, *iso, *sector;
} actor;

static const actor actors[] = {
    {"Libyan National Army", "الجيش الوطني الليبي", "LBY", "MIL"},
    {"Syrian Army", "الجيش السوري", "SYR", "MIL"},
    {"Iraqi Security Forces", "القوات العراقية", "IRQ", "COP"},
    {"Saudi-led Coalition", "التحالف العربي", "SAU", "MIL"},
    {"Rapid Support Forces", "قوات الدعم السريع", "SDN", "REB"},
    {"Al-Shabaab", "حركة الشباب", "SOM", "REB"},
    {"Islamic State", "تنظيم الدولة", "IMG", "REB"},
    {"Israeli Army", "الجيش الإسرائيلي", "ISR", "MIL"},
};
#define NACTORS (sizeof actors / sizeof *actors)

static unsigned long long rng_state;
static unsigned rnd(unsigned n)
{
    rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (unsigned)((rng_state >> 33) % n);
}

/* Appends s to the text and returns its span (code points and bytes). */
static raml_span put(raml_buf *t, uint32_t *cp, const char *s, bool keep)
{
    raml_span sp = {0};
    sp.bstart = (uint32_t)t->len;
    sp.start = *cp;
    raml_buf_puts(t, s);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if ((*p & 0xC0) != 0x80)
            (*cp)++;
    sp.bend = (uint32_t)t->len;
    sp.end = *cp;
    sp.text = keep ? s : NULL;
    return sp;
}

#define EVENTS_PER_DOC 10

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: fixture_db PATH NEVENTS [SEED]\n");
        return 1;
    }
    unsigned long total = strtoul(argv[2], NULL, 10);
    rng_state = argc > 3 ? strtoull(argv[3], NULL, 10) : 42;
    raml_store *st = NULL;
    raml_error err;
    raml_error_clear(&err);
    if (raml_store_open(argv[1], false, &st, &err) != RAML_OK) {
        fprintf(stderr, "fixture_db: %s\n", err.message);
        return 3;
    }
    static char datebuf[EVENTS_PER_DOC][11], killbuf[EVENTS_PER_DOC][16];
    raml_event evs[EVENTS_PER_DOC];
    const raml_event *evp[EVENTS_PER_DOC];
    unsigned long made = 0, ndoc = 0;
    raml_buf text;
    raml_buf_init(&text);
    if (raml_store_begin(st, &err) != RAML_OK)
        goto fail;
    while (made < total) {
        /* Pairs of documents: the second re-reports some events of the first. */
        unsigned base_seed = rnd(1u << 30);
        for (int copy = 0; copy < 2 && made < total; copy++) {
            unsigned long long saved = rng_state;
            rng_state = base_seed;
            raml_buf_clear(&text);
            uint32_t cp = 0;
            size_t n = 0;
            char id[64], title[96], pub_date[11];
            snprintf(id, sizeof id, "fx%07lu", ndoc);
            int year = 2016 + (int)rnd(5), month = 1 + (int)rnd(12);
            for (size_t i = 0; i < EVENTS_PER_DOC && made < total; i++) {
                /* Every draw happens for every event, skipped or not, so that both copies
                 * of a document see the same sequence. */
                const city *c = &cities[rnd(NCITIES)];
                const kind *k = &kinds[rnd(NKINDS)];
                const actor *a = &actors[rnd(NACTORS)];
                int day = 1 + (int)rnd(28);
                long killed = k->deadly ? (long)rnd(40) + 1 : -1;
                long extra = 1 + (long)rnd(5);
                double dlat = (rnd(2001) - 1000.0) / 4000.0, dlon = (rnd(2001) - 1000.0) / 4000.0;
                bool reported_twice = i % 5 == 0;
                if (copy == 1 && !reported_twice)
                    continue;
                if (copy == 1 && killed > 0)
                    killed += extra; /* the second source counts differently */
                raml_event *e = &evs[n];
                memset(e, 0, sizeof *e);
                e->sentence_index = (uint32_t)n;
                e->sentence.start = cp;
                e->sentence.bstart = (uint32_t)text.len;
                raml_span asp = put(&text, &cp, a->ar, true);
                put(&text, &cp, " ", false);
                raml_span tsp = put(&text, &cp, k->trigger_ar, true);
                put(&text, &cp, " ", false);
                raml_span csp = put(&text, &cp, c->ar, true);
                put(&text, &cp, " يوم ", false);
                snprintf(datebuf[n], sizeof datebuf[n], "%04d-%02d-%02d", year, month, day);
                raml_span dsp = put(&text, &cp, datebuf[n], true);
                raml_span ksp = {0};
                if (killed > 0) {
                    put(&text, &cp, "، مما أدى إلى مقتل ", false);
                    snprintf(killbuf[n], sizeof killbuf[n], "%ld", killed);
                    ksp = put(&text, &cp, killbuf[n], true);
                    put(&text, &cp, " ", false);
                    put(&text, &cp, k->victims_ar, false);
                }
                put(&text, &cp, ".", false);
                e->sentence.end = cp;
                e->sentence.bend = (uint32_t)text.len;
                put(&text, &cp, " ", false);
                e->trigger = tsp;
                e->plover_type = k->type;
                snprintf(e->cameo, sizeof e->cameo, "%s", k->cameo);
                e->quad_class = k->quad;
                e->goldstein = k->goldstein;
                e->plover_score = 0.8;
                e->confidence = 0.9;
                e->rule_ids[0] = "fixture";
                e->nrules = 1;
                raml_actor *ac = &e->actors[e->nactors++];
                ac->role = RAML_ROLE_ACTOR;
                ac->span = asp;
                ac->name = a->en;
                ac->name_ar = a->ar;
                snprintf(ac->country, sizeof ac->country, "%s", a->iso);
                snprintf(ac->sector, sizeof ac->sector, "%s", a->sector);
                snprintf(ac->sectors[0], sizeof ac->sectors[0], "%s", a->sector);
                ac->nsectors = 1;
                snprintf(ac->cameo, sizeof ac->cameo, "%s%s", a->iso, a->sector);
                e->location.present = true;
                e->location.span = csp;
                e->location.resolved_name = c->en;
                e->location.name_ar = c->ar;
                snprintf(e->location.country, sizeof e->location.country, "%s", c->iso);
                e->location.admin1 = c->admin1;
                /* Scatter around the town so dense areas really are dense. */
                e->location.lat = c->lat + dlat;
                e->location.lon = c->lon + dlon;
                e->location.precision = RAML_GEO_TOWN;
                e->location.method = "sentence";
                snprintf(e->date.value, sizeof e->date.value, "%s", datebuf[n]);
                e->date.span = dsp;
                e->date.precision = RAML_DATE_DAY;
                e->date.method = RAML_DATE_EXPLICIT;
                if (killed > 0) {
                    e->killed.present = true;
                    e->killed.count = killed;
                    e->killed.qualifier = RAML_QUAL_EXACT;
                    e->killed.low = e->killed.high = -1;
                    e->killed.span = ksp;
                }
                e->modality.polarity = RAML_POLARITY_POSITIVE;
                e->modality.realis = RAML_REALIS_ACTUAL;
                e->modality.certainty = RAML_CERTAINTY_ASSERTED;
                evp[n] = e;
                n++;
                made++;
            }
            snprintf(pub_date, sizeof pub_date, "%04d-%02d-28", year, month);
            snprintf(title, sizeof title, "تقرير ميداني %lu", ndoc);
            raml_doc_meta meta = {.id = id,
                                  .url = NULL,
                                  .publisher = copy ? "Agency B" : "Agency A",
                                  .pub_date = pub_date,
                                  .title = title};
            char hash[17];
            raml_store_hash(&meta, text.data, text.len, "fixture", hash);
            raml_store_doc d = {.meta = &meta,
                                .text = text.data,
                                .len = text.len,
                                .hash = hash,
                                .dict_version = "fixture",
                                .events = evp,
                                .nevents = n};
            raml_put_result res;
            if (raml_store_put_document(st, &d, &res, &err) != RAML_OK)
                goto fail;
            ndoc++;
            if (ndoc % 2000 == 0) {
                if (raml_store_commit(st, &err) != RAML_OK || raml_store_begin(st, &err) != RAML_OK)
                    goto fail;
                fprintf(stderr, "\rfixture_db: %lu events", made);
            }
            rng_state = saved;
            (void)rnd(7);
        }
    }
    if (raml_store_commit(st, &err) != RAML_OK)
        goto fail;
    unsigned long nclusters = 0;
    if (!getenv("FIXTURE_NO_DEDUP") && raml_store_dedup(st, NULL, NULL, &nclusters, &err) != RAML_OK)
        goto fail;
    fprintf(stderr, "\rfixture_db: %lu events in %lu documents, %lu clusters\n", made, ndoc,
            nclusters);
    raml_buf_free(&text);
    raml_store_close(st);
    return 0;
fail:
    fprintf(stderr, "fixture_db: %s\n", err.message);
    raml_buf_free(&text);
    raml_store_close(st);
    return 3;
}
