/*
 * fuzz_ics.c: the iCalendar writer fed odd strings.
 *
 * A small profile and schedule are built by hand; the fuzzer's bytes,
 * split at NUL bytes, become the case reference, the worker, the rules'
 * label, the calendar name, the authority, the rule's note and source.
 * The calendar is written to a memory stream and must be one a calendar
 * program can trust: valid UTF-8, every line ended by CR LF and at most 75
 * octets, folds that do not split a character, components that open and
 * close in order, one VEVENT per item, no property the writer does not
 * emit (so no "ATTENDEE:" or "BEGIN:VALARM" smuggled in a case reference),
 * TEXT values escaped as RFC 5545 3.3.11 says, and a plain case reference
 * that comes back whole at the start of each SUMMARY.  The bytes are also
 * handed to the writer as the previous export it carries SEQUENCE on from,
 * which it must take or refuse as not iCalendar.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "date.h"
#include "out.h"
#include "profile.h"
#include "sched.h"
#include "xmalloc.h"

#include "fuzz.h"

#define NPART	7

/* The checks are the oracle, not code under test: no coverage feedback
 * from them, which would only slow the fuzzer and mislead it. */
#define ORACLE	__attribute__((no_sanitize("coverage")))

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char *const allowed[] = {
	"BEGIN", "END", "PRODID", "VERSION", "CALSCALE", "METHOD",
	"X-WR-CALNAME", "X-WR-CALDESC", "UID", "DTSTAMP", "DTSTART", "DTEND",
	"SEQUENCE", "SUMMARY", "DESCRIPTION", "CATEGORIES", "TRANSP", "STATUS",
	"ACTION", "TRIGGER", "X-CINPLAN-CANCELLED", NULL
};

/* Length of the valid UTF-8 sequence at p[0..n), or 0. */
ORACLE static size_t
u8len(const unsigned char *p, size_t n)
{
	unsigned	 cp, min;
	size_t		 k, i;

	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xc2 && p[0] <= 0xdf) {
		k = 2;
		cp = p[0] & 0x1f;
		min = 0x80;
	} else if (p[0] >= 0xe0 && p[0] <= 0xef) {
		k = 3;
		cp = p[0] & 0x0f;
		min = 0x800;
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		k = 4;
		cp = p[0] & 0x07;
		min = 0x10000;
	} else
		return 0;
	if (n < k)
		return 0;
	for (i = 1; i < k; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (p[i] & 0x3f);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return k;
}

/* Valid UTF-8; with ctl, also no control character but tab. */
ORACLE static void
check_utf8(const char *s, size_t n, int ctl, const char *what, size_t lineno)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i, k;

	for (i = 0; i < n; i += k) {
		k = u8len(p + i, n - i);
		FUZZ_CHECK(k > 0, "%s %zu: invalid UTF-8 at byte %zu", what,
		    lineno, i);
		FUZZ_CHECK(!ctl || k > 1 || (p[i] >= 0x20 && p[i] != 0x7f) ||
		    p[i] == '\t', "%s %zu: control byte 0x%02x at %zu",
		    what, lineno, p[i], i);
	}
}

/* A TEXT value: '\' only before '\', ';', ',', 'n' or 'N'; no bare ';'
 * or ','.  Returns the value unescaped (the caller frees it). */
ORACLE static char *
check_text(const char *v, const char *name, size_t lineno)
{
	char	*out, *o;

	o = out = xmalloc(strlen(v) + 1);
	for (; *v != '\0'; v++) {
		if (*v == '\\') {
			v++;
			FUZZ_CHECK(*v == '\\' || *v == ';' || *v == ',' ||
			    *v == 'n' || *v == 'N', "%s (line %zu): bad "
			    "escape '\\%c'", name, lineno, *v);
			*o++ = *v == 'n' || *v == 'N' ? '\n' : *v;
		} else {
			FUZZ_CHECK(*v != ';' && *v != ',', "%s (line %zu): "
			    "bare '%c'", name, lineno, *v);
			*o++ = *v;
		}
	}
	*o = '\0';
	return out;
}

/* Is s printable ASCII, none of which the writer needs to change? */
ORACLE static int
plain(const char *s)
{
	for (; *s != '\0'; s++)
		if (*s < 0x20 || *s > 0x7e)
			return 0;
	return 1;
}

/* One unfolded line, NAME[;params]:value, checked. */
ORACLE static void
check_logical(char *line, size_t lineno, char stack[][16], size_t *depth,
    size_t *nev, size_t *ncancel, size_t nfirst, const char *case_id)
{
	char	*name, *v, *u;
	size_t	 i, k;

	i = strcspn(line, ";:");
	FUZZ_CHECK(line[i] != '\0', "line %zu: no ':' in '%s'", lineno, line);
	name = xstrndup(line, i);
	for (k = 0; allowed[k] != NULL; k++)
		if (strcmp(allowed[k], name) == 0)
			break;
	FUZZ_CHECK(allowed[k] != NULL, "line %zu: property '%s' the writer "
	    "does not emit", lineno, name);
	v = strchr(line + i, ':') + 1;
	if (strcmp(name, "BEGIN") == 0) {
		FUZZ_CHECK(*depth < 8 && (strcmp(v, "VCALENDAR") == 0 ||
		    strcmp(v, "VEVENT") == 0 || strcmp(v, "VALARM") == 0),
		    "line %zu: BEGIN:%s", lineno, v);
		FUZZ_CHECK((*depth == 0) == (strcmp(v, "VCALENDAR") == 0),
		    "line %zu: BEGIN:%s at depth %zu", lineno, v, *depth);
		snprintf(stack[(*depth)++], 16, "%s", v);
		*nev += strcmp(v, "VEVENT") == 0;
	} else if (strcmp(name, "END") == 0) {
		FUZZ_CHECK(*depth > 0 && strcmp(stack[*depth - 1], v) == 0,
		    "line %zu: END:%s", lineno, v);
		(*depth)--;
	} else {
		FUZZ_CHECK(*depth > 0, "line %zu: %s outside a component",
		    lineno, name);
		/* An event of the previous export no longer produced. */
		if (strcmp(name, "STATUS") == 0 &&
		    strcmp(v, "CANCELLED") == 0 &&
		    strcmp(stack[*depth - 1], "VEVENT") == 0)
			(*ncancel)++;
		if (strcmp(name, "SUMMARY") == 0 ||
		    strcmp(name, "DESCRIPTION") == 0) {
			u = check_text(v, name, lineno);
			if (strcmp(name, "SUMMARY") == 0 &&
			    strcmp(stack[*depth - 1], "VEVENT") == 0 &&
			    *nev <= nfirst && case_id[0] != '\0' &&
			    plain(case_id))
				FUZZ_CHECK(strncmp(u, case_id,
				    strlen(case_id)) == 0 &&
				    strncmp(u + strlen(case_id), ": ", 2) == 0,
				    "line %zu: SUMMARY '%s' lost the case "
				    "reference '%s'", lineno, u, case_id);
			free(u);
		}
	}
	free(name);
}

ORACLE static void
check_calendar(const char *buf, size_t len, size_t nitems, size_t nfirst,
    const char *case_id)
{
	const char	*p, *e, *cr;
	char		*logical, stack[8][16];
	size_t		 ll, lineno, start, nev, ncancel, depth;

	check_utf8(buf, len, 0, "calendar", 0);
	FUZZ_CHECK(len >= 2 && buf[len - 2] == '\r' && buf[len - 1] == '\n',
	    "does not end in CR LF");
	logical = xmalloc(len + 1);
	ll = 0;
	start = 0;
	nev = ncancel = depth = 0;
	for (p = buf, e = buf + len, lineno = 1; p < e; p = cr + 2, lineno++) {
		cr = memchr(p, '\r', (size_t)(e - p));
		FUZZ_CHECK(cr != NULL && cr + 1 < e && cr[1] == '\n' &&
		    memchr(p, '\n', (size_t)(cr - p)) == NULL,
		    "line %zu does not end in CR LF", lineno);
		FUZZ_CHECK(cr - p <= 75, "line %zu: %td octets", lineno, cr - p);
		/* A fold must not split a character. */
		check_utf8(p, (size_t)(cr - p), 1, "line", lineno);
		if (*p == ' ' || *p == '\t') {
			FUZZ_CHECK(ll > 0, "line %zu continues nothing",
			    lineno);
			memcpy(logical + ll, p + 1, (size_t)(cr - p - 1));
			ll += (size_t)(cr - p - 1);
			continue;
		}
		if (ll > 0) {
			logical[ll] = '\0';
			check_logical(logical, start, stack, &depth, &nev,
			    &ncancel, nfirst, case_id);
		}
		FUZZ_CHECK(cr > p, "line %zu is empty", lineno);
		memcpy(logical, p, (size_t)(cr - p));
		ll = (size_t)(cr - p);
		start = lineno;
	}
	if (ll > 0) {
		logical[ll] = '\0';
		check_logical(logical, start, stack, &depth, &nev, &ncancel,
		    nfirst, case_id);
	}
	FUZZ_CHECK(depth == 0, "%zu components left open", depth);
	/* One event an item, and the previous export's cancelled ones. */
	FUZZ_CHECK(nev - ncancel == nitems, "%zu events (%zu cancelled) for "
	    "%zu items", nev, ncancel, nitems);
	free(logical);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char		*part[NPART];
	char			*copy, *p, *buf, err[256], prev[64];
	size_t			 i, n, blen;
	struct profile		 prof;
	struct rule		 rules[3];
	struct item		 items[6];
	struct schedule		 s;
	struct out_opts		 oo;
	struct out_case		 oc;
	struct out_writer	*w;
	FILE			*f;
	int			 pfd;

	copy = xmalloc(size + 1);
	memcpy(copy, data, size);
	copy[size] = '\0';
	for (i = 0, p = copy; i < NPART; i++) {
		part[i] = p;
		if ((n = strlen(p)) < (size_t)(copy + size - p))
			p += n + 1;
		else
			p = copy + size;
	}

	memset(&prof, 0, sizeof(prof));
	prof.id = "fz";
	prof.authority = (char *)(part[4][0] != '\0' ? part[4] :
	    "Fuzz Borough Council");
	prof.document = "Fuzz protocol";
	prof.file = "fz.ini";
	prof.nareas = 1;
	prof.areas[0].id = "north";
	prof.areas[0].name = (char *)part[4];

	memset(rules, 0, sizeof(rules));
	rules[0].id = "assessment";
	rules[0].kind = KIND_ASSESSMENT;
	rules[0].anchor = ANCHOR_REFERRAL;
	rules[0].offset.n = 45;
	rules[0].offset.unit = UNIT_WORKDAYS;
	rules[0].label = (char *)part[2];
	rules[0].source = (char *)(part[6][0] != '\0' ? part[6] : "3.2");
	rules[0].quote = "within 45 working days";
	rules[0].note = part[5][0] != '\0' ? (char *)part[5] : NULL;
	rules[0].file = "fz.ini";
	rules[1] = rules[0];
	rules[1].id = "review";
	rules[1].kind = KIND_REVIEW;
	rules[1].anchor = ANCHOR_NONE;
	rules[1].nevery = 1;
	rules[1].every[0].n = 8;
	rules[1].every[0].unit = UNIT_WEEKS;
	rules[1].has_earliest = 1;
	rules[1].earliest.n = 6;
	rules[1].earliest.unit = UNIT_WEEKS;
	rules[1].file = "base.ini";
	rules[2] = rules[0];
	rules[2].id = "end";
	rules[2].kind = KIND_MILESTONE;
	rules[2].name = "expected-end";
	rules[2].anchor = ANCHOR_PLAN_START;
	rules[2].offset.n = 6;
	rules[2].offset.unit = UNIT_MONTHS;
	prof.rules = rules;
	prof.nrules = 3;

	memset(items, 0, sizeof(items));
	items[0].kind = KIND_ASSESSMENT;
	items[0].seq = 1;
	items[0].due = date_from_ymd(2026, 3, 9);
	items[0].earliest = DATE_NONE;
	items[0].held = date_from_ymd(2026, 3, 10);
	items[0].status = ST_LATE;
	items[0].rule = &rules[0];
	items[1] = items[0];
	items[1].kind = KIND_REVIEW;
	items[1].due = date_from_ymd(2026, 11, 2);
	items[1].earliest = date_from_ymd(2026, 10, 19);
	items[1].held = DATE_NONE;
	items[1].status = ST_OVERDUE;
	items[1].rule = &rules[1];
	items[2] = items[1];
	items[2].seq = 0;
	items[2].status = ST_DUE_SOON;
	items[3] = items[1];
	items[3].seq = 2;
	items[3].due = DATE_MAX;
	items[3].earliest = DATE_MAX - 14;
	items[3].projected = 1;
	items[3].status = ST_UPCOMING;
	items[4] = items[0];
	items[4].kind = KIND_MILESTONE;
	items[4].due = DATE_MIN;
	items[4].held = DATE_NONE;
	items[4].status = ST_DONE;
	items[4].rule = &rules[2];
	items[5] = items[4];
	items[5].due = date_from_ymd(2027, 3, 1);
	items[5].status = ST_UPCOMING;
	memset(&s, 0, sizeof(s));
	s.items = items;
	s.n = s.cap = 6;

	memset(&oo, 0, sizeof(oo));
	oo.as_of = date_from_ymd(2026, 11, 22);
	oo.until = DATE_MAX;
	oo.alarm_days = size % 3 == 0 ? -1 : (long)(size % 400);
	oo.dtstamp = (long long)size * 86399;
	oo.calname = part[3][0] != '\0' ? part[3] : NULL;

	memset(&oc, 0, sizeof(oc));
	oc.case_id = part[0];
	oc.profile = &prof;
	oc.area = size & 1 ? 0 : -1;
	oc.plan_type = PLAN_STEP_DOWN_CP;
	oc.worker = part[1];
	oc.s = &s;

	/*
	 * The same bytes are also the previous export the writer reads to
	 * carry SEQUENCE on (export -o onto an old file): it must take it
	 * or refuse it with a reason, never trip over it.
	 */
	pfd = fuzz_memfd(data, size);
	snprintf(prev, sizeof(prev), "/proc/self/fd/%d", pfd);
	oo.previous = prev;
	buf = NULL;
	blen = 0;
	f = open_memstream(&buf, &blen);
	FUZZ_CHECK(f != NULL, "open_memstream");
	err[0] = '\0';
	if ((w = out_begin(FMT_ICS, f, &oo, err, sizeof(err))) == NULL) {
		FUZZ_CHECK(strstr(err, "not an iCalendar file") != NULL,
		    "previous export refused: '%s'", err);
		oo.previous = NULL;
		w = out_begin(FMT_ICS, f, &oo, err, sizeof(err));
	}
	close(pfd);
	FUZZ_CHECK(w != NULL, "out_begin: %s", err);
	FUZZ_CHECK(out_case(w, &oc, err, sizeof(err)) == 0, "out_case: %s",
	    err);
	/* A second case without a reference. */
	oc.case_id = NULL;
	oc.worker = NULL;
	FUZZ_CHECK(out_case(w, &oc, err, sizeof(err)) == 0, "out_case: %s",
	    err);
	FUZZ_CHECK(out_end(w, err, sizeof(err)) == 0, "out_end: %s", err);
	FUZZ_CHECK(fclose(f) == 0, "fclose");
	check_calendar(buf, blen, 2 * s.n, s.n, part[0]);
	free(buf);
	free(copy);
	return 0;
}
