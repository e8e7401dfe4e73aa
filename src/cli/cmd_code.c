/* raml code — TEMPORARY stub; the owner replaces this file. */
#include "cli/cli.h"

void help_code(FILE *out) { fprintf(out, "usage: raml code ... (not implemented yet)\n"); }

int cmd_code(int argc, char **argv)
{
    cli_errorf("code: not implemented yet");
    return EXIT_INTERNAL;
}
