/*
 * text.c: small text helpers shared by the modules: how far apart two
 * names are, for "did you mean" suggestions.
 */
#include <stdint.h>
#include <string.h>

#include "text.h"

size_t
text_edit_distance(const char *a, const char *b)
{
	size_t	 row[64], i, j, la, lb, prev, tmp, best;

	la = strlen(a);
	lb = strlen(b);
	if (la >= 63 || lb >= 63)
		return SIZE_MAX;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			tmp = row[j];
			best = prev + (a[i - 1] != b[j - 1]);
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			prev = tmp;
		}
	}
	return row[lb];
}

/* s lower-cased, letters and digits only, into buf[sz]. */
static const char *
squeeze(const char *s, char *buf, size_t sz)
{
	size_t	 n;

	for (n = 0; *s != '\0' && n + 1 < sz; s++)
		if ((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9'))
			buf[n++] = *s;
		else if (*s >= 'A' && *s <= 'Z')
			buf[n++] = *s - 'A' + 'a';
	buf[n] = '\0';
	return buf;
}

int
text_alike(const char *a, const char *b)
{
	char	 x[64], y[64];
	size_t	 d, lx, ly;

	squeeze(a, x, sizeof(x));
	squeeze(b, y, sizeof(y));
	lx = strlen(x);
	ly = strlen(y);
	if (lx == 0 || ly == 0)
		return 0;
	if (strstr(x, y) != NULL || strstr(y, x) != NULL)
		return 1;
	d = text_edit_distance(x, y);
	return d <= 2 && d * 3 <= (lx < ly ? lx : ly);
}
