/*
 * caseload.h: a caseload CSV, row by row, as case facts.
 *
 * Columns are found by header name (case-insensitive, surrounding blanks
 * ignored); unknown columns are ignored; every column may be absent except
 * case_id and profile.  Empty cells are absent facts.  See cinplan-caseload(5).
 */
#ifndef CINPLAN_CASELOAD_H
#define CINPLAN_CASELOAD_H

#include <stddef.h>

#include "csv.h"
#include "date.h"

struct caseload;
struct diags;

/* One usable row.  Strings are borrowed until the next caseload_next(). */
struct case_row {
	long		 line;		/* physical line the row starts on */
	const char	*case_id;	/* never empty */
	const char	*profile;	/* never empty; may hold "id/area" */
	const char	*area;		/* NULL if empty */
	const char	*plan_type;	/* NULL if empty */
	const char	*worker;	/* NULL if empty */
	int		 referral;	/* DATE_NONE if empty */
	int		 assessment;	/* assessment_completed */
	int		 plan_decision;
	int		 rcpc;
	int		 residence;
	int		 first_meeting;
	int		 last_review;
	int		 last_visit;
	long		 reviews_held;	/* -1 if empty */
	int		 closed;	/* the closed cell says closed as of as_of */
	int		 manager_agreed;
	int		 supervision_order;
	int		 minutes_sent;	/* the latest meeting's minutes */
	int		 last_assessment_update;
	int		 allocated;
	int		 step_down_decision;
	int		 has_minutes_sent; /* the caseload has the column */
	int		 has_assessment_update;
};

/* How to read a caseload. */
struct caseload_opts {
	enum date_style	 dates;		/* how its dates are written */
	int		 as_of;		/* a closure date after it leaves the
					   case open */
	const char *const *columns;	/* NULL, or for each column of
					   caseload_column_names() the heading
					   that holds it (NULL: its own name) */
	const char	*profile;	/* "id" or "id/area" for every row
					   when there is no profile column;
					   NULL: the column is required */
};

/*
 * Open a caseload on fd (not closed) and read its header.  name is used in
 * messages, which go to ds.  Returns NULL after reporting at DIAG_FATAL
 * ("NAME:LINE: reason") if the header is unusable (empty file, no case_id
 * or profile column, duplicate column); a missing column's message lists
 * the headings found and names the one that may have been meant.
 */
struct caseload	*caseload_open(int fd, const char *name,
		    const struct caseload_opts *, struct diags *ds);
void		 caseload_close(struct caseload *);
/* Whether every row's profile is caseload_opts.profile: no such column. */
int		 caseload_default_profile(const struct caseload *);

/*
 * The next row: 1 with *row filled, 0 at end, -1 for a row that cannot be
 * used (reported to ds at DIAG_ERROR as "NAME:LINE: reason"; reading goes
 * on), -2 for a read error (reported at DIAG_FATAL; stop).
 */
int		 caseload_next(struct caseload *, struct case_row *row,
		    struct diags *ds);

/*
 * A usable row whose case_id is the same as an earlier usable row's.
 * Every usable row's case_id is remembered, with the last line it was on
 * (the one part of reading a caseload that grows with it), and compared
 * as a string.
 */
struct case_repeat {
	long		 line;		/* the later row */
	long		 first;		/* the row before it with that case_id */
};

/*
 * The repeats, in file order, once caseload_next() has returned 0 (none
 * before then).  *v is valid until caseload_close().
 */
size_t		 caseload_repeats(const struct caseload *,
		    const struct case_repeat **v);

/*
 * The caseload's column names, in a fixed order (the order of
 * caseload_opts.columns); *n gets how many.  Static storage.
 */
const char *const *caseload_column_names(size_t *n);

#endif
