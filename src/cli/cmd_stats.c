/* raml stats — what is in a store: counts by type, month, country and place. */
#include "cli/cli.h"
#include "store/store.h"

#include <cJSON.h>
#include <stdlib.h>
#include <string.h>

void help_stats(FILE *out)
{
    fprintf(out, "usage: raml stats --db PATH|postgresql://... [--json]\n"
                 "\n"
                 "Counts of stored documents, events and clusters, and of events by PLOVER type,\n"
                 "month, country and place (top 50). A table by default; --json prints one JSON\n"
                 "object.\n"
                 "\n"
                 "exit codes: 0 ok; 1 usage; 3 storage error.\n");
}

static void section(const cJSON *root, const char *key, const char *title)
{
    const cJSON *o = cJSON_GetObjectItemCaseSensitive(root, key), *it;
    printf("\n%s\n", title);
    if (!cJSON_GetArraySize(o)) {
        printf("  (none)\n");
        return;
    }
    cJSON_ArrayForEach(it, o) printf("  %-24s %8.0f\n", it->string, it->valuedouble);
}

int cmd_stats(int argc, char **argv)
{
    const char *db = NULL;
    bool json = false;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
            db = argv[++i];
        } else if (strcmp(argv[i], "--json") == 0) {
            json = true;
        } else {
            cli_errorf("stats: unknown option '%s'", argv[i]);
            return EXIT_USAGE;
        }
    }
    if (!db) {
        cli_errorf("stats: --db PATH or --db postgresql://... is required");
        return EXIT_USAGE;
    }
    raml_error err;
    raml_error_clear(&err);
    raml_store *s = NULL;
    char *out = NULL;
    if (raml_store_open(db, true, &s, &err) != RAML_OK || raml_store_stats(s, &out, &err) != RAML_OK) {
        cli_report(&err);
        raml_store_close(s);
        return EXIT_INTERNAL;
    }
    raml_store_close(s);
    if (json) {
        printf("%s\n", out);
        free(out);
        return EXIT_OK;
    }
    cJSON *root = cJSON_Parse(out);
    free(out);
    if (!root) {
        cli_errorf("stats: out of memory");
        return EXIT_INTERNAL;
    }
    static const char *const totals[] = {"documents", "events", "actual_events", "clusters",
                                         "multi_source_clusters"};
    for (size_t i = 0; i < sizeof totals / sizeof *totals; i++) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(root, totals[i]);
        printf("%-24s %10.0f\n", totals[i], cJSON_IsNumber(v) ? v->valuedouble : 0);
    }
    section(root, "by_type", "events by type");
    section(root, "by_month", "events by month");
    section(root, "by_country", "events by country");
    section(root, "by_place", "events by place (top 50)");
    cJSON_Delete(root);
    return EXIT_OK;
}
