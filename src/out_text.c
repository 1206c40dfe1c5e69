/*
 * out_text.c: a schedule as a social worker reads it before a meeting:
 * dates with weekdays, what is due, how many working days away or
 * overdue, held or projected, and where the rule comes from.  The nightly
 * check's findings one a line, its figures as a table, and a census
 * report with its summary first.
 *
 * Scripts read this output, so its layout is fixed; only when told a
 * width (a terminal's, or --width) and the table would not fit does a
 * schedule wrap its labels and move its sources to numbered notes, a
 * finding wrap onto indented lines, and the figures stand in blocks.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cal.h"
#include "date.h"
#include "out.h"
#include "out_impl.h"
#include "safeio.h"
#include "xmalloc.h"

struct text_state {
	FILE			*f;
	const struct out_opts	*o;
	size_t			 ncases;
	unsigned long		 nfind;
	struct out_line		 ln;
	FILE			*lines;		/* census: assessment lines
						   until the summary */
	unsigned long		 nlines;
};

#define RED	"\033[31m"
#define GREEN	"\033[32m"
#define YELLOW	"\033[33m"
#define MAGENTA	"\033[35m"
#define BOLD	"\033[1m"
#define RESET	"\033[0m"

static void *
text_begin(FILE *f, const struct out_opts *o, char *err, size_t errsz)
{
	struct text_state	*st;

	st = xcalloc(1, sizeof(*st));
	st->f = f;
	st->o = o;
	/* The census summary comes first: its lines wait on disk. */
	if (o->doc == DOC_CENSUS &&
	    (st->lines = safe_scratch(err, errsz)) == NULL) {
		free(st);
		return NULL;
	}
	return st;
}

static const char *
day(const struct out_opts *o, int d, char *buf, size_t sz)
{
	char	 iso[DATE_STRLEN];
	int	 y, m, dd;

	if (o->date_style == DSTYLE_UK) {
		date_to_ymd(d, &y, &m, &dd);
		snprintf(buf, sz, "%s %2d %s %d", date_weekday_name(d), dd,
		    date_month_name(m), y);
	} else
		snprintf(buf, sz, "%s %s", date_weekday_name(d),
		    date_format(d, iso));
	return buf;
}

static const char *
when(const struct out_opts *o, const struct out_case *c, const struct item *it,
    char *buf, size_t sz)
{
	char	 d[32];
	long	 n;

	if (it->held != DATE_NONE) {
		snprintf(buf, sz, "held %s", day(o, it->held, d, sizeof(d)));
		return buf;
	}
	n = cal_between(c->cal, o->as_of, it->due);
	if (it->due == o->as_of)
		snprintf(buf, sz, "today");
	else if (it->due > o->as_of)
		snprintf(buf, sz, "in %ld working day%s", n, n == 1 ? "" : "s");
	else if (it->status == ST_REACHED)
		snprintf(buf, sz, "passed");
	else if (it->status == ST_UNRECORDED)
		snprintf(buf, sz, "not recorded");
	else if (n == 0)
		snprintf(buf, sz, "overdue");
	else
		snprintf(buf, sz, "%ld working day%s overdue", -n,
		    n == -1 ? "" : "s");
	return buf;
}

static const char *
colour(enum status st)
{
	switch (st) {
	case ST_DONE:
		return GREEN;
	case ST_LATE:
		return MAGENTA;
	case ST_OVERDUE:
		return RED BOLD;
	case ST_DUE_SOON:
		return YELLOW;
	default:
		return "";
	}
}

/* --- fitting a width ------------------------------------------------------ */

/* Columns a string takes on a terminal: one a character. */
static size_t
cols(const char *s, size_t len)
{
	size_t	 i, n;

	for (i = n = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			n++;
	return n;
}

/*
 * The bytes of s that fit in width columns, broken after the last space
 * that fits (or, with none, at the width); *next is where the rest starts.
 */
static size_t
fit(const char *s, size_t width, const char **next)
{
	size_t	 i, n, brk;

	brk = 0;
	for (i = n = 0; s[i] != '\0'; i++) {
		if (((unsigned char)s[i] & 0xc0) != 0x80 && n++ == width)
			break;
		if (s[i] == ' ')
			brk = i;
	}
	if (s[i] == '\0') {
		*next = s + i;
		return i;
	}
	if (brk == 0)
		brk = i;
	*next = s + brk;
	while (**next == ' ')
		(*next)++;
	while (brk > 0 && s[brk - 1] == ' ')
		brk--;
	return brk;
}

/*
 * Write s in lines of at most width columns; the first goes where the
 * cursor is, with first columns already used, the rest after indent
 * spaces.
 */
static void
wrap(FILE *f, const char *s, size_t width, size_t first, size_t indent)
{
	const char	*next;
	size_t		 n, room;

	room = width > first ? width - first : 1;
	for (;;) {
		n = fit(s, room, &next);
		fwrite(s, 1, n, f);
		putc('\n', f);
		if (*(s = next) == '\0')
			return;
		fprintf(f, "%*s", (int)indent, "");
		room = width > indent ? width - indent : 1;
	}
}

/* A line of prose: wrapped when fitting a width, else as it is. */
static void
prose(FILE *f, const struct out_opts *o, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
prose(FILE *f, const struct out_opts *o, const char *fmt, ...)
{
	va_list	 ap;
	char	 buf[1024];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (o->width > 0)
		wrap(f, buf, (size_t)o->width, 0, 0);
	else
		fprintf(f, "%s\n", buf);
}

/* The sources of a schedule, each once, numbered in order of first use. */
struct sources {
	const char	**v;
	size_t		  n;
};

static size_t
source_number(struct sources *sr, const char *src)
{
	size_t	 i;

	for (i = 0; i < sr->n; i++)
		if (strcmp(sr->v[i], src) == 0)
			return i + 1;
	sr->v = xreallocarray(sr->v, sr->n + 1, sizeof(*sr->v));
	sr->v[sr->n++] = src;
	return sr->n;
}

static const char *
what(const struct out_opts *o, const struct item *it, char *buf, size_t sz)
{
	char	 w[256], d[32];

	char	 a[32];

	out_what(it, w, sizeof(w));
	if (it->earliest != DATE_NONE)
		snprintf(buf, sz, "%s (window from %s)", w,
		    day(o, it->earliest, d, sizeof(d)));
	else if (it->rule->has_also && it->also != DATE_NONE)
		snprintf(buf, sz, "%s (%s: %s)", w, it->rule->also_label,
		    day(o, it->also, a, sizeof(a)));
	else
		snprintf(buf, sz, "%s", w);
	return buf;
}

/* The widths of the fixed columns: the marker, the due date, the gaps. */
#define DUE_COLS(o)	((o)->date_style == DSTYLE_UK ? 15 : 14)

/* Would the table, at its natural widths, be wider than o->width? */
static int
too_wide(const struct out_opts *o, const struct out_case *c, size_t ww,
    size_t whw)
{
	size_t	 i, srcw, len;

	srcw = strlen("SOURCE");
	for (i = 0; i < c->s->n; i++)
		if ((len = cols(c->s->items[i].rule->source,
		    strlen(c->s->items[i].rule->source))) > srcw)
			srcw = len;
	return 2 + DUE_COLS(o) + 2 + ww + 2 + whw + 2 + 10 + 2 + srcw >
	    (size_t)o->width;
}

/*
 * The table in o->width columns: WHAT takes what the others leave and
 * wraps under itself, and each item's source becomes a number after it,
 * listed below the table.  Too narrow for that (fewer than MIN_WHAT
 * columns left for WHAT), when and status go on a line of their own.
 */
#define MIN_WHAT	24

static void
narrow_case(struct text_state *st, const struct out_case *c, size_t whw)
{
	const struct out_opts	*o = st->o;
	const struct item	*it;
	struct sources		 sr;
	FILE			*f = st->f;
	char			 d[32], w[320], wh[64], lab[360];
	const char		*rest, *next, *on;
	size_t			 i, ww, at, n, width;
	int			 stacked;

	memset(&sr, 0, sizeof(sr));
	width = (size_t)o->width;
	at = 2 + DUE_COLS(o) + 2;
	stacked = width < at + MIN_WHAT + 2 + whw + 2 + 10;
	if (stacked) {
		ww = width > at + MIN_WHAT ? width - at : MIN_WHAT;
		fprintf(f, "  %-*s  %s\n", DUE_COLS(o), "DUE", "WHAT");
	} else {
		ww = width - (at + 2 + whw + 2 + 10);
		fprintf(f, "  %-*s  %-*s  %-*s  %s\n", DUE_COLS(o), "DUE",
		    (int)ww, "WHAT", (int)whw, "WHEN", "STATUS");
	}
	for (i = 0; i < c->s->n; i++) {
		it = &c->s->items[i];
		snprintf(lab, sizeof(lab), "%s [%zu]", what(o, it, w,
		    sizeof(w)), source_number(&sr, it->rule->source));
		on = o->color ? colour(it->status) : "";
		n = fit(lab, ww, &rest);
		fprintf(f, "%c %s  %.*s", it->projected ? '~' : ' ',
		    day(o, it->due, d, sizeof(d)), (int)n, lab);
		if (!stacked)
			fprintf(f, "%*s  %-*s  %s%s%s", (int)(ww - cols(lab, n)),
			    "", (int)whw, when(o, c, it, wh, sizeof(wh)), on,
			    status_name(it->status), o->color ? RESET : "");
		putc('\n', f);
		while (*rest != '\0') {
			n = fit(rest, ww, &next);
			fprintf(f, "%*s%.*s\n", (int)at, "", (int)n, rest);
			rest = next;
		}
		if (stacked)
			fprintf(f, "%*s%s%s%s: %s\n", (int)at, "", on,
			    status_name(it->status), o->color ? RESET : "",
			    when(o, c, it, wh, sizeof(wh)));
	}
	fputs("\nSources in the procedure:\n", f);
	for (i = 0; i < sr.n; i++) {
		n = (size_t)fprintf(f, "  [%zu] ", i + 1);
		wrap(f, sr.v[i], width, n, n);
	}
	free(sr.v);
}

static int
text_case(void *v, const struct out_case *c, char *err, size_t errsz)
{
	struct text_state	*st = v;
	const struct out_opts	*o = st->o;
	const struct profile	*p = c->profile;
	const struct item	*it;
	FILE			*f = st->f;
	const char		*id;
	char			 d[32], w[320], wh[64];
	size_t			 i, ww, whw, len;
	int			 anyproj;

	if (st->ncases++ > 0)
		putc('\n', f);
	id = c->case_id ? c->case_id : "(no reference)";
	snprintf(w, sizeof(w), "%s (%s%s%s), plan type %s", p->authority,
	    p->id, c->area >= 0 ? ", " : "", c->area >= 0 ?
	    p->areas[c->area].name : "", plan_type_name(c->plan_type));
	fprintf(f, "%sCase %s%s: ", o->color ? BOLD : "", id,
	    o->color ? RESET : "");
	if (o->width > 0)
		wrap(f, w, (size_t)o->width, 7 + cols(id, strlen(id)), 2);
	else
		fprintf(f, "%s\n", w);
	if (c->worker != NULL)
		fprintf(f, "Worker: %s\n", c->worker);
	fprintf(f, "As of %s", day(o, o->as_of, d, sizeof(d)));
	fprintf(f, "; projected to %s\n\n", day(o, o->until, d, sizeof(d)));

	if (c->s->n == 0)
		fputs("Nothing is due up to that date.\n", f);
	ww = strlen("WHAT");
	whw = strlen("WHEN");
	anyproj = 0;
	for (i = 0; i < c->s->n; i++) {
		it = &c->s->items[i];
		if ((len = strlen(what(o, it, w, sizeof(w)))) > ww)
			ww = len;
		if ((len = strlen(when(o, c, it, wh, sizeof(wh)))) > whw)
			whw = len;
		anyproj |= it->projected;
	}
	if (c->s->n > 0 && o->width > 0 && too_wide(o, c, ww, whw)) {
		narrow_case(st, c, whw);
		ww = 0;
	} else if (c->s->n > 0)
		fprintf(f, "  %-*s  %-*s  %-*s  %-10s  %s\n",
		    o->date_style == DSTYLE_UK ? 15 : 14, "DUE", (int)ww,
		    "WHAT", (int)whw, "WHEN", "STATUS", "SOURCE");
	for (i = 0; ww > 0 && i < c->s->n; i++) {
		it = &c->s->items[i];
		fprintf(f, "%c %s  %-*s  %-*s  %s%-10s%s  %s\n",
		    it->projected ? '~' : ' ', day(o, it->due, d, sizeof(d)),
		    (int)ww, what(o, it, w, sizeof(w)), (int)whw,
		    when(o, c, it, wh, sizeof(wh)),
		    o->color ? colour(it->status) : "",
		    status_name(it->status), o->color ? RESET : "",
		    it->rule->source);
	}
	if (anyproj)
		prose(f, o, "\n~ projected: assumes the steps before it happen"
		    " on their due dates.");
	if (c->s->nnotes > 0) {
		fputs("\nNotes:\n", f);
		for (i = 0; i < c->s->nnotes; i++) {
			out_note_text(&c->s->notes[i], w, sizeof(w));
			if (o->width > 0) {
				fputs("  ", f);
				wrap(f, w, (size_t)o->width, 2, 4);
			} else
				fprintf(f, "  %s\n", w);
		}
	}
	return ferror(f) ? -1 : 0;
}

/* --- check ---------------------------------------------------------------- */

static int
text_finding(void *v, const struct out_finding *fi, char *err, size_t errsz)
{
	struct text_state	*st = v;
	struct out_line		*ln = &st->ln;
	const struct item	*it = fi->it;
	char			 w[320];
	size_t			 what_at;
	long			 wd = fi->working_days;

	out_line_str(ln, it->status == ST_OVERDUE ? "overdue  " : "due-soon ");
	out_line_str(ln, date_weekday_name(it->due));
	out_line_add(ln, " ", 1);
	out_line_date(ln, it->due);
	out_line_add(ln, "  ", 2);
	out_line_str(ln, fi->case_id);
	out_line_add(ln, "  ", 2);
	out_line_str(ln, fi->profile->id);
	if (fi->area >= 0) {
		out_line_add(ln, "/", 1);
		out_line_str(ln, fi->profile->areas[fi->area].id);
	}
	out_line_add(ln, "  ", 2);
	out_line_str(ln, fi->worker ? fi->worker : "-");
	out_line_add(ln, "  ", 2);
	what_at = ln->n;
	out_line_str(ln, out_what(it, w, sizeof(w)));
	if (it->status == ST_OVERDUE) {
		out_line_add(ln, "  (", 3);
		out_line_long(ln, -wd);
		out_line_str(ln, wd == -1 ? " working day overdue)\n" :
		    " working days overdue)\n");
	} else if (wd == 0)
		out_line_str(ln, "  (due today)\n");
	else {
		out_line_add(ln, "  (in ", 6);
		out_line_long(ln, wd);
		out_line_str(ln, wd == 1 ? " working day)\n" :
		    " working days)\n");
	}
	st->nfind++;
	/*
	 * Too long for the terminal: who and when on one line, what on the
	 * next, each wrapped under the date.
	 */
	if (st->o->width > 0 && cols(ln->b, ln->n - 1) > (size_t)st->o->width) {
		ln->b[what_at - 2] = '\0';
		ln->b[ln->n - 1] = '\0';
		wrap(st->f, ln->b, (size_t)st->o->width, 0, 9);
		fprintf(st->f, "%9s", "");
		wrap(st->f, ln->b + what_at, (size_t)st->o->width, 9, 9);
		ln->n = 0;
		return ferror(st->f) ? -1 : 0;
	}
	return out_line_put(ln, st->f);
}

static int
text_check_end(void *v, const struct out_check_end *ce, char *err,
    size_t errsz)
{
	struct text_state	*st = v;
	char			 d[DATE_STRLEN];
	int			 within = st->o->within;

	if (st->nfind)
		putc('\n', st->f);
	prose(st->f, st->o, "%lu overdue, %lu due within %d working day%s, in"
	    " %lu open case%s (%s) as of %s", ce->overdue, ce->due_soon, within,
	    within == 1 ? "" : "s", ce->open, ce->open == 1 ? "" : "s",
	    ce->rows, date_format(st->o->as_of, d));
	return ferror(st->f) ? -1 : 0;
}

static const char *
pct(unsigned long a, unsigned long b, char *buf, size_t sz)
{
	if (b == 0)
		snprintf(buf, sz, "-");
	else
		snprintf(buf, sz, "%.1f%%", 100.0 * (double)a / (double)b);
	return buf;
}

static void
tally_text(FILE *out, const char *title, const struct out_tally *t)
{
	const struct out_measure	*m;
	unsigned long			 yes, all;
	size_t				 i;
	char				 p[16];

	fprintf(out, "%-24s %6lu", title, (unsigned long)t->cases);
	for (i = 0; i < out_nmeasures; i++) {
		m = &out_measures[i];
		out_measure_counts(m, t, &yes, &all);
		all += yes;
		fprintf(out, "  %6lu/%-6lu %6s", yes, all,
		    pct(yes, all, p, sizeof(p)));
	}
	putc('\n', out);
}

/* One group's figures as a block, for a narrow terminal. */
static void
tally_block(FILE *out, const char *title, const struct out_tally *t)
{
	const struct out_measure	*m;
	unsigned long			 yes, all;
	size_t				 i, j;
	char				 p[16], cases[32], low[32];

	snprintf(cases, sizeof(cases), "%lu case%s",
	    (unsigned long)t->cases, t->cases == 1 ? "" : "s");
	fprintf(out, "%s: %s\n", title, cases);
	for (i = 0; i < out_nmeasures; i++) {
		m = &out_measures[i];
		out_measure_counts(m, t, &yes, &all);
		all += yes;
		for (j = 0; m->title[j] != '\0' && j < sizeof(low) - 1; j++)
			low[j] = (char)tolower((unsigned char)m->title[j]);
		low[j] = '\0';
		fprintf(out, "  %-20s %6lu/%-6lu %6s\n", low, yes, all,
		    pct(yes, all, p, sizeof(p)));
	}
}

/* The table's width: the title, the cases, then each measure. */
#define SUMMARY_COLS	(24 + 1 + 6 + 4 * (2 + 20))

static int
text_summary(void *v, const struct out_summary *sm, char *err, size_t errsz)
{
	struct text_state	*st = v;
	FILE			*out = st->f;
	void			(*row)(FILE *, const char *,
				    const struct out_tally *);
	char			 d[DATE_STRLEN];
	size_t			 i;

	prose(out, st->o, "Within timescale, as of %s: %lu open case%s (%s)\n",
	    date_format(st->o->as_of, d), sm->end.open,
	    sm->end.open == 1 ? "" : "s", sm->end.rows);
	/* A terminal too narrow for the table: each group a block. */
	row = st->o->width > 0 && st->o->width < SUMMARY_COLS ? tally_block :
	    tally_text;
	if (row == tally_text) {
		fprintf(out, "%-24s %6s", "", "CASES");
		for (i = 0; i < out_nmeasures; i++)
			fprintf(out, i + 1 < out_nmeasures ? "  %-20s" :
			    "  %s", out_measures[i].title);
		putc('\n', out);
	}
	row(out, "all", sm->all);
	fputs("\nby profile\n", out);
	for (i = 0; i < sm->nprofile; i++)
		row(out, sm->by_profile[i].key, &sm->by_profile[i]);
	fputs("\nby worker\n", out);
	for (i = 0; i < sm->nworker; i++)
		row(out, sm->by_worker[i].key, &sm->by_worker[i]);
	prose(out, st->o, "\nAssessments and first meetings: held within"
	    " their timescale / held.");
	prose(out, st->o, "Reviews and visits: cases whose next one is not"
	    " overdue / cases checked.");
	if (sm->all->unknown > 0)
		prose(out, st->o, "Reviews not checkable (no last_review date,"
		    " though reviews may have been held): %lu",
		    (unsigned long)sm->all->unknown);
	return ferror(out) ? -1 : 0;
}

/* --- census ---------------------------------------------------------------- */

/* The child id for a text line: printable. */
static void
text_id(FILE *f, const char *id)
{
	size_t	 n;

	for (n = 0; *id != '\0'; id++, n++)
		putc((unsigned char)*id < 0x20 || *id == 0x7f ? '?' : *id, f);
	for (; n < 12; n++)
		putc(' ', f);
}

/* A date, or none when DATE_NONE. */
static const char *
date_or(int d, char *buf, const char *none)
{
	return d == DATE_NONE ? none : date_format(d, buf);
}

static int
text_assessment(void *v, const struct out_assessment *a, char *err,
    size_t errsz)
{
	struct text_state	*st = v;
	FILE			*f = st->lines;
	char			 d1[DATE_STRLEN], d2[DATE_STRLEN];
	char			 d3[DATE_STRLEN];

	text_id(f, a->child);
	fprintf(f, " %s  %-10s  %-10s  ", date_format(a->referral, d1),
	    date_or(a->started, d2, "-"), date_or(a->authorised, d3, "open"));
	if (a->authorised == DATE_NONE)
		fputs("           -  -\n", f);
	else
		fprintf(f, "%12ld  %s\n", a->working_days,
		    a->within ? "yes" : "no");
	st->nlines++;
	return 0;
}

static void
put_percent(FILE *f, unsigned long part, unsigned long whole)
{
	unsigned long long	 t;

	if (whole == 0)
		return;
	/* Tenths of a per cent, rounded half up, without floating point. */
	t = ((unsigned long long)part * 2000 + whole) / (2 * whole);
	fprintf(f, " (%llu.%llu%%)", t / 10, t % 10);
}

static int
copy_lines(struct text_state *st)
{
	char	 buf[8192];
	size_t	 n;

	if (fflush(st->lines) == EOF || fseek(st->lines, 0, SEEK_SET) == -1)
		return -1;
	while ((n = fread(buf, 1, sizeof(buf), st->lines)) > 0)
		if (fwrite(buf, 1, n, st->f) != n)
			return -1;
	return ferror(st->lines) ? -1 : 0;
}

static int
text_census(void *v, const struct out_census *cs, char *err, size_t errsz)
{
	struct text_state	*st = v;
	FILE			*f = st->f;
	char			 d[DATE_STRLEN];

	fputs("Children in Need census", f);
	if (cs->collection != NULL)
		fprintf(f, " %s", cs->collection);
	if (cs->year != NULL)
		fprintf(f, " %s", cs->year);
	if (cs->reference_date != DATE_NONE)
		fprintf(f, ", reference date %s",
		    date_format(cs->reference_date, d));
	fprintf(f, "\n\nChildren: %lu", cs->children);
	if (cs->children_out > 0)
		fprintf(f, " (%lu left out)", cs->children_out);
	fprintf(f, "\nAssessments authorised: %lu\n", cs->authorised);
	fprintf(f, "  within %d working days of the referral: %lu",
	    cs->limit, cs->within);
	put_percent(f, cs->within, cs->authorised);
	fprintf(f, "\n  later: %lu", cs->authorised - cs->within);
	put_percent(f, cs->authorised - cs->within, cs->authorised);
	fprintf(f, "\nAssessments open: %lu\n", cs->open);
	if (cs->assessments_out > 0)
		fprintf(f, "Assessments left out: %lu\n", cs->assessments_out);
	if (cs->rejected > 0)
		fprintf(f, "Values rejected: %lu (see the messages)\n",
		    cs->rejected);
	if (cs->warnings > 0)
		fprintf(f, "Elements ignored: %lu (see the messages)\n",
		    cs->warnings);
	if (!cs->complete)
		fprintf(f, "Incomplete: the file could not be read past line"
		    " %ld\n", cs->stop_line);
	if (st->nlines > 0)
		fprintf(f, "\nCHILD        REFERRAL    STARTED     AUTHORISED "
		    " WORKING DAYS  WITHIN %d\n", cs->limit);
	if (copy_lines(st) == -1) {
		snprintf(err, errsz, "reading back the report: %s",
		    strerror(errno));
		return -1;
	}
	return 0;
}

static int
text_end(void *v, char *err, size_t errsz)
{
	struct text_state	*st = v;

	if (st->lines != NULL)
		fclose(st->lines);
	out_line_free(&st->ln);
	free(st);
	return 0;
}

const struct out_impl out_text_impl = {
	.begin = text_begin,
	.write_case = text_case,
	.finding = text_finding,
	.check_end = text_check_end,
	.summary = text_summary,
	.assessment = text_assessment,
	.census = text_census,
	.end = text_end
};
