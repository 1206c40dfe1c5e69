/*
 * date.h: calendar dates as integer day numbers.
 *
 * A date is an int counting days since 1970-01-01 (day 0, a Thursday) on the
 * proleptic Gregorian calendar.  No time_t, no time zones, no locale.  Dates
 * cinplan accepts lie in [DATE_MIN, DATE_MAX]: 1970-01-01 to 2199-12-31.
 * DATE_NONE (a value outside that range) marks an absent date.
 */
#ifndef CINPLAN_DATE_H
#define CINPLAN_DATE_H

#include <stddef.h>

#define DATE_NONE	(-1000000)
#define DATE_MIN	0		/* 1970-01-01 */
#define DATE_MAX	84005		/* 2199-12-31 */
#define DATE_MIN_YEAR	1970
#define DATE_MAX_YEAR	2199
#define DATE_STRLEN	11		/* "YYYY-MM-DD" and its NUL */

enum weekday {
	WD_MON, WD_TUE, WD_WED, WD_THU, WD_FRI, WD_SAT, WD_SUN
};

/* Day number of a valid year, month (1-12) and day; no range check. */
int		 date_from_ymd(int y, int m, int d);
/* Split a day number into year, month and day. */
void		 date_to_ymd(int date, int *y, int *m, int *d);
int		 date_is_leap(int y);
int		 date_days_in_month(int y, int m);
enum weekday	 date_weekday(int date);

/*
 * Parse exactly "YYYY-MM-DD" from s[0..len): a real calendar day inside the
 * supported range, nothing before or after.  Returns 0 and sets *out, or -1
 * with *why set to a static explanation.
 */
int		 date_parse(const char *s, size_t len, int *out, const char **why);
/* Same for a NUL-terminated string. */
int		 date_parse_str(const char *s, int *out, const char **why);

/* How dates are written on input: --dates iso|uk. */
enum date_style {
	DATES_ISO,		/* YYYY-MM-DD, optionally with a time part */
	DATES_UK		/* also D/M/YYYY, only when asked for */
};

/*
 * Parse a date as people and database exports write it, from s[0..len):
 * YYYY-MM-DD, or with DATES_UK also D/M/YYYY (day and month of one or two
 * digits: 5/1/2026 and 05/01/2026 are 5 January 2026), either optionally
 * followed by a time of day ("T09:30:00", " 00:00:00", a fraction, "Z" or
 * an offset) that is checked and dropped: the date is the day as written.
 * Returns 0 and *out, or -1 with *why set to a static explanation.
 */
int		 date_parse_text(const char *s, size_t len, enum date_style,
		    int *out, const char **why);
/*
 * Whether s[0..len) is written D/M/YYYY (with or without a time), valid or
 * not: such a value read as ISO deserves a hint about --dates uk.
 */
int		 date_looks_uk(const char *s, size_t len);

/* Write "YYYY-MM-DD" and a NUL into buf[DATE_STRLEN]; returns buf. */
char		*date_format(int date, char *buf);
/* Three-letter English weekday name ("Mon"); static storage. */
const char	*date_weekday_name(int date);
/* Three-letter English month name, month 1-12 ("Jan"); static storage. */
const char	*date_month_name(int m);
/* The month's English name in full ("January"); static storage. */
const char	*date_month_fullname(int m);

/*
 * date + n months: the same day of the month, clamped to the month's last
 * day (31 January + 1 month = 28 or 29 February).  n may be negative.
 * Returns DATE_NONE if the result leaves the supported range.
 */
int		 date_add_months(int date, int n);
/* date + n days, or DATE_NONE outside the supported range. */
int		 date_add_days(int date, long n);

#endif
