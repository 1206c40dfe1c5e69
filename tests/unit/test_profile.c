/*
 * test_profile.c: the profile loader, driven by small INI files written to
 * a temporary rules directory.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "date.h"
#include "diag.h"
#include "profile.h"
#include "rpath.h"
#include "xmalloc.h"

static char		 dir[64];
static struct rpath	 rp;

static void
write_bytes(const char *name, const char *text, size_t len)
{
	char	*path;
	FILE	*f;

	path = xasprintf("%s/%s", dir, name);
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
	free(path);
}

static void
write_file(const char *name, const char *text)
{
	write_bytes(name, text, strlen(text));
}

/* The messages as "NAME:LINE: [warning: ]MSG", one a line, dir removed. */
static char *
render(const struct diags *ds)
{
	const struct diag	*d;
	const char		*file;
	char			*s, *t;
	size_t			 i, n;

	s = xstrdup("");
	n = strlen(dir);
	for (i = 0; i < ds->n; i++) {
		d = &ds->v[i];
		file = d->file;
		if (file != NULL && strncmp(file, dir, n) == 0 &&
		    file[n] == '/')
			file += n + 1;
		if (file == NULL)
			t = xasprintf("%s%s%s\n", s,
			    d->level == DIAG_WARNING ? "warning: " : "",
			    d->msg);
		else if (d->line > 0)
			t = xasprintf("%s%s:%ld: %s%s\n", s, file, d->line,
			    d->level == DIAG_WARNING ? "warning: " : "",
			    d->msg);
		else
			t = xasprintf("%s%s: %s%s\n", s, file,
			    d->level == DIAG_WARNING ? "warning: " : "",
			    d->msg);
		free(s);
		s = t;
	}
	return s;
}

static int
setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "%s", "/tmp/test_profile.XXXXXX");
	if (getenv("TMPDIR") != NULL && strlen(getenv("TMPDIR")) < 40)
		snprintf(dir, sizeof(dir), "%s/test_profile.XXXXXX",
		    getenv("TMPDIR"));
	if (mkdtemp(dir) == NULL)
		return -1;
	memset(&rp, 0, sizeof(rp));
	rp.dirs[0] = xstrdup(dir);
	rp.ndirs = 1;
	rp.builtin = 0;
	return 0;
}

static int
teardown(void **state)
{
	struct dirent	*de;
	DIR		*d;
	char		*path;

	(void)state;
	if ((d = opendir(dir)) != NULL) {
		while ((de = readdir(d)) != NULL) {
			if (de->d_name[0] == '.')
				continue;
			path = xasprintf("%s/%s", dir, de->d_name);
			unlink(path);
			free(path);
		}
		closedir(d);
	}
	rmdir(dir);
	rpath_free(&rp);
	return 0;
}

static int
ymd(int y, int m, int d)
{
	return date_from_ymd(y, m, d);
}

/* --- names and spans ------------------------------------------------------ */

static void
test_names(void **state)
{
	int	 i;

	(void)state;
	for (i = 0; i < KIND_COUNT; i++)
		assert_int_equal(kind_parse(kind_name((enum kind)i)), i);
	for (i = 1; i < ANCHOR_COUNT; i++)
		assert_int_equal(anchor_parse(anchor_name((enum anchor)i)), i);
	for (i = 0; i < PLAN_COUNT; i++)
		assert_int_equal(plan_type_parse(
		    plan_type_name((enum plan_type)i)), i);
	assert_string_equal(kind_name(KIND_FIRST_MEETING), "first-meeting");
	assert_string_equal(kind_name(KIND_VISIT_RECORD), "visit-record");
	assert_string_equal(kind_name(KIND_WRITTEN_UPDATE), "written-update");
	assert_string_equal(anchor_name(ANCHOR_PLAN_DECISION), "plan-decision");
	assert_string_equal(anchor_name(ANCHOR_PLAN_START), "plan-start");
	assert_string_equal(plan_type_name(PLAN_STEP_DOWN_CP), "step-down-cp");
	assert_string_equal(plan_type_name(PLAN_SUPERVISION_ORDER),
	    "supervision-order");
	assert_int_equal(anchor_parse("none"), -1);
	assert_int_equal(kind_parse("Review"), -1);
	assert_int_equal(kind_parse(""), -1);
	assert_int_equal(plan_type_parse("step-down"), -1);
	assert_string_equal(unit_name(UNIT_WORKDAYS, 0), "working day");
	assert_string_equal(unit_name(UNIT_WORKDAYS, 1), "working days");
	assert_string_equal(unit_name(UNIT_DAYS, 0), "day");
	assert_string_equal(unit_name(UNIT_DAYS, 1), "days");
	assert_string_equal(unit_name(UNIT_WEEKS, 0), "week");
	assert_string_equal(unit_name(UNIT_WEEKS, 1), "weeks");
	assert_string_equal(unit_name(UNIT_MONTHS, 0), "month");
	assert_string_equal(unit_name(UNIT_MONTHS, 1), "months");
}

static const struct {
	const char	*in;
	int		 n;
	enum unit	 unit;
} span_good[] = {
	{ "45 working days", 45, UNIT_WORKDAYS },
	{ "-10 working days", -10, UNIT_WORKDAYS },
	{ "+2 working days", 2, UNIT_WORKDAYS },
	{ "1 working day", 1, UNIT_WORKDAYS },
	{ "15 Working  Days", 15, UNIT_WORKDAYS },
	{ "1 week", 1, UNIT_WEEKS },
	{ "6 weeks", 6, UNIT_WEEKS },
	{ "3 months", 3, UNIT_MONTHS },
	{ "1 month", 1, UNIT_MONTHS },
	{ "28 days", 28, UNIT_DAYS },
	{ "1 day", 1, UNIT_DAYS },
	{ "7 DAYS", 7, UNIT_DAYS },
	{ "2 week", 2, UNIT_WEEKS },
	{ "  6 weeks\t", 6, UNIT_WEEKS },
	{ "007 days", 7, UNIT_DAYS },
	{ "3660 days", 3660, UNIT_DAYS },
	{ "-3660 working days", -3660, UNIT_WORKDAYS },
	{ "520 weeks", 520, UNIT_WEEKS },
	{ "120 months", 120, UNIT_MONTHS },
};

static const struct {
	const char	*in;
	const char	*why;
} span_bad[] = {
	{ "99999999999 days", "is more than 3660 days" },
	{ "3 fortnights", "has an unknown unit" },
	{ "", "is empty" },
	{ "   ", "is empty" },
	{ "days", "does not start with a number" },
	{ "0 days", "must not be zero" },
	{ "-0 weeks", "must not be zero" },
	{ "3661 days", "is more than 3660 days" },
	{ "3661 working days", "is more than 3660 working days" },
	{ "521 weeks", "is more than 520 weeks" },
	{ "121 months", "is more than 120 months" },
	{ "-121 months", "is more than 120 months" },
	{ "45days", "needs a space between the number and the unit" },
	{ "45", "has no unit (working days, days, weeks or months)" },
	{ "45 ", "has no unit (working days, days, weeks or months)" },
	{ "4 5 days", "has an unknown unit" },
	{ "working days", "does not start with a number" },
	{ "45 working", "has an unknown unit" },
	{ "45 workingdays", "has an unknown unit" },
	{ "45 working weeks", "has an unknown unit" },
	{ "- 3 days", "does not start with a number" },
	{ "--3 days", "does not start with a number" },
	{ "3 days later", "has an unknown unit" },
	{ "0x10 days", "needs a space between the number and the unit" },
	{ "3.5 days", "needs a space between the number and the unit" },
	{ "one week", "does not start with a number" },
	{ "1 workday", "has an unknown unit" },
};

static void
test_span_parse(void **state)
{
	struct span	 sp;
	const char	*why;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(span_good) / sizeof(span_good[0]); i++) {
		why = NULL;
		if (span_parse(span_good[i].in, &sp, &why) != 0)
			fail_msg("'%s': %s", span_good[i].in, why);
		assert_int_equal(sp.n, span_good[i].n);
		assert_int_equal(sp.unit, span_good[i].unit);
	}
	for (i = 0; i < sizeof(span_bad) / sizeof(span_bad[0]); i++) {
		why = NULL;
		if (span_parse(span_bad[i].in, &sp, &why) != -1)
			fail_msg("'%s' accepted", span_bad[i].in);
		assert_non_null(why);
		assert_string_equal(why, span_bad[i].why);
	}
}

static void
test_span_format(void **state)
{
	static const struct {
		struct span	 sp;
		const char	*out;
	} t[] = {
		{ { 45, UNIT_WORKDAYS }, "45 working days" },
		{ { 1, UNIT_WORKDAYS }, "1 working day" },
		{ { -10, UNIT_WORKDAYS }, "-10 working days" },
		{ { -1, UNIT_DAYS }, "-1 day" },
		{ { 1, UNIT_WEEKS }, "1 week" },
		{ { 6, UNIT_WEEKS }, "6 weeks" },
		{ { 3, UNIT_MONTHS }, "3 months" },
		{ { 1, UNIT_MONTHS }, "1 month" },
	};
	struct span	 sp;
	const char	*why;
	char		 buf[40];
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		assert_ptr_equal(span_format(&t[i].sp, buf, sizeof(buf)), buf);
		assert_string_equal(buf, t[i].out);
		/* What it writes, it reads back. */
		assert_int_equal(span_parse(buf, &sp, &why), 0);
		assert_int_equal(sp.n, t[i].sp.n);
		assert_int_equal(sp.unit, t[i].sp.unit);
	}
}

/* --- a valid profile ------------------------------------------------------ */

static const char valid_ini[] =
	"; A test profile\n"				/* 1 */
	"[profile]\n"
	"authority = Test Council\n"
	"document = \"Test protocol; version 1\"\n"
	"areas = north south\n"				/* 5 */
	"closures = 2026-12-31, 2026-12-24 2026-12-24\n"
	"\n"
	"[area:north]\n"
	"name = North Area\n"
	"\n"						/* 10 */
	"[rule:first]\n"
	"kind = first-meeting\n"
	"anchor = assessment\n"
	"offset = 10 working days\n"
	"label = Initial meeting\n"			/* 15 */
	"source = 3.6\n"
	"quote = \"The first meeting ...\"\n"
	"\n"
	"[Rule:Review]\n"
	"Kind = review\n"				/* 20 */
	"every = 28 days, 3 months, 6 months\n"
	"earliest = 3 weeks\n"
	"reduce_to = 12 months\n"
	"reduce_after = 6 months\n"
	"reduce_when = manager-agreed\n"		/* 25 */
	"label = Review\n"
	"source = 4.2\n"
	"quote = 'Every \"six\" weeks'\n"
	"note = it's read as ...\n"
	"\n"						/* 30 */
	"  [ rule:review-south ]  \r\n"
	"kind = review\n"
	"areas = south\n"
	"every = 6 weeks\n"
	"label = Review\n"				/* 35 */
	"source = 4.2\n"
	"quote = q\n"
	"\n"
	"[rule:notice]\n"
	"kind = notice\n"				/* 40 */
	"anchor = review\n"
	"offset = -10 working days\n"
	"only_unheld = yes\n"
	"label = Notice\n"
	"source = 4.2\n"				/* 45 */
	"quote = q\n"
	"\n"
	"[rule:min-duration]\n"
	"kind = milestone\n"
	"name = min-duration\n"				/* 50 */
	"anchor = plan-start\n"
	"offset = 3 months\n"
	"plan_types = step-down-cp, transfer-in\n"
	"label = Minimum duration\n"
	"source = 12\n"					/* 55 */
	"quote = q\n"
	"\n"
	"[rule:visit]\n"
	"kind = visit\n"
	"not_set = Yes\n"				/* 60 */
	"label = Visits\n"
	"source = none\n"
	"# the end, without a newline";

static void
test_valid(void **state)
{
	struct diags	 ds = { 0 };
	struct profile	*p;
	const struct rule *r;
	char		*s;
	size_t		 flen, i;

	(void)state;
	write_file("valid.ini", valid_ini);
	p = profile_load(&rp, "valid", &ds);
	s = render(&ds);
	assert_string_equal(s, "");
	free(s);
	assert_non_null(p);
	assert_string_equal(p->id, "valid");
	assert_string_equal(p->authority, "Test Council");
	assert_string_equal(p->document, "Test protocol; version 1");
	assert_null(p->extends);
	flen = strlen(p->file);
	assert_true(flen > 10);
	assert_string_equal(p->file + flen - 10, "/valid.ini");
	assert_int_equal(p->nareas, 2);
	assert_string_equal(p->areas[0].id, "north");
	assert_string_equal(p->areas[0].name, "North Area");
	assert_string_equal(p->areas[1].id, "south");
	assert_string_equal(p->areas[1].name, "south");
	assert_int_equal(p->area_required, 0);
	assert_int_equal(profile_area(p, "south"), 1);
	assert_int_equal(profile_area(p, "north"), 0);
	assert_int_equal(profile_area(p, "west"), -1);
	assert_int_equal(p->nclosures, 2);
	assert_int_equal(p->closures[0], ymd(2026, 12, 24));
	assert_int_equal(p->closures[1], ymd(2026, 12, 31));
	assert_int_equal(p->nrules, 6);

	r = &p->rules[0];
	assert_string_equal(r->id, "first");
	assert_int_equal(r->kind, KIND_FIRST_MEETING);
	assert_null(r->name);
	assert_int_equal(r->anchor, ANCHOR_ASSESSMENT);
	assert_int_equal(r->offset.n, 10);
	assert_int_equal(r->offset.unit, UNIT_WORKDAYS);
	assert_int_equal(r->nevery, 0);
	assert_int_equal(r->plan_types, 0);
	assert_int_equal(r->areas, 0);
	assert_string_equal(r->label, "Initial meeting");
	assert_string_equal(r->source, "3.6");
	assert_string_equal(r->quote, "The first meeting ...");
	assert_null(r->note);
	assert_int_equal(r->line, 11);
	assert_string_equal(r->file, p->file);

	r = &p->rules[1];
	assert_string_equal(r->id, "review");
	assert_int_equal(r->kind, KIND_REVIEW);
	assert_int_equal(r->anchor, ANCHOR_NONE);
	assert_int_equal(r->nevery, 3);
	assert_int_equal(r->every[0].n, 28);
	assert_int_equal(r->every[0].unit, UNIT_DAYS);
	assert_int_equal(r->every[1].n, 3);
	assert_int_equal(r->every[1].unit, UNIT_MONTHS);
	assert_int_equal(r->every[2].n, 6);
	assert_int_equal(r->every[2].unit, UNIT_MONTHS);
	assert_true(r->has_earliest);
	assert_int_equal(r->earliest.n, 3);
	assert_int_equal(r->earliest.unit, UNIT_WEEKS);
	assert_true(r->has_reduce);
	assert_int_equal(r->reduce_to.n, 12);
	assert_int_equal(r->reduce_to.unit, UNIT_MONTHS);
	assert_int_equal(r->reduce_after.n, 6);
	assert_int_equal(r->reduce_after.unit, UNIT_MONTHS);
	assert_int_equal(r->reduce_when, FACT_MANAGER_AGREED);
	assert_string_equal(r->quote, "Every \"six\" weeks");
	assert_string_equal(r->note, "it's read as ...");
	assert_int_equal(r->line, 19);

	r = &p->rules[2];
	assert_string_equal(r->id, "review-south");
	assert_int_equal(r->areas, 1u << 1);
	assert_int_equal(r->nevery, 1);
	assert_int_equal(r->every[0].n, 6);
	assert_int_equal(r->every[0].unit, UNIT_WEEKS);
	assert_false(r->has_earliest);
	assert_false(r->has_reduce);
	assert_int_equal(r->line, 31);

	r = &p->rules[3];
	assert_string_equal(r->id, "notice");
	assert_int_equal(r->kind, KIND_NOTICE);
	assert_int_equal(r->anchor, ANCHOR_REVIEW);
	assert_int_equal(r->offset.n, -10);
	assert_int_equal(r->offset.unit, UNIT_WORKDAYS);
	assert_true(r->only_unheld);
	assert_int_equal(r->line, 39);

	r = &p->rules[4];
	assert_string_equal(r->id, "min-duration");
	assert_int_equal(r->kind, KIND_MILESTONE);
	assert_string_equal(r->name, "min-duration");
	assert_int_equal(r->anchor, ANCHOR_PLAN_START);
	assert_int_equal(r->offset.n, 3);
	assert_int_equal(r->offset.unit, UNIT_MONTHS);
	assert_int_equal(r->plan_types,
	    (1u << PLAN_STEP_DOWN_CP) | (1u << PLAN_TRANSFER_IN));

	r = &p->rules[5];
	assert_string_equal(r->id, "visit");
	assert_int_equal(r->kind, KIND_VISIT);
	assert_true(r->not_set);
	assert_null(r->quote);
	assert_int_equal(r->anchor, ANCHOR_NONE);
	assert_int_equal(r->nevery, 0);
	assert_string_equal(r->source, "none");
	assert_int_equal(r->line, 58);

	profile_free(p);

	/* The same file by path: the id is its name. */
	s = xasprintf("%s/valid.ini", dir);
	p = profile_load_file(&rp, s, &ds);
	free(s);
	assert_non_null(p);
	/*
	 * Checking a file by path also compares each rule's figures with its
	 * quote, and this fixture's quotes are all "q": warnings only.
	 */
	for (i = 0; i < ds.n; i++) {
		assert_int_equal(ds.v[i].level, DIAG_WARNING);
		assert_non_null(strstr(ds.v[i].msg, "but the quote does not "
		    "say"));
	}
	assert_string_equal(p->id, "valid");
	assert_int_equal(p->nrules, 6);
	profile_free(p);
	profile_free(NULL);
	diag_clear(&ds);
}

static void
test_label_default(void **state)
{
	struct diags	 ds = { 0 };
	struct profile	*p;
	char		*s;

	(void)state;
	write_file("nolabel.ini",
	    "[profile]\n"
	    "authority = A\n"
	    "document = D\n"
	    "[rule:m]\n"
	    "kind = milestone\n"
	    "name = manager-review\n"
	    "anchor = plan-start\n"
	    "offset = 3 months\n"
	    "source = 4.2\n"
	    "quote = q\n"
	    "[rule:f]\n"
	    "kind = first-meeting\n"
	    "anchor = plan-decision\n"
	    "offset = 15 working days\n"
	    "source = 4.1\n"
	    "quote = q\n");
	p = profile_load(&rp, "nolabel", &ds);
	s = render(&ds);
	assert_string_equal(s,
	    "nolabel.ini:4: warning: [rule:m] label: missing; using "
	    "'Manager review'\n"
	    "nolabel.ini:11: warning: [rule:f] label: missing; using "
	    "'Initial Child in Need meeting'\n");
	free(s);
	assert_non_null(p);
	assert_int_equal(ds.worst, DIAG_WARNING);
	assert_string_equal(p->rules[0].label, "Manager review");
	assert_string_equal(p->rules[1].label, "Initial Child in Need meeting");
	profile_free(p);
	diag_clear(&ds);
}

/* --- extends -------------------------------------------------------------- */

static void
test_extends(void **state)
{
	struct diags	 ds = { 0 };
	struct profile	*p;
	char		*s;

	(void)state;
	write_file("base.ini",
	    "[profile]\n"
	    "authority = England\n"
	    "document = Working Together 2018\n"
	    "closures = 2026-12-29\n"
	    "[rule:assessment]\n"			/* 5 */
	    "kind = assessment\n"
	    "anchor = referral\n"
	    "offset = 45 working days\n"
	    "label = Assessment\n"
	    "source = WT 2018\n"
	    "quote = q\n"
	    "[rule:visit]\n"				/* 12 */
	    "kind = visit\n"
	    "every = 4 weeks\n"
	    "label = Visit\n"
	    "source = WT 2018\n"
	    "quote = q\n");
	write_file("child.ini",
	    "[profile]\n"
	    "authority = Child Council\n"
	    "document = Child protocol\n"
	    "extends = base\n"
	    "closures = 2026-12-24 2026-12-29\n"
	    "[rule:visit]\n"				/* 6 */
	    "kind = visit\n"
	    "every = 20 working days\n"
	    "label = Visit\n"
	    "source = 10\n"
	    "quote = q\n"
	    "[rule:review]\n"				/* 12 */
	    "kind = review\n"
	    "every = 4 weeks\n"
	    "label = Review\n"
	    "source = 11\n"
	    "quote = q\n");
	p = profile_load(&rp, "child", &ds);
	s = render(&ds);
	assert_string_equal(s, "");
	free(s);
	assert_non_null(p);
	assert_string_equal(p->id, "child");
	assert_string_equal(p->extends, "base");
	assert_string_equal(p->authority, "Child Council");
	assert_int_equal(p->nclosures, 2);
	assert_int_equal(p->closures[0], ymd(2026, 12, 24));
	assert_int_equal(p->closures[1], ymd(2026, 12, 29));
	assert_int_equal(p->nrules, 3);
	/* Inherited, from the base's file. */
	assert_string_equal(p->rules[0].id, "assessment");
	assert_int_equal(p->rules[0].line, 5);
	assert_string_equal(p->rules[0].file + strlen(p->rules[0].file) - 9,
	    "/base.ini");
	assert_int_equal(p->rules[0].offset.n, 45);
	/* Replaced in place. */
	assert_string_equal(p->rules[1].id, "visit");
	assert_int_equal(p->rules[1].line, 6);
	assert_string_equal(p->rules[1].file + strlen(p->rules[1].file) - 10,
	    "/child.ini");
	assert_int_equal(p->rules[1].every[0].n, 20);
	assert_int_equal(p->rules[1].every[0].unit, UNIT_WORKDAYS);
	assert_string_equal(p->rules[1].source, "10");
	/* Added. */
	assert_string_equal(p->rules[2].id, "review");
	profile_free(p);
	diag_clear(&ds);
}

static const char area_base_ini[] =
	"[profile]\n"
	"authority = Base\n"
	"document = D\n"
	"areas = a b\n"
	"area_required = yes\n"				/* 5 */
	"[area:b]\n"
	"name = Area B\n"
	"[rule:review-b]\n"				/* 8 */
	"kind = review\n"
	"areas = b\n"
	"every = 3 months\n"
	"label = R\n"
	"source = s\n"
	"quote = q\n";

static void
test_extends_areas(void **state)
{
	struct diags	 ds = { 0 };
	struct profile	*p;
	char		*s;

	(void)state;
	write_file("abase.ini", area_base_ini);
	/* No areas of its own: the base's come along. */
	write_file("achild.ini",
	    "[profile]\n"
	    "authority = Child\n"
	    "document = D\n"
	    "extends = abase\n");
	p = profile_load(&rp, "achild", &ds);
	assert_non_null(p);
	assert_int_equal(ds.n, 0);
	assert_int_equal(p->nareas, 2);
	assert_string_equal(p->areas[1].name, "Area B");
	assert_int_equal(p->area_required, 1);
	assert_int_equal(p->rules[0].areas, 1u << 1);
	profile_free(p);

	/* Its own areas: the base rule's area is found by id. */
	write_file("achild2.ini",
	    "[profile]\n"
	    "authority = Child\n"
	    "document = D\n"
	    "extends = abase\n"
	    "areas = c b\n");
	p = profile_load(&rp, "achild2", &ds);
	s = render(&ds);
	assert_string_equal(s, "");
	free(s);
	assert_non_null(p);
	assert_int_equal(p->nareas, 2);
	assert_string_equal(p->areas[1].id, "b");
	assert_string_equal(p->areas[1].name, "b");
	assert_int_equal(p->area_required, 0);
	assert_int_equal(p->rules[0].areas, 1u << 1);
	profile_free(p);

	/* An area the base's rule needs is gone. */
	write_file("achild3.ini",
	    "[profile]\n"
	    "authority = Child\n"
	    "document = D\n"
	    "extends = abase\n"
	    "areas = c\n");
	p = profile_load(&rp, "achild3", &ds);
	assert_null(p);
	s = render(&ds);
	assert_string_equal(s, "abase.ini:8: [rule:review-b] areas: area 'b' "
	    "is not in profile 'achild3'\n");
	free(s);
	diag_clear(&ds);
}

static void
test_extends_errors(void **state)
{
	static const struct {
		const char	*id;
		const char	*expect;
	} t[] = {
		{ "cyc-a",
		  "cyc-b.ini:4: [profile] extends: cycle cyc-a -> cyc-b -> "
		  "cyc-a\n"
		  "cyc-a.ini:4: [profile] extends: profile 'cyc-b' has "
		  "errors\n" },
		/* Its own id: the layers below hold none. */
		{ "self",
		  "self.ini:4: [profile] extends: no profile 'self' in the "
		  "layers below this one (directory)\n" },
		{ "orphan",
		  "orphan.ini:4: [profile] extends: no profile 'xyz'\n" },
		{ "sneaky",
		  "sneaky.ini:4: [profile] extends: '../x' is not a profile "
		  "id\n" },
		{ "badchild",
		  "badbase.ini:5: [rule:r] kind: unknown kind 'reveiw'\n"
		  "badchild.ini:4: [profile] extends: profile 'badbase' has "
		  "errors\n" },
	};
	struct diags	 ds = { 0 };
	struct profile	*p;
	char		*s;
	size_t		 i;

	(void)state;
	write_file("cyc-a.ini", "[profile]\nauthority = A\ndocument = D\n"
	    "extends = cyc-b\n");
	write_file("cyc-b.ini", "[profile]\nauthority = B\ndocument = D\n"
	    "extends = cyc-a\n");
	write_file("self.ini", "[profile]\nauthority = S\ndocument = D\n"
	    "extends = self\n");
	write_file("orphan.ini", "[profile]\nauthority = O\ndocument = D\n"
	    "extends = xyz\n");
	write_file("sneaky.ini", "[profile]\nauthority = O\ndocument = D\n"
	    "extends = ../x\n");
	write_file("badbase.ini", "[profile]\nauthority = B\ndocument = D\n"
	    "[rule:r]\nkind = reveiw\nevery = 6 weeks\nlabel = R\n"
	    "source = s\nquote = q\n");
	write_file("badchild.ini", "[profile]\nauthority = C\ndocument = D\n"
	    "extends = badbase\n");
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		p = profile_load(&rp, t[i].id, &ds);
		assert_null(p);
		s = render(&ds);
		assert_string_equal(s, t[i].expect);
		free(s);
		diag_clear(&ds);
	}
}

static void
test_unknown_id(void **state)
{
	static const struct {
		const char	*id;
		const char	*expect;
	} t[] = {
		{ "torbya", "no profile 'torbya'\n" },
		{ "../etc/passwd", "'../etc/passwd' is not a profile id\n" },
		{ "a/b", "'a/b' is not a profile id\n" },
		{ ".hidden", "'.hidden' is not a profile id\n" },
		{ "", "'' is not a profile id\n" },
	};
	struct diags	 ds = { 0 };
	char		*s;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		assert_null(profile_load(&rp, t[i].id, &ds));
		s = render(&ds);
		assert_string_equal(s, t[i].expect);
		free(s);
		diag_clear(&ds);
	}
	s = xasprintf("%s/nothere.ini", dir);
	assert_null(profile_load_file(&rp, s, &ds));
	free(s);
	s = render(&ds);
	assert_string_equal(s, "nothere.ini: no such file\n");
	free(s);
	diag_clear(&ds);
}

/* --- errors --------------------------------------------------------------- */

/* Lines 1-3. */
#define HEAD	"[profile]\nauthority = A\ndocument = D\n"
/* A good one-off rule, 7 lines. */
#define RULE_A	"[rule:a]\nkind = assessment\nanchor = referral\n" \
		"offset = 45 working days\nlabel = A\nsource = 1\nquote = q\n"
/* The body of a rule after kind: label, source, quote. */
#define TAIL	"label = L\nsource = 1\nquote = q\n"

static const struct {
	const char	*name;
	const char	*text;
	const char	*expect;
} bad[] = {
	{ "unknown unit",
	  HEAD "[rule:review]\nkind = review\nevery = 3 fortnights\n" TAIL,
	  "x.ini:6: [rule:review] every: unknown unit 'fortnights'\n" },
	{ "every not positive",
	  HEAD "[rule:r]\nkind = review\nevery = -6 weeks\n" TAIL,
	  "x.ini:6: [rule:r] every: '-6 weeks' must be positive\n" },
	{ "zero offset",
	  HEAD "[rule:a]\nkind = assessment\nanchor = referral\n"
	  "offset = 0 working days\n" TAIL,
	  "x.ini:7: [rule:a] offset: '0 working days' must not be zero\n" },
	{ "huge offset",
	  HEAD "[rule:a]\nkind = assessment\nanchor = referral\n"
	  "offset = 99999999999 days\n" TAIL,
	  "x.ini:7: [rule:a] offset: '99999999999 days' is more than 3660 "
	  "days\n" },
	{ "too many weeks",
	  HEAD "[rule:r]\nkind = visit\nevery = 521 weeks\n" TAIL,
	  "x.ini:6: [rule:r] every: '521 weeks' is more than 520 weeks\n" },
	{ "too many months",
	  HEAD "[rule:m]\nkind = milestone\nname = end\nanchor = plan-start\n"
	  "offset = 121 months\n" TAIL,
	  "x.ini:8: [rule:m] offset: '121 months' is more than 120 months\n" },
	{ "unknown section",
	  HEAD "[rules:x]\nkind = review\n",
	  "x.ini:4: [rules:x]: unknown section (expected [profile], "
	  "[area:ID], [rule:ID] or [not_modelled:ID])\n" },
	{ "unknown key",
	  HEAD "[rule:r]\nkind = review\nevry = 6 weeks\n" TAIL,
	  "x.ini:4: [rule:r] every: missing\n"
	  "x.ini:6: [rule:r] evry: unknown key (did you mean 'every'?)\n" },
	{ "unknown key, no guess",
	  HEAD "colour = blue\n",
	  "x.ini:4: [profile] colour: unknown key\n" },
	{ "missing profile keys",
	  "[profile]\nauthority = A\n",
	  "x.ini:1: [profile] document: missing\n" },
	{ "no profile section",
	  RULE_A,
	  "x.ini: no [profile] section\n" },
	{ "empty file",
	  "",
	  "x.ini: no [profile] section\n" },
	{ "missing rule keys",
	  HEAD "[rule:r]\nlabel = L\n",
	  "x.ini:4: [rule:r] kind: missing\n"
	  "x.ini:4: [rule:r] source: missing\n"
	  "x.ini:4: [rule:r] quote: missing (or say not_set = yes)\n" },
	{ "purpose of a visit",
	  HEAD "[rule:v]\nkind = visit\nevery = 4 weeks\n" TAIL
	  "purpose = To see the child.\n",
	  "x.ini:10: [rule:v] purpose: only for meetings (first-meeting, "
	  "review)\n" },
	{ "empty purpose",
	  HEAD "[rule:r]\nkind = review\nevery = 6 weeks\n" TAIL
	  "purpose =\n",
	  "x.ini:10: [rule:r] purpose: empty value\n" },
	{ "unknown kind",
	  HEAD "[rule:r]\nkind = reveiw\n" TAIL,
	  "x.ini:5: [rule:r] kind: unknown kind 'reveiw'\n" },
	{ "milestone without name",
	  HEAD "[rule:m]\nkind = milestone\nanchor = plan-start\n"
	  "offset = 3 months\n" TAIL,
	  "x.ini:4: [rule:m] name: missing\n" },
	{ "name on a review",
	  HEAD "[rule:r]\nkind = review\nname = big\nevery = 6 weeks\n" TAIL,
	  "x.ini:6: [rule:r] name: only milestones have a name\n" },
	{ "bad milestone name",
	  HEAD "[rule:m]\nkind = milestone\nname = Big End\n"
	  "anchor = plan-start\noffset = 3 months\n" TAIL,
	  "x.ini:6: [rule:m] name: 'Big End' is not a milestone name "
	  "(lower-case letters, digits and '-')\n" },
	{ "one-off without anchor or offset",
	  HEAD "[rule:f]\nkind = first-meeting\n" TAIL,
	  "x.ini:4: [rule:f] anchor: missing\n"
	  "x.ini:4: [rule:f] offset: missing\n" },
	{ "unknown anchor",
	  HEAD "[rule:f]\nkind = first-meeting\nanchor = referal\n"
	  "offset = 10 working days\n" TAIL,
	  "x.ini:6: [rule:f] anchor: unknown anchor 'referal'\n" },
	{ "first-meeting from plan-start",
	  HEAD "[rule:f]\nkind = first-meeting\nanchor = plan-start\n"
	  "offset = 10 working days\n" TAIL,
	  "x.ini:6: [rule:f] anchor: first-meeting rules cannot use anchor "
	  "'plan-start' (use referral, assessment, plan-decision, rcpc, "
	  "residence, supervision-order, allocated or step-down-decision)\n" },
	{ "assessment from itself",
	  HEAD "[rule:a]\nkind = assessment\nanchor = assessment\n"
	  "offset = 10 working days\n" TAIL,
	  "x.ini:6: [rule:a] anchor: assessment rules cannot use anchor "
	  "'assessment' (use referral, rcpc, residence, supervision-order, "
	  "allocated or step-down-decision)\n" },
	{ "minutes from referral",
	  HEAD "[rule:m]\nkind = minutes\nanchor = referral\n"
	  "offset = 10 working days\n" TAIL,
	  "x.ini:6: [rule:m] anchor: minutes rules cannot use anchor "
	  "'referral' (use meeting or review)\n" },
	{ "notice from visit",
	  HEAD "[rule:n]\nkind = notice\nanchor = visit\n"
	  "offset = -10 working days\n" TAIL,
	  "x.ini:6: [rule:n] anchor: notice rules cannot use anchor 'visit' "
	  "(use meeting or review)\n" },
	{ "visit-record from meeting",
	  HEAD "[rule:v]\nkind = visit-record\nanchor = meeting\n"
	  "offset = 2 working days\n" TAIL,
	  "x.ini:6: [rule:v] anchor: visit-record rules cannot use anchor "
	  "'meeting' (use visit)\n" },
	{ "milestone from a meeting",
	  HEAD "[rule:m]\nkind = milestone\nname = x\nanchor = meeting\n"
	  "offset = 3 months\n" TAIL,
	  "x.ini:7: [rule:m] anchor: milestone rules cannot use anchor "
	  "'meeting' (use referral, assessment, plan-decision, rcpc, "
	  "residence, plan-start, supervision-order, allocated or "
	  "step-down-decision)\n" },
	{ "review with anchor and offset",
	  HEAD "[rule:r]\nkind = review\nanchor = plan-start\n"
	  "offset = 6 weeks\n" TAIL,
	  "x.ini:4: [rule:r] every: missing\n"
	  "x.ini:6: [rule:r] anchor: review rules repeat with every, not "
	  "anchor\n"
	  "x.ini:7: [rule:r] offset: review rules repeat with every, not "
	  "offset\n" },
	{ "every on a one-off rule",
	  HEAD "[rule:a]\nkind = assessment\nanchor = referral\n"
	  "offset = 45 working days\nevery = 6 weeks\nearliest = 1 week\n"
	  TAIL,
	  "x.ini:8: [rule:a] every: only for review and visit rules\n"
	  "x.ini:9: [rule:a] earliest: only for review and visit rules\n" },
	{ "negative offset on minutes",
	  HEAD "[rule:m]\nkind = minutes\nanchor = meeting\n"
	  "offset = -10 working days\n" TAIL,
	  "x.ini:7: [rule:m] offset: '-10 working days' is negative: only "
	  "notice and written-update rules count back\n" },
	{ "negative offset on a milestone",
	  HEAD "[rule:m]\nkind = milestone\nname = x\nanchor = plan-start\n"
	  "offset = -1 month\n" TAIL,
	  "x.ini:8: [rule:m] offset: '-1 month' is negative: only notice "
	  "and written-update rules count back\n" },
	{ "earliest not shorter",
	  HEAD "[rule:r]\nkind = review\nevery = 6 weeks\nearliest = 8 weeks\n"
	  TAIL,
	  "x.ini:7: [rule:r] earliest: '8 weeks' is not shorter than every "
	  "'6 weeks'\n" },
	{ "earliest equal, other units",
	  HEAD "[rule:r]\nkind = review\nevery = 28 days, 2 months\n"
	  "earliest = 4 weeks\n" TAIL,
	  "x.ini:7: [rule:r] earliest: '4 weeks' is not shorter than every "
	  "'28 days'\n" },
	{ "nine intervals",
	  HEAD "[rule:r]\nkind = review\nevery = 1 week, 2 weeks, 3 weeks, "
	  "4 weeks, 5 weeks, 6 weeks, 7 weeks, 8 weeks, 9 weeks\n" TAIL,
	  "x.ini:6: [rule:r] every: more than 8 intervals\n" },
	{ "empty interval",
	  HEAD "[rule:r]\nkind = review\nevery = 6 weeks,\n" TAIL,
	  "x.ini:6: [rule:r] every: empty interval in '6 weeks,'\n" },
	{ "reduce halves",
	  HEAD "[rule:r]\nkind = visit\nevery = 4 weeks\nreduce_to = 3 months\n"
	  "reduce_when = manager-agreed, boss-says\n" TAIL,
	  "x.ini:7: [rule:r] reduce_after: missing (reduce_to, reduce_after "
	  "and reduce_when go together)\n"
	  "x.ini:8: [rule:r] reduce_when: unknown fact 'boss-says' (only "
	  "manager-agreed)\n" },
	{ "reduce_when alone, reduce not longer",
	  HEAD "[rule:r]\nkind = visit\nevery = 4 weeks\nreduce_when = "
	  "manager-agreed\n" TAIL
	  "[rule:s]\nkind = review\nevery = 3 months\nreduce_to = 6 weeks\n"
	  "reduce_after = 0 months\nreduce_when = manager-agreed\n" TAIL
	  "[rule:t]\nkind = review\nplan_types = short-breaks\n"
	  "every = 6 weeks\nreduce_to = 3 months\n"
	  "reduce_after = 6 months\n" TAIL,
	  "x.ini:7: [rule:r] reduce_to: missing (reduce_to, reduce_after "
	  "and reduce_when go together)\n"
	  "x.ini:7: [rule:r] reduce_after: missing (reduce_to, reduce_after "
	  "and reduce_when go together)\n"
	  "x.ini:14: [rule:s] reduce_to: '6 weeks' is not longer than every "
	  "'3 months'\n"
	  "x.ini:15: [rule:s] reduce_after: '0 months' must not be zero\n"
	  "x.ini:24: [rule:t] reduce_when: missing (reduce_to, reduce_after "
	  "and reduce_when go together)\n" },
	{ "not_set with timings",
	  HEAD "[rule:v]\nkind = visit\nnot_set = yes\nevery = 4 weeks\n"
	  "label = L\nsource = none\n",
	  "x.ini:7: [rule:v] every: a not_set rule sets no timescale\n" },
	{ "only_unheld on a one-off rule",
	  HEAD "[rule:a]\nkind = assessment\nanchor = referral\n"
	  "offset = 45 working days\nonly_unheld = yes\n" TAIL,
	  "x.ini:8: [rule:a] only_unheld: only for minutes, notice, "
	  "written-update and visit-record rules\n" },
	{ "booleans",
	  HEAD "[rule:v]\nkind = visit\nnot_set = maybe\nevery = 4 weeks\n"
	  TAIL,
	  "x.ini:6: [rule:v] not_set: 'maybe' is not yes or no\n" },
	{ "unknown plan type",
	  HEAD "[rule:r]\nkind = review\nevery = 6 weeks\n"
	  "plan_types = standard, step-down\n" TAIL,
	  "x.ini:7: [rule:r] plan_types: unknown plan type 'step-down'\n" },
	{ "areas without areas",
	  HEAD "[rule:r]\nkind = review\nevery = 6 weeks\nareas = north\n"
	  TAIL,
	  "x.ini:7: [rule:r] areas: the profile declares no areas\n" },
	{ "unknown area on a rule",
	  "[profile]\nauthority = A\ndocument = D\nareas = north south\n"
	  "[rule:r]\nkind = review\nevery = 6 weeks\nareas = north west\n"
	  TAIL,
	  "x.ini:8: [rule:r] areas: no area 'west' in [profile] areas\n" },
	{ "undeclared area section",
	  "[profile]\nauthority = A\ndocument = D\nareas = north\n"
	  "[area:south]\nname = South\n",
	  "x.ini:5: [area:south]: area 'south' is not in [profile] areas\n" },
	{ "bad area ids",
	  "[profile]\nauthority = A\ndocument = D\n"
	  "areas = north North north a/b\n",
	  "x.ini:4: [profile] areas: 'North' is not an area id (lower-case "
	  "letters, digits and '-')\n"
	  "x.ini:4: [profile] areas: 'north' listed twice\n"
	  "x.ini:4: [profile] areas: 'a/b' is not an area id (lower-case "
	  "letters, digits and '-')\n" },
	{ "seventeen areas",
	  "[profile]\nauthority = A\ndocument = D\n"
	  "areas = a b c d e f g h i j k l m n o p q\n",
	  "x.ini:4: [profile] areas: more than 16 areas\n" },
	{ "area_required without areas",
	  HEAD "area_required = yes\n",
	  "x.ini:4: [profile] area_required: no areas declared\n" },
	{ "area_required not a boolean",
	  HEAD "areas = n\narea_required = sometimes\n",
	  "x.ini:5: [profile] area_required: 'sometimes' is not yes or no\n" },
	{ "closures",
	  HEAD "closures = 2026-12-24 2026-02-30 24/12/2026, 2026-12-31\n",
	  "x.ini:4: [profile] closures: '2026-02-30' is not a valid date\n"
	  "x.ini:4: [profile] closures: '24/12/2026' is not a date in the "
	  "form YYYY-MM-DD\n" },
	{ "duplicate section",
	  HEAD RULE_A "[profile]\nextends = nowhere\n",
	  "x.ini:11: [profile]: duplicate section (first at line 1)\n"
	  "x.ini:12: [profile] extends: no profile 'nowhere'\n" },
	{ "duplicate rule, mixed case",
	  HEAD RULE_A "[RULE:A]\n",
	  "x.ini:11: [rule:a]: duplicate section (first at line 4)\n" },
	{ "duplicate key",
	  HEAD "authority = B\n",
	  "x.ini:4: [profile] authority: duplicate key (first at line 2)\n" },
	{ "empty value",
	  HEAD "[rule:a]\nkind = assessment\nanchor = referral\n"
	  "offset = 45 working days\nlabel =\nsource = \"\"\nquote = q\n",
	  "x.ini:8: [rule:a] label: empty value\n"
	  "x.ini:9: [rule:a] source: empty value\n" },
	{ "stray lines",
	  "authority = early\n" HEAD "just words\n[rule:a\n[]\n"
	  "[rule:a]x]\n[rule:my rule]\nkind = review\n= 3\n",
	  "x.ini:1: authority: key before any [section]\n"
	  "x.ini:5: [profile]: not a [section], key = value, or comment\n"
	  "x.ini:6: section header without a closing ']'\n"
	  "x.ini:7: []: empty section name\n"
	  "x.ini:8: text after the section header's ']'\n"
	  "x.ini:9: [rule:my rule]: a section name may hold only letters, "
	  "digits, '-', '_', '.' and ':'\n" },
	{ "empty rule id",
	  HEAD "[rule:]\nkind = review\nevery = 6 weeks\n" TAIL,
	  "x.ini:4: [rule:]: a rule needs an id: [rule:ID]\n" },
	{ "no key",
	  HEAD "= 3\n",
	  "x.ini:4: no key before '='\n" },
	{ "quotes",
	  HEAD "[rule:a]\nkind = assessment\nanchor = referral\n"
	  "offset = 45 working days\nlabel = \"Assessment\nsource = \"3.6\" "
	  "(para 2)\nquote = \"He said \"no\" twice\"\nnote = 'unclosed\n",
	  "x.ini:8: [rule:a] label: no closing double quote\n"
	  "x.ini:9: [rule:a] source: text after the closing quote (a quoted "
	  "value cannot hold its own quote mark)\n"
	  "x.ini:10: [rule:a] quote: text after the closing quote (a quoted "
	  "value cannot hold its own quote mark)\n"
	  "x.ini:11: [rule:a] note: no closing single quote\n" },
	{ "unquoted comment characters",
	  HEAD "[rule:a]\nkind = assessment\nanchor = referral\n"
	  "offset = 45 working days ; WT 2018\nlabel = Item #3\n"
	  "source = 1\nquote = q\n",
	  "x.ini:7: [rule:a] offset: ';' would end the value here: "
	  "double-quote the value\n"
	  "x.ini:8: [rule:a] label: '#' would end the value here: "
	  "double-quote the value\n" },
	{ "continued line",
	  HEAD "[rule:a]\nkind = assessment\nanchor = referral\n"
	  "offset = 45 working \\\ndays\n" TAIL,
	  "x.ini:4: [rule:a] offset: missing\n"
	  "x.ini:7: '\\' at the end of a line: continued lines are not "
	  "supported\n"
	  "x.ini:8: [rule:a]: not a [section], key = value, or comment\n" },
	{ "keys of a rejected section are dropped",
	  HEAD "[rule:a b]\nkind = nonsense\n" RULE_A,
	  "x.ini:4: [rule:a b]: a section name may hold only letters, "
	  "digits, '-', '_', '.' and ':'\n" },
	{ "ambiguous rules",
	  HEAD "[rule:r1]\nkind = review\nevery = 6 weeks\n" TAIL
	  "[rule:r2]\nkind = review\nevery = 4 weeks\n" TAIL,
	  "x.ini:10: [rule:r2]: both this and [rule:r1] (line 4) give the "
	  "review for plan type standard, equally specifically: narrow one "
	  "with plan_types or areas\n" },
	{ "ambiguous plan types",
	  HEAD "[rule:m1]\nkind = milestone\nname = end\nanchor = plan-start\n"
	  "offset = 6 months\nplan_types = standard transfer-in\n" TAIL
	  "[rule:m2]\nkind = milestone\nname = end\nanchor = plan-start\n"
	  "offset = 3 months\nplan_types = transfer-in\n" TAIL
	  "[rule:m3]\nkind = milestone\nname = other\nanchor = plan-start\n"
	  "offset = 3 months\n" TAIL,
	  "x.ini:13: [rule:m2]: both this and [rule:m1] (line 4) give the "
	  "milestone end for plan type transfer-in, equally specifically: "
	  "narrow one with plan_types or areas\n" },
	{ "ambiguous areas",
	  "[profile]\nauthority = A\ndocument = D\nareas = n s\n"
	  "[rule:r1]\nkind = review\nevery = 6 weeks\nareas = n\n" TAIL
	  "[rule:r2]\nkind = review\nevery = 4 weeks\n"
	  "plan_types = short-breaks\n" TAIL
	  "[rule:r3]\nkind = review\nevery = 4 weeks\nareas = s\n" TAIL,
	  "x.ini:12: [rule:r2]: both this and [rule:r1] (line 5) give the "
	  "review for plan type short-breaks in area n, equally "
	  "specifically: narrow one with plan_types or areas\n"
	  "x.ini:19: [rule:r3]: both this and [rule:r2] (line 12) give the "
	  "review for plan type short-breaks in area s, equally "
	  "specifically: narrow one with plan_types or areas\n" },
	{ "all problems, not the first",
	  HEAD "[rule:r]\nkind = review\nevery = 3 fortnights\n"
	  "earliest = 0 weeks\nplan_types = sometimes\n"
	  "label = L\nsource = 1\n",
	  "x.ini:4: [rule:r] quote: missing (or say not_set = yes)\n"
	  "x.ini:6: [rule:r] every: unknown unit 'fortnights'\n"
	  "x.ini:7: [rule:r] earliest: '0 weeks' must not be zero\n"
	  "x.ini:8: [rule:r] plan_types: unknown plan type 'sometimes'\n" },
};

static void
test_errors(void **state)
{
	struct diags	 ds = { 0 };
	struct profile	*p;
	char		*s;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		write_file("x.ini", bad[i].text);
		p = profile_load(&rp, "x", &ds);
		s = render(&ds);
		if (strcmp(s, bad[i].expect) != 0)
			fail_msg("%s:\ngot:\n%sexpected:\n%s", bad[i].name, s,
			    bad[i].expect);
		assert_null(p);
		assert_int_equal(ds.worst, DIAG_ERROR);
		free(s);
		diag_clear(&ds);
	}
}

/* Lines of the length iniparser can take, and one byte more. */
static void
test_long_line(void **state)
{
	struct diags	 ds = { 0 };
	struct profile	*p;
	char		*text, *s;
	size_t		 n;

	(void)state;
	n = strlen(HEAD);
	text = xmalloc(n + 1100 + 64);
	memcpy(text, HEAD, n);
	text[n] = ';';
	memset(text + n + 1, 'x', 1021);
	strcpy(text + n + 1022, "\n" RULE_A);
	write_file("x.ini", text);
	p = profile_load(&rp, "x", &ds);
	assert_non_null(p);
	assert_int_equal(ds.n, 0);
	profile_free(p);

	/* One more byte; and what follows is still checked. */
	memset(text + n + 1, 'x', 1022);
	strcpy(text + n + 1023, "\n" HEAD "[rule:r]\nkind = review\n"
	    "every = 2 fortnights\n" TAIL);
	write_file("x.ini", text);
	p = profile_load(&rp, "x", &ds);
	assert_null(p);
	s = render(&ds);
	assert_string_equal(s,
	    "x.ini:4: line too long (1023 bytes; at most 1022)\n"
	    "x.ini:5: [profile]: duplicate section (first at line 1)\n"
	    "x.ini:6: [profile] authority: duplicate key (first at line 2)\n"
	    "x.ini:7: [profile] document: duplicate key (first at line 3)\n"
	    "x.ini:10: [rule:r] every: unknown unit 'fortnights'\n");
	free(s);
	diag_clear(&ds);
	free(text);
}

static void
test_nul_byte(void **state)
{
	static const char text[] = HEAD "; a\0b\n" RULE_A "[rule:b\0]\n"
	    "kind = visit\n[rule:c]\nkind = visit\nevery = 1 fortnight\n"
	    TAIL;
	struct diags	 ds = { 0 };
	char		*s;

	(void)state;
	write_bytes("x.ini", text, sizeof(text) - 1);
	assert_null(profile_load(&rp, "x", &ds));
	s = render(&ds);
	assert_string_equal(s,
	    "x.ini:4: NUL byte in line\n"
	    "x.ini:12: NUL byte in line\n"
	    "x.ini:16: [rule:c] every: unknown unit 'fortnight'\n");
	free(s);
	diag_clear(&ds);
}

/* --- procedure versions and layers ------------------------------------------ */

static void
test_versions(void **state)
{
	struct diags	 ds = { 0 };
	struct profile	*p;
	const struct rule *r, *v;
	char		*s;

	(void)state;
	write_file("ver.ini",
	    "[profile]\n"
	    "authority = V\n"
	    "document = D\n"
	    "[rule:review]\n"				/* 4 */
	    "kind = review\n"
	    "every = 6 weeks\n"
	    "label = Review\n"
	    "source = 4.2\n"
	    "quote = \"reviewed 6 weekly\"\n"
	    "[rule:review:2027]\n"			/* 10 */
	    "from = 2027-04-01\n"
	    "every = 8 weeks\n"
	    "quote = \"reviewed 8 weekly\"\n");
	p = profile_load(&rp, "ver", &ds);
	s = render(&ds);
	assert_string_equal(s, "");
	free(s);
	assert_non_null(p);
	assert_int_equal(p->nrules, 1);
	r = &p->rules[0];
	assert_false(r->has_from);
	assert_false(r->has_until);
	assert_int_equal(r->nversions, 1);
	v = &r->versions[0];
	assert_string_equal(v->id, "review");
	assert_string_equal(v->tag, "2027");
	assert_true(v->has_from);
	assert_int_equal(v->from, ymd(2027, 4, 1));
	assert_false(v->has_until);
	assert_int_equal(v->line, 10);
	/* Its own keys, */
	assert_int_equal(v->nevery, 1);
	assert_int_equal(v->every[0].n, 8);
	assert_int_equal(v->every[0].unit, UNIT_WEEKS);
	assert_string_equal(v->quote, "reviewed 8 weekly");
	/* and the rule's for the rest. */
	assert_int_equal(v->kind, KIND_REVIEW);
	assert_string_equal(v->label, "Review");
	assert_string_equal(v->source, "4.2");
	/* The day a count starts decides. */
	assert_ptr_equal(rule_at(r, ymd(2027, 3, 31)), r);
	assert_ptr_equal(rule_at(r, ymd(2027, 4, 1)), v);
	assert_ptr_equal(rule_at(r, ymd(2040, 1, 1)), v);
	profile_free(p);
	diag_clear(&ds);
}

/* Which version is in force: windows with a gap, and an open end. */
static void
test_rule_at(void **state)
{
	struct rule	 v[2], r;
	static const struct {
		const char	*date;
		int		 which;		/* -1 none, 0 r, 1 v[0], 2 v[1] */
	} t[] = {
		{ "2025-12-31", -1 },	/* before r's from */
		{ "2026-01-01", 0 },
		{ "2027-03-31", 0 },	/* r's until */
		{ "2027-04-01", -1 },	/* the gap */
		{ "2027-04-30", -1 },
		{ "2027-05-01", 1 },
		{ "2027-12-31", 1 },	/* v[0]'s until */
		{ "2028-01-01", 2 },
		{ "2199-12-31", 2 },	/* v[1] has no until */
	};
	const struct rule *want, *got;
	const char	*why;
	size_t		 i;
	int		 d;

	(void)state;
	memset(&r, 0, sizeof(r));
	memset(v, 0, sizeof(v));
	r.has_from = r.has_until = 1;
	r.from = ymd(2026, 1, 1);
	r.until = ymd(2027, 3, 31);
	v[0].has_from = v[0].has_until = 1;
	v[0].from = ymd(2027, 5, 1);
	v[0].until = ymd(2027, 12, 31);
	v[1].has_from = 1;
	v[1].from = ymd(2028, 1, 1);
	r.versions = v;
	r.nversions = 2;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		assert_int_equal(date_parse_str(t[i].date, &d, &why), 0);
		want = t[i].which == -1 ? NULL : t[i].which == 0 ? &r :
		    &v[t[i].which - 1];
		got = rule_at(&r, d);
		if (got != want)
			fail_msg("%s: wanted %d", t[i].date, t[i].which);
	}
	/* A rule built by hand, with no dates, is always in force. */
	memset(&r, 0, sizeof(r));
	assert_ptr_equal(rule_at(&r, ymd(1970, 1, 1)), &r);
}

static void
test_version_errors(void **state)
{
	static const char head[] =
	    "[profile]\nauthority = A\ndocument = D\n"
	    "[rule:review]\nkind = review\nevery = 6 weeks\nlabel = R\n"
	    "source = s\nquote = q\n";			/* ends at line 9 */
	static const struct {
		const char	*tail;
		const char	*expect;
	} t[] = {
		{ "[rule:review:b]\nevery = 8 weeks\n",
		  "x.ini:10: [rule:review:b] from: missing (a version is in "
		  "force from a date)\n" },
		{ "[rule:review:b]\nfrom = 2027-04-01\nkind = visit\n",
		  "x.ini:12: [rule:review:b] kind: a version cannot change "
		  "kind (give a new [rule:ID] instead)\n" },
		{ "[rule:reveiw:b]\nfrom = 2027-04-01\n",
		  "x.ini:10: [rule:reveiw:b]: no [rule:reveiw] in this "
		  "profile or the one it extends to be a version of\n" },
		{ "[rule:review:b]\nfrom = 2027-02-30\n",
		  "x.ini:11: [rule:review:b] from: '2027-02-30' is not a "
		  "valid date\n" },
		{ "[rule:review:b]\nfrom = 2027-04-01\nuntil = 2027-03-01\n",
		  "x.ini:12: [rule:review:b] until: 2027-03-01 is before from "
		  "2027-04-01\n" },
		{ "[rule:review:b]\nfrom = 2027-04-01\n"
		  "[rule:review:c]\nfrom = 2027-04-01\n",
		  "x.ini:12: [rule:review:c] from: 2027-04-01 is not after "
		  "the from of [rule:review:b], 2027-04-01\n" },
		{ "[rule:review:b]\nfrom = 2027-04-01\nuntil = 2027-06-30\n"
		  "[rule:review:c]\nfrom = 2027-06-01\n",
		  "x.ini:13: [rule:review:c] from: 2027-06-01 is not after "
		  "the until of [rule:review:b], 2027-06-30\n" },
		{ "[rule:review:x_y]\nfrom = 2027-04-01\n",
		  "x.ini:10: [rule:review:x_y]: 'x_y' is not a version tag "
		  "(lower-case letters, digits and '-': [rule:ID:TAG])\n" },
	};
	struct diags	 ds = { 0 };
	char		*text, *s;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		text = xasprintf("%s%s", head, t[i].tail);
		write_file("x.ini", text);
		free(text);
		assert_null(profile_load(&rp, "x", &ds));
		s = render(&ds);
		assert_string_equal(s, t[i].expect);
		free(s);
		diag_clear(&ds);
	}
}

/*
 * Two layers, "up" over "low": the upper town.ini extends town, so finds
 * the lower one, changes one rule, adds a version to another, and keeps
 * the authority, the document and the rest.
 */
static void
test_layers(void **state)
{
	struct rpath	 lrp;
	struct diags	 ds = { 0 };
	struct profile	*p;
	const struct rule *r;
	char		*s, *up, *low;

	(void)state;
	up = xasprintf("%s/up", dir);
	low = xasprintf("%s/low", dir);
	assert_int_equal(mkdir(up, 0700), 0);
	assert_int_equal(mkdir(low, 0700), 0);
	write_file("low/town.ini",
	    "[profile]\n"
	    "authority = Town Council\n"
	    "document = Town protocol\n"
	    "[rule:review]\n"				/* 4 */
	    "kind = review\n"
	    "every = 6 weeks\n"
	    "label = Review\n"
	    "source = 4.2\n"
	    "quote = q\n"
	    "[rule:visit]\n"				/* 10 */
	    "kind = visit\n"
	    "every = 4 weeks\n"
	    "label = Visit\n"
	    "source = 4.3\n"
	    "quote = q\n");
	write_file("up/town.ini",
	    "[profile]\n"
	    "extends = town\n"
	    "[rule:visit]\n"				/* 3 */
	    "kind = visit\n"
	    "every = 3 weeks\n"
	    "label = Visit\n"
	    "source = 4.3 (2027)\n"
	    "quote = q\n"
	    "[rule:review:2027]\n"			/* 9 */
	    "from = 2027-04-01\n"
	    "every = 8 weeks\n");
	memset(&lrp, 0, sizeof(lrp));
	lrp.dirs[0] = up;
	lrp.layers[0] = "system";
	lrp.dirs[1] = low;
	lrp.layers[1] = "package";
	lrp.ndirs = 2;

	p = profile_load(&lrp, "town", &ds);
	s = render(&ds);
	assert_string_equal(s, "");
	free(s);
	assert_non_null(p);
	assert_string_equal(p->authority, "Town Council");
	assert_string_equal(p->document, "Town protocol");
	assert_string_equal(p->extends, "town");
	assert_string_equal(p->layer, "system");
	assert_int_equal(p->nrules, 2);
	/* Inherited, with a version added in the upper layer. */
	r = &p->rules[0];
	assert_string_equal(r->id, "review");
	assert_string_equal(r->layer, "package");
	assert_int_equal(r->line, 4);
	assert_null(r->replaces);
	assert_int_equal(r->nversions, 1);
	assert_string_equal(r->versions[0].layer, "system");
	assert_int_equal(r->versions[0].line, 9);
	assert_int_equal(r->versions[0].every[0].n, 8);
	/* Replaced in the upper layer. */
	r = &p->rules[1];
	assert_string_equal(r->id, "visit");
	assert_string_equal(r->layer, "system");
	assert_int_equal(r->every[0].n, 3);
	s = xasprintf("%s/town.ini:10 (package layer)", low);
	assert_string_equal(r->replaces, s);
	free(s);
	profile_free(p);

	/* Checked by its path, the upper file still finds the lower. */
	s = xasprintf("%s/town.ini", up);
	p = profile_load_file(&lrp, s, &ds);
	free(s);
	assert_non_null(p);
	assert_string_equal(p->layer, "system");
	assert_string_equal(p->rules[1].replaces + strlen(low),
	    "/town.ini:10 (package layer)");
	profile_free(p);
	diag_clear(&ds);

	s = xasprintf("%s/town.ini", up);
	unlink(s);
	free(s);
	s = xasprintf("%s/town.ini", low);
	unlink(s);
	free(s);
	rmdir(up);
	rmdir(low);
	rpath_free(&lrp);
}

/*
 * profile check's comparison of figures and quotes: digits, words, hyphens,
 * other units; warnings only, each naming the figure.
 */
static void
test_quote_figures(void **state)
{
	struct diags	 ds = { 0 };
	struct profile	*p;
	char		*s;

	(void)state;
	write_file("fig.ini",
	    "[profile]\nauthority = F\ndocument = D\n"
	    "[rule:a]\nkind = assessment\nanchor = referral\n"	/* 4 */
	    "offset = 45 working days\nlabel = A\nsource = 1\n"
	    "quote = \"within forty-five working days\"\n"	/* 10 */
	    "[rule:r]\nkind = review\nevery = 6 weeks\n"	/* 11 */
	    "label = R\nsource = 2\nquote = \"6-weekly\"\n"	/* 16 */
	    "[rule:v]\nkind = visit\nevery = 14 days\n"		/* 17 */
	    "label = V\nsource = 3\nquote = \"fortnightly\"\n"	/* 22 */
	    "[rule:m]\nkind = minutes\nanchor = meeting\n"	/* 23 */
	    "offset = 3 days\nlabel = M\nsource = 4\n"
	    "quote = \"within 72 hours\"\n"			/* 29 */
	    "[rule:n]\nkind = notice\nanchor = review\n"	/* 30 */
	    "offset = -10 working days\nlabel = N\nsource = 5\n"
	    "quote = \"at least ten working days\"\n"		/* 36 */
	    "[rule:f]\nkind = first-meeting\nanchor = assessment\n"
	    "offset = 15 working days\nlabel = F\nsource = 6\n"
	    "quote = \"within 10 working days, or five more\"\n" /* 43 */
	    "[rule:u]\nkind = written-update\nanchor = meeting\n"
	    "offset = -2 working days\nlabel = U\nsource = 7\n"
	    "quote = \"in twenty-two days\"\n");		/* 50 */
	s = xasprintf("%s/fig.ini", dir);
	p = profile_load_file(&rp, s, &ds);
	free(s);
	assert_non_null(p);
	s = render(&ds);
	/*
	 * 45 as "forty-five", 6 as "6-weekly", 14 days as a fortnight (2
	 * weeks), 3 days as "72 hours", 10 as "ten": no warning.  15 is not
	 * "10" nor "five"; 2 is not the 2 of "twenty-two".
	 */
	assert_string_equal(s,
	    "fig.ini:43: warning: [rule:f] quote: offset = 15 working days, "
	    "but the quote does not say 15\n"
	    "fig.ini:50: warning: [rule:u] quote: offset = -2 working days, "
	    "but the quote does not say 2\n");
	free(s);
	profile_free(p);
	diag_clear(&ds);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_span_parse),
		cmocka_unit_test(test_span_format),
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_label_default),
		cmocka_unit_test(test_extends),
		cmocka_unit_test(test_extends_areas),
		cmocka_unit_test(test_extends_errors),
		cmocka_unit_test(test_versions),
		cmocka_unit_test(test_rule_at),
		cmocka_unit_test(test_version_errors),
		cmocka_unit_test(test_layers),
		cmocka_unit_test(test_quote_figures),
		cmocka_unit_test(test_unknown_id),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_long_line),
		cmocka_unit_test(test_nul_byte),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
