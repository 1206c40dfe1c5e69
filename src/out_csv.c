/*
 * out_csv.c: schedules as CSV, one item a row, under one header.
 * Text cells are neutralised so a spreadsheet never runs them.
 */
#include <stdio.h>
#include <stdlib.h>

#include "csv.h"
#include "date.h"
#include "out.h"
#include "xmalloc.h"

struct csv_state {
	FILE			*f;
	const struct out_opts	*o;
};

static void *
csvw_begin(FILE *f, const struct out_opts *o, char *err, size_t errsz)
{
	struct csv_state	*st;

	st = xcalloc(1, sizeof(*st));
	st->f = f;
	st->o = o;
	fputs("case_id,profile,area,plan_type,kind,seq,due,earliest,name,"
	    "projected,held,status,label,source\n", f);
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
csvw_end(void *v, char *err, size_t errsz)
{
	free(v);
	return 0;
}

const struct out_impl out_csv_impl = {
	csvw_begin, csvw_case, csvw_end
};
