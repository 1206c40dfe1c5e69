/*
 * kind.h: the kinds of schedule item, and the anchors rules count from.
 *
 * Everything the program knows about a kind is one row of the table in
 * kind.c: its name, how its rules are built, what they may count from, how
 * it sorts and is numbered, its default label, whether the nightly check
 * judges it, the fact that records it as held, and whether a family's copy
 * leaves it out.  A new kind is a value
 * here, a row there, and the rules that use it.
 */
#ifndef CINPLAN_KIND_H
#define CINPLAN_KIND_H

enum kind {
	KIND_ASSESSMENT,
	KIND_FIRST_MEETING,
	KIND_REVIEW,
	KIND_MINUTES,
	KIND_VISIT,
	KIND_VISIT_RECORD,
	KIND_NOTICE,
	KIND_WRITTEN_UPDATE,
	KIND_MILESTONE,
	KIND_ASSESSMENT_UPDATE,	/* an updated single assessment */
	KIND_PLAN_UPDATE,	/* the plan updated between meetings */
	KIND_REVISIT,		/* a statutory visit after a failed one */
	KIND_SAFETY_PLAN	/* a plan of work on file after allocation */
};
#define KIND_COUNT	13

enum anchor {
	ANCHOR_NONE,		/* recurring rules and not_set rules */
	ANCHOR_REFERRAL,
	ANCHOR_ASSESSMENT,	/* assessment completed (held or projected) */
	ANCHOR_PLAN_DECISION,	/* defaults to the assessment completion */
	ANCHOR_RCPC,
	ANCHOR_RESIDENCE,
	ANCHOR_PLAN_START,	/* the first meeting (held or projected) */
	ANCHOR_MEETING,		/* each meeting: the first and every review */
	ANCHOR_REVIEW,		/* each review */
	ANCHOR_VISIT,		/* each visit */
	ANCHOR_SUPERVISION_ORDER, /* the date the order was made */
	ANCHOR_FAILED_VISIT,	/* each failed statutory visit */
	ANCHOR_ALLOCATED,	/* allocation to a social worker */
	ANCHOR_STEP_DOWN_DECISION, /* decision to step down to early help */
	ANCHOR_ASSESSMENT_UPDATE /* each updated assessment */
};
#define ANCHOR_COUNT	15

/* How a kind's rules are written and computed. */
enum kind_class {
	KC_STEP,		/* a one-off step of the plan's own chain
				   (assessment, first meeting), computed in
				   order by the engine: anchor, offset */
	KC_ONEOFF,		/* a one-off from an anchor: anchor, offset */
	KC_PEROCC,		/* one per meeting, review or visit: anchor,
				   offset, only_unheld */
	KC_RECUR		/* rolling from its start (kind_info.start):
				   every; a rule with anchor and offset
				   instead is the chain's final occurrence */
};

/* How an occurrence is numbered in words ("Review 3", "(visit 2)"). */
enum kind_seq {
	KSEQ_NONE,		/* not numbered */
	KSEQ_PLAIN,		/* " 3" */
	KSEQ_MEETING,		/* " (initial meeting)", " (review N - 1)" */
	KSEQ_REVIEW,		/* " (review N)" */
	KSEQ_VISIT		/* " (visit N)" */
};

struct kind_info {
	const char	*name;		/* in profiles, options and output */
	enum kind_class	 class;
	unsigned	 anchors;	/* 1u << enum anchor its rules may use */
	int		 neg_offset;	/* may count back from its anchor */
	int		 rank;		/* sort order on one day: alphabetical
					   by name, as "sorted by due, kind,
					   seq" reads */
	const char	*label;		/* when a rule gives none */
	int		 checked;	/* judged by the nightly check */
	const char	*fact;		/* the schedule option that records it
					   as held ("--" + fact); NULL: none */
	const char	*after;		/* KC_RECUR: "every N after the
					   previous <after>" */
	enum kind_seq	 seq;
	enum anchor	 start;		/* KC_RECUR: what the chain rolls from */
	int		 tracked;	/* always tracked: not given means not
					   held (else only once one occurrence
					   is recorded, convention 12) */
	int		 internal;	/* paperwork between professionals,
					   left off what a family is given */
};

/* The row of kind k; static storage.  k must be a valid kind. */
const struct kind_info	*kind_info(enum kind k);
/* The kind's name, or "?" if k is out of range; static storage. */
const char		*kind_name(enum kind k);
/* Parse a kind name; -1 if unknown. */
int			 kind_parse(const char *);
/* Bit set (1u << enum kind) of the kinds the nightly check judges. */
unsigned		 kind_checked(void);

#endif
