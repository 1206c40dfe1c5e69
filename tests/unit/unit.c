/*
 * unit.c: helpers the unit tests share; see unit.h.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "date.h"
#include "diag.h"
#include "unit.h"

int
unit_fd(const char *s, size_t len)
{
	FILE	*f;
	int	 fd;

	f = tmpfile();
	assert_non_null(f);
	assert_int_equal(fwrite(s, 1, len, f), len);
	assert_int_equal(fflush(f), 0);
	fd = dup(fileno(f));
	assert_true(fd >= 0);
	fclose(f);
	assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
	return fd;
}

int
unit_fd_str(const char *s)
{
	return unit_fd(s, strlen(s));
}

char *
unit_read_all(const char *path, size_t *len)
{
	FILE	*f;
	char	*buf;
	size_t	 n, cap;

	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	cap = 4096;
	buf = malloc(cap + 1);
	assert_non_null(buf);
	n = 0;
	for (;;) {
		n += fread(buf + n, 1, cap - n, f);
		if (n < cap)
			break;
		cap *= 2;
		buf = realloc(buf, cap + 1);
		assert_non_null(buf);
	}
	assert_int_equal(ferror(f), 0);
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

const char *
unit_date(int d, char *buf)
{
	if (d == DATE_NONE)
		return strcpy(buf, "-");
	return date_format(d, buf);
}

/*
 * The last message collected in ds as "NAME:LINE: [warning: ]what" (or
 * "NAME: ...", or the message alone without a file) into err[sz], ""
 * if there is none; then ds is emptied.
 */
void
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
