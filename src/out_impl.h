/*
 * out_impl.h: what a writer implements, for out.c and the out_*.c files
 * only.  A new format is one out_FORMAT.c defining an out_impl, and one
 * case in the switch in out.c.
 *
 * begin and end are required; of the rest, a writer sets those of the
 * documents it has a form for (see enum out_doc), and leaves the others
 * NULL.  Each returns 0, or -1 with err set.
 */
#ifndef CINPLAN_OUT_IMPL_H
#define CINPLAN_OUT_IMPL_H

#include <stddef.h>
#include <stdio.h>

#include "out.h"

struct out_impl {
	/* The writer's own state, or NULL with err set. */
	void	*(*begin)(FILE *, const struct out_opts *, char *, size_t);
	int	 (*write_case)(void *, const struct out_case *, char *,
		    size_t);
	int	 (*finding)(void *, const struct out_finding *, char *,
		    size_t);
	int	 (*check_end)(void *, const struct out_check_end *, char *,
		    size_t);
	int	 (*summary)(void *, const struct out_summary *, char *,
		    size_t);
	int	 (*assessment)(void *, const struct out_assessment *, char *,
		    size_t);
	int	 (*census)(void *, const struct out_census *, char *, size_t);
	/* Finish and free the state. */
	int	 (*end)(void *, char *, size_t);
};

extern const struct out_impl out_text_impl;
extern const struct out_impl out_json_impl;
extern const struct out_impl out_csv_impl;
extern const struct out_impl out_ics_impl;
extern const struct out_impl out_html_impl;

/*
 * The measures of check --summary, in order: held within timescale (a
 * one-off deadline met or missed) or up to date (the next of a recurring
 * one not overdue).  Every writer of the figures names them from here.
 */
struct out_measure {
	const char	*name;		/* "first_meetings" */
	const char	*title;		/* "FIRST MEETINGS" */
	const char	*words;		/* "First meetings in time" */
	enum kind	 kind;
	int		 held;		/* 1: held within timescale; 0: up
					   to date */
	/* The counts' names: all, those in time, the others. */
	const char	*all, *yes, *no;
};

extern const struct out_measure out_measures[];
extern const size_t out_nmeasures;

/* A measure in a tally: *yes in time (or up to date), *no not. */
void	out_measure_counts(const struct out_measure *,
	    const struct out_tally *, unsigned long *yes, unsigned long *no);

/* A short plain-words description of an item ("Review 3").  Returns buf. */
const char	*out_what(const struct item *, char *buf, size_t sz);
/* A note in words: "visit: not set by this procedure".  Returns buf. */
const char	*out_note_text(const struct note *, char *buf, size_t sz);
/*
 * Does the item's date depend on bank holidays not yet announced: is it
 * after o->announced?  Milestones never move for a holiday, so never.
 */
int		 out_beyond(const struct out_opts *, const struct item *);
/* Write s as a JSON string, quotes included. */
void		 out_json_string(FILE *, const char *s);
/*
 * Write s as HTML text, fit for an element or a quoted attribute: & < > "
 * and ' as character references, and what is not text (control
 * characters other than tab and newline, bytes that are not UTF-8) as
 * U+FFFD, so a name can never become markup.
 */
void		 out_html_string(FILE *, const char *s);

/*
 * A line made whole, then written at once: the nightly check writes a
 * hundred thousand findings, and stdio's calls, one a field and each
 * taking the stream's lock, cost more than making them.
 */
struct out_line {
	char		*b;
	size_t		 n, cap;
};

void	 out_line_add(struct out_line *, const char *, size_t);
void	 out_line_str(struct out_line *, const char *);
/* A CSV field, neutralised for spreadsheets, then the delimiter d if not
   '\0'. */
void	 out_line_csv(struct out_line *, const char *, char d);
void	 out_line_long(struct out_line *, long);
void	 out_line_date(struct out_line *, int);
/* Write the line to f and empty it; -1 if f has failed. */
int	 out_line_put(struct out_line *, FILE *f);
void	 out_line_free(struct out_line *);

#endif
