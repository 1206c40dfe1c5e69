/*
 * cal.c: working-day arithmetic in constant time.
 *
 * Two tables over the whole supported range answer every question with a
 * couple of loads: cum[d] counts the working days up to and including day
 * d, and wd[k] is the k-th working day.  Building them takes a fraction of
 * a millisecond; a query never walks day by day.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cal.h"
#include "date.h"
#include "xmalloc.h"

#define NDAYS	(DATE_MAX - DATE_MIN + 1)

struct calendar {
	int32_t		*cum;		/* [NDAYS] */
	int32_t		*wd;		/* [nwd] */
	int32_t		 nwd;
	unsigned char	*work;		/* [NDAYS]: 1 if a working day */
	unsigned	 holds;		/* owners; freed when the last goes */
};

struct calendar *
cal_new(const struct hol_data *hd, const int *closures, size_t nclosures)
{
	struct calendar	*c;
	struct holiday	*h;
	size_t		 i, n;
	int32_t		 k;
	int		 d;

	c = xcalloc(1, sizeof(*c));
	c->holds = 1;
	c->cum = xreallocarray(NULL, NDAYS, sizeof(*c->cum));
	c->work = xmalloc(NDAYS);
	for (d = 0; d < NDAYS; d++)
		c->work[d] = date_weekday(DATE_MIN + d) < WD_SAT;
	n = hol_list(hd, DATE_MIN, DATE_MAX, NULL, 0);
	h = xreallocarray(NULL, n, sizeof(*h));
	hol_list(hd, DATE_MIN, DATE_MAX, h, n);
	for (i = 0; i < n; i++)
		c->work[h[i].date - DATE_MIN] = 0;
	free(h);
	for (i = 0; i < nclosures; i++)
		if (closures[i] >= DATE_MIN && closures[i] <= DATE_MAX)
			c->work[closures[i] - DATE_MIN] = 0;
	for (k = 0, d = 0; d < NDAYS; d++) {
		k += c->work[d];
		c->cum[d] = k;
	}
	c->nwd = k;
	c->wd = xreallocarray(NULL, (size_t)k, sizeof(*c->wd));
	for (k = 0, d = 0; d < NDAYS; d++)
		if (c->work[d])
			c->wd[k++] = DATE_MIN + d;
	return c;
}

struct calendar *
cal_hold(struct calendar *c)
{
	c->holds++;
	return c;
}

void
cal_free(struct calendar *c)
{
	if (c == NULL || --c->holds > 0)
		return;
	free(c->cum);
	free(c->wd);
	free(c->work);
	free(c);
}

int
cal_is_workday(const struct calendar *c, int date)
{
	if (date < DATE_MIN || date > DATE_MAX)
		return 0;
	return c->work[date - DATE_MIN];
}

int
cal_add(const struct calendar *c, int date, long n, int *out)
{
	long	 idx;

	if (date < DATE_MIN || date > DATE_MAX || n > c->nwd || n < -c->nwd)
		return -1;
	if (n == 0) {
		*out = date;
		return 0;
	}
	idx = c->cum[date - DATE_MIN];
	if (n > 0)
		idx += n - 1;
	else
		idx += n - c->work[date - DATE_MIN];
	if (idx < 0 || idx >= c->nwd)
		return -1;
	*out = c->wd[idx];
	return 0;
}

long
cal_between(const struct calendar *c, int d1, int d2)
{
	if (d1 < DATE_MIN || d1 > DATE_MAX || d2 < DATE_MIN || d2 > DATE_MAX)
		return 0;
	return (long)c->cum[d2 - DATE_MIN] - c->cum[d1 - DATE_MIN];
}

int
cal_roll_back(const struct calendar *c, int date)
{
	int32_t	 k;

	if (date < DATE_MIN || date > DATE_MAX)
		return DATE_NONE;
	if (c->work[date - DATE_MIN])
		return date;
	k = c->cum[date - DATE_MIN];
	return k > 0 ? c->wd[k - 1] : DATE_NONE;
}
