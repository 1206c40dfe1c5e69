/*
 * sched.h: the rules engine.  Pure: a profile, a case's facts, an as-of
 * date and a horizon in; schedule items out.  No I/O.
 *
 * It follows the conventions of the product (cinplan(1), CONVENTIONS):
 * "within N working days of X" is the Nth working day after X, X being day
 * 0; deadlines counted in days, weeks or months that land on a non-working
 * day move back to the working day before (milestones and a window's
 * earliest end never move); a missing anchor is projected from its own due
 * date, and what is derived from it is marked projected; reviews and visits
 * roll from the last one held, or from the plan start.  Each count follows
 * the version of its rule in force on the day it starts (rule_at()).
 */
#ifndef CINPLAN_SCHED_H
#define CINPLAN_SCHED_H

#include <stddef.h>

#include "profile.h"

struct calendar;

struct facts {
	int		 referral;	/* each DATE_NONE when absent */
	int		 assessment;	/* assessment completed */
	int		 plan_decision;
	int		 rcpc;
	int		 residence;
	int		 first_meeting;	/* held */
	const int	*reviews;	/* held, ascending; borrowed */
	size_t		 nreviews;
	size_t		 review_base;	/* reviews held before reviews[0] */
	int		 reviews_unknown; /* how many were held is not known */
	const int	*visits;	/* held, ascending; borrowed */
	size_t		 nvisits;
	int		 visits_unnumbered; /* visits[0] is the last of an
					   unknown number: seq 0 (unknown) */
	int		 supervision_order; /* the date the order was made */
	int		 allocated;	/* allocation to a social worker */
	int		 step_down_decision; /* decision to step down to early
					   help: the final review */
	const int	*failed_visits;	/* ascending; borrowed */
	size_t		 nfailed_visits;
	/*
	 * Held occurrences of the other kinds (minutes, notices, updates...),
	 * ascending, one per occurrence in order; borrowed.  A kind in
	 * done_latest has one date, the latest occurrence's (a caseload's
	 * minutes_sent); a kind in tracked is recorded by the case even
	 * when it gives no date (convention 12).
	 */
	const int	*done[KIND_COUNT];
	size_t		 ndone[KIND_COUNT];
	unsigned	 done_latest;	/* 1u << enum kind */
	unsigned	 tracked;	/* 1u << enum kind */
	unsigned	 flags;		/* enum fact_flag */
	enum plan_type	 plan_type;
	int		 area;		/* index into the profile's areas, or -1 */
};

enum status {
	ST_DONE,		/* held on or before due */
	ST_LATE,		/* held after due */
	ST_OVERDUE,		/* not held, due before as-of */
	ST_DUE_SOON,		/* not held, due within the window */
	ST_UPCOMING,
	ST_REACHED,		/* a milestone whose date is past */
	ST_UNRECORDED		/* past, of a kind the case does not track */
};

struct item {
	enum kind		 kind;
	unsigned		 seq;		/* 1-based within the kind; 0 if
						   the ordinal is not known */
	unsigned		 after;		/* seq 0: which one after the
						   last recorded (1: the next) */
	int			 due;
	int			 earliest;	/* windows only, else DATE_NONE */
	int			 held;		/* DATE_NONE if not held */
	int			 projected;
	enum status		 status;
	int			 flagged;	/* carries its rule's flag (the
						   review nearest flag_at) */
	int			 also;		/* the rule's second figure, or
						   DATE_NONE */
	const struct rule	*rule;		/* borrowed from the profile */
};

/* Something the schedule cannot show, and why. */
enum note_why {
	NOTE_NOT_SET,		/* the procedure sets no such timescale */
	NOTE_NO_ANCHOR,		/* the fact it counts from was not given */
	NOTE_UNKNOWN_COUNT	/* reviews held unknown: cannot be checked */
};

struct note {
	enum note_why		 why;
	enum kind		 kind;
	enum anchor		 anchor;	/* NOTE_NO_ANCHOR: what is missing */
	const struct rule	*rule;
};

struct sched_opts {
	int		 as_of;
	int		 until;		/* inclusive horizon for projection */
	int		 within;	/* due-soon: at most this many working days */
	unsigned	 kinds;		/* 1u << enum kind wanted; 0: all */
	size_t		 max_items;	/* 0: SCHED_MAX_ITEMS */
	int		 proven;	/* only items the facts prove: stop a
					   chain at its first projected item */
	int		 possible;	/* refuse facts dated after as_of
					   (convention 15); the commands set
					   it, arithmetic alone need not */
};

#define SCHED_MAX_ITEMS	10000
#define SCHED_MAX_RULES	256	/* rules that apply to one case */

struct schedule {
	struct item	*items;		/* sorted: due, kind, seq */
	size_t		 n, cap;
	struct note	*notes;
	size_t		 nnotes, notecap;
};

/*
 * The engine's memory from one case to the next: the meetings and visits
 * of a chain, and the rules chosen for recent profiles, plan types and
 * areas, so that a caseload does not choose them again for every case
 * (only for loaded profiles, serial != 0).  A caller with many cases makes
 * one; sched_build() with NULL makes its own for the one call.
 */
struct sched_cache;

enum sched_err {
	SE_OK,
	SE_NEED_AREA,		/* profile requires an area */
	SE_NEED_FACT,		/* nothing to anchor the plan start on */
	SE_ORDER,		/* held dates out of order */
	SE_RANGE,		/* a date left the supported range */
	SE_LIMIT,		/* more than max_items */
	SE_FACT			/* an impossible fact (convention 15) */
};

struct sched_error {
	enum sched_err	 code;
	enum anchor	 anchor;	/* SE_NEED_FACT: the fact wanted;
					   SE_FACT: the fact at fault, or
					   ANCHOR_NONE with kind */
	enum kind	 kind;		/* the item being computed */
	char		 msg[256];	/* a sentence, without a "cinplan:" prefix */
};

/*
 * Compute the schedule of a case into s, which is emptied first and may be
 * reused across calls to avoid allocation.  cal must be the profile's
 * calendar; cache may be NULL.  Returns 0, or -1 with e filled in.
 */
int	sched_build(const struct profile *, const struct calendar *,
	    const struct facts *, const struct sched_opts *,
	    struct sched_cache *cache, struct schedule *s,
	    struct sched_error *e);
struct sched_cache	*sched_cache_new(void);
/* NULL is a no-op. */
void	sched_cache_free(struct sched_cache *);
/* Free what s holds (not s itself); s may then be reused. */
void	sched_free(struct schedule *s);
/* Empty facts: every date DATE_NONE, plan type standard, no area. */
void	facts_init(struct facts *);

const char	*status_name(enum status);

#endif
