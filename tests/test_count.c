/* Casualty figures: each cue pattern, qualifiers, exclusions and attachment to the right
 * event. Numbers are digits here (no numbers.tsv: nw == NULL path); number words are tested
 * end to end once the text layer's raml_number_at is in. */
#include "count/count.h"
#include "count/cues.h"
#include "harness.h"
#include "text_fixture.h"
#include "text/text.h"

static raml_arena a;
static raml_casualties *CS; /* data/casualties.tsv */

static raml_text analyze(const char *s) { return fixture_analyze(&a, s, NULL); }

static raml_event mkevent(const raml_text *t, const char *trig, const char *type)
{
    raml_event ev;
    memset(&ev, 0, sizeof ev);
    const char *p = strstr(t->text, trig);
    ev.trigger.bstart = (uint32_t)(p - t->text);
    ev.trigger.bend = ev.trigger.bstart + (uint32_t)strlen(trig);
    ev.plover_type = type;
    return ev;
}

static raml_event one(const char *s, const char *trig)
{
    raml_text t = analyze(s);
    raml_event ev = mkevent(&t, trig, "ASSAULT");
    raml_error err;
    CHECK_INT(raml_count_casualties(CS, NULL, &a, &t, &ev, 1, NULL, &err), RAML_OK);
    return ev;
}

/* A malformed row names file and line; a missing file is an empty table when allowed. */
static void load_errors(void)
{
    raml_casualties *cs = NULL;
    raml_error err;
    bool missing = false;
    CHECK_INT(raml_casualties_load("tests/fixtures/geo/bad_casualties", &cs, &missing, &err),
              RAML_ERR_INPUT);
    CHECK(cs == NULL);
    CHECK(strstr(err.file, "bad_casualties/casualties.tsv") != NULL);
    CHECK_INT(err.line, 4);
    CHECK(strstr(err.message, "implied") != NULL);
    CHECK_INT(raml_casualties_load("tests/fixtures/geo/data", &cs, &missing, &err), RAML_OK);
    CHECK(missing && cs && raml_casualties_size(cs) == 0);
    raml_casualties_free(cs);
    CHECK_INT(raml_casualties_load("tests/fixtures/geo/data", &cs, NULL, &err), RAML_ERR_INPUT);
}

#define EXPECT_COUNT(field_, n_, q_)                                                        \
    do {                                                                                    \
        CHECK(field_.present);                                                              \
        CHECK_INT(field_.count, n_);                                                        \
        CHECK_STR(raml_qualifier_name(field_.qualifier), q_);                               \
    } while (0)

int main(void)
{
    raml_arena_init(&a, 1 << 16);
    load_errors();
    const char *data = getenv("RAML_DATA");
    raml_error err0;
    bool missing = false;
    CHECK_INT(raml_casualties_load(data ? data : "data", &CS, &missing, &err0), RAML_OK);
    CHECK(!missing && raml_casualties_size(CS) > 30);
    if (!CS)
        return harness_finish("count");
    /* Every form is stored folded, as the text layer folds it. */
    for (int i = 0; i < CS->n; i++) {
        char buf[64];
        size_t n = raml_fold(CS->cues[i].plain, strlen(CS->cues[i].plain), buf, sizeof buf - 1, NULL);
        buf[n] = '\0';
        CHECK_MSG(strcmp(buf, CS->cues[i].folded) == 0, "cue %s folds to %s, table has %s",
                  CS->cues[i].plain, buf, CS->cues[i].folded);
    }
    raml_event ev;
    /* One sentence per class of casualties.tsv: head, noun, plural, gap, implied, token match,
     * and a form with two rows (head and gap). */
    ev = one("فتح المسلحون النار وقتلوا 14 جنديا.", "فتح");
    EXPECT_COUNT(ev.killed, 14, "exact");
    ev = one("قالت الوزارة إن 6 أشخاص قتلوا في الانفجار.", "الانفجار");
    EXPECT_COUNT(ev.killed, 6, "exact");
    ev = one("أعلن الجيش أنه قتلت وحداته 9 مسلحين.", "أعلن");
    CHECK(!ev.killed.present || ev.killed.count == 9);
    ev = one("أسفر الانفجار عن جريحين.", "الانفجار");
    EXPECT_COUNT(ev.injured, 2, "exact");
    ev = one("شنت الشرطة حملة أسفرت عن 25 معتقلا.", "حملة");
    EXPECT_COUNT(ev.arrested, 25, "exact");
    ev = one("أسفرت الاشتباكات عن سقوط جرحى.", "الاشتباكات");
    EXPECT_COUNT(ev.injured, -1, "unspecified");
    /* Without a table nothing is read. */
    {
        raml_text t = analyze("قتل 12 شخصا.");
        raml_event e1 = mkevent(&t, "قتل", "ASSAULT");
        raml_error err;
        CHECK_INT(raml_count_casualties(NULL, NULL, &a, &t, &e1, 1, NULL, &err), RAML_OK);
        CHECK(!e1.killed.present);
    }
    ev = one("قتل 12 شخصا وأصيب 20 آخرون في الهجوم.", "قتل");
    EXPECT_COUNT(ev.killed, 12, "exact");
    EXPECT_COUNT(ev.injured, 20, "exact");
    CHECK_STR(ev.killed.span.text, "قتل 12");
    CHECK(!ev.arrested.present);
    ev = one("أسفر القصف عن مقتل 7 مدنيين.", "القصف");
    EXPECT_COUNT(ev.killed, 7, "exact");
    ev = one("أسفر القصف عن 9 قتلى و4 جرحى.", "القصف");
    EXPECT_COUNT(ev.killed, 9, "exact");
    EXPECT_COUNT(ev.injured, 4, "exact");
    ev = one("أسفر القصف عن 15 قتيلا على الأقل.", "القصف");
    EXPECT_COUNT(ev.killed, 15, "at_least");
    CHECK_INT(ev.killed.low, 15);
    CHECK_STR(ev.killed.span.text, "15 قتيلا على الأقل");
    ev = one("قتل 8 جنود على الأقل في الكمين.", "قتل");
    EXPECT_COUNT(ev.killed, 8, "at_least");
    CHECK_STR(ev.killed.span.text, "قتل 8 جنود على الأقل");
    ev = one("لقي 6 أشخاص حتفهم في الانفجار.", "الانفجار");
    EXPECT_COUNT(ev.killed, 6, "exact");
    ev = one("أودى الانفجار بحياة 11 شخصا.", "الانفجار");
    EXPECT_COUNT(ev.killed, 11, "exact");
    ev = one("أسفر الهجوم عن سقوط قتلى وجرحى.", "الهجوم");
    EXPECT_COUNT(ev.killed, -1, "unspecified");
    EXPECT_COUNT(ev.injured, -1, "unspecified");
    CHECK_INT(ev.killed.low, -1);
    ev = one("أسفر الهجوم عن قتيلين.", "الهجوم");
    EXPECT_COUNT(ev.killed, 2, "exact");
    ev = one("أصيب 3 جنود في الهجوم.", "الهجوم");
    EXPECT_COUNT(ev.injured, 3, "exact");
    ev = one("انفجرت عبوة على بعد 160 كيلومترا من المدينة.", "انفجرت");
    CHECK(!ev.killed.present && !ev.injured.present);
    ev = one("قتل 20000000 شخص.", "قتل"); /* above 10 million: not a figure */
    CHECK(!ev.killed.present);
    /* verb: the figure after the verb's subject, qualifiers kept, never through a
     * preposition or time word, and only when a counted noun follows. */
    ev = one("واعتقلت قوات الأمن 40 متظاهرا في وسط العاصمة.", "واعتقلت");
    EXPECT_COUNT(ev.arrested, 40, "exact");
    CHECK_STR(ev.arrested.span.text, "واعتقلت قوات الأمن 40");
    ev = one("قتلت القوات الحكومية 14 مسلحا على الأقل في المعارك.", "قتلت");
    EXPECT_COUNT(ev.killed, 14, "at_least");
    ev = one("ألقت الشرطة القبض على 9 أشخاص بعد المواجهات.", "ألقت");
    EXPECT_COUNT(ev.arrested, 9, "exact");
    ev = one("اعتقلت الشرطة الناشط في 12 مارس.", "اعتقلت");
    CHECK(!ev.arrested.present);
    ev = one("اعتقلت الشرطة منذ 3 أيام صحفيا.", "اعتقلت");
    CHECK(!ev.arrested.present);
    ev = one("قتلت المجموعة المسلحة في الهجوم الذي وقع 2019.", "قتلت");
    CHECK(!ev.killed.present);
    ev = one("اعتقل الجنود الخمسة الذين فروا يوم 7.", "اعتقل");
    CHECK(!ev.arrested.present);
    ev = one("وقال المسعفون إن 4 أشخاص قتلوا وأصيب 11 آخرون في القصف.", "القصف");
    EXPECT_COUNT(ev.killed, 4, "exact");
    EXPECT_COUNT(ev.injured, 11, "exact");
    /* Arrests go to the COERCE event, deaths to the ASSAULT event of the same sentence. */
    {
        raml_text t = analyze("داهمت الشرطة الحي واعتقلت 30 شخصا بعد هجوم أسفر عن مقتل 4 جنود.");
        raml_event evs[2] = {mkevent(&t, "داهمت", "COERCE"), mkevent(&t, "هجوم", "ASSAULT")};
        raml_error err;
        raml_count_casualties(CS, NULL, &a, &t, evs, 2, NULL, &err);
        CHECK(!evs[0].killed.present);
        EXPECT_COUNT(evs[1].killed, 4, "exact");
        CHECK(!evs[1].arrested.present);
    }
    {
        raml_text t = analyze("قصفت الطائرات القرية وقتل 5 أشخاص، وشنت القوات حملة اعتقال 12 شخصا.");
        raml_event evs[2] = {mkevent(&t, "قصفت", "ASSAULT"), mkevent(&t, "حملة", "COERCE")};
        raml_error err;
        raml_count_casualties(CS, NULL, &a, &t, evs, 2, NULL, &err);
        EXPECT_COUNT(evs[0].killed, 5, "exact");
        EXPECT_COUNT(evs[1].arrested, 12, "exact");
    }
    raml_arena_free(&a);
    raml_casualties_free(CS);
    return harness_finish("count");
}
