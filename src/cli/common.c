/* Helpers shared by the subcommands: error reporting, option values, loading dictionaries. */
#include "cli/cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void cli_errorf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("raml: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

void cli_report(const raml_error *err)
{
    fputs("raml: ", stderr);
    if (err->file[0]) {
        fputs(err->file, stderr);
        if (err->line > 0)
            fprintf(stderr, ":%ld", err->line);
        fputs(": ", stderr);
    }
    if (err->offset >= 0)
        fprintf(stderr, "byte %ld: ", err->offset);
    fprintf(stderr, "%s\n", err->message);
}

bool cli_wants_help(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            return false;
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)
            return true;
    }
    return false;
}

raml_lexicon *cli_load_lexicon(const char *data_dir)
{
    raml_lexicon *lex = NULL;
    raml_error err;
    raml_error_clear(&err);
    if (raml_lexicon_load(data_dir, &lex, &err) != RAML_OK) {
        cli_report(&err);
        return NULL;
    }
    return lex;
}

bool cli_parse_uint(const char *opt, const char *value, unsigned long max, unsigned long *out)
{
    if (!value || !*value) {
        cli_errorf("%s needs a value", opt);
        return false;
    }
    errno = 0;
    char *end;
    unsigned long v = strtoul(value, &end, 10);
    if (errno || *end || value[0] == '-' || v > max) {
        cli_errorf("%s: '%s' is not a whole number from 0 to %lu", opt, value, max);
        return false;
    }
    *out = v;
    return true;
}
