/*
 * holidays.c: England and Wales bank holidays, by rule and by data.
 *
 * The rules give the regular holidays and their substitute days; the data
 * file gives what proclamations changed.  GOV.UK's bank-holidays.json can be
 * turned into such a data file; jansson is included here and nowhere else.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cal.h"
#include "date.h"
#include "diag.h"
#include "text.h"
#include "xmalloc.h"

struct hol_entry {
	int		 date;
	int		 add;		/* 1 add, 0 remove */
	char		*text;		/* name of an addition, reason of a removal */
};

struct hol_data {
	struct hol_entry *v;
	size_t		  n, cap;
	int		  announced;	/* last year announced; 0: not said */
};

/* Holidays a year can have by rule: at most 9 (with a substitute). */
#define YEAR_MAX	12

static int
first_monday(int y, int m)
{
	int	 d;

	d = date_from_ymd(y, m, 1);
	return d + (7 - (int)date_weekday(d)) % 7;
}

static int
last_monday(int y, int m)
{
	int	 d;

	d = date_from_ymd(y, m, date_days_in_month(y, m));
	return d - (int)date_weekday(d);
}

/* Easter Sunday: the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
static int
easter(int y)
{
	int	 a, b, c, d, e, f, g, h, i, k, l, m, month, day;

	a = y % 19;
	b = y / 100;
	c = y % 100;
	d = b / 4;
	e = b % 4;
	f = (b + 8) / 25;
	g = (b - f + 1) / 3;
	h = (19 * a + b - d - g + 15) % 30;
	i = c / 4;
	k = c % 4;
	l = (32 + 2 * e + 2 * i - h - k) % 7;
	m = (a + 11 * h + 22 * l) / 451;
	month = (h + l - 7 * m + 114) / 31;
	day = (h + l - 7 * m + 114) % 31 + 1;
	return date_from_ymd(y, month, day);
}

static void
put(struct holiday *v, size_t *n, int date, const char *name)
{
	v[*n].date = date;
	v[*n].name = name;
	(*n)++;
}

/* The holidays year y has by rule, in date order; returns how many. */
static size_t
rule_year(int y, struct holiday *v)
{
	enum weekday	 w;
	size_t		 n;
	int		 d, e;

	n = 0;
	if (y >= 1974) {
		d = date_from_ymd(y, 1, 1);
		w = date_weekday(d);
		if (w == WD_SAT)
			put(v, &n, d + 2, "New Year's Day (substitute day)");
		else if (w == WD_SUN)
			put(v, &n, d + 1, "New Year's Day (substitute day)");
		else
			put(v, &n, d, "New Year's Day");
	}
	e = easter(y);
	put(v, &n, e - 2, "Good Friday");
	put(v, &n, e + 1, "Easter Monday");
	if (y >= 1978)
		put(v, &n, first_monday(y, 5), "Early May bank holiday");
	put(v, &n, last_monday(y, 5), "Spring bank holiday");
	put(v, &n, last_monday(y, 8), "Summer bank holiday");
	d = date_from_ymd(y, 12, 25);
	switch (date_weekday(d)) {
	case WD_FRI:		/* Boxing Day on Saturday */
		put(v, &n, d, "Christmas Day");
		put(v, &n, d + 3, "Boxing Day (substitute day)");
		break;
	case WD_SAT:
		put(v, &n, d + 2, "Christmas Day (substitute day)");
		put(v, &n, d + 3, "Boxing Day (substitute day)");
		break;
	case WD_SUN:
		put(v, &n, d + 1, "Boxing Day");
		put(v, &n, d + 2, "Christmas Day (substitute day)");
		break;
	default:
		put(v, &n, d, "Christmas Day");
		put(v, &n, d + 1, "Boxing Day");
		break;
	}
	return n;
}

static int
cmp_holiday(const void *a, const void *b)
{
	const struct holiday *x = a, *y = b;

	return (x->date > y->date) - (x->date < y->date);
}

static const struct hol_entry *
data_find(const struct hol_data *hd, int date)
{
	size_t	 i;

	if (hd == NULL)
		return NULL;
	for (i = 0; i < hd->n; i++)
		if (hd->v[i].date == date)
			return &hd->v[i];
	return NULL;
}

static int
rule_has(int date)
{
	struct holiday	 v[YEAR_MAX];
	size_t		 i, n;
	int		 y, m, d;

	date_to_ymd(date, &y, &m, &d);
	n = rule_year(y, v);
	for (i = 0; i < n; i++)
		if (v[i].date == date)
			return 1;
	return 0;
}

size_t
hol_list(const struct hol_data *hd, int from, int to, struct holiday *out,
    size_t max)
{
	struct holiday		 v[YEAR_MAX];
	const struct hol_entry	*e;
	size_t			 i, n, total, start;
	int			 y, y0, y1, ey, m, d;

	if (from < DATE_MIN)
		from = DATE_MIN;
	if (to > DATE_MAX)
		to = DATE_MAX;
	if (from > to)
		return 0;
	date_to_ymd(from, &y0, &m, &d);
	date_to_ymd(to, &y1, &m, &d);
	total = 0;
	for (y = y0; y <= y1; y++) {
		n = rule_year(y, v);
		start = total;
		for (i = 0; i < n; i++) {
			e = data_find(hd, v[i].date);
			if (e != NULL && !e->add)
				continue;
			if (v[i].date < from || v[i].date > to)
				continue;
			if (total < max)
				out[total] = v[i];
			total++;
		}
		for (i = 0; hd != NULL && i < hd->n; i++) {
			e = &hd->v[i];
			date_to_ymd(e->date, &ey, &m, &d);
			if (!e->add || ey != y || e->date < from || e->date > to)
				continue;
			if (total < max) {
				out[total].date = e->date;
				out[total].name = e->text;
			}
			total++;
		}
		if (total <= max && total - start > 1)
			qsort(out + start, total - start, sizeof(*out),
			    cmp_holiday);
	}
	return total;
}

static void
data_append(struct hol_data *hd, int date, int add, const char *text, size_t len)
{
	if (hd->n == hd->cap) {
		hd->cap = hd->cap ? hd->cap * 2 : 32;
		hd->v = xreallocarray(hd->v, hd->cap, sizeof(*hd->v));
	}
	hd->v[hd->n].date = date;
	hd->v[hd->n].add = add;
	hd->v[hd->n].text = xstrndup(text, len);
	hd->n++;
}

static int
cmp_entry(const void *a, const void *b)
{
	const struct hol_entry *x = a, *y = b;

	return (x->date > y->date) - (x->date < y->date);
}

/*
 * "announced YEAR": the last year whose bank holidays GOV.UK had announced
 * when the data was made.  p..eol is the rest of the line.
 */
static int
parse_announced(struct hol_data *hd, const char *p, const char *eol,
    const char *name, int line, struct diags *ds)
{
	const char	*w, *e;
	int		 y;

	while (p < eol && (*p == ' ' || *p == '\t'))
		p++;
	/* The message shows the word without the line's end. */
	for (e = eol; e > p && isspace((unsigned char)e[-1]); e--)
		continue;
	for (w = p, y = 0; p < eol && isdigit((unsigned char)*p) &&
	    p - w < 5; p++)
		y = y * 10 + (*p - '0');
	while (p < eol && isspace((unsigned char)*p))
		p++;
	if (w == eol || p != eol || y < DATE_MIN_YEAR || y > DATE_MAX_YEAR) {
		diag_add(ds, DIAG_FATAL, name, line, "announced: '%.*s' is not a"
		    " year from %d to %d", (int)(e - w > 40 ? 40 : e - w), w,
		    DATE_MIN_YEAR, DATE_MAX_YEAR);
		return -1;
	}
	if (hd->announced != 0) {
		diag_add(ds, DIAG_FATAL, name, line,
		    "announced is given twice");
		return -1;
	}
	hd->announced = y;
	return 0;
}

struct hol_data *
hol_data_parse(const char *text, size_t len, const char *name,
    struct diags *ds)
{
	struct hol_data	*hd;
	const char	*p, *end, *eol, *w, *why;
	size_t		 wl;
	int		 line, date, add;

	hd = xcalloc(1, sizeof(*hd));
	if (memchr(text, '\0', len) != NULL) {
		diag_add(ds, DIAG_FATAL, name, 0, "contains a NUL byte");
		goto fail;
	}
	end = text + len;
	for (p = text, line = 1; p < end; p = eol + 1, line++) {
		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
			eol = end;
		/* Names reach terminals, JSON and calendars: UTF-8 text. */
		w = eol > p && eol[-1] == '\r' ? eol - 1 : eol;
		if ((why = text_unusable(p, (size_t)(w - p), TEXT_TAB)) !=
		    NULL) {
			diag_add(ds, DIAG_FATAL, name, line, "%s",
			    why[0] == 'n' ? "line is not valid UTF-8" :
			    "control character in line");
			goto fail;
		}
		while (p < eol && (*p == ' ' || *p == '\t'))
			p++;
		if (p == eol || *p == '#' || (*p == '\r' && p + 1 == eol))
			continue;
		for (w = p; p < eol && !isspace((unsigned char)*p); p++)
			continue;
		wl = (size_t)(p - w);
		if (wl == 9 && memcmp(w, "announced", 9) == 0) {
			if (parse_announced(hd, p, eol, name, line, ds) == -1)
				goto fail;
			continue;
		}
		if (wl == 3 && memcmp(w, "add", 3) == 0)
			add = 1;
		else if (wl == 6 && memcmp(w, "remove", 6) == 0)
			add = 0;
		else {
			diag_add(ds, DIAG_FATAL, name, line, "unknown directive"
			    " '%.*s' (expected add, remove or announced)",
			    (int)(wl > 40 ? 40 : wl), w);
			goto fail;
		}
		while (p < eol && (*p == ' ' || *p == '\t'))
			p++;
		for (w = p; p < eol && !isspace((unsigned char)*p); p++)
			continue;
		if (date_parse(w, (size_t)(p - w), &date, &why) == -1) {
			diag_add(ds, DIAG_FATAL, name, line, "'%.*s' %s",
			    (int)(p - w > 40 ? 40 : p - w), w, why);
			goto fail;
		}
		while (p < eol && (*p == ' ' || *p == '\t'))
			p++;
		wl = (size_t)(eol - p);
		while (wl > 0 && isspace((unsigned char)p[wl - 1]))
			wl--;
		if (add && wl == 0) {
			diag_add(ds, DIAG_FATAL, name, line, "add %.10s: the"
			    " holiday needs a name", w);
			goto fail;
		}
		if (data_find(hd, date) != NULL) {
			diag_add(ds, DIAG_FATAL, name, line,
			    "%.10s is listed twice", w);
			goto fail;
		}
		if (add && rule_has(date)) {
			diag_add(ds, DIAG_FATAL, name, line, "add %.10s:"
			    " already a bank holiday by rule", w);
			goto fail;
		}
		if (!add && !rule_has(date)) {
			diag_add(ds, DIAG_FATAL, name, line, "remove %.10s:"
			    " no bank holiday by rule on that day", w);
			goto fail;
		}
		data_append(hd, date, add, p, wl);
	}
	if (hd->n > 1)
		qsort(hd->v, hd->n, sizeof(*hd->v), cmp_entry);
	return hd;
fail:
	hol_data_free(hd);
	return NULL;
}

int
hol_data_announced(const struct hol_data *hd)
{
	return hd != NULL ? hd->announced : 0;
}

void
hol_data_free(struct hol_data *hd)
{
	size_t	 i;

	if (hd == NULL)
		return;
	for (i = 0; i < hd->n; i++)
		free(hd->v[i].text);
	free(hd->v);
	free(hd);
}

void
hol_data_write(const struct hol_data *hd, FILE *out)
{
	char	 buf[DATE_STRLEN];
	size_t	 i;

	fputs("# England and Wales bank holidays that the rules do not give.\n"
	    "# See cinplan(1), FILES.  Each line:\n"
	    "#   add DATE NAME       a bank holiday the rules do not give\n"
	    "#   remove DATE REASON  a day the rules give that was not one\n"
	    "#   announced YEAR      the last year GOV.UK had announced\n\n",
	    out);
	if (hd->announced != 0)
		fprintf(out, "announced %d\n\n", hd->announced);
	for (i = 0; i < hd->n; i++)
		fprintf(out, "%s %s %s\n", hd->v[i].add ? "add" : "remove",
		    date_format(hd->v[i].date, buf), hd->v[i].text);
}

/*
 * Flatten a JSON title into one printable line for the data file: control
 * characters become spaces, and a title too long for buf is cut at the
 * start of a UTF-8 character, never inside one.
 */
static void
clean_title(const char *s, char *buf, size_t sz)
{
	size_t	 i;

	for (i = 0; *s != '\0' && i + 1 < sz; s++)
		buf[i++] = ((unsigned char)*s < 0x20 || *s == 0x7f) ? ' ' : *s;
	/* Cut inside a character: drop its first bytes too. */
	if (((unsigned char)*s & 0xc0) == 0x80) {
		while (i > 0 && ((unsigned char)buf[i - 1] & 0xc0) == 0x80)
			i--;
		if (i > 0 && (unsigned char)buf[i - 1] >= 0xc0)
			i--;
	}
	buf[i] = '\0';
}

/* Make a message safe for a terminal: control characters become '?'. */
static void
printable(char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			*s = '?';
}

/* Is e an entry of hd: the same day, and with words, word for word? */
static int
has_entry(const struct hol_data *hd, const struct hol_entry *e, int words)
{
	const struct hol_entry	*f;

	return (f = data_find(hd, e->date)) != NULL && f->add == e->add &&
	    (!words || strcmp(f->text, e->text) == 0);
}

/*
 * The entries of new that old does not have ("+") and the other way about
 * ("-"), in date order, one a line: "cinplan: NAME: + add DATE TEXT";
 * without words, a day named differently is the same entry.  Returns how
 * many.
 */
static size_t
diff_entries(const char *name, const struct hol_data *old,
    const struct hol_data *new, int words, FILE *f)
{
	const struct hol_entry	*e;
	char			 d[DATE_STRLEN];
	size_t			 i, j, nold, n;

	nold = old != NULL ? old->n : 0;
	n = 0;
	for (i = 0, j = 0; i < new->n || j < nold;) {
		/* Both are in date order: merge them. */
		if (j == nold || (i < new->n &&
		    new->v[i].date <= old->v[j].date)) {
			e = &new->v[i++];
			if (old != NULL && has_entry(old, e, words))
				continue;
			fprintf(f, "cinplan: %s: + ", name);
		} else {
			e = &old->v[j++];
			if (has_entry(new, e, words))
				continue;
			fprintf(f, "cinplan: %s: - ", name);
		}
		fprintf(f, "%s %s %s\n", e->add ? "add" : "remove",
		    date_format(e->date, d), e->text);
		n++;
	}
	return n;
}

/* diff_entries(), then how many there are. */
static void
show_changes(const char *name, const struct hol_data *old,
    const struct hol_data *new, FILE *f)
{
	size_t	 n;

	n = diff_entries(name, old, new, 1, f);
	if (n == 0)
		fprintf(f, "cinplan: %s: no changes from the holiday data in"
		    " use\n", name);
	else
		fprintf(f, "cinplan: %s: %zu change%s from the holiday data in"
		    " use\n", name, n, n == 1 ? "" : "s");
}

/* A C1 control character (U+0080 to U+009F) in s? */
static int
has_c1(const char *s)
{
	const unsigned char	*u = (const unsigned char *)s;

	for (; *u != '\0'; u++)
		if (u[0] == 0xc2 && u[1] >= 0x80 && u[1] <= 0x9f)
			return 1;
	return 0;
}

/*
 * A year whose standard bank holidays the feed leaves out, more than one
 * of them: GOV.UK has never moved more than one in a year, so this is a
 * feed cut short, not a change.  Returns 0, or -1 after reporting.
 */
static int
check_missing(const char *name, int y, const int *dates, size_t ndates,
    struct diags *ds)
{
	struct holiday	 v[YEAR_MAX];
	char		 d[DATE_STRLEN], list[YEAR_MAX * (DATE_STRLEN + 2)];
	size_t		 i, j, n, nmiss, len;
	int		 found;

	n = rule_year(y, v);
	nmiss = 0;
	for (i = 0; i < n; i++) {
		for (found = 0, j = 0; j < ndates && !found; j++)
			found = dates[j] == v[i].date;
		if (!found)
			v[nmiss++] = v[i];
	}
	if (nmiss <= 1)
		return 0;
	for (len = 0, i = 0; i < nmiss; i++)
		len += (size_t)snprintf(list + len, sizeof(list) - len, "%s%s",
		    i ? ", " : "", date_format(v[i].date, d));
	diag_add(ds, DIAG_FATAL, name, 0, "%d: %zu of the %zu standard bank"
	    " holidays are not listed (%s): a feed cut short?"
	    " --allow-missing imports it anyway", y, nmiss, n, list);
	return -1;
}

/*
 * The data file GOV.UK's JSON makes, into hd (zeroed by the caller, its
 * entries freed by the caller whatever the result): see hol_import_govuk().
 */
static int
govuk_read(const char *json, size_t len, const char *name,
    const struct hol_data *old, int flags, struct hol_data *hd,
    struct diags *ds)
{
	struct holiday	 v[YEAR_MAX];
	const struct hol_entry *e;
	json_error_t	 je;
	json_t		*root, *div, *events, *ev, *jd, *jt;
	const char	*why;
	char		 title[256];
	int		*dates, date, y, m, d, y0, y1;
	size_t		 i, j, n, ndates;
	int		 rc, found;

	rc = -1;
	dates = NULL;
	if ((root = json_loadb(json, len, JSON_REJECT_DUPLICATES, &je)) == NULL) {
		printable(je.text);
		/*
		 * jansson gives a column as well: the place goes whole into
		 * the message.  It words this one after its own flag.
		 */
		diag_add(ds, DIAG_FATAL, NULL, 0, "%s:%d:%d: %s", name, je.line,
		    je.column, json_error_code(&je) ==
		    json_error_null_character ?
		    "a NUL character (\\u0000) in a string" : je.text);
		return -1;
	}
	if (!json_is_object(root) ||
	    (div = json_object_get(root, "england-and-wales")) == NULL ||
	    !json_is_object(div) ||
	    (events = json_object_get(div, "events")) == NULL ||
	    !json_is_array(events) || json_array_size(events) == 0) {
		diag_add(ds, DIAG_FATAL, name, 0, "no \"england-and-wales\""
		    " division with a list of events");
		goto done;
	}
	ndates = json_array_size(events);
	dates = xreallocarray(NULL, ndates, sizeof(*dates));
	y0 = DATE_MAX_YEAR;
	y1 = DATE_MIN_YEAR;
	for (i = 0; i < ndates; i++) {
		ev = json_array_get(events, i);
		jd = json_object_get(ev, "date");
		jt = json_object_get(ev, "title");
		if (!json_is_string(jd) || !json_is_string(jt)) {
			diag_add(ds, DIAG_FATAL, name, 0, "england-and-wales"
			    " event %zu: needs a \"date\" and a \"title\""
			    " string", i + 1);
			goto done;
		}
		if (date_parse_str(json_string_value(jd), &date, &why) == -1) {
			diag_add(ds, DIAG_FATAL, name, 0, "england-and-wales"
			    " event %zu: date '%.40s' %s", i + 1,
			    json_string_value(jd), why);
			goto done;
		}
		/* A title reaches terminals and calendars. */
		if (has_c1(json_string_value(jt))) {
			diag_add(ds, DIAG_FATAL, name, 0, "england-and-wales"
			    " event %zu: the title holds a control character"
			    " (U+0080 to U+009F)", i + 1);
			goto done;
		}
		dates[i] = date;
		date_to_ymd(date, &y, &m, &d);
		if (y < y0)
			y0 = y;
		if (y > y1)
			y1 = y;
		if (!rule_has(date) && data_find(hd, date) == NULL) {
			clean_title(json_string_value(jt), title, sizeof(title));
			if (title[strspn(title, " ")] == '\0') {
				diag_add(ds, DIAG_FATAL, name, 0,
				    "england-and-wales event %zu: the title is"
				    " empty", i + 1);
				goto done;
			}
			data_append(hd, date, 1, title, strlen(title));
		}
	}
	/* Days the rules give that GOV.UK does not list were moved. */
	for (y = y0; y <= y1; y++) {
		if (!(flags & HOL_ALLOW_MISSING) &&
		    check_missing(name, y, dates, ndates, ds) == -1)
			goto done;
		n = rule_year(y, v);
		for (i = 0; i < n; i++) {
			for (found = 0, j = 0; j < ndates && !found; j++)
				found = dates[j] == v[i].date;
			if (found)
				continue;
			/* The data in use may say why, in its own words. */
			if ((e = data_find(old, v[i].date)) != NULL && !e->add)
				data_append(hd, v[i].date, 0, e->text,
				    strlen(e->text));
			else
				data_append(hd, v[i].date, 0,
				    "not listed by GOV.UK", 21);
		}
	}
	/* Keep what the old data says of years GOV.UK does not cover. */
	for (i = 0; old != NULL && i < old->n; i++) {
		date_to_ymd(old->v[i].date, &y, &m, &d);
		if (y < y0 || y > y1)
			data_append(hd, old->v[i].date, old->v[i].add,
			    old->v[i].text, strlen(old->v[i].text));
	}
	if (hd->n > 1)
		qsort(hd->v, hd->n, sizeof(*hd->v), cmp_entry);
	/* What GOV.UK announces now; never less than the data knew. */
	hd->announced = y1;
	if (old != NULL && old->announced > y1)
		hd->announced = old->announced;
	rc = 0;
done:
	free(dates);
	json_decref(root);
	return rc;
}

/* Free the entries of a hol_data that is not itself allocated. */
static void
data_clear(struct hol_data *hd)
{
	size_t	 i;

	for (i = 0; i < hd->n; i++)
		free(hd->v[i].text);
	free(hd->v);
	memset(hd, 0, sizeof(*hd));
}

int
hol_import_govuk(const char *json, size_t len, const char *name,
    const struct hol_data *old, int flags, FILE *out, FILE *changes,
    struct diags *ds)
{
	struct hol_data	 hd;
	int		 rc;

	memset(&hd, 0, sizeof(hd));
	if ((rc = govuk_read(json, len, name, old, flags, &hd, ds)) == 0) {
		if (changes != NULL)
			show_changes(name, old, &hd, changes);
		hol_data_write(&hd, out);
	}
	data_clear(&hd);
	return rc;
}

int
hol_check_govuk(const char *json, size_t len, const char *name,
    const struct hol_data *old, const char *oldname, int flags, FILE *out,
    struct diags *ds)
{
	struct hol_data	 hd;
	size_t		 n;
	int		 was, rc;

	memset(&hd, 0, sizeof(hd));
	if (govuk_read(json, len, name, old, flags, &hd, ds) == -1) {
		data_clear(&hd);
		return -1;
	}
	n = diff_entries(name, old, &hd, 0, out);
	was = hol_data_announced(old);
	rc = n > 0 || hd.announced > was;
	if (rc == 0)
		fprintf(out, "cinplan: %s: up to date with %s (announced to"
		    " %d)\n", oldname, name, was);
	else {
		fprintf(out, "cinplan: %s: behind %s:", oldname, name);
		if (hd.announced > was && was != 0)
			fprintf(out, " announced to %d, the data to %d",
			    hd.announced, was);
		else if (hd.announced > was)
			fprintf(out, " announced to %d, the data does not say",
			    hd.announced);
		if (n > 0)
			fprintf(out, "%s %zu day%s differ%s",
			    hd.announced > was ? ";" : "", n, n == 1 ? "" : "s",
			    n == 1 ? "s" : "");
		fprintf(out, ": refresh it with holidays --import\n");
	}
	data_clear(&hd);
	return rc;
}
