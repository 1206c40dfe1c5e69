/*
 * cmd_profile.c: "cinplan profiles", "profile show" and "profile check".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "date.h"
#include "diag.h"
#include "out.h"
#include "profile.h"
#include "rpath.h"
#include "xmalloc.h"

static int
operands(struct cli *c, int argc, char **argv, const char **v, int max,
    int *n)
{
	static const struct cli_opt none[] = { { NULL, 0, 0 } };
	struct cli_optstate	 st;
	const char		*arg;
	int			 id;

	memset(&st, 0, sizeof(st));
	*n = 0;
	while ((id = cli_opt_next(c, &st, argc, argv, none, &arg)) != -1) {
		if (id == -2)
			return -1;
		if (id == OPT_HELP) {
			cli_help(c);
			return 1;
		}
		if (id != 0) {
			cli_usage(c, "option not valid here");
			return -1;
		}
		if (*n == max) {
			cli_usage(c, "unexpected argument '%s'", arg);
			return -1;
		}
		v[(*n)++] = arg;
	}
	return 0;
}

int
cmd_profiles(struct cli *c, int argc, char **argv)
{
	struct diags	 ds;
	struct profile	*p;
	const char	*v[1];
	char		**ids;
	size_t		 i, j, nids;
	int		 n, rc;

	if ((rc = operands(c, argc, argv, v, 0, &n)) != 0)
		return rc == 1 ? EXIT_OK : EXIT_USAGE;
	nids = rpath_list_ids(cli_rpath(c), &ids);
	rc = EXIT_OK;
	for (i = 0; i < nids; i++) {
		memset(&ds, 0, sizeof(ds));
		if ((p = profile_load(cli_rpath(c), ids[i], &ds)) == NULL) {
			diag_print(&ds, c->err);
			rc = EXIT_USAGE;
		} else {
			fprintf(c->out, "%s\t%s\t", p->id, p->authority);
			for (j = 0; j < p->nareas; j++)
				fprintf(c->out, "%s%s", j ? "," : "",
				    p->areas[j].id);
			fputc('\n', c->out);
		}
		diag_clear(&ds);
		profile_free(p);
	}
	rpath_free_ids(ids, nids);
	return rc;
}

/*
 * When version r is in force: its own from and until, or until the day
 * before the next version's from.  Nothing for a rule without versions or
 * dates.
 */
static void
show_window(FILE *f, const struct rule *r, const struct rule *next)
{
	char	 b1[DATE_STRLEN], b2[DATE_STRLEN];
	int	 until;

	until = r->has_until ? r->until : next != NULL ? next->from - 1 :
	    DATE_NONE;
	if (!r->has_from && until == DATE_NONE)
		return;
	fputs("  in force:", f);
	if (r->has_from)
		fprintf(f, " from %s", date_format(r->from, b1));
	if (until != DATE_NONE)
		fprintf(f, " until %s", date_format(until, b2));
	fputs(" (the day a count starts decides)\n", f);
}

static void
show_rule(FILE *f, const struct profile *p, const struct rule *r,
    const struct rule *next)
{
	char	 buf[512];
	size_t	 i;
	int	 first;

	fprintf(f, "\n[%s%s%s] %s", r->id, r->tag != NULL ? ":" : "",
	    r->tag != NULL ? r->tag : "", kind_name(r->kind));
	if (r->name != NULL)
		fprintf(f, " %s", r->name);
	fprintf(f, ": %s\n", r->label);
	show_window(f, r, next);
	fprintf(f, "  when:    %s\n", out_rule_words(r, buf, sizeof(buf)));
	if (r->plan_types != 0) {
		fputs("  applies: plan type", f);
		for (i = 0, first = 1; i < PLAN_COUNT; i++)
			if (r->plan_types & (1u << i)) {
				fprintf(f, "%s%s", first ? " " : ", ",
				    plan_type_name((enum plan_type)i));
				first = 0;
			}
		fputc('\n', f);
	}
	if (r->areas != 0) {
		fputs("  applies: area", f);
		for (i = 0, first = 1; i < p->nareas; i++)
			if (r->areas & (1u << i)) {
				fprintf(f, "%s%s", first ? " " : ", ",
				    p->areas[i].name);
				first = 0;
			}
		fputc('\n', f);
	}
	if (r->flag != NULL) {
		span_format(&r->flag_at, buf, sizeof(buf));
		fprintf(f, "  marks:   the one due nearest %s after the %s as"
		    " %s (%s)\n", buf, kind_info(r->kind)->start ==
		    ANCHOR_ASSESSMENT ? "assessment" : "plan start",
		    r->flag, r->flag_label);
	}
	if (r->has_also)
		fprintf(f, "  also:    %s (%s)\n", span_format(&r->also, buf,
		    sizeof(buf)), r->also_label);
	fprintf(f, "  source:  %s\n", r->source);
	if (r->quote != NULL)
		fprintf(f, "  quote:   \"%s\"\n", r->quote);
	if (r->note != NULL)
		fprintf(f, "  note:    %s\n", r->note);
	if (r->purpose != NULL)
		fprintf(f, "  purpose: \"%s\"\n", r->purpose);
	fprintf(f, "  defined: %s:%d (%s layer)\n", r->file, r->line,
	    r->layer);
	if (r->replaces != NULL)
		fprintf(f, "  replaces: %s\n", r->replaces);
}

static int
profile_show(struct cli *c, const char *spec)
{
	struct profile		*p;
	const struct unmodelled	*u;
	const struct rule	*r;
	const char		*area;
	char			 buf[DATE_STRLEN];
	size_t			 i, j;

	if ((p = cli_profile(c, spec, &area)) == NULL)
		return EXIT_USAGE;
	fprintf(c->out, "%s: %s\n", p->id, p->authority);
	fprintf(c->out, "document: %s\n", p->document);
	if (p->extends != NULL)
		fprintf(c->out, "extends: %s%s\n", p->extends,
		    strcmp(p->extends, p->id) == 0 ? " (the same profile, from "
		    "the layers below)" : "");
	if (p->nareas > 0) {
		fprintf(c->out, "areas%s:", p->area_required ?
		    " (one required)" : "");
		for (i = 0; i < p->nareas; i++)
			fprintf(c->out, " %s (%s)%s", p->areas[i].id,
			    p->areas[i].name, i + 1 < p->nareas ? "," : "");
		fputc('\n', c->out);
	}
	if (p->nclosures > 0) {
		fputs("closure days:", c->out);
		for (i = 0; i < p->nclosures; i++)
			fprintf(c->out, " %s", date_format(p->closures[i], buf));
		fputc('\n', c->out);
	}
	fprintf(c->out, "file: %s (%s layer)\n", p->file, p->layer);
	for (i = 0; i < p->nrules; i++) {
		r = &p->rules[i];
		show_rule(c->out, p, r, r->nversions > 0 ? &r->versions[0] :
		    NULL);
		for (j = 0; j < r->nversions; j++)
			show_rule(c->out, p, &r->versions[j],
			    j + 1 < r->nversions ? &r->versions[j + 1] : NULL);
	}
	if (p->nunmodelled > 0)
		fputs("\nStated in the document, not computed by cinplan:\n",
		    c->out);
	for (i = 0; i < p->nunmodelled; i++) {
		u = &p->unmodelled[i];
		fprintf(c->out, "\n[not_modelled:%s]\n", u->id);
		fprintf(c->out, "  source:  %s\n", u->source);
		fprintf(c->out, "  quote:   \"%s\"\n", u->quote);
		fprintf(c->out, "  reason:  %s\n", u->reason);
		fprintf(c->out, "  defined: %s:%d\n", u->file, u->line);
	}
	profile_free(p);
	return EXIT_OK;
}

static int
profile_check(struct cli *c, const char *path)
{
	struct diags	 ds;
	struct profile	*p;
	int		 rc;

	memset(&ds, 0, sizeof(ds));
	p = profile_load_file(cli_rpath(c), path, &ds);
	diag_print(&ds, c->err);
	if (p != NULL) {
		fprintf(c->out, "%s: %zu rule%s, %s\n", path, p->nrules,
		    p->nrules == 1 ? "" : "s",
		    ds.worst == DIAG_WARNING ? "usable, with warnings" : "ok");
		rc = EXIT_OK;
	} else
		rc = EXIT_USAGE;
	diag_clear(&ds);
	profile_free(p);
	return rc;
}

int
cmd_profile(struct cli *c, int argc, char **argv)
{
	const char	*v[2];
	int		 n, rc;

	if ((rc = operands(c, argc, argv, v, 2, &n)) != 0)
		return rc == 1 ? EXIT_OK : EXIT_USAGE;
	if (n == 0)
		return cli_usage(c, "show or check?");
	if (strcmp(v[0], "show") == 0) {
		c->cmd = "profile show";
		if (n != 2)
			return cli_usage(c, "needs a profile id");
		return profile_show(c, v[1]);
	}
	if (strcmp(v[0], "check") == 0) {
		c->cmd = "profile check";
		if (n != 2)
			return cli_usage(c, "needs a file");
		return profile_check(c, v[1]);
	}
	return cli_usage(c, "unknown verb '%s' (show or check)", v[0]);
}
