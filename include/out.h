/*
 * out.h: output formats.  Everything a command prints on standard output
 * goes through a writer: schedules, the nightly check's findings and its
 * figures, census reports.  Every format is one writer, chosen by one
 * switch in out.c: begin once, then the calls of the document begun, end
 * once.  Streaming a caseload through a writer keeps memory flat.
 */
#ifndef CINPLAN_OUT_H
#define CINPLAN_OUT_H

#include <stdint.h>
#include <stdio.h>

#include "profile.h"
#include "sched.h"

/* The formats; a new one is a value here and a case in out.c's switch. */
enum out_format {
	FMT_TEXT,
	FMT_JSON,
	FMT_CSV,
	FMT_ICS,
	FMT_HTML
};

/* Who an HTML page is for. */
enum out_audience {
	AUD_WORKER,		/* everything, with sections and notes */
	AUD_FAMILY		/* plain words, no internal items */
};

/* What a writer is begun for, and the calls that then write it. */
enum out_doc {
	DOC_SCHEDULE,		/* schedules: out_case() */
	DOC_CHECK,		/* the nightly check: out_finding(), then
				   out_check_end() */
	DOC_SUMMARY,		/* check --summary: out_summary() */
	DOC_CENSUS		/* a census return: out_assessment(), then
				   out_census() */
};

enum date_style_out {
	DSTYLE_ISO,		/* Tue 2026-12-29 */
	DSTYLE_UK		/* Tue 29 Dec 2026 */
};

/* What every writer is told once. */
struct out_opts {
	enum out_doc	 doc;
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
	int		 within;	/* check: the due-soon window */
	int		 excel;		/* csv: a byte-order mark and CRLF
					   line ends, for Excel */
	int		 width;		/* text: fit this many columns; 0:
					   the fixed layout scripts read */
	enum out_audience audience;	/* html: who the page is for */
	const char	*title;		/* html: the page's heading; NULL:
					   one made from the case */
	int		 announced;	/* the last year whose bank holidays
					   are announced; 0: not known */
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
	const struct facts	*facts;		/* html: the timeline starts at
						   the referral; may be NULL */
};

/* An item of a caseload the nightly check reports: overdue or due soon. */
struct out_finding {
	const char		*case_id;
	const struct profile	*profile;
	int			 area;		/* index, or -1 */
	const char		*worker;	/* may be NULL */
	const struct item	*it;
	long			 working_days;	/* from as-of to due */
	long			 line;		/* of its row */
};

struct out_summary;

/* The check's closing counts. */
struct out_check_end {
	unsigned long	 overdue, due_soon;
	unsigned long	 open, closed, rejected, duplicates;	/* rows */
	unsigned long	 unchecked;	/* open cases whose reviews could not
					   be checked */
	const char	*rows;		/* the row counts in words */
	const struct out_summary *figures; /* html: the --summary figures
					   shown above the findings; may be
					   NULL, and other formats ignore it */
};

/*
 * Timeliness counts for one group of cases (a profile, a worker, all), one
 * pair for each of the figures the summary shows (out.c's measures table:
 * assessments and first meetings held in time, reviews and visits up to
 * date).
 */
#define OUT_MEASURES	4
/*
 * 32 bits a count keep a tally of four thousand workers in the cache.  A
 * count cannot pass them: each case counted is a usable row, whose case_id
 * was kept, and the caseload reader stops at 4 GiB of case_ids, fewer
 * than 2^32 rows.
 */
struct out_tally {
	char		*key;		/* the group's name */
	uint32_t	 cases;
	uint32_t	 yes[OUT_MEASURES];	/* held in time, or up to date */
	uint32_t	 no[OUT_MEASURES];	/* held late, or overdue */
	uint32_t	 unknown;	/* reviews that could not be checked */
};

/*
 * The figure that counts a kind's held items (held 1) or the next one due
 * (held 0): an index into a tally's yes and no, or -1 if none does.
 */
int	out_measure_of(enum kind, int held);

/* check --summary: the figures, all borrowed. */
struct out_summary {
	const struct out_tally	*all;
	const struct out_tally	*by_profile;	/* in order of first sight */
	size_t			 nprofile;
	const struct out_tally	*by_worker;
	size_t			 nworker;
	struct out_check_end	 end;
};

/* One assessment of a census return. */
struct out_assessment {
	const char	*child;
	int		 referral;
	int		 started;	/* DATE_NONE if not recorded */
	int		 authorised;	/* DATE_NONE: still open */
	long		 working_days;	/* authorised only */
	int		 within;	/* within the timescale */
};

/* A census return's report, after its assessments. */
struct out_census {
	const char	*collection;	/* each may be NULL */
	const char	*year;
	int		 reference_date;	/* DATE_NONE if not given */
	int		 limit;		/* the timescale, in working days */
	unsigned long	 children, children_out;
	unsigned long	 authorised, within, open, assessments_out;
	unsigned long	 rejected, warnings;
	int		 complete;	/* 0: read up to stop_line only */
	long		 stop_line;
};

struct out_writer;

/*
 * Start writing format fmt to f, for the document o->doc.  A format with
 * no form of its own for that document writes it as text.  Returns NULL
 * with err set if the format cannot start (for ics, an unreadable previous
 * export).  The caller owns the writer and frees it with out_end(); o is
 * borrowed until then.
 */
struct out_writer *out_begin(enum out_format fmt, FILE *f,
		    const struct out_opts *, char *err, size_t errsz);
/*
 * Write one case, finding, set of figures, assessment or report, as the
 * document allows.  Each returns 0, or -1 with err set.
 */
int		 out_case(struct out_writer *, const struct out_case *,
		    char *err, size_t errsz);
int		 out_finding(struct out_writer *, const struct out_finding *,
		    char *err, size_t errsz);
int		 out_check_end(struct out_writer *,
		    const struct out_check_end *, char *err, size_t errsz);
int		 out_summary(struct out_writer *, const struct out_summary *,
		    char *err, size_t errsz);
int		 out_assessment(struct out_writer *,
		    const struct out_assessment *, char *err, size_t errsz);
int		 out_census(struct out_writer *, const struct out_census *,
		    char *err, size_t errsz);
/*
 * Has a date written so far (of a schedule or a finding) fallen after the
 * last announced year?  Then the command says out_announced_note() once,
 * on standard error, for the formats that have no place for it (text, csv).
 */
int		 out_beyond_announced(const struct out_writer *);
/* "assumes no new one-off bank holidays after YEAR".  Returns buf. */
const char	*out_announced_note(const struct out_opts *, char *buf,
		    size_t sz);

/* Finish (closing brackets, END:VCALENDAR) and free.  -1 with err set. */
int		 out_end(struct out_writer *, char *err, size_t errsz);

/* Parse a format name; -1 if unknown. */
int		 out_format_parse(const char *);

/*
 * The rule in plain words: "45 working days after the referral", "every 6
 * weeks after the previous meeting", ...  Returns buf.
 */
const char	*out_rule_words(const struct rule *, char *buf, size_t sz);

#endif
