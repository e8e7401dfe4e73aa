/* Store speed: ingest of synthetic 2 KB documents (2 events each) into SQLite on one core,
 * then filtered queries over the result. Types, countries, places and dates are drawn from
 * a fixed pseudo-random sequence (not d % k, whose residues correlate so that some filter
 * combinations can never match): dates uniform over 2010-2023, 40 towns per country with a
 * few km of jitter, so every benchmark query has results.
 *   bench_store [DOCS [DB]]   e.g. bench_store 500000 /tmp/big.db  (1 million events) */
#include "store/store.h"

#include "../tests/store_fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + t.tv_nsec / 1e9;
}

static int count_row(void *c, const char *j, size_t n)
{
    ++*(long *)c;
    return 0;
}

int main(int argc, char **argv)
{
    long ndocs = argc > 1 ? atol(argv[1]) : 20000;
    const char *path = argc > 2 ? argv[2] : "/tmp/raml-bench-store.db";
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
    char text[2100];
    for (int i = 0; i < 2048; i++)
        text[i] = "abcdefgh ijklmno pqrst uvwxyz "[i % 30];
    text[2048] = '\0';
    unsigned long long rng = 42;
    double t0 = now();
    raml_store_begin(s, &err);
    for (long d = 0; d < ndocs; d++) {
        char id[32], date[16], pd[16];
        snprintf(id, sizeof id, "d%ld", d);
        rng = rng * 6364136223846793005ull + 1442695040888963407ull;
        unsigned long long rv = rng >> 16;
        int y = 2010 + (int)(rv % 14), mo = 1 + (int)(rv / 14 % 12), dd = 1 + (int)(rv / 168 % 28);
        snprintf(date, sizeof date, "%04d-%02d-%02d", y, mo, dd);
        snprintf(pd, sizeof pd, "%s", date);
        int ty = (int)(rv / 4704 % 6), co = (int)(rv / 28224 % 8), town = (int)(rv / 225792 % 40);
        double jl = (double)(rv / 9031680 % 100) * 0.0005, jo = (double)(rv / 903168000 % 100) * 0.0005;
        snprintf(text, 20, "doc %09ld ", d % 1000000000L); /* distinct texts */
        text[19] = ' ';
        raml_event ev[2];
        const char *iso = isos[co];
        /* country co spans a 4x4 degree box; towns sit on a grid inside it */
        double lat = 10 + co * 4 + (town % 8) * 0.5 + jl, lon = 30 + (town / 8) * 0.8 + jo;
        fx_event(&ev[0], types[ty], "aerial", date, "Town", "بلدة", iso, lat, lon, d % 50,
                 RAML_QUAL_EXACT);
        fx_event(&ev[1], types[(ty + 1) % 6], NULL, date, "Town", "بلدة", iso, lat, lon, -1,
                 RAML_QUAL_EXACT);
        ev[1].index_in_sentence = 1;
        const raml_event *p[2] = {&ev[0], &ev[1]};
        raml_doc_meta m = {id, NULL, "pub", pd, NULL};
        char hash[17];
        raml_store_hash(&m, text, 2048, "v", hash);
        raml_store_doc doc = {.meta = &m, .text = text, .len = 2048, .hash = hash,
                              .dict_version = "v", .events = p, .nevents = 2};
        raml_put_result r;
        if (raml_store_put_document(s, &doc, &r, &err) != RAML_OK) {
            fprintf(stderr, "%s\n", err.message);
            return 3;
        }
        if (d % 1000 == 999) {
            raml_store_commit(s, &err);
            raml_store_begin(s, &err);
        }
    }
    raml_store_commit(s, &err);
    double t1 = now();
    if (ndocs)
        printf("ingest: %ld documents (2 KB, 2 events each) in %.2f s = %.0f docs/s\n", ndocs, t1 - t0,
           ndocs / (t1 - t0));
    raml_store_close(s);
    raml_store_open(path, true, &s, &err);
    struct {
        const char *name;
        raml_store_filter f;
    } q[] = {
        {"type+country+month", {.type = "ASSAULT", .country = "SYR", .from = "2015-03-01", .to = "2015-03-31"}},
        {"near 25 km + year", {.near = true, .lat = 14.0, .lon = 30.8, .km = 25, .from = "2016-01-01", .to = "2016-12-31"}},
        {"actor + limit 100", {.actor = "SYRMIL", .limit = 100}},
        {"date range 1 week", {.from = "2020-05-01", .to = "2020-05-07"}},
    };
    for (size_t i = 0; i < sizeof q / sizeof *q; i++) {
        long n = 0;
        int stopped;
        double a = now();
        raml_store_query(s, &q[i].f, count_row, &n, &stopped, &err);
        printf("query %-22s %7ld events in %6.1f ms\n", q[i].name, n, (now() - a) * 1000);
    }
    raml_store_close(s);
    return 0;
}
