/* libFuzzer target for the HTTP API's query parameters: the input is split into name=value
 * pairs at '&'; parsing must accept or reject with a message, never crash or overrun. */
#include "server/params.h"

#include <stdlib.h>
#include <string.h>

typedef struct pairs {
    char *names[32], *values[32];
    int n;
} pairs;

static const char *get(void *cls, const char *name)
{
    pairs *p = cls;
    for (int i = 0; i < p->n; i++)
        if (strcmp(p->names[i], name) == 0)
            return p->values[i];
    return NULL;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        return 0;
    memcpy(s, data, size);
    s[size] = '\0';
    pairs p = {.n = 0};
    for (char *tok = strtok(s, "&"); tok && p.n < 32; tok = strtok(NULL, "&")) {
        char *eq = strchr(tok, '=');
        if (!eq)
            continue;
        *eq = '\0';
        p.names[p.n] = tok;
        p.values[p.n++] = eq + 1;
    }
    srv_query q;
    char msg[256];
    if (!srv_parse_query(get, &p, 5000, &q, msg, sizeof msg) && !memchr(msg, '\0', sizeof msg))
        abort();
    char out[11];
    srv_parse_date(s, false, out);
    srv_valid_types(s);
    free(s);
    return 0;
}
