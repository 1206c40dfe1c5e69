/*
 * cmd_schedule.c: "cinplan schedule", every deadline of one case.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cal.h"
#include "cli.h"
#include "date.h"
#include "out.h"
#include "profile.h"
#include "safeio.h"
#include "sched.h"
#include "xmalloc.h"

enum {
	OPT_PROFILE = OPT_FIRST_OWN,
	OPT_AREA,
	OPT_PLAN_TYPE,
	OPT_CASE_ID,
	OPT_REFERRAL,
	OPT_ASSESSMENT,
	OPT_DECISION,
	OPT_RCPC,
	OPT_RESIDENCE,
	OPT_FIRST_MEETING,
	OPT_REVIEW,
	OPT_VISIT,
	OPT_MANAGER_AGREED,
	OPT_KIND,
	OPT_WITHIN,
	OPT_UNTIL,
	OPT_FORMAT,
	OPT_OUTPUT,
	OPT_DATE_STYLE,
	OPT_ALARM,
	OPT_WORKER,
	OPT_SUPERVISION_ORDER,
	OPT_ALLOCATED,
	OPT_STEP_DOWN_DECISION,
	OPT_FAILED_VISIT,
	OPT_EXCEL,
	OPT_CASELOAD,
	OPT_COLUMNS,
	OPT_WIDTH,
	OPT_AUDIENCE,
	OPT_TITLE,
	OPT_DONE		/* + enum kind: a held fact of that kind */
};

static const struct cli_opt schedule_opts[] = {
	{ "profile", 1, OPT_PROFILE },
	{ "area", 1, OPT_AREA },
	{ "plan-type", 1, OPT_PLAN_TYPE },
	{ "case-id", 1, OPT_CASE_ID },
	{ "referral", 1, OPT_REFERRAL },
	{ "assessment-completed", 1, OPT_ASSESSMENT },
	{ "plan-decision", 1, OPT_DECISION },
	{ "rcpc", 1, OPT_RCPC },
	{ "residence", 1, OPT_RESIDENCE },
	{ "first-meeting", 1, OPT_FIRST_MEETING },
	{ "review", 1, OPT_REVIEW },
	{ "visit", 1, OPT_VISIT },
	{ "manager-agreed", 0, OPT_MANAGER_AGREED },
	{ "kind", 1, OPT_KIND },
	{ "within", 1, OPT_WITHIN },
	{ "until", 1, OPT_UNTIL },
	{ "format", 1, OPT_FORMAT },
	{ "excel", 0, OPT_EXCEL },
	{ "caseload", 1, OPT_CASELOAD },
	{ "columns", 1, OPT_COLUMNS },
	{ "width", 1, OPT_WIDTH },
	{ "output", 1, OPT_OUTPUT },
	{ "o", 1, OPT_OUTPUT },
	{ "date-style", 1, OPT_DATE_STYLE },
	{ "alarm", 1, OPT_ALARM },
	{ "worker", 1, OPT_WORKER },
	{ "supervision-order", 1, OPT_SUPERVISION_ORDER },
	{ "allocated", 1, OPT_ALLOCATED },
	{ "step-down-decision", 1, OPT_STEP_DOWN_DECISION },
	{ "failed-visit", 1, OPT_FAILED_VISIT },
	{ "audience", 1, OPT_AUDIENCE },
	{ "title", 1, OPT_TITLE },
	{ "minutes", 1, OPT_DONE + KIND_MINUTES },
	{ "notice", 1, OPT_DONE + KIND_NOTICE },
	{ "written-update", 1, OPT_DONE + KIND_WRITTEN_UPDATE },
	{ "visit-record", 1, OPT_DONE + KIND_VISIT_RECORD },
	{ "plan-update", 1, OPT_DONE + KIND_PLAN_UPDATE },
	{ "assessment-update", 1, OPT_DONE + KIND_ASSESSMENT_UPDATE },
	{ "safety-plan", 1, OPT_DONE + KIND_SAFETY_PLAN },
	{ NULL, 0, 0 }
};

/* The facts that are one date each: the option and where it goes. */
static const struct {
	int	 id;
	size_t	 off;
} date_facts[] = {
	{ OPT_REFERRAL, offsetof(struct facts, referral) },
	{ OPT_ASSESSMENT, offsetof(struct facts, assessment) },
	{ OPT_DECISION, offsetof(struct facts, plan_decision) },
	{ OPT_RCPC, offsetof(struct facts, rcpc) },
	{ OPT_RESIDENCE, offsetof(struct facts, residence) },
	{ OPT_FIRST_MEETING, offsetof(struct facts, first_meeting) },
	{ OPT_SUPERVISION_ORDER, offsetof(struct facts, supervision_order) },
	{ OPT_ALLOCATED, offsetof(struct facts, allocated) },
	{ OPT_STEP_DOWN_DECISION, offsetof(struct facts, step_down_decision) },
};

/* The date in f that option id sets, or NULL. */
static int *
date_fact(struct facts *f, int id)
{
	size_t	 i;

	for (i = 0; i < sizeof(date_facts) / sizeof(date_facts[0]); i++)
		if (date_facts[i].id == id)
			return (int *)(void *)((char *)f + date_facts[i].off);
	return NULL;
}

/* The long name of option id. */
static const char *
opt_name(int id)
{
	const struct cli_opt	*o;

	for (o = schedule_opts; o->name != NULL; o++)
		if (o->id == id)
			return o->name;
	return "?";
}

/* Held reviews and visits given on the command line; a case has few. */
#define MAX_HELD	1000

struct held {
	int	 v[MAX_HELD];
	size_t	 n;
};

static int
cmp_int(const void *a, const void *b)
{
	int	 x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

static int
add_held(struct cli *c, struct held *h, const char *opt, const char *arg)
{
	size_t	 i;
	int	 d;

	if (cli_date(c, opt, arg, &d) == -1)
		return -1;
	if (h->n == MAX_HELD) {
		cli_error(c, "%s: more than %d dates", opt, MAX_HELD);
		return -1;
	}
	for (i = 0; i < h->n; i++)
		if (h->v[i] == d) {
			cli_error(c, "%s: %s is given twice", opt, arg);
			return -1;
		}
	h->v[h->n++] = d;
	return 0;
}

/* The flag a user gives for a missing fact. */
static const char *
fact_flags(enum anchor a)
{
	switch (a) {
	case ANCHOR_REFERRAL:
		return "--referral";
	case ANCHOR_ASSESSMENT:
		return "--assessment-completed (or --referral, to project it)";
	case ANCHOR_PLAN_DECISION:
		return "--plan-decision or --assessment-completed (or"
		    " --referral, to project it)";
	case ANCHOR_RCPC:
		return "--rcpc (the review child protection conference)";
	case ANCHOR_RESIDENCE:
		return "--residence (the date the family became resident)";
	case ANCHOR_SUPERVISION_ORDER:
		return "--supervision-order (the date the order was made)";
	default:
		return "--first-meeting";
	}
}

/* Why a schedule could not be computed, in terms of the options. */
static void
say_sched_error(struct cli *c, const struct profile *p, enum plan_type pt,
    const struct sched_error *e)
{
	if (e->code == SE_NEED_FACT && e->anchor == ANCHOR_PLAN_DECISION &&
	    pt == PLAN_STEP_DOWN_CP)
		cli_error(c, "%s: step-down-cp needs --rcpc or --plan-decision"
		    " (the review child protection conference that agreed"
		    " step-down), or --first-meeting if it has been held",
		    p->id);
	else if (e->code == SE_NEED_FACT &&
	    e->anchor == ANCHOR_PLAN_DECISION && pt == PLAN_SUPERVISION_ORDER)
		cli_error(c, "%s: supervision-order needs --supervision-order or"
		    " --plan-decision (the date the order was made), or"
		    " --first-meeting if it has been held", p->id);
	else if (e->code == SE_NEED_FACT && e->anchor == ANCHOR_PLAN_START)
		cli_error(c, "%s (%s) sets no timescale for the first meeting:"
		    " give --first-meeting", p->id, plan_type_name(pt));
	else if (e->code == SE_NEED_FACT)
		cli_error(c, "%s (%s): nothing to count the first meeting"
		    " from: give %s, or --first-meeting if it has been held",
		    p->id, plan_type_name(pt), fact_flags(e->anchor));
	else
		cli_error(c, "%s: %s", p->id, e->msg);
}

/* Where a schedule goes, and how. */
struct emit {
	struct cli		*c;
	enum out_format		 fmt;
	const struct out_opts	*oo;
	FILE			*f;
	int			 beyond;	/* a date past the announced
						   bank holidays was written */
};

/* One case's schedule, written whole to e->f. */
static int
emit_case(void *arg, const struct out_case *oc)
{
	struct emit		*e = arg;
	struct out_writer	*w;
	char			 err[512];
	int			 rc;

	if ((w = out_begin(e->fmt, e->f, e->oo, err, sizeof(err))) == NULL) {
		cli_error(e->c, "%s", err);
		return -1;
	}
	if ((rc = out_case(w, oc, err, sizeof(err))) == -1)
		cli_error(e->c, "%s", err);
	e->beyond = out_beyond_announced(w);
	if (out_end(w, err, sizeof(err)) == -1 && rc == 0) {
		cli_error(e->c, "%s", err);
		rc = -1;
	}
	return rc;
}

/*
 * schedule --caseload: the case's row gives its facts.  Its schedule is
 * written to memory first, since only after the whole file has been read
 * is it known that no second row gives the case other facts.
 */
static int
schedule_row(struct cli *c, const struct caseload_query *q,
    const struct sched_opts *so, struct emit *e)
{
	FILE	*orig;
	char	*buf;
	size_t	 len;
	int	 rc;

	orig = e->f;
	buf = NULL;
	len = 0;
	if ((e->f = open_memstream(&buf, &len)) == NULL) {
		e->f = orig;
		cli_error(c, "out of memory");
		return -1;
	}
	rc = caseload_schedule(c, q, so, emit_case, e);
	if (fclose(e->f) == EOF && rc == 0) {
		cli_error(c, "out of memory");
		rc = -1;
	}
	e->f = orig;
	if (rc == 0 && fwrite(buf, 1, len, orig) != len)
		rc = -1;	/* reported when the output is closed */
	free(buf);
	return rc;
}

/* The as-of date, and the horizon: six months on unless given. */
static void
sched_defaults(struct cli *c, struct sched_opts *so)
{
	so->as_of = cli_as_of(c);
	so->possible = 1;
	if (so->until == DATE_NONE &&
	    (so->until = date_add_months(so->as_of, 6)) == DATE_NONE)
		so->until = DATE_MAX;
}

/* What the writer is told, whichever way the facts came. */
static void
output_opts(struct out_opts *oo, enum out_format fmt, int as_of, int until,
    const char *output, FILE *out)
{
	const char	*env;

	oo->as_of = as_of;
	oo->until = until;
	env = getenv("NO_COLOR");
	oo->color = fmt == FMT_TEXT && (env == NULL || *env == '\0') &&
	    output == NULL && out == stdout && isatty(fileno(out));
	/* As export -o: written whole, SEQUENCE carried from the old file. */
	if (output != NULL && strcmp(output, "-") != 0 && fmt == FMT_ICS)
		oo->previous = output;
}

/* Options that give a fact; the caseload's row gives them all. */
static int
schedule_caseload(struct cli *c, struct caseload_query *q,
    const char *case_id, const char *profile, const char *fact,
    enum out_format fmt, struct out_opts *oo, struct sched_opts *so,
    const char *output, struct held *done)
{
	struct safe_out	 sout;
	struct emit	 e;
	char		 err[512];
	int		 rc;

	free(done);
	if (q->path == NULL)
		return cli_usage(c, "--columns goes with --caseload");
	if (case_id == NULL)
		return cli_usage(c, "--caseload needs --case-id: which case");
	if (fact != NULL)
		return cli_usage(c, "--%s: with --caseload the case's row gives"
		    " its facts; give them all there or all as options",
		    fact);
	q->case_id = case_id;
	q->profile = profile;
	sched_defaults(c, so);
	output_opts(oo, fmt, so->as_of, so->until, output, c->out);
	if (cli_announced(c, &oo->announced) == -1)
		return EXIT_USAGE;
	if (fmt == FMT_ICS && cli_dtstamp(c, so->as_of, &oo->dtstamp) == -1)
		return EXIT_USAGE;
	if (safe_open(&sout, output, c->out, err, sizeof(err)) == -1)
		return cli_error(c, "%s", err);
	e.c = c;
	e.fmt = fmt;
	e.oo = oo;
	e.f = sout.f;
	e.beyond = 0;
	rc = schedule_row(c, q, so, &e) == 0 ? EXIT_OK : EXIT_USAGE;
	if (rc == EXIT_OK && (fmt == FMT_TEXT || fmt == FMT_CSV) && e.beyond)
		cli_note_announced(c, oo->announced);
	/* On any error the old file is left as it was. */
	if (rc == EXIT_OK && sout.path != NULL && cli_commit(c, &sout) == -1)
		rc = EXIT_USAGE;
	else if (rc != EXIT_OK)
		safe_abort(&sout);
	return rc;
}

int
cmd_schedule(struct cli *c, int argc, char **argv)
{
	struct cli_optstate	 st;
	struct facts		 f;
	struct sched_opts	 so;
	struct sched_error	 se;
	struct schedule		 s;
	struct out_opts		 oo;
	struct out_case		 oc;
	struct emit		 e;
	struct caseload_query	 q;
	struct safe_out		 sout;
	struct held		 reviews, visits, failed, *done;
	struct profile		*p;
	struct calendar		*cal;
	const char		*arg, *spec, *area, *spec_area, *pt, *case_id;
	const char		*worker, *output, *fact, *audience;
	char			 err[512], flag[40];
	long			 n, width;
	int			 id, fmt, rc, *slot, a, k;

	facts_init(&f);
	memset(&so, 0, sizeof(so));
	memset(&oo, 0, sizeof(oo));
	memset(&st, 0, sizeof(st));
	memset(&s, 0, sizeof(s));
	reviews.n = visits.n = failed.n = 0;
	done = xcalloc(KIND_COUNT, sizeof(*done));
	spec = area = pt = case_id = worker = output = fact = audience = NULL;
	memset(&q, 0, sizeof(q));
	so.until = DATE_NONE;
	so.within = 5;
	oo.alarm_days = -1;
	fmt = FMT_TEXT;
	width = -1;
	while ((id = cli_opt_next(c, &st, argc, argv, schedule_opts, &arg)) != -1) {
		if ((slot = date_fact(&f, id)) != NULL) {
			snprintf(flag, sizeof(flag), "--%s", opt_name(id));
			if (*slot != DATE_NONE) {
				cli_usage(c, "%s is given twice", flag);
				goto usage;
			}
			if (cli_date(c, flag, arg, slot) == -1)
				goto usage;
			fact = opt_name(id);
			continue;
		}
		switch (id) {
		case -2:
			goto usage;
		case OPT_HELP:
			free(done);
			return cli_help(c);
		case 0:
			cli_usage(c, "unexpected argument '%s'", arg);
			goto usage;
		case OPT_PROFILE:
			if (spec != NULL) {
				cli_usage(c, "--profile is given twice");
				goto usage;
			}
			spec = arg;
			break;
		case OPT_AREA:
			area = arg;
			fact = "area";
			break;
		case OPT_PLAN_TYPE:
			pt = arg;
			fact = "plan-type";
			break;
		case OPT_CASE_ID:
			case_id = arg;
			break;
		case OPT_WORKER:
			worker = arg;
			fact = "worker";
			break;
		case OPT_REVIEW:
			if (add_held(c, &reviews, "--review", arg) == -1)
				goto usage;
			fact = "review";
			break;
		case OPT_VISIT:
			if (add_held(c, &visits, "--visit", arg) == -1)
				goto usage;
			fact = "visit";
			break;
		case OPT_MANAGER_AGREED:
			f.flags |= FACT_MANAGER_AGREED;
			fact = "manager-agreed";
			break;
		case OPT_CASELOAD:
			if (q.path != NULL) {
				cli_usage(c, "--caseload is given twice");
				goto usage;
			}
			q.path = arg;
			break;
		case OPT_COLUMNS:
			q.columns = arg;
			break;
		case OPT_WIDTH:
			if (cli_long(c, "--width", arg, 0, 1000, &width) == -1)
				goto usage;
			break;
		case OPT_KIND:
			if (cli_kinds(c, arg, &so.kinds) == -1)
				goto usage;
			break;
		case OPT_WITHIN:
			if (cli_long(c, "--within", arg, 0, 1000, &n) == -1)
				goto usage;
			so.within = (int)n;
			break;
		case OPT_UNTIL:
			if (cli_date(c, "--until", arg, &so.until) == -1)
				goto usage;
			break;
		case OPT_FORMAT:
			if ((fmt = out_format_parse(arg)) == -1) {
				cli_usage(c, "--format: unknown format"
				    " '%s' (text, json, csv, ics or html)", arg);
				goto usage;
			}
			break;
		case OPT_OUTPUT:
			output = arg;
			break;
		case OPT_EXCEL:
			oo.excel = 1;
			break;
		case OPT_DATE_STYLE:
			if (strcmp(arg, "iso") == 0)
				oo.date_style = DSTYLE_ISO;
			else if (strcmp(arg, "uk") == 0)
				oo.date_style = DSTYLE_UK;
			else {
				cli_usage(c, "--date-style: '%s' is"
				    " not iso or uk", arg);
				goto usage;
			}
			break;
		case OPT_ALARM:
			if (cli_long(c, "--alarm", arg, 0, 365,
			    &oo.alarm_days) == -1)
				goto usage;
			break;
		case OPT_FAILED_VISIT:
			if (add_held(c, &failed, "--failed-visit", arg) == -1)
				goto usage;
			fact = "failed-visit";
			break;
		case OPT_AUDIENCE:
			if (strcmp(arg, "worker") == 0)
				oo.audience = AUD_WORKER;
			else if (strcmp(arg, "family") == 0)
				oo.audience = AUD_FAMILY;
			else {
				cli_usage(c, "--audience: '%s' is not worker"
				    " or family", arg);
				goto usage;
			}
			audience = arg;
			break;
		case OPT_TITLE:
			if (*arg == '\0') {
				cli_usage(c, "--title: empty (leave it out for"
				    " a heading made from the case)");
				goto usage;
			}
			oo.title = arg;
			break;
		default:
			if (id >= OPT_DONE && id < OPT_DONE + KIND_COUNT) {
				k = id - OPT_DONE;
				snprintf(err, sizeof(err), "--%s",
				    kind_name((enum kind)k));
				if (add_held(c, &done[k], err, arg) == -1)
					goto usage;
				fact = kind_name((enum kind)k);
				break;
			}
			cli_usage(c, "option not valid here");
			goto usage;
		}
	}
	if (cli_format_extras(c, fmt, oo.excel, width) == -1)
		goto usage;
	oo.width = fmt == FMT_TEXT ? cli_width(c, width, output) : 0;
	/* A page's options on anything else would be dropped unseen. */
	if (fmt != FMT_HTML && (audience != NULL || oo.title != NULL)) {
		cli_usage(c, "%s: only with --format html", audience != NULL ?
		    "--audience" : "--title");
		goto usage;
	}
	if (q.path != NULL || q.columns != NULL)
		return schedule_caseload(c, &q, case_id, spec, fact, fmt, &oo,
		    &so, output, done);
	if (spec == NULL) {
		cli_usage(c, "--profile is required");
		goto usage;
	}
	if ((p = cli_profile(c, spec, &spec_area)) == NULL)
		goto usage;
	rc = EXIT_USAGE;
	cal = NULL;
	memset(&sout, 0, sizeof(sout));
	if (spec_area != NULL && area != NULL && strcmp(spec_area, area) != 0) {
		cli_error(c, "--profile %s and --area %s disagree", spec, area);
		goto out;
	}
	if (area == NULL)
		area = spec_area;
	if ((a = cli_area(c, p, area)) == -2)
		goto out;
	f.area = a;
	if (cli_plan_type(c, pt, &f.plan_type) == -1)
		goto out;
	qsort(reviews.v, reviews.n, sizeof(int), cmp_int);
	qsort(visits.v, visits.n, sizeof(int), cmp_int);
	f.reviews = reviews.v;
	f.nreviews = reviews.n;
	f.visits = visits.v;
	f.nvisits = visits.n;
	qsort(failed.v, failed.n, sizeof(int), cmp_int);
	f.failed_visits = failed.v;
	f.nfailed_visits = failed.n;
	for (k = 0; k < KIND_COUNT; k++) {
		qsort(done[k].v, done[k].n, sizeof(int), cmp_int);
		f.done[k] = done[k].v;
		f.ndone[k] = done[k].n;
	}
	sched_defaults(c, &so);
	if ((cal = cli_calendar(c, p)) == NULL)
		goto out;
	if (sched_build(p, cal, &f, &so, NULL, &s, &se) == -1) {
		say_sched_error(c, p, f.plan_type, &se);
		goto out;
	}
	output_opts(&oo, fmt, so.as_of, so.until, output, c->out);
	if (cli_announced(c, &oo.announced) == -1)
		goto out;
	if (fmt == FMT_ICS && cli_dtstamp(c, so.as_of, &oo.dtstamp) == -1)
		goto out;
	memset(&oc, 0, sizeof(oc));
	oc.case_id = case_id;
	oc.profile = p;
	oc.area = f.area;
	oc.plan_type = f.plan_type;
	oc.worker = worker;
	oc.s = &s;
	oc.cal = cal;
	oc.facts = &f;
	if (safe_open(&sout, output, c->out, err, sizeof(err)) == -1) {
		cli_error(c, "%s", err);
		goto out;
	}
	e.c = c;
	e.fmt = fmt;
	e.oo = &oo;
	e.f = sout.f;
	e.beyond = 0;
	if (emit_case(&e, &oc) == -1)
		goto out;
	if ((fmt == FMT_TEXT || fmt == FMT_CSV) && e.beyond)
		cli_note_announced(c, oo.announced);
	rc = EXIT_OK;
out:
	/* On any error the old file is left as it was. */
	if (sout.f != NULL && rc == EXIT_OK && sout.path != NULL &&
	    cli_commit(c, &sout) == -1)
		rc = EXIT_USAGE;
	else if (sout.f != NULL && rc != EXIT_OK)
		safe_abort(&sout);
	sched_free(&s);
	cal_free(cal);
	profile_free(p);
	free(done);
	return rc;
usage:
	free(done);
	return EXIT_USAGE;
}
