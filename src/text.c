/*
 * text.c: small text helpers shared by the modules: how far apart two
 * names are, for "did you mean" suggestions, and whether a string is text
 * that may reach a terminal, a calendar or JSON.
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

const char *
text_unusable(const char *str, size_t len, int allow)
{
	const unsigned char	*s, *e;
	uint64_t		 w;
	unsigned		 cp, min;
	int			 n, i;

	s = (const unsigned char *)str;
	e = s + len;
	/* Eight bytes at a time while all are printable ASCII, 0x20-0x7e. */
	while (e - s >= 8) {
		memcpy(&w, s, 8);
		if ((w | (w - 0x2020202020202020ULL) |
		    (w + 0x0101010101010101ULL)) & 0x8080808080808080ULL)
			break;
		s += 8;
	}
	while (s < e) {
		if (*s < 0x80) {
			if ((*s == '\r' || *s == '\n') &&
			    !(allow & TEXT_BREAKS))
				return "contains a line break";
			if (*s == '\t' && !(allow & (TEXT_TAB | TEXT_BREAKS)))
				return "contains a tab";
			if ((*s < 0x20 && *s != '\t' && *s != '\r' &&
			    *s != '\n') || *s == 0x7f)
				return "contains a control character";
			s++;
			continue;
		}
		if (*s >= 0xc2 && *s <= 0xdf) {
			n = 1;
			cp = *s & 0x1f;
			min = 0x80;
		} else if (*s >= 0xe0 && *s <= 0xef) {
			n = 2;
			cp = *s & 0x0f;
			min = 0x800;
		} else if (*s >= 0xf0 && *s <= 0xf4) {
			n = 3;
			cp = *s & 0x07;
			min = 0x10000;
		} else
			return "not valid UTF-8";
		if (e - s <= n)
			return "not valid UTF-8";
		for (i = 1; i <= n; i++) {
			if ((s[i] & 0xc0) != 0x80)
				return "not valid UTF-8";
			cp = cp << 6 | (s[i] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			return "not valid UTF-8";
		if (cp >= 0x80 && cp <= 0x9f)
			return "contains a control character";
		s += n + 1;
	}
	return NULL;
}
