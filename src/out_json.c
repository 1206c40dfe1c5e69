/*
 * out_json.c: a schedule as JSON: the object of the command-line contract,
 * with a few more members (authority, until, working_days, rule, quote,
 * notes).  Several cases would follow one another as separate objects.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cal.h"
#include "date.h"
#include "out.h"
#include "xmalloc.h"

struct json_state {
	FILE			*f;
	const struct out_opts	*o;
	size_t			 ncases;
};

static void *
json_begin(FILE *f, const struct out_opts *o, char *err, size_t errsz)
{
	struct json_state	*st;

	st = xcalloc(1, sizeof(*st));
	st->f = f;
	st->o = o;
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

static int
json_end(void *v, char *err, size_t errsz)
{
	struct json_state	*st = v;

	fputc('\n', st->f);
	free(st);
	return 0;
}

const struct out_impl out_json_impl = {
	json_begin, json_case, json_end
};
