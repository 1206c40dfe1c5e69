/*
 * safeio.h: output files that appear whole or not at all.
 *
 * "-o FILE" is written to a temporary file in the same directory and
 * renamed into place, so a calendar subscribed to the file never reads half
 * of it, and a failure leaves the old file as it was.
 */
#ifndef CINPLAN_SAFEIO_H
#define CINPLAN_SAFEIO_H

#include <stdio.h>

struct safe_out {
	FILE	*f;		/* write here */
	char	*path;		/* final name, or NULL for standard output */
	char	*tmp;		/* temporary name */
};

/*
 * Open path for writing ("-" or NULL: use stdout_f).  Returns 0, or -1 with
 * err set.
 */
int	safe_open(struct safe_out *, const char *path, FILE *stdout_f,
	    char *err, size_t errsz);
/* Flush, sync and rename into place; -1 with err set on any failure. */
int	safe_commit(struct safe_out *, char *err, size_t errsz);
/* Throw the temporary file away. */
void	safe_abort(struct safe_out *);

#endif
