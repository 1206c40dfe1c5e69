/* Temporary: commands not written yet. */
#include "cli.h"
int cmd_census(struct cli *c, int a, char **v) { return cli_error(c, "not yet"); }
#include <stddef.h>
#include "profile.h"
#include "diag.h"
__attribute__((weak)) struct profile *profile_load(const struct rpath *r, const char *id, struct diags *ds) { diag_add(ds, DIAG_ERROR, NULL, 0, "no profile '%s'", id); return NULL; }
__attribute__((weak)) void profile_free(struct profile *p) { }
