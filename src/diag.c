/*
 * diag.c: diagnostics, collected or printed as they come.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "xmalloc.h"

/* What comes before the message: "cinplan: FILE:LINE: [warning: ]". */
static void
place(FILE *out, enum diag_level level, const char *file, long line)
{
	fputs("cinplan: ", out);
	if (file != NULL && line > 0)
		fprintf(out, "%s:%ld: ", file, line);
	else if (file != NULL)
		fprintf(out, "%s: ", file);
	if (level == DIAG_WARNING)
		fputs("warning: ", out);
}

void
diag_vadd(struct diags *ds, enum diag_level level, const char *file,
    long line, const char *fmt, va_list ap)
{
	struct diag	*d;
	va_list		 aq;
	int		 n;

	if (level > ds->worst)
		ds->worst = level;
	if (level >= DIAG_ERROR)
		ds->nerr++;
	else if (level == DIAG_WARNING)
		ds->nwarn++;
	if (level < ds->min)
		return;
	if (ds->out != NULL) {
		place(ds->out, level, file, line);
		vfprintf(ds->out, fmt, ap);
		putc('\n', ds->out);
		return;
	}
	if (ds->n == ds->cap) {
		ds->cap = ds->cap ? ds->cap * 2 : 8;
		ds->v = xreallocarray(ds->v, ds->cap, sizeof(*ds->v));
	}
	d = &ds->v[ds->n++];
	d->level = level;
	d->file = file ? xstrdup(file) : NULL;
	d->line = line;
	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	d->msg = xmalloc(n < 0 ? 1 : (size_t)n + 1);
	vsnprintf(d->msg, n < 0 ? 1 : (size_t)n + 1, fmt, ap);
}

void
diag_add(struct diags *ds, enum diag_level level, const char *file,
    long line, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	diag_vadd(ds, level, file, line, fmt, ap);
	va_end(ap);
}

void
diag_print(const struct diags *ds, FILE *err)
{
	const struct diag	*d;
	size_t			 i;

	for (i = 0; i < ds->n; i++) {
		d = &ds->v[i];
		place(err, d->level, d->file, d->line);
		fputs(d->msg, err);
		putc('\n', err);
	}
}

void
diag_clear(struct diags *ds)
{
	FILE		*out;
	enum diag_level	 min;
	size_t		 i;

	for (i = 0; i < ds->n; i++) {
		free(ds->v[i].file);
		free(ds->v[i].msg);
	}
	free(ds->v);
	out = ds->out;
	min = ds->min;
	memset(ds, 0, sizeof(*ds));
	ds->out = out;
	ds->min = min;
}
