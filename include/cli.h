/*
 * cli.h: the command line.  cli.c parses options, holds the table of
 * subcommands and owns the exit status; each cmd_*.c file implements a
 * group of subcommands against the shared state below.
 */
#ifndef CINPLAN_CLI_H
#define CINPLAN_CLI_H

#include <stdio.h>

#include "date.h"
#include "out.h"
#include "rpath.h"

/*
 * Exit statuses: part of the command-line contract.  A command that reads
 * its input through a struct diags (diag.h) takes its status from the
 * worst level seen, with its own findings: DIAG_FATAL is EXIT_USAGE,
 * DIAG_ERROR (a row, child or case left out) EXIT_REJECTED, and warnings
 * change nothing.
 */
#define EXIT_OK		0	/* nothing overdue */
#define EXIT_OVERDUE	1	/* check: something is overdue */
#define EXIT_USAGE	2	/* usage, profile or data error */
#define EXIT_REJECTED	3	/* check: rows rejected */

struct calendar;
struct hol_data;
struct profile;
struct safe_out;

struct cli {
	FILE		*out;
	FILE		*err;
	const char	*cmd;		/* "schedule", "workdays add", ... */
	const char	*rules_dir;	/* --rules */
	const char	*holidays_file;	/* --holidays */
	struct rpath	 rp;
	int		 rp_ready;
	int		 as_of;		/* DATE_NONE until known */
	enum date_style	 dates;		/* --dates: how input dates are
					   written, for every date option */
	struct hol_data	*hol;		/* loaded on first use */
	int		 hol_loaded;
	struct calendar	*base;		/* hol alone: built on first use */
	int		 out_reported;	/* a write error on out was reported */
};

/* The program: argv in, exit status out; writes only to out and err. */
int	cli_main(int argc, char *argv[], FILE *out, FILE *err);

/* "cinplan: CMD: message" on err; returns EXIT_USAGE for tail calls. */
int	cli_error(struct cli *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/*
 * Put an output file in place (safe_commit()); on failure say why, and
 * return -1.  Standard output's write errors are said once.
 */
int	cli_commit(struct cli *, struct safe_out *);
/* "cinplan: message" on err. */
void	cli_warn(struct cli *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* Usage error: message and the command's synopsis; returns EXIT_USAGE. */
int	cli_usage(struct cli *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/*
 * Parse the date argument of option opt ("--referral" or a word such as
 * "DATE") into *out, as YYYY-MM-DD or, with --dates uk, also D/M/YYYY; on
 * error print "cinplan: OPT: 'VALUE' why" (with a hint about --dates uk
 * for a UK date given without it) and return -1.
 */
int	cli_date(struct cli *, const char *opt, const char *s, int *out);
/* Parse a bounded integer; same error style. */
int	cli_long(struct cli *, const char *opt, const char *s, long min,
	    long max, long *out);

/*
 * Open an input file for reading: "-" is standard input.  A missing file or
 * a directory is reported ("PATH: is a directory, not a WHAT") and -1
 * returned.
 */
int	cli_open_input(struct cli *, const char *path, const char *what,
	    int *fd);

/* The rules path, holiday data and today's date, set up on first use. */
const struct rpath	*cli_rpath(struct cli *);
/* Returns -1 after printing an error if the data file is bad. */
int			 cli_holidays(struct cli *, const struct hol_data **);
int			 cli_as_of(struct cli *);
/*
 * The width text output is to fit: given (--width N; 0 for the fixed
 * layout) if not -1, else the terminal's when standard output is one and
 * output (-o) is not a file, else 0.
 */
int			 cli_width(struct cli *, long given,
			    const char *output);
/*
 * Whether --excel (excel) and --width (width; -1: not given) go with the
 * output format: -1 after a usage message if not.
 */
int			 cli_format_extras(struct cli *, enum out_format,
			    int excel, long width);
/*
 * The last year whose bank holidays the holiday data says are announced,
 * into *year (0: it does not say).  -1 after printing an error.
 */
int			 cli_announced(struct cli *, int *year);
/* Say, in text and csv output, that dates after year assume no change. */
void			 cli_note_announced(struct cli *, int year);
/* Calendar for a profile (NULL: bank holidays only); the caller frees. */
struct calendar		*cli_calendar(struct cli *, const struct profile *);
/*
 * Load profile spec "id" or "id/area".  *area gets the area part (a
 * pointer into spec) or NULL.  Prints diagnostics and a suggestion for a
 * misspelt id; returns NULL on error.
 */
struct profile		*cli_profile(struct cli *, const char *spec,
			    const char **area);
/* The nearest of names[0..n) to s by edit distance, if close; else NULL. */
const char		*cli_nearest(const char *s, const char *const *names,
			    size_t n);

/*
 * Options: a small parser instead of getopt, so negative numbers are
 * arguments ("workdays add DATE -5"), "--name=value" and "--name value"
 * both work, and no global state gets in the way of in-process tests.
 */
struct cli_opt {
	const char	*name;		/* "referral" for --referral, "o" for -o */
	int		 has_arg;
	int		 id;		/* > 0 */
};

/* Common options every command accepts. */
#define OPT_HELP	1
#define OPT_RULES	2
#define OPT_HOLIDAYS	3
#define OPT_AS_OF	4
#define OPT_DATES	5
#define OPT_FIRST_OWN	16	/* commands number their own from here */

struct cli_optstate {
	int		 i;		/* next argv index */
	int		 done;		/* after "--" */
};

/*
 * The next option: its id with *arg set if it takes one, 0 for an operand
 * (*arg is the word), -1 at the end, or -2 after printing a usage error.
 * Common options (--help excepted) are handled here and not returned.
 */
int	cli_opt_next(struct cli *, struct cli_optstate *, int argc,
	    char **argv, const struct cli_opt *opts, const char **arg);

/* "--help" for the current command: its synopsis on standard output. */
int	cli_help(struct cli *);

/* Options of the commands that compute schedules. */
/* "--kind a,b": OR the kinds into *kinds; -1 after an error. */
int	cli_kinds(struct cli *, const char *arg, unsigned *kinds);
/* Area index, -1 for none (allowed), -2 after an error. */
int	cli_area(struct cli *, const struct profile *, const char *area);
/* --plan-type into *out (standard if s is NULL); -1 after an error. */
int	cli_plan_type(struct cli *, const char *, enum plan_type *);
/* DTSTAMP: SOURCE_DATE_EPOCH if set, else midnight UTC of as_of. */
int	cli_dtstamp(struct cli *, int as_of, long long *out);

struct out_case;
struct sched_opts;

/* schedule --caseload: which case, in which file. */
struct caseload_query {
	const char	*path;		/* "-": standard input */
	const char	*case_id;
	const char	*columns;	/* --columns FILE, or NULL */
	const char	*profile;	/* --profile: the rows' own when the
					   file has no profile column */
};

/*
 * The one open case q names, scheduled with so and handed to fn; fn's
 * return is returned.  Returns -1 after reporting when the case is not
 * found, closed, on more than one row, or cannot be scheduled: fn may then
 * have been called, so its output must wait for the return.
 */
int	caseload_schedule(struct cli *, const struct caseload_query *,
	    const struct sched_opts *, int (*fn)(void *,
	    const struct out_case *), void *);

/* Subcommands: each returns an exit status. */
int	cmd_schedule(struct cli *, int, char **);
int	cmd_check(struct cli *, int, char **);
int	cmd_export(struct cli *, int, char **);
int	cmd_profiles(struct cli *, int, char **);
int	cmd_profile(struct cli *, int, char **);
int	cmd_workdays(struct cli *, int, char **);
int	cmd_holidays(struct cli *, int, char **);
int	cmd_census(struct cli *, int, char **);

#endif
