/*
 * out.c: the one switch that picks an output format, the calls that hand
 * each document to the writer chosen, and what the writers share.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "date.h"
#include "out.h"
#include "out_impl.h"
#include "text.h"
#include "xmalloc.h"

struct out_writer {
	const struct out_impl	*impl;
	void			*state;
	enum out_doc		 doc;
	const struct out_opts	*o;
	int			 beyond;	/* a date after o->announced */
};

int
out_beyond(const struct out_opts *o, const struct item *it)
{
	int	 last;

	if (o->announced == 0 || it->kind == KIND_MILESTONE)
		return 0;
	last = date_from_ymd(o->announced, 12, 31);
	return it->due > last || (it->also != DATE_NONE && it->also > last);
}

int
out_beyond_announced(const struct out_writer *w)
{
	return w->beyond;
}

const char *
out_announced_note(const struct out_opts *o, char *buf, size_t sz)
{
	snprintf(buf, sz, "assumes no new one-off bank holidays after %d",
	    o->announced);
	return buf;
}

int
out_format_parse(const char *s)
{
	if (strcmp(s, "text") == 0)
		return FMT_TEXT;
	if (strcmp(s, "json") == 0)
		return FMT_JSON;
	if (strcmp(s, "csv") == 0)
		return FMT_CSV;
	if (strcmp(s, "ics") == 0)
		return FMT_ICS;
	if (strcmp(s, "html") == 0)
		return FMT_HTML;
	return -1;
}

/* Has impl a form for doc? */
static int
has_form(const struct out_impl *impl, enum out_doc doc)
{
	switch (doc) {
	case DOC_SCHEDULE:
		return impl->write_case != NULL;
	case DOC_CHECK:
		return impl->finding != NULL && impl->check_end != NULL;
	case DOC_SUMMARY:
		return impl->summary != NULL;
	case DOC_CENSUS:
		return impl->assessment != NULL && impl->census != NULL;
	}
	return 0;
}

struct out_writer *
out_begin(enum out_format fmt, FILE *f, const struct out_opts *o, char *err,
    size_t errsz)
{
	struct out_writer	*w;
	const struct out_impl	*impl;
	void			*state;

	switch (fmt) {
	case FMT_TEXT:
		impl = &out_text_impl;
		break;
	case FMT_JSON:
		impl = &out_json_impl;
		break;
	case FMT_CSV:
		impl = &out_csv_impl;
		break;
	case FMT_ICS:
		impl = &out_ics_impl;
		break;
	case FMT_HTML:
		impl = &out_html_impl;
		break;
	default:
		snprintf(err, errsz, "unknown output format");
		return NULL;
	}
	if (!has_form(impl, o->doc))
		impl = &out_text_impl;
	if ((state = impl->begin(f, o, err, errsz)) == NULL)
		return NULL;
	w = xmalloc(sizeof(*w));
	w->impl = impl;
	w->state = state;
	w->doc = o->doc;
	w->o = o;
	w->beyond = 0;
	return w;
}

/* A call the writer was not begun for is the caller's mistake. */
static int
wrong_doc(char *err, size_t errsz)
{
	snprintf(err, errsz, "output: not the document begun");
	return -1;
}

int
out_case(struct out_writer *w, const struct out_case *c, char *err,
    size_t errsz)
{
	size_t	 i;

	if (w->doc != DOC_SCHEDULE)
		return wrong_doc(err, errsz);
	for (i = 0; i < c->s->n && !w->beyond; i++)
		w->beyond = out_beyond(w->o, &c->s->items[i]);
	return w->impl->write_case(w->state, c, err, errsz);
}

int
out_finding(struct out_writer *w, const struct out_finding *fi, char *err,
    size_t errsz)
{
	if (w->doc != DOC_CHECK)
		return wrong_doc(err, errsz);
	if (!w->beyond)
		w->beyond = out_beyond(w->o, fi->it);
	return w->impl->finding(w->state, fi, err, errsz);
}

int
out_check_end(struct out_writer *w, const struct out_check_end *ce,
    char *err, size_t errsz)
{
	if (w->doc != DOC_CHECK)
		return wrong_doc(err, errsz);
	return w->impl->check_end(w->state, ce, err, errsz);
}

int
out_summary(struct out_writer *w, const struct out_summary *sm, char *err,
    size_t errsz)
{
	if (w->doc != DOC_SUMMARY)
		return wrong_doc(err, errsz);
	return w->impl->summary(w->state, sm, err, errsz);
}

int
out_assessment(struct out_writer *w, const struct out_assessment *a,
    char *err, size_t errsz)
{
	if (w->doc != DOC_CENSUS)
		return wrong_doc(err, errsz);
	return w->impl->assessment(w->state, a, err, errsz);
}

int
out_census(struct out_writer *w, const struct out_census *cs, char *err,
    size_t errsz)
{
	if (w->doc != DOC_CENSUS)
		return wrong_doc(err, errsz);
	return w->impl->census(w->state, cs, err, errsz);
}

int
out_end(struct out_writer *w, char *err, size_t errsz)
{
	int	 rc;

	if (w == NULL)
		return 0;
	rc = w->impl->end(w->state, err, errsz);
	free(w);
	return rc;
}

#define HELD	1, "held", "within_timescale", "late"
#define CHECKED	0, "checked", "up_to_date", "overdue"

const struct out_measure out_measures[] = {
	{ "assessments", "ASSESSMENTS", "Assessments in time",
	  KIND_ASSESSMENT, HELD },
	{ "first_meetings", "FIRST MEETINGS", "First meetings in time",
	  KIND_FIRST_MEETING, HELD },
	{ "reviews", "REVIEWS UP TO DATE", "Reviews up to date",
	  KIND_REVIEW, CHECKED },
	{ "visits", "VISITS UP TO DATE", "Visits up to date",
	  KIND_VISIT, CHECKED },
};
const size_t out_nmeasures = sizeof(out_measures) / sizeof(out_measures[0]);

/* A tally has a pair of counts for each measure. */
typedef char out_measures_fit[sizeof(out_measures) / sizeof(out_measures[0])
    == OUT_MEASURES ? 1 : -1];

int
out_measure_of(enum kind k, int held)
{
	size_t	 i;

	for (i = 0; i < out_nmeasures; i++)
		if (out_measures[i].kind == k && out_measures[i].held == held)
			return (int)i;
	return -1;
}

void
out_measure_counts(const struct out_measure *m, const struct out_tally *t,
    unsigned long *yes, unsigned long *no)
{
	*yes = t->yes[m - out_measures];
	*no = t->no[m - out_measures];
}

/* --- lines made whole ---------------------------------------------------- */

/* Room for more bytes at the end of the line; returns where they go. */
static char *
line_room(struct out_line *ln, size_t more)
{
	if (more > ln->cap - ln->n) {
		while (more > ln->cap - ln->n)
			ln->cap = ln->cap ? ln->cap * 2 : 512;
		ln->b = xreallocarray(ln->b, ln->cap, 1);
	}
	return ln->b + ln->n;
}

void
out_line_add(struct out_line *ln, const char *s, size_t len)
{
	memcpy(line_room(ln, len), s, len);
	ln->n += len;
}

void
out_line_str(struct out_line *ln, const char *s)
{
	out_line_add(ln, s, strlen(s));
}

void
out_line_csv(struct out_line *ln, const char *s, char d)
{
	char	*w;

	w = line_room(ln, CSV_FIELD_MAX(strlen(s)) + 1);
	w += csv_format_field(w, s, 1);
	if (d != '\0')
		*w++ = d;
	ln->n = (size_t)(w - ln->b);
}

void
out_line_long(struct out_line *ln, long v)
{
	char		 buf[24], *p;
	unsigned long	 u;

	p = buf + sizeof(buf);
	u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		*--p = '-';
	out_line_add(ln, p, (size_t)(buf + sizeof(buf) - p));
}

void
out_line_date(struct out_line *ln, int d)
{
	date_format(d, line_room(ln, DATE_STRLEN));
	ln->n += DATE_STRLEN - 1;
}

int
out_line_put(struct out_line *ln, FILE *f)
{
	if (ln->n > 0)
		fwrite(ln->b, 1, ln->n, f);
	ln->n = 0;
	return ferror(f) ? -1 : 0;
}

void
out_line_free(struct out_line *ln)
{
	free(ln->b);
	memset(ln, 0, sizeof(*ln));
}

/* --- words ---------------------------------------------------------------- */

/* Append s to buf[*len..sz), truncating; buf stays NUL-terminated. */
static void
cat(char *buf, size_t sz, size_t *len, const char *s)
{
	size_t	 n;

	n = strlen(s);
	if (*len + n >= sz)
		n = sz - *len - 1;
	memcpy(buf + *len, s, n);
	*len += n;
	buf[*len] = '\0';
}

static void
cat_uint(char *buf, size_t sz, size_t *len, unsigned v)
{
	char	 d[16], *p;

	p = d + sizeof(d);
	*--p = '\0';
	do
		*--p = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	cat(buf, sz, len, p);
}

/* The occurrence's number in words, after its label. */
static void
what_seq(const struct item *it, char *buf, size_t sz, size_t *lenp)
{
	const char	*in;
	unsigned	 n;
	size_t		 len = *lenp;

	if (it->seq == 0 && it->kind != KIND_MILESTONE) {
		/* Counted from the last one recorded, number unknown. */
		if (it->after == 0) {
			cat(buf, sz, &len, " (last recorded)");
			goto out;
		}
		cat(buf, sz, &len, " (next");
		if (it->after > 1) {
			cat(buf, sz, &len, " + ");
			cat_uint(buf, sz, &len, it->after - 1);
		}
		cat(buf, sz, &len, ")");
		goto out;
	}
	in = NULL;
	n = it->seq;
	switch (kind_info(it->kind)->seq) {
	case KSEQ_PLAIN:
		cat(buf, sz, &len, " ");
		cat_uint(buf, sz, &len, it->seq);
		goto out;
	case KSEQ_MEETING:
		if (it->seq == 1) {
			cat(buf, sz, &len, " (initial meeting)");
			goto out;
		}
		in = " (review ";
		n = it->seq - 1;
		break;
	case KSEQ_REVIEW:
		in = " (review ";
		break;
	case KSEQ_VISIT:
		in = " (visit ";
		break;
	default:
		goto out;
	}
	cat(buf, sz, &len, in);
	cat_uint(buf, sz, &len, n);
	cat(buf, sz, &len, ")");
out:
	*lenp = len;
}

/*
 * Written without printf: the nightly check calls this for every finding.
 * Minutes and written updates number the meetings (1 is the initial
 * meeting's); a notice its review; a visit record its visit.
 */
const char *
out_what(const struct item *it, char *buf, size_t sz)
{
	size_t		 len;

	len = 0;
	buf[0] = '\0';
	cat(buf, sz, &len, it->rule->label);
	what_seq(it, buf, sz, &len);
	if (it->flagged && it->rule->flag_label != NULL) {
		cat(buf, sz, &len, ": ");
		cat(buf, sz, &len, it->rule->flag_label);
	}
	return buf;
}

void
out_json_string(FILE *f, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char	*p;

	putc('"', f);
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		switch (*p) {
		case '"':
			fputs("\\\"", f);
			break;
		case '\\':
			fputs("\\\\", f);
			break;
		case '\n':
			fputs("\\n", f);
			break;
		case '\r':
			fputs("\\r", f);
			break;
		case '\t':
			fputs("\\t", f);
			break;
		default:
			if (*p < 0x20 || *p == 0x7f) {
				fputs("\\u00", f);
				putc(hex[*p >> 4], f);
				putc(hex[*p & 15], f);
			} else
				putc(*p, f);
		}
	}
	putc('"', f);
}

void
out_html_string(FILE *f, const char *s)
{
	const unsigned char	*p;
	size_t			 n;

	for (p = (const unsigned char *)s; *p != '\0'; p += n) {
		n = 1;
		switch (*p) {
		case '&':
			fputs("&amp;", f);
			continue;
		case '<':
			fputs("&lt;", f);
			continue;
		case '>':
			fputs("&gt;", f);
			continue;
		case '"':
			fputs("&quot;", f);
			continue;
		case '\'':
			fputs("&#39;", f);
			continue;
		case '\t':
		case '\n':
			putc(*p, f);
			continue;
		}
		if (*p < 0x20 || *p == 0x7f || (n = text_utf8_len((const char *)p,
		    strnlen((const char *)p, 4))) == 0) {
			fputs("\xef\xbf\xbd", f);
			n = 1;
		} else
			fwrite(p, 1, n, f);
	}
}

static const char *
anchor_words(enum anchor a)
{
	switch (a) {
	case ANCHOR_REFERRAL:
		return "the referral";
	case ANCHOR_ASSESSMENT:
		return "the assessment is completed";
	case ANCHOR_PLAN_DECISION:
		return "the decision that a plan is needed";
	case ANCHOR_RCPC:
		return "the review child protection conference";
	case ANCHOR_RESIDENCE:
		return "the family became resident";
	case ANCHOR_PLAN_START:
		return "the plan start (the first meeting)";
	case ANCHOR_MEETING:
		return "each meeting";
	case ANCHOR_REVIEW:
		return "each review";
	case ANCHOR_VISIT:
		return "each visit";
	case ANCHOR_SUPERVISION_ORDER:
		return "the Supervision Order is made";
	case ANCHOR_FAILED_VISIT:
		return "each failed visit";
	case ANCHOR_ALLOCATED:
		return "allocation to a social worker";
	case ANCHOR_STEP_DOWN_DECISION:
		return "the decision to step down to early help";
	case ANCHOR_ASSESSMENT_UPDATE:
		return "each updated assessment";
	default:
		return "?";
	}
}

static const char *const ordinal_words[] = {
	"first", "second", "third", "fourth", "fifth", "sixth", "seventh",
	"eighth"
};

const char *
out_rule_words(const struct rule *r, char *buf, size_t sz)
{
	struct span	 sp;
	char		 a[48], b[48];
	size_t		 i, len;
	const char	*after, *from;

	buf[0] = '\0';
	if (r->not_set) {
		snprintf(buf, sz, "not set by this procedure");
		return buf;
	}
	if (r->nevery > 0) {
		after = kind_info(r->kind)->after;
		from = kind_info(r->kind)->start == ANCHOR_ASSESSMENT ?
		    "the assessment" : "the plan start";
		if (r->nevery == 1 && r->has_earliest)
			snprintf(buf, sz, "from %s and no later than %s after"
			    " the previous %s (the first after %s)",
			    span_format(&r->earliest, a, sizeof(a)),
			    span_format(&r->every[0], b, sizeof(b)), after,
			    from);
		else if (r->nevery == 1)
			snprintf(buf, sz, "every %s after the previous %s"
			    " (the first after %s)",
			    span_format(&r->every[0], a, sizeof(a)), after,
			    from);
		else {
			len = 0;
			for (i = 0; i < r->nevery && len < sz; i++) {
				span_format(&r->every[i], a, sizeof(a));
				if (i + 1 == r->nevery)
					len += (size_t)snprintf(buf + len,
					    sz - len, "then every %s", a);
				else if (i == 0)
					len += (size_t)snprintf(buf + len,
					    sz - len, "the first %s after the"
					    " plan start, ", a);
				else
					len += (size_t)snprintf(buf + len,
					    sz - len, "the %s %s after the"
					    " one before, ", ordinal_words[i], a);
			}
		}
		if (r->has_reduce) {
			len = strlen(buf);
			snprintf(buf + len, sz - len, "; every %s once the plan"
			    " has run %s, if the case records %s",
			    span_format(&r->reduce_to, a, sizeof(a)),
			    span_format(&r->reduce_after, b, sizeof(b)),
			    r->reduce_when & FACT_MANAGER_AGREED ?
			    "the manager's agreement" : "the condition");
		}
		return buf;
	}
	sp = r->offset;
	if (sp.n < 0) {
		sp.n = -sp.n;
		snprintf(buf, sz, "%s before %s%s", span_format(&sp, a,
		    sizeof(a)), anchor_words(r->anchor),
		    r->only_unheld ? " not yet held" : "");
	} else
		snprintf(buf, sz, "%s after %s%s", span_format(&sp, a,
		    sizeof(a)), anchor_words(r->anchor),
		    r->kind == KIND_MILESTONE ? " (a marker: never moved)" :
		    r->final ? " (the final one)" : "");
	return buf;
}

const char *
out_note_text(const struct note *n, char *buf, size_t sz)
{
	switch (n->why) {
	case NOTE_NOT_SET:
		snprintf(buf, sz, "%s: not set by this procedure (%s)",
		    kind_name(n->kind), n->rule->source);
		break;
	case NOTE_NO_ANCHOR:
		if (n->anchor == ANCHOR_PLAN_START)
			snprintf(buf, sz, "%s: not scheduled: counted from the"
			    " plan start, and no first-meeting date is given",
			    kind_name(n->kind));
		else
			snprintf(buf, sz, "%s: not scheduled: no %s date given",
			    kind_name(n->kind), anchor_name(n->anchor));
		break;
	case NOTE_UNKNOWN_COUNT:
		snprintf(buf, sz, "%s: cannot be checked: how many were held"
		    " is not known", kind_name(n->kind));
		break;
	}
	return buf;
}
