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

size_t
text_utf8_len(const char *str, size_t len)
{
	const unsigned char	*p = (const unsigned char *)str;
	unsigned char		 lo, hi;
	size_t			 n, i;

	if (len == 0)
		return 0;
	if (p[0] < 0x80)
		return 1;
	lo = 0x80;
	hi = 0xbf;
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		n = 2;
	else if (p[0] >= 0xe0 && p[0] <= 0xef) {
		n = 3;
		if (p[0] == 0xe0)
			lo = 0xa0;	/* not overlong */
		if (p[0] == 0xed)
			hi = 0x9f;	/* not a surrogate */
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		n = 4;
		if (p[0] == 0xf0)
			lo = 0x90;	/* not overlong */
		if (p[0] == 0xf4)
			hi = 0x8f;	/* not past U+10FFFF */
	} else
		return 0;
	if (len < n || p[1] < lo || p[1] > hi)
		return 0;
	for (i = 2; i < n; i++)
		if ((p[i] & 0xc0) != 0x80)
			return 0;
	return n;
}

const char *
text_shown(const char *s, size_t len, int cut, size_t max, char *buf,
    size_t sz)
{
	size_t	 i, o, n;
	int	 bad;

	if (sz < 4) {
		if (sz > 0)
			buf[0] = '\0';
		return buf;
	}
	if (max > sz - 4)
		max = sz - 4;
	for (i = o = 0; i < len; i += n) {
		n = text_utf8_len(s + i, len - i);
		bad = n == 0 || text_is_c1(s + i, n) ||
		    (n == 1 && ((unsigned char)s[i] < 0x20 || s[i] == 0x7f));
		if (o + (bad ? 1 : n) > max)
			break;
		if (bad) {
			buf[o++] = '?';
			if (n == 0)
				n = 1;
		} else {
			memcpy(buf + o, s + i, n);
			o += n;
		}
	}
	if (i < len || cut) {
		memcpy(buf + o, "...", 3);
		o += 3;
	}
	buf[o] = '\0';
	return buf;
}

int
text_is_c1(const char *s, size_t n)
{
	return n == 2 && (unsigned char)s[0] == 0xc2 &&
	    (unsigned char)s[1] < 0xa0;
}

const char *
text_unusable(const char *str, size_t len, int allow)
{
	const unsigned char	*s, *e;
	uint64_t		 w;
	size_t			 n;

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
		if (*s >= 0x20 && *s < 0x7f) {
			s++;
			continue;
		}
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
		if ((n = text_utf8_len((const char *)s, (size_t)(e - s))) == 0)
			return "not valid UTF-8";
		if (text_is_c1((const char *)s, n))
			return "contains a control character";
		s += n;
	}
	return NULL;
}
