/*
 * colmap.c: a column mapping file, which heading of a council's own export
 * holds each of cinplan's caseload columns, so that a case system's export
 * is read as it comes:
 *
 *	# Liquidlogic, "Open CIN cases" report
 *	[columns]
 *	case_id = Case Ref
 *	referral = Referral Date
 *
 * A small reader of its own rather than the INI library: a mapping has one
 * section and needs the line of every mistake.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>

#include "caseload.h"
#include "colmap.h"
#include "diag.h"
#include "text.h"
#include "xmalloc.h"

#define LINE_MAX_LEN	1024

static int
blank(char c)
{
	return c == ' ' || c == '\t';
}

/* s trimmed of blanks at both ends, in place. */
static char *
trim(char *s)
{
	size_t	 n;

	while (blank(*s))
		s++;
	n = strlen(s);
	while (n > 0 && blank(s[n - 1]))
		s[--n] = '\0';
	return s;
}

/* A value for a message (text_shown), as much as buf holds. */
static const char *
shown(const char *s, char *buf, size_t sz)
{
	return text_shown(s, strlen(s), 0, sz, buf, sz);
}

char **
colmap_read(const char *path, struct diags *ds)
{
	const char *const	*names;
	FILE			*f;
	char			**map, shw[80], *lp, *s, *eq, *key, *val;
	long			 line, *at;
	size_t			 n, i, j, len, best, d, cap;
	ssize_t			 got;

	names = caseload_column_names(&n);
	if ((f = fopen(path, "r")) == NULL) {
		diag_add(ds, DIAG_FATAL, path, 0, "%s", strerror(errno));
		return NULL;
	}
	map = xcalloc(n, sizeof(*map));
	at = xcalloc(n, sizeof(*at));
	lp = NULL;
	cap = 0;
	for (line = 1; (got = getline(&lp, &cap, f)) != -1; line++) {
		len = (size_t)got;
		if (len > LINE_MAX_LEN) {
			diag_add(ds, DIAG_FATAL, path, line, "line longer than"
			    " %d bytes", LINE_MAX_LEN);
			goto fail;
		}
		if (memchr(lp, '\0', len) != NULL) {
			diag_add(ds, DIAG_FATAL, path, line, "NUL byte");
			goto fail;
		}
		while (len > 0 && (lp[len - 1] == '\n' || lp[len - 1] == '\r'))
			lp[--len] = '\0';
		s = lp;
		if (line == 1 && strncmp(s, "\xef\xbb\xbf", 3) == 0)
			s += 3;
		s = trim(s);
		if (*s == '\0' || *s == '#' || *s == ';')
			continue;
		if (*s == '[') {
			if (strcasecmp(s, "[columns]") != 0) {
				diag_add(ds, DIAG_FATAL, path, line, "unknown"
				    " section '%s': a mapping has only [columns]",
				    shown(s, shw, sizeof(shw)));
				goto fail;
			}
			continue;
		}
		if ((eq = strchr(s, '=')) == NULL) {
			diag_add(ds, DIAG_FATAL, path, line, "'%s' is not"
			    " 'column = heading'", shown(s, shw, sizeof(shw)));
			goto fail;
		}
		*eq = '\0';
		key = trim(s);
		val = trim(eq + 1);
		len = strlen(val);
		if (len >= 2 && val[0] == '"' && val[len - 1] == '"') {
			val[len - 1] = '\0';
			val = trim(val + 1);
		}
		for (i = 0; i < n; i++)
			if (strcasecmp(key, names[i]) == 0)
				break;
		if (i == n) {
			best = n;
			for (j = 0; j < n; j++)
				if ((d = text_edit_distance(key, names[j])) <= 2 &&
				    (best == n || d < text_edit_distance(key,
				    names[best])))
					best = j;
			diag_add(ds, DIAG_FATAL, path, line, "'%s' is not a"
			    " caseload column%s%s%s", shown(key, shw, sizeof(shw)),
			    best < n ? "; did you mean '" : "",
			    best < n ? names[best] : "", best < n ? "'?" : "");
			goto fail;
		}
		if (*val == '\0') {
			diag_add(ds, DIAG_FATAL, path, line, "%s: no heading"
			    " after '='", names[i]);
			goto fail;
		}
		if (map[i] != NULL) {
			diag_add(ds, DIAG_FATAL, path, line, "%s is mapped twice"
			    " (line %ld)", names[i], at[i]);
			goto fail;
		}
		for (j = 0; j < n; j++)
			if (map[j] != NULL && strcasecmp(map[j], val) == 0) {
				diag_add(ds, DIAG_FATAL, path, line, "'%s' is"
				    " already %s's heading (line %ld)",
				    shown(val, shw, sizeof(shw)), names[j],
				    at[j]);
				goto fail;
			}
		map[i] = xstrdup(val);
		at[i] = line;
	}
	if (ferror(f)) {
		diag_add(ds, DIAG_FATAL, path, 0, "%s", strerror(errno));
		goto fail;
	}
	fclose(f);
	free(lp);
	free(at);
	return map;
fail:
	fclose(f);
	free(lp);
	free(at);
	colmap_free(map);
	return NULL;
}

void
colmap_free(char **map)
{
	size_t	 i, n;

	if (map == NULL)
		return;
	(void)caseload_column_names(&n);
	for (i = 0; i < n; i++)
		free(map[i]);
	free(map);
}
