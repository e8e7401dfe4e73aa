/* The raml command line: one file per subcommand. Only this directory prints or exits. */
#ifndef RAML_CLI_H
#define RAML_CLI_H

#include "raml.h"

#include <stdbool.h>
#include <stdio.h>

/* Exit codes (shared/spec/cli.md). */
enum {
    EXIT_OK = 0,
    EXIT_USAGE = 1,
    EXIT_INPUT = 2,   /* some input could not be read or parsed; the rest was processed */
    EXIT_INTERNAL = 3 /* internal or storage error */
};

typedef struct cli_command {
    const char *name;
    const char *summary;
    int (*run)(int argc, char **argv); /* argv[0] is the command name */
    void (*help)(FILE *out);
} cli_command;

#define CLI_COMMAND(name) \
    int cmd_##name(int argc, char **argv); \
    void help_##name(FILE *out)
CLI_COMMAND(tokens);
CLI_COMMAND(code);
CLI_COMMAND(explain);
CLI_COMMAND(eval);
CLI_COMMAND(ingest);
CLI_COMMAND(query);
CLI_COMMAND(stats);
CLI_COMMAND(serve);

/* "raml: <file>:<line>: offset N: message" on stderr. */
void cli_report(const raml_error *err);
void cli_errorf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* True when argv[i] is -h or --help. */
bool cli_wants_help(int argc, char **argv);
/* Loads the dictionaries (from --data DIR or the default), reporting errors; NULL on failure. */
raml_lexicon *cli_load_lexicon(const char *data_dir);
/* Parses a positive integer option value; false (with a message) when malformed. */
bool cli_parse_uint(const char *opt, const char *value, unsigned long max, unsigned long *out);

#endif
