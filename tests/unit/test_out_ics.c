/*
 * test_out_ics.c: the iCalendar writer.
 *
 * Each test writes a hand-built profile and schedule through out_begin(),
 * out_case() and out_end() to a file, checks the raw octets (CRLF, lines
 * of at most 75 octets, valid UTF-8), and parses the file back with
 * libical to check event by event.  Expected values are worked out by
 * hand: DTEND is the day after DTSTART, UIDs follow the documented form.
 */
#include <sys/stat.h>

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <libical/ical.h>

#include "date.h"
#include "out.h"
#include "profile.h"
#include "sched.h"

/* --- a small Torbay-like profile -------------------------------------- */

enum { R_ASSESS, R_FIRST, R_REVIEW, R_VISIT, R_NOTICE, R_MGR, R_WINDOW,
    R_COUNT };

static struct rule rules[R_COUNT] = {
	[R_ASSESS] = { .id = "assessment", .kind = KIND_ASSESSMENT,
	    .anchor = ANCHOR_REFERRAL, .offset = { 45, UNIT_WORKDAYS },
	    .label = "Single assessment completed", .source = "1.2",
	    .quote = "The Single assessment should be completed within 20 "
	    "or 45 working days from the referral.",
	    .note = "45 working days is the limit; 20 is a target.",
	    .file = "rules/torbay.ini" },
	[R_FIRST] = { .id = "first-meeting", .kind = KIND_FIRST_MEETING,
	    .anchor = ANCHOR_ASSESSMENT, .offset = { 10, UNIT_WORKDAYS },
	    .label = "Initial Child in Need meeting", .source = "3.6",
	    .quote = "The first meeting should be held within 10 working "
	    "days from the completion of the Single assessment.",
	    .file = "rules/torbay.ini" },
	[R_REVIEW] = { .id = "review", .kind = KIND_REVIEW,
	    .every = { { 6, UNIT_WEEKS } }, .nevery = 1, .has_reduce = 1,
	    .reduce_to = { 3, UNIT_MONTHS }, .reduce_after = { 6, UNIT_MONTHS },
	    .reduce_when = FACT_MANAGER_AGREED,
	    .label = "Child in Need review", .source = "4.2",
	    .quote = "The plan must be reviewed 6 weekly for the first 6 "
	    "months.", .file = "rules/torbay.ini" },
	[R_VISIT] = { .id = "visit", .kind = KIND_VISIT,
	    .every = { { 4, UNIT_WEEKS } }, .nevery = 1,
	    .label = "Social worker visit", .source = "4.3",
	    .quote = "the social worker will visit at a minimum of 4 weekly",
	    .file = "rules/torbay.ini" },
	[R_NOTICE] = { .id = "notice", .kind = KIND_NOTICE,
	    .anchor = ANCHOR_REVIEW, .offset = { -10, UNIT_WORKDAYS },
	    .label = "Latest date to give notice of the review",
	    .source = "4.2", .quote = "at least 10 working days' notice",
	    .file = "rules/torbay.ini" },
	[R_MGR] = { .id = "manager-review", .kind = KIND_MILESTONE,
	    .name = "manager-review", .anchor = ANCHOR_PLAN_START,
	    .offset = { 3, UNIT_MONTHS },
	    .label = "Team manager attends the 3-month review",
	    .source = "4.2", .quote = "A Team manager should attend",
	    .file = "rules/torbay.ini" },
	[R_WINDOW] = { .id = "review-window", .kind = KIND_REVIEW,
	    .every = { { 8, UNIT_WEEKS } }, .nevery = 1, .has_earliest = 1,
	    .earliest = { 6, UNIT_WEEKS }, .label = "Child in Need review",
	    .source = "Working Together 2018",
	    .quote = "no earlier than 6 weeks", .file = "rules/england.ini" },
};

static struct profile torbay = {
	.id = "torbay", .authority = "Torbay Council",
	.document = "Protocol for Multi Agency Child in Need Planning",
	.file = "rules/torbay.ini", .rules = rules, .nrules = R_COUNT,
};

static struct profile berks = {
	.id = "berkshire-west",
	.authority = "Reading, West Berkshire and Wokingham",
	.document = "Child in Need Meeting and Plan",
	.file = "rules/berkshire-west.ini",
	.areas = { { "reading", "Reading" }, { "wokingham", "Wokingham" },
	    { "west-berkshire", "West Berkshire" } },
	.nareas = 3, .area_required = 1, .rules = rules, .nrules = R_COUNT,
};

/* --- schedules built from tables -------------------------------------- */

struct row {
	enum kind	 kind;
	unsigned	 seq;
	const char	*due;
	const char	*earliest;	/* NULL: none */
	const char	*held;		/* NULL: not held */
	int		 projected;
	enum status	 status;
	int		 rule;
};

/* Dates as the Torbay worked example in timescales.md gives them. */
static const struct row base_rows[] = {
	{ KIND_ASSESSMENT, 1, "2026-12-14", NULL, "2026-12-11", 0, ST_DONE,
	    R_ASSESS },
	{ KIND_FIRST_MEETING, 1, "2026-12-29", NULL, NULL, 1, ST_UPCOMING,
	    R_FIRST },
	{ KIND_VISIT, 1, "2027-01-26", NULL, NULL, 1, ST_UPCOMING, R_VISIT },
	{ KIND_NOTICE, 1, "2027-01-26", NULL, NULL, 1, ST_UPCOMING,
	    R_NOTICE },
	{ KIND_REVIEW, 1, "2027-02-09", NULL, NULL, 1, ST_UPCOMING,
	    R_REVIEW },
	{ KIND_REVIEW, 2, "2027-03-23", NULL, NULL, 1, ST_UPCOMING,
	    R_REVIEW },
	{ KIND_MILESTONE, 0, "2027-03-29", NULL, NULL, 1, ST_UPCOMING, R_MGR },
};
#define NBASE	(sizeof(base_rows) / sizeof(base_rows[0]))

static int
day(const char *s)
{
	const char	*why;
	int		 d = DATE_NONE;

	if (s == NULL)
		return DATE_NONE;
	assert_int_equal(date_parse_str(s, &d, &why), 0);
	return d;
}

static void
fill(struct schedule *s, struct item *items, const struct row *r, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		items[i].kind = r[i].kind;
		items[i].seq = r[i].seq;
		/* seq 0 is "the next after the last recorded" here. */
		items[i].after = r[i].seq == 0 ? 1 : 0;
		items[i].due = day(r[i].due);
		items[i].earliest = day(r[i].earliest);
		items[i].held = day(r[i].held);
		items[i].projected = r[i].projected;
		items[i].status = r[i].status;
		items[i].rule = &rules[r[i].rule];
	}
	memset(s, 0, sizeof(*s));
	s->items = items;
	s->n = s->cap = n;
}

static void
opts_init(struct out_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->as_of = day("2026-11-22");
	o->until = day("2027-03-31");
	o->alarm_days = -1;
	o->dtstamp = 1795305600LL;	/* 2026-11-22T00:00:00Z */
}

static void
case_init(struct out_case *c, const char *id, const struct schedule *s)
{
	memset(c, 0, sizeof(*c));
	c->case_id = id;
	c->profile = &torbay;
	c->area = -1;
	c->plan_type = PLAN_STANDARD;
	c->s = s;
}

/* --- writing and reading back ----------------------------------------- */

static char	 tmpdir[200];

static int
setup_dir(void **state)
{
	const char	*t;

	if ((t = getenv("TMPDIR")) == NULL || *t == '\0')
		t = "/tmp";
	snprintf(tmpdir, sizeof(tmpdir), "%s/test_out_ics.XXXXXX", t);
	return mkdtemp(tmpdir) == NULL ? -1 : 0;
}

static int
teardown_dir(void **state)
{
	char	 cmd[256];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

static char *
tpath(const char *name)
{
	static char	 buf[4][256];
	static int	 k;

	k = (k + 1) % 4;
	snprintf(buf[k], sizeof(buf[k]), "%s/%s", tmpdir, name);
	return buf[k];
}

static char *
slurp(const char *path, size_t *lenp)
{
	FILE	*f;
	char	*s;
	long	 n;

	f = fopen(path, "rb");
	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	assert_true(n >= 0);
	rewind(f);
	s = malloc((size_t)n + 1);
	assert_non_null(s);
	assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
	s[n] = '\0';
	fclose(f);
	if (lenp != NULL)
		*lenp = (size_t)n;
	return s;
}

/* Independent of the writer's own check: decode and range-test. */
static int
valid_utf8(const unsigned char *p, size_t len)
{
	size_t		 i, k, n;
	uint32_t	 cp;

	for (i = 0; i < len; i += n) {
		if (p[i] < 0x80) {
			n = 1;
			continue;
		} else if ((p[i] & 0xe0) == 0xc0) {
			n = 2;
			cp = p[i] & 0x1f;
		} else if ((p[i] & 0xf0) == 0xe0) {
			n = 3;
			cp = p[i] & 0x0f;
		} else if ((p[i] & 0xf8) == 0xf0) {
			n = 4;
			cp = p[i] & 0x07;
		} else
			return 0;
		if (i + n > len)
			return 0;
		for (k = 1; k < n; k++) {
			if ((p[i + k] & 0xc0) != 0x80)
				return 0;
			cp = cp << 6 | (p[i + k] & 0x3f);
		}
		if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) ||
		    (n == 4 && cp < 0x10000) || cp > 0x10ffff ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
	}
	return 1;
}

/* Every line ends CR LF, has no other CR, LF or control octet, <= 75. */
static void
check_octets(const char *s, size_t len)
{
	size_t	 i, start;

	assert_true(valid_utf8((const unsigned char *)s, len));
	for (start = i = 0; i < len; i++) {
		if (s[i] == '\r') {
			assert_true(i + 1 < len);
			assert_int_equal(s[i + 1], '\n');
			if (i - start > 75)
				fail_msg("line of %zu octets: %.*s", i - start,
				    (int)(i - start), s + start);
			i++;
			start = i + 1;
		} else {
			assert_int_not_equal(s[i], '\n');
			if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
				fail_msg("control octet 0x%02x at %zu",
				    (unsigned char)s[i], i);
		}
	}
	assert_int_equal(start, len);	/* ends with a line break */
	assert_true(len >= 15);
	assert_string_equal(s + len - 15, "END:VCALENDAR\r\n");
}

/*
 * Write cases[0..n) to path with o, check the octets, and parse the file:
 * the caller frees the component.  raw, if not NULL, gets the text.
 */
static icalcomponent *
run(const struct out_opts *o, const struct out_case *cases, size_t n,
    const char *path, char **raw)
{
	struct out_writer	*w;
	icalcomponent		*cal;
	FILE			*f;
	char			 err[256], *s;
	size_t			 i, len;

	f = fopen(path, "wb");
	assert_non_null(f);
	err[0] = '\0';
	w = out_begin(FMT_ICS, f, o, err, sizeof(err));
	if (w == NULL)
		fail_msg("out_begin: %s", err);
	for (i = 0; i < n; i++)
		if (out_case(w, &cases[i], err, sizeof(err)) != 0)
			fail_msg("out_case: %s", err);
	if (out_end(w, err, sizeof(err)) != 0)
		fail_msg("out_end: %s", err);
	assert_int_equal(fclose(f), 0);

	s = slurp(path, &len);
	check_octets(s, len);
	cal = icalparser_parse_string(s);
	assert_non_null(cal);
	assert_int_equal(icalcomponent_isa(cal), ICAL_VCALENDAR_COMPONENT);
	if (raw != NULL)
		*raw = s;
	else
		free(s);
	return cal;
}

/* s with every line fold (CR LF and one space or tab) taken out. */
static char *
unfold(const char *s)
{
	char	*u, *o;

	o = u = strdup(s);
	assert_non_null(u);
	while (*s != '\0')
		if (s[0] == '\r' && s[1] == '\n' && (s[2] == ' ' || s[2] == '\t'))
			s += 3;
		else
			*o++ = *s++;
	*o = '\0';
	return u;
}

static size_t
count_events(icalcomponent *cal)
{
	return (size_t)icalcomponent_count_components(cal,
	    ICAL_VEVENT_COMPONENT);
}

/* The nth VEVENT (0-based). */
static icalcomponent *
event(icalcomponent *cal, size_t n)
{
	icalcomponent	*e;

	for (e = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	    e != NULL && n > 0; n--)
		e = icalcomponent_get_next_component(cal,
		    ICAL_VEVENT_COMPONENT);
	assert_non_null(e);
	return e;
}

static const char *
xprop(icalcomponent *c, const char *name)
{
	icalproperty	*p;

	for (p = icalcomponent_get_first_property(c, ICAL_X_PROPERTY);
	    p != NULL; p = icalcomponent_get_next_property(c, ICAL_X_PROPERTY))
		if (strcmp(icalproperty_get_x_name(p), name) == 0)
			return icalproperty_get_value_as_string(p);
	return NULL;
}

static void
assert_date(struct icaltimetype t, const char *iso)
{
	char	 buf[16];

	assert_true(t.is_date);
	snprintf(buf, sizeof(buf), "%04d-%02d-%02d", t.year, t.month, t.day);
	assert_string_equal(buf, iso);
}

/* "review,cinplan": the categories of e in order, comma-joined. */
static void
categories(icalcomponent *e, char *buf, size_t sz)
{
	icalproperty	*p;
	size_t		 len;

	buf[0] = '\0';
	for (p = icalcomponent_get_first_property(e, ICAL_CATEGORIES_PROPERTY);
	    p != NULL; p = icalcomponent_get_next_property(e,
	    ICAL_CATEGORIES_PROPERTY)) {
		len = strlen(buf);
		snprintf(buf + len, sz - len, "%s%s", len ? "," : "",
		    icalproperty_get_categories(p));
	}
}

static int
seq_of(icalcomponent *e)
{
	icalproperty	*p;

	p = icalcomponent_get_first_property(e, ICAL_SEQUENCE_PROPERTY);
	assert_non_null(p);
	return icalproperty_get_sequence(p);
}

/* --- tests ------------------------------------------------------------ */

static void
test_calendar(void **state)
{
	struct out_opts	 o;
	icalcomponent	*cal;
	icalproperty	*p;
	char		*raw;

	opts_init(&o);
	cal = run(&o, NULL, 0, tpath("empty.ics"), &raw);
	assert_int_equal(count_events(cal), 0);
	p = icalcomponent_get_first_property(cal, ICAL_PRODID_PROPERTY);
	assert_string_equal(icalproperty_get_prodid(p),
	    "-//cinplan//cinplan " CINPLAN_VERSION "//EN");
	p = icalcomponent_get_first_property(cal, ICAL_VERSION_PROPERTY);
	assert_string_equal(icalproperty_get_version(p), "2.0");
	p = icalcomponent_get_first_property(cal, ICAL_CALSCALE_PROPERTY);
	assert_string_equal(icalproperty_get_calscale(p), "GREGORIAN");
	p = icalcomponent_get_first_property(cal, ICAL_METHOD_PROPERTY);
	assert_int_equal(icalproperty_get_method(p), ICAL_METHOD_PUBLISH);
	assert_string_equal(xprop(cal, "X-WR-CALNAME"), "cinplan deadlines");
	assert_non_null(strstr(xprop(cal, "X-WR-CALDESC"), "2026-11-22"));
	assert_true(strncmp(raw, "BEGIN:VCALENDAR\r\n", 17) == 0);
	free(raw);
	icalcomponent_free(cal);

	/* X-WR-* are read raw by some clients: nothing that needs escaping. */
	o.calname = "Team 3, north; \\ Zo\xc3\xab\r\nX-EVIL:1";
	cal = run(&o, NULL, 0, tpath("named.ics"), &raw);
	assert_string_equal(xprop(cal, "X-WR-CALNAME"),
	    "Team 3  north    Zo\xc3\xab X-EVIL:1");
	assert_null(strstr(raw, "\r\nX-EVIL"));
	free(raw);
	icalcomponent_free(cal);
}

struct want {
	const char	*dtstart, *dtend;
	const char	*summary;
	const char	*uid;
	const char	*categories;
};

static void
test_events(void **state)
{
	static const struct want want[NBASE] = {
		/* Held on Fri 11 Dec: shown that day, not on its due date. */
		{ "2026-12-11", "2026-12-12",
		    "ABC123: Single assessment completed (Torbay)",
		    "ABC123.torbay.assessment.1@cinplan",
		    "assessment,cinplan" },
		{ "2026-12-29", "2026-12-30",
		    "ABC123: Initial Child in Need meeting (Torbay) "
		    "(provisional)",
		    "ABC123.torbay.first-meeting.1@cinplan",
		    "first-meeting,cinplan" },
		{ "2027-01-26", "2027-01-27",
		    "ABC123: Social worker visit 1 (Torbay) (provisional)",
		    "ABC123.torbay.visit.1@cinplan", "visit,cinplan" },
		{ "2027-01-26", "2027-01-27",
		    "ABC123: Latest date to give notice of the review "
		    "(review 1) (Torbay) (provisional)",
		    "ABC123.torbay.notice.1@cinplan",
		    "notice,cinplan" },
		{ "2027-02-09", "2027-02-10",
		    "ABC123: Child in Need review 1 (Torbay) (provisional)",
		    "ABC123.torbay.review.1@cinplan", "review,cinplan" },
		{ "2027-03-23", "2027-03-24",
		    "ABC123: Child in Need review 2 (Torbay) (provisional)",
		    "ABC123.torbay.review.2@cinplan", "review,cinplan" },
		{ "2027-03-29", "2027-03-30",
		    "ABC123: Team manager attends the 3-month review (Torbay) "
		    "(provisional)",
		    "ABC123.torbay.milestone.manager-review@cinplan",
		    "milestone,cinplan" },
	};
	struct item		 items[NBASE];
	struct schedule		 s;
	struct out_opts		 o;
	struct out_case		 c;
	icalcomponent		*cal, *e;
	icalproperty		*p;
	struct icaltimetype	 t;
	char			 buf[256];
	const char		*d;
	size_t			 i;

	fill(&s, items, base_rows, NBASE);
	opts_init(&o);
	case_init(&c, "ABC123", &s);
	cal = run(&o, &c, 1, tpath("events.ics"), NULL);
	assert_int_equal(count_events(cal), NBASE);
	for (i = 0; i < NBASE; i++) {
		e = event(cal, i);
		assert_date(icalcomponent_get_dtstart(e), want[i].dtstart);
		assert_date(icalcomponent_get_dtend(e), want[i].dtend);
		assert_string_equal(icalcomponent_get_summary(e),
		    want[i].summary);
		assert_string_equal(icalcomponent_get_uid(e), want[i].uid);
		categories(e, buf, sizeof(buf));
		assert_string_equal(buf, want[i].categories);
		p = icalcomponent_get_first_property(e, ICAL_TRANSP_PROPERTY);
		assert_non_null(p);
		assert_int_equal(icalproperty_get_transp(p),
		    ICAL_TRANSP_TRANSPARENT);
		/* Projected dates are tentative. */
		assert_int_equal(icalcomponent_get_status(e),
		    base_rows[i].projected ? ICAL_STATUS_TENTATIVE :
		    ICAL_STATUS_CONFIRMED);
		t = icalcomponent_get_dtstamp(e);
		assert_false(t.is_date);
		assert_true(icaltime_is_utc(t));
		assert_int_equal(t.year, 2026);
		assert_int_equal(t.month, 11);
		assert_int_equal(t.day, 22);
		assert_int_equal(t.hour + t.minute + t.second, 0);
		assert_int_equal(seq_of(e), 0);
		assert_null(icalcomponent_get_first_component(e,
		    ICAL_VALARM_COMPONENT));
		assert_null(icalcomponent_get_first_property(e,
		    ICAL_ATTENDEE_PROPERTY));
	}

	/* The description explains the date. */
	d = icalcomponent_get_description(event(cal, 0));
	assert_true(strncmp(d, "Single assessment completed: held Fri "
	    "2026-12-11, on time (due Mon 2026-12-14).\nStatus as of "
	    "2026-11-22: done.\nRule: ", 117) == 0);
	assert_non_null(strstr(d, "Rule: due 45 working days after the "
	    "referral."));
	assert_non_null(strstr(d, "Source: Protocol for Multi Agency Child "
	    "in Need Planning, section 1.2\nWords: \"The Single assessment "
	    "should "
	    "be completed within 20 or 45 working days from the referral.\""));
	assert_non_null(strstr(d, "\nHow cinplan reads it: 45 working days "
	    "is the limit; 20 is a target."));
	assert_null(strstr(d, "Provisional"));
	assert_non_null(strstr(d, "\nCase: ABC123\nProfile: torbay, plan type "
	    "standard"));
	assert_null(strstr(d, "Worker"));
	d = icalcomponent_get_description(event(cal, 3));
	assert_non_null(strstr(d, "Rule: due 10 working days before each "
	    "review."));
	d = icalcomponent_get_description(event(cal, 5));
	assert_non_null(strstr(d, "Child in Need review 2: due Tue "
	    "2027-03-23."));
	assert_non_null(strstr(d, "Rule: due every 6 weeks after the previous "
	    "meeting"));
	assert_non_null(strstr(d, "every 3 months once the plan has run 6 "
	    "months, if the case records the manager's agreement"));
	assert_non_null(strstr(d, "\nStatus as of 2026-11-22: upcoming.\n"
	    "Provisional: counted from a date not recorded yet"));
	d = icalcomponent_get_description(event(cal, 6));
	assert_non_null(strstr(d, "Rule: marks 3 months after the plan start"));
	icalcomponent_free(cal);
}

/* Month, year and leap-day ends; windows; areas; no case id; seq 0. */
static void
test_edges(void **state)
{
	static const struct row rows[] = {
		{ KIND_REVIEW, 1, "2026-12-31", "2026-12-17", NULL, 0,
		    ST_OVERDUE, R_WINDOW },
		{ KIND_VISIT, 0, "2028-02-28", NULL, NULL, 0, ST_DUE_SOON,
		    R_VISIT },
		{ KIND_REVIEW, 2, "2028-02-29", NULL, "2028-03-02", 0,
		    ST_LATE, R_REVIEW },
		{ KIND_MILESTONE, 0, "2199-12-31", NULL, NULL, 1,
		    ST_UPCOMING, R_MGR },
	};
	/* Review 2, held late on Thu 2 March 2028, is shown that day. */
	static const char *const dtstart[] = {
		"2026-12-31", "2028-02-28", "2028-03-02", "2199-12-31"
	};
	static const char *const dtend[] = {
		"2027-01-01", "2028-02-29", "2028-03-03", "2200-01-01"
	};
	static const char *const uid[] = {
		"case.berkshire-west.review.1@cinplan",
		"case.berkshire-west.visit.next@cinplan",
		"case.berkshire-west.review.2@cinplan",
		"case.berkshire-west.milestone.manager-review@cinplan",
	};
	static const char *const summary[] = {
		"Child in Need review 1 (Reading)",
		"Social worker visit (next) (Reading)",
		"Child in Need review 2 (Reading)",
		("Team manager attends the 3-month review (Reading) "
		    "(provisional)"),
	};
	struct item	 items[4];
	struct schedule	 s;
	struct out_opts	 o;
	struct out_case	 c;
	icalcomponent	*cal, *e;
	const char	*d;
	size_t		 i;

	fill(&s, items, rows, 4);
	opts_init(&o);
	case_init(&c, NULL, &s);
	c.profile = &berks;
	c.area = 0;
	c.plan_type = PLAN_SUPERVISION_ORDER;
	c.worker = "";
	cal = run(&o, &c, 1, tpath("edges.ics"), NULL);
	assert_int_equal(count_events(cal), 4);
	for (i = 0; i < 4; i++) {
		e = event(cal, i);
		assert_date(icalcomponent_get_dtstart(e), dtstart[i]);
		assert_date(icalcomponent_get_dtend(e), dtend[i]);
		assert_string_equal(icalcomponent_get_uid(e), uid[i]);
		assert_string_equal(icalcomponent_get_summary(e), summary[i]);
	}
	d = icalcomponent_get_description(event(cal, 0));
	assert_non_null(strstr(d, "Window: from Thu 2026-12-17, "
	    "no later than 2026-12-31."));
	assert_non_null(strstr(d, "Rule: due from 6 weeks and no "
	    "later than 8 weeks after the previous meeting"));
	/* An inherited rule does not claim the profile's document. */
	assert_non_null(strstr(d, "Source: Working Together 2018\nWords: \""));
	assert_non_null(strstr(d, "Case: (no reference)\nProfile: "
	    "berkshire-west, area reading, plan type supervision-order"));
	assert_non_null(strstr(d, "\nStatus as of 2026-11-22: overdue.\n"));
	assert_null(strstr(d, "Worker"));
	d = icalcomponent_get_description(event(cal, 2));
	assert_true(strncmp(d, "Child in Need review 2: held Thu 2028-03-02, "
	    "late (due Tue 2028-02-29).\n", 72) == 0);
	icalcomponent_free(cal);

	/* An empty reference is no reference. */
	c.case_id = "";
	cal = run(&o, &c, 1, tpath("edges2.ics"), NULL);
	for (i = 0; i < 4; i++) {
		e = event(cal, i);
		assert_string_equal(icalcomponent_get_uid(e), uid[i]);
		assert_string_equal(icalcomponent_get_summary(e), summary[i]);
	}
	icalcomponent_free(cal);
}

/* Every UID differs across cases and kinds; none holds a date. */
static void
test_uid_unique(void **state)
{
	struct item	 items[NBASE];
	struct schedule	 s;
	struct out_opts	 o;
	struct out_case	 c[4];
	icalcomponent	*cal;
	const char	*u[4 * NBASE];
	size_t		 i, j, n;

	fill(&s, items, base_rows, NBASE);
	opts_init(&o);
	/* Case ids that would collide if '.', '@' or '%' went in bare. */
	case_init(&c[0], "A.B", &s);
	case_init(&c[1], "A%2EB", &s);
	case_init(&c[2], "A", &s);
	case_init(&c[3], "A@x", &s);
	cal = run(&o, c, 4, tpath("unique.ics"), NULL);
	n = count_events(cal);
	assert_int_equal(n, 4 * NBASE);
	for (i = 0; i < n; i++) {
		u[i] = icalcomponent_get_uid(event(cal, i));
		assert_null(strstr(u[i], "2026"));
		assert_null(strstr(u[i], "2027"));
		assert_non_null(strstr(u[i], "@cinplan"));
		assert_ptr_equal(strchr(u[i], '@'), strstr(u[i], "@cinplan"));
		for (j = 0; j < i; j++)
			assert_string_not_equal(u[i], u[j]);
	}
	assert_string_equal(u[0], "A%2EB.torbay.assessment.1@cinplan");
	assert_string_equal(u[NBASE], "A%252EB.torbay.assessment.1@cinplan");
	assert_string_equal(u[3 * NBASE], "A%40x.torbay.assessment.1@cinplan");
	icalcomponent_free(cal);
}

/* SEQUENCE carried on through opts->previous. */
static void
test_sequence(void **state)
{
	struct item	 items[NBASE];
	struct schedule	 s;
	struct out_opts	 o;
	struct out_case	 c;
	icalcomponent	*a, *b;
	char		*ra, *rb;
	size_t		 i;

	fill(&s, items, base_rows, NBASE);
	opts_init(&o);
	case_init(&c, "ABC123", &s);

	/* A first export: the target is there but empty (run() has just
	   created it), which counts as no previous export. */
	o.previous = tpath("seq1.ics");
	a = run(&o, &c, 1, tpath("seq1.ics"), &ra);
	for (i = 0; i < NBASE; i++)
		assert_int_equal(seq_of(event(a, i)), 0);

	/* The same again, next day: identical events, new stamp only. */
	o.previous = tpath("seq1.ics");
	o.dtstamp += 86400;
	b = run(&o, &c, 1, tpath("seq2.ics"), &rb);
	assert_int_equal(count_events(b), NBASE);
	for (i = 0; i < NBASE; i++) {
		assert_string_equal(icalcomponent_get_uid(event(a, i)),
		    icalcomponent_get_uid(event(b, i)));
		assert_int_equal(seq_of(event(b, i)), 0);
	}
	assert_int_equal(icalcomponent_get_dtstamp(event(b, 0)).day, 23);
	icalcomponent_free(a);
	icalcomponent_free(b);
	free(ra);
	free(rb);

	/* Review 2 moves: its SEQUENCE goes up, nothing else changes. */
	items[5].due = day("2027-03-30");
	o.previous = tpath("seq2.ics");
	a = run(&o, &c, 1, tpath("seq3.ics"), NULL);
	for (i = 0; i < NBASE; i++)
		assert_int_equal(seq_of(event(a, i)), i == 5 ? 1 : 0);
	assert_string_equal(icalcomponent_get_uid(event(a, 5)),
	    "ABC123.torbay.review.2@cinplan");
	icalcomponent_free(a);

	/* Unchanged since: it keeps 1.  Moved back: 2. */
	o.previous = tpath("seq3.ics");
	a = run(&o, &c, 1, tpath("seq4.ics"), NULL);
	assert_int_equal(seq_of(event(a, 5)), 1);
	icalcomponent_free(a);
	items[5].due = day("2027-03-23");
	o.previous = tpath("seq4.ics");
	a = run(&o, &c, 1, tpath("seq5.ics"), NULL);
	assert_int_equal(seq_of(event(a, 5)), 2);
	assert_int_equal(seq_of(event(a, 4)), 0);
	icalcomponent_free(a);

	/* Writing over the file it reads, as export -o does (via rename). */
	items[5].due = day("2027-03-16");
	o.previous = tpath("seq5.ics");
	a = run(&o, &c, 1, tpath("seq5.new"), NULL);
	assert_int_equal(rename(tpath("seq5.new"), tpath("seq5.ics")), 0);
	assert_int_equal(seq_of(event(a, 5)), 3);
	icalcomponent_free(a);
}

/* The VEVENT of cal with this UID, or NULL. */
static icalcomponent *
by_uid(icalcomponent *cal, const char *uid)
{
	icalcomponent	*e;

	for (e = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	    e != NULL; e = icalcomponent_get_next_component(cal,
	    ICAL_VEVENT_COMPONENT))
		if (strcmp(icalcomponent_get_uid(e), uid) == 0)
			return e;
	return NULL;
}

/*
 * Events no longer produced are cancelled, carried for 35 days, then
 * dropped; one produced again is confirmed with the next SEQUENCE.
 */
static void
test_cancel(void **state)
{
	struct item	 items[NBASE];
	struct schedule	 s;
	struct out_opts	 o;
	struct out_case	 c[2];
	icalcomponent	*cal, *e;
	icalproperty	*p;
	char		 uid[128];
	size_t		 i;

	fill(&s, items, base_rows, NBASE);
	opts_init(&o);
	case_init(&c[0], "costarring", &s);
	case_init(&c[1], "liquid", &s);
	cal = run(&o, &c[0], 1, tpath("c1.ics"), NULL);
	icalcomponent_free(cal);

	/* costarring closes, liquid opens. */
	o.previous = tpath("c1.ics");
	cal = run(&o, &c[1], 1, tpath("c2.ics"), NULL);
	assert_int_equal(count_events(cal), 2 * NBASE);
	for (i = 0; i < NBASE; i++) {
		e = event(cal, i);
		assert_true(strncmp(icalcomponent_get_uid(e), "liquid.", 7)
		    == 0);
		assert_int_equal(seq_of(e), 0);
		assert_int_not_equal(icalcomponent_get_status(e),
		    ICAL_STATUS_CANCELLED);
		e = event(cal, NBASE + i);
		assert_true(strncmp(icalcomponent_get_uid(e), "costarring.",
		    11) == 0);
		assert_int_equal(icalcomponent_get_status(e),
		    ICAL_STATUS_CANCELLED);
		assert_int_equal(seq_of(e), 1);
		assert_true(strncmp(icalcomponent_get_summary(e),
		    "Cancelled: costarring: ", 23) == 0);
		assert_null(icalcomponent_get_first_component(e,
		    ICAL_VALARM_COMPONENT));
	}
	/* On the date it had: the assessment was held on Fri 11 Dec. */
	e = by_uid(cal, "costarring.torbay.assessment.1@cinplan");
	assert_non_null(e);
	assert_date(icalcomponent_get_dtstart(e), "2026-12-11");
	assert_date(icalcomponent_get_dtend(e), "2026-12-12");
	assert_string_equal(icalcomponent_get_summary(e), "Cancelled: "
	    "costarring: Single assessment completed (Torbay)");
	assert_non_null(strstr(icalcomponent_get_description(e),
	    "No longer a deadline as of 2026-11-22"));
	assert_non_null(strstr(icalcomponent_get_description(e),
	    "Kept in this calendar until 2026-12-27"));
	assert_string_equal(xprop(e, "X-CINPLAN-CANCELLED"), "20261122");
	icalcomponent_free(cal);

	/* 34 days on, still carried as it was; 35 days on, gone. */
	o.previous = tpath("c2.ics");
	o.as_of += 34;
	cal = run(&o, &c[1], 1, tpath("c3.ics"), NULL);
	assert_int_equal(count_events(cal), 2 * NBASE);
	e = by_uid(cal, "costarring.torbay.review.2@cinplan");
	assert_non_null(e);
	assert_int_equal(icalcomponent_get_status(e), ICAL_STATUS_CANCELLED);
	assert_int_equal(seq_of(e), 1);
	assert_string_equal(xprop(e, "X-CINPLAN-CANCELLED"), "20261122");
	assert_date(icalcomponent_get_dtstart(e), "2027-03-23");
	icalcomponent_free(cal);
	o.previous = tpath("c3.ics");
	o.as_of += 1;
	cal = run(&o, &c[1], 1, tpath("c4.ics"), NULL);
	assert_int_equal(count_events(cal), NBASE);
	assert_null(by_uid(cal, "costarring.torbay.review.2@cinplan"));
	icalcomponent_free(cal);

	/* Reopened while still cancelled: confirmed again, SEQUENCE 2. */
	o.previous = tpath("c3.ics");
	o.as_of -= 1;
	cal = run(&o, c, 2, tpath("c5.ics"), NULL);
	assert_int_equal(count_events(cal), 2 * NBASE);
	for (i = 0; i < NBASE; i++) {
		e = event(cal, i);
		snprintf(uid, sizeof(uid), "%s", icalcomponent_get_uid(e));
		assert_true(strncmp(uid, "costarring.", 11) == 0);
		assert_int_equal(seq_of(e), 2);
		assert_int_not_equal(icalcomponent_get_status(e),
		    ICAL_STATUS_CANCELLED);
		p = icalcomponent_get_first_property(e, ICAL_X_PROPERTY);
		assert_null(p);
		assert_int_equal(seq_of(event(cal, NBASE + i)), 0);
	}
	icalcomponent_free(cal);
}

/* A previous export written by someone else: folded, odd case, VALARMs. */
static void
test_previous_foreign(void **state)
{
	static const char prev[] =
	    "\xef\xbb\xbf" "BEGIN:VCALENDAR\n"
	    "VERSION:2.0\n"
	    "BEGIN:VEVENT\r\n"
	    "uid:ABC123.torbay.review\r\n"
	    " .1@cinplan\r\n"
	    "DTSTART;VALUE=DATE:20270202\r\n"
	    "status:tentative\r\n"
	    "SEQUENCE:7\r\n"
	    "BEGIN:VALARM\r\n"
	    "DTSTART:20270209\r\n"		/* not the event's */
	    "SEQUENCE:40\r\n"
	    "END:VALARM\r\n"
	    "END:VEVENT\r\n"
	    "BEGIN:VEVENT\r\n"
	    "UID:ABC123.torbay.visit.1@cinplan\r\n"
	    "DTSTART:20270126T000000Z\r\n"
	    "STATUS:TENTATIVE\r\n"
	    "SEQUENCE:3\r\n"
	    "END:VEVENT\r\n"
	    "BEGIN:VEVENT\r\n"
	    "UID:ABC123.torbay.first-meeting.1@cinplan\r\n"
	    "DTSTART;VALUE=DATE:20261229\r\n"
	    "STATUS:TENTATIVE\r\n"
	    "SEQUENCE:junk\r\n"
	    "END:VEVENT\r\n"
	    "BEGIN:VEVENT\r\n"		/* not ours to cancel */
	    "UID:party@example.org\r\n"
	    "DTSTART;VALUE=DATE:20261224\r\n"
	    "END:VEVENT\r\n"
	    "END:VCALENDAR\r\n";
	struct item	 items[NBASE];
	struct schedule	 s;
	struct out_opts	 o;
	struct out_case	 c;
	icalcomponent	*a;
	FILE		*f;

	f = fopen(tpath("foreign.ics"), "wb");
	assert_non_null(f);
	fputs(prev, f);
	fclose(f);
	fill(&s, items, base_rows, NBASE);
	opts_init(&o);
	case_init(&c, "ABC123", &s);
	o.previous = tpath("foreign.ics");
	a = run(&o, &c, 1, tpath("foreign-out.ics"), NULL);
	assert_int_equal(seq_of(event(a, 0)), 0);	/* not in it */
	assert_int_equal(seq_of(event(a, 1)), 0);	/* bad SEQUENCE: 0 */
	assert_int_equal(seq_of(event(a, 2)), 3);	/* same date */
	assert_int_equal(seq_of(event(a, 4)), 8);	/* moved: 7 + 1 */
	assert_int_equal(count_events(a), NBASE);
	icalcomponent_free(a);
}

static void
test_previous_errors(void **state)
{
	static const struct {
		const char	*name;
		const char	*content;	/* NULL: do not create */
		int		 ok;
		const char	*err;		/* after "PATH: " */
	} t[] = {
		{ "none.ics", NULL, 1, NULL },
		{ "zero.ics", "", 1, NULL },
		{ "text.ics", "hello\n", 0, "not an iCalendar file" },
		{ "blank.ics", "\n\n", 0, "not an iCalendar file" },
		{ "vcard.ics", "BEGIN:VCARD\r\nEND:VCARD\r\n", 0,
		    "not an iCalendar file" },
		{ "json.ics", "{\"items\": []}", 0, "not an iCalendar file" },
		{ "cal.ics", "begin:vcalendar\r\nend:vcalendar\r\n", 1, NULL },
	};
	struct out_writer	*w;
	struct out_opts		 o;
	FILE			*f;
	char			 err[512], want[512];
	size_t			 i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		if (t[i].content != NULL) {
			f = fopen(tpath(t[i].name), "wb");
			assert_non_null(f);
			fputs(t[i].content, f);
			fclose(f);
		}
		opts_init(&o);
		o.previous = tpath(t[i].name);
		f = fopen(tpath("out.ics"), "wb");
		assert_non_null(f);
		err[0] = '\0';
		w = out_begin(FMT_ICS, f, &o, err, sizeof(err));
		if (t[i].ok) {
			if (w == NULL)
				fail_msg("%s: %s", t[i].name, err);
			assert_int_equal(out_end(w, err, sizeof(err)), 0);
		} else {
			assert_null(w);
			snprintf(want, sizeof(want), "%s: %s",
			    tpath(t[i].name), t[i].err);
			assert_string_equal(err, want);
		}
		fclose(f);
	}

	/* A directory cannot be read: its error, not "not iCalendar". */
	opts_init(&o);
	o.previous = tmpdir;
	f = fopen(tpath("out.ics"), "wb");
	assert_non_null(f);
	assert_null(out_begin(FMT_ICS, f, &o, err, sizeof(err)));
	snprintf(want, sizeof(want), "%s: %s", tmpdir, strerror(EISDIR));
	assert_string_equal(err, want);

	/* Nor can a file without permission (root reads anything). */
	if (geteuid() != 0) {
		o.previous = tpath("cal.ics");
		assert_int_equal(chmod(o.previous, 0), 0);
		assert_null(out_begin(FMT_ICS, f, &o, err, sizeof(err)));
		snprintf(want, sizeof(want), "%s: %s", o.previous,
		    strerror(EACCES));
		assert_string_equal(err, want);
		chmod(o.previous, 0644);
	}
	fclose(f);
}

static void
test_alarm(void **state)
{
	static const struct {
		long		 days;
		int		 dur_days;	/* -1: no VALARM */
	} t[] = { { -1, -1 }, { 0, 0 }, { 2, 2 }, { 14, 14 } };
	struct item		 items[NBASE];
	struct schedule		 s;
	struct out_opts		 o;
	struct out_case		 c;
	icalcomponent		*cal, *e, *a;
	icalproperty		*p;
	icalparameter		*par;
	struct icaltriggertype	 tr;
	char			*raw;
	size_t			 i, k;

	fill(&s, items, base_rows, NBASE);
	case_init(&c, "ABC123", &s);
	for (k = 0; k < sizeof(t) / sizeof(t[0]); k++) {
		opts_init(&o);
		o.alarm_days = t[k].days;
		cal = run(&o, &c, 1, tpath("alarm.ics"), &raw);
		for (i = 0; i < NBASE; i++) {
			e = event(cal, i);
			a = icalcomponent_get_first_component(e,
			    ICAL_VALARM_COMPONENT);
			/* Item 0 is done: nothing to remind of. */
			if (t[k].dur_days < 0 || i == 0) {
				assert_null(a);
				continue;
			}
			assert_non_null(a);
			p = icalcomponent_get_first_property(a,
			    ICAL_ACTION_PROPERTY);
			assert_int_equal(icalproperty_get_action(p),
			    ICAL_ACTION_DISPLAY);
			assert_string_equal(icalcomponent_get_description(a),
			    icalcomponent_get_summary(e));
			p = icalcomponent_get_first_property(a,
			    ICAL_TRIGGER_PROPERTY);
			assert_non_null(p);
			par = icalproperty_get_first_parameter(p,
			    ICAL_RELATED_PARAMETER);
			assert_non_null(par);
			assert_int_equal(icalparameter_get_related(par),
			    ICAL_RELATED_START);
			tr = icalproperty_get_trigger(p);
			assert_int_equal(icaldurationtype_as_int(tr.duration),
			    -t[k].dur_days * 86400);
		}
		if (t[k].days == 2)
			assert_non_null(strstr(raw,
			    "\r\nTRIGGER;RELATED=START:-P2D\r\n"));
		if (t[k].days == 0)
			assert_non_null(strstr(raw,
			    "\r\nTRIGGER;RELATED=START:PT0S\r\n"));
		free(raw);
		icalcomponent_free(cal);
	}
}

/*
 * No reminder of what is past: as of Sun 22 Nov 2026 an overdue review
 * (due Fri 20 Nov), a milestone passed (Sun 1 Nov) and a visit held
 * (Mon 23 Nov, ahead of its due date) get none; a visit due that day and
 * a review due ahead get one each.
 */
static void
test_alarm_ahead(void **state)
{
	static const struct row rows[] = {
		{ KIND_MILESTONE, 0, "2026-11-01", NULL, NULL, 0,
		    ST_UPCOMING, R_MGR },
		{ KIND_REVIEW, 1, "2026-11-20", NULL, NULL, 0, ST_OVERDUE,
		    R_REVIEW },
		{ KIND_VISIT, 1, "2026-11-22", NULL, NULL, 0, ST_DUE_SOON,
		    R_VISIT },
		{ KIND_VISIT, 2, "2026-11-30", NULL, "2026-11-23", 0, ST_DONE,
		    R_VISIT },
		{ KIND_REVIEW, 2, "2027-01-01", NULL, NULL, 1, ST_UPCOMING,
		    R_REVIEW },
	};
	static const int want[] = { 0, 0, 1, 0, 1 };
	struct item	 items[5];
	struct schedule	 s;
	struct out_opts	 o;
	struct out_case	 c;
	icalcomponent	*cal, *e;
	size_t		 i;

	fill(&s, items, rows, 5);
	opts_init(&o);
	o.alarm_days = 2;
	case_init(&c, "AL", &s);
	cal = run(&o, &c, 1, tpath("ahead.ics"), NULL);
	for (i = 0; i < 5; i++) {
		e = event(cal, i);
		if ((icalcomponent_get_first_component(e,
		    ICAL_VALARM_COMPONENT) != NULL) != want[i])
			fail_msg("event %zu: alarm %s", i, want[i] ?
			    "missing" : "not wanted");
	}
	icalcomponent_free(cal);
}

/* Text that needs escaping, in case references and worker names. */
static void
test_escaping(void **state)
{
	static const struct {
		const char	*case_id;
		const char	*worker;
		const char	*summary;	/* expected, unescaped */
		const char	*in_desc;	/* expected in DESCRIPTION */
		const char	*in_raw;	/* expected in the octets */
	} t[] = {
		{ "Zo\xc3\xab \xc3\x98rsted, team 3; north",
		    "Zo\xc3\xab \xc3\x98rsted, team 3; north",
		    "Zo\xc3\xab \xc3\x98rsted, team 3; north: Single "
		    "assessment completed (Torbay)",
		    "\nWorker: Zo\xc3\xab \xc3\x98rsted, team 3; north",
		    "Zo\xc3\xab \xc3\x98rsted\\, team 3\\; north" },
		{ "back\\slash", "a\\b", "back\\slash: Single assessment "
		    "completed (Torbay)", "\nWorker: a\\b",
		    "back\\\\slash" },
		{ "two\nlines", "w1\r\nw2\rw3",
		    "two lines: Single assessment completed (Torbay)",
		    "\nCase: two\nlines\n", "Worker: w1\\nw2\\nw3" },
		{ "tab\there", "x\x01y\x7fz",
		    "tab here: Single assessment completed (Torbay)",
		    "\nWorker: x?y?z", NULL },
		/* The case reference tries to add a property. */
		{ "X\r\nATTENDEE:evil", "W\r\nATTENDEE;CN=x:mailto:e@x",
		    "X ATTENDEE:evil: Single assessment completed (Torbay)"
		    "", "\nCase: X\nATTENDEE:evil\n",
		    "X%0D%0AATTENDEE%3Aevil.torbay" },
		/* Invalid UTF-8: lone bytes, a cut sequence, an overlong
		   '/', a surrogate, a C1 control; each bad byte is '?'. */
		{ "bad\xff\xfe\xc3(\xc0\xaf\xed\xa0\x80\xc2\x85!",
		    "\xe2\x82", "bad?\?\?(?\?\?\?\?\?!: Single assessment "
		    "completed (Torbay)", "\nWorker: ??", NULL },
		/* Long values of multi-octet characters fold between them. */
		{ "\xc3\x98\xc3\x98\xc3\x98\xc3\x98\xc3\x98\xc3\x98\xc3\x98"
		    "\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\xe2\x82"
		    "\xac\xe2\x82\xac\xe2\x82\xac\xf0\x9f\x98\x80\xf0\x9f\x98"
		    "\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80,,,,"
		    ";;;;\\\\\\\\\xc3\x98\xc3\x98\xc3\x98\xc3\x98\xc3\x98\xc3"
		    "\x98", NULL,
		    "\xc3\x98\xc3\x98\xc3\x98\xc3\x98\xc3\x98\xc3\x98\xc3\x98"
		    "\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac\xe2\x82"
		    "\xac\xe2\x82\xac\xe2\x82\xac\xf0\x9f\x98\x80\xf0\x9f\x98"
		    "\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80,,,,"
		    ";;;;\\\\\\\\\xc3\x98\xc3\x98\xc3\x98\xc3\x98\xc3\x98\xc3"
		    "\x98: Single assessment completed (Torbay)",
		    NULL, NULL },
	};
	struct item	 items[1];
	struct schedule	 s;
	struct out_opts	 o;
	struct out_case	 c;
	icalcomponent	*cal, *e;
	char		*raw, *flat, *line;
	size_t		 i;

	fill(&s, items, base_rows, 1);
	opts_init(&o);
	o.alarm_days = 1;
	items[0].status = ST_UPCOMING;	/* with an alarm too */
	items[0].held = DATE_NONE;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		case_init(&c, t[i].case_id, &s);
		c.worker = t[i].worker;
		cal = run(&o, &c, 1, tpath("esc.ics"), &raw);
		assert_int_equal(count_events(cal), 1);
		e = event(cal, 0);
		assert_string_equal(icalcomponent_get_summary(e),
		    t[i].summary);
		if (t[i].in_desc != NULL &&
		    strstr(icalcomponent_get_description(e),
		    t[i].in_desc) == NULL)
			fail_msg("%zu: no \"%s\" in \"%s\"", i, t[i].in_desc,
			    icalcomponent_get_description(e));
		flat = unfold(raw);
		if (t[i].in_raw != NULL && strstr(flat, t[i].in_raw) == NULL)
			fail_msg("%zu: no \"%s\" in the file", i, t[i].in_raw);
		free(flat);
		/* Nothing the data says starts a line of its own. */
		assert_null(icalcomponent_get_first_property(e,
		    ICAL_ATTENDEE_PROPERTY));
		for (line = raw; line != NULL; line = strstr(line, "\r\n")) {
			line += line == raw ? 0 : 2;
			assert_true(strncmp(line, "ATTENDEE", 8) != 0);
		}
		icalcomponent_free(cal);
		free(raw);
	}
}

/* Text from the profile is cleaned and folded the same way. */
static void
test_long_profile_text(void **state)
{
	struct item	 items[1];
	struct schedule	 s;
	struct out_opts	 o;
	struct out_case	 c;
	struct rule	 r;
	icalcomponent	*cal;
	char		 quote[3000], *p;
	const char	*d;
	size_t		 i;

	for (p = quote, i = 0; i < 200; i++) {
		memcpy(p, "\xc3\xa9\\,;\" ", 7);
		p += 7;
	}
	*p = '\0';
	fill(&s, items, base_rows, 1);
	r = rules[R_ASSESS];
	r.quote = quote;
	r.note = "line one\r\nline two\x1b[31m";
	items[0].rule = &r;
	opts_init(&o);
	case_init(&c, "L", &s);
	cal = run(&o, &c, 1, tpath("long.ics"), NULL);
	d = icalcomponent_get_description(event(cal, 0));
	assert_non_null(strstr(d, quote));
	assert_non_null(strstr(d, "line one\nline two?[31m"));
	icalcomponent_free(cal);
}

/* A failed write is an error, not a crash or silence. */
static void
test_write_error(void **state)
{
	struct item		 items[NBASE];
	struct schedule		 s;
	struct out_opts		 o;
	struct out_case		 c;
	struct out_writer	*w;
	FILE			*f;
	char			 err[256];
	int			 rc;
	size_t			 i;

	if ((f = fopen("/dev/full", "w")) == NULL)
		skip();
	fill(&s, items, base_rows, NBASE);
	opts_init(&o);
	case_init(&c, "ABC123", &s);
	err[0] = '\0';
	rc = 0;
	w = out_begin(FMT_ICS, f, &o, err, sizeof(err));
	if (w != NULL) {
		for (i = 0; i < 200 && rc == 0; i++)
			rc = out_case(w, &c, err, sizeof(err));
		if (out_end(w, err, sizeof(err)) != 0)
			rc = -1;
	} else
		rc = -1;
	assert_int_equal(rc, -1);
	assert_non_null(strstr(err, "cannot write the calendar: "));
	fclose(f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_calendar),
		cmocka_unit_test(test_events),
		cmocka_unit_test(test_edges),
		cmocka_unit_test(test_uid_unique),
		cmocka_unit_test(test_sequence),
		cmocka_unit_test(test_cancel),
		cmocka_unit_test(test_previous_foreign),
		cmocka_unit_test(test_previous_errors),
		cmocka_unit_test(test_alarm),
		cmocka_unit_test(test_alarm_ahead),
		cmocka_unit_test(test_escaping),
		cmocka_unit_test(test_long_profile_text),
		cmocka_unit_test(test_write_error),
	};

	return cmocka_run_group_tests(tests, setup_dir, teardown_dir);
}
