/*
 * date.c: day numbers and strict ISO 8601 calendar dates.
 *
 * The conversions are Howard Hinnant's days_from_civil and civil_from_days:
 * exact for the proleptic Gregorian calendar, no tables, no libc time.
 */
#include <stddef.h>
#include <string.h>

#include "date.h"

int
date_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
date_days_in_month(int y, int m)
{
	static const int days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m == 2 && date_is_leap(y))
		return 29;
	return days[m - 1];
}

/*
 * Only the era (400 years) is signed; within it, every quantity is a
 * non-negative count, and unsigned division by a constant is cheaper.
 */
int
date_from_ymd(int y, int m, int d)
{
	int		 era;
	unsigned	 yoe, doy, doe, mp;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	mp = (unsigned)(m > 2 ? m - 3 : m + 9);
	doy = (153 * mp + 2) / 5 + (unsigned)d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int)doe - 719468;
}

void
date_to_ymd(int date, int *y, int *m, int *d)
{
	int		 z, era;
	unsigned	 doe, yoe, doy, mp;

	z = date + 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)yoe + era * 400 + (*m <= 2);
}

enum weekday
date_weekday(int date)
{
	/* Day 0, 1970-01-01, was a Thursday. */
	int	 w;

	w = (date + 3) % 7;
	return (enum weekday)(w < 0 ? w + 7 : w);
}

static int
digits(const char *s, int n)
{
	int	 i, v;

	for (v = 0, i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* s[i] as a digit's value; more than 9 if it is not a digit. */
#define DIGIT(s, i)	((unsigned)(unsigned char)(s)[i] - '0')

/*
 * YYYY-MM-DD at s[0..10) as year, month and day; -1 if not that form.
 * Every digit is checked, and the verdict taken once at the end.
 */
static int
iso_fields(const char *s, int *y, int *m, int *d)
{
	if ((DIGIT(s, 0) > 9) | (DIGIT(s, 1) > 9) | (DIGIT(s, 2) > 9) |
	    (DIGIT(s, 3) > 9) | (DIGIT(s, 5) > 9) | (DIGIT(s, 6) > 9) |
	    (DIGIT(s, 8) > 9) | (DIGIT(s, 9) > 9) | (s[4] != '-') |
	    (s[7] != '-'))
		return -1;
	*y = (int)(DIGIT(s, 0) * 1000 + DIGIT(s, 1) * 100 + DIGIT(s, 2) * 10 +
	    DIGIT(s, 3));
	*m = (int)(DIGIT(s, 5) * 10 + DIGIT(s, 6));
	*d = (int)(DIGIT(s, 8) * 10 + DIGIT(s, 9));
	return 0;
}

/* A year, month and day as a date, if there is such a day in range. */
static int
ymd_date(int y, int m, int d, int *out, const char **why)
{
	if (m < 1 || m > 12 || d < 1 || d > date_days_in_month(y, m)) {
		*why = "is not a valid date";
		return -1;
	}
	if (y < DATE_MIN_YEAR || y > DATE_MAX_YEAR) {
		*why = "is outside the supported range 1970-01-01 to 2199-12-31";
		return -1;
	}
	*out = date_from_ymd(y, m, d);
	return 0;
}

int
date_parse(const char *s, size_t len, int *out, const char **why)
{
	int	 y, m, d;

	if (len != 10 || iso_fields(s, &y, &m, &d) == -1) {
		*why = "is not a date in the form YYYY-MM-DD";
		return -1;
	}
	return ymd_date(y, m, d, out, why);
}

int
date_parse_str(const char *s, int *out, const char **why)
{
	return date_parse(s, strlen(s), out, why);
}

/* Two digits at s[i] making a number no more than max, or -1. */
static int
two(const char *s, size_t len, size_t i, int max)
{
	int	 v;

	if (i + 2 > len || (v = digits(s + i, 2)) < 0 || v > max)
		return -1;
	return v;
}

/*
 * A time after a date, as SQL and ISO 8601 exports write it: "T" or a
 * space, hh:mm, optionally :ss and a fraction, optionally Z or +hh:mm
 * (or +hhmm).  Only checked, never used.
 */
static int
valid_time(const char *s, size_t len)
{
	size_t	 i, start;

	if (len == 0 || (s[0] != 'T' && s[0] != ' '))
		return -1;
	if (two(s, len, 1, 23) < 0 || len < 4 || s[3] != ':' ||
	    two(s, len, 4, 59) < 0)
		return -1;
	i = 6;
	if (i < len && s[i] == ':') {
		if (two(s, len, i + 1, 59) < 0)
			return -1;
		i += 3;
		if (i < len && s[i] == '.') {
			start = ++i;
			while (i < len && s[i] >= '0' && s[i] <= '9')
				i++;
			if (i == start || i - start > 9)
				return -1;
		}
	}
	if (i < len && s[i] == 'Z')
		i++;
	else if (i < len && (s[i] == '+' || s[i] == '-')) {
		if (two(s, len, ++i, 23) < 0)
			return -1;
		i += 2;
		if (i < len && s[i] == ':')
			i++;
		if (two(s, len, i, 59) < 0)
			return -1;
		i += 2;
	}
	return i == len ? 0 : -1;
}

/* The length of a run of 1 to max digits at s, or 0. */
static size_t
run(const char *s, size_t len, size_t max)
{
	size_t	 n;

	for (n = 0; n < len && n <= max && s[n] >= '0' && s[n] <= '9'; n++)
		continue;
	return n <= max ? n : 0;
}

/*
 * D/M/YYYY at s: the day, month and year fields' lengths and the length
 * of the whole, or 0 if s does not start so.
 */
static size_t
uk_form(const char *s, size_t len, size_t *dl, size_t *ml)
{
	size_t	 i;

	if ((*dl = run(s, len, 2)) == 0 || *dl >= len || s[*dl] != '/')
		return 0;
	i = *dl + 1;
	if ((*ml = run(s + i, len - i, 2)) == 0 || i + *ml >= len ||
	    s[i + *ml] != '/')
		return 0;
	i += *ml + 1;
	if (run(s + i, len - i, 4) != 4)
		return 0;
	return i + 4;
}

int
date_looks_uk(const char *s, size_t len)
{
	size_t	 dl, ml, n;

	return (n = uk_form(s, len, &dl, &ml)) != 0 &&
	    (n == len || s[n] == ' ' || s[n] == 'T');
}

int
date_parse_text(const char *s, size_t len, enum date_style style, int *out,
    const char **why)
{
	char	 iso[DATE_STRLEN];
	size_t	 dl, ml, n;
	int	 y, m, d;

	if (len >= 10 && iso_fields(s, &y, &m, &d) == 0) {
		if (len > 10 && valid_time(s + 10, len - 10) == -1) {
			*why = "is not a valid date";
			return -1;
		}
		return ymd_date(y, m, d, out, why);
	}
	if (style == DATES_UK && (n = uk_form(s, len, &dl, &ml)) != 0) {
		if (n < len && valid_time(s + n, len - n) == -1) {
			*why = "is not a valid date";
			return -1;
		}
		memcpy(iso, s + dl + ml + 2, 4);
		iso[4] = '-';
		iso[5] = ml == 2 ? s[dl + 1] : '0';
		iso[6] = s[dl + ml];
		iso[7] = '-';
		iso[8] = dl == 2 ? s[0] : '0';
		iso[9] = s[dl - 1];
		iso[10] = '\0';
		return date_parse(iso, 10, out, why);
	}
	*why = "is not a valid date";
	return -1;
}

char *
date_format(int date, char *buf)
{
	int	 y, m, d;

	date_to_ymd(date, &y, &m, &d);
	buf[0] = '0' + y / 1000 % 10;
	buf[1] = '0' + y / 100 % 10;
	buf[2] = '0' + y / 10 % 10;
	buf[3] = '0' + y % 10;
	buf[4] = '-';
	buf[5] = '0' + m / 10;
	buf[6] = '0' + m % 10;
	buf[7] = '-';
	buf[8] = '0' + d / 10;
	buf[9] = '0' + d % 10;
	buf[10] = '\0';
	return buf;
}

const char *
date_weekday_name(int date)
{
	static const char *const names[7] = {
		"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"
	};

	return names[date_weekday(date)];
}

const char *
date_month_name(int m)
{
	static const char *const names[12] = {
		"Jan", "Feb", "Mar", "Apr", "May", "Jun",
		"Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
	};

	return m >= 1 && m <= 12 ? names[m - 1] : "???";
}

const char *
date_month_fullname(int m)
{
	static const char *const names[12] = {
		"January", "February", "March", "April", "May", "June",
		"July", "August", "September", "October", "November",
		"December"
	};

	return m >= 1 && m <= 12 ? names[m - 1] : "???";
}

int
date_add_months(int date, int n)
{
	long	 mi;
	int	 y, m, d, dim;

	if (date < DATE_MIN || date > DATE_MAX ||
	    n > 12 * (DATE_MAX_YEAR - DATE_MIN_YEAR + 1) ||
	    n < -12 * (DATE_MAX_YEAR - DATE_MIN_YEAR + 1))
		return DATE_NONE;
	date_to_ymd(date, &y, &m, &d);
	mi = (long)y * 12 + (m - 1) + n;
	y = (int)(mi / 12);
	m = (int)(mi % 12) + 1;
	if (y < DATE_MIN_YEAR || y > DATE_MAX_YEAR)
		return DATE_NONE;
	dim = date_days_in_month(y, m);
	return date_from_ymd(y, m, d > dim ? dim : d);
}

int
date_add_days(int date, long n)
{
	long	 r;

	if (date < DATE_MIN || date > DATE_MAX ||
	    n > DATE_MAX - DATE_MIN || n < DATE_MIN - DATE_MAX)
		return DATE_NONE;
	r = date + n;
	if (r < DATE_MIN || r > DATE_MAX)
		return DATE_NONE;
	return (int)r;
}
