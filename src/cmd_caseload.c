/*
 * cmd_caseload.c: the commands that walk a whole caseload, "check" (the
 * nightly job: what is overdue or due soon, and the timeliness figures)
 * and "export" (every open case's deadlines as one iCalendar file).
 *
 * Both stream: one row is read, computed and written before the next, so
 * memory stays flat however large the caseload.  A row that cannot be used
 * is reported as FILE:LINE: reason and every other row is still processed;
 * the reports go through a struct diags that prints them as they come,
 * and its worst level gives the exit status with the command's own
 * findings.
 */
#include <sys/stat.h>

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cal.h"
#include "caseload.h"
#include "cli.h"
#include "colmap.h"
#include "date.h"
#include "diag.h"
#include "out.h"
#include "profile.h"
#include "safeio.h"
#include "sched.h"
#include "strtab.h"
#include "xmalloc.h"

enum {
	OPT_CASELOAD = OPT_FIRST_OWN,
	OPT_WITHIN,
	OPT_FORMAT,
	OPT_WORKER,
	OPT_PROFILE,
	OPT_SUMMARY,
	OPT_UNTIL,
	OPT_OUTPUT,
	OPT_KIND,
	OPT_ALARM,
	OPT_CALNAME,
	OPT_COLUMNS,
	OPT_SPLIT,
	OPT_EXCEL,
	OPT_WIDTH
};

static const struct cli_opt check_opts[] = {
	{ "caseload", 1, OPT_CASELOAD },
	{ "within", 1, OPT_WITHIN },
	{ "format", 1, OPT_FORMAT },
	{ "worker", 1, OPT_WORKER },
	{ "profile", 1, OPT_PROFILE },
	{ "summary", 0, OPT_SUMMARY },
	{ "excel", 0, OPT_EXCEL },
	{ "width", 1, OPT_WIDTH },
	{ "columns", 1, OPT_COLUMNS },
	{ NULL, 0, 0 }
};

static const struct cli_opt export_opts[] = {
	{ "caseload", 1, OPT_CASELOAD },
	{ "until", 1, OPT_UNTIL },
	{ "output", 1, OPT_OUTPUT },
	{ "o", 1, OPT_OUTPUT },
	{ "worker", 1, OPT_WORKER },
	{ "profile", 1, OPT_PROFILE },
	{ "kind", 1, OPT_KIND },
	{ "alarm", 1, OPT_ALARM },
	{ "calendar-name", 1, OPT_CALNAME },
	{ "columns", 1, OPT_COLUMNS },
	{ "split", 1, OPT_SPLIT },
	{ NULL, 0, 0 }
};

/* A profile a caseload names, loaded once; failures are cached too. */
#define MAX_LOADED	64
struct loaded {
	char		*id;
	size_t		 idlen;
	struct profile	*p;		/* NULL: could not be loaded */
	struct calendar	*cal;
	int		 profile_error;	/* the file exists but is broken */
	const char	*near;		/* unknown: the nearest known id */
};

struct run {
	struct cli		*c;
	struct diags		 ds;		/* the caseload's faults and the
						   rows rejected, printed as
						   they come */
	const char		*path;
	const char		*columns;	/* --columns FILE */
	int			 profile_default; /* --profile gives the rows
						   theirs: no profile column */
	const char		*worker;	/* filter */
	const char		*profile;	/* filter: "id" or "id/area" */
	char			*profile_low;	/* the filter in lower case */
	size_t			 profile_idlen;
	const char		*profile_area;	/* NULL: any */
	struct loaded		*lp;
	size_t			 nlp;
	size_t			 lastlp;	/* found last */
	char			**ids;		/* known ids, listed once */
	size_t			 nids;
	int			 listed;
	struct schedule		 s;
	struct sched_cache	*sc;		/* made on the first case */
	struct sched_opts	 so;
	/* counts */
	unsigned long		 rows, open, closed, filtered, rejected;
	unsigned long		 duplicates;	/* rows repeating a case_id */
	long			*rejlines;	/* rows rejected by the walk, in
						   order: for the repeats */
	size_t			 nrejlines, rejcap;
	unsigned long		 unchecked;	/* open cases with a judged
						   kind that cannot be checked */
	unsigned long		 matched;	/* rows passing the filters */
	struct strtab		*seen_workers;	/* with --worker: every worker
						   named, for a suggestion */
	struct strtab		*seen_profiles;	/* with --profile: likewise */
	int			 profile_error;
	const char		*case_id;	/* schedule --caseload: only
						   this case's rows */
	long			 closed_line;	/* its row, if closed */
};

static void reject(struct run *, long, const char *, ...)
    __attribute__((format(printf, 3, 4)));

static void
reject(struct run *r, long line, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	diag_vadd(&r->ds, DIAG_ERROR, r->path, line, fmt, ap);
	va_end(ap);
	r->rejected++;
	if (r->nrejlines == r->rejcap) {
		r->rejcap = r->rejcap ? r->rejcap * 2 : 64;
		r->rejlines = xreallocarray(r->rejlines, r->rejcap,
		    sizeof(*r->rejlines));
	}
	r->rejlines[r->nrejlines++] = line;
}

/* Was the row at line rejected by the walk? */
static int
was_rejected(const struct run *r, long line)
{
	size_t	 lo, hi, mid;

	for (lo = 0, hi = r->nrejlines; lo < hi;) {
		mid = lo + (hi - lo) / 2;
		if (r->rejlines[mid] == line)
			return 1;
		if (r->rejlines[mid] < line)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/*
 * What became of the rows that were not open cases, as the text outputs
 * put it: "3 closed, 1 row rejected", and the rows that repeat an earlier
 * row's case_id if there were any.
 */
static const char *
row_counts(const struct run *r, char *buf, size_t sz)
{
	int	 n;

	n = snprintf(buf, sz, "%lu closed, %lu row%s rejected", r->closed,
	    r->rejected, r->rejected == 1 ? "" : "s");
	if (r->duplicates > 0 && n > 0 && (size_t)n < sz)
		n += snprintf(buf + n, sz - (size_t)n, ", %lu row%s repeating"
		    " an earlier case_id", r->duplicates, r->duplicates == 1 ?
		    "" : "s");
	if (r->unchecked > 0 && n > 0 && (size_t)n < sz)
		snprintf(buf + n, sz - (size_t)n, ", %lu case%s whose reviews"
		    " could not be checked", r->unchecked, r->unchecked == 1 ?
		    "" : "s");
	return buf;
}

/*
 * A nightly script must hear of rejected rows, duplicates (errors both)
 * and cases it could not check alike: "0 overdue" is no comfort when
 * reviews were not looked at.
 */
static int
rows_exit(const struct run *r)
{
	return r->ds.worst >= DIAG_ERROR || r->unchecked > 0;
}

/* A lower-case copy of s (ASCII letters only), the caller's to free. */
static char *
lower_dup(const char *s)
{
	char	*d, *p;

	d = xstrdup(s);
	for (p = d; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	return d;
}

/*
 * The nearest of names (all lower case) to s, whatever the case of s: a
 * system may have written "SOUTH-WEST" or "Standard".
 */
static const char *
nearest_lower(const char *s, const char *const *names, size_t n)
{
	const char	*near;
	char		*low;

	low = lower_dup(s);
	near = cli_nearest(low, names, n);
	free(low);
	return near;
}

/*
 * The known profile id nearest to an unknown one ("Torbay" -> "torbay"),
 * or NULL.  The ids are listed once, however many unknown ones a
 * caseload holds.
 */
static const char *
nearest_id(struct run *r, const char *id)
{
	const char	*near;

	if (!r->listed) {
		r->nids = rpath_list_ids(cli_rpath(r->c), &r->ids);
		r->listed = 1;
	}
	near = nearest_lower(id, (const char *const *)r->ids, r->nids);
	/* A file that is there but cannot be read is no misspelling. */
	return near != NULL && strcmp(near, id) != 0 ? near : NULL;
}

static struct loaded *
load_profile(struct run *r, const char *id, size_t idlen)
{
	struct loaded	*l;
	struct diags	 ds;
	char		*name;
	size_t		 i;

	/*
	 * Rows of one profile often come together: the last one first.  The
	 * first byte rules most others out before comparing them all.
	 */
	if (r->lastlp < r->nlp && r->lp[r->lastlp].idlen == idlen &&
	    memcmp(r->lp[r->lastlp].id, id, idlen) == 0)
		return &r->lp[r->lastlp];
	for (i = 0; i < r->nlp; i++)
		if (r->lp[i].idlen == idlen &&
		    (idlen == 0 || r->lp[i].id[0] == id[0]) &&
		    memcmp(r->lp[i].id, id, idlen) == 0) {
			r->lastlp = i;
			return &r->lp[i];
		}
	/*
	 * A caseload names a handful of profiles.  One that names thousands
	 * (a column of junk) must not make every lookup slower: past the
	 * limit, the last slot is reused.
	 */
	if (r->nlp == MAX_LOADED) {
		l = &r->lp[--r->nlp];
		free(l->id);
		profile_free(l->p);
		cal_free(l->cal);
	} else
		r->lp = xreallocarray(r->lp, r->nlp + 1, sizeof(*r->lp));
	l = &r->lp[r->nlp++];
	memset(l, 0, sizeof(*l));
	l->id = name = xstrndup(id, idlen);
	l->idlen = idlen;
	memset(&ds, 0, sizeof(ds));
	if (*name == '\0' || name[0] == '.' ||
	    strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789-_") != idlen) {
		l->near = nearest_id(r, name);
		return l;
	}
	l->p = profile_load(cli_rpath(r->c), name, &ds);
	if (l->p == NULL) {
		/* An unknown id is the row's fault; a broken file is ours. */
		for (i = 0; i < ds.n; i++)
			if (ds.v[i].line > 0)
				l->profile_error = 1;
		if (l->profile_error) {
			diag_print(&ds, r->c->err);
			r->profile_error = 1;
		} else
			l->near = nearest_id(r, name);
	} else if ((l->cal = cli_calendar(r->c, l->p)) == NULL) {
		profile_free(l->p);
		l->p = NULL;
		l->profile_error = 1;
		r->profile_error = 1;
	}
	diag_clear(&ds);
	return l;
}

/*
 * The profile id of a row (its length in *idlen) and its area: the part
 * after a slash in the profile cell, else the area column.  Returns -1 if
 * the two name different areas.
 */
static int
row_profile(const struct case_row *row, size_t *idlen, const char **area)
{
	const char	*slash;

	for (slash = row->profile; *slash != '\0' && *slash != '/'; slash++)
		continue;
	*idlen = (size_t)(slash - row->profile);
	*area = row->area;
	if (*slash == '/') {
		if (*area != NULL && strcmp(*area, slash + 1) != 0)
			return -1;
		*area = slash + 1;
	}
	return 0;
}

/* Does the row pass --profile ID or --profile ID/AREA? */
static int
profile_wanted(const struct run *r, const struct case_row *row)
{
	const char	*area;
	size_t		 idlen;

	if (r->profile == NULL)
		return 1;
	if (row_profile(row, &idlen, &area) == -1)
		return 1;	/* let row_facts report it */
	strtab_add(r->seen_profiles, row->profile, idlen, NULL);
	if (idlen != r->profile_idlen ||
	    strncasecmp(row->profile, r->profile, idlen) != 0)
		return 0;
	return r->profile_area == NULL ||
	    (area != NULL && strcasecmp(area, r->profile_area) == 0);
}

/*
 * Does the row pass --worker NAME?  Case is ignored: one system writes
 * "Sam Jones", another "SAM JONES".
 */
static int
worker_wanted(struct run *r, const struct case_row *row)
{
	if (r->worker == NULL)
		return 1;
	if (row->worker == NULL)
		return 0;
	strtab_add(r->seen_workers, row->worker, strlen(row->worker), NULL);
	return strcasecmp(row->worker, r->worker) == 0;
}

/*
 * A filter that matched no row is a mistake, not good news: say so, with
 * the nearest name the caseload does hold.  Returns -1 after reporting.
 */
static int
filters_matched(struct run *r)
{
	const struct strtab	*t;
	const char		*what, *want, *near, **low;
	size_t			 i, n;

	if (r->matched > 0 || (r->worker == NULL &&
	    (r->profile == NULL || r->profile_default)))
		return 0;
	if (r->worker != NULL) {
		what = "--worker";
		want = r->worker;
		t = r->seen_workers;
	} else {
		what = "--profile";
		want = r->profile;
		t = r->seen_profiles;
	}
	/* Suggest whatever the case: compare lower-case copies. */
	n = strtab_count(t);
	low = xreallocarray(NULL, n + 1, sizeof(*low));
	for (i = 0; i < n; i++)
		low[i] = lower_dup(strtab_str(t, i, NULL));
	near = nearest_lower(want, low, n);
	for (i = 0; near != NULL && i < n; i++)
		if (low[i] == near)
			near = strtab_str(t, i, NULL);
	cli_error(r->c, "%s '%s': no open case in %s has it%s%s%s", what,
	    want, r->path, near ? "; did you mean '" : "", near ? near : "",
	    near ? "'?" : "");
	for (i = 0; i < n; i++)
		free((char *)low[i]);
	free(low);
	return -1;
}

/*
 * Turn a row into facts for its profile.  Returns the profile, or NULL
 * after reporting the row as rejected.  f was set up once by facts_init,
 * for all the rows: every fact a row can give is set here for each row,
 * and the rest (failed visits, held dates of the other kinds) stay empty.
 * Clearing the whole of f for every row cost more than the row's facts.
 */
static struct loaded *
row_facts(struct run *r, const struct case_row *row, struct facts *f,
    int *last_review, int *last_visit)
{
	struct loaded	*l;
	const char	*area, *near;
	const char	*names[PROFILE_MAX_AREAS > PLAN_COUNT ?
			    PROFILE_MAX_AREAS : PLAN_COUNT];
	char		 date[DATE_STRLEN];
	size_t		 idlen, i;
	int		 t, a;

	if (row_profile(row, &idlen, &area) == -1) {
		reject(r, row->line, "profile '%s' and area '%s' disagree",
		    row->profile, row->area);
		return NULL;
	}
	l = load_profile(r, row->profile, idlen);
	if (l->p == NULL) {
		if (l->profile_error)
			reject(r, row->line, "profile '%s' could not be loaded"
			    " (see above)", l->id);
		else
			reject(r, row->line, "unknown profile '%s'%s%s%s"
			    " ('cinplan profiles' lists them)", l->id,
			    l->near != NULL ? "; did you mean '" : "",
			    l->near != NULL ? l->near : "",
			    l->near != NULL ? "'?" : "");
		return NULL;
	}
	f->area = -1;
	f->plan_type = PLAN_STANDARD;
	f->tracked = f->done_latest = 0;
	f->done[KIND_MINUTES] = f->done[KIND_ASSESSMENT_UPDATE] = NULL;
	f->ndone[KIND_MINUTES] = f->ndone[KIND_ASSESSMENT_UPDATE] = 0;
	f->reviews = f->visits = NULL;
	f->nreviews = f->review_base = f->nvisits = 0;
	f->reviews_unknown = f->visits_unnumbered = 0;
	if (area != NULL) {
		if ((a = profile_area(l->p, area)) < 0) {
			for (i = 0; i < l->p->nareas; i++)
				names[i] = l->p->areas[i].id;
			near = nearest_lower(area, names, l->p->nareas);
			reject(r, row->line, "profile %s has no area '%s'%s%s%s",
			    l->p->id, area, near ? "; did you mean '" : "",
			    near ? near : "", near ? "'?" : "");
			return NULL;
		}
		f->area = a;
	} else if (l->p->area_required) {
		reject(r, row->line, "profile %s needs an area (the area"
		    " column)", l->p->id);
		return NULL;
	}
	if (row->plan_type != NULL) {
		if ((t = plan_type_parse(row->plan_type)) == -1) {
			for (i = 0; i < PLAN_COUNT; i++)
				names[i] = plan_type_name((enum plan_type)i);
			near = nearest_lower(row->plan_type, names,
			    PLAN_COUNT);
			reject(r, row->line, "plan_type: unknown plan type"
			    " '%s'%s%s%s", row->plan_type, near ?
			    "; did you mean '" : "", near ? near : "",
			    near ? "'?" : "");
			return NULL;
		}
		f->plan_type = (enum plan_type)t;
	}
	f->referral = row->referral;
	f->assessment = row->assessment;
	f->plan_decision = row->plan_decision;
	f->rcpc = row->rcpc;
	f->residence = row->residence;
	f->first_meeting = row->first_meeting;
	f->flags = row->manager_agreed ? FACT_MANAGER_AGREED : 0;
	f->supervision_order = row->supervision_order;
	f->allocated = row->allocated;
	f->step_down_decision = row->step_down_decision;
	/*
	 * Convention 12: a column of the latest minutes or updated
	 * assessment makes the kind tracked, even when a row's cell is
	 * empty (then none was sent, or none held since the assessment).
	 */
	if (row->has_minutes_sent) {
		f->tracked |= 1u << KIND_MINUTES;
		f->done_latest |= 1u << KIND_MINUTES;
		if (row->minutes_sent != DATE_NONE) {
			f->done[KIND_MINUTES] = &row->minutes_sent;
			f->ndone[KIND_MINUTES] = 1;
		}
	}
	if (row->has_assessment_update) {
		f->tracked |= 1u << KIND_ASSESSMENT_UPDATE;
		f->done_latest |= 1u << KIND_ASSESSMENT_UPDATE;
		if (row->last_assessment_update != DATE_NONE) {
			f->done[KIND_ASSESSMENT_UPDATE] =
			    &row->last_assessment_update;
			f->ndone[KIND_ASSESSMENT_UPDATE] = 1;
		}
	}
	*last_review = row->last_review;
	*last_visit = row->last_visit;
	if (row->reviews_held == 0 && row->last_review != DATE_NONE) {
		reject(r, row->line, "reviews_held is 0 but last_review is %s",
		    date_format(row->last_review, date));
		return NULL;
	}
	if (row->last_review != DATE_NONE) {
		f->reviews = last_review;
		f->nreviews = 1;
		/* An unknown count reads the last review as the first. */
		f->review_base = row->reviews_held > 0 ?
		    (size_t)row->reviews_held - 1 : 0;
	} else if (row->reviews_held != 0 && row->first_meeting != DATE_NONE)
		/* Reviews are due only once the plan has started. */
		f->reviews_unknown = 1;
	if (row->last_visit != DATE_NONE) {
		f->visits = last_visit;
		f->nvisits = 1;
		f->visits_unnumbered = 1;
	}
	return l;
}

/*
 * Each case reference once: a later row with the same one is reported,
 * saying which of the two rows were used, since either may have been
 * rejected for another reason (the caseload needs mending either way, and
 * the exit status says so).
 */
static void
report_duplicates(struct run *r, const struct caseload *cl)
{
	const struct case_repeat	*v;
	char				 how[64];
	size_t				 i, n;
	int				 a, b;

	n = caseload_repeats(cl, &v);
	for (i = 0; i < n; i++) {
		a = was_rejected(r, v[i].first);
		b = was_rejected(r, v[i].line);
		if (a == b)
			snprintf(how, sizeof(how), "both rows were %s",
			    a ? "rejected" : "processed");
		else if (b)
			snprintf(how, sizeof(how), "this row was rejected;"
			    " line %ld was processed", v[i].first);
		else
			snprintf(how, sizeof(how), "line %ld was rejected;"
			    " this row was processed", v[i].first);
		diag_add(&r->ds, DIAG_ERROR, r->path, v[i].line,
		    "case_id is the same as on line %ld (%s)", v[i].first, how);
	}
	r->duplicates += n;
}

/*
 * The per-row callback: given a usable, open, unfiltered row and its
 * schedule.  Returns -1 to stop (write error).
 */
typedef int (*row_fn)(struct run *, const struct case_row *,
    const struct loaded *, const struct facts *, void *);

/* The caseload column that gives a fact, or NULL. */
static const char *
fact_column(enum anchor a)
{
	switch (a) {
	case ANCHOR_REFERRAL:
		return "referral";
	case ANCHOR_ASSESSMENT:
		return "assessment_completed (or referral)";
	case ANCHOR_PLAN_DECISION:
		return "plan_decision (or assessment_completed, or referral)";
	case ANCHOR_RCPC:
		return "rcpc";
	case ANCHOR_RESIDENCE:
		return "residence";
	case ANCHOR_SUPERVISION_ORDER:
		return "supervision_order";
	default:
		return NULL;
	}
}

/*
 * Open the caseload at r->path and read its header, so that nothing is
 * printed for a file that cannot be used at all.  *fd is the descriptor
 * to close after walking.  Returns NULL after reporting, with nothing
 * left open.
 */
static struct caseload *
open_rows(struct run *r, int *fd)
{
	struct caseload_opts	 o;
	struct caseload		*cl;
	char			**map;

	map = NULL;
	if (r->columns != NULL &&
	    (map = colmap_read(r->columns, &r->ds)) == NULL)
		return NULL;
	if (cli_open_input(r->c, r->path, "caseload file", fd) == -1) {
		colmap_free(map);
		return NULL;
	}
	memset(&o, 0, sizeof(o));
	o.dates = r->c->dates;
	o.as_of = r->so.as_of;
	o.columns = (const char *const *)map;
	o.profile = r->profile;
	if ((cl = caseload_open(*fd, r->path, &o, &r->ds)) == NULL) {
		if (*fd != STDIN_FILENO)
			close(*fd);
	} else
		r->profile_default = caseload_default_profile(cl);
	colmap_free(map);
	return cl;
}

/* The engine's memory from case to case. */
static struct sched_cache *
run_cache(struct run *r)
{
	if (r->sc == NULL)
		r->sc = sched_cache_new();
	return r->sc;
}

/* Every row of cl in turn (cl is closed here), then the duplicates. */
static int
walk(struct run *r, struct caseload *cl, row_fn fn, void *arg)
{
	struct case_row		 own;
	const struct case_row	*row;
	struct facts		 f;
	struct sched_error	 se;
	struct loaded		*l;
	struct diags		 quiet, *rows;
	int			 rc, lr, lv, ok;

	/*
	 * For one case, the others' faults are not news: counted, not
	 * said, but a read error still is.
	 */
	memset(&quiet, 0, sizeof(quiet));
	quiet.out = r->c->err;
	quiet.min = DIAG_FATAL;
	rows = r->case_id != NULL ? &quiet : &r->ds;
	ok = 0;
	row = &own;
	facts_init(&f);
	while ((rc = caseload_next(cl, &own, rows)) != 0) {
		if (rc == -2)
			goto out;
		r->rows++;
		if (rc == -1) {
			r->rejected++;
			continue;
		}
		if (r->case_id != NULL && strcmp(row->case_id, r->case_id) != 0)
			continue;
		if (row->closed && r->case_id != NULL) {
			r->closed_line = row->line;
			continue;
		}
		if (row->closed) {
			r->closed++;
			continue;
		}
		if (!worker_wanted(r, row) || !profile_wanted(r, row)) {
			r->filtered++;
			continue;
		}
		r->matched++;
		if ((l = row_facts(r, row, &f, &lr, &lv)) == NULL)
			continue;
		if (sched_build(l->p, l->cal, &f, &r->so, run_cache(r), &r->s,
		    &se) == -1) {
			if (se.code == SE_NEED_FACT &&
			    se.anchor == ANCHOR_PLAN_DECISION &&
			    (f.plan_type == PLAN_STEP_DOWN_CP ||
			    f.plan_type == PLAN_SUPERVISION_ORDER))
				reject(r, row->line, "%s: %s needs %s or"
				    " plan_decision (or first_meeting, if it"
				    " has been held)", row->case_id,
				    plan_type_name(f.plan_type),
				    f.plan_type == PLAN_STEP_DOWN_CP ? "rcpc" :
				    "supervision_order");
			else if (se.code == SE_NEED_FACT &&
			    fact_column(se.anchor))
				reject(r, row->line, "%s: nothing to count the"
				    " first meeting from: fill in first_meeting"
				    " or %s", row->case_id,
				    fact_column(se.anchor));
			else if (se.code == SE_NEED_FACT)
				reject(r, row->line, "%s: %s sets no timescale"
				    " for the first meeting: fill in"
				    " first_meeting", row->case_id, l->p->id);
			else
				reject(r, row->line, "%s: %s", row->case_id,
				    se.msg);
			continue;
		}
		r->open++;
		if (fn(r, row, l, &f, arg) == -1)
			goto out;
	}
	ok = 1;
out:
	if (ok && r->case_id == NULL)
		report_duplicates(r, cl);
	/*
	 * Nothing usable is an error, not an empty report: a nightly job
	 * must not publish "0 overdue" or an empty calendar for it.
	 */
	if (ok && r->rows == r->rejected) {
		if (r->rows == 0)
			cli_error(r->c, "%s: no rows under the header: no"
			    " case to check", r->path);
		else if (r->rows == 1)
			cli_error(r->c, "%s: no usable row: its one row"
			    " rejected", r->path);
		else
			cli_error(r->c, "%s: no usable row: all %lu rows"
			    " rejected", r->path, r->rows);
		ok = 0;
	}
	caseload_close(cl);
	return ok ? 0 : -1;
}

static void
run_free(struct run *r)
{
	size_t	 i;

	for (i = 0; i < r->nlp; i++) {
		free(r->lp[i].id);
		profile_free(r->lp[i].p);
		cal_free(r->lp[i].cal);
	}
	free(r->lp);
	free(r->rejlines);
	free(r->profile_low);
	strtab_free(r->seen_workers);
	strtab_free(r->seen_profiles);
	rpath_free_ids(r->ids, r->nids);
	sched_free(&r->s);
	sched_cache_free(r->sc);
}

/*
 * The options check and export share: 1 if id was one of them, 0 if not,
 * -1 after an error.
 */
static int
run_opt(struct run *r, int id, const char *arg)
{
	switch (id) {
	case OPT_CASELOAD:
		/* FILE or --caseload FILE, once. */
		if (r->path != NULL) {
			cli_usage(r->c, "one caseload at a time: '%s' and '%s'",
			    r->path, arg);
			return -1;
		}
		r->path = arg;
		return 1;
	case OPT_WORKER:
		r->worker = arg;
		if (r->seen_workers == NULL)
			r->seen_workers = strtab_new();
		return 1;
	case OPT_PROFILE:
		r->profile = arg;
		return 1;
	case OPT_COLUMNS:
		if (r->columns != NULL) {
			cli_usage(r->c, "--columns is given twice");
			return -1;
		}
		r->columns = arg;
		return 1;
	default:
		return 0;
	}
}

/*
 * --profile ID or ID/AREA as a filter: the profile must exist, and so must
 * the area, or the filter would silently match nothing.
 */
static int
profile_filter(struct run *r, const char *spec)
{
	struct profile	*p;
	const char	*area;
	int		 rc;

	/* Profile ids are lower case; a user may type "Torbay". */
	spec = r->profile_low = lower_dup(spec);
	if ((p = cli_profile(r->c, spec, &area)) == NULL)
		return -1;
	rc = 0;
	if (area != NULL && cli_area(r->c, p, area) < 0)
		rc = -1;
	profile_free(p);
	r->profile = spec;
	r->profile_idlen = area ? (size_t)(area - 1 - spec) : strlen(spec);
	r->profile_area = area;
	r->seen_profiles = strtab_new();
	return rc;
}

/* A row's case and schedule, for a writer. */
static void
row_case(struct out_case *c, const struct run *r, const struct case_row *row,
    const struct loaded *l, const struct facts *f)
{
	memset(c, 0, sizeof(*c));
	c->case_id = row->case_id;
	c->profile = l->p;
	c->area = f->area;
	c->plan_type = f->plan_type;
	c->worker = row->worker;
	c->s = &r->s;
	c->cal = l->cal;
	c->facts = f;
}

/* ---- schedule --caseload ------------------------------------------------ */

struct one_case {
	int	 (*fn)(void *, const struct out_case *);
	void	*arg;
	long	 line[2];	/* the first two rows found */
	size_t	 n;
};

static int
one_case_row(struct run *r, const struct case_row *row,
    const struct loaded *l, const struct facts *f, void *arg)
{
	struct one_case	*oc = arg;
	struct out_case	 c;

	if (oc->n < 2)
		oc->line[oc->n] = row->line;
	if (oc->n++ > 0)
		return 0;
	row_case(&c, r, row, l, f);
	return oc->fn(oc->arg, &c);
}

int
caseload_schedule(struct cli *c, const struct caseload_query *q,
    const struct sched_opts *so, int (*fn)(void *, const struct out_case *),
    void *arg)
{
	struct run	 r;
	struct one_case	 oc;
	struct caseload	*cl;
	int		 fd, rc;

	memset(&r, 0, sizeof(r));
	memset(&oc, 0, sizeof(oc));
	r.c = c;
	r.ds.out = c->err;
	r.path = q->path;
	r.columns = q->columns;
	r.profile = q->profile;
	r.case_id = q->case_id;
	r.so = *so;
	oc.fn = fn;
	oc.arg = arg;
	rc = -1;
	if (r.profile != NULL && profile_filter(&r, r.profile) == -1)
		goto out;
	if ((cl = open_rows(&r, &fd)) == NULL)
		goto out;
	if (walk(&r, cl, one_case_row, &oc) == 0) {
		if (oc.n == 1)
			rc = 0;
		else if (oc.n > 1)
			cli_error(c, "%s: case %s is on more than one row (lines"
			    " %ld and %ld): mend the caseload, or give the"
			    " facts as options", r.path, r.case_id, oc.line[0],
			    oc.line[1]);
		else if (r.closed_line > 0)
			cli_error(c, "%s:%ld: case %s is closed: nothing is"
			    " due", r.path, r.closed_line, r.case_id);
		else if (r.matched > 0)
			cli_error(c, "case %s could not be scheduled (see"
			    " above)", r.case_id);
		else
			cli_error(c, "%s: no case %s%s%s%s", r.path, r.case_id,
			    r.profile && !r.profile_default ?
			    " with --profile " : "",
			    r.profile && !r.profile_default ? r.profile : "",
			    r.rejected > 0 ? "; some rows could not be read:"
			    " 'cinplan check' names them" : "");
	}
	if (fd != STDIN_FILENO)
		close(fd);
out:
	run_free(&r);
	return rc;
}

/* ---- check ------------------------------------------------------------ */

/*
 * What one case adds to the figures: a count of one in each of the
 * counters named, worked out once and added to its three tallies (all
 * cases, its profile's, its worker's).
 */
struct tick {
	int		 measure;	/* out_measure_of() */
	int		 yes;		/* in time, or up to date */
};

struct check {
	struct out_writer *w;
	int		 summary;	/* the figures alone */
	int		 figures;	/* the figures are counted */
	unsigned long	 noverdue, ndue;
	struct out_tally all;
	struct out_tally *by_profile, *by_worker;	/* in order first seen */
	size_t		 nprofile, nworker, profcap, workcap;
	struct strtab	*profiles, *workers;	/* their keys: the index */
	struct {
		unsigned long	 serial;	/* the profile's; 0: none */
		size_t		 i;		/* its by_profile */
	}		 ptally[MAX_LOADED];	/* by loaded profile's slot */
	struct tick	*tk;		/* a case's ticks: room for each of
					   its items */
	size_t		 tkcap;
};

/*
 * The tally for key, found through its table (made here when NULL), so a
 * caseload of thousands of workers costs no more a row than one of few.
 */
static struct out_tally *
tally_of(struct strtab **keys, struct out_tally **v, size_t *n, size_t *cap,
    const char *key)
{
	size_t	 i;
	int	 added;

	if (*keys == NULL)
		*keys = strtab_new();
	i = strtab_add(*keys, key, strlen(key), &added);
	if (!added)
		return &(*v)[i];
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*v = xreallocarray(*v, *cap, sizeof(**v));
	}
	memset(&(*v)[*n], 0, sizeof(**v));
	(*v)[*n].key = xstrdup(key);
	return &(*v)[(*n)++];
}

/* The ticks of a case, into v: room for s->n. */
static size_t
ticks(const struct schedule *s, struct tick *v)
{
	const struct item	*it;
	size_t			 i, n;
	unsigned		 seen;
	int			 m;

	seen = 0;
	for (n = 0, i = 0; i < s->n; i++) {
		it = &s->items[i];
		if (it->projected)
			continue;
		if (it->held != DATE_NONE) {
			if ((m = out_measure_of(it->kind, 1)) != -1) {
				v[n].measure = m;
				v[n++].yes = it->status == ST_DONE;
			}
			continue;
		}
		/* The next review or visit: up to date or overdue. */
		if ((seen & (1u << it->kind)) == 0 &&
		    (m = out_measure_of(it->kind, 0)) != -1) {
			seen |= 1u << it->kind;
			v[n].measure = m;
			v[n++].yes = it->status != ST_OVERDUE;
		}
	}
	return n;
}

static void
count(struct out_tally *t, const struct tick *v, size_t n, int unknown)
{
	size_t	 i;

	t->cases++;
	for (i = 0; i < n; i++)
		if (v[i].yes)
			t->yes[v[i].measure]++;
		else
			t->no[v[i].measure]++;
	if (unknown)
		t->unknown++;
}

/* Into t, the sum of the n tallies at v. */
static void
sum_tallies(struct out_tally *t, const struct out_tally *v, size_t n)
{
	size_t	 i, m;

	for (i = 0; i < n; i++) {
		t->cases += v[i].cases;
		t->unknown += v[i].unknown;
		for (m = 0; m < OUT_MEASURES; m++) {
			t->yes[m] += v[i].yes[m];
			t->no[m] += v[i].no[m];
		}
	}
}

static int
check_row(struct run *r, const struct case_row *row, const struct loaded *l,
    const struct facts *f, void *arg)
{
	struct check		*ck = arg;
	struct out_finding	 fi;
	const struct item	*it;
	char			 err[512];
	size_t			 i, k, n;

	if (f->reviews_unknown) {
		r->unchecked++;
		if (!ck->summary)
			fprintf(r->c->err, "cinplan: %s:%ld: %s: reviews not"
			    " checked: %s\n", r->path, row->line, row->case_id,
			    row->reviews_held > 0 ? "last_review is empty" :
			    "reviews_held and last_review are empty");
	}
	if (ck->figures) {
		if (r->s.n > ck->tkcap) {
			ck->tkcap = r->s.n;
			ck->tk = xreallocarray(ck->tk, ck->tkcap,
			    sizeof(*ck->tk));
		}
		/* Each case counts in its profile's tally and its worker's;
		 * the whole caseload's is the workers' sum (sum_tallies). */
		n = ticks(&r->s, ck->tk);
		/* A loaded profile's tally, found once (a slot may be
		 * reused for another profile: load_profile). */
		k = (size_t)(l - r->lp);
		if (ck->ptally[k].serial != l->p->serial) {
			ck->ptally[k].serial = l->p->serial;
			ck->ptally[k].i = (size_t)(tally_of(&ck->profiles,
			    &ck->by_profile, &ck->nprofile, &ck->profcap,
			    l->p->id) - ck->by_profile);
		}
		count(&ck->by_profile[ck->ptally[k].i], ck->tk, n,
		    f->reviews_unknown);
		count(tally_of(&ck->workers, &ck->by_worker, &ck->nworker,
		    &ck->workcap, row->worker ? row->worker : "(none)"),
		    ck->tk, n, f->reviews_unknown);
	}
	for (i = 0; i < r->s.n; i++) {
		it = &r->s.items[i];
		/* Only what the caseload proves: nothing projected. */
		if (it->projected || it->held != DATE_NONE ||
		    (it->status != ST_OVERDUE && it->status != ST_DUE_SOON))
			continue;
		/* Judged only where the caseload records the kind. */
		if (!kind_info(it->kind)->checked ||
		    (!kind_info(it->kind)->tracked &&
		    (f->tracked & (1u << it->kind)) == 0))
			continue;
		if (it->status == ST_OVERDUE)
			ck->noverdue++;
		else
			ck->ndue++;
		if (ck->summary)
			continue;
		fi.case_id = row->case_id;
		fi.profile = l->p;
		fi.area = f->area;
		fi.worker = row->worker;
		fi.it = it;
		fi.working_days = cal_between(l->cal, r->so.as_of, it->due);
		fi.line = row->line;
		if (out_finding(ck->w, &fi, err, sizeof(err)) == -1)
			return -1;
	}
	return 0;
}

static void
check_free(struct check *ck)
{
	size_t	 i;

	for (i = 0; i < ck->nprofile; i++)
		free(ck->by_profile[i].key);
	for (i = 0; i < ck->nworker; i++)
		free(ck->by_worker[i].key);
	free(ck->by_profile);
	free(ck->by_worker);
	strtab_free(ck->profiles);
	strtab_free(ck->workers);
	free(ck->tk);
}

/*
 * Nothing past the due-soon window matters tonight: project only that far,
 * with a margin of ten working days for a profile's own closure days.  The
 * summary needs the next review or visit wherever it falls: at most six
 * months after the last one, so two years is ample.
 */
static int
check_horizon(struct cli *c, struct sched_opts *so, int summary)
{
	struct calendar	*cal;

	if (summary) {
		if ((so->until = date_add_months(so->as_of, 24)) == DATE_NONE)
			so->until = DATE_MAX;
		return 0;
	}
	if ((cal = cli_calendar(c, NULL)) == NULL)
		return -1;
	if (cal_add(cal, so->as_of, so->within + 10, &so->until) == -1)
		so->until = DATE_MAX;
	cal_free(cal);
	return 0;
}

int
cmd_check(struct cli *c, int argc, char **argv)
{
	struct cli_optstate	 st;
	struct run		 r;
	struct check		 ck;
	struct out_opts		 oo;
	struct out_summary	 sm;
	struct caseload		*cl;
	enum out_format		 fmt;
	const char		*arg;
	char			 counts[192], err[512];
	long			 n, width;
	int			 id, fd, rc, ok, nomatch, excel;

	memset(&r, 0, sizeof(r));
	memset(&ck, 0, sizeof(ck));
	memset(&st, 0, sizeof(st));
	r.c = c;
	r.ds.out = c->err;
	r.so.within = 5;
	fmt = FMT_TEXT;
	excel = 0;
	width = -1;
	while ((id = cli_opt_next(c, &st, argc, argv, check_opts, &arg)) != -1) {
		switch (id) {
		case -2:
			return EXIT_USAGE;
		case OPT_HELP:
			return cli_help(c);
		case 0:
			if (run_opt(&r, OPT_CASELOAD, arg) == -1)
				return EXIT_USAGE;
			break;
		case OPT_WITHIN:
			if (cli_long(c, "--within", arg, 0, 1000, &n) == -1)
				return EXIT_USAGE;
			r.so.within = (int)n;
			break;
		case OPT_FORMAT:
			fmt = out_format_parse(arg);
			if (fmt != FMT_TEXT && fmt != FMT_JSON &&
			    fmt != FMT_CSV && fmt != FMT_HTML)
				return cli_usage(c, "--format: '%s' is not"
				    " text, json, csv or html", arg);
			break;
		case OPT_SUMMARY:
			ck.summary = 1;
			break;
		case OPT_EXCEL:
			excel = 1;
			break;
		case OPT_WIDTH:
			if (cli_long(c, "--width", arg, 0, 1000, &width) == -1)
				return EXIT_USAGE;
			break;
		default:
			if ((rc = run_opt(&r, id, arg)) == -1)
				return EXIT_USAGE;
			if (rc == 0)
				return cli_usage(c, "option not valid here");
		}
	}
	if (r.path == NULL)
		return cli_usage(c, "a caseload is required: FILE, --caseload"
		    " FILE, or - for standard input");
	if (cli_format_extras(c, fmt, excel, width) == -1)
		return EXIT_USAGE;
	if (r.profile != NULL && profile_filter(&r, r.profile) == -1) {
		run_free(&r);
		return EXIT_USAGE;
	}
	r.so.as_of = cli_as_of(c);
	/* The team report shows the figures above the findings. */
	ck.figures = ck.summary || fmt == FMT_HTML;
	if (check_horizon(c, &r.so, ck.figures) == -1)
		return EXIT_USAGE;
	r.so.kinds = kind_checked();
	/* Findings and figures alike count only what the caseload proves. */
	r.so.proven = 1;
	r.so.possible = 1;
	if ((cl = open_rows(&r, &fd)) == NULL) {
		run_free(&r);
		return EXIT_USAGE;
	}
	memset(&oo, 0, sizeof(oo));
	oo.doc = ck.summary ? DOC_SUMMARY : DOC_CHECK;
	oo.as_of = r.so.as_of;
	oo.within = r.so.within;
	oo.excel = excel;
	oo.width = fmt == FMT_TEXT ? cli_width(c, width, NULL) : 0;
	if (cli_announced(c, &oo.announced) == -1) {
		if (fd != STDIN_FILENO)
			close(fd);
		caseload_close(cl);
		run_free(&r);
		return EXIT_USAGE;
	}
	if ((ck.w = out_begin(fmt, c->out, &oo, err, sizeof(err))) == NULL) {
		cli_error(c, "%s", err);
		if (fd != STDIN_FILENO)
			close(fd);
		caseload_close(cl);
		run_free(&r);
		return EXIT_USAGE;
	}
	ok = walk(&r, cl, check_row, &ck) == 0;
	if (fd != STDIN_FILENO)
		close(fd);
	nomatch = ok && filters_matched(&r) == -1;
	memset(&sm, 0, sizeof(sm));
	sm.end.overdue = ck.noverdue;
	sm.end.due_soon = ck.ndue;
	sm.end.open = r.open;
	sm.end.closed = r.closed;
	sm.end.rejected = r.rejected;
	sm.end.duplicates = r.duplicates;
	sm.end.unchecked = r.unchecked;
	sm.end.rows = row_counts(&r, counts, sizeof(counts));
	sum_tallies(&ck.all, ck.by_worker, ck.nworker);
	sm.all = &ck.all;
	sm.by_profile = ck.by_profile;
	sm.nprofile = ck.nprofile;
	sm.by_worker = ck.by_worker;
	sm.nworker = ck.nworker;
	if (ck.summary)
		out_summary(ck.w, &sm, err, sizeof(err));
	else {
		sm.end.figures = ck.figures ? &sm : NULL;
		out_check_end(ck.w, &sm.end, err, sizeof(err));
	}
	if ((fmt == FMT_TEXT || fmt == FMT_CSV) && out_beyond_announced(ck.w))
		cli_note_announced(c, oo.announced);
	out_end(ck.w, err, sizeof(err));
	if (!ok || r.profile_error || nomatch)
		rc = EXIT_USAGE;
	else if (rows_exit(&r))
		rc = EXIT_REJECTED;
	else if (ck.noverdue > 0)
		rc = EXIT_OVERDUE;
	else
		rc = EXIT_OK;
	check_free(&ck);
	run_free(&r);
	return rc;
}

/* ---- export ----------------------------------------------------------- */

static int
export_row(struct run *r, const struct case_row *row, const struct loaded *l,
    const struct facts *f, void *arg)
{
	struct out_case	 oc;
	char		 err[512];

	row_case(&oc, r, row, l, f);
	if (out_case(arg, &oc, err, sizeof(err)) == -1) {
		cli_error(r->c, "%s", err);
		if (ferror(r->c->out))
			r->c->out_reported = 1;
		return -1;
	}
	return 0;
}

/* ---- export --split ----------------------------------------------------- */

/*
 * One calendar per worker or per profile, in a directory.  The rows are
 * kept (their cells, not their events: a few hundred bytes a case) until
 * every name is known, since a file's name can depend on the other names
 * (see split_names()); then each calendar is written in turn, with its own
 * previous file for SEQUENCE and cancellations, so one file at a time is
 * open however many workers there are.  A calendar of cinplan's in the
 * directory that this export does not write again (a worker whose cases
 * all closed) is written once more with its events cancelled.
 */

#define SPLIT_NAME_MAX	64		/* octets of a name, before ".ics" */
#define SPLIT_NONE	((size_t)-1)

enum split_by {
	SPLIT_WORKER = 1,
	SPLIT_PROFILE
};

struct split_row {
	struct case_row	 row;		/* every string owned */
	size_t		 next;		/* the group's next row */
};

struct split_group {
	char		*key;		/* as first seen; NULL: no worker */
	char		*name;		/* the file's, without ".ics" */
	size_t		 first, last;	/* its rows */
};

struct split {
	enum split_by		 by;
	const char		*dir;
	struct strtab		*keys;	/* folded: the groups' numbers */
	struct split_group	*g;
	size_t			 ng;
	struct split_row	*rows;
	size_t			 nrows, caprows;
};

static const char *
split_axis(const struct split *sp)
{
	return sp->by == SPLIT_WORKER ? "worker" : "profile";
}

static char *
dup_or_null(const char *s)
{
	return s == NULL ? NULL : xstrdup(s);
}

/* Keep a row for its group: workers are one whatever the case. */
static int
split_keep(struct run *r, const struct case_row *row, const struct loaded *l,
    const struct facts *f, void *arg)
{
	struct split		*sp = arg;
	struct split_group	*g;
	struct split_row	*sr;
	const char		*key;
	char			*fold;
	size_t			 i;
	int			 added;

	key = sp->by == SPLIT_PROFILE ? l->p->id : row->worker;
	fold = lower_dup(key != NULL ? key : "");
	/* A worker is never "", so "" can stand for none. */
	i = strtab_add(sp->keys, fold, strlen(fold), &added);
	free(fold);
	if (added) {
		sp->g = xreallocarray(sp->g, sp->ng + 1, sizeof(*sp->g));
		g = &sp->g[sp->ng++];
		g->key = dup_or_null(key);
		g->name = NULL;
		g->first = g->last = SPLIT_NONE;
	}
	g = &sp->g[i];
	if (sp->nrows == sp->caprows) {
		sp->caprows = sp->caprows ? sp->caprows * 2 : 256;
		sp->rows = xreallocarray(sp->rows, sp->caprows,
		    sizeof(*sp->rows));
	}
	sr = &sp->rows[sp->nrows];
	sr->row = *row;
	sr->row.case_id = xstrdup(row->case_id);
	sr->row.profile = xstrdup(row->profile);
	sr->row.area = dup_or_null(row->area);
	sr->row.plan_type = dup_or_null(row->plan_type);
	sr->row.worker = dup_or_null(row->worker);
	sr->next = SPLIT_NONE;
	if (g->last == SPLIT_NONE)
		g->first = sp->nrows;
	else
		sp->rows[g->last].next = sp->nrows;
	g->last = sp->nrows++;
	return 0;
}

/*
 * A file name from a worker's name or a profile id: ASCII letters (lower
 * case) and digits, every run of anything else one '-', none at either
 * end, at most SPLIT_NAME_MAX octets.  The caller frees it.
 */
static char *
split_base(const char *key, enum split_by by)
{
	const unsigned char	*p;
	char			*out;
	size_t			 n;

	if (key == NULL)
		return xstrdup("unallocated");
	out = xmalloc(SPLIT_NAME_MAX + 1);
	for (n = 0, p = (const unsigned char *)key; *p != '\0' &&
	    n < SPLIT_NAME_MAX; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
			out[n++] = (char)*p;
		else if (*p >= 'A' && *p <= 'Z')
			out[n++] = (char)(*p - 'A' + 'a');
		else if (n > 0 && out[n - 1] != '-')
			out[n++] = '-';
	}
	while (n > 0 && out[n - 1] == '-')
		n--;
	out[n] = '\0';
	if (n == 0) {
		free(out);
		out = xstrdup(by == SPLIT_WORKER ? "worker" : "profile");
	}
	return out;
}

/* FNV-1a, 32 bits: a short, stable mark of a name. */
static unsigned long
split_hash(const char *s)
{
	uint32_t	 h = 2166136261u;

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)tolower((unsigned char)*s);
		h *= 16777619u;
	}
	return (unsigned long)h;
}

static int
cmp_group_name(const void *a, const void *b)
{
	const struct split_group *x = a, *y = b;
	int	 c;

	if ((c = strcmp(x->name, y->name)) != 0)
		return c;
	/* The same base: in the order of their keys, whatever the rows. */
	if (x->key == NULL || y->key == NULL)
		return x->key == NULL ? -1 : 1;
	return strcmp(x->key, y->key);
}

/*
 * Name every group's file.  Two groups whose names make the same base
 * ("Sam Jones" and "Sam  Jones", or two names cut at SPLIT_NAME_MAX) both
 * get "-" and eight hex digits of their name, which does not depend on
 * the rows' order or on other names, and are named on standard error so
 * that the caseload can be mended.  The groups end up sorted by name.
 */
static void
split_names(struct run *r, struct split *sp)
{
	struct split_group	*g;
	char			*named;
	size_t			 i, j, k;

	for (i = 0; i < sp->ng; i++)
		sp->g[i].name = split_base(sp->g[i].key, sp->by);
	if (sp->ng > 0)
		qsort(sp->g, sp->ng, sizeof(*sp->g), cmp_group_name);
	for (i = 0; i < sp->ng; i = j) {
		for (j = i + 1; j < sp->ng &&
		    strcmp(sp->g[i].name, sp->g[j].name) == 0; j++)
			continue;
		if (j - i == 1)
			continue;
		fprintf(r->c->err, "cinplan: --split %s: %zu names make the"
		    " file name %s.ics; each has a file of its own:\n",
		    split_axis(sp), j - i,
		    sp->g[i].name);
		for (k = i; k < j; k++) {
			g = &sp->g[k];
			named = xasprintf("%s-%08lx", g->name,
			    split_hash(g->key != NULL ? g->key : ""));
			fprintf(r->c->err, "cinplan:   %s.ics: %s%s%s\n", named,
			    g->key ? "'" : "", g->key ? g->key :
			    "(no worker)", g->key ? "'" : "");
			free(g->name);
			g->name = named;
		}
	}
	if (sp->ng > 0)
		qsort(sp->g, sp->ng, sizeof(*sp->g), cmp_group_name);
}

/*
 * Write one calendar, DIR/NAME.ics, replacing its previous self: the
 * group's rows, or none (a file left over: every event cancelled).
 * Returns 0, or -1 after reporting.
 */
static int
split_write(struct run *r, struct split *sp, const struct out_opts *common,
    const char *name, const char *calname, const struct split_group *g,
    int infd)
{
	struct out_opts		 oo;
	struct safe_out		 so;
	struct out_writer	*w;
	struct facts		 f;
	struct sched_error	 se;
	struct loaded		*l;
	const struct split_row	*sr;
	char			*path, err[512];
	size_t			 i;
	int			 lr, lv, ok;

	path = xasprintf("%s/%s.ics", sp->dir, name);
	if (safe_same_file(infd, path)) {
		cli_error(r->c, "-o: %s is the caseload being read", path);
		free(path);
		return -1;
	}
	oo = *common;
	oo.previous = path;
	oo.calname = calname;
	if (safe_open(&so, path, r->c->out, err, sizeof(err)) == -1) {
		cli_error(r->c, "%s", err);
		free(path);
		return -1;
	}
	if ((w = out_begin(FMT_ICS, so.f, &oo, err, sizeof(err))) == NULL) {
		cli_error(r->c, "%s", err);
		safe_abort(&so);
		free(path);
		return -1;
	}
	ok = 1;
	facts_init(&f);
	for (i = g != NULL ? g->first : SPLIT_NONE; ok && i != SPLIT_NONE;
	    i = sr->next) {
		sr = &sp->rows[i];
		/* The walk took this row already: the same facts again. */
		if ((l = row_facts(r, &sr->row, &f, &lr, &lv)) == NULL ||
		    sched_build(l->p, l->cal, &f, &r->so, run_cache(r), &r->s,
		    &se) == -1) {
			cli_error(r->c, "%s:%ld: %s: could not be computed"
			    " again", r->path, sr->row.line, sr->row.case_id);
			ok = 0;
		} else if (export_row(r, &sr->row, l, &f, w) == -1)
			ok = 0;
	}
	if (out_end(w, err, sizeof(err)) == -1 && ok) {
		cli_error(r->c, "%s", err);
		ok = 0;
	}
	if (!ok)
		safe_abort(&so);
	else if (cli_commit(r->c, &so) == -1)
		ok = 0;
	free(path);
	return ok ? 0 : -1;
}

/*
 * Is the file name in the directory dfd a calendar cinplan wrote?  Its
 * first line opens a calendar, and its PRODID, before the first event, is
 * ours.  Then *calname is its X-WR-CALNAME (the caller's to free), or
 * NULL.
 */
static int
split_ours(int dfd, const char *name, char **calname)
{
	FILE	*f;
	char	 line[512];
	size_t	 len;
	int	 fd, n, ours, in_name;

	*calname = NULL;
	if ((fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK)) == -1)
		return 0;
	if ((f = fdopen(fd, "r")) == NULL) {
		close(fd);
		return 0;
	}
	ours = in_name = 0;
	for (n = 0; n < 32 && fgets(line, sizeof(line), f) != NULL; n++) {
		line[strcspn(line, "\r\n")] = '\0';
		if (n == 0 && strcmp(line, "BEGIN:VCALENDAR") != 0)
			break;
		if (in_name && line[0] == ' ') {	/* folded */
			len = strlen(*calname);
			*calname = xreallocarray(*calname, len + strlen(line),
			    1);
			memcpy(*calname + len, line + 1, strlen(line));
			continue;
		}
		in_name = 0;
		if (strncmp(line, "PRODID:-//cinplan//", 19) == 0)
			ours = 1;
		else if (strncmp(line, "X-WR-CALNAME:", 13) == 0 &&
		    *calname == NULL) {
			*calname = xstrdup(line + 13);
			in_name = 1;
		} else if (strcmp(line, "BEGIN:VEVENT") == 0)
			break;
	}
	fclose(f);
	if (!ours) {
		free(*calname);
		*calname = NULL;
	}
	return ours;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The calendars of cinplan's in DIR that this export did not write (a
 * worker whose cases all closed, a name that changed): each written again
 * with its events cancelled.  *n counts them.
 */
static int
split_leftovers(struct run *r, struct split *sp, const struct out_opts *oo,
    const struct strtab *written, const char *calname, int infd,
    unsigned long *n)
{
	DIR		*d;
	struct dirent	*de;
	struct stat	 st;
	char		**left, *cal;
	size_t		 i, len, nleft;
	int		 rc;

	if ((d = opendir(sp->dir)) == NULL) {
		cli_error(r->c, "%s: %s", sp->dir, strerror(errno));
		return -1;
	}
	left = NULL;
	nleft = 0;
	errno = 0;
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (de->d_name[0] == '.' || len <= 4 ||
		    strcmp(de->d_name + len - 4, ".ics") != 0 ||
		    strtab_find(written, de->d_name, len - 4) != STRTAB_NONE)
			continue;
		if (fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW)
		    == -1 || !S_ISREG(st.st_mode) ||
		    !split_ours(dirfd(d), de->d_name, &cal))
			continue;
		/* The name first, its calendar's name after it. */
		if (cal == NULL)
			cal = xasprintf("%s - %.*s", calname, (int)(len - 4),
			    de->d_name);
		left = xreallocarray(left, nleft + 1, sizeof(*left));
		left[nleft++] = xasprintf("%.*s%c%s", (int)(len - 4),
		    de->d_name, '\0', cal);
		free(cal);
		errno = 0;
	}
	rc = 0;
	if (errno != 0) {
		cli_error(r->c, "%s: %s", sp->dir, strerror(errno));
		rc = -1;
	}
	closedir(d);
	if (nleft > 0)
		qsort(left, nleft, sizeof(*left), cmp_str);
	for (i = 0; rc == 0 && i < nleft; i++) {
		cal = left[i] + strlen(left[i]) + 1;
		rc = split_write(r, sp, oo, left[i], cal, NULL, infd);
		(*n)++;
	}
	for (i = 0; i < nleft; i++)
		free(left[i]);
	free(left);
	return rc;
}

static void
split_free(struct split *sp)
{
	size_t	 i;

	for (i = 0; i < sp->nrows; i++) {
		free((char *)sp->rows[i].row.case_id);
		free((char *)sp->rows[i].row.profile);
		free((char *)sp->rows[i].row.area);
		free((char *)sp->rows[i].row.plan_type);
		free((char *)sp->rows[i].row.worker);
	}
	for (i = 0; i < sp->ng; i++) {
		free(sp->g[i].key);
		free(sp->g[i].name);
	}
	free(sp->rows);
	free(sp->g);
	strtab_free(sp->keys);
}

/*
 * After the walk: every group's calendar, then the leftovers.  Returns 0,
 * or -1 after reporting; *ncal and *nleft count the files written.
 */
static int
split_run(struct run *r, struct split *sp, const struct out_opts *oo,
    int infd, unsigned long *ncal, unsigned long *nleft)
{
	struct strtab	*written;
	const char	*base;
	char		*cal;
	size_t		 i;
	int		 rc;

	base = oo->calname != NULL ? oo->calname : "cinplan deadlines";
	split_names(r, sp);
	written = strtab_new();
	rc = 0;
	for (i = 0; rc == 0 && i < sp->ng; i++) {
		cal = xasprintf("%s - %s", base, sp->g[i].key != NULL ?
		    sp->g[i].key : "unallocated");
		rc = split_write(r, sp, oo, sp->g[i].name, cal, &sp->g[i],
		    infd);
		free(cal);
		strtab_add(written, sp->g[i].name, strlen(sp->g[i].name),
		    NULL);
		(*ncal)++;
	}
	if (rc == 0)
		rc = split_leftovers(r, sp, oo, written, base, infd, nleft);
	strtab_free(written);
	return rc;
}

/* --split's -o DIR and filters: 0, or -1 after reporting. */
static int
split_check(struct cli *c, struct split *sp, const struct run *r,
    const char *output)
{
	struct stat	 sb;

	if (output == NULL) {
		cli_usage(c, "--split needs -o DIR, the directory to write"
		    " the calendars to");
		return -1;
	}
	if ((sp->by == SPLIT_WORKER ? r->worker : r->profile) != NULL) {
		/* The others' calendars in DIR would be cancelled. */
		cli_usage(c, "--split %s writes every %s's calendar: for one,"
		    " give --%s with -o FILE.ics", split_axis(sp),
		    split_axis(sp), split_axis(sp));
		return -1;
	}
	if (strcmp(output, "-") == 0) {
		cli_usage(c, "--split writes files: -o names a directory, not"
		    " standard output");
		return -1;
	}
	if (stat(output, &sb) == -1) {
		cli_error(c, "-o %s: %s", output, errno == ENOENT ?
		    "no such directory" : strerror(errno));
		return -1;
	}
	if (!S_ISDIR(sb.st_mode)) {
		cli_error(c, "-o %s: not a directory (--split writes one"
		    " calendar a %s there)", output, split_axis(sp));
		return -1;
	}
	sp->dir = output;
	return 0;
}

int
cmd_export(struct cli *c, int argc, char **argv)
{
	struct cli_optstate	 st;
	struct run		 r;
	struct out_opts		 oo;
	struct safe_out		 so;
	struct out_writer	*w;
	struct caseload		*cl;
	struct split		 sp;
	const char		*arg, *output;
	char			 err[512], counts[192];
	unsigned long		 ncal, nleft;
	int			 id, fd, rc, ok;

	memset(&r, 0, sizeof(r));
	memset(&oo, 0, sizeof(oo));
	memset(&st, 0, sizeof(st));
	memset(&sp, 0, sizeof(sp));
	r.c = c;
	r.ds.out = c->err;
	r.so.within = 5;
	r.so.until = DATE_NONE;
	oo.alarm_days = -1;
	output = NULL;
	while ((id = cli_opt_next(c, &st, argc, argv, export_opts, &arg)) != -1) {
		switch (id) {
		case -2:
			return EXIT_USAGE;
		case OPT_HELP:
			return cli_help(c);
		case 0:
			if (run_opt(&r, OPT_CASELOAD, arg) == -1)
				return EXIT_USAGE;
			break;
		case OPT_UNTIL:
			if (cli_date(c, "--until", arg, &r.so.until) == -1)
				return EXIT_USAGE;
			break;
		case OPT_OUTPUT:
			output = arg;
			break;
		case OPT_KIND:
			if (cli_kinds(c, arg, &r.so.kinds) == -1)
				return EXIT_USAGE;
			break;
		case OPT_ALARM:
			if (cli_long(c, "--alarm", arg, 0, 365,
			    &oo.alarm_days) == -1)
				return EXIT_USAGE;
			break;
		case OPT_CALNAME:
			oo.calname = arg;
			break;
		case OPT_SPLIT:
			if (strcmp(arg, "worker") == 0)
				sp.by = SPLIT_WORKER;
			else if (strcmp(arg, "profile") == 0)
				sp.by = SPLIT_PROFILE;
			else
				return cli_usage(c, "--split: '%s' is not worker"
				    " or profile", arg);
			break;
		default:
			if ((rc = run_opt(&r, id, arg)) == -1)
				return EXIT_USAGE;
			if (rc == 0)
				return cli_usage(c, "option not valid here");
		}
	}
	if (r.path == NULL)
		return cli_usage(c, "a caseload is required: FILE, --caseload"
		    " FILE, or - for standard input");
	if (sp.by != 0 && split_check(c, &sp, &r, output) == -1) {
		run_free(&r);
		return EXIT_USAGE;
	}
	if (output == NULL)
		return cli_usage(c, "-o FILE.ics is required (- for standard"
		    " output)");
	r.so.as_of = cli_as_of(c);
	r.so.possible = 1;
	if (r.so.until == DATE_NONE &&
	    (r.so.until = date_add_months(r.so.as_of, 6)) == DATE_NONE)
		r.so.until = DATE_MAX;
	oo.as_of = r.so.as_of;
	oo.until = r.so.until;
	if (cli_dtstamp(c, r.so.as_of, &oo.dtstamp) == -1 ||
	    cli_announced(c, &oo.announced) == -1) {
		split_free(&sp);
		run_free(&r);
		return EXIT_USAGE;
	}
	if (strcmp(output, "-") != 0 && sp.by == 0)
		oo.previous = output;
	if (r.profile != NULL && profile_filter(&r, r.profile) == -1) {
		run_free(&r);
		return EXIT_USAGE;
	}
	if ((cl = open_rows(&r, &fd)) == NULL) {
		split_free(&sp);
		run_free(&r);
		return EXIT_USAGE;
	}
	if (sp.by != 0) {
		rc = EXIT_USAGE;
		sp.keys = strtab_new();
		ok = walk(&r, cl, split_keep, &sp) == 0;
		cl = NULL;
		if (!ok || filters_matched(&r) == -1 || r.profile_error)
			goto out;
		ncal = nleft = 0;
		if (split_run(&r, &sp, &oo, fd, &ncal, &nleft) == -1)
			goto out;
		fprintf(c->err, "cinplan: exported %lu open case%s (%s) to"
		    " %s: %lu calendar%s by %s", r.open, r.open == 1 ? "" :
		    "s", row_counts(&r, counts, sizeof(counts)), output, ncal,
		    ncal == 1 ? "" : "s", split_axis(&sp));
		if (nleft > 0)
			fprintf(c->err, ", %lu with no open case left (its"
			    " events cancelled)", nleft);
		fputc('\n', c->err);
		rc = rows_exit(&r) ? EXIT_REJECTED : EXIT_OK;
		goto out;
	}
	if (safe_same_file(fd, output)) {
		cli_error(c, "-o: %s is the caseload being read", output);
		rc = EXIT_USAGE;
		goto out;
	}
	if (safe_open(&so, output, c->out, err, sizeof(err)) == -1) {
		cli_error(c, "%s", err);
		rc = EXIT_USAGE;
		goto out;
	}
	rc = EXIT_USAGE;
	if ((w = out_begin(FMT_ICS, so.f, &oo, err, sizeof(err))) == NULL) {
		cli_error(c, "%s", err);
		safe_abort(&so);
		goto out;
	}
	ok = walk(&r, cl, export_row, w) == 0;
	cl = NULL;
	/* A filter that matched nobody must not empty the calendar. */
	if (ok && filters_matched(&r) == -1)
		ok = 0;
	/* After a write error the same error again says nothing new. */
	if (out_end(w, err, sizeof(err)) == -1 && ok) {
		cli_error(c, "%s", err);
		ok = 0;
	}
	if (!ok || r.profile_error) {
		/* Leave the old calendar as it was. */
		safe_abort(&so);
		goto out;
	}
	if (cli_commit(c, &so) == -1)
		goto out;
	fprintf(c->err, "cinplan: exported %lu open case%s (%s)%s%s\n",
	    r.open, r.open == 1 ? "" : "s",
	    row_counts(&r, counts, sizeof(counts)),
	    strcmp(output, "-") ? " to " : "", strcmp(output, "-") ? output :
	    "");
	rc = rows_exit(&r) ? EXIT_REJECTED : EXIT_OK;
out:
	caseload_close(cl);
	if (fd != STDIN_FILENO)
		close(fd);
	split_free(&sp);
	run_free(&r);
	return rc;
}
