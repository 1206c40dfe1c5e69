/*
 * census.h: the DfE Children in Need census return (XML), read as a
 * stream of children, and the assessment timeliness measure.
 *
 * The reader holds one Child at a time, so memory does not grow with the
 * return.  It never loads a DTD or an external entity and never touches
 * the network; entity references other than XML's own are left
 * unexpanded, so a value holding one is rejected.
 *
 * Faults are reported through a callback, each with the line it is on,
 * and the reader goes on: a fault leaves out only what it affects.
 *
 *   a fault in LAchildID (missing,	the child
 *   empty, repeated, ...)
 *   a fault in CINreferralDate		every assessment of the episode,
 *   (missing, bad, repeated)		and the episode as an open case
 *   a fault in an assessment's dates,	that assessment
 *   or authorisation before referral
 *   a fault in CINclosureDate or	the episode as an open case
 *   CINPlanDates
 *   a fault in any other date or	nothing (reported only)
 *   yes/no element
 *   CF_NESTED (an element inside a	as a bad value of that element
 *   value: <X>2026-<b/>01-05</X>)
 *   CF_UNKNOWN, CF_MISPLACED		nothing: a warning; the element and
 *					its contents are skipped
 *
 * One Child's faults are kept until its end (CENSUS_MAX_FAULTS warnings
 * and as many errors), the rest only counted, in one CF_MORE; a start tag with more than
 * CENSUS_MAX_ATTRS attributes (the census uses none) stops the reading.
 *
 * Dates cinplan computes with (the referral, closure, assessment and plan
 * dates, and the header's ReferenceDate) must lie in 1970..2199; other
 * dates need only be real days (a birth date may be 1966).  A date is
 * YYYY-MM-DD, with blanks around it and an xs:date time zone after it
 * allowed.
 */
#ifndef CINPLAN_CENSUS_H
#define CINPLAN_CENSUS_H

#include <stddef.h>

struct calendar;

/* The statutory limit: referral to authorisation, in working days. */
#define CENSUS_LIMIT	45

#define CENSUS_MAX_FAULTS	100	/* of each kind kept for one Child */
#define CENSUS_MAX_ATTRS	16	/* in one start tag */

struct census_assessment {
	long		 line;		/* the Assessments element */
	int		 started;	/* AssessmentActualStartDate */
	int		 authorised;	/* DATE_NONE: still open */
	int		 bad;		/* left out: a fault reported */
};

struct census_plan {
	long		 line;
	int		 start;		/* CINPlanStartDate */
	int		 end;		/* DATE_NONE if none */
};

struct census_episode {
	long			 line;		/* the CINdetails element */
	int			 referral;	/* DATE_NONE: missing, bad */
	int			 closure;	/* DATE_NONE if none */
	int			 bad;		/* a fault in the referral,
						   closure or plan dates: not
						   an open case */
	struct census_assessment *a;
	size_t			 na;
	struct census_plan	*p;
	size_t			 np;
};

struct census_child {
	long			 line;		/* the Child element */
	const char		*id;		/* LAchildID; NULL: none that
						   can be used, and the child
						   is left out */
	struct census_episode	*e;
	size_t			 ne;
};

/*
 * Header/CollectionDetails; NULL or DATE_NONE where absent.  The strings
 * are the reader's, printable and bounded, until census_close().
 */
struct census_header {
	const char	*collection;
	const char	*year;
	int		 reference_date;
};

enum census_fault_kind {
	CF_BAD_DATE,		/* "ELEMENT: 'VALUE' is not a valid date" */
	CF_BAD_BOOL,		/* a yes/no element holds something else */
	CF_MISSING,		/* a required element is absent */
	CF_EMPTY,		/* LAchildID is empty */
	CF_TOO_LONG,		/* LAchildID is absurdly long */
	CF_ENTITY,		/* LAchildID holds an entity reference */
	CF_CONTROL,		/* LAchildID holds a control character */
	CF_REPEATED,		/* an element allowed once appears again */
	CF_BEFORE_REFERRAL,	/* authorisation before the referral */
	CF_NESTED,		/* a value holds an element, not just text */
	CF_UNKNOWN,		/* warning: not in the census schema */
	CF_MISPLACED,		/* warning: not where the schema puts it */
	CF_MORE			/* more faults in one Child than are kept:
				   a warning if they all were warnings */
};

struct census_fault {
	enum census_fault_kind	 kind;
	long			 line;
	const char		*child;		/* LAchildID; NULL: none
						   (the first of several) */
	int			 in_child;	/* inside a Child element */
	const char		*element;
	const char		*value;		/* printable, bounded; may be
						   NULL */
	const char		*parent;	/* CF_MISSING, CF_MISPLACED */
	int			 referral;	/* CF_BEFORE_REFERRAL */
	int			 out_of_range;	/* CF_BAD_DATE: a real day,
						   but not in 1970..2199 */
	unsigned long		 more_warnings;	/* CF_MORE: how many */
	unsigned long		 more_errors;
};

/* Is the fault a warning (reported, but nothing rejected)? */
int	census_fault_is_warning(const struct census_fault *);

/*
 * The fault in words, without the file and line: "child X: ELEMENT:
 * 'VALUE' is not a valid date", "child (no LAchildID): LAchildID:
 * missing from ChildIdentifiers".  Truncated to fit; returns buf.
 */
char	*census_fault_text(const struct census_fault *, char *buf,
	    size_t sz);

/* Called for each fault in document order; everything is borrowed. */
typedef void (*census_fault_fn)(void *arg, const struct census_fault *);

struct census_reader;

/*
 * Read a return from fd (not closed).  name is used in messages.  Never
 * returns NULL; free with census_close().
 */
struct census_reader	*census_open(int fd, const char *name,
			    census_fault_fn, void *arg);
void			 census_close(struct census_reader *);

/*
 * The next child: 1 with *out set (valid until the next call), 0 at the
 * end, or -1 if the file cannot be read on (not well-formed, not a census
 * return, a read error): census_error() says why, and the children read
 * before it have been returned (all but what lies within the block
 * libxml2 had read ahead), with the faults already found in the child it
 * cut short.  The faults of each child are reported before it is
 * returned.
 */
int			 census_next(struct census_reader *,
			    const struct census_child **out);

/* Has the root <Message> been read?  Before it nothing of a return is. */
int			 census_root_seen(const struct census_reader *);

/* The header as read so far (it comes before the children). */
const struct census_header *census_header(const struct census_reader *);

/* After census_next() returned -1: why (no file or line), the line in *line. */
const char		*census_error(const struct census_reader *,
			    long *line);

/*
 * Timeliness of an assessment authorised on authorised after a referral
 * on referral: the working days after the referral up to and including
 * the authorisation into *days, and 1 if within CENSUS_LIMIT, else 0.
 * Both dates in range; authorised not before referral.
 */
int	census_timely(const struct calendar *, int referral, int authorised,
	    long *days);

#endif
