/*
 * colmap.h: a column mapping file, which heading of a council's own export
 * holds each of cinplan's caseload columns (see cinplan-caseload(5)).
 */
#ifndef CINPLAN_COLMAP_H
#define CINPLAN_COLMAP_H

#include <stddef.h>

struct diags;

/*
 * Read the mapping file path.  Returns an array in the order of
 * caseload_column_names(), each the heading that holds that column or
 * NULL where the column keeps its own name; the caller frees it with
 * colmap_free().  On error returns NULL after reporting "PATH:LINE: what"
 * (or "PATH: what") to ds at DIAG_FATAL.
 */
char		**colmap_read(const char *path, struct diags *ds);
void		  colmap_free(char **);

#endif
