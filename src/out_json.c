/*
 * out_json.c: a schedule as JSON: the object of the command-line contract,
 * with a few more members (authority, until, working_days, rule, quote,
 * notes).  Several cases would follow one another as separate objects.
 * The nightly check, its figures and a census report are one object each.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cal.h"
#include "date.h"
#include "out.h"
#include "out_impl.h"
#include "xmalloc.h"

struct json_state {
	FILE			*f;
	const struct out_opts	*o;
	size_t			 ncases;
	unsigned long		 nfind;		/* check: findings written */
	unsigned long		 nlines;	/* census: assessments */
	int			 beyond;	/* check: a finding's date is
						   after o->announced */
	int			 begun;		/* census: the object is open */
};

static void *
json_begin(FILE *f, const struct out_opts *o, char *err, size_t errsz)
{
	struct json_state	*st;
	char			 d[DATE_STRLEN];

	st = xcalloc(1, sizeof(*st));
	st->f = f;
	st->o = o;
	if (o->doc == DOC_CHECK)
		fprintf(f, "{\n  \"as_of\": \"%s\",\n  \"within\": %d,\n"
		    "  \"findings\": [", date_format(o->as_of, d), o->within);
	return st;
}

static void
json_date(FILE *f, int d)
{
	char	 buf[DATE_STRLEN];

	if (d == DATE_NONE)
		fputs("null", f);
	else
		fprintf(f, "\"%s\"", date_format(d, buf));
}

static void
json_str_or_null(FILE *f, const char *s)
{
	if (s == NULL)
		fputs("null", f);
	else
		out_json_string(f, s);
}

static int
json_case(void *v, const struct out_case *c, char *err, size_t errsz)
{
	struct json_state	*st = v;
	const struct item	*it;
	const struct profile	*p = c->profile;
	FILE			*f = st->f;
	char			 buf[512];
	size_t			 i;

	if (st->ncases++ > 0)
		fputs(",\n", f);
	fputs("{\n  \"case_id\": ", f);
	json_str_or_null(f, c->case_id);
	fputs(",\n  \"profile\": ", f);
	out_json_string(f, p->id);
	fputs(",\n  \"area\": ", f);
	json_str_or_null(f, c->area >= 0 ? p->areas[c->area].id : NULL);
	fputs(",\n  \"plan_type\": ", f);
	out_json_string(f, plan_type_name(c->plan_type));
	fputs(",\n  \"authority\": ", f);
	out_json_string(f, p->authority);
	if (c->worker != NULL) {
		fputs(",\n  \"worker\": ", f);
		out_json_string(f, c->worker);
	}
	fputs(",\n  \"as_of\": ", f);
	json_date(f, st->o->as_of);
	fputs(",\n  \"until\": ", f);
	json_date(f, st->o->until);
	/* Only when some date depends on holidays not yet announced. */
	for (i = 0; i < c->s->n && !out_beyond(st->o, &c->s->items[i]); i++)
		continue;
	if (i < c->s->n) {
		fputs(",\n  \"holiday_note\": ", f);
		out_json_string(f, out_announced_note(st->o, buf,
		    sizeof(buf)));
	}
	fputs(",\n  \"items\": [", f);
	for (i = 0; i < c->s->n; i++) {
		it = &c->s->items[i];
		fputs(i ? ",\n    {" : "\n    {", f);
		fputs("\"kind\": ", f);
		out_json_string(f, kind_name(it->kind));
		fputs(", \"seq\": ", f);
		if (it->seq == 0)
			fputs("null", f);
		else
			fprintf(f, "%u", it->seq);
		fputs(", \"due\": ", f);
		json_date(f, it->due);
		fputs(", \"earliest\": ", f);
		json_date(f, it->earliest);
		fputs(", \"name\": ", f);
		json_str_or_null(f, it->kind == KIND_MILESTONE ?
		    it->rule->name : NULL);
		fprintf(f, ", \"projected\": %s, \"held\": ",
		    it->projected ? "true" : "false");
		json_date(f, it->held);
		fputs(", \"status\": ", f);
		out_json_string(f, status_name(it->status));
		fprintf(f, ", \"working_days\": %ld",
		    cal_between(c->cal, st->o->as_of, it->due));
		fputs(", \"label\": ", f);
		out_json_string(f, out_what(it, buf, sizeof(buf)));
		if (it->flagged && it->rule->flag != NULL) {
			fputs(", \"flag\": ", f);
			out_json_string(f, it->rule->flag);
		}
		if (it->rule->has_also && it->also != DATE_NONE) {
			fputs(", \"also\": ", f);
			json_date(f, it->also);
			fputs(", \"also_label\": ", f);
			out_json_string(f, it->rule->also_label);
		}
		fputs(", \"rule\": ", f);
		out_json_string(f, out_rule_words(it->rule, buf, sizeof(buf)));
		fputs(", \"source\": ", f);
		out_json_string(f, it->rule->source);
		fputs(", \"quote\": ", f);
		json_str_or_null(f, it->rule->quote);
		fputc('}', f);
	}
	fputs(c->s->n ? "\n  ],\n  \"notes\": [" : "],\n  \"notes\": [", f);
	for (i = 0; i < c->s->nnotes; i++) {
		fputs(i ? ",\n    " : "\n    ", f);
		out_json_string(f, out_note_text(&c->s->notes[i], buf,
		    sizeof(buf)));
	}
	fputs(c->s->nnotes ? "\n  ]\n}" : "]\n}", f);
	return ferror(f) ? -1 : 0;
}

/* --- check ---------------------------------------------------------------- */

static int
json_finding(void *v, const struct out_finding *fi, char *err, size_t errsz)
{
	struct json_state	*st = v;
	const struct item	*it = fi->it;
	FILE			*out = st->f;
	char			 d[DATE_STRLEN], w[320];

	st->beyond |= out_beyond(st->o, it);
	fputs(st->nfind++ == 0 ? "\n    {" : ",\n    {", out);
	fputs("\"case_id\": ", out);
	out_json_string(out, fi->case_id);
	fputs(", \"profile\": ", out);
	out_json_string(out, fi->profile->id);
	fputs(", \"area\": ", out);
	json_str_or_null(out, fi->area >= 0 ?
	    fi->profile->areas[fi->area].id : NULL);
	fputs(", \"worker\": ", out);
	json_str_or_null(out, fi->worker);
	fprintf(out, ", \"kind\": \"%s\", \"seq\": ", kind_name(it->kind));
	if (it->seq > 0)
		fprintf(out, "%u", it->seq);
	else
		fputs("null", out);
	fprintf(out, ", \"due\": \"%s\", \"status\": \"%s\", \"label\": ",
	    date_format(it->due, d), status_name(it->status));
	out_json_string(out, out_what(it, w, sizeof(w)));
	fprintf(out, ", \"working_days\": %ld, \"source\": ",
	    fi->working_days);
	out_json_string(out, it->rule->source);
	fprintf(out, ", \"line\": %ld}", fi->line);
	return ferror(out) ? -1 : 0;
}

static int
json_check_end(void *v, const struct out_check_end *ce, char *err,
    size_t errsz)
{
	struct json_state	*st = v;
	char			 note[128];

	fprintf(st->f, "%s],\n  \"overdue\": %lu,\n  \"due_soon\": %lu,"
	    "\n  \"open_cases\": %lu,\n  \"closed_cases\": %lu,\n"
	    "  \"rows_rejected\": %lu,\n  \"duplicate_rows\": %lu,\n"
	    "  \"reviews_not_checked\": %lu",
	    st->nfind ? "\n  " : "", ce->overdue, ce->due_soon, ce->open,
	    ce->closed, ce->rejected, ce->duplicates, ce->unchecked);
	if (st->beyond) {
		fputs(",\n  \"holiday_note\": ", st->f);
		out_json_string(st->f, out_announced_note(st->o, note,
		    sizeof(note)));
	}
	fputs("\n}\n", st->f);
	return ferror(st->f) ? -1 : 0;
}

static void
tally_json(FILE *out, const struct out_tally *t)
{
	const struct out_measure	*m;
	unsigned long			 yes, no;
	size_t				 i;

	fprintf(out, "{\"cases\": %lu", (unsigned long)t->cases);
	for (i = 0; i < out_nmeasures; i++) {
		m = &out_measures[i];
		out_measure_counts(m, t, &yes, &no);
		fprintf(out, ", \"%s\": {\"%s\": %lu, \"%s\": %lu,"
		    " \"%s\": %lu", m->name, m->all, yes + no, m->yes, yes,
		    m->no, no);
		if (m->kind == KIND_REVIEW)
			fprintf(out, ", \"not_checkable\": %lu",
			    (unsigned long)t->unknown);
		fputc('}', out);
	}
	fputc('}', out);
}

static void
tally_group(FILE *out, const struct out_tally *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		fputs(i ? ",\n    " : "\n    ", out);
		out_json_string(out, v[i].key);
		fputs(": ", out);
		tally_json(out, &v[i]);
	}
}

static int
json_summary(void *v, const struct out_summary *sm, char *err, size_t errsz)
{
	struct json_state	*st = v;
	FILE			*out = st->f;
	char			 d[DATE_STRLEN];

	fprintf(out, "{\n  \"as_of\": \"%s\",\n  \"all\": ",
	    date_format(st->o->as_of, d));
	tally_json(out, sm->all);
	fputs(",\n  \"by_profile\": {", out);
	tally_group(out, sm->by_profile, sm->nprofile);
	fputs("},\n  \"by_worker\": {", out);
	tally_group(out, sm->by_worker, sm->nworker);
	fprintf(out, "},\n  \"overdue\": %lu,\n  \"due_soon\": %lu,\n"
	    "  \"rows_rejected\": %lu,\n  \"duplicate_rows\": %lu\n}\n",
	    sm->end.overdue, sm->end.due_soon, sm->end.rejected,
	    sm->end.duplicates);
	return ferror(out) ? -1 : 0;
}

/* --- census ---------------------------------------------------------------- */

/* The report opens once something of a return has been read. */
static void
census_open(struct json_state *st)
{
	if (!st->begun)
		fputs("{\n  \"assessments\": [", st->f);
	st->begun = 1;
}

static int
json_assessment(void *v, const struct out_assessment *a, char *err,
    size_t errsz)
{
	struct json_state	*st = v;
	FILE			*f = st->f;

	census_open(st);
	fputs(st->nlines++ ? ",\n    {\"child\": " : "\n    {\"child\": ", f);
	out_json_string(f, a->child);
	fputs(", \"referral\": ", f);
	json_date(f, a->referral);
	fputs(", \"started\": ", f);
	json_date(f, a->started);
	if (a->authorised == DATE_NONE)
		fputs(", \"authorised\": null, \"working_days\": null,"
		    " \"within_timescale\": null}", f);
	else {
		fputs(", \"authorised\": ", f);
		json_date(f, a->authorised);
		fprintf(f, ", \"working_days\": %ld, \"within_timescale\":"
		    " %s}", a->working_days, a->within ? "true" : "false");
	}
	return ferror(f) ? -1 : 0;
}

static int
json_census(void *v, const struct out_census *cs, char *err, size_t errsz)
{
	struct json_state	*st = v;
	FILE			*f = st->f;

	census_open(st);
	fprintf(f, "%s],\n  \"summary\": {\"authorised\": %lu,"
	    " \"within_timescale\": %lu, \"open\": %lu, \"rejected\":"
	    " %lu, \"children\": %lu, \"children_left_out\": %lu,"
	    " \"assessments_left_out\": %lu, \"warnings\": %lu},\n"
	    "  \"header\": {\"collection\": ", st->nlines ? "\n  " : "",
	    cs->authorised, cs->within, cs->open, cs->rejected,
	    cs->children, cs->children_out, cs->assessments_out,
	    cs->warnings);
	json_str_or_null(f, cs->collection);
	fputs(", \"year\": ", f);
	json_str_or_null(f, cs->year);
	fputs(", \"reference_date\": ", f);
	json_date(f, cs->reference_date);
	fprintf(f, "},\n  \"complete\": %s\n}\n", cs->complete ? "true" :
	    "false");
	return ferror(f) ? -1 : 0;
}

static int
json_end(void *v, char *err, size_t errsz)
{
	struct json_state	*st = v;

	/* Schedules: the last case's object ends its line. */
	if (st->o->doc == DOC_SCHEDULE)
		fputc('\n', st->f);
	free(st);
	return 0;
}

const struct out_impl out_json_impl = {
	.begin = json_begin,
	.write_case = json_case,
	.finding = json_finding,
	.check_end = json_check_end,
	.summary = json_summary,
	.assessment = json_assessment,
	.census = json_census,
	.end = json_end
};
