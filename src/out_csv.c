/*
 * out_csv.c: schedules as CSV, one item a row, under one header; the
 * nightly check's findings, its figures (a row for all cases, each
 * profile and each worker) and a census return's assessments the same
 * way.  Text cells are neutralised so a spreadsheet never runs them.
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
	const char		*eol;		/* "\n", or "\r\n" for Excel */
	int			 begun;		/* census: header written */
};

static void *
csvw_begin(FILE *f, const struct out_opts *o, char *err, size_t errsz)
{
	struct csv_state	*st;

	st = xcalloc(1, sizeof(*st));
	st->f = f;
	st->o = o;
	st->eol = o->excel ? "\r\n" : "\n";
	/* Excel reads a file without a byte-order mark as the system's
	   code page, and mangles every accent. */
	if (o->excel)
		fputs("\xef\xbb\xbf", f);
	if (o->doc == DOC_SCHEDULE)
		fprintf(f, "case_id,profile,area,plan_type,kind,seq,due,"
		    "earliest,name,projected,held,status,label,source,flag,"
		    "also,also_label%s",
		    st->eol);
	else if (o->doc == DOC_CHECK)
		fprintf(f, "case_id,profile,area,worker,kind,seq,due,status,"
		    "label,working_days,source%s", st->eol);
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
		/* Torbay's 3 month review; its 20 working day target. */
		putc(',', f);
		if (it->flagged && it->rule->flag != NULL)
			csv_write_field(f, it->rule->flag, 1);
		putc(',', f);
		if (it->rule->has_also && it->also != DATE_NONE) {
			cell_date(f, it->also);
			csv_write_field(f, it->rule->also_label, 1);
		} else
			putc(',', f);
		fputs(st->eol, f);
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
	out_line_csv(ln, it->rule->source, '\0');
	out_line_str(ln, st->eol);
	return out_line_put(ln, st->f);
}

static int
csvw_check_end(void *v, const struct out_check_end *ce, char *err,
    size_t errsz)
{
	return 0;
}

static void
tally_csv(struct out_line *ln, const char *eol, const char *group,
    const char *name, const struct out_tally *t)
{
	const struct out_measure	*m;
	unsigned long			 yes, no;
	size_t				 i;

	out_line_str(ln, group);
	out_line_add(ln, ",", 1);
	out_line_csv(ln, name, ',');
	out_line_long(ln, (long)t->cases);
	for (i = 0; i < out_nmeasures; i++) {
		m = &out_measures[i];
		out_measure_counts(m, t, &yes, &no);
		out_line_add(ln, ",", 1);
		out_line_long(ln, (long)(yes + no));
		out_line_add(ln, ",", 1);
		out_line_long(ln, (long)yes);
		out_line_add(ln, ",", 1);
		out_line_long(ln, (long)no);
		if (m->kind == KIND_REVIEW) {
			out_line_add(ln, ",", 1);
			out_line_long(ln, (long)t->unknown);
		}
	}
	out_line_str(ln, eol);
}

/*
 * The figures as the JSON form names them: group ("all", "profile",
 * "worker"), its name, the cases, then each measure's counts.
 */
static int
csvw_summary(void *v, const struct out_summary *sm, char *err, size_t errsz)
{
	struct csv_state		*st = v;
	struct out_line			*ln = &st->ln;
	const struct out_measure	*m;
	size_t				 i, j;

	out_line_str(ln, "group,name,cases");
	for (i = 0; i < out_nmeasures; i++) {
		m = &out_measures[i];
		for (j = 0; j < 3; j++) {
			out_line_add(ln, ",", 1);
			out_line_str(ln, m->name);
			out_line_add(ln, "_", 1);
			out_line_str(ln, j == 0 ? m->all : j == 1 ? m->yes :
			    m->no);
		}
		if (m->kind == KIND_REVIEW) {
			out_line_add(ln, ",", 1);
			out_line_str(ln, m->name);
			out_line_str(ln, "_not_checkable");
		}
	}
	out_line_str(ln, st->eol);
	tally_csv(ln, st->eol, "all", "all", sm->all);
	for (i = 0; i < sm->nprofile; i++)
		tally_csv(ln, st->eol, "profile", sm->by_profile[i].key,
		    &sm->by_profile[i]);
	for (i = 0; i < sm->nworker; i++)
		tally_csv(ln, st->eol, "worker", sm->by_worker[i].key,
		    &sm->by_worker[i]);
	return out_line_put(ln, st->f);
}

/* The header once something of a return has been read. */
static void
census_header(struct csv_state *st)
{
	if (!st->begun)
		fprintf(st->f, "child,referral,started,authorised,"
		    "working_days,within_timescale%s", st->eol);
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
		fprintf(f, ",%s", st->eol);
	else
		fprintf(f, "%ld,%s%s", a->working_days,
		    a->within ? "true" : "false", st->eol);
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
	.summary = csvw_summary,
	.assessment = csvw_assessment,
	.census = csvw_census,
	.end = csvw_end
};
