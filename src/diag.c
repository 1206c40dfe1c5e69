/*
 * diag.c: collected diagnostics.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "xmalloc.h"

void
diag_add(struct diags *ds, enum diag_level level, const char *file, int line,
    const char *fmt, ...)
{
	struct diag	*d;
	va_list		 ap;
	int		 n;

	if (ds->n == ds->cap) {
		ds->cap = ds->cap ? ds->cap * 2 : 8;
		ds->v = xreallocarray(ds->v, ds->cap, sizeof(*ds->v));
	}
	d = &ds->v[ds->n++];
	d->level = level;
	d->file = file ? xstrdup(file) : NULL;
	d->line = line;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	d->msg = xmalloc(n < 0 ? 1 : (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(d->msg, n < 0 ? 1 : (size_t)n + 1, fmt, ap);
	va_end(ap);
	if (level > ds->worst)
		ds->worst = level;
}

void
diag_vsay(FILE *err, enum diag_level level, const char *file, long line,
    const char *fmt, va_list ap)
{
	fputs("cinplan: ", err);
	if (file != NULL && line > 0)
		fprintf(err, "%s:%ld: ", file, line);
	else if (file != NULL)
		fprintf(err, "%s: ", file);
	if (level == DIAG_WARNING)
		fputs("warning: ", err);
	vfprintf(err, fmt, ap);
	putc('\n', err);
}

void
diag_say(FILE *err, enum diag_level level, const char *file, long line,
    const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	diag_vsay(err, level, file, line, fmt, ap);
	va_end(ap);
}

void
diag_print(const struct diags *ds, FILE *err)
{
	const struct diag	*d;
	size_t			 i;

	for (i = 0; i < ds->n; i++) {
		d = &ds->v[i];
		diag_say(err, d->level, d->file, d->line, "%s", d->msg);
	}
}

void
diag_clear(struct diags *ds)
{
	size_t	 i;

	for (i = 0; i < ds->n; i++) {
		free(ds->v[i].file);
		free(ds->v[i].msg);
	}
	free(ds->v);
	memset(ds, 0, sizeof(*ds));
}
