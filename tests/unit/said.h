/*
 * said.h: for the tests of a reader that reports through a struct diags,
 * what one call said, as the tables of expected messages write it.
 */
#ifndef TEST_SAID_H
#define TEST_SAID_H

#include <stdio.h>

#include "diag.h"

/*
 * The last message collected in ds as "NAME:LINE: [warning: ]what" (or
 * "NAME: ...", or the message alone without a file) into err[sz], ""
 * if there is none; then ds is emptied.
 */
static void
said(struct diags *ds, char *err, size_t sz)
{
	const struct diag	*d;
	const char		*w;

	err[0] = '\0';
	if (ds->n > 0) {
		d = &ds->v[ds->n - 1];
		w = d->level == DIAG_WARNING ? "warning: " : "";
		if (d->file == NULL)
			snprintf(err, sz, "%s%s", w, d->msg);
		else if (d->line > 0)
			snprintf(err, sz, "%s:%ld: %s%s", d->file, d->line, w,
			    d->msg);
		else
			snprintf(err, sz, "%s: %s%s", d->file, w, d->msg);
	}
	diag_clear(ds);
}

#endif
