/* raml explain — TEMPORARY stub; the owner replaces this file. */
#include "cli/cli.h"

void help_explain(FILE *out) { fprintf(out, "usage: raml explain ... (not implemented yet)\n"); }

int cmd_explain(int argc, char **argv)
{
    cli_errorf("explain: not implemented yet");
    return EXIT_INTERNAL;
}
