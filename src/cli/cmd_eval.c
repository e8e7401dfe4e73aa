/* raml eval DIR — score the coder against gold files laid out like shared/eval:
 *   *_detect_*.csv   id,event_type,label,accept,reject,total,text  (label yes / easy no /
 *                    difficult no / ambiguous; ambiguous is not scored)
 *   *_actors_*.jsonl {"text","event_type","source"?,"spans":[{"source_role":{"main","role"},
 *                    "target_role":{...}}...]}
 * Detection: a sentence is predicted positive when the coder emits at least one actual,
 * non-negated event of the type. Actors: among the coder's events of the gold type, does any
 * have the source (actor) / target (recipient) country or sector some annotator gave? */
#include "cli/cli.h"
#include "util/buf.h"

#include <cJSON.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

void help_eval(FILE *out)
{
    fprintf(out,
            "usage: raml eval [--json] [--errors] [--data DIR] GOLD_DIR\n"
            "\n"
            "Scores the coder on gold files in GOLD_DIR (layout of shared/eval: *_detect_*.csv\n"
            "and *_actors_*.jsonl). Prints precision, recall and F1 per event type and the share\n"
            "of sentences whose source/target country and sector the coder got right.\n"
            "\n"
            "  --json     one JSON object with every figure instead of the table\n"
            "  --errors   list the ids of missed and spurious sentences on stderr\n");
}

typedef struct detect_score {
    char type[16];
    long tp, fp, fn, tn, skipped;
} detect_score;

typedef struct actor_score {
    char type[16];
    long n;
    long scored[4], correct[4]; /* source country, source sector, target country, target sector */
} actor_score;

static const char *const actor_fields[4] = {"source_country", "source_sector", "target_country",
                                            "target_sector"};

/* ---- CSV (RFC 4180: quoted fields may hold commas, quotes and newlines) ---- */

typedef struct csv_row {
    char **f;
    int n, cap;
} csv_row;

static void row_free(csv_row *r)
{
    for (int i = 0; i < r->n; i++)
        free(r->f[i]);
    free(r->f);
    memset(r, 0, sizeof *r);
}

static bool row_push(csv_row *r, raml_buf *field)
{
    if (r->n == r->cap) {
        int cap = r->cap ? r->cap * 2 : 8;
        char **nf = realloc(r->f, (size_t)cap * sizeof *nf);
        if (!nf)
            return false;
        r->f = nf;
        r->cap = cap;
    }
    r->f[r->n++] = strdup(field->data ? field->data : "");
    raml_buf_clear(field);
    return true;
}

/* Reads one record; false at end of input. */
static bool csv_next(FILE *fp, csv_row *r)
{
    row_free(r);
    raml_buf field;
    raml_buf_init(&field);
    bool quoted = false, any = false;
    int c;
    while ((c = fgetc(fp)) != EOF) {
        any = true;
        if (quoted) {
            if (c == '"') {
                int d = fgetc(fp);
                if (d == '"')
                    raml_buf_putc(&field, '"');
                else {
                    quoted = false;
                    if (d != EOF)
                        ungetc(d, fp);
                }
            } else {
                raml_buf_putc(&field, (char)c);
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            row_push(r, &field);
        } else if (c == '\n') {
            break;
        } else if (c != '\r') {
            raml_buf_putc(&field, (char)c);
        }
    }
    if (any)
        row_push(r, &field);
    raml_buf_free(&field);
    return any;
}

/* Gigaword ids carry the publication date: AAW_ARB_20071026.0026-2 → 2007-10-26. */
static const char *date_from_id(const char *id, char out[11])
{
    const char *p = id ? strstr(id, "_ARB_") : NULL;
    if (!p)
        return NULL;
    p += 5;
    for (int i = 0; i < 8; i++)
        if (p[i] < '0' || p[i] > '9')
            return NULL;
    snprintf(out, 11, "%.4s-%.2s-%.2s", p, p + 4, p + 6);
    return out;
}

typedef struct evaluator {
    const raml_lexicon *lex;
    raml_doc *doc;
    bool errors;
    detect_score det[8];
    int ndet;
    actor_score act[8];
    int nact;
    long sentences;
} evaluator;

static bool code_sentence(evaluator *e, const char *id, const char *text, const char *type)
{
    char date[11];
    raml_doc_meta meta = {.id = id ? id : "gold", .pub_date = date_from_id(id, date)};
    raml_error err;
    if (raml_doc_code(e->doc, e->lex, &meta, text, strlen(text), &err) != RAML_OK) {
        cli_report(&err);
        return false;
    }
    e->sentences++;
    (void)type;
    return true;
}

static bool has_actual(const raml_doc *doc, const char *type)
{
    for (size_t i = 0; i < raml_doc_event_count(doc); i++) {
        const raml_event *ev = raml_doc_event(doc, i);
        if (ev->plover_type && strcmp(ev->plover_type, type) == 0 &&
            ev->modality.polarity == RAML_POLARITY_POSITIVE &&
            ev->modality.realis == RAML_REALIS_ACTUAL)
            return true;
    }
    return false;
}

static detect_score *det_for(evaluator *e, const char *type)
{
    for (int i = 0; i < e->ndet; i++)
        if (strcmp(e->det[i].type, type) == 0)
            return &e->det[i];
    if (e->ndet == 8)
        return NULL;
    detect_score *d = &e->det[e->ndet++];
    memset(d, 0, sizeof *d);
    snprintf(d->type, sizeof d->type, "%s", type);
    return d;
}

static actor_score *act_for(evaluator *e, const char *type)
{
    for (int i = 0; i < e->nact; i++)
        if (strcmp(e->act[i].type, type) == 0)
            return &e->act[i];
    if (e->nact == 8)
        return NULL;
    actor_score *a = &e->act[e->nact++];
    memset(a, 0, sizeof *a);
    snprintf(a->type, sizeof a->type, "%s", type);
    return a;
}

static int eval_detect(evaluator *e, const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        cli_errorf("eval: cannot open %s", path);
        return EXIT_INPUT;
    }
    csv_row r = {0};
    int col_id = -1, col_type = -1, col_label = -1, col_text = -1;
    if (csv_next(fp, &r)) {
        for (int i = 0; i < r.n; i++) {
            if (strcmp(r.f[i], "id") == 0) col_id = i;
            else if (strcmp(r.f[i], "event_type") == 0) col_type = i;
            else if (strcmp(r.f[i], "label") == 0) col_label = i;
            else if (strcmp(r.f[i], "text") == 0) col_text = i;
        }
    }
    if (col_type < 0 || col_label < 0 || col_text < 0) {
        cli_errorf("eval: %s: header lacks event_type, label or text", path);
        row_free(&r);
        fclose(fp);
        return EXIT_INPUT;
    }
    int rc = EXIT_OK;
    long line = 1;
    while (csv_next(fp, &r)) {
        line++;
        if (r.n <= col_text || r.n <= col_label) {
            cli_errorf("eval: %s: record %ld: too few fields; skipped", path, line);
            rc = EXIT_INPUT;
            continue;
        }
        detect_score *d = det_for(e, r.f[col_type]);
        if (!d)
            continue;
        const char *label = r.f[col_label];
        bool gold_yes = strcmp(label, "yes") == 0;
        bool gold_no = strcmp(label, "easy no") == 0 || strcmp(label, "difficult no") == 0;
        if (!gold_yes && !gold_no) {
            d->skipped++;
            continue;
        }
        const char *id = col_id >= 0 ? r.f[col_id] : NULL;
        if (!code_sentence(e, id, r.f[col_text], d->type)) {
            rc = EXIT_INTERNAL;
            break;
        }
        bool pred = has_actual(e->doc, d->type);
        if (pred && gold_yes) d->tp++;
        else if (pred) d->fp++;
        else if (gold_yes) d->fn++;
        else d->tn++;
        if (e->errors && pred != gold_yes)
            fprintf(stderr, "%s %s %s\n", d->type, pred ? "FP" : "FN", id ? id : "?");
    }
    row_free(&r);
    fclose(fp);
    return rc;
}

static const char *gold_value(const cJSON *role, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(role, key);
    if (!cJSON_IsString(v) || !v->valuestring[0] || strcmp(v->valuestring, "None") == 0)
        return NULL;
    return v->valuestring;
}

/* Does any coder event of `type` have an actor of `role` whose country/sector is `want`? */
static bool coder_has(const raml_doc *doc, const char *type, raml_role role, bool sector,
                      const char *want)
{
    for (size_t i = 0; i < raml_doc_event_count(doc); i++) {
        const raml_event *ev = raml_doc_event(doc, i);
        if (!ev->plover_type || strcmp(ev->plover_type, type) != 0)
            continue;
        for (int a = 0; a < ev->nactors; a++) {
            const raml_actor *ac = &ev->actors[a];
            if (ac->role != role)
                continue;
            if (!sector && strcmp(ac->country, want) == 0)
                return true;
            if (sector) {
                if (strcmp(ac->sector, want) == 0)
                    return true;
                for (int s = 0; s < ac->nsectors; s++)
                    if (strcmp(ac->sectors[s], want) == 0)
                        return true;
            }
        }
    }
    return false;
}

static int eval_actors(evaluator *e, const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        cli_errorf("eval: cannot open %s", path);
        return EXIT_INPUT;
    }
    int rc = EXIT_OK;
    char *line = NULL;
    size_t cap = 0;
    long lineno = 0;
    while (getline(&line, &cap, fp) > 0) {
        lineno++;
        cJSON *j = cJSON_Parse(line);
        const cJSON *text = cJSON_GetObjectItemCaseSensitive(j, "text");
        const cJSON *type = cJSON_GetObjectItemCaseSensitive(j, "event_type");
        const cJSON *spans = cJSON_GetObjectItemCaseSensitive(j, "spans");
        if (!cJSON_IsString(text) || !cJSON_IsString(type) || !cJSON_IsArray(spans)) {
            cli_errorf("eval: %s:%ld: not a gold actor line; skipped", path, lineno);
            cJSON_Delete(j);
            rc = EXIT_INPUT;
            continue;
        }
        actor_score *a = act_for(e, type->valuestring);
        const cJSON *src = cJSON_GetObjectItemCaseSensitive(j, "source");
        const char *id = cJSON_IsString(src) ? src->valuestring : NULL;
        if (!a || !code_sentence(e, id, text->valuestring, type->valuestring)) {
            cJSON_Delete(j);
            if (a) {
                rc = EXIT_INTERNAL;
                break;
            }
            continue;
        }
        a->n++;
        for (int f = 0; f < 4; f++) {
            bool any_gold = false, hit = false;
            const cJSON *span;
            cJSON_ArrayForEach(span, spans)
            {
                const cJSON *role = cJSON_GetObjectItemCaseSensitive(
                    span, f < 2 ? "source_role" : "target_role");
                const char *want = gold_value(role, (f % 2) ? "role" : "main");
                if (!want)
                    continue;
                any_gold = true;
                if (!hit)
                    hit = coder_has(e->doc, type->valuestring,
                                    f < 2 ? RAML_ROLE_ACTOR : RAML_ROLE_RECIPIENT, f % 2, want);
            }
            if (any_gold) {
                a->scored[f]++;
                if (hit)
                    a->correct[f]++;
                else if (e->errors)
                    fprintf(stderr, "%s actors miss %s %s\n", type->valuestring, actor_fields[f],
                            id ? id : "?");
            }
        }
        cJSON_Delete(j);
    }
    free(line);
    fclose(fp);
    return rc;
}

static double ratio(long a, long b) { return b ? (double)a / (double)b : 0.0; }

static void print_results(const evaluator *e, bool json)
{
    if (json) {
        printf("{\"sentences\":%ld,\"detection\":{", e->sentences);
        for (int i = 0; i < e->ndet; i++) {
            const detect_score *d = &e->det[i];
            double p = ratio(d->tp, d->tp + d->fp), r = ratio(d->tp, d->tp + d->fn);
            double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
            printf("%s\"%s\":{\"precision\":%.4f,\"recall\":%.4f,\"f1\":%.4f,\"tp\":%ld,\"fp\":%ld,"
                   "\"fn\":%ld,\"tn\":%ld,\"skipped\":%ld}",
                   i ? "," : "", d->type, p, r, f, d->tp, d->fp, d->fn, d->tn, d->skipped);
        }
        printf("},\"actors\":{");
        for (int i = 0; i < e->nact; i++) {
            const actor_score *a = &e->act[i];
            printf("%s\"%s\":{\"sentences\":%ld", i ? "," : "", a->type, a->n);
            for (int f = 0; f < 4; f++)
                printf(",\"%s\":{\"accuracy\":%.4f,\"scored\":%ld}", actor_fields[f],
                       ratio(a->correct[f], a->scored[f]), a->scored[f]);
            printf("}");
        }
        printf("}}\n");
        return;
    }
    printf("detection        precision  recall     F1     tp    fp    fn    tn\n");
    for (int i = 0; i < e->ndet; i++) {
        const detect_score *d = &e->det[i];
        double p = ratio(d->tp, d->tp + d->fp), r = ratio(d->tp, d->tp + d->fn);
        double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
        printf("%-16s %9.3f %7.3f %6.3f %6ld %5ld %5ld %5ld\n", d->type, p, r, f, d->tp, d->fp,
               d->fn, d->tn);
    }
    printf("\nactors (share correct / scored)\n");
    printf("%-10s %-18s %-18s %-18s %-18s\n", "type", "source country", "source sector",
           "target country", "target sector");
    for (int i = 0; i < e->nact; i++) {
        const actor_score *a = &e->act[i];
        printf("%-10s", a->type);
        for (int f = 0; f < 4; f++) {
            char cell[32];
            snprintf(cell, sizeof cell, "%.3f (%ld/%ld)", ratio(a->correct[f], a->scored[f]),
                     a->correct[f], a->scored[f]);
            printf(" %-18s", cell);
        }
        printf("\n");
    }
    printf("\n%ld sentences coded\n", e->sentences);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int cmd_eval(int argc, char **argv)
{
    const char *dir = NULL, *data_dir = NULL;
    bool json = false;
    evaluator e = {0};
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0)
            json = true;
        else if (strcmp(argv[i], "--errors") == 0)
            e.errors = true;
        else if (strcmp(argv[i], "--data") == 0 && i + 1 < argc)
            data_dir = argv[++i];
        else if (argv[i][0] != '-' && !dir)
            dir = argv[i];
        else {
            cli_errorf("eval: unexpected argument '%s'", argv[i]);
            return EXIT_USAGE;
        }
    }
    if (!dir) {
        cli_errorf("eval: which gold directory? (raml eval DIR)");
        return EXIT_USAGE;
    }
    DIR *d = opendir(dir);
    if (!d) {
        cli_errorf("eval: cannot open directory %s", dir);
        return EXIT_INPUT;
    }
    char *names[256];
    int nnames = 0;
    struct dirent *de;
    while ((de = readdir(d)) && nnames < 256) {
        const char *n = de->d_name;
        size_t len = strlen(n);
        bool detect = strstr(n, "_detect_") && len > 4 && strcmp(n + len - 4, ".csv") == 0;
        bool actors = strstr(n, "_actors_") && len > 6 && strcmp(n + len - 6, ".jsonl") == 0;
        if (detect || actors)
            names[nnames++] = strdup(n);
    }
    closedir(d);
    qsort(names, (size_t)nnames, sizeof *names, by_name);
    if (nnames == 0) {
        cli_errorf("eval: no *_detect_*.csv or *_actors_*.jsonl files in %s", dir);
        return EXIT_INPUT;
    }
    raml_lexicon *lex = cli_load_lexicon(data_dir);
    if (!lex) {
        for (int i = 0; i < nnames; i++)
            free(names[i]);
        return EXIT_INTERNAL;
    }
    e.lex = lex;
    e.doc = raml_doc_new();
    int rc = EXIT_OK;
    for (int i = 0; i < nnames; i++) {
        size_t len = strlen(dir) + strlen(names[i]) + 2;
        char *path = malloc(len);
        snprintf(path, len, "%s/%s", dir, names[i]);
        int r = strstr(names[i], "_detect_") ? eval_detect(&e, path) : eval_actors(&e, path);
        if (r > rc)
            rc = r;
        free(path);
        free(names[i]);
    }
    print_results(&e, json);
    raml_doc_free(e.doc);
    raml_lexicon_free(lex);
    return rc;
}
