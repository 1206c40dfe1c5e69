/*
 * fuzz_profile.c: profile text through the loader, and what loads
 * through the engine and every writer.
 *
 * The input is written to a scratch directory as x.ini and loaded with
 * profile_load_file on a rules path of that directory and the built-in
 * profiles, so "extends = england" resolves and "extends = x" is a cycle.
 * Everything after a line "%%y" goes into y.ini instead, so one input can
 * hold a profile and a base it extends.  A profile that loads is then
 * scheduled for every plan type and area, and the schedule must keep its
 * promises: dates in range, sorted, windows opening before they close;
 * each is written in all four formats.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "cal.h"
#include "date.h"
#include "diag.h"
#include "out.h"
#include "profile.h"
#include "rpath.h"
#include "sched.h"
#include "xmalloc.h"

#include "fuzz.h"

static struct rpath	 rp;
static char		*xpath, *ypath;
static struct hol_data	*hol;
static struct calendar	*plain_cal;	/* no closures: built once */
static FILE		*devnull;

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);
int	LLVMFuzzerInitialize(int *, char ***);

static void
cleanup(void)
{
	unlink(xpath);
	unlink(ypath);
	rmdir(fuzz_scratch());
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct diags	 ds;
	const char	*dir;
	size_t		 i;

	(void)argc;
	(void)argv;
	dir = fuzz_scratch();
	xpath = xasprintf("%s/x.ini", dir);
	ypath = xasprintf("%s/y.ini", dir);
	atexit(cleanup);
	memset(&rp, 0, sizeof(rp));
	rp.dirs[0] = xstrdup(dir);
	rp.ndirs = 1;
	rp.builtin = 1;
	memset(&ds, 0, sizeof(ds));
	ds.out = stderr;
	for (i = 0; i < builtin_rules_count; i++)
		if (strcmp(builtin_rules[i].name, "holidays") == 0)
			hol = hol_data_parse(builtin_rules[i].text,
			    builtin_rules[i].len, "holidays", &ds);
	FUZZ_CHECK(hol != NULL, "built-in holidays refused (see above)");
	plain_cal = cal_new(hol, NULL, 0);
	devnull = fopen("/dev/null", "w");
	FUZZ_CHECK(devnull != NULL, "/dev/null");
	return 0;
}

static void
put_file(const char *path, const uint8_t *p, size_t n)
{
	FILE	*f;

	f = fopen(path, "wb");
	FUZZ_CHECK(f != NULL, "%s", path);
	if (n > 0)
		FUZZ_CHECK(fwrite(p, 1, n, f) == n, "%s", path);
	FUZZ_CHECK(fclose(f) == 0, "%s", path);
}

static void
check_schedule(const struct profile *p, const struct schedule *s,
    const struct sched_opts *so)
{
	const struct item	*a, *b;
	size_t			 i;
	int			 k;

	FUZZ_CHECK(s->n <= SCHED_MAX_ITEMS, "%zu items", s->n);
	for (i = 0; i < s->n; i++) {
		a = &s->items[i];
		/* Past the horizon only what was held, and milestones, the
		 * markers of the plan's life (sched.c, emit). */
		FUZZ_CHECK(a->due >= DATE_MIN && a->due <= DATE_MAX &&
		    (a->due <= so->until || a->held != DATE_NONE ||
		    a->kind == KIND_MILESTONE),
		    "item %zu due %d", i, a->due);
		FUZZ_CHECK(a->earliest == DATE_NONE ||
		    (a->earliest >= DATE_MIN && a->earliest <= a->due),
		    "item %zu window %d..%d", i, a->earliest, a->due);
		FUZZ_CHECK(a->rule != NULL && a->rule >= p->rules &&
		    a->rule < p->rules + p->nrules && a->rule->kind == a->kind,
		    "item %zu rule", i);
		FUZZ_CHECK(a->held == DATE_NONE ||
		    (a->held >= DATE_MIN && a->held <= DATE_MAX),
		    "item %zu held %d", i, a->held);
		if (i == 0)
			continue;
		b = &s->items[i - 1];
		/* Sorted by due date, kind (by name) and occurrence. */
		k = strcmp(kind_name(b->kind), kind_name(a->kind));
		FUZZ_CHECK(b->due < a->due || (b->due == a->due && (k < 0 ||
		    (k == 0 && b->seq <= a->seq))),
		    "items %zu and %zu out of order", i - 1, i);
	}
}

/*
 * The nightly check's build (its kinds, proven only) must give exactly the
 * full schedule's items of those kinds that were not projected.
 */
static void
check_proven(const struct profile *p, const struct calendar *cal,
    const struct facts *f, const struct sched_opts *so,
    const struct schedule *full)
{
	static struct schedule	 s;
	struct sched_opts	 po;
	struct sched_error	 se;
	const struct item	*a, *b;
	size_t			 i, j;

	po = *so;
	po.kinds = (1u << KIND_ASSESSMENT) | (1u << KIND_FIRST_MEETING) |
	    (1u << KIND_REVIEW) | (1u << KIND_VISIT);
	po.proven = 1;
	FUZZ_CHECK(sched_build(p, cal, f, &po, NULL, &s, &se) == 0,
	    "proven build failed: %s", se.msg);
	/* Projected items, which the check passes over, on either side. */
	for (i = 0, j = 0;; i++, j++) {
		while (i < full->n && (full->items[i].projected ||
		    (po.kinds & (1u << full->items[i].kind)) == 0))
			i++;
		while (j < s.n && s.items[j].projected)
			j++;
		if (i == full->n || j == s.n)
			break;
		a = &full->items[i];
		b = &s.items[j];
		FUZZ_CHECK(a->kind == b->kind && a->seq == b->seq &&
		    a->after == b->after && a->due == b->due &&
		    a->earliest == b->earliest && a->held == b->held &&
		    a->status == b->status && a->rule == b->rule,
		    "proven item %zu differs from item %zu", j, i);
	}
	FUZZ_CHECK(i == full->n && j == s.n, "proven build has %s items",
	    i < full->n ? "fewer" : "more");
}

static void
exercise(const struct profile *p)
{
	static const enum out_format fmts[] = {
		FMT_TEXT, FMT_JSON, FMT_CSV, FMT_ICS
	};
	struct calendar		*cal;
	struct facts		 f;
	struct sched_opts	 so;
	struct schedule		 s;
	struct sched_error	 se;
	struct out_opts		 oo;
	struct out_case		 oc;
	struct out_writer	*w;
	char			 err[256];
	int			 plan, area, reviews[2], visits[1];
	size_t			 i;

	cal = p->nclosures == 0 ? plain_cal :
	    cal_new(hol, p->closures, p->nclosures);
	memset(&s, 0, sizeof(s));
	for (plan = 0; plan < PLAN_COUNT; plan++)
		for (area = -1; area < (int)p->nareas; area++) {
			facts_init(&f);
			f.plan_type = (enum plan_type)plan;
			f.area = area;
			f.referral = date_from_ymd(2026, 1, 5);
			f.rcpc = date_from_ymd(2026, 1, 2);
			f.residence = date_from_ymd(2025, 12, 29);
			if (plan & 1) {
				f.assessment = date_from_ymd(2026, 2, 16);
				f.first_meeting = date_from_ymd(2026, 3, 2);
				reviews[0] = date_from_ymd(2026, 4, 13);
				reviews[1] = date_from_ymd(2026, 6, 1);
				visits[0] = date_from_ymd(2026, 3, 20);
				f.reviews = reviews;
				f.nreviews = 2;
				f.visits = visits;
				f.nvisits = 1;
				f.flags = FACT_MANAGER_AGREED;
			}
			memset(&so, 0, sizeof(so));
			so.as_of = date_from_ymd(2026, 11, 22);
			so.until = plan == PLAN_SHORT_BREAKS ? DATE_MAX :
			    date_from_ymd(2028, 11, 22);
			so.within = 5;
			memset(&se, 0, sizeof(se));
			if (sched_build(p, cal, &f, &so, NULL, &s, &se) == -1) {
				FUZZ_CHECK(se.code != SE_OK && se.msg[0] != '\0',
				    "failed without a reason");
				continue;
			}
			check_schedule(p, &s, &so);
			check_proven(p, cal, &f, &so, &s);
			if (plan != PLAN_STANDARD && plan != PLAN_STEP_DOWN_CP)
				continue;
			memset(&oo, 0, sizeof(oo));
			oo.as_of = so.as_of;
			oo.until = so.until;
			oo.alarm_days = 2;
			oo.dtstamp = 1795000000LL;
			oo.cal = cal;
			memset(&oc, 0, sizeof(oc));
			oc.case_id = "FZ-1";
			oc.profile = p;
			oc.area = area;
			oc.plan_type = f.plan_type;
			oc.worker = "Sam";
			oc.s = &s;
			oc.cal = cal;
			for (i = 0; i < sizeof(fmts) / sizeof(fmts[0]); i++) {
				w = out_begin(fmts[i], devnull, &oo, err,
				    sizeof(err));
				FUZZ_CHECK(w != NULL, "out_begin: %s", err);
				FUZZ_CHECK(out_case(w, &oc, err, sizeof(err)) == 0,
				    "out_case: %s", err);
				FUZZ_CHECK(out_end(w, err, sizeof(err)) == 0,
				    "out_end: %s", err);
			}
		}
	sched_free(&s);
	if (cal != plain_cal)
		cal_free(cal);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char	 sep[] = "\n%%y\n";
	const uint8_t		*y;
	struct diags		 ds;
	struct profile		*p;
	size_t			 xn, i;

	y = memmem(data, size, sep, sizeof(sep) - 1);
	xn = y != NULL ? (size_t)(y - data) : size;
	put_file(xpath, data, xn);
	if (y != NULL)
		put_file(ypath, y + sizeof(sep) - 1,
		    size - xn - (sizeof(sep) - 1));
	else
		unlink(ypath);

	memset(&ds, 0, sizeof(ds));
	p = profile_load_file(&rp, xpath, &ds);
	if (p == NULL)
		FUZZ_CHECK(ds.worst == DIAG_ERROR && ds.n > 0,
		    "refused without an error");
	else {
		FUZZ_CHECK(ds.worst != DIAG_ERROR, "loaded despite an error");
		FUZZ_CHECK(p->authority != NULL && p->document != NULL &&
		    p->nareas <= PROFILE_MAX_AREAS, "profile fields");
		for (i = 0; i < p->nrules; i++)
			FUZZ_CHECK(p->rules[i].label != NULL &&
			    p->rules[i].source != NULL &&
			    p->rules[i].nevery <= RULE_MAX_EVERY,
			    "rule %zu fields", i);
		for (i = 0; i < p->nclosures; i++)
			FUZZ_CHECK(p->closures[i] >= DATE_MIN &&
			    p->closures[i] <= DATE_MAX &&
			    (i == 0 || p->closures[i - 1] <= p->closures[i]),
			    "closure %zu", i);
		exercise(p);
	}
	/* Every message names a file and says something. */
	for (i = 0; i < ds.n; i++)
		FUZZ_CHECK(ds.v[i].msg != NULL && ds.v[i].msg[0] != '\0' &&
		    strchr(ds.v[i].msg, '\n') == NULL, "message %zu: '%s'", i,
		    ds.v[i].msg != NULL ? ds.v[i].msg : "(null)");
	diag_print(&ds, devnull);
	diag_clear(&ds);
	profile_free(p);
	return 0;
}
