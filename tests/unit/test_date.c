/*
 * test_date.c: day numbers, strict ISO 8601 parsing, weekdays, month
 * arithmetic and formatting (include/date.h).
 *
 * Every expected value below was worked out by hand from the Gregorian
 * rules, with the reasoning in the row's comment.  Two anchors carry most
 * of the arithmetic: 1970-01-01 is day 0 (a Thursday), and 2000-01-01 is
 * day 10957 (30 years of 365 days plus the 7 leap days of 1972-1996).
 */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "date.h"

#define NROWS(a)	(sizeof(a) / sizeof((a)[0]))

/* Messages date_parse() gives in *why. */
#define WHY_FORM	"is not a date in the form YYYY-MM-DD"
#define WHY_INVALID	"is not a valid date"
#define WHY_RANGE	"is outside the supported range 1970-01-01 to 2199-12-31"

/* --- parsing ------------------------------------------------------------ */

struct parse_ok {
	const char	*s;
	int		 day;		/* expected day number */
};

static const struct parse_ok parse_ok_rows[] = {
	/* The epoch itself: day 0. */
	{ "1970-01-01", 0 },
	/* The next day. */
	{ "1970-01-02", 1 },
	/* 1970 is not a leap year: its last day is day 364. */
	{ "1970-12-31", 364 },
	/* 2000-01-01: 30 * 365 + 7 leap days (1972..1996) = 10957. */
	{ "2000-01-01", 10957 },
	/* 2000 is a leap year (divisible by 400): 10957 + 31 + 28 = 11016. */
	{ "2000-02-29", 11016 },
	/* 2024-01-01 = 10957 + 24 * 365 + 6 leap days (2000..2020) = 19723;
	 * 29 February is 31 + 28 days later: 19782. */
	{ "2024-02-29", 19782 },
	/* 2026-01-01 = 10957 + 26 * 365 + 7 (2000..2024) = 20454; 20 November
	 * is day 324 of the year (304 days in Jan-Oct, then 20): 20454 + 323. */
	{ "2026-11-20", 20777 },
	/* Last supported day: 230 years, 56 leap days (57 multiples of 4 from
	 * 1972 to 2196, less 2100) = 84006 days to 2200-01-01, minus one. */
	{ "2199-12-31", 84005 },
};

static void
test_parse_valid(void **state)
{
	const char	*why;
	size_t		 i;
	int		 d;

	for (i = 0; i < NROWS(parse_ok_rows); i++) {
		d = DATE_NONE;
		assert_int_equal(date_parse_str(parse_ok_rows[i].s, &d, &why), 0);
		assert_int_equal(d, parse_ok_rows[i].day);
	}
}

struct parse_bad {
	const char	*s;
	const char	*why;
};

static const struct parse_bad parse_bad_rows[] = {
	/* February never has 30 days. */
	{ "2026-02-30", WHY_INVALID },
	/* Month and day must be two digits each. */
	{ "2026-1-1", WHY_FORM },
	/* The hyphens are required (basic ISO 8601 form is not accepted). */
	{ "20261101", WHY_FORM },
	/* Nothing may follow the date. */
	{ "2026-11-01x", WHY_FORM },
	/* Nor precede it. */
	{ " 2026-11-01", WHY_FORM },
	/* Nor trailing space. */
	{ "2026-11-01 ", WHY_FORM },
	/* Other separators are not ISO 8601. */
	{ "2026/11/01", WHY_FORM },
	/* A sign in front of the year is not digits. */
	{ "+026-11-01", WHY_FORM },
	/* Empty. */
	{ "", WHY_FORM },
	/* A real date, but the day before the supported range. */
	{ "1969-12-31", WHY_RANGE },
	/* A real date, but the day after the supported range. */
	{ "2200-01-01", WHY_RANGE },
	/* 2023 is not divisible by 4: no 29 February. */
	{ "2023-02-29", WHY_INVALID },
	/* 2100 is divisible by 100 but not 400: not a leap year. */
	{ "2100-02-29", WHY_INVALID },
	/* Month 13 and month 0 do not exist. */
	{ "2026-13-01", WHY_INVALID },
	{ "2026-00-10", WHY_INVALID },
	/* Day 0 does not exist; April has 30 days. */
	{ "2026-11-00", WHY_INVALID },
	{ "2026-04-31", WHY_INVALID },
};

static void
test_parse_invalid(void **state)
{
	const char	*why;
	size_t		 i;
	int		 d;

	for (i = 0; i < NROWS(parse_bad_rows); i++) {
		d = 12345;
		why = NULL;
		assert_int_equal(date_parse_str(parse_bad_rows[i].s, &d, &why),
		    -1);
		assert_non_null(why);
		assert_string_equal(why, parse_bad_rows[i].why);
		/* A failed parse leaves *out alone. */
		assert_int_equal(d, 12345);
	}
}

static void
test_parse_len(void **state)
{
	const char	*why;
	int		 d;

	/* date_parse() reads exactly len bytes: the first ten are a date. */
	assert_int_equal(date_parse("2026-11-20xyz", 10, &d, &why), 0);
	assert_int_equal(d, 20777);
	/* ...and a prefix of a date is not one. */
	assert_int_equal(date_parse("2026-11-20", 9, &d, &why), -1);
	assert_string_equal(why, WHY_FORM);
	/* An embedded NUL inside the ten bytes is not a digit. */
	assert_int_equal(date_parse("2026-11-2\0", 10, &d, &why), -1);
	assert_string_equal(why, WHY_FORM);
}

/* --- day numbers <-> year, month, day ------------------------------------- */

struct ymd_row {
	int	 day, y, m, d;
};

static const struct ymd_row ymd_rows[] = {
	/* Both ends of the supported range (see parse_ok_rows). */
	{ 0, 1970, 1, 1 },
	{ 84005, 2199, 12, 31 },
	/* One either side of the range: the conversion itself is exact. */
	{ -1, 1969, 12, 31 },
	{ 84006, 2200, 1, 1 },
	/* 1 March after a leap day: 11016 + 1. */
	{ 11017, 2000, 3, 1 },
	{ 11016, 2000, 2, 29 },
	{ 19782, 2024, 2, 29 },
	/* 1971-01-01 = 365: 1970 has 365 days. */
	{ 365, 1971, 1, 1 },
	/* 1973-01-01 = 365 + 365 + 366 (1972 is leap) = 1096. */
	{ 1096, 1973, 1, 1 },
	{ 20777, 2026, 11, 20 },
};

/*
 * date_parse_text(): dates as people and exports write them.  ISO with a
 * time part is tested with the caseload reader (test_caseload.c); here,
 * the UK forms: day and month of one or two digits, a four-digit year.
 */
static const struct {
	const char	*in;
	int		 style;		/* DATES_ISO or DATES_UK */
	const char	*out;		/* NULL: rejected */
} text_rows[] = {
	/* 5 January 2026, however the day and month are padded. */
	{ "5/1/2026", DATES_UK, "2026-01-05" },
	{ "05/1/2026", DATES_UK, "2026-01-05" },
	{ "5/01/2026", DATES_UK, "2026-01-05" },
	{ "05/01/2026", DATES_UK, "2026-01-05" },
	/* Day first: 1 May is 1/5. */
	{ "1/5/2026", DATES_UK, "2026-05-01" },
	{ "31/12/2026", DATES_UK, "2026-12-31" },
	/* 2024 is a leap year, 2026 is not. */
	{ "29/2/2024", DATES_UK, "2024-02-29" },
	{ "29/2/2026", DATES_UK, NULL },
	/* With a time, as exports write it. */
	{ "5/1/2026 09:30", DATES_UK, "2026-01-05" },
	{ "05/01/2026 00:00:00", DATES_UK, "2026-01-05" },
	{ "5/1/2026 24:00", DATES_UK, NULL },
	/* ISO is read in either style. */
	{ "2026-01-05", DATES_UK, "2026-01-05" },
	{ "2026-01-05 00:00:00.000", DATES_ISO, "2026-01-05" },
	/* Never guessed at without --dates uk. */
	{ "5/1/2026", DATES_ISO, NULL },
	{ "05/01/2026", DATES_ISO, NULL },
	/* Month 13, day 0, three-digit fields, two-digit years. */
	{ "1/13/2026", DATES_UK, NULL },
	{ "0/1/2026", DATES_UK, NULL },
	{ "005/1/2026", DATES_UK, NULL },
	{ "5/001/2026", DATES_UK, NULL },
	{ "5/1/26", DATES_UK, NULL },
	{ "5/1/20260", DATES_UK, NULL },
	/* Separators and junk. */
	{ "5-1-2026", DATES_UK, NULL },
	{ "5.1.2026", DATES_UK, NULL },
	{ "/1/2026", DATES_UK, NULL },
	{ "5//2026", DATES_UK, NULL },
	{ "5/1/2026x", DATES_UK, NULL },
	{ " 5/1/2026", DATES_UK, NULL },
	{ "", DATES_UK, NULL },
	/* Outside 1970-2199. */
	{ "31/12/1969", DATES_UK, NULL },
	{ "1/1/2200", DATES_UK, NULL },
};

static void
test_parse_text(void **state)
{
	const char	*why;
	char		 buf[DATE_STRLEN];
	size_t		 i;
	int		 d, rv;

	(void)state;
	for (i = 0; i < NROWS(text_rows); i++) {
		d = DATE_NONE;
		why = NULL;
		rv = date_parse_text(text_rows[i].in, strlen(text_rows[i].in),
		    text_rows[i].style, &d, &why);
		if (text_rows[i].out == NULL) {
			if (rv != -1)
				fail_msg("'%s': accepted as %s", text_rows[i].in,
				    date_format(d, buf));
			assert_non_null(why);
			continue;
		}
		if (rv != 0)
			fail_msg("'%s': %s", text_rows[i].in, why);
		assert_string_equal(date_format(d, buf), text_rows[i].out);
	}
}

/* What deserves the hint about --dates uk. */
static void
test_looks_uk(void **state)
{
	static const struct {
		const char	*s;
		int		 uk;
	} rows[] = {
		{ "05/01/2026", 1 },
		{ "5/1/2026", 1 },
		{ "31/02/2026", 1 },		/* not a date, but UK-shaped */
		{ "05/01/2026 09:30", 1 },
		{ "05/01/2026T09:30", 1 },
		{ "2026-01-05", 0 },
		{ "05/01/26", 0 },
		{ "05-01-2026", 0 },
		{ "05/01/2026x", 0 },
		{ "soon", 0 },
		{ "", 0 },
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < NROWS(rows); i++)
		if (date_looks_uk(rows[i].s, strlen(rows[i].s)) != rows[i].uk)
			fail_msg("'%s': want %d", rows[i].s, rows[i].uk);
}

static void
test_ymd(void **state)
{
	size_t	 i;
	int	 y, m, d;

	for (i = 0; i < NROWS(ymd_rows); i++) {
		assert_int_equal(date_from_ymd(ymd_rows[i].y, ymd_rows[i].m,
		    ymd_rows[i].d), ymd_rows[i].day);
		date_to_ymd(ymd_rows[i].day, &y, &m, &d);
		assert_int_equal(y, ymd_rows[i].y);
		assert_int_equal(m, ymd_rows[i].m);
		assert_int_equal(d, ymd_rows[i].d);
	}
}

/*
 * Every supported day: splitting and joining again gives the same number,
 * and consecutive days step through the calendar one day at a time, with
 * the month lengths of date_days_in_month().
 */
static void
test_ymd_round_trip_all(void **state)
{
	int	 day, y, m, d, py, pm, pd;

	date_to_ymd(DATE_MIN, &py, &pm, &pd);
	assert_int_equal(py, 1970);
	for (day = DATE_MIN + 1; day <= DATE_MAX; day++) {
		date_to_ymd(day, &y, &m, &d);
		assert_int_equal(date_from_ymd(y, m, d), day);
		if (pd < date_days_in_month(py, pm)) {
			assert_int_equal(y, py);
			assert_int_equal(m, pm);
			assert_int_equal(d, pd + 1);
		} else if (pm < 12) {
			assert_int_equal(y, py);
			assert_int_equal(m, pm + 1);
			assert_int_equal(d, 1);
		} else {
			assert_int_equal(y, py + 1);
			assert_int_equal(m, 1);
			assert_int_equal(d, 1);
		}
		py = y, pm = m, pd = d;
	}
	assert_int_equal(py, 2199);
	assert_int_equal(pm, 12);
	assert_int_equal(pd, 31);
}

struct leap_row {
	int	 y, leap;
};

static const struct leap_row leap_rows[] = {
	{ 1970, 0 },	/* not divisible by 4 */
	{ 1972, 1 },	/* divisible by 4 */
	{ 1900, 0 },	/* divisible by 100, not 400 */
	{ 2000, 1 },	/* divisible by 400 */
	{ 2023, 0 },
	{ 2024, 1 },
	{ 2100, 0 },	/* divisible by 100, not 400 */
	{ 2196, 1 },	/* last leap year in range */
};

static void
test_leap(void **state)
{
	size_t	 i;

	for (i = 0; i < NROWS(leap_rows); i++)
		assert_int_equal(date_is_leap(leap_rows[i].y) != 0,
		    leap_rows[i].leap);
}

struct dim_row {
	int	 y, m, days;
};

static const struct dim_row dim_rows[] = {
	{ 2023, 2, 28 },	/* common year */
	{ 2024, 2, 29 },	/* leap year */
	{ 2100, 2, 28 },	/* century, not leap */
	{ 2000, 2, 29 },	/* 400-year, leap */
	{ 2026, 1, 31 },
	{ 2026, 4, 30 },	/* "thirty days hath September, April, June..." */
	{ 2026, 6, 30 },
	{ 2026, 9, 30 },
	{ 2026, 11, 30 },
	{ 2026, 12, 31 },
};

static void
test_days_in_month(void **state)
{
	size_t	 i;

	for (i = 0; i < NROWS(dim_rows); i++)
		assert_int_equal(date_days_in_month(dim_rows[i].y,
		    dim_rows[i].m), dim_rows[i].days);
}

/* --- weekdays ------------------------------------------------------------- */

struct wd_row {
	int		 day;
	enum weekday	 wd;
	const char	*name;
};

static const struct wd_row wd_rows[] = {
	/* 1970-01-01 was a Thursday. */
	{ 0, WD_THU, "Thu" },
	/* Three days later: Sunday 4 January 1970. */
	{ 3, WD_SUN, "Sun" },
	/* Four days later: Monday 5 January 1970. */
	{ 4, WD_MON, "Mon" },
	/* The day before the epoch, a Wednesday (negative numbers work). */
	{ -1, WD_WED, "Wed" },
	/* 2000-01-01: (10957 + 3) mod 7 = 5: Saturday. */
	{ 10957, WD_SAT, "Sat" },
	/* 2024-02-29: (19782 + 3) mod 7 = 3: Thursday. */
	{ 19782, WD_THU, "Thu" },
	/* 2026-11-20, the contract's Friday: (20777 + 3) mod 7 = 4. */
	{ 20777, WD_FRI, "Fri" },
	/* 2199-12-31: (84005 + 3) mod 7 = 1: Tuesday. */
	{ 84005, WD_TUE, "Tue" },
};

static void
test_weekday(void **state)
{
	size_t	 i;

	for (i = 0; i < NROWS(wd_rows); i++) {
		assert_int_equal(date_weekday(wd_rows[i].day), wd_rows[i].wd);
		assert_string_equal(date_weekday_name(wd_rows[i].day),
		    wd_rows[i].name);
	}
}

static void
test_month_name(void **state)
{
	assert_string_equal(date_month_name(1), "Jan");
	assert_string_equal(date_month_name(2), "Feb");
	assert_string_equal(date_month_name(9), "Sep");
	assert_string_equal(date_month_name(12), "Dec");
	/* Out of range: a placeholder, never a crash. */
	assert_string_equal(date_month_name(0), "???");
	assert_string_equal(date_month_name(13), "???");
}

/* --- month and day arithmetic --------------------------------------------- */

struct months_row {
	int		 y, m, d;	/* from */
	int		 n;
	int		 ey, em, ed;	/* expected; ey 0: DATE_NONE */
};

static const struct months_row months_rows[] = {
	/* Convention 4's example: 31 January + 1 month, clamped to 28 Feb. */
	{ 2026, 1, 31, 1, 2026, 2, 28 },
	/* In a leap year the clamp is to 29 February. */
	{ 2024, 1, 31, 1, 2024, 2, 29 },
	/* Backwards too: 31 March - 1 month is 28 February 2026. */
	{ 2026, 3, 31, -1, 2026, 2, 28 },
	/* 31 August + 1: September has 30 days. */
	{ 2026, 8, 31, 1, 2026, 9, 30 },
	/* 30 November + 3 months: February 2027, 28 days. */
	{ 2026, 11, 30, 3, 2027, 2, 28 },
	/* A plain month across a year end. */
	{ 2026, 12, 15, 1, 2027, 1, 15 },
	{ 2026, 1, 15, -1, 2025, 12, 15 },
	/* Twelve months is a year. */
	{ 2026, 1, 15, 12, 2027, 1, 15 },
	/* Leap day + 12 months: 2025 has no 29 Feb, clamp to 28. */
	{ 2024, 2, 29, 12, 2025, 2, 28 },
	/* Leap day + 48 months: 2028 is a leap year. */
	{ 2024, 2, 29, 48, 2028, 2, 29 },
	/* Zero months: the date itself. */
	{ 2026, 5, 31, 0, 2026, 5, 31 },
	/* The clamp applies to the month reached, not to each month on the
	 * way: 31 January + 2 months is 31 March, not 28 March. */
	{ 2026, 1, 31, 2, 2026, 3, 31 },
	/* 2759 = 229 * 12 + 11 months from January 1970: December 2199. */
	{ 1970, 1, 1, 2759, 2199, 12, 1 },
	/* One more month is January 2200: out of range. */
	{ 1970, 1, 1, 2760, 0, 0, 0 },
	/* The last day + 1 month: out of range. */
	{ 2199, 12, 31, 1, 0, 0, 0 },
	/* 30 November 2199 + 1 month: 30 December 2199, in range. */
	{ 2199, 11, 30, 1, 2199, 12, 30 },
	/* January 1970 - 1 month: December 1969, out of range. */
	{ 1970, 1, 31, -1, 0, 0, 0 },
	/* A huge count is refused, not overflowed. */
	{ 2026, 1, 1, INT_MAX, 0, 0, 0 },
	{ 2026, 1, 1, INT_MIN, 0, 0, 0 },
};

static void
test_add_months(void **state)
{
	const struct months_row	*r;
	size_t			 i;
	int			 want;

	for (i = 0; i < NROWS(months_rows); i++) {
		r = &months_rows[i];
		want = r->ey ? date_from_ymd(r->ey, r->em, r->ed) : DATE_NONE;
		assert_int_equal(date_add_months(date_from_ymd(r->y, r->m,
		    r->d), r->n), want);
	}
	/* An absent date stays absent. */
	assert_int_equal(date_add_months(DATE_NONE, 1), DATE_NONE);
}

struct days_row {
	int	 day;
	long	 n;
	int	 want;
};

static const struct days_row days_rows[] = {
	/* 2026-12-31 is 20454 + 364; + 1 is 2027-01-01. */
	{ 20818, 1, 20819 },
	/* Seven days is a week. */
	{ 20777, 7, 20784 },
	{ 20777, -7, 20770 },
	/* The ends: one past either is out of range. */
	{ DATE_MAX, 0, DATE_MAX },
	{ DATE_MAX, 1, DATE_NONE },
	{ DATE_MIN, -1, DATE_NONE },
	{ DATE_MIN, DATE_MAX, DATE_MAX },
	/* No overflow with absurd counts. */
	{ 20777, LONG_MAX, DATE_NONE },
	{ 20777, LONG_MIN, DATE_NONE },
	/* An absent date stays absent. */
	{ DATE_NONE, 1, DATE_NONE },
};

static void
test_add_days(void **state)
{
	size_t	 i;

	for (i = 0; i < NROWS(days_rows); i++)
		assert_int_equal(date_add_days(days_rows[i].day,
		    days_rows[i].n), days_rows[i].want);
}

/* --- formatting ----------------------------------------------------------- */

struct fmt_row {
	int		 day;
	const char	*s;
};

static const struct fmt_row fmt_rows[] = {
	{ 0, "1970-01-01" },		/* epoch */
	{ 84005, "2199-12-31" },	/* last supported day */
	{ 11016, "2000-02-29" },	/* leap day, zero-padded month */
	{ 20777, "2026-11-20" },
	{ 365, "1971-01-01" },
};

static void
test_format(void **state)
{
	char	 buf[DATE_STRLEN];
	size_t	 i;
	int	 d = DATE_NONE;

	for (i = 0; i < NROWS(fmt_rows); i++) {
		memset(buf, 'x', sizeof(buf));
		assert_ptr_equal(date_format(fmt_rows[i].day, buf), buf);
		assert_string_equal(buf, fmt_rows[i].s);
		/* What date_format() writes, date_parse() reads back. */
		assert_int_equal(date_parse_str(buf, &d, &(const char *){0}), 0);
		assert_int_equal(d, fmt_rows[i].day);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_valid),
		cmocka_unit_test(test_parse_invalid),
		cmocka_unit_test(test_parse_len),
		cmocka_unit_test(test_parse_text),
		cmocka_unit_test(test_looks_uk),
		cmocka_unit_test(test_ymd),
		cmocka_unit_test(test_ymd_round_trip_all),
		cmocka_unit_test(test_leap),
		cmocka_unit_test(test_days_in_month),
		cmocka_unit_test(test_weekday),
		cmocka_unit_test(test_month_name),
		cmocka_unit_test(test_add_months),
		cmocka_unit_test(test_add_days),
		cmocka_unit_test(test_format),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
