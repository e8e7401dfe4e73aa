/* raml tokens — TEMPORARY stub; the owner replaces this file. */
#include "cli/cli.h"

void help_tokens(FILE *out) { fprintf(out, "usage: raml tokens ... (not implemented yet)\n"); }

int cmd_tokens(int argc, char **argv)
{
    cli_errorf("tokens: not implemented yet");
    return EXIT_INTERNAL;
}
