/*
 * out_html.c: pages to print.  A schedule as a timeline and a table, for
 * the worker or, in plain words, for the family at the meeting; the
 * nightly check as a team report, findings by worker under small charts
 * of the figures; a census return's durations as a histogram.
 *
 * Each page is one self-contained file: inline CSS and SVG, no script, no
 * font, image or style fetched from anywhere (a Content-Security-Policy
 * says so to the browser as well), and well-formed as XML.  Status is told
 * by shape and word as well as colour, so it survives black-and-white
 * print and colour blindness; every colour used for text is at least 4.5:1
 * on white.  Whatever comes from a caseload or the command line goes
 * through out_html_string() and nothing else.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cal.h"
#include "date.h"
#include "kind.h"
#include "out.h"
#include "out_impl.h"
#include "xmalloc.h"

/* A finding kept until the report is written: grouped, then sorted. */
struct html_finding {
	char		*worker;	/* NULL: none recorded */
	char		*case_id;
	char		*what;
	char		*where;		/* profile, and area */
	int		 due;
	int		 overdue;
	long		 working_days;
};

/* The DfE's bands of assessment duration, in working days. */
#define NBAND	11
static const struct {
	long		 lo, hi;	/* inclusive; hi -1: no upper end */
	const char	*words;
} bands[NBAND] = {
	{ 0, 0, "Same day" }, { 1, 10, "1\xe2\x80\x93" "10" },
	{ 11, 15, "11\xe2\x80\x93" "15" }, { 16, 20, "16\xe2\x80\x93" "20" },
	{ 21, 25, "21\xe2\x80\x93" "25" }, { 26, 30, "26\xe2\x80\x93" "30" },
	{ 31, 35, "31\xe2\x80\x93" "35" }, { 36, 40, "36\xe2\x80\x93" "40" },
	{ 41, 45, "41\xe2\x80\x93" "45" }, { 46, 50, "46\xe2\x80\x93" "50" },
	{ 51, -1, "Over 50" }
};

struct html_state {
	FILE			*f;
	const struct out_opts	*o;
	int			 begun;		/* <body> written */
	struct html_finding	*find;
	size_t			 nfind, findcap;
	unsigned long		 band[NBAND];
};

/* How an item stands, as the page shows it: a shape, a colour, words. */
enum mark {
	MK_DONE,
	MK_LATE,
	MK_OVERDUE,
	MK_DUE_SOON,
	MK_UPCOMING,
	MK_PROVISIONAL,
	MK_PASSED,
	MK_UNRECORDED
};
#define MK_COUNT	8

static const struct {
	const char	*colour;	/* 4.5:1 or more on white */
	const char	*worker;	/* the word for a worker */
	const char	*family;	/* and for a family */
} marks[MK_COUNT] = {
	[MK_DONE] = { "#1b6e2a", "done", "done" },
	[MK_LATE] = { "#6a3d9a", "done late", "done, later than planned" },
	[MK_OVERDUE] = { "#b00020", "overdue", "late" },
	[MK_DUE_SOON] = { "#8a4b00", "due soon", "coming up soon" },
	[MK_UPCOMING] = { "#1f4e9c", "upcoming", "planned" },
	[MK_PROVISIONAL] = { "#555555", "provisional", "provisional" },
	[MK_PASSED] = { "#444444", "passed", "passed" },
	[MK_UNRECORDED] = { "#444444", "not recorded", "not recorded" },
};

static const char css[] =
	"@page{size:A4;margin:12mm}\n"
	"body{font:10pt/1.35 \"DejaVu Sans\",\"Liberation Sans\",Arial,"
	"sans-serif;color:#1a1a1a;background:#fff;max-width:186mm;"
	"margin:0 auto;padding:4mm 0}\n"
	"h1{font-size:16pt;margin:0 0 2pt}\n"
	"h2{font-size:12pt;margin:10pt 0 4pt}\n"
	"h3{font-size:10.5pt;margin:8pt 0 3pt}\n"
	"p{margin:2pt 0}\n"
	"time,.ref{white-space:nowrap}\n"
	".meta{color:#333}\n"
	"svg{display:block}\n"
	"svg.timeline{width:100%;height:auto}\n"
	"svg.chart{width:100%;height:auto;max-height:70mm}\n"
	"svg.shape,svg.bar{display:inline-block;vertical-align:middle}\n"
	"svg.shape{margin-right:3pt}\n"
	"ul.legend{list-style:none;margin:3pt 0;padding:0;font-size:9pt}\n"
	"ul.legend li{display:inline-block;margin-right:9pt}\n"
	"table{border-collapse:collapse;width:100%;margin:2pt 0}\n"
	"th,td{text-align:left;padding:2pt 4pt;border-bottom:1px solid #999;"
	"vertical-align:top}\n"
	"thead th{border-bottom:2px solid #1a1a1a}\n"
	"td.n,th.n{text-align:right}\n"
	"td.share{white-space:nowrap}\n"
	"col.what{width:50%}col.due{width:27%}\n"
	"tr{break-inside:avoid}\n"
	".src,.quiet{color:#555;font-size:8.5pt}\n"
	"dl{margin:2pt 0}\n"
	"dt{font-weight:bold;margin-top:4pt}\n"
	"dd{margin:0 0 0 12pt}\n"
	"footer{margin-top:10pt;padding-top:3pt;border-top:1px solid #999;"
	"font-size:8.5pt;color:#333}\n";

/* --- small pieces --------------------------------------------------------- */

static void
esc(struct html_state *st, const char *s)
{
	out_html_string(st->f, s);
}

/* "Tue 6 April 2027": as people write a date. */
static const char *
date_words(int d, char *buf, size_t sz)
{
	int	 y, m, dd;

	date_to_ymd(d, &y, &m, &dd);
	snprintf(buf, sz, "%s %d %s %d", date_weekday_name(d), dd,
	    date_month_fullname(m), y);
	return buf;
}

/* A date for people, marked up with the date for machines. */
static void
put_date(FILE *f, int d)
{
	char	 iso[DATE_STRLEN], w[48];

	fprintf(f, "<time datetime=\"%s\">%s</time>", date_format(d, iso),
	    date_words(d, w, sizeof(w)));
}

/* 0, or -1 with err set if the page could not be written. */
static int
written(struct html_state *st, char *err, size_t errsz)
{
	if (!ferror(st->f))
		return 0;
	snprintf(err, errsz, "writing the page failed");
	return -1;
}

static void
begin_page(struct html_state *st, const char *title)
{
	FILE	*f = st->f;

	if (st->begun)
		return;
	st->begun = 1;
	fputs("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n"
	    "<meta charset=\"utf-8\"/>\n"
	    "<meta http-equiv=\"Content-Security-Policy\" content=\""
	    "default-src 'none'; style-src 'unsafe-inline'\"/>\n"
	    "<meta name=\"viewport\" content=\"width=device-width\"/>\n"
	    "<title>", f);
	esc(st, title);
	fprintf(f, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", css);
}

static enum mark
mark_of(const struct item *it)
{
	if (it->held != DATE_NONE)
		return it->status == ST_LATE ? MK_LATE : MK_DONE;
	switch (it->status) {
	case ST_OVERDUE:
		return MK_OVERDUE;
	case ST_REACHED:
		return MK_PASSED;
	case ST_UNRECORDED:
		return MK_UNRECORDED;
	default:
		break;
	}
	if (it->projected)
		return MK_PROVISIONAL;
	return it->status == ST_DUE_SOON ? MK_DUE_SOON : MK_UPCOMING;
}

static const char *
mark_words(const struct html_state *st, enum mark m)
{
	return st->o->audience == AUD_FAMILY ? marks[m].family :
	    marks[m].worker;
}

/*
 * The shape of a mark centred on (x, y), in SVG units: filled circle done,
 * ringed circle done late, triangle overdue, square due soon, open circle
 * upcoming, dashed diamond provisional, bar passed, open square not
 * recorded.
 */
static void
put_shape(FILE *f, enum mark m, int x, int y)
{
	const char	*c = marks[m].colour;

	switch (m) {
	case MK_DONE:
		fprintf(f, "<circle cx=\"%d\" cy=\"%d\" r=\"7\" fill=\"%s\"/>",
		    x, y, c);
		break;
	case MK_LATE:
		fprintf(f, "<circle cx=\"%d\" cy=\"%d\" r=\"5\" fill=\"%s\"/>"
		    "<circle cx=\"%d\" cy=\"%d\" r=\"8.5\" fill=\"none\" "
		    "stroke=\"%s\" stroke-width=\"2\"/>", x, y, c, x, y, c);
		break;
	case MK_OVERDUE:
		fprintf(f, "<path d=\"M%d %dl9 15h-18z\" fill=\"%s\"/>", x,
		    y - 9, c);
		break;
	case MK_DUE_SOON:
		fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"13\" height=\"13\""
		    " fill=\"%s\"/>", x - 6, y - 6, c);
		break;
	case MK_UPCOMING:
		fprintf(f, "<circle cx=\"%d\" cy=\"%d\" r=\"6\" fill=\"#fff\""
		    " stroke=\"%s\" stroke-width=\"2.5\"/>", x, y, c);
		break;
	case MK_PROVISIONAL:
		fprintf(f, "<path d=\"M%d %dl8 8l-8 8l-8 -8z\" fill=\"#fff\""
		    " stroke=\"%s\" stroke-width=\"2\" stroke-dasharray=\"3 2\""
		    "/>", x, y - 8, c);
		break;
	case MK_PASSED:
		fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"4\" height=\"16\""
		    " fill=\"%s\"/>", x - 2, y - 8, c);
		break;
	case MK_UNRECORDED:
		fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\""
		    " fill=\"#fff\" stroke=\"%s\" stroke-width=\"2\"/>", x - 6,
		    y - 6, c);
		break;
	}
}

/* A mark on its own, beside words that say the same. */
static void
put_icon(FILE *f, enum mark m)
{
	fputs("<svg class=\"shape\" width=\"12\" height=\"12\" viewBox=\"0 0 "
	    "20 20\" aria-hidden=\"true\">", f);
	put_shape(f, m, 10, 10);
	fputs("</svg>", f);
}

/* --- schedule ------------------------------------------------------------- */

/* Whether the page shows item it. */
static int
shown(const struct html_state *st, const struct item *it)
{
	if (st->o->audience != AUD_FAMILY)
		return 1;
	return !kind_info(it->kind)->internal && it->status != ST_UNRECORDED;
}

/* Where an item sits on the timeline: when it was held, else its due. */
static int
when(const struct item *it)
{
	return it->held != DATE_NONE ? it->held : it->due;
}

#define TL_W		1000	/* the timeline's width, in SVG units */
#define TL_PAD		24	/* either side */
#define TL_AXIS		50	/* the month axis above the lanes */
#define TL_LANE		72	/* a lane: its name, its line at
				   TL_MARK, dates in two rows under it */
#define TL_MARK		32

struct span_tl {
	int	 from, to;
};

static int
tl_x(const struct span_tl *sp, int d)
{
	long	 w = TL_W - 2 * TL_PAD;

	if (sp->to <= sp->from)
		return TL_PAD;
	return TL_PAD + (int)((long)(d - sp->from) * w / (sp->to - sp->from));
}

/* "6 Apr": short enough to sit under a mark. */
static const char *
short_date(int d, char *buf, size_t sz)
{
	int	 y, m, dd;

	date_to_ymd(d, &y, &m, &dd);
	snprintf(buf, sz, "%d %s", dd, date_month_name(m));
	return buf;
}

/*
 * Month ticks along the top, the year where it turns: every month, or
 * every 3, 12, 24, 48... months, so that labels stay 80 units apart.
 */
static void
tl_axis(FILE *f, const struct span_tl *sp, int bottom)
{
	long	 months;
	int	 y, m, dd, d, x, step, first;

	date_to_ymd(sp->from, &y, &m, &dd);
	months = (sp->to - sp->from) / 30 + 1;
	for (step = 1; (long)step * (TL_W - 2 * TL_PAD) / months < 80;)
		step = step == 1 ? 3 : step == 3 ? 12 : step * 2;
	fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
	    "stroke=\"#1a1a1a\"/>\n", TL_PAD, TL_AXIS - 16, TL_W - TL_PAD,
	    TL_AXIS - 16);
	for (first = 1;;) {
		if (++m > 12) {
			m = 1;
			y++;
		}
		if ((d = date_from_ymd(y, m, 1)) > sp->to)
			break;
		if (d <= sp->from || ((long)y * 12 + m - 1) % step != 0)
			continue;
		/* No room for a label at the very end. */
		if ((x = tl_x(sp, d)) > TL_W - TL_PAD - 40)
			break;
		fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
		    "stroke=\"#bbb\"/>\n", x, TL_AXIS - 20, x, bottom);
		fprintf(f, "<text x=\"%d\" y=\"%d\" font-size=\"15\" "
		    "fill=\"#333\">%s", x + 3, TL_AXIS - 21,
		    date_month_name(m));
		if (m == 1 || first)
			fprintf(f, " %d", y);
		fputs("</text>\n", f);
		first = 0;
	}
}

/*
 * A labelled line down the timeline at d: today, labelled at the top, or
 * the referral, at the foot, so the two never write over each other.
 */
static void
tl_rule(FILE *f, const struct span_tl *sp, int d, const char *words,
    int today, int bottom)
{
	char	 sd[24];
	int	 x = tl_x(sp, d), end;

	/* A label near the right edge runs leftwards. */
	end = x > TL_W - 160;
	fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
	    "stroke=\"#1a1a1a\" stroke-width=\"%s\"%s/>\n", x, TL_AXIS - 16, x,
	    bottom + (today ? 0 : 6), today ? "2" : "1.5", today ?
	    " stroke-dasharray=\"6 4\"" : "");
	fprintf(f, "<text x=\"%d\" y=\"%d\" font-size=\"15\" font-weight="
	    "\"bold\" fill=\"#1a1a1a\"%s>%s %s</text>\n", end ? x - 4 : x + 4,
	    today ? TL_AXIS - 2 : bottom + 18, end ? " text-anchor=\"end\"" :
	    "", words, short_date(d, sd, sizeof(sd)));
}

static void
timeline(struct html_state *st, const struct out_case *c)
{
	const struct item	*it;
	struct span_tl		 sp;
	FILE			*f = st->f;
	enum kind		 lane[KIND_COUNT];
	int			 lastx[KIND_COUNT][2];
	size_t			 nlane, i, l, n;
	int			 x, y, bottom, d, ref, row;
	char			 sd[24], w1[48], w2[48], w[320];

	ref = c->facts != NULL ? c->facts->referral : DATE_NONE;
	sp.from = st->o->as_of;
	sp.to = st->o->until;
	if (ref != DATE_NONE && ref < sp.from)
		sp.from = ref;
	nlane = 0;
	n = 0;
	for (i = 0; i < c->s->n; i++) {
		it = &c->s->items[i];
		if (!shown(st, it))
			continue;
		n++;
		if ((d = when(it)) < sp.from)
			sp.from = d;
		if (d > sp.to)
			sp.to = d;
		for (l = 0; l < nlane; l++)
			if (lane[l] == it->kind)
				break;
		if (l == nlane) {
			lane[nlane] = it->kind;
			lastx[nlane][0] = lastx[nlane][1] = -1000;
			nlane++;
		}
	}
	/* A little room either side of the first and last. */
	sp.from -= 3;
	sp.to += 3;
	bottom = TL_AXIS + (int)nlane * TL_LANE;
	fprintf(f, "<h2>Timeline</h2>\n<svg class=\"timeline\" xmlns="
	    "\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\""
	    " aria-labelledby=\"tl-title tl-desc\">\n<title id=\"tl-title\">"
	    "Timeline from %s to %s</title>\n<desc id=\"tl-desc\">%zu dates,"
	    " one row for each kind; today is marked. The table below lists"
	    " every one.</desc>\n", TL_W, bottom + 24, date_words(sp.from + 3,
	    w1, sizeof(w1)), date_words(sp.to - 3, w2, sizeof(w2)), n);
	tl_axis(f, &sp, bottom);
	for (l = 0; l < nlane; l++) {
		y = TL_AXIS + (int)l * TL_LANE;
		fprintf(f, "<text x=\"%d\" y=\"%d\" font-size=\"15\" "
		    "font-weight=\"bold\" fill=\"#1a1a1a\">", TL_PAD + 4,
		    y + 13);
		esc(st, kind_info(lane[l])->label);
		fprintf(f, "</text>\n<line x1=\"%d\" y1=\"%d\" x2=\"%d\" "
		    "y2=\"%d\" stroke=\"#888\"/>\n", TL_PAD, y + TL_MARK,
		    TL_W - TL_PAD, y + TL_MARK);
	}
	if (ref != DATE_NONE)
		tl_rule(f, &sp, ref, "Referral", 0, bottom);
	tl_rule(f, &sp, st->o->as_of, "Today", 1, bottom);
	for (i = 0; i < c->s->n; i++) {
		it = &c->s->items[i];
		if (!shown(st, it))
			continue;
		for (l = 0; lane[l] != it->kind; l++)
			continue;
		x = tl_x(&sp, when(it));
		y = TL_AXIS + (int)l * TL_LANE + TL_MARK;
		/* A title: what, when and how it stands, on hovering. */
		fprintf(f, "<g transform=\"translate(%d %d) scale(1.3)\">"
		    "<title>", x, y);
		esc(st, out_what(it, w, sizeof(w)));
		fprintf(f, ": %s, %s</title>", date_words(when(it), w1,
		    sizeof(w1)), mark_words(st, mark_of(it)));
		put_shape(f, mark_of(it), 0, 0);
		fputs("</g>\n", f);
		/*
		 * Dates close together take turns in two rows; one with room
		 * in neither is left to the table.
		 */
		if (x - lastx[l][0] >= 70)
			row = 0;
		else if (x - lastx[l][1] >= 70)
			row = 1;
		else
			continue;
		lastx[l][row] = x;
		fprintf(f, "<text x=\"%d\" y=\"%d\" font-size=\"14\" "
		    "text-anchor=\"middle\" fill=\"#333\">%s</text>\n", x,
		    y + 23 + 15 * row, short_date(when(it), sd, sizeof(sd)));
	}
	fputs("</svg>\n", f);
}

static void
legend(struct html_state *st, const struct out_case *c)
{
	FILE		*f = st->f;
	unsigned	 seen = 0;
	size_t		 i;
	int		 m;

	for (i = 0; i < c->s->n; i++)
		if (shown(st, &c->s->items[i]))
			seen |= 1u << mark_of(&c->s->items[i]);
	fputs("<ul class=\"legend\" aria-label=\"Key\">\n", f);
	for (m = 0; m < MK_COUNT; m++) {
		/* The five every reader must tell apart, and any other seen. */
		if (m > MK_PROVISIONAL && (seen & (1u << m)) == 0)
			continue;
		fputs("<li>", f);
		put_icon(f, (enum mark)m);
		fprintf(f, "%s</li>\n", mark_words(st, (enum mark)m));
	}
	fputs("</ul>\n", f);
}

/* The "What" cell: the item in words, and for a worker its section. */
static void
what_cell(struct html_state *st, const struct item *it)
{
	FILE	*f = st->f;
	char	 w[320];

	fputs("<td>", f);
	put_icon(f, mark_of(it));
	esc(st, out_what(it, w, sizeof(w)));
	if (it->earliest != DATE_NONE) {
		fputs(" (not before ", f);
		put_date(f, it->earliest);
		fputs(")", f);
	} else if (it->rule->has_also && it->also != DATE_NONE) {
		fputs(" (", f);
		esc(st, it->rule->also_label);
		fputs(": ", f);
		put_date(f, it->also);
		fputs(")", f);
	}
	if (st->o->audience != AUD_FAMILY) {
		fputs(" <span class=\"src\">(", f);
		esc(st, it->rule->source);
		fputs(")</span>", f);
	}
	fputs("</td>", f);
}

/* The "Done" cell: when it was held, or how it stands. */
static void
done_cell(struct html_state *st, const struct out_case *c,
    const struct item *it)
{
	FILE	*f = st->f;
	long	 n;

	fputs("<td>", f);
	if (it->held != DATE_NONE) {
		put_date(f, it->held);
		if (it->status == ST_LATE)
			fprintf(f, " (%s)", mark_words(st, MK_LATE));
	} else if (it->status == ST_OVERDUE) {
		n = -cal_between(c->cal, st->o->as_of, it->due);
		if (st->o->audience == AUD_FAMILY || n <= 0)
			fprintf(f, "Not yet: %s", mark_words(st, MK_OVERDUE));
		else
			fprintf(f, "Not yet: %ld working day%s overdue", n,
			    n == 1 ? "" : "s");
	} else
		fprintf(f, "%s%s", it->status == ST_REACHED ? "" : "Not yet: ",
		    mark_words(st, mark_of(it)));
	fputs("</td>", f);
}

static void
items_table(struct html_state *st, const struct out_case *c)
{
	const struct item	*it;
	FILE			*f = st->f;
	size_t			 i;

	fputs("<h2>Dates</h2>\n<table>\n<colgroup><col class=\"what\"/>"
	    "<col class=\"due\"/><col/></colgroup>\n<thead><tr>"
	    "<th scope=\"col\">What</th>"
	    "<th scope=\"col\">By when</th><th scope=\"col\">Done</th></tr>"
	    "</thead>\n<tbody>\n", f);
	for (i = 0; i < c->s->n; i++) {
		it = &c->s->items[i];
		if (!shown(st, it))
			continue;
		fputs("<tr>", f);
		what_cell(st, it);
		fputs("<td>", f);
		put_date(f, it->due);
		fputs("</td>", f);
		done_cell(st, c, it);
		fputs("</tr>\n", f);
	}
	fputs("</tbody>\n</table>\n", f);
}

/*
 * What each meeting on the page is for, in the procedure's own words: each
 * sentence once, under the meetings it is said of.
 */
#define MAX_PURPOSE	8
static void
purposes(struct html_state *st, const struct out_case *c)
{
	const struct rule	*said[MAX_PURPOSE];
	const struct rule	*r;
	FILE			*f = st->f;
	size_t			 i, n, j, k;

	for (n = 0, i = 0; i < c->s->n && n < MAX_PURPOSE; i++) {
		r = c->s->items[i].rule;
		if (!shown(st, &c->s->items[i]) || r->purpose == NULL)
			continue;
		for (j = 0; j < n && strcmp(said[j]->label, r->label) != 0; j++)
			continue;
		if (j == n)
			said[n++] = r;
	}
	if (n == 0)
		return;
	fputs("<h2>What the meetings are for</h2>\n<dl>\n", f);
	for (i = 0; i < n; i++) {
		for (j = 0; j < i; j++)
			if (strcmp(said[j]->purpose, said[i]->purpose) == 0)
				break;
		if (j < i)
			continue;	/* said already */
		fputs("<dt>", f);
		esc(st, said[i]->label);
		for (k = i + 1; k < n; k++)
			if (strcmp(said[k]->purpose, said[i]->purpose) == 0) {
				fputs(k + 1 == n ? " and " : ", ", f);
				esc(st, said[k]->label);
			}
		fputs("</dt>\n<dd>\xe2\x80\x9c", f);
		esc(st, said[i]->purpose);
		fputs("\xe2\x80\x9d</dd>\n", f);
	}
	fputs("</dl>\n", f);
}

static int
html_case(void *v, const struct out_case *c, char *err, size_t errsz)
{
	struct html_state	*st = v;
	const struct out_opts	*o = st->o;
	const struct profile	*p = c->profile;
	FILE			*f = st->f;
	char			 title[256], w[320];
	size_t			 i;
	int			 family = o->audience == AUD_FAMILY;

	if (o->title != NULL)
		snprintf(title, sizeof(title), "%s", o->title);
	else if (family)
		snprintf(title, sizeof(title), "Child in Need plan: the dates");
	else
		snprintf(title, sizeof(title), "Case %s: Child in Need dates",
		    c->case_id != NULL ? c->case_id : "(no reference)");
	begin_page(st, title);
	fputs("<main>\n<h1>", f);
	esc(st, title);
	fputs("</h1>\n<p class=\"meta\">", f);
	esc(st, p->authority);
	if (c->area >= 0) {
		fputs(", ", f);
		esc(st, p->areas[c->area].name);
	}
	if (!family)
		fprintf(f, " (%s), plan type %s", p->id,
		    plan_type_name(c->plan_type));
	if (c->worker != NULL) {
		fputs(family ? ". Your social worker: " : ". Worker: ", f);
		esc(st, c->worker);
	}
	fputs(".</p>\n<p class=\"meta\">Dates as of ", f);
	put_date(f, o->as_of);
	fputs(", looking ahead to ", f);
	put_date(f, o->until);
	fputs(".</p>\n", f);
	for (i = 0; i < c->s->n && !shown(st, &c->s->items[i]); i++)
		continue;
	if (i == c->s->n)
		fputs("<p>Nothing is due up to that date.</p>\n", f);
	else {
		timeline(st, c);
		legend(st, c);
		items_table(st, c);
	}
	if (family)
		purposes(st, c);
	else if (c->s->nnotes > 0) {
		fputs("<h2>Notes</h2>\n<ul>\n", f);
		for (i = 0; i < c->s->nnotes; i++) {
			fputs("<li>", f);
			esc(st, out_note_text(&c->s->notes[i], w, sizeof(w)));
			fputs("</li>\n", f);
		}
		fputs("</ul>\n", f);
	}
	fputs("</main>\n<footer><p>", f);
	if (family) {
		fputs("These dates follow ", f);
		esc(st, p->authority);
		fputs(": ", f);
		esc(st, p->document);
		fputs(". A provisional date depends on the meetings before it"
		    " happening on time, and moves if they move.", f);
	} else {
		fputs("Worked out from ", f);
		esc(st, p->authority);
		fputs(": ", f);
		esc(st, p->document);
		fputs("; sections in brackets. Provisional dates assume the"
		    " steps before them happen on their due dates.", f);
	}
	fputs("</p></footer>\n", f);
	return written(st, err, errsz);
}

/* --- check ---------------------------------------------------------------- */

static int
html_finding(void *v, const struct out_finding *fi, char *err, size_t errsz)
{
	struct html_state	*st = v;
	struct html_finding	*h;
	char			 w[320];

	if (st->nfind == st->findcap) {
		st->findcap = st->findcap ? st->findcap * 2 : 64;
		st->find = xreallocarray(st->find, st->findcap,
		    sizeof(*st->find));
	}
	h = &st->find[st->nfind++];
	h->worker = fi->worker != NULL ? xstrdup(fi->worker) : NULL;
	h->case_id = xstrdup(fi->case_id);
	h->what = xstrdup(out_what(fi->it, w, sizeof(w)));
	if (fi->area >= 0)
		snprintf(w, sizeof(w), "%s/%s", fi->profile->id,
		    fi->profile->areas[fi->area].id);
	else
		snprintf(w, sizeof(w), "%s", fi->profile->id);
	h->where = xstrdup(w);
	h->due = fi->it->due;
	h->overdue = fi->it->status == ST_OVERDUE;
	h->working_days = fi->working_days;
	return 0;
}

/* By worker (none last), then date, then case. */
static int
cmp_finding(const void *a, const void *b)
{
	const struct html_finding	*x = a, *y = b;
	int				 r;

	if (x->worker == NULL || y->worker == NULL)
		r = (x->worker == NULL) - (y->worker == NULL);
	else
		r = strcmp(x->worker, y->worker);
	if (r == 0)
		r = (x->due > y->due) - (x->due < y->due);
	if (r == 0)
		r = strcmp(x->case_id, y->case_id);
	return r;
}

static int
same_worker(const struct html_finding *a, const struct html_finding *b)
{
	if (a->worker == NULL || b->worker == NULL)
		return a->worker == b->worker;
	return strcmp(a->worker, b->worker) == 0;
}

/* A share as a bar and in figures: "83% (5 of 6)", or a dash. */
static void
share_cell(FILE *f, unsigned long part, unsigned long whole)
{
	unsigned long	 pc;

	fputs("<td class=\"share\">", f);
	if (whole == 0) {
		fputs("\xe2\x80\x93</td>", f);
		return;
	}
	pc = (part * 200 + whole) / (2 * whole);
	fprintf(f, "<svg class=\"bar\" width=\"60\" height=\"9\" viewBox=\"0 0"
	    " 100 15\" aria-hidden=\"true\"><rect x=\"0.5\" y=\"0.5\" width="
	    "\"99\" height=\"14\" fill=\"#fff\" stroke=\"#555\"/><rect "
	    "width=\"%lu\" height=\"15\" fill=\"#1f4e9c\"/></svg> %lu%% "
	    "<span class=\"quiet\">(%lu/%lu)</span></td>", pc, pc, part,
	    whole);
}

static void
tally_row(struct html_state *st, const char *key, const struct out_tally *t)
{
	FILE		*f = st->f;
	unsigned long	 yes, no;
	size_t		 i;

	fputs("<tr><th scope=\"row\">", f);
	esc(st, key);
	fprintf(f, "</th><td class=\"n\">%lu</td>",
	    (unsigned long)t->cases);
	for (i = 0; i < out_nmeasures; i++) {
		out_measure_counts(&out_measures[i], t, &yes, &no);
		share_cell(f, yes, yes + no);
	}
	fputs("</tr>\n", f);
}

static void
tally_table(struct html_state *st, const char *heading, const char *col,
    const struct out_tally *t, size_t n, const struct out_tally *all)
{
	FILE	*f = st->f;
	size_t	 i;

	fprintf(f, "<h3>%s</h3>\n<table>\n<thead><tr><th scope=\"col\">%s"
	    "</th><th scope=\"col\" class=\"n\">Cases</th>", heading, col);
	for (i = 0; i < out_nmeasures; i++)
		fprintf(f, "<th scope=\"col\">%s</th>", out_measures[i].words);
	fputs("</tr></thead>\n<tbody>\n", f);
	for (i = 0; i < n; i++)
		tally_row(st, t[i].key, &t[i]);
	fputs("</tbody>\n", f);
	if (all != NULL) {
		fputs("<tfoot>\n", f);
		tally_row(st, "All", all);
		fputs("</tfoot>\n", f);
	}
	fputs("</table>\n", f);
}

static void
figures(struct html_state *st, const struct out_summary *sm)
{
	FILE	*f = st->f;

	fputs("<h2>Within timescale</h2>\n", f);
	tally_table(st, "By profile", "Profile", sm->by_profile, sm->nprofile,
	    sm->all);
	tally_table(st, "By worker", "Worker", sm->by_worker, sm->nworker,
	    NULL);
	fputs("<p class=\"quiet\">Assessments and first meetings: held within"
	    " their timescale, of those held. Reviews and visits: cases whose"
	    " next one is not overdue, of the cases checked.", f);
	if (sm->all->unknown > 0)
		fprintf(f, " Reviews not checkable (reviews_held and"
		    " last_review empty): %lu.",
		    (unsigned long)sm->all->unknown);
	fputs("</p>\n", f);
}

static void
report_head(struct html_state *st, const char *title,
    const struct out_check_end *ce)
{
	FILE	*f = st->f;

	begin_page(st, title);
	fprintf(f, "<main>\n<h1>%s</h1>\n<p class=\"meta\">As of ", title);
	put_date(f, st->o->as_of);
	fprintf(f, ": %lu open case%s (", ce->open, ce->open == 1 ? "" : "s");
	esc(st, ce->rows);
	fputs(").</p>\n", f);
}

static void
finding_row(struct html_state *st, const struct html_finding *h)
{
	FILE	*f = st->f;
	long	 wd = h->working_days;

	fputs("<tr><td>", f);
	put_date(f, h->due);
	fputs("</td><td><span class=\"ref\">", f);
	esc(st, h->case_id);
	fputs("</span> <span class=\"quiet\">", f);
	esc(st, h->where);
	fputs("</span></td><td>", f);
	esc(st, h->what);
	fputs("</td><td>", f);
	put_icon(f, h->overdue ? MK_OVERDUE : MK_DUE_SOON);
	if (h->overdue)
		fprintf(f, "%ld working day%s overdue", -wd, wd == -1 ? "" :
		    "s");
	else if (wd == 0)
		fputs("due today", f);
	else
		fprintf(f, "due in %ld working day%s", wd, wd == 1 ? "" : "s");
	fputs("</td></tr>\n", f);
}

static int
html_check_end(void *v, const struct out_check_end *ce, char *err,
    size_t errsz)
{
	struct html_state	*st = v;
	FILE			*f = st->f;
	size_t			 i, j, n;
	int			 within = st->o->within;

	report_head(st, "Team report: overdue and due soon", ce);
	fprintf(f, "<p class=\"meta\">%lu overdue, %lu due within %d working"
	    " day%s.</p>\n", ce->overdue, ce->due_soon, within, within == 1 ?
	    "" : "s");
	if (ce->figures != NULL)
		figures(st, ce->figures);
	fputs("<h2>Overdue and due soon, by worker</h2>\n", f);
	if (st->nfind == 0)
		fputs("<p>Nothing is overdue or due soon.</p>\n", f);
	if (st->nfind > 0)
		qsort(st->find, st->nfind, sizeof(*st->find), cmp_finding);
	for (i = 0; i < st->nfind; i = j) {
		for (j = i, n = 0; j < st->nfind &&
		    same_worker(&st->find[i], &st->find[j]); j++)
			n += st->find[j].overdue;
		fputs("<h3>", f);
		if (st->find[i].worker != NULL)
			esc(st, st->find[i].worker);
		else
			fputs("No worker recorded", f);
		fprintf(f, " <span class=\"quiet\">(%zu overdue, %zu due soon)"
		    "</span></h3>\n<table>\n<thead><tr><th scope=\"col\">Due"
		    "</th><th scope=\"col\">Case</th><th scope=\"col\">What"
		    "</th><th scope=\"col\">Status</th></tr></thead>\n"
		    "<tbody>\n", n, j - i - n);
		for (; i < j; i++)
			finding_row(st, &st->find[i]);
		fputs("</tbody>\n</table>\n", f);
	}
	fputs("</main>\n", f);
	return written(st, err, errsz);
}

static int
html_summary(void *v, const struct out_summary *sm, char *err, size_t errsz)
{
	struct html_state	*st = v;

	report_head(st, "Team report: within timescale", &sm->end);
	figures(st, sm);
	fputs("</main>\n", st->f);
	return written(st, err, errsz);
}

/* --- census --------------------------------------------------------------- */

static int
html_assessment(void *v, const struct out_assessment *a, char *err,
    size_t errsz)
{
	struct html_state	*st = v;
	size_t			 b;

	if (a->authorised == DATE_NONE)
		return 0;
	for (b = 0; b + 1 < NBAND; b++)
		if (a->working_days <= bands[b].hi)
			break;
	st->band[b]++;
	return 0;
}

#define HG_W		1000
#define HG_H		330
#define HG_TOP		30
#define HG_BASE		270

static void
histogram(struct html_state *st, const struct out_census *cs)
{
	FILE		*f = st->f;
	unsigned long	 max;
	int		 bw, x, h, b;

	for (max = 1, b = 0; b < NBAND; b++)
		if (st->band[b] > max)
			max = st->band[b];
	bw = (HG_W - 40) / NBAND;
	fprintf(f, "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\""
	    " viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"hg-title\">"
	    "\n<title id=\"hg-title\">Assessments by working days from referral"
	    " to authorisation; the table below gives the figures</title>\n",
	    HG_W, HG_H);
	fprintf(f, "<line x1=\"20\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke="
	    "\"#1a1a1a\"/>\n", HG_BASE, HG_W - 20, HG_BASE);
	for (b = 0; b < NBAND; b++) {
		x = 20 + b * bw;
		h = (int)(st->band[b] * (HG_BASE - HG_TOP) / max);
		/* Filled within 45 working days, outlined after. */
		if (bands[b].hi != -1 && bands[b].hi <= 45)
			fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"%d\" "
			    "height=\"%d\" fill=\"#1f4e9c\"/>\n", x + 8,
			    HG_BASE - h, bw - 16, h);
		else
			fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"%d\" "
			    "height=\"%d\" fill=\"#fff\" stroke=\"#b00020\" "
			    "stroke-width=\"3\"/>\n", x + 9, HG_BASE - h,
			    bw - 18, h);
		fprintf(f, "<text x=\"%d\" y=\"%d\" font-size=\"16\" "
		    "text-anchor=\"middle\" fill=\"#1a1a1a\">%lu</text>\n",
		    x + bw / 2, HG_BASE - h - 6, st->band[b]);
		fprintf(f, "<text x=\"%d\" y=\"%d\" font-size=\"15\" "
		    "text-anchor=\"middle\" fill=\"#1a1a1a\">%s</text>\n",
		    x + bw / 2, HG_BASE + 22, bands[b].words);
	}
	x = 20 + 9 * bw;
	fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke="
	    "\"#1a1a1a\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>\n"
	    "<text x=\"%d\" y=\"%d\" font-size=\"15\" text-anchor=\"end\" "
	    "fill=\"#1a1a1a\">45 working days</text>\n", x, HG_TOP - 10, x,
	    HG_BASE, x - 4, HG_TOP - 14 + 10);
	fprintf(f, "<text x=\"%d\" y=\"%d\" font-size=\"15\" text-anchor="
	    "\"middle\" fill=\"#333\">working days from referral to the"
	    " assessment's authorisation</text>\n</svg>\n", HG_W / 2,
	    HG_H - 8);
}

/* "3 (42.9%)": tenths of a per cent, rounded half up, as the text. */
static void
put_share(FILE *f, unsigned long part, unsigned long whole)
{
	unsigned long long	 t;

	if (whole == 0) {
		fputs("\xe2\x80\x93", f);
		return;
	}
	t = ((unsigned long long)part * 2000 + whole) / (2 * whole);
	fprintf(f, "%llu.%llu%%", t / 10, t % 10);
}

static int
html_census(void *v, const struct out_census *cs, char *err, size_t errsz)
{
	struct html_state	*st = v;
	FILE			*f = st->f;
	char			 title[160];
	int			 b;

	snprintf(title, sizeof(title), "Children in Need census%s%s%s%s",
	    cs->collection ? " " : "", cs->collection ? cs->collection : "",
	    cs->year ? " " : "", cs->year ? cs->year : "");
	begin_page(st, title);
	fputs("<main>\n<h1>", f);
	esc(st, title);
	fputs("</h1>\n<p class=\"meta\">", f);
	if (cs->reference_date != DATE_NONE) {
		fputs("Reference date ", f);
		put_date(f, cs->reference_date);
		fputs(". ", f);
	}
	fprintf(f, "Children: %lu. Assessments authorised: %lu; open: %lu."
	    "</p>\n", cs->children, cs->authorised, cs->open);
	fprintf(f, "<p><strong>%lu of %lu assessments (", cs->within,
	    cs->authorised);
	put_share(f, cs->within, cs->authorised);
	fprintf(f, ") were authorised within %d working days of the"
	    " referral.</strong></p>\n", cs->limit);
	if (!cs->complete)
		fprintf(f, "<p>Incomplete: the file could not be read past line"
		    " %ld.</p>\n", cs->stop_line);
	if (cs->rejected > 0 || cs->warnings > 0)
		fprintf(f, "<p>Values rejected: %lu; elements ignored: %lu (see"
		    " the messages).</p>\n", cs->rejected, cs->warnings);
	fputs("<h2>How long assessments took</h2>\n", f);
	histogram(st, cs);
	fputs("<p class=\"quiet\">Filled bars: within 45 working days;"
	    " outlined: later.</p>\n<table>\n<thead><tr><th scope=\"col\">"
	    "Working days</th><th scope=\"col\" class=\"n\">Assessments</th>"
	    "<th scope=\"col\" class=\"n\">Share</th></tr></thead>\n<tbody>\n",
	    f);
	for (b = 0; b < NBAND; b++) {
		fprintf(f, "<tr><th scope=\"row\">%s</th><td class=\"n\">%lu"
		    "</td><td class=\"n\">", bands[b].words, st->band[b]);
		put_share(f, st->band[b], cs->authorised);
		fputs("</td></tr>\n", f);
	}
	fputs("</tbody>\n</table>\n</main>\n<footer><p>Bands as the"
	    " Department for Education publishes them: working days from the"
	    " referral to the authorisation of the assessment.</p></footer>\n",
	    f);
	return written(st, err, errsz);
}

/* --- begin and end -------------------------------------------------------- */

static void *
html_begin(FILE *f, const struct out_opts *o, char *err, size_t errsz)
{
	struct html_state	*st;

	st = xcalloc(1, sizeof(*st));
	st->f = f;
	st->o = o;
	return st;
}

static int
html_end(void *v, char *err, size_t errsz)
{
	struct html_state	*st = v;
	size_t			 i;
	int			 rc;

	/* Nothing begun (a census file that is not a return): no page. */
	rc = 0;
	if (st->begun) {
		fputs("</body>\n</html>\n", st->f);
		rc = written(st, err, errsz);
	}
	for (i = 0; i < st->nfind; i++) {
		free(st->find[i].worker);
		free(st->find[i].case_id);
		free(st->find[i].what);
		free(st->find[i].where);
	}
	free(st->find);
	free(st);
	return rc;
}

const struct out_impl out_html_impl = {
	.begin = html_begin,
	.write_case = html_case,
	.finding = html_finding,
	.check_end = html_check_end,
	.summary = html_summary,
	.assessment = html_assessment,
	.census = html_census,
	.end = html_end
};
