/*
 * diag.c: diagnostics, collected or printed as they come.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "xmalloc.h"

/*
 * "cinplan: FILE:LINE: [warning: ]MSG" in one call: standard error is
 * unbuffered, and a line in pieces would cost a write each.
 */
static void
print(FILE *out, enum diag_level level, const char *file, long line,
    const char *msg)
{
	const char	*w;

	w = level == DIAG_WARNING ? "warning: " : "";
	if (file != NULL && line > 0)
		fprintf(out, "cinplan: %s:%ld: %s%s\n", file, line, w, msg);
	else if (file != NULL)
		fprintf(out, "cinplan: %s: %s%s\n", file, w, msg);
	else
		fprintf(out, "cinplan: %s%s\n", w, msg);
}

void
diag_vadd(struct diags *ds, enum diag_level level, const char *file,
    long line, const char *fmt, va_list ap)
{
	struct diag	*d;
	va_list		 aq;
	char		 buf[512], *msg;
	int		 n;

	if (level > ds->worst)
		ds->worst = level;
	if (level >= DIAG_ERROR)
		ds->nerr++;
	else if (level == DIAG_WARNING)
		ds->nwarn++;
	if (level < ds->min)
		return;
	va_copy(aq, ap);
	n = vsnprintf(buf, sizeof(buf), fmt, aq);
	va_end(aq);
	msg = buf;
	if (n < 0)
		buf[0] = '\0';
	else if ((size_t)n >= sizeof(buf)) {
		msg = xmalloc((size_t)n + 1);
		vsnprintf(msg, (size_t)n + 1, fmt, ap);
	}
	if (ds->out != NULL)
		print(ds->out, level, file, line, msg);
	else {
		if (ds->n == ds->cap) {
			ds->cap = ds->cap ? ds->cap * 2 : 8;
			ds->v = xreallocarray(ds->v, ds->cap, sizeof(*ds->v));
		}
		d = &ds->v[ds->n++];
		d->level = level;
		d->file = file ? xstrdup(file) : NULL;
		d->line = line;
		d->msg = xstrdup(msg);
	}
	if (msg != buf)
		free(msg);
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
		print(err, d->level, d->file, d->line, d->msg);
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
