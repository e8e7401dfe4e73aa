/* The lexicon: loading (and its errors with file:line), inflection, and matching of every
 * dictionary class through clitics, on the small fixture dictionaries. */
#include "harness.h"
#include "test_lexicon_util.h"
#include "lexicon/lexicon.h"

#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char *FILES[] = {"countries.tsv", "actors.tsv", "sectors.tsv", "triggers.tsv",
                              "cues.tsv", "taxonomy.tsv", "gazetteer.tsv", "gazetteer_supplement.tsv",
                              "place_cues.tsv", "place_stoplist.tsv", "dates.tsv", "numbers.tsv"};

static void copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
    char buf[8192];
    size_t n;
    while (in && out && (n = fread(buf, 1, sizeof buf, in)) > 0)
        fwrite(buf, 1, n, out);
    if (in)
        fclose(in);
    if (out)
        fclose(out);
}

/* A copy of the fixture with `file` replaced by `content`; returns the directory. */
static const char *broken_copy(const char *file, const char *content)
{
    static char dir[256];
    snprintf(dir, sizeof dir, "/tmp/raml_test_lex_%ld", (long)getpid());
    mkdir(dir, 0700);
    for (size_t i = 0; i < sizeof FILES / sizeof *FILES; i++) {
        char from[1200], to[1200];
        snprintf(from, sizeof from, "%s/%s", fixture_dir(), FILES[i]);
        snprintf(to, sizeof to, "%s/%s", dir, FILES[i]);
        copy_file(from, to);
    }
    char path[1200];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    FILE *f = fopen(path, "wb");
    fputs(content, f);
    fclose(f);
    return dir;
}

static void cleanup(void)
{
    char dir[256], path[1200];
    snprintf(dir, sizeof dir, "/tmp/raml_test_lex_%ld", (long)getpid());
    for (size_t i = 0; i < sizeof FILES / sizeof *FILES; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, FILES[i]);
        unlink(path);
    }
    rmdir(dir);
}

static void expect_error(const char *file, const char *content, long line, const char *what)
{
    raml_lexicon *lex = NULL;
    raml_error err;
    raml_status st = raml_lexicon_load(broken_copy(file, content), &lex, &err);
    CHECK_MSG(st == RAML_ERR_INPUT, "%s: status %d", what, st);
    CHECK_MSG(lex == NULL, "%s: no lexicon on error", what);
    CHECK_MSG(strstr(err.file, file) != NULL, "%s: error file '%s'", what, err.file);
    CHECK_MSG(err.line == line, "%s: error line %ld, expected %ld (%s)", what, err.line, line,
              err.message);
    raml_lexicon_free(lex);
}

static void test_errors(void)
{
    expect_error("countries.tsv", "# c\nTUR\tTurkey\tتركيا\tتركي\tأنقرة\traml\nxx\tBad\tبلد\t-\t-\traml\n", 3,
                 "bad iso3");
    expect_error("actors.tsv", "# a\nX-1\tاسم\n", 2, "too few columns");
    expect_error("triggers.tsv",
                 "#columns: id\tforms_ar\tpos\timperfect_ar\tplover_type\tplover_modes\tcameo\tquad\tgoldstein\tplover_score\tvoice\tnote\n"
                 "T-1\tقتل\tverb\tيقتل\tKILL\t-\t190\t4\t-10\t-9\tactive\tx\n", 2, "bad PLOVER type");
    expect_error("triggers.tsv",
                 "#columns: id\tforms_ar\tpos\timperfect_ar\tplover_type\tplover_modes\tcameo\tquad\tgoldstein\tplover_score\tvoice\tnote\n"
                 "\nT-1\tقتل\tverb\tيقتل\tASSAULT\t-\t190\t9\t-10\t-9\tactive\tx\n", 3, "quad out of range");
    expect_error("cues.tsv",
                 "#columns: id\tforms_ar\tpos\timperfect_ar\tkind\tposition\tnote\nC-1\tلم\tparticle\t-\tmaybe\tbefore\tx\n",
                 2, "unknown cue kind");
    expect_error("sectors.tsv", "#columns: forms_ar\tsector\tis_armed\tdefault_country\tnote\nجيش\tMIL\tperhaps\t-\tx\n",
                 2, "bad is_armed");
    expect_error("taxonomy.tsv",
                 "#columns: plover_type\tmode\tcameo_default\tquad\tgoldstein\tplover_score\tnote\nASSAULT\t-\t190\t4\t-30\t-9\tx\n",
                 2, "goldstein out of range");
    cleanup();
    raml_lexicon *lex = NULL;
    raml_error err;
    CHECK(raml_lexicon_load("/nonexistent/raml", &lex, &err) == RAML_ERR_INPUT);
    CHECK(strstr(err.file, "countries.tsv") != NULL);
}

#define HAS(text, want)                                                                   \
    do {                                                                                  \
        const char *got_ = match_string(lex, text);                                       \
        CHECK_MSG(strstr(got_, want) != NULL, "'%s' → '%s', expected %s", text, got_, want); \
    } while (0)
#define HASNT(text, want)                                                                 \
    do {                                                                                  \
        const char *got_ = match_string(lex, text);                                       \
        CHECK_MSG(strstr(got_, want) == NULL, "'%s' → '%s', unexpected %s", text, got_, want); \
    } while (0)

static void test_matching(const raml_lexicon *lex)
{
    /* country names, with clitics */
    HAS("تركيا", "country:TUR");
    HAS("وفي العراق", "country:IRQ");
    HAS("بالعراق", "country:IRQ");
    HAS("الولايات المتحدة", "country:USA");
    /* demonyms: every gender and number, with and without ال and clitics */
    const char *dem[] = {"تركي", "التركي", "التركية", "تركية", "الأتراك", "أتراك", "تركيون",
                         "التركيين", "التركيات", "تركيان", "والتركية", "للتركي"};
    for (size_t i = 0; i < sizeof dem / sizeof *dem; i++)
        HAS(dem[i], "demonym:TUR");
    HAS("الأمريكيون", "demonym:USA");
    /* capital metonyms */
    HAS("واشنطن", "capital:USA");
    HAS("وأنقرة", "capital:TUR");
    /* named actors and their aliases; the longest match wins */
    HAS("داعش", "named:IMG-IS");
    HAS("تنظيم الدولة", "named:IMG-IS");
    HAS("لتنظيم الدولة الإسلامية", "named:IMG-IS");
    HAS("قوات حفتر", "named:LBY-LNA");
    HAS("الجيش الوطني الليبي", "named:LBY-LNA");
    HASNT("الجيش الوطني الليبي", "sector:");
    HAS("الأمم المتحدة", "named:UN");
    /* sector words */
    HAS("الجيش", "sector:");
    HAS("والشرطة", "sector:");
    HAS("مسلحون", "sector:");
    /* verb triggers: perfect, feminine, plural, imperfect, with clitics and pronouns */
    const char *qatl[] = {"قتل", "قتلت", "قتلوا", "يقتل", "تقتل", "يقتلون", "وقتل", "فقتلوا",
                          "قتلهم", "سيقتلون", "نقتل"};
    for (size_t i = 0; i < sizeof qatl / sizeof *qatl; i++)
        HAS(qatl[i], "trigger:T-ASSAULT-QATL");
    HAS("اغتيل", "trigger:T-ASSAULT-IGHTIL");
    /* noun triggers, plural and with clitics; the accusative alif */
    HAS("هجوم", "trigger:T-ASSAULT-HUJUM-N");
    HAS("والهجمات", "trigger:T-ASSAULT-HUJUM-N");
    HAS("هجوما", "trigger:T-ASSAULT-HUJUM-N");
    HAS("بغارة", "trigger:T-ASSAULT-GHARA-N");
    /* multi-word verb phrase, conjugated */
    HAS("أطلق النار", "trigger:T-ASSAULT-ATLAQA-NAR");
    HAS("أطلقوا النار", "trigger:T-ASSAULT-ATLAQA-NAR");
    HAS("يطلقون النار", "trigger:T-ASSAULT-ATLAQA-NAR");
    HASNT("يطلقون", "trigger:");
    /* cues of each kind */
    HAS("لم", "cue:C-NEG-LAM");
    HAS("نفت", "cue:C-DENY-NAFA");
    HAS("سوف", "cue:C-FUT-SAWFA");
    HAS("يعتزم", "cue:C-INT-ITAZAMA");
    HAS("هددت", "cue:C-THREAT-HADDADA");
    HAS("قد", "cue:C-HYP-QAD");
    HAS("حاولوا", "cue:C-ATT-HAWALA");
    HAS("قالت", "cue:C-REP-QALA");
    HAS("بحسب", "cue:C-REP-HASAB");
    HAS("تبنى", "cue:C-CLAIM-TABANNA");
    /* a word written with the article in the dictionary keeps needing it */
    HASNT("قاعدة", "named:");
}

static void test_describe(const raml_lexicon *lex)
{
    const char *d = raml_lexicon_describe(lex);
    CHECK(strstr(d, "countries 6") != NULL);
    CHECK(strstr(d, "named 4") != NULL);
    CHECK(strstr(d, "sectors 9") != NULL);
    CHECK(strlen(raml_lexicon_version(lex)) == 12);
    raml_type_info ti;
    CHECK(raml_lexicon_type_info(lex, "ASSAULT", &ti) && ti.quad == 4);
    double sc;
    CHECK(raml_lexicon_mode_score(lex, "ASSAULT", "aerial", &sc) && sc == -9.5);
}

/* The full data: load time and matching speed (printed; asserted loosely). */
static void test_full_data(void)
{
    const char *dir = getenv("RAML_DATA");
    if (!dir)
        return;
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    raml_lexicon *lex = NULL;
    raml_error err;
    raml_status st = raml_lexicon_load(dir, &lex, &err);
    clock_gettime(CLOCK_MONOTONIC, &b);
    if (st != RAML_OK) {
        printf("full data did not load (not a lexicon test failure): %s:%ld: %s\n", err.file,
               err.line, err.message);
        return;
    }
    double ms = (double)(b.tv_sec - a.tv_sec) * 1e3 + (double)(b.tv_nsec - a.tv_nsec) / 1e6;
    printf("full dictionaries loaded in %.0f ms: %s\n", ms, raml_lexicon_describe(lex));
    /* matching speed over a repeated news-like text */
    const char *s = "قصفت الطائرات التركية مواقع لتنظيم الدولة قرب الحدود العراقية وقتل ثلاثة جنود "
                    "في هجوم شنه مسلحون على دورية للشرطة العراقية في بغداد، بحسب مصادر أمنية. ";
    size_t n = strlen(s), reps = 2000;
    char *text = malloc(n * reps + 1);
    for (size_t i = 0; i < reps; i++)
        memcpy(text + i * n, s, n);
    text[n * reps] = '\0';
    raml_arena ar;
    raml_arena_init(&ar, 1 << 20);
    raml_text t;
    raml_text_opts opts = {raml_lexicon_guard(lex), 0};
    if (raml_text_analyze(&ar, text, n * reps, &opts, &t, &err) == RAML_OK) {
        raml_lexicon_intern_tokens(lex, t.tokens, t.ntokens);
        raml_lex_match *m = malloc(t.ntokens * sizeof *m);
        clock_gettime(CLOCK_MONOTONIC, &a);
        size_t total = 0;
        for (int r = 0; r < 10; r++)
            total += raml_lexicon_match(lex, t.tokens, 0, (uint32_t)t.ntokens, m, t.ntokens);
        clock_gettime(CLOCK_MONOTONIC, &b);
        double sec = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
        printf("matching: %.1f M tokens/s (%zu matches)\n", 10.0 * (double)t.ntokens / sec / 1e6, total / 10);
        CHECK_SPEED(10.0 * (double)t.ntokens / sec > 5e6);
        clock_gettime(CLOCK_MONOTONIC, &a);
        for (int r = 0; r < 10; r++)
            raml_lexicon_intern_tokens(lex, t.tokens, t.ntokens);
        clock_gettime(CLOCK_MONOTONIC, &b);
        sec = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
        printf("interning: %.1f M tokens/s\n", 10.0 * (double)t.ntokens / sec / 1e6);
        free(m);
    }
    raml_arena_free(&ar);
    free(text);
    /* Persons' names stay whole words although أراك (Arāk, Iran) and يصل are known words:
     * segmentation must not read باراك as ب + أراك. */
    const raml_wordset *guard = raml_lexicon_guard(lex);
    CHECK(raml_wordset_has(guard, "باراك", strlen("باراك")));
    CHECK(raml_wordset_has(guard, "فيصل", strlen("فيصل")));
    CHECK(raml_wordset_has(guard, "اراك", strlen("اراك")));
    raml_lexicon_free(lex);
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = calloc(1, (size_t)n + 64);
    if (s && fread(s, 1, (size_t)n, f) != (size_t)n)
        s[0] = '\0';
    fclose(f);
    return s;
}

static char *version_with(const char *file, const char *content)
{
    raml_lexicon *lex = NULL;
    raml_error err;
    char *v = NULL;
    if (raml_lexicon_load(broken_copy(file, content), &lex, &err) == RAML_OK)
        v = strdup(raml_lexicon_version(lex));
    raml_lexicon_free(lex);
    cleanup();
    return v;
}

/* Every data file the coder reads is part of the dictionary version, including those loaded
 * outside the lexicon's own reader (dates, gazetteer): an edit changes it, a copy does not. */
static void test_version(void)
{
    char path[1200];
    snprintf(path, sizeof path, "%s/dates.tsv", fixture_dir());
    char *dates = slurp(path);
    CHECK(dates != NULL);
    if (!dates)
        return;
    char *same = version_with("dates.tsv", dates);
    strcat(dates, "# edited\n");
    char *edited = version_with("dates.tsv", dates);
    raml_lexicon *lex = NULL;
    raml_error err;
    CHECK(raml_lexicon_load(fixture_dir(), &lex, &err) == RAML_OK);
    CHECK(same && lex && !strcmp(same, raml_lexicon_version(lex)));
    CHECK(same && edited && strcmp(same, edited) != 0);
    raml_lexicon_free(lex);
    free(dates);
    free(same);
    free(edited);
}

int main(void)
{
    test_version();
    test_errors();
    raml_lexicon *lex = NULL;
    raml_error err;
    raml_status st = raml_lexicon_load(fixture_dir(), &lex, &err);
    CHECK_MSG(st == RAML_OK, "fixture load: %s:%ld: %s", err.file, err.line, err.message);
    if (lex) {
        test_describe(lex);
        test_matching(lex);
    }
    raml_lexicon_free(lex);
    test_full_data();
    return harness_finish("test_lexicon");
}
