/* raml eval — TEMPORARY stub; the owner replaces this file. */
#include "cli/cli.h"

void help_eval(FILE *out) { fprintf(out, "usage: raml eval ... (not implemented yet)\n"); }

int cmd_eval(int argc, char **argv)
{
    cli_errorf("eval: not implemented yet");
    return EXIT_INTERNAL;
}
