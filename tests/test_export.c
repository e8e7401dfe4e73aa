/* Exporters: jsonl round trip, PLOVER required fields, ACLED header/rows/quoting/codes,
 * GeoJSON structure and [lon, lat] order. Output is parsed back with cJSON. */
#include "formats/export.h"
#include "harness.h"
#include "store_fixture.h"
#include "util/arena.h"

#include <cJSON.h>

static raml_doc_meta meta = {"doc-1", "https://example.org/a,b", "وكالة \"الأنباء\"", "2019-08-05",
                             "عنوان"};

static void make(raml_event ev[4])
{
    fx_event(&ev[0], "ASSAULT", "aerial", "2019-08-04", "Murzuq", "مرزق", "LBY", 25.9155, 13.9184,
             42, RAML_QUAL_EXACT);
    fx_event(&ev[1], "PROTEST", "demo", "2019-08", "Tripoli", "طرابلس", "LBY", 32.8872, 13.1913,
             -1, RAML_QUAL_EXACT);
    ev[1].index_in_sentence = 1;
    fx_event(&ev[2], "THREATEN", NULL, "2019-08-04", NULL, NULL, "LBY", 0, 0, -1, RAML_QUAL_EXACT);
    ev[2].sentence_index = 1;
    ev[2].modality.realis = RAML_REALIS_FUTURE; /* non-actual: dropped by default */
    fx_event(&ev[3], "ASSAULT", "firearms", "2019-08-04", NULL, NULL, "LBY", 0, 0, 5,
             RAML_QUAL_AT_LEAST);
    ev[3].sentence_index = 2;
    ev[3].cluster_id = "c1";
}

static void test_jsonl_roundtrip(void)
{
    raml_event ev[4];
    make(ev);
    raml_writer_ctx w = {.meta = &meta, .dict_version = "dict-1"};
    raml_arena a;
    raml_arena_init(&a, 4096);
    for (int i = 0; i < 4; i++) {
        raml_buf b1, b2;
        raml_buf_init(&b1);
        raml_buf_init(&b2);
        raml_write_event_json(&b1, &w, &ev[i]);
        raml_event back;
        raml_doc_meta m2;
        const char *dict;
        raml_error err;
        CHECK_INT(raml_read_event_json(&a, b1.data, b1.len, &back, &m2, &dict, &err), RAML_OK);
        raml_writer_ctx w2 = {.meta = &m2, .dict_version = dict};
        raml_write_event_json(&b2, &w2, &back);
        CHECK_MSG(b1.len == b2.len && memcmp(b1.data, b2.data, b1.len) == 0,
                  "round trip differs:\n%s\n%s", b1.data, b2.data);
        raml_buf_free(&b1);
        raml_buf_free(&b2);
    }
    raml_event back;
    raml_doc_meta m2;
    raml_error err;
    CHECK_INT(raml_read_event_json(&a, "{\"schema\":\"x\"}", 14, &back, &m2, NULL, &err), RAML_ERR_INPUT);
    CHECK_INT(raml_read_event_json(&a, "{oops", 5, &back, &m2, NULL, &err), RAML_ERR_INPUT);
    /* An overflowing number parses to inf, which the writer cannot put back as JSON; a
     * latitude past the pole is just as impossible. Both are rejected on the way in. */
    static const char *impossible[] = {
        "{\"schema\":\"raml.event/1\",\"event_id\":\"d:s0:e0\",\"location\":{\"lat\":35.E3060,\"lon\":1}}",
        "{\"schema\":\"raml.event/1\",\"event_id\":\"d:s0:e0\",\"location\":{\"lat\":95,\"lon\":1}}",
    };
    for (size_t i = 0; i < sizeof impossible / sizeof *impossible; i++)
        CHECK_INT(raml_read_event_json(&a, impossible[i], strlen(impossible[i]), &back, &m2, NULL, &err),
                  RAML_ERR_INPUT);
    raml_arena_free(&a);
}

static char *export_all(raml_format f, bool all, unsigned long *count)
{
    raml_event ev[4];
    make(ev);
    raml_writer_ctx w = {.meta = &meta, .dict_version = "dict-1"};
    raml_exporter ex;
    raml_buf b;
    raml_buf_init(&b);
    raml_export_begin(&ex, f, &b);
    ex.include_nonactual = all;
    ex.timestamp = 1700000000;
    for (int i = 0; i < 4; i++)
        raml_export_event(&ex, &b, &w, &ev[i]);
    raml_export_end(&ex, &b);
    *count = ex.count;
    return b.data;
}

static void test_plover(void)
{
    unsigned long n;
    char *out = export_all(RAML_FMT_PLOVER, false, &n);
    CHECK_INT(n, 3);
    int lines = 0;
    for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n")) {
        cJSON *o = cJSON_Parse(line);
        CHECK(o != NULL);
        const char *req[] = {"id", "date", "actor", "event"};
        for (int i = 0; o && i < 4; i++)
            CHECK_MSG(cJSON_GetObjectItem(o, req[i]) != NULL, "missing %s", req[i]);
        CHECK(cJSON_IsArray(cJSON_GetObjectItem(o, "event")));
        CHECK(cJSON_IsObject(cJSON_GetObjectItem(o, "cite_info")));
        if (lines == 0) {
            cJSON *loc = cJSON_GetObjectItem(o, "event_loc");
            CHECK_INT(cJSON_GetObjectItem(loc, "resolution")->valueint, 4);
            CHECK_INT(cJSON_GetObjectItem(cJSON_GetObjectItem(o, "size"), "dead")->valueint, 42);
        }
        cJSON_Delete(o);
        lines++;
    }
    CHECK_INT(lines, 3);
    free(out);
    out = export_all(RAML_FMT_PLOVER, true, &n);
    CHECK_INT(n, 4);
    CHECK(strstr(out, "\"future\"") != NULL);
    free(out);
}

static void test_acled(void)
{
    unsigned long n;
    char *out = export_all(RAML_FMT_ACLED, false, &n);
    char *nl = strchr(out, '\n');
    CHECK(nl && strncmp(out, "event_id_cnty,event_date,year,time_precision,disorder_type,", 58) == 0);
    int cols = 1;
    for (char *p = out; p < nl; p++)
        cols += *p == ',';
    CHECK_INT(cols, 31);
    int rows = 0;
    for (char *p = out; *p; p++)
        rows += *p == '\n';
    CHECK_INT(rows - 1, 3); /* the THREATEN is non-actual */
    CHECK(strstr(out, "LBY1,2019-08-04,2019,1,Political violence,Explosions/Remote violence,Air/drone strike,") != NULL);
    CHECK(strstr(out, ",434,Northern Africa,Libya,Idlib,,,Murzuq,25.9155,13.9184,1,") != NULL);
    CHECK(strstr(out, "\"Civilians, \"\"local\"\"\"") != NULL); /* RFC 4180 quoting */
    CHECK(strstr(out, "\"وكالة \"\"الأنباء\"\"\"") != NULL);
    CHECK(strstr(out, "2019-08-15,2019,3,Demonstrations,Protests,Peaceful protest") != NULL);
    CHECK(strstr(out, ",17,Civilian targeting,") != NULL); /* inter 1 vs 7 */
    CHECK(strstr(out, ",5,ar_coder_qualifier=at_least;ar_coder_certainty=reported,1700000000\n") != NULL);
    free(out);
}

static void test_geojson(void)
{
    unsigned long n;
    char *out = export_all(RAML_FMT_GEOJSON, false, &n);
    cJSON *o = cJSON_Parse(out);
    CHECK(o != NULL);
    CHECK_STR(cJSON_GetObjectItem(o, "type")->valuestring, "FeatureCollection");
    cJSON *fs = cJSON_GetObjectItem(o, "features");
    CHECK_INT(cJSON_GetArraySize(fs), 3);
    cJSON *f0 = cJSON_GetArrayItem(fs, 0);
    cJSON *coords = cJSON_GetObjectItem(cJSON_GetObjectItem(f0, "geometry"), "coordinates");
    CHECK(cJSON_GetArrayItem(coords, 0)->valuedouble > 13.9 && cJSON_GetArrayItem(coords, 0)->valuedouble < 14);
    CHECK(cJSON_GetArrayItem(coords, 1)->valuedouble > 25.9 && cJSON_GetArrayItem(coords, 1)->valuedouble < 26);
    CHECK(cJSON_IsNull(cJSON_GetObjectItem(cJSON_GetArrayItem(fs, 2), "geometry")));
    CHECK_STR(cJSON_GetObjectItem(cJSON_GetObjectItem(cJSON_GetArrayItem(fs, 2), "properties"), "cluster_id")->valuestring, "c1");
    cJSON_Delete(o);
    free(out);
    raml_exporter ex;
    raml_buf b;
    raml_buf_init(&b);
    raml_export_begin(&ex, RAML_FMT_GEOJSON, &b);
    raml_export_end(&ex, &b);
    o = cJSON_Parse(b.data);
    CHECK(o && cJSON_GetArraySize(cJSON_GetObjectItem(o, "features")) == 0);
    cJSON_Delete(o);
    raml_buf_free(&b);
}

int main(void)
{
    raml_format f;
    CHECK(raml_format_parse("acled", &f) && f == RAML_FMT_ACLED);
    CHECK(!raml_format_parse("csv", &f));
    CHECK_INT(raml_iso_numeric("SYR", NULL), 760);
    CHECK_INT(raml_iso_numeric("ZZZ", NULL), 0);
    test_jsonl_roundtrip();
    test_plover();
    test_acled();
    test_geojson();
    return harness_finish("test_export");
}
