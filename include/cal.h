/*
 * cal.h: the England and Wales working-day calendar.
 *
 * Bank holidays come from rules (Easter, the fixed-weekday holidays and
 * substitute days) corrected by a data file of one-off changes, so a newly
 * announced bank holiday is a one-line edit, not a rebuild.  A calendar adds
 * a profile's own closure days and answers working-day questions in constant
 * time from two precomputed tables.
 */
#ifndef CINPLAN_CAL_H
#define CINPLAN_CAL_H

#include <stddef.h>
#include <stdio.h>

struct holiday {
	int		 date;
	const char	*name;		/* owned by the list it came from */
};

/* The one-off changes: days the rules give that did not happen, and extras. */
struct hol_data;
struct diags;

/*
 * Parse a holiday data file (see cinplan(1), FILES).  name is used in
 * messages.  Returns NULL after reporting "NAME:LINE: problem" to ds at
 * DIAG_FATAL on a bad line.  Free with hol_data_free().
 */
struct hol_data	*hol_data_parse(const char *text, size_t len, const char *name,
		    struct diags *ds);
void		 hol_data_free(struct hol_data *);

/*
 * Bank holidays in [from, to] in date order, written to out[0..max), rules
 * and data combined; data may be NULL (rules alone).  Returns how many there
 * are in all (which may exceed max: call again with room).
 */
size_t		 hol_list(const struct hol_data *, int from, int to,
		    struct holiday *out, size_t max);

/*
 * Read GOV.UK's bank-holidays.json text, take division england-and-wales,
 * and write a complete data file to out: the differences from the rules for
 * the years the JSON covers, and old's entries for the years it does not,
 * announced to the JSON's last year (or old's, if later).
 * A year that leaves out more than one of the rules' holidays is refused
 * unless flags has HOL_ALLOW_MISSING; a title with a C1 control character
 * is refused.  With changes, the entries that differ from old's are
 * written there first, one a line ("cinplan: NAME: + add DATE TEXT", "-"
 * for one dropped), then a count.  Returns 0, or -1 after reporting
 * "NAME:LINE:COL: problem" (or "NAME: problem") to ds at DIAG_FATAL.
 */
#define HOL_ALLOW_MISSING	0x01
int		 hol_import_govuk(const char *json, size_t len, const char *name,
		    const struct hol_data *old, int flags, FILE *out,
		    FILE *changes, struct diags *ds);

/*
 * Compare the data in use, old (read from oldname; may be NULL), with
 * GOV.UK's bank-holidays.json text: write each day that differs as
 * hol_import_govuk() does (a day only named differently is no change),
 * then one line saying whether old is up to date.  Returns 0 if it is, 1
 * if the JSON announces a later year or different days, or -1 after
 * reporting to ds as hol_import_govuk() does.
 */
int		 hol_check_govuk(const char *json, size_t len, const char *name,
		    const struct hol_data *old, const char *oldname, int flags,
		    FILE *out, struct diags *ds);

/*
 * The last year whose bank holidays were announced when the data was made
 * (its "announced YEAR" line, which hol_import_govuk() writes), or 0 if
 * the data does not say; hol may be NULL.  Dates after that year assume
 * no one-off change.
 */
int		 hol_data_announced(const struct hol_data *);

/* Write a data file for hol (with a header comment) to out. */
void		 hol_data_write(const struct hol_data *, FILE *out);

struct calendar;

/*
 * A calendar of bank holidays (data may be NULL) plus closures[0..n), which
 * need not be sorted.  The caller owns the result; cal_free(NULL) is a no-op.
 */
struct calendar	*cal_new(const struct hol_data *, const int *closures, size_t n);
/* Another hold on c, for another owner: each cal_free() lets one go. */
struct calendar	*cal_hold(struct calendar *c);
void		 cal_free(struct calendar *);

/* Is date (in range) a working day: Monday to Friday, not a holiday or closure? */
int		 cal_is_workday(const struct calendar *, int date);

/*
 * The nth working day after date (n < 0: before; n == 0: date itself),
 * counting date as day 0 whether or not it is a working day.  Returns 0 and
 * sets *out, or -1 if the answer is outside the supported range.
 */
int		 cal_add(const struct calendar *, int date, long n, int *out);

/* Working days after d1 up to and including d2 (negative if d2 < d1). */
long		 cal_between(const struct calendar *, int d1, int d2);

/* date if it is a working day, else the working day before it (or DATE_NONE). */
int		 cal_roll_back(const struct calendar *, int date);

#endif
