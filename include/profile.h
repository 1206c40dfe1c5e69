/*
 * profile.h: an authority's Child in Need procedure, held as data.
 *
 * A profile is an INI file, rules/ID.ini, read with iniparser.  The format
 * (documented for users in cinplan-profile(5)):
 *
 *   [profile]
 *   authority = Torbay Council                  required
 *   document  = "Protocol for ..."              required: the source text
 *   extends   = england                         optional: base profile id
 *   areas     = reading wokingham west-berkshire  optional: area ids
 *   area_required = yes                         with areas: --area needed
 *   closures  = 2026-12-24 2026-12-31           optional: closure days
 *
 *   [area:west-berkshire]                       optional, one per area
 *   name = West Berkshire                       display name
 *
 *   [rule:ID]                                   one section per rule
 *   kind        = assessment | first-meeting | review | minutes | visit |
 *                 visit-record | notice | written-update | milestone
 *   name        = manager-review                milestones only (required)
 *   anchor      = referral | assessment | plan-decision | rcpc | residence |
 *                 plan-start | meeting | review | visit
 *   offset      = 45 working days               signed: "-10 working days"
 *   every       = 6 weeks                       review, visit: the interval;
 *                 "28 days, 3 months, 6 months" by review ordinal, the last
 *                 repeating
 *   earliest    = 6 weeks                       a window's earliest point
 *                                               (with every)
 *   reduce_to   = 3 months                      with every: a longer
 *   reduce_after = 6 months                     interval once the previous
 *   reduce_when = manager-agreed                occurrence is this long after
 *                                               plan start and the case
 *                                               records this fact
 *   plan_types  = step-down-cp transfer-in      rule applies only to these
 *   areas       = reading wokingham             rule applies only to these
 *   only_unheld = yes                           per-occurrence: skip held ones
 *   not_set     = yes                           the procedure sets no such
 *                                               timescale; say so
 *   label       = Initial Child in Need meeting short words for output
 *   source      = 3.6                           section or heading (required)
 *   quote       = "The first meeting ..."       the procedure's words
 *                                               (required unless not_set)
 *   note        = free text                     how cinplan reads the words
 *   flag        = manager-attends               recurring: mark the one
 *   flag_at     = 3 months                      due nearest this long after
 *   flag_label  = "3 month review ..."          the start, in these words
 *   also        = 20 working days               one-off: a second figure
 *   also_label  = "20 working days"             from the same anchor
 *   purpose     = "The purpose of ..."          first-meeting, review: what
 *                                               the meeting is for, in the
 *                                               procedure's words
 *
 *   [not_modelled:ID]                           a timescale the document
 *   source, quote                               states that cinplan does
 *   reason      = why it is not computed        not compute (required)
 *
 * Units: working day(s), day(s), week(s), month(s).  Anchors meeting, review
 * and visit make a per-occurrence rule (minutes, notice, written-update,
 * visit-record); every makes a recurring rule (review, visit), which rolls
 * from plan start and then from each previous occurrence; any other anchor
 * makes a one-off rule (assessment, first-meeting, milestone).
 *
 *   from        = 2027-04-01                    the dates the rule is in
 *   until       = 2028-03-31                    force, inclusive; each
 *                                               optional
 *
 *   [rule:ID:TAG]                               a later version of
 *   from        = 2027-04-01                    [rule:ID] (required), in
 *   every       = 8 weeks ...                   force from then; the keys
 *                                               it leaves out are [rule:ID]'s
 *
 * A version applies when the count starts on a date in its window: a
 * review's interval from the previous review or the plan start, a one-off's
 * offset from its anchor, a derived item's from its meeting, review or
 * visit.  It may change the timings and the words, not kind, name, anchor,
 * plan_types, areas or not_set.
 *
 * With extends, a rule section of the same ID replaces the base's rule.  Of
 * the rules of one kind (and milestone name) that apply to a case, one that
 * names the plan type or area beats one that does not.
 */
#ifndef CINPLAN_PROFILE_H
#define CINPLAN_PROFILE_H

#include <stddef.h>

#include "kind.h"

struct diags;
struct rpath;

enum unit {
	UNIT_WORKDAYS,
	UNIT_DAYS,
	UNIT_WEEKS,
	UNIT_MONTHS
};

struct span {
	int		 n;		/* signed count */
	enum unit	 unit;
};

enum plan_type {
	PLAN_STANDARD,
	PLAN_STEP_DOWN_CP,
	PLAN_TRANSFER_IN,
	PLAN_SUPERVISION_ORDER,
	PLAN_SHORT_BREAKS
};
#define PLAN_COUNT	5

/* Case facts a rule may depend on (reduce_when). */
enum fact_flag {
	FACT_MANAGER_AGREED = 1u << 0
};

#define RULE_MAX_EVERY	8
#define PROFILE_MAX_AREAS 16

struct rule {
	char		*id;		/* section name after "rule:" */
	enum kind	 kind;
	char		*name;		/* milestone name, else NULL */
	enum anchor	 anchor;
	struct span	 offset;	/* one-off and per-occurrence rules */
	struct span	 every[RULE_MAX_EVERY];	/* by review ordinal */
	size_t		 nevery;	/* 0: not recurring */
	int		 final;		/* a recurring kind's final occurrence:
					   anchor and offset, ends the chain */
	int		 has_earliest;
	struct span	 earliest;
	int		 has_reduce;
	struct span	 reduce_to;
	struct span	 reduce_after;
	unsigned	 reduce_when;	/* enum fact_flag bits */
	unsigned	 plan_types;	/* 1u << enum plan_type; 0: all */
	unsigned	 areas;		/* 1u << index in profile areas; 0: all */
	int		 only_unheld;
	int		 not_set;
	char		*label;		/* never NULL after loading */
	char		*source;	/* never NULL after loading */
	char		*quote;		/* NULL only when not_set */
	char		*note;		/* may be NULL */
	char		*purpose;	/* meetings: what one is for, in the
					   procedure's words; may be NULL */
	char		*flag;		/* recurring: a name marking the
					   occurrence due nearest flag_at after
					   the chain's start; NULL: none */
	struct span	 flag_at;
	char		*flag_label;	/* words for the marked one */
	int		 has_also;	/* one-off: a second figure from the
					   same anchor, given in words */
	struct span	 also;
	char		*also_label;
	char		*file;		/* where the rule was defined */
	int		 line;		/* line of its [rule:ID] header */
	const char	*layer;		/* the rules path layer of file
					   ("system", "built-in"); static */
	char		*replaces;	/* "FILE:LINE (LAYER layer)" of the
					   base rule it replaced, or NULL */
	/*
	 * Procedure versions: the dates this version is in force, inclusive
	 * (each only with has_from, has_until: a rule built by hand is in
	 * force always), and the rule's later versions, each a whole rule
	 * with the keys its [rule:ID:TAG] section did not give taken from
	 * [rule:ID], ordered by from.  A version's own versions are none.
	 */
	int		 has_from, has_until;
	int		 from, until;
	char		*tag;		/* a version's TAG, else NULL */
	struct rule	*versions;
	size_t		 nversions;
	char		**raw;		/* the values as written, by key,
					   for versions to inherit; the
					   loader's own */
};

/* A timescale the document states that cinplan does not compute. */
struct unmodelled {
	char		*id;		/* section name after "not_modelled:" */
	char		*source;
	char		*quote;
	char		*reason;
	char		*file;
	int		 line;
};

struct area {
	char		*id;		/* "west-berkshire" */
	char		*name;		/* "West Berkshire"; defaults to id */
};

struct profile {
	unsigned long	 serial;	/* unique per loaded profile; 0 for one
					   built by hand */
	char		*id;		/* file name without ".ini" */
	char		*authority;
	char		*document;
	char		*extends;	/* NULL for a base profile */
	char		*file;		/* where it was loaded from */
	const char	*layer;		/* the rules path layer of file */
	struct area	 areas[PROFILE_MAX_AREAS];
	size_t		 nareas;
	int		 area_required;
	int		*closures;	/* sorted, own and inherited */
	size_t		 nclosures;
	struct rule	*rules;		/* own and inherited, in file order */
	size_t		 nrules;
	struct unmodelled *unmodelled;	/* own and inherited */
	size_t		 nunmodelled;
};

/*
 * Load profile id (a name such as "torbay"; no slashes) from the rules path,
 * resolving extends.  Every problem goes into ds as FILE:LINE: [section]
 * key: problem.  Returns NULL if any error was found; warnings alone do not
 * stop it.  The caller owns the result.
 */
struct profile	*profile_load(const struct rpath *, const char *id,
		    struct diags *ds);
/* The same for one named file; extends is still looked up on the path. */
struct profile	*profile_load_file(const struct rpath *, const char *path,
		    struct diags *ds);
void		 profile_free(struct profile *);

/*
 * The version of r in force on date: r itself, one of r->versions, or NULL
 * when none is (before the first from, after the last until, or in a gap).
 * Borrowed from r.
 */
const struct rule *rule_at(const struct rule *r, int date);

/* Index of area id in p, or -1. */
int		 profile_area(const struct profile *, const char *id);

/* Names as they appear in profiles and output; static storage. */
const char	*anchor_name(enum anchor);
const char	*plan_type_name(enum plan_type);
const char	*unit_name(enum unit, int plural);
/* Parse a name; -1 if unknown. */
int		 anchor_parse(const char *);
int		 plan_type_parse(const char *);

/*
 * Parse a span such as "45 working days", "-10 working days", "1 week",
 * "3 months".  Returns 0, or -1 with *why set (static string).
 */
int		 span_parse(const char *, struct span *, const char **why);
/* "45 working days" into buf; returns buf. */
char		*span_format(const struct span *, char *buf, size_t sz);

#endif
