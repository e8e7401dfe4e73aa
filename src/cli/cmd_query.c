/* raml query — TEMPORARY stub; the owner replaces this file. */
#include "cli/cli.h"

void help_query(FILE *out) { fprintf(out, "usage: raml query ... (not implemented yet)\n"); }

int cmd_query(int argc, char **argv)
{
    cli_errorf("query: not implemented yet");
    return EXIT_INTERNAL;
}
