/* Store speed: ingest of synthetic 2 KB documents (2 events each, with the text layer's
 * analysis as the coder hands it over) into SQLite on one core, then the HTTP API's work
 * for every filter: the exact count plus the first page of 500 events.
 *
 * Types, countries, towns, dates and words are drawn from a fixed pseudo-random sequence:
 * dates uniform over 2010-2023, 40 named towns per country with a few km of jitter, text
 * words from a 5,000-word vocabulary with Zipf frequencies (so a text query may hit a rare,
 * a middling or an everywhere word). Ingest time counts only the store's work (put and
 * commit), not the segmentation the coder would already have done.
 *   bench_store [DOCS [DB]]     e.g. bench_store 500000 /tmp/big.db  (1 million events)
 *   bench_store 0 DB            only the queries, on an existing DB
 *   bench_store dump DB OUT     every filter's exact answer (count, first page, a deep page,
 *                               and a hash of the whole ordered result) to OUT, so that
 *                               store changes can be checked to return the same rows */
#include "store/store.h"

#include "../tests/store_fixture.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + t.tv_nsec / 1e9;
}

static double cpu(void)
{
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return (double)u.ru_utime.tv_sec + u.ru_utime.tv_usec / 1e6 + (double)u.ru_stime.tv_sec +
           u.ru_stime.tv_usec / 1e6;
}

static int count_row(void *c, const char *j, size_t n)
{
    ++*(long *)c;
    return 0;
}

enum { NWORDS = 5000 };
static char words[NWORDS][8];
static double zipf_cdf[NWORDS];

/* Word r: letters of r in base 20 over consonant-vowel pairs, so words look like words. */
static void make_words(void)
{
    double h = 0;
    for (int r = 0; r < NWORDS; r++) {
        static const char cs[] = "bdfgklmnrstz", vs[] = "aeiou";
        int x = r + 1, n = 0;
        while (x && n < 6) {
            words[r][n++] = cs[x % 12];
            x /= 12;
            words[r][n++] = vs[x % 5];
            x /= 5;
        }
        words[r][n] = '\0';
        h += 1.0 / (r + 1);
        zipf_cdf[r] = h;
    }
    for (int r = 0; r < NWORDS; r++)
        zipf_cdf[r] /= h;
}

static unsigned long long rng = 42;
static double urand(void)
{
    rng = rng * 6364136223846793005ull + 1442695040888963407ull;
    return (double)(rng >> 11) / 9007199254740992.0;
}

static const char *zipf_word(void)
{
    double u = urand();
    int lo = 0, hi = NWORDS - 1;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (zipf_cdf[mid] < u)
            lo = mid + 1;
        else
            hi = mid;
    }
    return words[lo];
}

/* ~2 KB of words in 8 sentences. */
static size_t make_text(char *out, size_t cap, long d)
{
    size_t n = (size_t)snprintf(out, cap, "doc%ld ", d);
    int sent = 0;
    while (n + 16 < cap && n < 2040) {
        const char *w = zipf_word();
        size_t l = strlen(w);
        memcpy(out + n, w, l);
        n += l;
        if (n > (size_t)(sent + 1) * 255) {
            out[n++] = '.';
            sent++;
        }
        out[n++] = ' ';
    }
    out[n] = '\0';
    return n;
}

/* FNV-1a over every event JSON in order, and the number of rows. */
typedef struct hashed {
    unsigned long long h;
    long n;
    FILE *out; /* NULL: only hash */
} hashed;

static int hash_row(void *c, const char *j, size_t n)
{
    hashed *x = c;
    for (size_t i = 0; i < n; i++) {
        x->h ^= (unsigned char)j[i];
        x->h *= 1099511628211ull;
    }
    x->h ^= 0xff;
    x->h *= 1099511628211ull;
    x->n++;
    if (x->out)
        fprintf(x->out, "%.*s\n", (int)n, j);
    return 0;
}

typedef struct q {
    const char *name;
    raml_store_filter f;
} q;

int main(int argc, char **argv)
{
    bool dump = argc > 3 && strcmp(argv[1], "dump") == 0;
    long ndocs = dump ? 0 : argc > 1 ? atol(argv[1]) : 20000;
    const char *path = argc > 2 ? argv[2] : "/tmp/raml-bench-store.db";
    make_words();
    if (ndocs)
        unlink(path);
    raml_error err;
    raml_store *s;
    if (raml_store_open(path, false, &s, &err) != RAML_OK) {
        fprintf(stderr, "%s\n", err.message);
        return 3;
    }
    static const char *types[] = {"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "ACCUSE", "CONSULT"};
    static const char *isos[] = {"SYR", "IRQ", "YEM", "LBY", "SOM", "SDN", "MLI", "EGY"};
    static char towns[8][40][16];
    for (int c = 0; c < 8; c++)
        for (int t = 0; t < 40; t++)
            snprintf(towns[c][t], sizeof towns[c][t], "Town %c%c", 'a' + c, 'a' + t % 26 + (t >= 26));
    char text[2200];
    raml_arena ta;
    raml_arena_init(&ta, 1 << 20);
    double in_store = 0, cpu_store = 0, t0 = now();
    for (long d = 0; d < ndocs; d++) {
        char id[32], date[16];
        snprintf(id, sizeof id, "d%ld", d);
        rng = rng * 6364136223846793005ull + 1442695040888963407ull;
        unsigned long long rv = rng >> 16;
        int y = 2010 + (int)(rv % 14), mo = 1 + (int)(rv / 14 % 12), dd = 1 + (int)(rv / 168 % 28);
        snprintf(date, sizeof date, "%04d-%02d-%02d", y, mo, dd);
        int ty = (int)(rv / 4704 % 6), co = (int)(rv / 28224 % 8), town = (int)(rv / 225792 % 40);
        double jl = (double)(rv / 9031680 % 100) * 0.0005, jo = (double)(rv / 903168000 % 100) * 0.0005;
        size_t len = make_text(text, sizeof text, d);
        raml_arena_reset(&ta);
        raml_text an;
        raml_text_opts o = {0};
        raml_text_analyze(&ta, text, len, &o, &an, NULL);
        raml_event ev[2];
        const char *iso = isos[co];
        /* country co spans a 4x4 degree box; towns sit on a grid inside it */
        double lat = 10 + co * 4 + (town % 8) * 0.5 + jl, lon = 30 + (town / 8) * 0.8 + jo;
        fx_event(&ev[0], types[ty], "aerial", date, towns[co][town], "بلدة", iso, lat, lon, d % 50,
                 RAML_QUAL_EXACT);
        fx_event(&ev[1], types[(ty + 1) % 6], NULL, date, towns[co][town], "بلدة", iso, lat, lon,
                 -1, RAML_QUAL_EXACT);
        ev[0].sentence_index = (uint32_t)(d % 3);
        ev[1].sentence_index = (uint32_t)(3 + d % 4);
        const raml_event *p[2] = {&ev[0], &ev[1]};
        raml_doc_meta m = {id, NULL, "pub", date, NULL};
        char hash[17];
        raml_store_hash(&m, text, len, "v", hash);
        raml_store_doc doc = {.meta = &m, .text = text, .len = len, .hash = hash,
                              .dict_version = "v", .events = p, .nevents = 2, .analysis = &an};
        raml_put_result r;
        double a = now(), ca = cpu();
        if (d % 500 == 0)
            raml_store_begin(s, &err);
        if (raml_store_put_document(s, &doc, &r, &err) != RAML_OK) {
            fprintf(stderr, "%s\n", err.message);
            return 3;
        }
        if (d % 500 == 499 || d == ndocs - 1)
            raml_store_commit(s, &err);
        in_store += now() - a;
        cpu_store += cpu() - ca;
    }
    if (ndocs) {
        printf("ingest: %ld documents (2 KB, 2 events each): store %.2f s wall = %.0f docs/s, "
               "%.2f s CPU = %.0f docs per CPU-second (%.1f s with text generation)\n",
               ndocs, in_store, ndocs / in_store, cpu_store, ndocs / cpu_store, now() - t0);
    }
    raml_arena_free(&ta);
    raml_store_close(s);
    if (raml_store_open(path, true, &s, &err) != RAML_OK) {
        fprintf(stderr, "%s\n", err.message);
        return 3;
    }
    /* Word ranks 1, 30 and 3000 of the vocabulary: everywhere, common, rare. */
    q qs[] = {
        {"no filter", {0}},
        {"type", {.type = "ASSAULT"}},
        {"country", {.country = "SYR"}},
        {"type+country", {.type = "ASSAULT", .country = "SYR"}},
        {"date 1 week", {.from = "2020-05-01", .to = "2020-05-07"}},
        {"date 1 year", {.from = "2016-01-01", .to = "2016-12-31"}},
        {"date 5 years", {.from = "2012-01-01", .to = "2016-12-31"}},
        {"type+country+month", {.type = "ASSAULT", .country = "SYR", .from = "2015-03-01", .to = "2015-03-31"}},
        {"type+date 1 year", {.type = "PROTEST", .from = "2016-01-01", .to = "2016-12-31"}},
        {"actor (1/8 of events)", {.actor = "SYRMIL"}},
        {"actor (all events)", {.actor = "Civilians, \"local\""}},
        {"actor+type", {.actor = "IRQMIL", .type = "PROTEST"}},
        {"place (one town)", {.place = "Town ac"}},
        {"place (all events)", {.place = "بلدة"}},
        {"place+type+year", {.place = "Town ac", .type = "ASSAULT", .from = "2016-01-01", .to = "2016-12-31"}},
        {"near 25 km", {.near = true, .lat = 14.0, .lon = 30.8, .km = 25}},
        {"near 300 km", {.near = true, .lat = 14.0, .lon = 30.8, .km = 300}},
        {"near 25 km + year", {.near = true, .lat = 14.0, .lon = 30.8, .km = 25, .from = "2016-01-01", .to = "2016-12-31"}},
        {"text rare word", {.text = words[2999]}},
        {"text common word", {.text = words[29]}},
        {"text everywhere word", {.text = words[0]}},
        {"text 2 words", {.text = NULL}},
        {"text+country", {.text = words[29], .country = "SYR"}},
        {"text+actor+date", {.text = words[29], .actor = "SYRMIL", .from = "2012-01-01", .to = "2016-12-31"}},
        {"type+country+actor+place+date", {.type = "ASSAULT", .country = "SYR", .actor = "SYRMIL", .place = "Town ac", .from = "2010-01-01", .to = "2023-12-31"}},
    };
    char two[32];
    snprintf(two, sizeof two, "%s %s", words[9], words[19]);
    for (size_t i = 0; i < sizeof qs / sizeof *qs; i++)
        if (strcmp(qs[i].name, "text 2 words") == 0)
            qs[i].f.text = two;
    /* More shapes, dumped always and timed with BENCH_MORE=1: every driver and fallback the
     * store picks. */
    q more[] = {
        {"actor (all)+type+country+month", {.actor = "Civilians, \"local\"", .type = "ASSAULT", .country = "SYR", .from = "2015-03-01", .to = "2015-03-31"}},
        {"actor+near", {.actor = "SYRMIL", .near = true, .lat = 14.0, .lon = 30.8, .km = 300}},
        {"actor+place (all)+year", {.actor = "IRQMIL", .place = "بلدة", .from = "2020-01-01", .to = "2020-12-31"}},
        {"text+place", {.text = words[29], .place = "Town ac"}},
        {"text+type+near", {.text = words[19], .type = "PROTEST", .near = true, .lat = 14.0, .lon = 30.8, .km = 300}},
        {"text everywhere+actor (all)", {.text = words[0], .actor = "Civilians, \"local\""}},
        {"text+from only", {.text = words[29], .from = "2022-06-01"}},
        {"from only", {.from = "2022-06-01"}},
        {"to only", {.to = "2010-02-01"}},
    };
    size_t nq = sizeof qs / sizeof *qs, nm = sizeof more / sizeof *more;
    q every[64];
    memcpy(every, qs, nq * sizeof *qs);
    memcpy(every + nq, more, nm * sizeof *more);
    if (dump) {
        FILE *out = fopen(argv[3], "w");
        if (!out) {
            perror(argv[3]);
            return 3;
        }
        for (size_t i = 0; i < nq + nm; i++) {
            const q *f = &every[i]; /* the timed filters, then the others */
            unsigned long total = 0;
            int stopped;
            if (raml_store_count(s, &f->f, false, &total, &err) != RAML_OK) {
                fprintf(stderr, "%s: %s\n", f->name, err.message);
                return 3;
            }
            hashed all = {14695981039346656037ull, 0, NULL};
            if (raml_store_query(s, &f->f, hash_row, &all, &stopped, &err) != RAML_OK) {
                fprintf(stderr, "%s: %s\n", f->name, err.message);
                return 3;
            }
            fprintf(out, "== %s: count %lu, rows %ld, hash %016llx\n", f->name, total, all.n,
                    all.h);
            raml_store_filter pf = f->f;
            pf.limit = 500;
            unsigned long offsets[] = {0, 9750};
            for (int k = 0; k < 2; k++) {
                pf.offset = offsets[k];
                hashed page = {14695981039346656037ull, 0, k == 0 ? out : NULL};
                fprintf(out, "-- page at %lu\n", pf.offset);
                /* Without the count (as raml query), then with it (as the API): same rows. */
                pf.count_known = false;
                if (raml_store_query(s, &pf, hash_row, &page, &stopped, &err) != RAML_OK) {
                    fprintf(stderr, "%s: %s\n", f->name, err.message);
                    return 3;
                }
                hashed hinted = {14695981039346656037ull, 0, NULL};
                pf.count_known = true;
                pf.count = total;
                if (raml_store_query(s, &pf, hash_row, &hinted, &stopped, &err) != RAML_OK) {
                    fprintf(stderr, "%s: %s\n", f->name, err.message);
                    return 3;
                }
                fprintf(out, "-- %ld rows, hash %016llx%s\n", page.n, page.h,
                        hinted.n == page.n && hinted.h == page.h ? "" : " (DIFFERS WITH THE COUNT)");
            }
            printf("%s: %lu\n", f->name, total);
            fflush(stdout);
        }
        fclose(out);
        raml_store_close(s);
        return 0;
    }
    printf("%-32s %9s %9s %9s %9s\n", "filter (count + page of 500)", "total", "count ms",
           "page ms", "sum ms");
    double worst = 0;
    size_t ntimed = getenv("BENCH_MORE") ? nq + nm : nq;
    for (size_t i = 0; i < ntimed; i++) {
        const q *t = &every[i]; /* the timed filters, then (BENCH_MORE) the others */
        double best_c = 1e9, best_p = 1e9;
        unsigned long total = 0;
        long n = 0;
        for (int rep = 0; rep < 3; rep++) { /* warm: the best of three */
            double a = now();
            if (raml_store_count(s, &t->f, false, &total, &err) != RAML_OK) {
                fprintf(stderr, "%s: %s\n", t->name, err.message);
                return 3;
            }
            double b = now();
            raml_store_filter pf = t->f;
            pf.limit = 500;
            pf.count_known = true; /* as the API does: the count, then the page */
            pf.count = total;
            n = 0;
            int stopped;
            if (raml_store_query(s, &pf, count_row, &n, &stopped, &err) != RAML_OK) {
                fprintf(stderr, "%s: %s\n", t->name, err.message);
                return 3;
            }
            double c = now();
            if (b - a < best_c)
                best_c = b - a;
            if (c - b < best_p)
                best_p = c - b;
        }
        double sum = (best_c + best_p) * 1000;
        if (sum > worst)
            worst = sum;
        printf("%-32s %9lu %9.1f %9.1f %9.1f%s\n", t->name, total, best_c * 1000,
               best_p * 1000, sum, n == (long)(total < 500 ? total : 500) ? "" : "  PAGE MISMATCH");
    }
    printf("slowest count + page: %.1f ms\n", worst);
    raml_store_close(s);
    return 0;
}
