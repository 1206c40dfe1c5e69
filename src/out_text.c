/*
 * out_text.c: a schedule as a social worker reads it before a meeting:
 * dates with weekdays, what is due, how many working days away or
 * overdue, held or projected, and where the rule comes from.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cal.h"
#include "date.h"
#include "out.h"
#include "xmalloc.h"

struct text_state {
	FILE			*f;
	const struct out_opts	*o;
	size_t			 ncases;
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

static const char *
what(const struct out_opts *o, const struct item *it, char *buf, size_t sz)
{
	char	 w[256], d[32];

	out_what(it, w, sizeof(w));
	if (it->earliest != DATE_NONE)
		snprintf(buf, sz, "%s (not before %s)", w,
		    day(o, it->earliest, d, sizeof(d)));
	else
		snprintf(buf, sz, "%s", w);
	return buf;
}

static int
text_case(void *v, const struct out_case *c, char *err, size_t errsz)
{
	struct text_state	*st = v;
	const struct out_opts	*o = st->o;
	const struct profile	*p = c->profile;
	const struct item	*it;
	FILE			*f = st->f;
	char			 d[32], w[320], wh[64];
	size_t			 i, ww, whw, len;
	int			 anyproj;

	if (st->ncases++ > 0)
		putc('\n', f);
	fprintf(f, "%sCase %s%s: %s (%s", o->color ? BOLD : "",
	    c->case_id ? c->case_id : "(no reference)", o->color ? RESET : "",
	    p->authority, p->id);
	if (c->area >= 0)
		fprintf(f, ", %s", p->areas[c->area].name);
	fprintf(f, "), plan type %s\n", plan_type_name(c->plan_type));
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
	if (c->s->n > 0)
		fprintf(f, "  %-*s  %-*s  %-*s  %-8s  %s\n",
		    o->date_style == DSTYLE_UK ? 15 : 14, "DUE", (int)ww,
		    "WHAT", (int)whw, "WHEN", "STATUS", "SOURCE");
	for (i = 0; i < c->s->n; i++) {
		it = &c->s->items[i];
		fprintf(f, "%c %s  %-*s  %-*s  %s%-8s%s  %s\n",
		    it->projected ? '~' : ' ', day(o, it->due, d, sizeof(d)),
		    (int)ww, what(o, it, w, sizeof(w)), (int)whw,
		    when(o, c, it, wh, sizeof(wh)),
		    o->color ? colour(it->status) : "",
		    status_name(it->status), o->color ? RESET : "",
		    it->rule->source);
	}
	if (anyproj)
		fputs("\n~ projected: assumes the steps before it happen on"
		    " their due dates.\n", f);
	if (c->s->nnotes > 0) {
		fputs("\nNotes:\n", f);
		for (i = 0; i < c->s->nnotes; i++)
			fprintf(f, "  %s\n", out_note_text(&c->s->notes[i], w,
			    sizeof(w)));
	}
	return ferror(f) ? -1 : 0;
}

static int
text_end(void *v, char *err, size_t errsz)
{
	free(v);
	return 0;
}

const struct out_impl out_text_impl = {
	text_begin, text_case, text_end
};
