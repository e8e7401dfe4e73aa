/* raml ingest — TEMPORARY stub; the owner replaces this file. */
#include "cli/cli.h"

void help_ingest(FILE *out) { fprintf(out, "usage: raml ingest ... (not implemented yet)\n"); }

int cmd_ingest(int argc, char **argv)
{
    cli_errorf("ingest: not implemented yet");
    return EXIT_INTERNAL;
}
