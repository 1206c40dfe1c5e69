/*
 * out.h: output formats.  Every format is a writer with the same three
 * calls, chosen by one switch in out.c: begin once, one case at a time,
 * end once.  Streaming a caseload through a writer keeps memory flat.
 */
#ifndef CINPLAN_OUT_H
#define CINPLAN_OUT_H

#include <stdio.h>

#include "profile.h"
#include "sched.h"

enum out_format {
	FMT_TEXT,
	FMT_JSON,
	FMT_CSV,
	FMT_ICS
};

enum date_style_out {
	DSTYLE_ISO,		/* Tue 2026-12-29 */
	DSTYLE_UK		/* Tue 29 Dec 2026 */
};

/* What every writer is told once. */
struct out_opts {
	int		 as_of;
	int		 until;
	int		 color;		/* text: ANSI colour */
	enum date_style_out date_style;
	long		 alarm_days;	/* ics: reminder this many days
					   before, or -1 for none */
	long long	 dtstamp;	/* ics: seconds since the epoch */
	const char	*calname;	/* ics: X-WR-CALNAME; NULL: default */
	const char	*previous;	/* ics: earlier export to carry
					   SEQUENCE on from; may be NULL */
	const struct calendar *cal;	/* text: working days away */
};

/* One case and its schedule. */
struct out_case {
	const char		*case_id;	/* may be NULL */
	const struct profile	*profile;
	int			 area;		/* index, or -1 */
	enum plan_type		 plan_type;
	const char		*worker;	/* may be NULL */
	const struct schedule	*s;
	const struct calendar	*cal;		/* the profile's */
};

struct out_writer;

/*
 * Start writing format fmt to f.  Returns NULL with err set if the
 * format cannot start (for ics, an unreadable previous export).  The
 * caller owns the writer and frees it with out_end().
 */
struct out_writer *out_begin(enum out_format fmt, FILE *f,
		    const struct out_opts *, char *err, size_t errsz);
/* Write one case.  Returns 0, or -1 with err set. */
int		 out_case(struct out_writer *, const struct out_case *,
		    char *err, size_t errsz);
/* Finish (closing brackets, END:VCALENDAR) and free.  -1 with err set. */
int		 out_end(struct out_writer *, char *err, size_t errsz);

/* Parse a format name; -1 if unknown. */
int		 out_format_parse(const char *);

/* The per-format implementations behind the switch in out.c. */
struct out_impl {
	void	*(*begin)(FILE *, const struct out_opts *, char *, size_t);
	int	 (*write_case)(void *, const struct out_case *, char *, size_t);
	int	 (*end)(void *, char *, size_t);
};
extern const struct out_impl out_text_impl;
extern const struct out_impl out_json_impl;
extern const struct out_impl out_csv_impl;
extern const struct out_impl out_ics_impl;

/* Helpers shared by the writers. */

/* A short plain-words description of an item ("Review 3"). */
const char	*out_what(const struct item *, char *buf, size_t sz);
/*
 * The rule in plain words: "45 working days after the referral", "every 6
 * weeks after the previous meeting", ...  Returns buf.
 */
const char	*out_rule_words(const struct rule *, char *buf, size_t sz);
/* A note in words: "visit: not set by this procedure".  Returns buf. */
const char	*out_note_text(const struct note *, char *buf, size_t sz);
/* Write s as a JSON string, quotes included. */
void		 out_json_string(FILE *, const char *s);

#endif
