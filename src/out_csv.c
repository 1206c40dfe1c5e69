/*
 * out_csv.c: schedules as CSV, one item a row, under one header; the
 * nightly check's findings and a census return's assessments the same
 * way.  Text cells are neutralised so a spreadsheet never runs them.  The
 * check's figures have no CSV form: they are written as text.
 */
#include <stdio.h>
#include <stdlib.h>

#include "csv.h"
#include "date.h"
#include "out.h"
#include "out_impl.h"
#include "xmalloc.h"

struct csv_state {
	FILE			*f;
	const struct out_opts	*o;
	struct out_line		 ln;
	int			 begun;		/* census: header written */
};

static void *
csvw_begin(FILE *f, const struct out_opts *o, char *err, size_t errsz)
{
	struct csv_state	*st;

	st = xcalloc(1, sizeof(*st));
	st->f = f;
	st->o = o;
	if (o->doc == DOC_SCHEDULE)
		fputs("case_id,profile,area,plan_type,kind,seq,due,earliest,"
		    "name,projected,held,status,label,source\n", f);
	else if (o->doc == DOC_CHECK)
		fputs("case_id,profile,area,worker,kind,seq,due,status,label,"
		    "working_days,source\n", f);
	return st;
}

static void
cell_date(FILE *f, int d)
{
	char	 buf[DATE_STRLEN];

	if (d != DATE_NONE)
		fputs(date_format(d, buf), f);
	putc(',', f);
}

static int
csvw_case(void *v, const struct out_case *c, char *err, size_t errsz)
{
	struct csv_state	*st = v;
	const struct item	*it;
	FILE			*f = st->f;
	char			 buf[512];
	size_t			 i;

	for (i = 0; i < c->s->n; i++) {
		it = &c->s->items[i];
		csv_write_field(f, c->case_id ? c->case_id : "", 1);
		putc(',', f);
		csv_write_field(f, c->profile->id, 1);
		putc(',', f);
		csv_write_field(f, c->area >= 0 ?
		    c->profile->areas[c->area].id : "", 1);
		fprintf(f, ",%s,%s,", plan_type_name(c->plan_type),
		    kind_name(it->kind));
		if (it->seq > 0)
			fprintf(f, "%u", it->seq);
		putc(',', f);
		cell_date(f, it->due);
		cell_date(f, it->earliest);
		csv_write_field(f, it->kind == KIND_MILESTONE ?
		    it->rule->name : "", 1);
		fprintf(f, ",%s,", it->projected ? "true" : "false");
		cell_date(f, it->held);
		fprintf(f, "%s,", status_name(it->status));
		csv_write_field(f, out_what(it, buf, sizeof(buf)), 1);
		putc(',', f);
		csv_write_field(f, it->rule->source, 1);
		putc('\n', f);
	}
	return ferror(f) ? -1 : 0;
}

static int
csvw_finding(void *v, const struct out_finding *fi, char *err, size_t errsz)
{
	struct csv_state	*st = v;
	struct out_line		*ln = &st->ln;
	const struct item	*it = fi->it;
	char			 w[320];

	out_line_csv(ln, fi->case_id, ',');
	out_line_csv(ln, fi->profile->id, ',');
	out_line_csv(ln, fi->area >= 0 ? fi->profile->areas[fi->area].id : "",
	    ',');
	out_line_csv(ln, fi->worker ? fi->worker : "", ',');
	out_line_str(ln, kind_name(it->kind));
	out_line_add(ln, ",", 1);
	if (it->seq > 0)
		out_line_long(ln, (long)it->seq);
	out_line_add(ln, ",", 1);
	out_line_date(ln, it->due);
	out_line_add(ln, ",", 1);
	out_line_str(ln, status_name(it->status));
	out_line_add(ln, ",", 1);
	out_line_csv(ln, out_what(it, w, sizeof(w)), ',');
	out_line_long(ln, fi->working_days);
	out_line_add(ln, ",", 1);
	out_line_csv(ln, it->rule->source, '\n');
	return out_line_put(ln, st->f);
}

static int
csvw_check_end(void *v, const struct out_check_end *ce, char *err,
    size_t errsz)
{
	return 0;
}

/* The header once something of a return has been read. */
static void
census_header(struct csv_state *st)
{
	if (!st->begun)
		fputs("child,referral,started,authorised,working_days,"
		    "within_timescale\n", st->f);
	st->begun = 1;
}

static int
csvw_assessment(void *v, const struct out_assessment *a, char *err,
    size_t errsz)
{
	struct csv_state	*st = v;
	FILE			*f = st->f;

	census_header(st);
	csv_write_field(f, a->child, 1);
	putc(',', f);
	cell_date(f, a->referral);
	cell_date(f, a->started);
	cell_date(f, a->authorised);
	if (a->authorised == DATE_NONE)
		fputs(",\n", f);
	else
		fprintf(f, "%ld,%s\n", a->working_days,
		    a->within ? "true" : "false");
	return ferror(f) ? -1 : 0;
}

static int
csvw_census(void *v, const struct out_census *cs, char *err, size_t errsz)
{
	census_header(v);
	return 0;
}

static int
csvw_end(void *v, char *err, size_t errsz)
{
	struct csv_state	*st = v;

	out_line_free(&st->ln);
	free(st);
	return 0;
}

const struct out_impl out_csv_impl = {
	.begin = csvw_begin,
	.write_case = csvw_case,
	.finding = csvw_finding,
	.check_end = csvw_check_end,
	.assessment = csvw_assessment,
	.census = csvw_census,
	.end = csvw_end
};
