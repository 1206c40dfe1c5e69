/*
 * cli.c: the command line.  Parses the command word, holds the table of
 * subcommands with their synopses, sets up what they share (rules path,
 * holiday data, as-of date), and owns the exit status.
 */
#include <sys/ioctl.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cal.h"
#include "cli.h"
#include "date.h"
#include "diag.h"
#include "kind.h"
#include "profile.h"
#include "rpath.h"
#include "safeio.h"
#include "text.h"
#include "xmalloc.h"

struct command {
	const char	*name;
	int		(*fn)(struct cli *, int, char **);
	const char	*synopsis;	/* lines, each after "usage: cinplan " */
};

static const struct command commands[] = {
	{ "schedule", cmd_schedule,
	  "schedule --profile ID [--area AREA] [--plan-type TYPE]\n"
	  "\t[--case-id REF] [--referral DATE] [--assessment-completed DATE]\n"
	  "\t[--plan-decision DATE] [--rcpc DATE] [--residence DATE]\n"
	  "\t[--first-meeting DATE] [--review DATE ...] [--visit DATE ...]\n"
	  "\t[--manager-agreed] [--supervision-order DATE] [--allocated DATE]\n"
	  "\t[--step-down-decision DATE] [--failed-visit DATE ...]\n"
	  "\t[--minutes DATE ...] [--notice DATE ...] [--written-update DATE ...]\n"
	  "\t[--visit-record DATE ...] [--plan-update DATE ...]\n"
	  "\t[--assessment-update DATE ...] [--safety-plan DATE ...]\n"
	  "\t[--worker NAME] [--kind KIND] [--within N]\n"
	  "\t[--as-of DATE] [--until DATE] [--format text|json|csv|ics|html]\n"
	  "\t[--audience worker|family] [--title TEXT] [--excel] [--width N]\n"
	  "\t[--date-style iso|uk] [--dates iso|uk] [--alarm DAYS] [--rules DIR]\n"
	  "\t[--holidays FILE] [-o FILE]\n"
	  "schedule --caseload FILE --case-id REF [--columns FILE] [--profile ID]\n"
	  "\t[--kind KIND] [--within N] [--as-of DATE] [--until DATE]\n"
	  "\t[--format text|json|csv|ics|html] [--audience worker|family]\n"
	  "\t[--title TEXT] [--excel] [--width N]\n"
	  "\t[--date-style iso|uk] [--dates iso|uk] [--alarm DAYS] [--rules DIR]\n"
	  "\t[--holidays FILE] [-o FILE]" },
	{ "check", cmd_check,
	  "check [--caseload] FILE.csv [--as-of DATE] [--within N]\n"
	  "\t[--format text|json|csv|html] [--excel] [--width N]\n"
	  "\t[--worker NAME] [--profile ID] [--dates iso|uk] [--columns FILE]\n"
	  "\t[--summary] [--rules DIR] [--holidays FILE]" },
	{ "export", cmd_export,
	  "export [--caseload] FILE.csv [--as-of DATE] [--until DATE] -o FILE.ics\n"
	  "\t[--worker NAME] [--profile ID] [--kind KIND] [--alarm DAYS]\n"
	  "\t[--calendar-name NAME] [--dates iso|uk] [--columns FILE]\n"
	  "\t[--split worker|profile] [--rules DIR] [--holidays FILE]" },
	{ "profiles", cmd_profiles,
	  "profiles [--rules DIR]" },
	{ "profile", cmd_profile,
	  "profile show ID [--rules DIR]\n"
	  "profile check FILE.ini [--rules DIR]" },
	{ "workdays", cmd_workdays,
	  "workdays add DATE N [--profile ID] [--holidays FILE]\n"
	  "workdays between DATE1 DATE2 [--profile ID] [--holidays FILE]" },
	{ "holidays", cmd_holidays,
	  "holidays [YEAR | FROM TO] [--profile ID] [--holidays FILE]\n"
	  "holidays --import bank-holidays.json [--allow-missing] [-o FILE]\n"
	  "holidays --check bank-holidays.json [--allow-missing]" },
	{ "census", cmd_census,
	  "census FILE.xml [--format text|json|csv|html] [--excel] [--as-of DATE]\n"
	  "\t[--to-caseload FILE.csv --profile ID [--area AREA]]" },
};
#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static const struct command *current_command(const struct cli *);
static const char *shown(const char *, char *, size_t);

static const struct command *
find_command(const char *name)
{
	size_t	 i;

	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

/* Print a synopsis; first is what goes before its first line. */
static void
print_synopsis_as(FILE *f, const char *lines, const char *first)
{
	const char	*p, *nl;

	for (p = lines; *p != '\0'; p = nl + 1) {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		fprintf(f, "%s%.*s\n", *p == '\t' ? "" :
		    (p == lines ? first : "       cinplan "),
		    (int)(nl - p), p);
		if (*nl == '\0')
			break;
	}
}

static void
print_synopsis(FILE *f, const char *lines)
{
	print_synopsis_as(f, lines, "usage: cinplan ");
}

static void
usage_all(FILE *f)
{
	size_t	 i;

	fputs("usage: cinplan COMMAND [options]\n"
	    "       cinplan --help | --version\n\ncommands:\n", f);
	for (i = 0; i < NCOMMANDS; i++)
		print_synopsis_as(f, commands[i].synopsis, "       cinplan ");
	fputs("\nRun 'cinplan COMMAND --help' for one command,"
	    " or see cinplan(1).\n", f);
}

static void	vmsg(struct cli *, int, const char *, va_list)
		    __attribute__((format(printf, 3, 0)));

static void
vmsg(struct cli *c, int with_cmd, const char *fmt, va_list ap)
{
	fputs("cinplan: ", c->err);
	if (with_cmd && c->cmd != NULL)
		fprintf(c->err, "%s: ", c->cmd);
	vfprintf(c->err, fmt, ap);
	fputc('\n', c->err);
}

int
cli_error(struct cli *c, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vmsg(c, 0, fmt, ap);
	va_end(ap);
	return EXIT_USAGE;
}

void
cli_warn(struct cli *c, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vmsg(c, 0, fmt, ap);
	va_end(ap);
}

int
cli_usage(struct cli *c, const char *fmt, ...)
{
	const struct command	*cmd;
	va_list			 ap;

	if (fmt != NULL) {
		va_start(ap, fmt);
		vmsg(c, 1, fmt, ap);
		va_end(ap);
	}
	if ((cmd = current_command(c)) != NULL)
		print_synopsis(c->err, cmd->synopsis);
	else
		usage_all(c->err);
	return EXIT_USAGE;
}

/* Quote a user's value for a message (text_shown), as much as buf holds. */
static const char *
shown(const char *s, char *buf, size_t sz)
{
	return text_shown(s, strlen(s), 0, sz, buf, sz);
}

int
cli_date(struct cli *c, const char *opt, const char *s, int *out)
{
	const char	*why;
	char		 buf[64];
	size_t		 len;
	int		 uk;

	len = strlen(s);
	uk = date_looks_uk(s, len) && strcspn(s, " T") == len;
	if (uk && c->dates == DATES_UK) {
		if (date_parse_text(s, len, DATES_UK, out, &why) == 0)
			return 0;
	} else if (date_parse(s, len, out, &why) == 0)
		return 0;
	cli_error(c, "%s: '%s' %s%s", opt, shown(s, buf, sizeof(buf)), why,
	    uk && c->dates == DATES_ISO ?
	    "; for DD/MM/YYYY dates, use --dates uk" : "");
	return -1;
}

/* --dates iso|uk. */
static int
dates_style(const char *arg, enum date_style *out)
{
	if (strcmp(arg, "iso") == 0)
		*out = DATES_ISO;
	else if (strcmp(arg, "uk") == 0)
		*out = DATES_UK;
	else
		return -1;
	return 0;
}

int
cli_long(struct cli *c, const char *opt, const char *s, long min, long max,
    long *out)
{
	char	*end, buf[64];
	long	 v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || s[0] == ' ' || s[0] == '+') {
		cli_error(c, "%s: '%s' is not a whole number", opt,
		    shown(s, buf, sizeof(buf)));
		return -1;
	}
	if (errno == ERANGE || v < min || v > max) {
		cli_error(c, "%s: '%s' is out of range (%ld to %ld)", opt,
		    shown(s, buf, sizeof(buf)), min, max);
		return -1;
	}
	*out = v;
	return 0;
}

int
cli_open_input(struct cli *c, const char *path, const char *what, int *fd)
{
	struct stat	 st;

	if (strcmp(path, "-") == 0) {
		*fd = STDIN_FILENO;
		return 0;
	}
	if ((*fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		cli_error(c, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (fstat(*fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		cli_error(c, "%s: is a directory, not a %s", path, what);
		close(*fd);
		return -1;
	}
	return 0;
}

int
cli_commit(struct cli *c, struct safe_out *so)
{
	char	 err[512];
	int	 rc;

	rc = safe_commit(so, err, sizeof(err));
	if (rc == -1 && !(so->f == c->out && c->out_reported))
		cli_error(c, "%s", err);
	if (rc == -1 && so->f == c->out)
		c->out_reported = 1;
	return rc;
}

const struct rpath *
cli_rpath(struct cli *c)
{
	if (!c->rp_ready) {
		rpath_init(&c->rp, c->rules_dir);
		c->rp_ready = 1;
	}
	return &c->rp;
}

int
cli_holidays(struct cli *c, const struct hol_data **out)
{
	struct diags	 ds;
	struct rfile	 f;
	char		 err[512];
	int		 rc;

	if (!c->hol_loaded) {
		if (c->holidays_file != NULL)
			rc = rfile_read_path(c->holidays_file, &f, err,
			    sizeof(err));
		else
			rc = rpath_read(cli_rpath(c), "holidays", &f, err,
			    sizeof(err));
		if (rc == 1 && c->holidays_file != NULL) {
			cli_error(c, "%s: no such file", c->holidays_file);
			return -1;
		}
		if (rc == -1) {
			cli_error(c, "%s", err);
			return -1;
		}
		if (rc == 0) {
			memset(&ds, 0, sizeof(ds));
			ds.out = c->err;
			c->hol = hol_data_parse(f.text, f.len, f.name, &ds);
			rfile_free(&f);
			if (c->hol == NULL)
				return -1;
		}
		c->hol_loaded = 1;
	}
	*out = c->hol;
	return 0;
}

int
cli_announced(struct cli *c, int *year)
{
	const struct hol_data	*hd;

	if (cli_holidays(c, &hd) == -1)
		return -1;
	*year = hol_data_announced(hd);
	return 0;
}

void
cli_note_announced(struct cli *c, int year)
{
	cli_warn(c, "note: dates after %d, the last year whose bank holidays"
	    " are announced, assume no new one-off bank holidays", year);
}

/* The one place the clock is read. */
int
cli_as_of(struct cli *c)
{
	struct tm	 tm;
	time_t		 now;

	if (c->as_of == DATE_NONE) {
		now = time(NULL);
		if (localtime_r(&now, &tm) == NULL)
			c->as_of = DATE_MIN;
		else
			c->as_of = date_from_ymd(tm.tm_year + 1900,
			    tm.tm_mon + 1, tm.tm_mday);
	}
	return c->as_of;
}

struct calendar *
cli_calendar(struct cli *c, const struct profile *p)
{
	const struct hol_data	*hd;

	if (cli_holidays(c, &hd) == -1)
		return NULL;
	if (p != NULL && p->nclosures > 0)
		return cal_new(hd, p->closures, p->nclosures);
	/* Profiles without closures of their own share one calendar. */
	if (c->base == NULL)
		c->base = cal_new(hd, NULL, 0);
	return cal_hold(c->base);
}

const char *
cli_nearest(const char *s, const char *const *names, size_t n)
{
	const char	*best;
	size_t		 i, d, bestd;

	best = NULL;
	bestd = SIZE_MAX;
	for (i = 0; i < n; i++) {
		d = text_edit_distance(s, names[i]);
		if (d < bestd) {
			bestd = d;
			best = names[i];
		}
	}
	if (best == NULL || bestd > 2 || bestd * 3 > strlen(s) + 1)
		return NULL;
	return best;
}

struct profile *
cli_profile(struct cli *c, const char *spec, const char **area)
{
	struct diags	 ds;
	struct profile	*p;
	const char	*slash, *near;
	char		*id, **ids, buf[64];
	size_t		 nids;

	*area = NULL;
	if ((slash = strchr(spec, '/')) != NULL) {
		id = xstrndup(spec, (size_t)(slash - spec));
		*area = slash + 1;
	} else
		id = xstrdup(spec);
	memset(&ds, 0, sizeof(ds));
	if (*id == '\0' || id[0] == '.' ||
	    strspn(id, "abcdefghijklmnopqrstuvwxyz0123456789-_") != strlen(id)) {
		cli_error(c, "--profile: '%s' is not a profile id",
		    shown(spec, buf, sizeof(buf)));
		free(id);
		return NULL;
	}
	p = profile_load(cli_rpath(c), id, &ds);
	if (p == NULL) {
		diag_print(&ds, c->err);
		nids = rpath_list_ids(cli_rpath(c), &ids);
		near = cli_nearest(id, (const char *const *)ids, nids);
		if (near != NULL && strcmp(near, id) != 0)
			fprintf(c->err, "cinplan: did you mean '%s'?"
			    " ('cinplan profiles' lists them all)\n", near);
		rpath_free_ids(ids, nids);
	} else if (ds.n > 0)
		diag_print(&ds, c->err);
	diag_clear(&ds);
	free(id);
	return p;
}

/*
 * A report cut short is never a reassuring status: whatever rc was, a
 * failed write to standard output makes it EXIT_USAGE, with one message.
 */
static int
flushed(struct cli *c, int rc)
{
	int	 e;

	errno = 0;
	if (fflush(c->out) == EOF || ferror(c->out)) {
		/* ferror() from an earlier write leaves errno unset here. */
		e = errno != 0 ? errno : EIO;
		if (!c->out_reported)
			fprintf(c->err, "cinplan: writing output: %s\n",
			    strerror(e));
		rc = EXIT_USAGE;
	}
	return rc;
}

int
cli_main(int argc, char *argv[], FILE *out, FILE *err)
{
	const struct command	*cmd;
	struct cli		 c;
	const char		*near;
	const char		*names[NCOMMANDS];
	char			 buf[64];
	size_t			 i;
	int			 rc;

	memset(&c, 0, sizeof(c));
	c.out = out;
	c.err = err;
	c.as_of = DATE_NONE;
	if (argc < 2) {
		usage_all(err);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		usage_all(out);
		return flushed(&c, EXIT_OK);
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		fprintf(out, "cinplan %s\n", CINPLAN_VERSION);
		return flushed(&c, EXIT_OK);
	}
	if ((cmd = find_command(argv[1])) == NULL) {
		fprintf(err, "cinplan: unknown command '%s'",
		    shown(argv[1], buf, sizeof(buf)));
		for (i = 0; i < NCOMMANDS; i++)
			names[i] = commands[i].name;
		if ((near = cli_nearest(argv[1], names, NCOMMANDS)) != NULL)
			fprintf(err, "; did you mean '%s'?", near);
		fputc('\n', err);
		usage_all(err);
		return EXIT_USAGE;
	}
	/*
	 * --dates applies to every date option, wherever it stands, so it is
	 * found before any is parsed; cli_opt_next() checks its value.
	 */
	for (i = 2; i < (size_t)argc && strcmp(argv[i], "--") != 0; i++)
		if (strcmp(argv[i], "--dates") == 0 && i + 1 < (size_t)argc)
			(void)dates_style(argv[i + 1], &c.dates);
		else if (strncmp(argv[i], "--dates=", 8) == 0)
			(void)dates_style(argv[i] + 8, &c.dates);
	c.cmd = cmd->name;
	rc = cmd->fn(&c, argc - 1, argv + 1);
	cal_free(c.base);
	hol_data_free(c.hol);
	if (c.rp_ready)
		rpath_free(&c.rp);
	return flushed(&c, rc);
}

static const struct command *
current_command(const struct cli *c)
{
	char	 word[32];

	snprintf(word, sizeof(word), "%s", c->cmd ? c->cmd : "");
	word[strcspn(word, " ")] = '\0';
	return find_command(word);
}

/* "--help" for one command: its synopsis on standard output. */
int
cli_help(struct cli *c)
{
	const struct command	*cmd;

	if ((cmd = current_command(c)) != NULL)
		print_synopsis(c->out, cmd->synopsis);
	return EXIT_OK;
}

static const struct cli_opt common_opts[] = {
	{ "help", 0, OPT_HELP },
	{ "h", 0, OPT_HELP },
	{ "rules", 1, OPT_RULES },
	{ "holidays", 1, OPT_HOLIDAYS },
	{ "as-of", 1, OPT_AS_OF },
	{ "dates", 1, OPT_DATES },
	{ NULL, 0, 0 }
};

static const struct cli_opt *
opt_find(const struct cli_opt *opts, const char *name, size_t len)
{
	for (; opts->name != NULL; opts++)
		if (strlen(opts->name) == len &&
		    strncmp(opts->name, name, len) == 0)
			return opts;
	return NULL;
}

static int
is_number(const char *s)
{
	if (*s == '-')
		s++;
	return *s != '\0' && strspn(s, "0123456789") == strlen(s);
}

int
cli_opt_next(struct cli *c, struct cli_optstate *st, int argc, char **argv,
    const struct cli_opt *opts, const char **arg)
{
	const struct cli_opt	*o;
	const char		*w, *name, *eq, *why;
	size_t			 len;
	char			 buf[64];

	for (;;) {
		if (st->i == 0)
			st->i = 1;
		if (st->i >= argc)
			return -1;
		w = argv[st->i++];
		if (st->done || w[0] != '-' || w[1] == '\0' || is_number(w)) {
			if ((why = text_unusable(w, strlen(w), 0)) != NULL) {
				cli_error(c, "%s: argument %d: %s", c->cmd,
				    st->i - 1, why);
				return -2;
			}
			*arg = w;
			return 0;
		}
		if (strcmp(w, "--") == 0) {
			st->done = 1;
			continue;
		}
		name = w + (w[1] == '-' ? 2 : 1);
		eq = w[1] == '-' ? strchr(name, '=') : NULL;
		len = eq ? (size_t)(eq - name) : strlen(name);
		if ((o = opt_find(opts, name, len)) == NULL &&
		    (o = opt_find(common_opts, name, len)) == NULL) {
			cli_usage(c, "unknown option '%s'",
			    shown(w, buf, sizeof(buf)));
			return -2;
		}
		*arg = NULL;
		if (o->has_arg) {
			if (eq != NULL)
				*arg = eq + 1;
			else if (st->i < argc)
				*arg = argv[st->i++];
			else {
				cli_usage(c, "%s needs a value", w);
				return -2;
			}
		} else if (eq != NULL) {
			cli_usage(c, "--%.*s takes no value", (int)len, name);
			return -2;
		}
		/*
		 * A value reaches messages, reports, JSON and calendars: the
		 * same text rule as a caseload's cells.
		 */
		if (*arg != NULL &&
		    (why = text_unusable(*arg, strlen(*arg), 0)) != NULL) {
			cli_error(c, "%.*s: %s", (int)(name - w + len), w, why);
			return -2;
		}
		switch (o->id) {
		case OPT_RULES:
			c->rules_dir = *arg;
			break;
		case OPT_HOLIDAYS:
			c->holidays_file = *arg;
			break;
		case OPT_AS_OF:
			if (cli_date(c, "--as-of", *arg, &c->as_of) == -1)
				return -2;
			break;
		case OPT_DATES:
			if (dates_style(*arg, &c->dates) == -1) {
				cli_usage(c, "--dates: '%s' is not iso or uk",
				    shown(*arg, buf, sizeof(buf)));
				return -2;
			}
			break;
		default:
			return o->id;
		}
	}
}

int
cli_format_extras(struct cli *c, enum out_format fmt, int excel, long width)
{
	if (excel && fmt != FMT_CSV) {
		cli_usage(c, "--excel goes with --format csv");
		return -1;
	}
	if (width >= 0 && fmt != FMT_TEXT) {
		cli_usage(c, "--width goes with the text format");
		return -1;
	}
	return 0;
}

int
cli_width(struct cli *c, long given, const char *output)
{
	struct winsize	 ws;

	if (given >= 0)
		return (int)given;
	if ((output != NULL && strcmp(output, "-") != 0) ||
	    c->out != stdout || !isatty(STDOUT_FILENO))
		return 0;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 0;
}

/* Add name to the list in buf[sz], after ", " if it is not the first. */
static void
list_add(char *buf, size_t sz, const char *name)
{
	size_t	 len;

	len = strlen(buf);
	snprintf(buf + len, sz - len, "%s%s", len ? ", " : "", name);
}

/* "--kind review,visit" or repeated: a bit set of kinds. */
int
cli_kinds(struct cli *c, const char *arg, unsigned *kinds)
{
	const char	*p, *comma;
	char		 word[32], names[256];
	size_t		 len;
	int		 k;

	for (p = arg;; p = comma + 1) {
		comma = strchr(p, ',');
		len = comma ? (size_t)(comma - p) : strlen(p);
		if (len == 0 || len >= sizeof(word)) {
			cli_error(c, "--kind: '%s' is not a list of kinds", arg);
			return -1;
		}
		memcpy(word, p, len);
		word[len] = '\0';
		if ((k = kind_parse(word)) == -1) {
			names[0] = '\0';
			for (k = 0; k < KIND_COUNT; k++)
				list_add(names, sizeof(names), kind_name(k));
			cli_error(c, "--kind: unknown kind '%s' (%s)", word,
			    names);
			return -1;
		}
		*kinds |= 1u << k;
		if (comma == NULL)
			return 0;
	}
}

/* Find the area named by --area (or "profile/area") in p. */
int
cli_area(struct cli *c, const struct profile *p, const char *area)
{
	const char	*names[PROFILE_MAX_AREAS], *near;
	char		 list[256];
	size_t		 i, len;
	int		 a;

	list[0] = '\0';
	for (i = 0, len = 0; i < p->nareas; i++) {
		names[i] = p->areas[i].id;
		len += (size_t)snprintf(list + len, sizeof(list) - len, "%s%s",
		    i == 0 ? "" : (i + 1 == p->nareas ? " or " : ", "),
		    p->areas[i].id);
		if (len >= sizeof(list))
			len = sizeof(list) - 1;
	}
	if (area == NULL) {
		if (!p->area_required)
			return -1;
		cli_error(c, "%s needs --area: %s", p->id, list);
		return -2;
	}
	if (p->nareas == 0) {
		cli_error(c, "--area: %s has no areas", p->id);
		return -2;
	}
	if ((a = profile_area(p, area)) >= 0)
		return a;
	near = cli_nearest(area, names, p->nareas);
	cli_error(c, "--area: %s has no area '%s'%s%s%s (%s)", p->id, area,
	    near ? "; did you mean '" : "", near ? near : "", near ? "'?" : "",
	    list);
	return -2;
}

int
cli_plan_type(struct cli *c, const char *s, enum plan_type *out)
{
	char	 names[256];
	int	 t;

	if (s == NULL) {
		*out = PLAN_STANDARD;
		return 0;
	}
	if ((t = plan_type_parse(s)) == -1) {
		names[0] = '\0';
		for (t = 0; t < PLAN_COUNT; t++)
			list_add(names, sizeof(names),
			    plan_type_name((enum plan_type)t));
		cli_error(c, "--plan-type: unknown plan type '%s' (%s)", s,
		    names);
		return -1;
	}
	*out = (enum plan_type)t;
	return 0;
}

/* DTSTAMP: SOURCE_DATE_EPOCH if set, else midnight UTC of the as-of day. */
int
cli_dtstamp(struct cli *c, int as_of, long long *out)
{
	const char	*s;
	char		*end;
	long long	 v;

	if ((s = getenv("SOURCE_DATE_EPOCH")) != NULL && *s != '\0') {
		v = strtoll(s, &end, 10);
		if (*end != '\0' || v < 0 || v > 7258118399LL) {
			cli_error(c, "SOURCE_DATE_EPOCH: '%s' is not a number"
			    " of seconds up to 2199-12-31", s);
			return -1;
		}
		*out = v;
	} else
		*out = (long long)as_of * 86400;
	return 0;
}
