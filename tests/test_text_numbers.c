/* Number expressions over the fixture table tests/fixtures/text/numbers.tsv (our own
 * minimal table, so these cases do not depend on data/numbers.tsv). */
#include "harness.h"
#include "text/text.h"

#include <stdlib.h>

static raml_arena A;
static raml_numwords *NW;

static raml_text analyze(const char *s)
{
    raml_text t;
    raml_error err;
    raml_text_opts o = {0};
    raml_text_analyze(&A, s, strlen(s), &o, &t, &err);
    return t;
}

/* Checks the number at token `at` of `s`. */
static void num(const char *s, size_t at, double value, double high, raml_qualifier q,
                unsigned count)
{
    raml_text t = analyze(s);
    raml_number n;
    bool found = raml_number_at(NW, t.tokens, t.ntokens, at, &n);
    CHECK_MSG(found, "%s: no number at %zu", s, at);
    if (!found)
        return;
    CHECK_MSG(n.value == value, "%s: value %g, expected %g", s, n.value, value);
    CHECK_MSG(n.high == high, "%s: high %g, expected %g", s, n.high, high);
    CHECK_MSG(n.qualifier == q, "%s: qualifier %s, expected %s", s, raml_qualifier_name(n.qualifier),
              raml_qualifier_name(q));
    CHECK_MSG(n.count == count, "%s: %u tokens, expected %u", s, n.count, count);
    CHECK_INT(n.first, at);
}

static void none(const char *s, size_t at)
{
    raml_text t = analyze(s);
    raml_number n;
    CHECK_MSG(!raml_number_at(NW, t.tokens, t.ntokens, at, &n), "%s: unexpected number", s);
}

int main(void)
{
    raml_arena_init(&A, 1 << 16);
    const char *dir = getenv("RAML_TESTS");
    char path[1024];
    snprintf(path, sizeof path, "%s/fixtures/text/numbers.tsv", dir ? dir : "tests");
    raml_error err;
    CHECK(raml_numwords_load(path, &NW, &err) == RAML_OK);
    CHECK(raml_numwords_load("/nonexistent/numbers.tsv", &(raml_numwords *){NULL}, &err) ==
          RAML_ERR_INPUT);
    if (!NW)
        return harness_finish("test_text_numbers");
    const raml_qualifier EX = RAML_QUAL_EXACT;

    /* digits */
    num("قتل 12 شخصا", 1, 12, -1, EX, 1);
    num("نزح 1,500 شخص", 1, 1500, -1, EX, 1);
    num("نزح ١٬٥٠٠ شخص", 1, 1500, -1, EX, 1);
    num("قتل ٣٨ مدنيا", 1, 38, -1, EX, 1);
    num("نحو 3.5 مليون نازح", 0, 3500000, -1, RAML_QUAL_ABOUT, 3);
    num("3 آلاف متظاهر", 0, 3000, -1, EX, 2);
    /* words, و-joining, teens, hundreds, thousands */
    num("خمسة وعشرون قتيلا", 0, 25, -1, EX, 2);
    num("ألفان وستة عشر", 0, 2016, -1, EX, 3);
    num("ثلاثمئة وخمسون جنديا", 0, 350, -1, EX, 2);
    num("ثلاث مئة", 0, 300, -1, EX, 2);
    num("ثلاثة آلاف وخمسمئة", 0, 3500, -1, EX, 3);
    num("ثلاثة عشر جريحا", 0, 13, -1, EX, 2);
    num("اثنا عشر", 0, 12, -1, EX, 2);
    num("أحد عشر", 0, 11, -1, EX, 2);
    num("مئتين", 0, 200, -1, EX, 1);
    num("ألفين", 0, 2000, -1, EX, 1);
    num("عشرة آلاف", 0, 10000, -1, EX, 2);
    num("مليونين", 0, 2000000, -1, EX, 1);
    num("نصف مليون", 0, 500000, -1, EX, 2);
    num("مليون ونصف", 0, 1500000, -1, EX, 2);
    num("أربع وأربعين", 0, 44, -1, EX, 2);
    num("الخمسة", 0, 5, -1, EX, 1);
    num("قتيلان", 0, 2, -1, EX, 1);
    num("جنديين", 0, 2, -1, EX, 1);
    /* vague quantities */
    num("عشرات الجرحى", 0, 10, -1, RAML_QUAL_UNSPECIFIED, 1);
    num("مئات الآلاف", 0, 100000, -1, RAML_QUAL_UNSPECIFIED, 2);
    num("عشرات الآلاف", 0, 10000, -1, RAML_QUAL_UNSPECIFIED, 2);
    num("آلاف المتظاهرين", 0, 1000, -1, RAML_QUAL_UNSPECIFIED, 1);
    num("بضعة أشخاص", 0, 3, -1, RAML_QUAL_UNSPECIFIED, 1);
    num("عدد من الجنود", 0, 2, -1, RAML_QUAL_UNSPECIFIED, 2);
    /* qualifiers before and after */
    num("نحو عشرين", 0, 20, -1, RAML_QUAL_ABOUT, 2);
    num("حوالي 50", 0, 50, -1, RAML_QUAL_ABOUT, 2);
    num("قرابة ثلاثين", 0, 30, -1, RAML_QUAL_ABOUT, 2);
    num("أكثر من مئة", 0, 100, -1, RAML_QUAL_MORE_THAN, 3);
    num("ما لا يقل عن 7", 0, 7, -1, RAML_QUAL_AT_LEAST, 5);
    num("ما يصل إلى 40", 0, 40, -1, RAML_QUAL_AT_MOST, 4);
    num("12 قتيلا على الأقل", 0, 12, -1, EX, 1);
    num("12 على الأقل", 0, 12, -1, RAML_QUAL_AT_LEAST, 3);
    num("على الأقل خمسة", 0, 5, -1, RAML_QUAL_AT_LEAST, 3);
    /* ranges */
    num("بين 10 و15", 0, 10, 15, RAML_QUAL_RANGE, 4);
    num("بين عشرة وعشرين", 0, 10, 20, RAML_QUAL_RANGE, 3);
    num("من 10 إلى 15", 0, 10, 15, RAML_QUAL_RANGE, 4);
    num("10-15", 0, 10, 15, RAML_QUAL_RANGE, 3);
    /* not numbers */
    none("يوم الأحد", 1);
    none("نحو المدينة", 0);
    none("من المدينة", 0);
    none("الثالث", 0);
    none("قتل", 0);
    none("", 0);

    raml_wordset *g = raml_wordset_new();
    CHECK(raml_numwords_add_guard_words(NW, g));
    CHECK(raml_wordset_has(g, "خمسه", strlen("خمسه")));
    CHECK(raml_wordset_has(g, "عشرات", strlen("عشرات")));
    CHECK(!raml_wordset_has(g, "نحو", strlen("نحو")));
    raml_wordset_free(g);
    raml_numwords_free(NW);
    raml_arena_free(&A);
    return harness_finish("test_text_numbers");
}
