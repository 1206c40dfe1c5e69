/*
 * fuzz_date.c: date_parse and its neighbours on arbitrary bytes.
 *
 * Properties: date_parse accepts only a real day in 1970..2199 and, when it
 * does, date_format gives back the very same ten bytes; the caseload's
 * date cells (ISO and UK styles) agree with date_parse on the date part;
 * span_parse never returns a span over its documented limits; and the
 * day, month and working-day arithmetic stays in range and agrees with
 * itself.  Integer overflow shows up through UBSan.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "cal.h"
#include "caseload.h"
#include "date.h"
#include "profile.h"
#include "xmalloc.h"

#include "fuzz.h"

static struct calendar	*cal;

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);
int	LLVMFuzzerInitialize(int *, char ***);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	cal = cal_new(NULL, NULL, 0);
	return 0;
}

static long
get_long(const uint8_t *p, size_t n)
{
	uint64_t	 v = 0;
	size_t		 i;

	for (i = 0; i < n && i < 8; i++)
		v = v << 8 | p[i];
	return (long)v;
}

static void
arithmetic(int d, const uint8_t *data, size_t size)
{
	long	 n, wd;
	int	 r, r2, y, m, dd;

	n = size >= 8 ? get_long(data + size - 8, 8) : get_long(data, size);

	r = date_add_days(d, n);
	FUZZ_CHECK(r == DATE_NONE || (r >= DATE_MIN && r <= DATE_MAX &&
	    (long)r - d == n), "date_add_days(%d, %ld) = %d", d, n, r);
	r = date_add_months(d, (int)n);
	FUZZ_CHECK(r == DATE_NONE || (r >= DATE_MIN && r <= DATE_MAX),
	    "date_add_months(%d, %d) = %d", d, (int)n, r);
	if (r != DATE_NONE) {
		/* The same day, or the last of a shorter month. */
		int	 y0, m0, d0;

		date_to_ymd(d, &y0, &m0, &d0);
		date_to_ymd(r, &y, &m, &dd);
		FUZZ_CHECK((long)y * 12 + m - ((long)y0 * 12 + m0) == (int)n &&
		    (dd == d0 || (dd < d0 && dd == date_days_in_month(y, m))),
		    "date_add_months(%d, %d) = %d", d, (int)n, r);
	}

	/* Working days: cal_add then cal_between gives n back. */
	if (cal_add(cal, d, n, &r) == 0) {
		FUZZ_CHECK(r >= DATE_MIN && r <= DATE_MAX,
		    "cal_add(%d, %ld) = %d", d, n, r);
		if (n > 0) {
			FUZZ_CHECK(cal_is_workday(cal, r) &&
			    cal_between(cal, d, r) == n,
			    "cal_add(%d, %ld) = %d, between %ld", d, n, r,
			    cal_between(cal, d, r));
		} else if (n < 0) {
			FUZZ_CHECK(cal_is_workday(cal, r) && r < d,
			    "cal_add(%d, %ld) = %d", d, n, r);
			/* Going forward the same count from r comes back
			 * to d, or to the working day after a holiday d. */
			r2 = DATE_NONE;
			if (cal_add(cal, r, -n, &r2) == 0)
				FUZZ_CHECK(r2 >= d && cal_between(cal, d, r2) ==
				    !cal_is_workday(cal, d),
				    "cal_add(%d, %ld) = %d, back %d", d, n, r,
				    r2);
			else	/* only if no working day follows d */
				FUZZ_CHECK(cal_between(cal, d, DATE_MAX) == 0,
				    "cal_add(%d, %ld) = %d, no way back", d, n,
				    r);
		} else
			FUZZ_CHECK(r == d, "cal_add(%d, 0) = %d", d, r);
	}
	wd = cal_between(cal, d, d);
	FUZZ_CHECK(wd == 0, "cal_between(%d, %d) = %ld", d, d, wd);
	r = cal_roll_back(cal, d);
	FUZZ_CHECK(r == DATE_NONE || (r <= d && cal_is_workday(cal, r) &&
	    cal_between(cal, r, d) == 0), "cal_roll_back(%d) = %d", d, r);
}

/* s starts D/M/YYYY with these numbers (one or two digits each). */
static int
uk_fields(const char *s, size_t size, int d, int m, int y)
{
	size_t	 i;
	int	 v[3], k;

	for (i = 0, k = 0; k < 3; k++) {
		v[k] = 0;
		while (i < size && s[i] >= '0' && s[i] <= '9')
			v[k] = v[k] * 10 + (s[i++] - '0');
		if (k < 2 && (i >= size || s[i++] != '/'))
			return 0;
	}
	return v[0] == d && v[1] == m && v[2] == y;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char	*s = (const char *)data, *why;
	char		 buf[DATE_STRLEN], *z, sb[64];
	struct span	 sp;
	int		 d, d2, y, m, dd, style;

	why = NULL;
	if (date_parse(s, size, &d, &why) == 0) {
		FUZZ_CHECK(size == 10 && d >= DATE_MIN && d <= DATE_MAX,
		    "accepted %zu bytes as %d", size, d);
		date_format(d, buf);
		FUZZ_CHECK(memcmp(buf, s, 10) == 0 && buf[10] == '\0',
		    "'%.10s' came back as '%s'", s, buf);
		date_to_ymd(d, &y, &m, &dd);
		FUZZ_CHECK(date_from_ymd(y, m, dd) == d && m >= 1 && m <= 12 &&
		    dd >= 1 && dd <= date_days_in_month(y, m),
		    "ymd of %d", d);
		FUZZ_CHECK(strlen(date_weekday_name(d)) == 3 &&
		    strlen(date_month_name(m)) == 3, "names of %d", d);
	} else
		FUZZ_CHECK(why != NULL && *why != '\0', "no reason given");

	/* A caseload cell: its date part must agree with date_parse. */
	for (style = DATES_ISO; style <= DATES_UK; style++) {
		why = NULL;
		if (date_parse_text(s, size, style, &d2, &why) == 0) {
			FUZZ_CHECK(d2 >= DATE_MIN && d2 <= DATE_MAX &&
			    size >= 8, "cell accepted as %d", d2);
			date_format(d2, buf);
			if (size < 10 || s[4] != '-') {
				/* D/M/YYYY: day, month, year as written. */
				date_to_ymd(d2, &y, &m, &dd);
				FUZZ_CHECK(style == DATES_UK &&
				    date_looks_uk(s, size) &&
				    uk_fields(s, size, dd, m, y),
				    "UK cell '%.10s' read as %s", s, buf);
			} else
				FUZZ_CHECK(memcmp(buf, s, 10) == 0,
				    "cell '%.10s' read as %s", s, buf);
		} else
			FUZZ_CHECK(why != NULL, "no reason given");
	}

	/* A span, as a profile writes one. */
	z = xstrndup(s, size);
	if (span_parse(z, &sp, &why) == 0) {
		static const int max[4] = { 3660, 3660, 520, 120 };

		FUZZ_CHECK(sp.unit <= UNIT_MONTHS && sp.n != 0 &&
		    sp.n <= max[sp.unit] && sp.n >= -max[sp.unit],
		    "span '%s' is %d of unit %d", z, sp.n, (int)sp.unit);
		span_format(&sp, sb, sizeof(sb));
	}
	free(z);

	/* Arithmetic from a date taken from the bytes, in range or not. */
	d = size >= 4 ? (int)get_long(data, 4) : (int)size;
	arithmetic(d, data, size);
	arithmetic((int)((unsigned)d % (DATE_MAX + 1)), data, size);
	return 0;
}
