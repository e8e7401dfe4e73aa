/* raml — code Arabic news into conflict-event data. The dispatcher: global options, then
 * one subcommand per file (cmd_*.c). */
#include "cli/cli.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static const cli_command commands[] = {
    {"code", "code documents into raml.event/1 events (JSONL, PLOVER, ACLED CSV, GeoJSON)",
     cmd_code, help_code},
    {"ingest", "code documents and store them in a database (SQLite or PostgreSQL)", cmd_ingest,
     help_ingest},
    {"query", "select stored events or merged clusters, in any export format", cmd_query,
     help_query},
    {"stats", "counts of stored events by type, month, country and place", cmd_stats, help_stats},
    {"serve", "HTTP API and map/timeline page on 127.0.0.1", cmd_serve, help_serve},
    {"eval", "score the coder against a gold-standard directory", cmd_eval, help_eval},
    {"explain", "show tokens, dictionary matches and coder decisions for one sentence",
     cmd_explain, help_explain},
    {"tokens", "show sentences, tokens, clitic segments and matching forms", cmd_tokens,
     help_tokens},
};
#define NCOMMANDS (sizeof commands / sizeof *commands)

static void usage(FILE *out)
{
    fprintf(out,
            "usage: raml [--version] [--help] COMMAND [ARGS]\n"
            "\n"
            "raml reads Arabic news and answers who did what to whom, where, when, how many,\n"
            "whether it really happened and who says so, as PLOVER/CAMEO-coded events.\n"
            "\n"
            "commands:\n");
    for (size_t i = 0; i < NCOMMANDS; i++)
        fprintf(out, "  %-8s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "\n"
                 "`raml COMMAND --help` describes each command.\n"
                 "\n"
                 "exit codes: 0 success; 1 usage error; 2 some input could not be read or parsed\n"
                 "(reported on stderr with file, line or byte offset; the rest was processed);\n"
                 "3 internal or storage error.\n"
                 "\n"
                 "environment: RAML_DATA  dictionary directory (default: data/ of the checkout)\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        if (strcmp(cmd, "help") == 0 && argc > 2) {
            for (size_t i = 0; i < NCOMMANDS; i++)
                if (strcmp(commands[i].name, argv[2]) == 0) {
                    commands[i].help(stdout);
                    return EXIT_OK;
                }
        }
        usage(stdout);
        return EXIT_OK;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        printf("raml %s (event schema %s)\n", RAML_VERSION, RAML_EVENT_SCHEMA);
        return EXIT_OK;
    }
    for (size_t i = 0; i < NCOMMANDS; i++) {
        if (strcmp(commands[i].name, cmd) == 0) {
            if (cli_wants_help(argc - 1, argv + 1)) {
                commands[i].help(stdout);
                return EXIT_OK;
            }
            return commands[i].run(argc - 1, argv + 1);
        }
    }
    fprintf(stderr, "raml: unknown command '%s'\n", cmd);
    fprintf(stderr, "Use raml --help for the list of commands.\n");
    return EXIT_USAGE;
}
