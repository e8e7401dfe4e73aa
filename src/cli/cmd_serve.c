/* raml serve — TEMPORARY stub; the owner replaces this file. */
#include "cli/cli.h"

void help_serve(FILE *out) { fprintf(out, "usage: raml serve ... (not implemented yet)\n"); }

int cmd_serve(int argc, char **argv)
{
    cli_errorf("serve: not implemented yet");
    return EXIT_INTERNAL;
}
