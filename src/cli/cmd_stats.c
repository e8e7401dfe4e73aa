/* raml stats — TEMPORARY stub; the owner replaces this file. */
#include "cli/cli.h"

void help_stats(FILE *out) { fprintf(out, "usage: raml stats ... (not implemented yet)\n"); }

int cmd_stats(int argc, char **argv)
{
    cli_errorf("stats: not implemented yet");
    return EXIT_INTERNAL;
}
