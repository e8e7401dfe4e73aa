/* Input documents: a plain UTF-8 file is one document; a JSON Lines file is one document
 * per line. A bad JSONL line is reported (file and line) and skipped; the caller goes on.
 * Lines are read whole with getline, so a 100 MB line costs memory, not correctness. */
#include "formats/formats.h"

#include <cJSON.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct raml_docsrc {
    FILE *fp;
    bool owns_fp, jsonl, done;
    char *path;
    char *id; /* plain: derived from the file name */
    char *line;
    size_t line_cap;
    long lineno;
    cJSON *json; /* the current JSONL document */
    char *plain; /* the current plain document */
    char *genid; /* the current JSONL document's id when it has none of its own */
};

static char *id_from_path(const char *path)
{
    if (strcmp(path, "-") == 0)
        return strdup("stdin");
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    return strndup(base, n);
}

raml_status raml_docsrc_open(const char *path, bool jsonl, raml_docsrc **out, raml_error *err)
{
    *out = NULL;
    raml_docsrc *s = calloc(1, sizeof *s);
    if (!s)
        return raml_error_set(err, RAML_ERR_INTERNAL, path, 0, -1, "out of memory");
    s->jsonl = jsonl;
    s->path = strdup(strcmp(path, "-") == 0 ? "stdin" : path);
    s->id = id_from_path(path);
    if (strcmp(path, "-") == 0) {
        s->fp = stdin;
    } else {
        s->fp = fopen(path, "rb");
        s->owns_fp = true;
        if (!s->fp) {
            raml_status st = raml_error_set(err, RAML_ERR_INPUT, path, 0, -1, "cannot open: %s",
                                            strerror(errno));
            raml_docsrc_close(s);
            return st;
        }
    }
    *out = s;
    return RAML_OK;
}

void raml_docsrc_close(raml_docsrc *s)
{
    if (!s)
        return;
    if (s->owns_fp && s->fp)
        fclose(s->fp);
    cJSON_Delete(s->json);
    free(s->plain);
    free(s->genid);
    free(s->line);
    free(s->path);
    free(s->id);
    free(s);
}

static raml_status next_plain(raml_docsrc *s, raml_srcdoc *doc, bool *has_doc, raml_error *err)
{
    s->done = true;
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    if (!buf)
        return raml_error_set(err, RAML_ERR_INTERNAL, s->path, 0, -1, "out of memory");
    for (;;) {
        if (len + 1 >= cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                return raml_error_set(err, RAML_ERR_INTERNAL, s->path, 0, -1, "out of memory");
            }
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + len, 1, cap - len - 1, s->fp);
        len += got;
        if (got == 0)
            break;
    }
    if (ferror(s->fp)) {
        long at = (long)len;
        free(buf);
        return raml_error_set(err, RAML_ERR_INPUT, s->path, 0, at, "read error: %s",
                              strerror(errno));
    }
    buf[len] = '\0';
    s->plain = buf;
    memset(doc, 0, sizeof *doc);
    doc->meta.id = s->id;
    doc->text = buf;
    doc->len = len;
    *has_doc = true;
    return RAML_OK;
}

static const char *json_str(const cJSON *obj, const char *name)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, name);
    return cJSON_IsString(v) && v->valuestring[0] ? v->valuestring : NULL;
}

static raml_status next_jsonl(raml_docsrc *s, raml_srcdoc *doc, bool *has_doc, raml_error *err)
{
    cJSON_Delete(s->json);
    s->json = NULL;
    for (;;) {
        errno = 0;
        ssize_t n = getline(&s->line, &s->line_cap, s->fp);
        if (n < 0) {
            s->done = true;
            if (errno && errno != EINVAL && ferror(s->fp))
                return raml_error_set(err, RAML_ERR_INPUT, s->path, s->lineno + 1, -1,
                                      "read error: %s", strerror(errno));
            return RAML_OK;
        }
        s->lineno++;
        size_t len = (size_t)n;
        while (len && (s->line[len - 1] == '\n' || s->line[len - 1] == '\r'))
            len--;
        size_t lead = 0;
        while (lead < len && (s->line[lead] == ' ' || s->line[lead] == '\t'))
            lead++;
        if (lead == len)
            continue; /* blank lines are not documents */
        if (memchr(s->line, '\0', len))
            return raml_error_set(err, RAML_ERR_INPUT, s->path, s->lineno,
                                  (long)((char *)memchr(s->line, '\0', len) - s->line),
                                  "NUL byte in JSON line; line skipped");
        const char *end = NULL;
        cJSON *j = cJSON_ParseWithLengthOpts(s->line, len, &end, false);
        if (!j) {
            const char *at = cJSON_GetErrorPtr();
            long off = at && at >= s->line && at <= s->line + len ? (long)(at - s->line) : -1;
            return raml_error_set(err, RAML_ERR_INPUT, s->path, s->lineno, off,
                                  "not valid JSON; line skipped");
        }
        if (!cJSON_IsObject(j)) {
            cJSON_Delete(j);
            return raml_error_set(err, RAML_ERR_INPUT, s->path, s->lineno, -1,
                                  "not a JSON object; line skipped");
        }
        const cJSON *text = cJSON_GetObjectItemCaseSensitive(j, "text");
        if (!text || !cJSON_IsString(text)) {
            cJSON_Delete(j);
            return raml_error_set(err, RAML_ERR_INPUT, s->path, s->lineno, -1,
                                  text ? "\"text\" is not a string; line skipped"
                                       : "no \"text\" field; line skipped");
        }
        const cJSON *idv = cJSON_GetObjectItemCaseSensitive(j, "id");
        static char numid[32];
        const char *id = NULL;
        if (cJSON_IsString(idv) && idv->valuestring[0])
            id = idv->valuestring;
        else if (cJSON_IsNumber(idv)) {
            snprintf(numid, sizeof numid, "%.0f", idv->valuedouble);
            id = numid;
        }
        if (!id) {
            /* A missing id is not fatal: the line number keeps the document addressable.
             * It lives beside the JSON, not inside it, so no key a line brings can shadow it. */
            free(s->genid);
            s->genid = malloc(strlen(s->id) + 32);
            if (!s->genid) {
                cJSON_Delete(j);
                return raml_error_set(err, RAML_ERR_INTERNAL, s->path, s->lineno, -1, "out of memory");
            }
            sprintf(s->genid, "%s-%ld", s->id, s->lineno);
            id = s->genid;
        }
        s->json = j;
        memset(doc, 0, sizeof *doc);
        doc->meta.id = id;
        doc->meta.url = json_str(j, "url");
        doc->meta.publisher = json_str(j, "publisher");
        doc->meta.pub_date = json_str(j, "date");
        if (!doc->meta.pub_date)
            doc->meta.pub_date = json_str(j, "pub_date");
        doc->meta.title = json_str(j, "title");
        doc->text = text->valuestring;
        doc->len = strlen(text->valuestring);
        doc->line = s->lineno;
        *has_doc = true;
        return RAML_OK;
    }
}

raml_status raml_docsrc_next(raml_docsrc *s, raml_srcdoc *doc, bool *has_doc, raml_error *err)
{
    raml_error_clear(err);
    *has_doc = false;
    if (s->done)
        return RAML_OK;
    return s->jsonl ? next_jsonl(s, doc, has_doc, err) : next_plain(s, doc, has_doc, err);
}
