/* The text layer: reading/repair, folding, tokens, clitic segmentation, sentences. Our own
 * Arabic sentences throughout; numbers are in test_text_numbers.c. */
#include "harness.h"
#include "text/text.h"

#include <stdint.h>

static raml_arena A;

static raml_wordset *small_guard(void)
{
    static const char *const words[] = {
        "قوات", "جيش", "شرطة", "مدينة", "حكومة", "سيطرة", "سيطر", "سيطرت", "تنظيم", "إضافة",
        "مرة", "عادة", "منطقة", "يقصف", "تقصف", "مواقع", "بنغازي", "ليبيا", "وليد", "فرنسا",
        "لبنان", "بريطانيا", "كركوك", "بغداد", "سرت", "قادة", "وزارة", "على", "ضد", "موصل",
        "الموصل", "بين", "بلدة", "أمن", "جنود", "عناصر", "ولاية", "متظاهرين", "لقاء", NULL};
    raml_wordset *ws = raml_wordset_new();
    char buf[128];
    for (const char *const *w = words; *w; w++) {
        size_t n = raml_fold(*w, strlen(*w), buf, sizeof buf, NULL);
        raml_wordset_add(ws, buf, n);
    }
    return ws;
}

static const char *fold(const char *s)
{
    size_t n;
    return raml_fold_arena(&A, s, strlen(s), &n);
}

static void test_fold(void)
{
    /* each class of the table */
    CHECK_STR(fold("مُحَمَّدٌ"), "محمد");                       /* tashkeel */
    CHECK_STR(fold("قـــوات"), "قوات");                        /* tatweel */
    CHECK_STR(fold("أحمد إبراهيم آمن ٱلله"), "احمد ابراهيم امن الله"); /* alef */
    CHECK_STR(fold("مستشفى"), "مستشفي");                       /* alef maqsura */
    CHECK_STR(fold("مدينة"), "مدينه");                         /* ta marbuta */
    CHECK_STR(fold("مسؤول"), fold("مسئول"));                   /* hamza seats equal */
    CHECK_STR(fold("شؤون"), fold("شئون"));
    CHECK_STR(fold("\xE2\x80\x8Fسرت\xE2\x80\x8E"), "سرت");     /* RLM LRM */
    CHECK_STR(fold("سر\xE2\x80\x8Cت"), "سرت");                 /* ZWNJ */
    CHECK_STR(fold("\xD8\x9Cقصف"), "قصف");                     /* ALM */
    CHECK_STR(fold("\xE2\x81\xA7" "ab" "\xE2\x81\xA9"), "ab"); /* isolates */
    CHECK_STR(fold("٢٠١٧ ۱۲"), "2017 12");                     /* digits */
    CHECK_STR(fold("١٫٥ ١٬٥٠٠"), "1.5 1,500");
    CHECK_STR(fold("ﺳﺮﺕ"), "سرت");                             /* presentation forms */
    CHECK_STR(fold("ﻻ"), "لا");
    CHECK_STR(fold("ﷲ"), "الله");
    CHECK_STR(fold("ﷺ"), "ﷺ"); /* too long: kept */
    CHECK_STR(fold("، ؛ ؟ « » “ ”"), ", ; ? \" \" \" \"");
    CHECK_STR(fold("NATO Ünited"), "nato ünited");
    CHECK_STR(fold("a\xC2\xA0" "b"), "a b");                   /* NBSP */
    CHECK_STR(fold("ab\xFF"), "ab\xEF\xBF\xBD");                /* invalid byte */

    /* offset map: every output byte points at the code point that produced it */
    const char *in = "قُوّات A";
    char out[64];
    uint32_t map[64];
    size_t n = raml_fold(in, strlen(in), out, sizeof out, map);
    CHECK_STR(out, "قوات a");
    CHECK_INT(n, 10);
    CHECK_INT(map[0], 0);  /* ق */
    CHECK_INT(map[2], 4);  /* و after ق + damma */
    CHECK_INT(map[4], 8);  /* ا after و + shadda */
    CHECK_INT(map[9], strlen(in) - 1);
    /* bounded output */
    char small[4];
    n = raml_fold("abcdef", 6, small, sizeof small, NULL);
    CHECK_INT(n, 3);
    CHECK_STR(small, "abc");
}

static raml_read_result rd(const char *s, size_t len)
{
    raml_read_result r;
    raml_error err;
    CHECK(raml_text_read(&A, s, len, &r, &err) == RAML_OK);
    return r;
}

static void test_read(void)
{
    raml_read_result r = rd("abc\xff\xfe" "def", 8);
    CHECK_STR(r.text, "abc\xEF\xBF\xBD\xEF\xBF\xBD" "def");
    CHECK_INT(r.nissues, 2);
    CHECK_INT(r.issues[0].offset, 3);
    CHECK_INT(r.issues[1].offset, 4);
    CHECK(strstr(r.issues[0].message, "invalid UTF-8") != NULL);

    r = rd("a\0b", 3);
    CHECK_STR(r.text, "a\xEF\xBF\xBD" "b");
    CHECK_INT(r.nissues, 1);
    CHECK_INT(r.issues[0].offset, 1);
    CHECK(strstr(r.issues[0].message, "NUL") != NULL);

    /* truncated multi-byte sequence at the end, overlong, surrogate */
    r = rd("قصف\xD9", 7);
    CHECK_INT(r.nissues, 1);
    CHECK_INT(r.issues[0].offset, 6);
    r = rd("\xC0\xAF\xED\xA0\x80", 5);
    CHECK(r.nissues >= 3);

    r = rd("\xEF\xBB\xBFقصف", 9);
    CHECK_STR(r.text, "قصف");
    r = rd("a\r\nb\rc\n", 7);
    CHECK_STR(r.text, "a\nb\nc\n");
    CHECK_INT(r.nissues, 0);

    /* NFC: decomposed é, Arabic alef + madda above, mark reordering */
    r = rd("e\xCC\x81", 3);
    CHECK_STR(r.text, "\xC3\xA9");
    r = rd("\xD8\xA7\xD9\x93", 4);
    CHECK_STR(r.text, "آ");
    r = rd("\xD8\xB4\xD9\x91\xD9\x8E", 6); /* shadda + fatha → fatha + shadda */
    CHECK_STR(r.text, "\xD8\xB4\xD9\x8E\xD9\x91");
    r = rd("\xEA\xB0\x80", 3); /* Hangul syllable is already NFC */
    CHECK_STR(r.text, "\xEA\xB0\x80");

    /* binary: one record per problem up to a cap, then a summary */
    size_t big = 5000;
    char *bin = calloc(big, 1);
    r = rd(bin, big);
    CHECK(r.nissues < 1100);
    CHECK(strstr(r.issues[r.nissues - 1].message, "more") != NULL);
    free(bin);
}

static raml_text analyze(const char *s, const raml_wordset *guard, uint32_t max)
{
    raml_text t;
    raml_error err;
    raml_text_opts o = {.guard = guard, .max_sentence_tokens = max};
    CHECK(raml_text_analyze(&A, s, strlen(s), &o, &t, &err) == RAML_OK);
    return t;
}

static bool spans_ok(const raml_text *t)
{
    for (size_t i = 0; i < t->ntokens; i++) {
        const raml_token *k = &t->tokens[i];
        if (k->bend <= k->bstart || k->bend > t->len || k->cend <= k->cstart)
            return false;
        if (i && k->bstart < t->tokens[i - 1].bend)
            return false;
        /* code point offsets agree with byte offsets */
        uint32_t cps = 0;
        for (uint32_t b = 0; b < k->bstart; b++)
            cps += ((unsigned char)t->text[b] & 0xC0) != 0x80;
        if (cps != k->cstart)
            return false;
        size_t fl;
        char *f = raml_fold_arena(&A, t->text + k->bstart, k->bend - k->bstart, &fl);
        if (strcmp(f, k->norm) != 0)
            return false;
    }
    return true;
}

static void test_tokens(void)
{
    raml_text t = analyze("قُتِل 1,500 شخص و3.5 ألف في ٢٠١٧ يوم 2017/6/4 و30/05/2017 و30-05-2017 "
                          "و2017-06-04 (انظر https://example.org/a?x=1، أو www.raml.org). "
                          "NATO\xC2\xA0قالت\xE2\x80\x8F: 10-15", NULL, 0);
    CHECK(spans_ok(&t));
    const char *want[][2] = {
        {"قتل", "arabic"}, {"1,500", "number"}, {"شخص", "arabic"}, {"و", "arabic"},
        {"3.5", "number"}, {"الف", "arabic"}, {"في", "arabic"}, {"2017", "number"},
        {"يوم", "arabic"}, {"2017/6/4", "date"}, {"و", "arabic"}, {"30/05/2017", "date"},
        {"و", "arabic"}, {"30-05-2017", "date"}, {"و", "arabic"}, {"2017-06-04", "date"},
        {"(", "punct"}, {"انظر", "arabic"}, {"https://example.org/a?x=1", "url"},
        {",", "punct"}, {"او", "arabic"}, {"www.raml.org", "url"}, {")", "punct"},
        {".", "punct"}, {"nato", "latin"}, {"قالت", "arabic"}, {":", "punct"},
        {"10", "number"}, {"-", "punct"}, {"15", "number"},
    };
    static const char *kinds[] = {"arabic", "latin", "number", "date", "punct", "url", "other"};
    size_t nw = sizeof want / sizeof want[0];
    CHECK_INT(t.ntokens, nw);
    for (size_t i = 0; i < nw && i < t.ntokens; i++) {
        CHECK_STR(t.tokens[i].norm, want[i][0]);
        CHECK_STR(kinds[t.tokens[i].kind], want[i][1]);
    }
    CHECK(t.tokens[1].value == 1500);
    CHECK(t.tokens[4].value == 3.5);
    CHECK(t.tokens[7].value == 2017);
    /* the surface keeps the tashkeel; the norm drops it */
    CHECK_INT(t.tokens[0].bend - t.tokens[0].bstart, strlen("قُتِل"));
    CHECK_INT(t.tokens[0].cend, 5);

    /* invalid bytes become OTHER tokens, spans still on UTF-8 boundaries */
    t = analyze("قصف\xff\xfeسرت", NULL, 0);
    CHECK(spans_ok(&t));
    CHECK_INT(t.ntokens, 4);
    CHECK_INT(t.nissues, 2);
    CHECK_INT(t.tokens[1].kind, RAML_TOK_OTHER);

    /* presentation forms are one Arabic word, folded to base letters */
    t = analyze("ﺳﺮﺕ", NULL, 0);
    CHECK_INT(t.ntokens, 1);
    CHECK_STR(t.tokens[0].norm, "سرت");
    /* Unicode spaces and tatweel */
    t = analyze("قصف\xE2\x80\x89" "الجيــش\xE3\x80\x80" "مواقع", NULL, 0);
    CHECK_INT(t.ntokens, 3);
    CHECK_STR(t.tokens[1].norm, "الجيش");
}

static void seg(const raml_wordset *g, const char *word, const char *stem, unsigned pro,
                const char *enc)
{
    raml_token t = {.kind = RAML_TOK_ARABIC, .norm = fold(word)};
    raml_segment_token(&A, &t, g);
    CHECK_MSG(strcmp(t.stem, fold(stem)) == 0, "%s: stem %s, expected %s", word, t.stem, stem);
    CHECK_MSG(t.proclitics == pro, "%s: proclitics %#x, expected %#x", word, t.proclitics, pro);
    CHECK_MSG((!enc && !t.enclitic) || (enc && t.enclitic && strcmp(t.enclitic, enc) == 0),
              "%s: enclitic %s, expected %s", word, t.enclitic ? t.enclitic : "-",
              enc ? enc : "-");
}

static void test_segment(void)
{
    raml_wordset *g = small_guard();
    enum { WA = RAML_PRO_WA, FA = RAML_PRO_FA, BI = RAML_PRO_BI, LI = RAML_PRO_LI,
           KA = RAML_PRO_KA, SA = RAML_PRO_SA, AL = RAML_PRO_AL };
    seg(g, "وبالقوات", "قوات", WA | BI | AL, NULL);
    seg(g, "فللشرطة", "شرطة", FA | LI | AL, NULL);
    seg(g, "للمنطقة", "منطقة", LI | AL, NULL);
    seg(g, "كالعادة", "عادة", KA | AL, NULL);
    seg(g, "وسيقصف", "يقصف", WA | SA, NULL);
    seg(g, "ستقصف", "تقصف", SA, NULL);
    seg(g, "فالجيش", "جيش", FA | AL, NULL);
    seg(g, "وكالجيش", "جيش", WA | KA | AL, NULL);
    seg(g, "لسرت", "سرت", LI, NULL);
    seg(g, "وبنغازي", "بنغازي", WA, NULL);
    /* guard words are not cut */
    seg(g, "بنغازي", "بنغازي", 0, NULL);
    seg(g, "ليبيا", "ليبيا", 0, NULL);
    seg(g, "وليد", "وليد", 0, NULL);
    seg(g, "فرنسا", "فرنسا", 0, NULL);
    seg(g, "لبنان", "لبنان", 0, NULL);
    seg(g, "كركوك", "كركوك", 0, NULL);
    seg(g, "بغداد", "بغداد", 0, NULL);
    seg(g, "ولاية", "ولاية", 0, NULL);
    seg(g, "ووليد", "وليد", WA, NULL);
    seg(g, "لليبيا", "ليبيا", LI, NULL);
    /* enclitics and ta marbuta */
    seg(g, "قواتها", "قوات", 0, "ها");
    seg(g, "سيطرته", "سيطرة", 0, "ه");
    seg(g, "حكومتهم", "حكومة", 0, "هم");
    seg(g, "وقادتهم", "قادة", WA, "هم");
    seg(g, "بمواقعهم", "مواقع", BI, "هم");
    seg(g, "عليهم", "على", 0, "هم");
    seg(g, "ضدهما", "ضد", 0, "هما");
    seg(g, "عناصرنا", "عناصر", 0, "نا");
    /* the article after a known ال-word */
    seg(g, "الموصل", "موصل", AL, NULL);
    seg(g, "بالموصل", "موصل", BI | AL, NULL);
    seg(g, "الذين", "الذين", 0, NULL);
    /* unknown stems: nothing cut */
    seg(g, "بسكويت", "بسكويت", 0, NULL);
    seg(g, "سلاح", "سلاح", 0, NULL);

    /* stem_known, and the shared norm when nothing is cut */
    raml_token t = {.kind = RAML_TOK_ARABIC, .norm = fold("بنغازي")};
    raml_segment_token(&A, &t, g);
    CHECK(t.stem_known);
    CHECK(t.stem == t.norm);
    t = (raml_token){.kind = RAML_TOK_ARABIC, .norm = fold("بسكويت")};
    raml_segment_token(&A, &t, g);
    CHECK(!t.stem_known);

    /* without a guard: only conjunction and article cuts leaving 3+ letters */
    seg(NULL, "والتنظيم", "تنظيم", WA | AL, NULL);
    seg(NULL, "بالقوات", "بالقوات", 0, NULL);
    seg(NULL, "قواتها", "قواتها", 0, NULL);

    /* wordset */
    CHECK(raml_wordset_has(g, fold("قوات"), strlen(fold("قوات"))));
    CHECK(!raml_wordset_has(g, "x", 1));
    size_t before = raml_wordset_size(g);
    raml_wordset_add(g, "قوات", strlen("قوات"));
    CHECK_INT(raml_wordset_size(g), before);
    raml_error err;
    CHECK(!raml_wordset_load_tsv(g, "/nonexistent/words.tsv", &err));
    raml_wordset_free(g);
}

static void test_wordset_big(void)
{
    raml_wordset *ws = raml_wordset_new();
    char buf[32];
    for (int i = 0; i < 100000; i++) {
        int n = snprintf(buf, sizeof buf, "w%d", i);
        CHECK_MSG(raml_wordset_add(ws, buf, (size_t)n), "add %d", i);
    }
    CHECK_INT(raml_wordset_size(ws), 100000);
    int found = 0;
    for (int i = 0; i < 100000; i++) {
        int n = snprintf(buf, sizeof buf, "w%d", i);
        found += raml_wordset_has(ws, buf, (size_t)n);
    }
    CHECK_INT(found, 100000);
    CHECK(!raml_wordset_has(ws, "w100000", 7));
    /* removing every third word keeps every other one findable: the probe chains that ran
     * through a removed slot are shifted back, not cut */
    for (int i = 0; i < 100000; i += 3) {
        int n = snprintf(buf, sizeof buf, "w%d", i);
        CHECK_MSG(raml_wordset_remove(ws, buf, (size_t)n), "remove %d", i);
    }
    CHECK(!raml_wordset_remove(ws, "w0", 2));
    CHECK_INT(raml_wordset_size(ws), 100000 - 33334);
    found = 0;
    int gone = 0;
    for (int i = 0; i < 100000; i++) {
        int n = snprintf(buf, sizeof buf, "w%d", i);
        bool has = raml_wordset_has(ws, buf, (size_t)n);
        found += has && i % 3;
        gone += !has && i % 3 == 0;
    }
    CHECK_INT(found, 66666);
    CHECK_INT(gone, 33334);
    CHECK(raml_wordset_add(ws, "w0", 2) && raml_wordset_has(ws, "w0", 2));
    raml_wordset_free(ws);
    /* a TSV file: first column, comments skipped, folded */
    char path[] = "/tmp/raml_ws_XXXXXX";
    int fd = mkstemp(path);
    FILE *fp = fdopen(fd, "w");
    fputs("# comment\nمدينة\tnoun\nأحمد\n\n", fp);
    fclose(fp);
    ws = raml_wordset_new();
    raml_error err;
    CHECK(raml_wordset_load_tsv(ws, path, &err));
    CHECK_INT(raml_wordset_size(ws), 2);
    CHECK(raml_wordset_has(ws, "مدينه", strlen("مدينه")));
    CHECK(raml_wordset_has(ws, "احمد", strlen("احمد")));
    raml_wordset_free(ws);
    remove(path);
}

static void test_sentences(void)
{
    raml_text t = analyze("قصفت الطائرات مواقع في سرت. وقال مسؤول إن 3.5 ألف فروا! هل انتهى القتال؟ "
                          "نعم؛ انتهى\nعنوان بلا نقطة\n\nفقرة جديدة قال د. أحمد إنها بدأت",
                          NULL, 0);
    CHECK_INT(t.nsentences, 7);
    const char *last[] = {".", "!", "?", ";", "انتهي", "نقطه", "بدات"};
    for (size_t i = 0; i < t.nsentences && i < 7; i++) {
        const raml_sentence *s = &t.sentences[i];
        CHECK_STR(t.tokens[s->first + s->count - 1].norm, last[i]);
        CHECK_INT(s->bstart, t.tokens[s->first].bstart);
        CHECK_INT(s->cend, t.tokens[s->first + s->count - 1].cend);
    }
    /* closing quote stays with its sentence */
    t = analyze("قال: «انسحبنا.» ثم غادر.", NULL, 0);
    CHECK_INT(t.nsentences, 2);
    CHECK_STR(t.tokens[t.sentences[0].first + t.sentences[0].count - 1].norm, "\"");

    /* no punctuation: 2,000 words, no sentence over 80 tokens, cuts at connectors */
    raml_wordset *g = small_guard();
    size_t cap = 64 * 1024, len = 0;
    char *speech = malloc(cap);
    static const char *const chunk[] = {"الناس", "في", "الشارع", "يطالبون", "بحقوقهم", "منذ",
                                        "أسابيع", "والحكومة", "لا", "تسمع", "ثم", "جاءت",
                                        "القوات", "إلى", "الساحة", "وقالت", "إن", "الأمن",
                                        "مستتب", "لكن", "الناس", "باقون", "هنا", "حتى", "النهاية"};
    size_t nchunk = sizeof chunk / sizeof chunk[0];
    for (size_t i = 0; i < 2000; i++)
        len += (size_t)snprintf(speech + len, cap - len, "%s ", chunk[i % nchunk]);
    t = analyze(speech, g, 0);
    CHECK_INT(t.ntokens, 2000);
    size_t maxc = 0, covered = 0, at_connector = 0;
    for (size_t i = 0; i < t.nsentences; i++) {
        const raml_sentence *s = &t.sentences[i];
        if (s->count > maxc)
            maxc = s->count;
        CHECK_INT(s->first, covered);
        covered += s->count;
        const char *n0 = t.tokens[s->first].norm;
        at_connector += i > 0 && (strcmp(n0, "ثم") == 0 || strcmp(n0, "لكن") == 0 ||
                                  strcmp(n0, "حتي") == 0 || strcmp(n0, "منذ") == 0 ||
                                  t.tokens[s->first].proclitics & (RAML_PRO_WA | RAML_PRO_FA));
    }
    CHECK(maxc <= 80);
    CHECK_INT(covered, 2000);
    CHECK(t.nsentences >= 25);
    CHECK_INT(at_connector, t.nsentences - 1);
    t = analyze(speech, g, 20);
    for (size_t i = 0; i < t.nsentences; i++)
        CHECK(t.sentences[i].count <= 20);
    free(speech);
    raml_wordset_free(g);

    /* empty and whitespace-only text */
    t = analyze("", NULL, 0);
    CHECK_INT(t.ntokens, 0);
    CHECK_INT(t.nsentences, 0);
    t = analyze(" \n\t\xC2\xA0", NULL, 0);
    CHECK_INT(t.ntokens, 0);
}

int main(void)
{
    raml_arena_init(&A, 1 << 16);
    test_fold();
    test_read();
    test_tokens();
    test_segment();
    test_wordset_big();
    test_sentences();
    raml_arena_free(&A);
    return harness_finish("test_text");
}
