/*
 * cmd_census.c: "cinplan census", assessment timeliness from a DfE
 * Children in Need census return, and optionally its open episodes as a
 * caseload for "cinplan check" and "cinplan export".
 *
 * One pass over the return, one child at a time, each assessment handed to
 * the writer as it comes (the text report puts its summary first, so its
 * writer keeps the lines in a temporary file, not in memory).
 *
 * Bad data is reported as FILE:LINE: child ID: what, and leaves out only
 * what it affects (see census.h); every other child is still reported.
 * The reader's faults go through a struct diags that prints them as they
 * come, and its worst level gives the exit status: 0, 3 if anything was
 * rejected, 2 for a usage error or a file that cannot be read.  A file
 * that stops being well-formed XML partway is reported with its line, the
 * report covers the children read before that point (JSON says
 * "complete": false), no caseload is written, and the status is 2.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cal.h"
#include "census.h"
#include "cli.h"
#include "csv.h"
#include "date.h"
#include "diag.h"
#include "out.h"
#include "profile.h"
#include "safeio.h"
#include "strtab.h"
#include "xmalloc.h"

enum {
	OPT_FORMAT = OPT_FIRST_OWN,
	OPT_TO_CASELOAD,
	OPT_PROFILE,
	OPT_AREA,
	OPT_EXCEL
};

static const struct cli_opt census_opts[] = {
	{ "format", 1, OPT_FORMAT },
	{ "to-caseload", 1, OPT_TO_CASELOAD },
	{ "profile", 1, OPT_PROFILE },
	{ "area", 1, OPT_AREA },
	{ "excel", 0, OPT_EXCEL },
	{ NULL, 0, 0 }
};

/* Warnings (unknown or misplaced elements) shown before going quiet. */
#define MAX_WARNINGS	20

struct census_run {
	struct cli		*c;
	struct diags		 ds;		/* the return's faults, printed
						   as they come */
	const char		*path;
	struct out_writer	*w;		/* the report, or NULL when
						   stdout has the caseload */
	const struct calendar	*cal;
	int			 as_of;
	FILE			*cl;		/* caseload, or NULL */
	const char		*profile;
	const char		*area;
	unsigned long		 children, children_out, assessments_out;
	unsigned long		 authorised, within, open;
	unsigned long		 rejected, warnings, episodes;
	struct strtab		*ids;		/* LAchildIDs read */
	long			*id_line;	/* the line each was first on */
	size_t			 idcap;
};

static void
on_fault(void *arg, const struct census_fault *f)
{
	struct census_run	*r = arg;
	enum diag_level		 level;
	char			 buf[512];
	int			 warn;

	warn = census_fault_is_warning(f);
	level = warn ? DIAG_WARNING : DIAG_ERROR;
	if (f->kind == CF_MORE) {
		/* Counted as if each had been reported. */
		r->warnings += f->more_warnings;
		r->rejected += f->more_errors;
	} else if (warn)
		r->warnings++;
	else
		r->rejected++;
	/* Past the limit warnings are counted, not said. */
	if (warn && r->warnings > MAX_WARNINGS && r->ds.min < DIAG_ERROR) {
		if (f->kind != CF_MORE && r->warnings == MAX_WARNINGS + 1) {
			diag_add(&r->ds, DIAG_WARNING, r->path, f->line,
			    "more unknown or misplaced elements, not reported"
			    " one by one");
			r->ds.min = DIAG_ERROR;
			return;
		}
		r->ds.min = DIAG_ERROR;
	}
	diag_add(&r->ds, level, r->path, f->line, "%s",
	    census_fault_text(f, buf, sizeof(buf)));
}

/* A date cell or JSON value; DATE_NONE is empty or null. */
static const char *
date_or(int d, char *buf, const char *none)
{
	return d == DATE_NONE ? none : date_format(d, buf);
}

static void
put_assessment(struct census_run *r, const char *id, int referral,
    const struct census_assessment *a)
{
	struct out_assessment	 oa;
	char			 err[512];

	memset(&oa, 0, sizeof(oa));
	oa.child = id;
	oa.referral = referral;
	oa.started = a->started;
	oa.authorised = a->authorised;
	if (a->authorised == DATE_NONE)
		r->open++;
	else {
		oa.within = census_timely(r->cal, referral, a->authorised,
		    &oa.working_days);
		r->authorised++;
		r->within += oa.within;
	}
	/* With the caseload on standard output, there is no report. */
	if (r->w != NULL)
		out_assessment(r->w, &oa, err, sizeof(err));
}

/* Was the episode open as of as-of, with the dates to say so? */
static int
episode_open(const struct census_run *r, const struct census_episode *ep)
{
	return !ep->bad && ep->referral <= r->as_of &&
	    (ep->closure == DATE_NONE || ep->closure > r->as_of);
}

/*
 * An open episode's caseload row.  The caseload is data for cinplan, not a
 * spreadsheet: its cells are written as they are, never neutralised.
 */
static void
put_episode(struct census_run *r, const char *id,
    const struct census_episode *ep)
{
	FILE	*f = r->cl;
	char	 d[DATE_STRLEN];
	size_t	 i;
	int	 done, start;

	/* Only what had happened by as-of. */
	done = DATE_NONE;
	for (i = 0; i < ep->na; i++)
		if (!ep->a[i].bad && ep->a[i].authorised != DATE_NONE &&
		    ep->a[i].authorised <= r->as_of &&
		    (done == DATE_NONE || ep->a[i].authorised > done))
			done = ep->a[i].authorised;
	start = DATE_NONE;
	for (i = 0; i < ep->np; i++)
		if (ep->p[i].start != DATE_NONE && ep->p[i].start <= r->as_of &&
		    (start == DATE_NONE || ep->p[i].start > start))
			start = ep->p[i].start;
	csv_write_field(f, id, 0);
	fputc(',', f);
	csv_write_field(f, r->profile, 0);
	fputc(',', f);
	if (r->area != NULL)
		csv_write_field(f, r->area, 0);
	fprintf(f, ",,,%s,", date_format(ep->referral, d));
	fprintf(f, "%s,,,,", date_or(done, d, ""));
	fprintf(f, "%s,,,,\n", date_or(start, d, ""));
	r->episodes++;
}

/*
 * Has a child with this LAchildID been read already?  If so, *first is
 * the line of the first; if not, the id is remembered.
 */
static int
seen_before(struct census_run *r, const char *id, long line, long *first)
{
	size_t	 i;
	int	 added;

	if (r->ids == NULL)
		r->ids = strtab_new();
	i = strtab_add(r->ids, id, strlen(id), &added);
	if (!added) {
		*first = r->id_line[i];
		return 1;
	}
	if (i == r->idcap) {
		r->idcap = r->idcap ? r->idcap * 2 : 1024;
		r->id_line = xreallocarray(r->id_line, r->idcap,
		    sizeof(*r->id_line));
	}
	r->id_line[i] = line;
	return 0;
}

static void
seen_free(struct census_run *r)
{
	strtab_free(r->ids);
	free(r->id_line);
}

/*
 * The child's open episode as a caseload row.  A case_id names one case:
 * a child with two open episodes gets one row, for the latest referral,
 * and a child whose LAchildID was used before gets none; both are
 * reported, never papered over with invented ids.
 */
static void
put_case(struct census_run *r, const struct census_child *ch)
{
	const struct census_episode	*ep, *last;
	char				 d1[DATE_STRLEN], d2[DATE_STRLEN];
	size_t				 i, nopen;

	last = NULL;
	nopen = 0;
	for (i = 0; i < ch->ne; i++) {
		ep = &ch->e[i];
		if (!episode_open(r, ep))
			continue;
		nopen++;
		if (last == NULL || ep->referral >= last->referral)
			last = ep;
	}
	if (last == NULL)
		return;
	if (nopen > 1) {
		diag_add(&r->ds, DIAG_ERROR, r->path, ch->line, "child %s: %zu"
		    " episodes open as of %s; the caseload has the one"
		    " referred on %s", ch->id, nopen,
		    date_format(r->as_of, d1), date_format(last->referral, d2));
		r->rejected++;
	}
	put_episode(r, ch->id, last);
}

static void
put_child(struct census_run *r, const struct census_child *ch)
{
	const struct census_episode	*ep;
	size_t				 i, j;
	long				 first;
	int				 again;

	r->children++;
	if (ch->id == NULL) {
		r->children_out++;
		for (i = 0; i < ch->ne; i++)
			r->assessments_out += ch->e[i].na;
		return;
	}
	if ((again = seen_before(r, ch->id, ch->line, &first))) {
		diag_add(&r->ds, DIAG_ERROR, r->path, ch->line, "child %s:"
		    " LAchildID is the same as the child's on line %ld%s",
		    ch->id, first, r->cl != NULL ?
		    "; left out of the caseload" : "");
		r->rejected++;
	}
	for (i = 0; i < ch->ne; i++) {
		ep = &ch->e[i];
		for (j = 0; j < ep->na; j++) {
			if (ep->a[j].bad)
				r->assessments_out++;
			else
				put_assessment(r, ch->id, ep->referral,
				    &ep->a[j]);
		}
	}
	if (r->cl != NULL && !again)
		put_case(r, ch);
}

static int
put_summary(struct census_run *r, const struct census_header *h,
    int complete, long stop_line)
{
	struct out_census	 cs;
	char			 err[512];

	memset(&cs, 0, sizeof(cs));
	cs.collection = h->collection;
	cs.year = h->year;
	cs.reference_date = h->reference_date;
	cs.limit = CENSUS_LIMIT;
	cs.children = r->children;
	cs.children_out = r->children_out;
	cs.authorised = r->authorised;
	cs.within = r->within;
	cs.open = r->open;
	cs.assessments_out = r->assessments_out;
	cs.rejected = r->rejected;
	cs.warnings = r->warnings;
	cs.complete = complete;
	cs.stop_line = stop_line;
	if (out_census(r->w, &cs, err, sizeof(err)) == -1) {
		cli_error(r->c, "%s", err);
		return -1;
	}
	return 0;
}

static int
open_input(struct cli *c, const char *path, int *fd)
{
	struct stat	 st;

	if (cli_open_input(c, path, "census file", fd) == -1)
		return -1;
	if (*fd != STDIN_FILENO && fstat(*fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 0) {
		cli_error(c, "%s: empty file, not a census return", path);
		close(*fd);
		return -1;
	}
	return 0;
}

int
cmd_census(struct cli *c, int argc, char **argv)
{
	struct cli_optstate		 st;
	struct census_run		 r;
	struct census_reader		*cr;
	const struct census_child	*ch;
	struct profile			*p;
	struct calendar			*cal;
	struct safe_out			 so;
	struct out_opts			 oo;
	enum out_format			 fmt;
	const char			*arg, *to, *spec, *area, *sarea;
	char				 err[512];
	long				 line;
	int				 id, fd, rc, n, complete;

	memset(&r, 0, sizeof(r));
	memset(&st, 0, sizeof(st));
	memset(&so, 0, sizeof(so));
	memset(&oo, 0, sizeof(oo));
	r.c = c;
	r.ds.out = c->err;
	fmt = FMT_TEXT;
	to = spec = area = NULL;
	while ((id = cli_opt_next(c, &st, argc, argv, census_opts,
	    &arg)) != -1) {
		switch (id) {
		case -2:
			return EXIT_USAGE;
		case OPT_HELP:
			return cli_help(c);
		case 0:
			if (r.path != NULL)
				return cli_usage(c, "unexpected argument '%s'",
				    arg);
			r.path = arg;
			break;
		case OPT_FORMAT:
			fmt = out_format_parse(arg);
			if (fmt != FMT_TEXT && fmt != FMT_JSON &&
			    fmt != FMT_CSV && fmt != FMT_HTML)
				return cli_usage(c, "--format: '%s' is not"
				    " text, json, csv or html", arg);
			break;
		case OPT_TO_CASELOAD:
			to = arg;
			break;
		case OPT_PROFILE:
			spec = arg;
			break;
		case OPT_AREA:
			area = arg;
			break;
		case OPT_EXCEL:
			oo.excel = 1;
			break;
		default:
			return cli_usage(c, "option not valid here");
		}
	}
	if (r.path == NULL)
		return cli_usage(c, "FILE.xml is required");
	if (cli_format_extras(c, fmt, oo.excel, -1) == -1)
		return EXIT_USAGE;
	if (to == NULL && (spec != NULL || area != NULL))
		return cli_usage(c, "--profile and --area go with"
		    " --to-caseload");
	if (to != NULL && spec == NULL)
		return cli_usage(c, "--to-caseload needs --profile");
	r.as_of = cli_as_of(c);
	p = NULL;
	if (spec != NULL) {
		if ((p = cli_profile(c, spec, &sarea)) == NULL)
			return EXIT_USAGE;
		if (sarea != NULL && area != NULL && strcmp(sarea, area) != 0) {
			profile_free(p);
			return cli_usage(c, "--profile %s and --area %s"
			    " disagree", spec, area);
		}
		if (area == NULL)
			area = sarea;
		if (cli_area(c, p, area) == -2) {
			profile_free(p);
			return EXIT_USAGE;
		}
		r.profile = p->id;
		r.area = area;
	}
	if ((cal = cli_calendar(c, NULL)) == NULL) {
		profile_free(p);
		return EXIT_USAGE;
	}
	r.cal = cal;
	rc = EXIT_USAGE;
	fd = -1;
	cr = NULL;
	if (open_input(c, r.path, &fd) == -1)
		goto out;
	if (to != NULL && safe_same_file(fd, to)) {
		cli_error(c, "--to-caseload: %s is the census file being read",
		    to);
		goto out;
	}
	oo.doc = DOC_CENSUS;
	oo.as_of = r.as_of;
	if ((to == NULL || strcmp(to, "-") != 0) &&
	    (r.w = out_begin(fmt, c->out, &oo, err, sizeof(err))) == NULL) {
		cli_error(c, "%s", err);
		goto out;
	}
	if (to != NULL) {
		if (safe_open(&so, to, c->out, err, sizeof(err)) == -1) {
			cli_error(c, "%s", err);
			goto out;
		}
		r.cl = so.f;
		fputs("case_id,profile,area,plan_type,worker,referral,"
		    "assessment_completed,plan_decision,rcpc,residence,"
		    "first_meeting,last_review,reviews_held,last_visit,"
		    "closed\n", r.cl);
	}
	cr = census_open(fd, r.path, on_fault, &r);
	while ((n = census_next(cr, &ch)) == 1)
		put_child(&r, ch);
	complete = n == 0;
	line = 0;
	if (!complete) {
		arg = census_error(cr, &line);
		diag_add(&r.ds, DIAG_FATAL, r.path, line, "%s", arg);
		if (census_root_seen(cr))
			fprintf(c->err, "cinplan: %s: stopped there; the report"
			    " covers the %lu child%s read before it%s\n",
			    r.path, r.children, r.children == 1 ? "" : "ren",
			    to != NULL ? ", and no caseload was written" : "");
	}
	/* A file that is not a return at all gets no report. */
	if (r.w != NULL && (complete || census_root_seen(cr)) &&
	    put_summary(&r, census_header(cr), complete, line) == -1)
		complete = 0;
	if (to != NULL) {
		if (!complete) {
			safe_abort(&so);
			goto out;
		}
		if (cli_commit(c, &so) == -1) {
			complete = 0;
			goto out;
		}
		fprintf(c->err, "cinplan: wrote %lu open episode%s as of %s to"
		    " %s\n", r.episodes, r.episodes == 1 ? "" : "s",
		    date_format(r.as_of, err), strcmp(to, "-") ? to :
		    "standard output");
	}
	if (complete)
		rc = r.ds.worst >= DIAG_ERROR ? EXIT_REJECTED : EXIT_OK;
out:
	census_close(cr);
	out_end(r.w, err, sizeof(err));
	if (fd != -1 && fd != STDIN_FILENO)
		close(fd);
	cal_free(cal);
	profile_free(p);
	seen_free(&r);
	return rc;
}
