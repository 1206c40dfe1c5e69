/*
 * unit.h: helpers the unit tests share (tests/unit/unit.c, linked into
 * each): input as a file descriptor, a file's contents, a date or "-",
 * and what a reader said through a struct diags.
 * Each fails the running test rather than return an error.
 */
#ifndef TEST_UNIT_H
#define TEST_UNIT_H

#include <stddef.h>

struct diags;

/* A descriptor reading s[0..len) from its start: a temporary file. */
int	 unit_fd(const char *s, size_t len);
/* The same for a NUL-terminated s. */
int	 unit_fd_str(const char *s);
/* The whole of the file at path, NUL-terminated, and its length in *len;
 * NULL if it cannot be opened.  The caller frees. */
char	*unit_read_all(const char *path, size_t *len);
/* d as YYYY-MM-DD into buf (DATE_STRLEN), or "-" for DATE_NONE. */
const char *unit_date(int d, char *buf);
/*
 * The last message collected in ds as "NAME:LINE: [warning: ]what" (or
 * "NAME: ...", or the message alone without a file) into err[sz], ""
 * if there is none; then ds is emptied.
 */
void	 said(struct diags *ds, char *err, size_t sz);

#endif
