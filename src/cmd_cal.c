/*
 * cmd_cal.c: the calendar commands, "workdays" and "holidays".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cal.h"
#include "cli.h"
#include "date.h"
#include "diag.h"
#include "profile.h"
#include "rpath.h"
#include "safeio.h"
#include "xmalloc.h"

enum {
	OPT_PROFILE = OPT_FIRST_OWN,
	OPT_IMPORT,
	OPT_OUTPUT,
	OPT_ALLOW_MISSING,
	OPT_CHECK
};

static const struct cli_opt cal_opts[] = {
	{ "profile", 1, OPT_PROFILE },
	{ "import", 1, OPT_IMPORT },
	{ "output", 1, OPT_OUTPUT },
	{ "o", 1, OPT_OUTPUT },
	{ "allow-missing", 0, OPT_ALLOW_MISSING },
	{ "check", 1, OPT_CHECK },
	{ NULL, 0, 0 }
};

#define MAX_OPERANDS	4

struct cal_args {
	const char	*operand[MAX_OPERANDS];
	int		 noperands;
	const char	*profile;
	const char	*import;
	const char	*check;		/* --check FILE.json */
	const char	*output;
	int		 allow_missing;	/* --allow-missing */
};

/* Returns -1 for an error already reported, 1 for --help, else 0. */
static int
parse_args(struct cli *c, int argc, char **argv, struct cal_args *a)
{
	struct cli_optstate	 st;
	const char		*arg;
	int			 id;

	memset(a, 0, sizeof(*a));
	memset(&st, 0, sizeof(st));
	while ((id = cli_opt_next(c, &st, argc, argv, cal_opts, &arg)) != -1) {
		switch (id) {
		case -2:
			return -1;
		case OPT_HELP:
			return 1;
		case 0:
			if (a->noperands == MAX_OPERANDS) {
				cli_usage(c, "too many arguments");
				return -1;
			}
			a->operand[a->noperands++] = arg;
			break;
		case OPT_PROFILE:
			a->profile = arg;
			break;
		case OPT_IMPORT:
			a->import = arg;
			break;
		case OPT_CHECK:
			a->check = arg;
			break;
		case OPT_OUTPUT:
			a->output = arg;
			break;
		case OPT_ALLOW_MISSING:
			a->allow_missing = 1;
			break;
		default:
			cli_usage(c, "option not valid here");
			return -1;
		}
	}
	return 0;
}

/* The calendar with the closure days of --profile, if given. */
static struct calendar *
calendar_for(struct cli *c, const struct cal_args *a, struct profile **pp)
{
	const char	*area;

	*pp = NULL;
	if (a->profile != NULL &&
	    (*pp = cli_profile(c, a->profile, &area)) == NULL)
		return NULL;
	return cli_calendar(c, *pp);
}

/* The note, when last lies after the last year announced. */
static void
note_announced(struct cli *c, int last)
{
	int	 year, y, m, d;

	date_to_ymd(last, &y, &m, &d);
	if (cli_announced(c, &year) == 0 && year != 0 && y > year)
		cli_note_announced(c, year);
}

static int
workdays(struct cli *c, int argc, char **argv)
{
	struct cal_args	 a;
	struct calendar	*cal;
	struct profile	*p;
	const char	*verb;
	char		 buf[DATE_STRLEN];
	long		 n;
	int		 d1, d2, r, rc;

	if ((rc = parse_args(c, argc, argv, &a)) != 0)
		return rc == 1 ? cli_help(c) : EXIT_USAGE;
	if (a.import != NULL || a.check != NULL || a.output != NULL ||
	    a.allow_missing)
		return cli_usage(c, "--import, --check, -o and --allow-missing"
		    " belong to holidays");
	if (a.noperands == 0)
		return cli_usage(c, "add or between?");
	verb = a.operand[0];
	if (strcmp(verb, "add") == 0) {
		c->cmd = "workdays add";
		if (a.noperands != 3)
			return cli_usage(c, "needs DATE N");
		if (cli_date(c, "workdays add: DATE", a.operand[1], &d1) == -1 ||
		    cli_long(c, "workdays add: N", a.operand[2], -100000,
		    100000, &n) == -1)
			return EXIT_USAGE;
	} else if (strcmp(verb, "between") == 0) {
		c->cmd = "workdays between";
		if (a.noperands != 3)
			return cli_usage(c, "needs DATE1 DATE2");
		if (cli_date(c, "workdays between: DATE1", a.operand[1],
		    &d1) == -1 ||
		    cli_date(c, "workdays between: DATE2", a.operand[2],
		    &d2) == -1)
			return EXIT_USAGE;
	} else
		return cli_usage(c, "unknown verb '%s' (add or between)",
		    verb);
	if ((cal = calendar_for(c, &a, &p)) == NULL) {
		profile_free(p);
		return EXIT_USAGE;
	}
	rc = EXIT_OK;
	if (strcmp(verb, "add") == 0) {
		if (cal_add(cal, d1, n, &r) == -1)
			rc = cli_error(c, "workdays add: %s %+ld working days"
			    " is outside the supported range 1970-01-01 to"
			    " 2199-12-31", a.operand[1], n);
		else {
			fprintf(c->out, "%s\n", date_format(r, buf));
			note_announced(c, r > d1 ? r : d1);
		}
	} else {
		fprintf(c->out, "%ld\n", cal_between(cal, d1, d2));
		note_announced(c, d2 > d1 ? d2 : d1);
	}
	cal_free(cal);
	profile_free(p);
	return rc;
}

int
cmd_workdays(struct cli *c, int argc, char **argv)
{
	return workdays(c, argc, argv);
}

static int
import_govuk(struct cli *c, const struct cal_args *a)
{
	const struct hol_data	*old;
	struct diags		 ds;
	struct rfile		 f;
	struct safe_out		 so;
	char			 err[512];
	int			 rc;

	if (a->noperands != 0)
		return cli_usage(c, "--import takes no YEAR or dates");
	rc = rfile_read_path(a->import, &f, err, sizeof(err));
	if (rc == 1)
		return cli_error(c, "%s: no such file", a->import);
	if (rc == -1)
		return cli_error(c, "%s", err);
	if (cli_holidays(c, &old) == -1) {
		rfile_free(&f);
		return EXIT_USAGE;
	}
	if (safe_open(&so, a->output, c->out, err, sizeof(err)) == -1) {
		rfile_free(&f);
		return cli_error(c, "%s", err);
	}
	memset(&ds, 0, sizeof(ds));
	ds.out = c->err;
	rc = hol_import_govuk(f.text, f.len, f.name, old, a->allow_missing ?
	    HOL_ALLOW_MISSING : 0, so.f, c->err, &ds);
	rfile_free(&f);
	if (rc == -1) {
		safe_abort(&so);
		return EXIT_USAGE;
	}
	if (cli_commit(c, &so) == -1)
		return EXIT_USAGE;
	return EXIT_OK;
}

/* holidays --check: is the data in use behind GOV.UK's file?  0, 1 or 2. */
static int
check_govuk(struct cli *c, const struct cal_args *a)
{
	const struct hol_data	*old;
	struct diags		 ds;
	struct rfile		 f, in_use;
	char			 err[512];
	int			 rc;

	if (a->noperands != 0 || a->import != NULL || a->output != NULL)
		return cli_usage(c, "--check takes no YEAR, dates, --import"
		    " or -o");
	rc = rfile_read_path(a->check, &f, err, sizeof(err));
	if (rc == 1)
		return cli_error(c, "%s: no such file", a->check);
	if (rc == -1)
		return cli_error(c, "%s", err);
	if (cli_holidays(c, &old) == -1) {
		rfile_free(&f);
		return EXIT_USAGE;
	}
	/* Which file is in use, to name it. */
	memset(&in_use, 0, sizeof(in_use));
	if (c->holidays_file == NULL)
		(void)rpath_read(cli_rpath(c), "holidays", &in_use, err,
		    sizeof(err));
	memset(&ds, 0, sizeof(ds));
	ds.out = c->err;
	rc = hol_check_govuk(f.text, f.len, f.name, old, c->holidays_file ?
	    c->holidays_file : in_use.name ? in_use.name : "(no holiday data)",
	    a->allow_missing ? HOL_ALLOW_MISSING : 0, c->out, &ds);
	rfile_free(&in_use);
	rfile_free(&f);
	if (rc == -1)
		return EXIT_USAGE;
	return rc == 1 ? EXIT_OVERDUE : EXIT_OK;
}

int
cmd_holidays(struct cli *c, int argc, char **argv)
{
	struct cal_args		 a;
	struct holiday		*v;
	struct profile		*p;
	const struct hol_data	*hd;
	const char		*area;
	char			 buf[DATE_STRLEN];
	size_t			 i, j, n;
	long			 y;
	int			 from, to, rc, yy, m, d;

	if ((rc = parse_args(c, argc, argv, &a)) != 0)
		return rc == 1 ? cli_help(c) : EXIT_USAGE;
	if (a.check != NULL)
		return check_govuk(c, &a);
	if (a.import != NULL)
		return import_govuk(c, &a);
	if (a.output != NULL || a.allow_missing)
		return cli_usage(c, "-o and --allow-missing go with --import");
	switch (a.noperands) {
	case 0:
		date_to_ymd(cli_as_of(c), &yy, &m, &d);
		from = date_from_ymd(yy, 1, 1);
		to = date_from_ymd(yy, 12, 31);
		break;
	case 1:
		if (cli_long(c, "holidays: YEAR", a.operand[0], DATE_MIN_YEAR,
		    DATE_MAX_YEAR, &y) == -1)
			return EXIT_USAGE;
		from = date_from_ymd((int)y, 1, 1);
		to = date_from_ymd((int)y, 12, 31);
		break;
	case 2:
		if (cli_date(c, "holidays: FROM", a.operand[0], &from) == -1 ||
		    cli_date(c, "holidays: TO", a.operand[1], &to) == -1)
			return EXIT_USAGE;
		if (from > to)
			return cli_error(c, "holidays: FROM %s is after TO %s",
			    a.operand[0], a.operand[1]);
		break;
	default:
		return cli_usage(c, "too many arguments");
	}
	if (cli_holidays(c, &hd) == -1)
		return EXIT_USAGE;
	p = NULL;
	if (a.profile != NULL && (p = cli_profile(c, a.profile, &area)) == NULL)
		return EXIT_USAGE;
	n = hol_list(hd, from, to, NULL, 0);
	v = xreallocarray(NULL, n, sizeof(*v));
	hol_list(hd, from, to, v, n);
	for (i = 0, j = 0; i < n || (p != NULL && j < p->nclosures);) {
		if (p != NULL && j < p->nclosures &&
		    (p->closures[j] < from || p->closures[j] > to)) {
			j++;
			continue;
		}
		if (p != NULL && j < p->nclosures &&
		    (i == n || p->closures[j] < v[i].date)) {
			fprintf(c->out, "%s\t%s closure day\n",
			    date_format(p->closures[j++], buf), p->id);
			continue;
		}
		if (p != NULL && j < p->nclosures &&
		    p->closures[j] == v[i].date)
			j++;
		fprintf(c->out, "%s\t%s\n", date_format(v[i].date, buf),
		    v[i].name);
		i++;
	}
	note_announced(c, to);
	free(v);
	profile_free(p);
	return EXIT_OK;
}
