/* Gazetteer loading and validation, toponyms through clitics and cues, relative positions,
 * disambiguation and the event–place link. Data: tests/fixtures/geo/, and the real data
 * (RAML_DATA) for the towns named since issue #4 (real_towns). */
#include "geo/geo.h"
#include "geo/geo_int.h"
#include "harness.h"
#include "text/text.h"

#include <math.h>

static raml_wordset *guard;

static raml_text analyze(raml_arena *a, const char *s)
{
    raml_text t = {0};
    t.text = s;
    t.len = strlen(s);
    raml_tokenize(a, s, t.len, &t.tokens, &t.ntokens);
    for (size_t i = 0; i < t.ntokens; i++)
        raml_segment_token(a, &t.tokens[i], guard);
    raml_split_sentences(a, s, t.tokens, t.ntokens, 0, &t.sentences, &t.nsentences);
    return t;
}

/* One event whose trigger is the first occurrence of `trig` (in sentence `sent`). */
static raml_event mkevent(const raml_text *t, const char *trig, uint32_t sent, const char *type)
{
    raml_event ev;
    memset(&ev, 0, sizeof ev);
    const char *p = strstr(t->text, trig);
    ev.sentence_index = sent;
    ev.trigger.bstart = (uint32_t)(p - t->text);
    ev.trigger.bend = ev.trigger.bstart + (uint32_t)strlen(trig);
    ev.trigger.text = trig;
    ev.plover_type = type;
    return ev;
}

/* Locates a one-event document and returns the location. */
static raml_location loc1(const raml_gazetteer *g, raml_arena *a, const char *text,
                          const char *trig, uint32_t sent)
{
    raml_text t = analyze(a, text);
    raml_event ev = mkevent(&t, trig, sent, "ASSAULT");
    raml_error err;
    raml_status st = raml_geo_locate(g, a, &t, &ev, 1, NULL, &err);
    CHECK_INT(st, RAML_OK);
    return ev.location;
}

#define EXPECT_PLACE(text_, trig_, name_, prec_, method_)                                       \
    do {                                                                                   \
        raml_location l_ = loc1(g, &a, text_, trig_, 0);                                  \
        CHECK_MSG(l_.present, "no place in: %s", text_);                                  \
        if (l_.present) {                                                                  \
            CHECK_STR(l_.resolved_name, name_);                                           \
            CHECK_STR(raml_geo_precision_name(l_.precision), prec_);                        \
            CHECK_STR(l_.method, method_);                                                \
        }                                                                                  \
    } while (0)

static void load_errors(void)
{
    raml_gazetteer *g = NULL;
    raml_error err;
    CHECK_INT(raml_gazetteer_load("tests/fixtures/geo/bad_lat", &g, &err), RAML_ERR_INPUT);
    CHECK(strstr(err.file, "bad_lat/gazetteer.tsv") != NULL);
    CHECK(strstr(err.message, "latitude") != NULL);
    CHECK_INT(err.line, 3);
    CHECK(g == NULL);
    CHECK_INT(raml_gazetteer_load("tests/fixtures/geo/bad_cols", &g, &err), RAML_ERR_INPUT);
    CHECK(strstr(err.file, "bad_cols/gazetteer.tsv") != NULL);
    CHECK_INT(err.line, 1);
    CHECK(strstr(err.message, "expected 10 columns, found 9") != NULL);
    CHECK_INT(raml_gazetteer_load("tests/fixtures/geo/bad_feature", &g, &err), RAML_ERR_INPUT);
    CHECK(strstr(err.message, "unknown feature 'metropolis'") != NULL);
    CHECK_INT(raml_gazetteer_load("tests/fixtures/geo/missing", &g, &err), RAML_ERR_INPUT);
    CHECK(strstr(err.message, "gazetteer.tsv") != NULL);
    CHECK_INT(raml_gazetteer_load("tests/fixtures/geo/bad_stoplist", &g, &err), RAML_ERR_INPUT);
    CHECK(strstr(err.file, "bad_stoplist/place_stoplist.tsv") != NULL);
    CHECK_INT(err.line, 4);
    CHECK(strstr(err.message, "unknown tier 'sometimes'") != NULL);
    CHECK(g == NULL);
}

/* Issue #4, with the real data (RAML_DATA): towns of 10,000+ in the region that had no Arabic
 * name until tools/gazetteer/ar_overrides.tsv gave them one resolve by that name to the right
 * country and point; and the everyday words a careless name would turn into a place do not
 * (بأنه = Bāneh, إبادة = Ābādeh, باراك cut into ب + أراك = Arāk: those names were left out). */
typedef struct town {
    const char *text, *trigger, *name_en, *iso3;
    double lat, lon;
} town;

static void real_towns(void)
{
    const char *data = getenv("RAML_DATA");
    if (!data) {
        printf("RAML_DATA absent: real-gazetteer towns skipped\n");
        return;
    }
    raml_gazetteer *g = NULL;
    raml_error err;
    CHECK_INT(raml_gazetteer_load(data, &g, &err), RAML_OK);
    if (!g) {
        fprintf(stderr, "%s\n", err.message);
        return;
    }
    /* The guard the pipeline uses: hunspell words plus every place name. */
    raml_wordset *fixture_guard = guard;
    guard = raml_wordset_new();
    char path[1024];
    snprintf(path, sizeof path, "%s/words.tsv", data);
    CHECK(raml_wordset_load_tsv(guard, path, &err));
    CHECK(raml_gazetteer_add_guard_words(g, guard));
    raml_arena a;
    raml_arena_init(&a, 1 << 16);

    static const town towns[] = {
        {"اعتقلت الشرطة عشرة أشخاص في سروج.", "اعتقلت", "Suruç", "TUR", 36.976, 38.425},
        {"انفجرت سيارة مفخخة في شانلي أورفا.", "انفجرت", "Şanlıurfa", "TUR", 37.167, 38.794},
        {"خرجت مظاهرات في مدينة كرج أمس.", "خرجت", "Karaj", "IRN", 35.833, 50.992},
        {"اندلعت احتجاجات في مهاباد.", "اندلعت", "Mahābād", "IRN", 36.763, 45.722},
        {"هاجم مسلحون مدرسة في دابتشي.", "هاجم", "Dapchi", "NGA", 12.495, 11.500},
        {"اختطف مسلحون طلابا في غوساو.", "اختطف", "Gusau", "NGA", 12.170, 6.664},
        {"احتج السكان في خميس الخشنة.", "احتج", "Khemis el Khechna", "DZA", 36.650, 3.331},
        {"قصفت طائرات مسيرة مدينة ميكيلي.", "قصفت", "Mek'ele", "ETH", 13.497, 39.475},
        {"اندلعت اشتباكات في غوندار.", "اندلعت", "Gondar", "ETH", 12.600, 37.467},
        {"سقطت صواريخ على سديروت.", "سقطت", "Sederot", "ISR", 31.525, 34.597},
        {"سقطت صواريخ على كريات شمونة.", "سقطت", "Qiryat Shemona", "ISR", 33.207, 35.572},
        /* Names that are also words (data/place_stoplist.tsv, need_cue): places after a cue. */
        {"اعتقلت الشرطة ناشطين في بلدة دجلة.", "اعتقلت", "Dicle", "TUR", 38.366, 40.065},
        {"تجمع آلاف المحتجين في مدينة طوبى.", "تجمع", "Touba", "SEN", 14.850, -15.883},
        {"خرجت مظاهرات في مدينة أراك.", "خرجت", "Arāk", "IRN", 34.095, 49.698},
        {"قتل شرطي في هجوم بمدينة بانه.", "قتل", "Bāneh", "IRN", 35.998, 45.885},
        /* a stop-list name of two words: a person's name outside a cue */
        {"اعتقلت الشرطة عشرة أشخاص في بلدة إمام أوغلو.", "اعتقلت", "İmamoğlu", "TUR", 37.265,
         35.657},
        /* City quarters (data/gazetteer_supplement.tsv), named without their city. */
        {"قتل أربعة أشخاص في انفجار عبوة في الأعظمية.", "قتل", "Adhamiyah", "IRQ", 33.37, 44.36},
        {"سقطت قذائف على حي الشجاعية فجرا.", "سقطت", "Shujaiya", "PSE", 31.50, 34.49},
        {"اندلعت اشتباكات عنيفة في باب التبانة.", "اندلعت", "Bab al-Tabbaneh", "LBN", 34.44, 35.84},
        /* Afghanistan and Pakistan: towns (tools/gazetteer/ar_overrides.tsv) and regions
         * (the supplement) of the wars there */
        {"فجر انتحاري نفسه قرب مركز للشرطة في ديرة إسماعيل خان.", "فجر", "Dera Ismail Khan", "PAK", 31.83,
         70.90},
        {"قتل ثلاثة جنود بريطانيين في انفجار لغم قرب لشكر كاه.", "قتل", "Lashkar Gāh", "AFG", 31.59, 64.37},
        {"قصفت طائرة مسيرة منزلا في شمال وزيرستان.", "قصفت", "North Waziristan", "PAK", 32.98, 70.10},
        /* 'right flank' of an army is Maymana only after a place word */
        {"هاجم مسلحون نقطة تفتيش في مدينة ميمنة.", "هاجم", "Maymana", "AFG", 35.92, 64.78},
        /* a quarter whose name is a word (الدورة 'the session') after its cue */
        {"انفجرت عبوة ناسفة في حي الدورة.", "انفجرت", "Dora", "IRQ", 33.25, 44.40},
        /* أوفا alone is Ufa, Russia (the larger); the country named after it decides. */
        {"هاجم مسلحون مركزا للشرطة في مدينة أوفا في نيجيريا.", "هاجم", "Offa", "NGA", 8.149,
         4.721},
    };
    for (size_t i = 0; i < sizeof towns / sizeof *towns; i++) {
        const town *w = &towns[i];
        raml_location l = loc1(g, &a, w->text, w->trigger, 0);
        CHECK_MSG(l.present, "no place in: %s", w->text);
        if (!l.present)
            continue;
        CHECK_STR(l.resolved_name, w->name_en);
        CHECK_STR(l.country, w->iso3);
        CHECK_MSG(fabs(l.lat - w->lat) < 0.05 && fabs(l.lon - w->lon) < 0.05,
                  "%s at %.3f,%.3f, expected %.3f,%.3f", w->name_en, l.lat, l.lon, w->lat, w->lon);
    }
    CHECK(!loc1(g, &a, "وصف المتحدث الهجوم بأنه عمل إرهابي.", "الهجوم", 0).present);
    CHECK(!loc1(g, &a, "أدان باراك أوباما جرائم الإبادة الجماعية.", "أدان", 0).present);
    CHECK(!loc1(g, &a, "قتل مسلحون جنديين ودمروا آلية ثم دمرته الطائرات.", "قتل", 0).present);
    /* ...and the same words in prose are not places. */
    CHECK(!loc1(g, &a, "هدد المسلحون الرهائن بالموت ثم أطلقوا النار.", "أطلقوا", 0).present);
    CHECK(!loc1(g, &a, "قصفت الطائرات خط أنابيب الغاز ليلا.", "قصفت", 0).present);
    CHECK(!loc1(g, &a, "اتهم البيان الجيش بارتكاب إبادة جماعية.", "اتهم", 0).present);
    CHECK(!loc1(g, &a, "قال المتحدث أنه يأمل أن يتوقف القتال.", "يتوقف", 0).present);
    CHECK(!loc1(g, &a, "هاجم مستوطنون يهود مزارعين.", "هاجم", 0).present);
    CHECK(!loc1(g, &a, "افتتح الرئيس الدورة البرلمانية الجديدة وسط خلافات.", "خلافات", 0).present);
    CHECK(!loc1(g, &a, "ندد المتحدث بحدة بالهجوم على الشعب.", "الهجوم", 0).present);
    CHECK(!loc1(g, &a, "تقدمت ميمنة الجيش نحو التلال ليلا.", "تقدمت", 0).present);
    /* a capital naming an agreement or a summit is not where the event happens */
    CHECK(!loc1(g, &a, "اعتقلت الشرطة عشرة معارضين لاتفاق أبوجا.", "اعتقلت", 0).present);
    CHECK(loc1(g, &a, "اعتقلت الشرطة عشرة معارضين في أبوجا.", "اعتقلت", 0).present);
    CHECK(!loc1(g, &a, "اعتقلت الشرطة أنصار إمام أوغلو في إسطنبول.", "اعتقلت", 0).present ||
          strcmp(loc1(g, &a, "اعتقلت الشرطة أنصار إمام أوغلو في إسطنبول.", "اعتقلت", 0).resolved_name,
                 "İmamoğlu") != 0);

    raml_arena_free(&a);
    raml_wordset_free(guard);
    guard = fixture_guard;
    raml_gazetteer_free(g);
}

int main(void)
{
    load_errors();
    real_towns();
    raml_gazetteer *g = NULL;
    raml_error err;
    CHECK_INT(raml_gazetteer_load("tests/fixtures/geo/data", &g, &err), RAML_OK);
    if (!g) {
        fprintf(stderr, "%s\n", err.message);
        return harness_finish("geo");
    }
    CHECK_INT(raml_gazetteer_size(g), 23);
    guard = raml_wordset_new();
    CHECK(raml_gazetteer_add_guard_words(g, guard));
    raml_arena a;
    raml_arena_init(&a, 1 << 16);

    /* Clitics and prefixes. */
    EXPECT_PLACE("قصفت الطائرات سرت أمس.", "قصفت", "Sirte", "town", "clause");
    EXPECT_PLACE("قصفت الطائرات بمدينة سرت أمس.", "قصفت", "Sirte", "town", "clause");
    EXPECT_PLACE("وصلت التعزيزات لسرت أمس.", "وصلت", "Sirte", "town", "clause");
    EXPECT_PLACE("اندلعت اشتباكات في مصراتة وبنغازي.", "اندلعت", "Misratah", "town", "clause");
    EXPECT_PLACE("اندلعت اشتباكات وبنغازي تحت الحصار.", "اندلعت", "Benghazi", "town", "clause");
    /* Multi-word names, with and without the article on the text side. */
    EXPECT_PLACE("هاجم مسلحون بني وليد ليلا.", "هاجم", "Bani Walid", "town", "clause");
    EXPECT_PLACE("قصف الطيران ودير الزور تحت النار.", "قصف", "Deir ez-Zor", "town", "clause");
    EXPECT_PLACE("انتشر الجيش بالجبل الأخضر.", "انتشر", "Jebel Akhdar", "sub_country_region",
                 "clause");
    /* Cues set the feature: an air base, a governorate vs the city of the same name. */
    EXPECT_PLACE("قصفت طائرات مسيرة قاعدة الجفرة.", "قصفت", "Al Jufra Air Base", "point", "clause");
    EXPECT_PLACE("قصفت الطائرات محافظة إدلب.", "قصفت", "Idlib Governorate", "admin1", "clause");
    EXPECT_PLACE("قصفت الطائرات مدينة إدلب.", "قصفت", "Idlib", "town", "clause");
    /* Relative positions. */
    EXPECT_PLACE("سقطت قذائف شمال سرت.", "سقطت", "Sirte", "near_town", "clause");
    EXPECT_PLACE("تقدمت القوات جنوب ليبيا.", "تقدمت", "Libya", "sub_country_region", "clause");
    EXPECT_PLACE("قصفت الطائرات ريف إدلب الجنوبي.", "قصفت", "Idlib", "admin2", "clause");
    {
        raml_location l = loc1(g, &a, "وصل الوفد إلى سرت. وانفجرت عبوة 160 كيلومترا غرب المدينة.",
                               "انفجرت", 1);
        CHECK(l.present);
        if (l.present) {
            CHECK_STR(l.resolved_name, "Sirte");
            CHECK_STR(raml_geo_precision_name(l.precision), "near_town");
            CHECK_STR(l.span.text, "المدينة");
        }
    }
    /* Disambiguation: Tripoli goes with the document's country. */
    EXPECT_PLACE("اشتباكات في طرابلس.", "اشتباكات", "Tripoli", "town", "clause");
    EXPECT_PLACE("اشتباكات في طرابلس. وتوتر في بيروت ولبنان.", "اشتباكات", "Tripoli (Lebanon)",
                 "town", "clause");
    EXPECT_PLACE("اشتباكات في البيضاء. وغارات على اليمن.", "اشتباكات", "Al Bayda (Yemen)", "town",
                 "clause");
    EXPECT_PLACE("اشتباكات في البيضاء.", "اشتباكات", "Al Bayda (Libya)", "town", "clause");
    /* The place the writer names right after it outweighs the document's country. */
    EXPECT_PLACE("اشتباكات في طرابلس شمال لبنان بعد معارك في سرت وبنغازي ومصراتة.", "اشتباكات",
                 "Tripoli (Lebanon)", "town", "clause");
    EXPECT_PLACE("اشتباكات في طرابلس، لبنان، بعد معارك في سرت وبنغازي.", "اشتباكات",
                 "Tripoli (Lebanon)", "town", "clause");
    /* ...and so does a country adjective after the name (the lexicon registers demonyms). */
    CHECK(raml_gazetteer_add_adjective(g, "لبناني", "LBN"));
    CHECK(raml_gazetteer_add_adjective(g, "لبنانية", "LBN"));
    EXPECT_PLACE("اشتباكات في طرابلس اللبنانية بعد معارك في سرت وبنغازي ومصراتة.", "اشتباكات",
                 "Tripoli (Lebanon)", "town", "clause");
    EXPECT_PLACE("اشتباكات في طرابلس بعد معارك في سرت وبنغازي ومصراتة.", "اشتباكات", "Tripoli",
                 "town", "clause");
    {
        /* Actors' countries vote too. */
        raml_text t = analyze(&a, "اشتباكات في البيضاء.");
        raml_event ev = mkevent(&t, "اشتباكات", 0, "ASSAULT");
        ev.nactors = 1;
        memcpy(ev.actors[0].country, "YEM", 4);
        raml_geo_locate(g, &a, &t, &ev, 1, NULL, &err);
        CHECK_STR(ev.location.resolved_name, "Al Bayda (Yemen)");
        CHECK_STR(ev.location.country, "YEM");
    }
    /* Stop-list: المدينة "the city" is not Medina without a cue; الباب needs a preposition. */
    CHECK(!loc1(g, &a, "دخل المسلحون المدينة ليلا.", "دخل", 0).present);
    EXPECT_PLACE("زار الوفد مدينة المدينة.", "زار", "Medina", "town", "clause");
    CHECK(!loc1(g, &a, "أغلق المسلحون الباب بقوة.", "أغلق", 0).present);
    EXPECT_PLACE("اشتباكات عنيفة في الباب.", "اشتباكات", "Al Bab", "town", "clause");
    CHECK(!loc1(g, &a, "قال لي المسؤول ذلك.", "قال", 0).present);
    /* Link methods: clause vs sentence vs document focus; the dateline wins the focus. */
    EXPECT_PLACE("في بنغازي، قصفت الطائرات مواقع.", "قصفت", "Benghazi", "town", "sentence");
    {
        const char *doc = "مصراتة - 12 يوليو\nوصل الوفد إلى سرت ثم إلى سرت. واندلعت اشتباكات عنيفة.";
        raml_text t = analyze(&a, doc);
        CHECK(t.nsentences >= 2);
        raml_event ev = mkevent(&t, "اندلعت", (uint32_t)t.nsentences - 1, "ASSAULT");
        raml_geo_locate(g, &a, &t, &ev, 1, NULL, &err);
        CHECK(ev.location.present);
        CHECK_STR(ev.location.resolved_name, "Misratah");
        CHECK_STR(ev.location.method, "document_focus");
    }
    {
        const char *doc = "وصل الوفد إلى سرت ثم إلى سرت وبنغازي. واندلعت اشتباكات عنيفة.";
        raml_text t = analyze(&a, doc);
        raml_event ev = mkevent(&t, "اندلعت", (uint32_t)t.nsentences - 1, "ASSAULT");
        raml_geo_locate(g, &a, &t, &ev, 1, NULL, &err);
        CHECK_STR(ev.location.resolved_name, "Sirte");
        CHECK_STR(ev.location.method, "document_focus");
    }
    {
        /* Two events, two clauses, two places; spans point at the name in the text. */
        const char *doc = "قصفت الطائرات سرت، واندلعت اشتباكات في بنغازي.";
        raml_text t = analyze(&a, doc);
        raml_event ev[2] = {mkevent(&t, "قصفت", 0, "ASSAULT"), mkevent(&t, "اندلعت", 0, "ASSAULT")};
        raml_geo_locate(g, &a, &t, ev, 2, NULL, &err);
        CHECK_STR(ev[0].location.resolved_name, "Sirte");
        CHECK_STR(ev[1].location.resolved_name, "Benghazi");
        CHECK_STR(ev[1].location.span.text, "بنغازي");
        CHECK_INT(ev[1].location.span.bend - ev[1].location.span.bstart, strlen("بنغازي"));
        CHECK_STR(ev[1].location.name_ar, "بنغازي");
        CHECK_STR(ev[1].location.country, "LBY");
        CHECK_STR(ev[1].location.admin1, "Banghazi");
        CHECK(ev[1].location.lat > 32.0 && ev[1].location.lat < 32.2);
    }
    CHECK(!loc1(g, &a, "اندلعت اشتباكات عنيفة.", "اندلعت", 0).present);

    raml_arena_free(&a);
    raml_wordset_free(guard);
    raml_gazetteer_free(g);
    return harness_finish("geo");
}
