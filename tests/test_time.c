/* Document date and event dates against a fixed document date. Data: tests/fixtures/geo/. */
#include "harness.h"
#include "text_fixture.h"
#include "text/text.h"
#include "time/time.h"
#include "time/time_int.h"

static raml_wordset *guard;
static raml_timelex *tl;
static raml_arena a;

static raml_text analyze(const char *s) { return fixture_analyze(&a, s, guard); }

/* The date of a single event triggered by the text's first word, doc date 2017-06-07 (Wed). */
static raml_date date_of(const char *s, const char *doc_date)
{
    raml_text t = analyze(s);
    raml_event ev;
    memset(&ev, 0, sizeof ev);
    ev.trigger.bstart = 0;
    ev.trigger.bend = t.ntokens ? t.tokens[0].bend : 0;
    raml_error err;
    CHECK_INT(raml_time_date_events(tl, &a, &t, doc_date, &ev, 1, NULL, &err), RAML_OK);
    return ev.date;
}

#define DOC "2017-06-07"
#define EXPECT_DATE(text_, val_, prec_, meth_)                                              \
    do {                                                                                    \
        raml_date d_ = date_of(text_, DOC);                                                 \
        CHECK_MSG(strcmp(d_.value, val_) == 0, "%s: value %s, expected %s", text_, d_.value, \
                  val_);                                                                    \
        CHECK_STR(raml_date_precision_name(d_.precision), prec_);                           \
        CHECK_STR(raml_date_method_name(d_.method), meth_);                                 \
    } while (0)

/* The document date of `text` given `pub_date`, as raml_time_doc_date finds it. */
#define EXPECT_DOC_DATE(text_, pub_, want_)                                                   \
    do {                                                                                      \
        char out_[11];                                                                        \
        raml_text t_ = analyze(text_);                                                        \
        raml_time_doc_date(tl, &t_, pub_, out_);                                              \
        CHECK_STR(out_, want_);                                                               \
    } while (0)

static void doc_dates(void)
{
    EXPECT_DOC_DATE("نص", "2020-02-29", "2020-02-29");
    EXPECT_DOC_DATE("نص", "2019-02-29", ""); /* invalid pub_date: ignored */
    EXPECT_DOC_DATE("طرابلس - 12 يوليو/تموز 2020\nاندلعت اشتباكات.", NULL, "2020-07-12");
    EXPECT_DOC_DATE("الأحد 4 أبريل (نيسان) 2016\nنص الخبر.", NULL, "2016-04-04");
    EXPECT_DOC_DATE("(2017/6/4)\nنص", "", "2017-06-04");
    EXPECT_DOC_DATE("٣٠/٠٥/٢٠١٧ - وكالات\nنص", NULL, "2017-05-30");
    /* beyond the dateline zone */
    EXPECT_DOC_DATE("سطر أول\nسطر ثان\nسطر ثالث\nسطر رابع 30/05/2017", NULL, "");
    /* A bracketed full date further down is the publication/broadcast date... */
    EXPECT_DOC_DATE("عنوان التقرير\nفقرة أولى عن المعارك.\nفقرة ثانية.\nوعرضت القناة الأحد "
                    "(2019/3/10) تفاصيل الهجوم.",
                    NULL, "2019-03-10");
    /* ...but neither a half-bracketed one nor one that is not a whole day. */
    EXPECT_DOC_DATE("عنوان\nفقرة.\nفقرة.\nوقع الهجوم (في 2019/3/10 تقريبا).", NULL, "");
    EXPECT_DOC_DATE("عنوان\nفقرة.\nفقرة.\nوقعت الحرب (2011).", NULL, "");
    EXPECT_DOC_DATE("31/02/2017\nنص", NULL, "");
}

int main(void)
{
    raml_arena_init(&a, 1 << 16);
    raml_error err;
    CHECK_INT(raml_timelex_load("tests/fixtures/geo/missing", &tl, &err), RAML_ERR_INPUT);
    CHECK_INT(raml_timelex_load("tests/fixtures/geo/data", &tl, &err), RAML_OK);
    if (!tl) {
        fprintf(stderr, "%s\n", err.message);
        return harness_finish("time");
    }
    CHECK_INT(raml_timelex_size(tl), 70);
    guard = raml_wordset_new();
    CHECK(raml_timelex_add_guard_words(tl, guard));

    /* Calendar. */
    CHECK_INT(cal_weekday(cal_days(2017, 6, 7)), 3);
    int y, m, d;
    cal_civil(cal_hijri_days(1438, 9, 1), &y, &m, &d);
    CHECK_MSG(y == 2017 && m == 5 && d >= 26 && d <= 28, "1 Ramadan 1438 -> %d-%d-%d", y, m, d);

    doc_dates();

    /* Explicit dates. */
    EXPECT_DATE("قتل 3 أشخاص يوم 2017/6/4 في هجوم.", "2017-06-04", "day", "explicit");
    EXPECT_DATE("وقع الهجوم في 30/05/2017 ليلا.", "2017-05-30", "day", "explicit");
    EXPECT_DATE("وقع الهجوم في ٣٠/٠٥/٢٠١٧ ليلا.", "2017-05-30", "day", "explicit");
    EXPECT_DATE("وقع الهجوم في 4 أبريل 2016.", "2016-04-04", "day", "explicit");
    EXPECT_DATE("وقع الهجوم في 4 إبريل/نيسان 2016.", "2016-04-04", "day", "explicit");
    EXPECT_DATE("وقع الهجوم في 4 أفريل 2016.", "2016-04-04", "day", "explicit");
    EXPECT_DATE("وقع الهجوم في 4 نيسان (أبريل) 2016.", "2016-04-04", "day", "explicit");
    EXPECT_DATE("وقع الهجوم في أبريل/نيسان 2016.", "2016-04", "month", "explicit");
    EXPECT_DATE("وقع الهجوم عام 2015.", "2015", "year", "explicit");
    EXPECT_DATE("وقع الهجوم في 2 يونيو.", "2017-06-02", "day", "explicit");
    EXPECT_DATE("وقع الهجوم في 20 ديسمبر.", "2016-12-20", "day", "explicit");
    EXPECT_DATE("وقع الهجوم منتصف يوليو.", "2016-07", "month", "explicit");
    EXPECT_DATE("وقع الهجوم منتصف مايو 2017.", "2017-05", "month", "explicit");
    /* Ranges: up to a week, the middle day at week precision; longer, the month. */
    EXPECT_DATE("دارت المعارك بين 3 و5 يونيو.", "2017-06-04", "week", "explicit");
    EXPECT_DATE("دارت المعارك بين 2 و8 مارس 2016.", "2016-03-05", "week", "explicit");
    EXPECT_DATE("استمر الحصار بين 3 و21 يونيو.", "2017-06", "month", "explicit");
    EXPECT_DATE("دارت المعارك في 3-5 يونيو 2015.", "2015-06-04", "week", "explicit");
    EXPECT_DATE("وقع الهجوم في 15 رمضان 1438.", "2017-06-10", "day", "explicit");
    /* Relative expressions. */
    EXPECT_DATE("وقع الهجوم الأحد.", "2017-06-04", "day", "relative_weekday");
    EXPECT_DATE("وقع الهجوم يوم الأربعاء.", "2017-06-07", "day", "relative_weekday");
    EXPECT_DATE("وقع الهجوم يوم الأربعاء الماضي.", "2017-05-31", "day", "relative_weekday");
    EXPECT_DATE("وقع الهجوم الخميس الماضي.", "2017-06-01", "day", "relative_weekday");
    EXPECT_DATE("وقع الهجوم أمس.", "2017-06-06", "day", "relative_offset");
    EXPECT_DATE("قتل 12 شخصا في غارة على بلدة في ريف إدلب الجنوبي يوم الثلاثاء، بحسب مصادر.", "2017-06-06", "day", "relative_weekday");
    EXPECT_DATE("وقع الهجوم أول أمس.", "2017-06-05", "day", "relative_offset");
    EXPECT_DATE("وقع الهجوم اليوم.", "2017-06-07", "day", "relative_offset");
    EXPECT_DATE("وقع الهجوم الشهر الماضي.", "2017-05", "month", "relative_offset");
    EXPECT_DATE("وقع الهجوم العام الماضي.", "2016", "year", "relative_offset");
    EXPECT_DATE("وقع الهجوم الأسبوع الماضي.", "2017-05-31", "week", "relative_offset");
    EXPECT_DATE("وقع الهجوم في وقت سابق.", "2017-06-07", "day", "pub_date_fallback");
    /* Impossible dates are not guessed; no date → fallback; no doc date → unknown. */
    EXPECT_DATE("وقع الهجوم في 31/02/2017.", "2017-06-07", "day", "pub_date_fallback");
    EXPECT_DATE("وقع الهجوم في 12/13/2017.", "2017-06-07", "day", "pub_date_fallback");
    EXPECT_DATE("وقع الهجوم في 31 فبراير 2017.", "2017-06-07", "day", "pub_date_fallback");
    EXPECT_DATE("وقع الهجوم.", "2017-06-07", "day", "pub_date_fallback");
    {
        raml_date d0 = date_of("وقع الهجوم أمس.", "");
        CHECK_STR(d0.value, "");
        CHECK_STR(raml_date_precision_name(d0.precision), "unknown");
        CHECK_INT(d0.method, RAML_DATE_NONE);
        d0 = date_of("وقع الهجوم في 4 أبريل 2016.", NULL);
        CHECK_STR(d0.value, "2016-04-04");
        CHECK_STR(d0.span.text, "4 أبريل 2016");
    }
    raml_timelex_free(tl);
    raml_wordset_free(guard);
    raml_arena_free(&a);
    return harness_finish("time");
}
