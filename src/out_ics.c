/*
 * out_ics.c: the iCalendar (RFC 5545) writer, and the one file that
 * includes libical.
 *
 * Every component is built and serialised by libical; nothing here writes
 * iCalendar text by hand except the closing "END:VCALENDAR" line.  To keep
 * memory flat over a caseload of any size, begin() serialises the
 * VCALENDAR with its properties and writes all of it but the END line,
 * each schedule item then becomes one VEVENT that is built, written and
 * freed at once, and end() closes the calendar.
 *
 * Each item is an all-day event.  Its UID comes from the case, profile,
 * kind and occurrence, never the date, so a re-export updates events in a
 * subscribed calendar rather than adding copies.  SEQUENCE must grow when
 * an event's date moves, which a stateless writer cannot know: it is
 * carried on from the previous export, opts->previous (normally the -o
 * target, read before it is replaced).  begin() streams through that file
 * and keeps only a 64-bit hash of each event's UID with its old date and
 * sequence.  An event it did not have gets SEQUENCE 0, one whose DTSTART
 * is unchanged keeps its sequence, one that moved gets the old sequence
 * plus one.  A previous file that does not exist (or is empty) is a first
 * export; one that cannot be read, or is not iCalendar, stops begin().
 * That table (16 bytes a slot, at most half full) is the only memory that
 * grows, and with the previous export, not with the cases being written.
 *
 * Text is cleaned before libical sees it: libical 3.0 escapes '\\', ',',
 * ';' and line breaks in TEXT values and folds lines at 75 octets without
 * splitting a UTF-8 sequence, but it copies other control characters and
 * invalid UTF-8 through as they are and silently drops a CR.  See clean().
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libical/ical.h>

#include "date.h"
#include "out.h"
#include "out_impl.h"
#include "profile.h"
#include "sched.h"
#include "xmalloc.h"

#define ICS_END		"END:VCALENDAR\r\n"
#define ICS_CALNAME	"cinplan deadlines"
#define ICS_MAX_ALARM	36600L		/* days; a century is plenty */
#define PREV_LINE_MAX	1024		/* a previous export's line, unfolded */
#define PREV_MIN_CAP	1024

/* What a previous export said about one event. */
struct prev_ev {
	uint64_t	 h;		/* hash of the UID; 0: an empty slot */
	int		 due;
	int		 seq;
};

struct ics {
	FILE			*f;
	long			 alarm_days;	/* -1: no alarms */
	int			 as_of;
	struct icaltimetype	 dtstamp;
	struct prev_ev		*prev;		/* open addressing */
	size_t			 nprev, prevcap; /* prevcap: a power of 2 */
};

/* A growing string. */
struct sbuf {
	char	*p;
	size_t	 len, cap;
};

/* Reading a previous export: the event being read. */
struct prev_rd {
	const char	*path;
	int		 seen_first;	/* the first line was checked */
	int		 in_event;
	int		 sub;		/* components open inside the VEVENT */
	int		 have_uid;
	uint64_t	 uid;
	int		 due;
	int		 seq;
};

enum clean_mode {
	CLEAN_TEXT,		/* line breaks kept: libical writes "\n" */
	CLEAN_LINE,		/* line breaks become spaces */
	CLEAN_X			/* a line, and no ',', ';' or '\\' */
};

static void	sbuf_printf(struct sbuf *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));

static void
sbuf_printf(struct sbuf *b, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;

	va_start(ap, fmt);
	n = vsnprintf(b->p == NULL ? NULL : b->p + b->len,
	    b->cap - b->len, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if (b->len + (size_t)n + 1 > b->cap) {
		while (b->len + (size_t)n + 1 > b->cap)
			b->cap = b->cap == 0 ? 256 : b->cap * 2;
		b->p = xreallocarray(b->p, b->cap, 1);
		va_start(ap, fmt);
		vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
		va_end(ap);
	}
	b->len += (size_t)n;
}

/* Length of the valid UTF-8 sequence at p, or 0 if it is not one. */
static size_t
utf8_len(const unsigned char *p)
{
	unsigned char	 lo, hi;

	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		return (p[1] & 0xc0) == 0x80 ? 2 : 0;
	if (p[0] >= 0xe0 && p[0] <= 0xef) {
		lo = p[0] == 0xe0 ? 0xa0 : 0x80;	/* no overlongs */
		hi = p[0] == 0xed ? 0x9f : 0xbf;	/* no surrogates */
		if (p[1] < lo || p[1] > hi || (p[2] & 0xc0) != 0x80)
			return 0;
		return 3;
	}
	if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		lo = p[0] == 0xf0 ? 0x90 : 0x80;
		hi = p[0] == 0xf4 ? 0x8f : 0xbf;	/* up to U+10FFFF */
		if (p[1] < lo || p[1] > hi || (p[2] & 0xc0) != 0x80 ||
		    (p[3] & 0xc0) != 0x80)
			return 0;
		return 4;
	}
	return 0;
}

/* Printable ASCII; and less what an X-WR- value must not hold. */
static const char plain[] =
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";
static const char plain_x[] =
    " !\"#$%&'()*+-./0123456789:<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "[]^_`abcdefghijklmnopqrstuvwxyz{|}~";

/*
 * A copy of s that is valid UTF-8 without control characters, for libical.
 * CR LF, CR and LF are one line break (libical would drop the CR itself);
 * a tab is a space; any other C0 or C1 control character, DEL and each
 * byte that is not part of valid UTF-8 become '?'.  libical escapes the
 * rest.  CLEAN_X is for the X-WR-* properties, whose values libical 3.0
 * writes with '\\' and line breaks escaped but ',' and ';' bare, and which
 * ical.js (Thunderbird) reads raw, unescaping nothing: the only text every
 * reader agrees on has none of the four.  The caller frees the result.
 */
static char *
clean(const char *s, enum clean_mode mode)
{
	const unsigned char	*p;
	char			*out, *o;
	size_t			 n;

	o = out = xmalloc(strlen(s) + 1);
	for (p = (const unsigned char *)s; *p != '\0'; ) {
		/* Most text is printable ASCII that passes as it is. */
		n = strspn((const char *)p, mode == CLEAN_X ? plain_x : plain);
		if (n > 0) {
			memcpy(o, p, n);
			o += n;
			p += n;
			continue;
		}
		if (*p == '\r' || *p == '\n') {
			if (p[0] == '\r' && p[1] == '\n')
				p++;
			p++;
			*o++ = mode == CLEAN_TEXT ? '\n' : ' ';
		} else if (*p == '\t') {
			*o++ = ' ';
			p++;
		} else if (*p < 0x20 || *p == 0x7f) {
			*o++ = '?';
			p++;
		} else if (mode == CLEAN_X &&
		    (*p == ',' || *p == ';' || *p == '\\')) {
			*o++ = ' ';
			p++;
		} else if ((n = utf8_len(p)) == 0) {
			*o++ = '?';
			p++;
		} else if (n == 2 && p[0] == 0xc2 && p[1] < 0xa0) {
			*o++ = '?';		/* C1 control */
			p += 2;
		} else {
			memcpy(o, p, n);
			o += n;
			p += n;
		}
	}
	*o = '\0';
	return out;
}

/* An iCalendar DATE. */
static struct icaltimetype
ics_date(int date)
{
	struct icaltimetype	 t;
	int			 y, m, d;

	date_to_ymd(date, &y, &m, &d);
	t = icaltime_null_date();
	t.year = y;
	t.month = m;
	t.day = d;
	return t;
}

/*
 * DTSTAMP from opts->dtstamp, in UTC, counted by hand rather than through
 * time_t and gmtime.  A stamp outside the supported dates falls back to
 * midnight of the as-of date.
 */
static struct icaltimetype
ics_stamp(const struct out_opts *o)
{
	struct icaltimetype	 t;
	long long		 days, secs;
	int			 y, m, d;

	days = o->dtstamp / 86400;
	secs = o->dtstamp % 86400;
	if (secs < 0) {
		secs += 86400;
		days--;
	}
	if (days < DATE_MIN || days > DATE_MAX) {
		days = o->as_of >= DATE_MIN && o->as_of <= DATE_MAX ?
		    o->as_of : DATE_MIN;
		secs = 0;
	}
	date_to_ymd((int)days, &y, &m, &d);
	t = icaltime_null_time();
	t.year = y;
	t.month = m;
	t.day = d;
	t.hour = (int)(secs / 3600);
	t.minute = (int)(secs / 60 % 60);
	t.second = (int)(secs % 60);
	t.zone = icaltimezone_get_utc_timezone();
	return t;
}

/* 64-bit FNV-1a, never 0 (0 marks an empty slot). */
static uint64_t
uid_hash(const char *s, size_t len)
{
	uint64_t	 h;
	size_t		 i;

	h = 0xcbf29ce484222325ULL;
	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h == 0 ? 1 : h;
}

static struct prev_ev *
prev_slot(struct prev_ev *tab, size_t cap, uint64_t h)
{
	size_t	 i;

	for (i = (size_t)h & (cap - 1); tab[i].h != 0 && tab[i].h != h;
	    i = (i + 1) & (cap - 1))
		continue;
	return &tab[i];
}

static const struct prev_ev *
prev_get(const struct ics *x, uint64_t h)
{
	const struct prev_ev	*e;

	if (x->nprev == 0)
		return NULL;
	e = prev_slot(x->prev, x->prevcap, h);
	return e->h == h ? e : NULL;
}

/* Remember an event; of two with one UID, the higher sequence wins. */
static void
prev_put(struct ics *x, uint64_t h, int due, int seq)
{
	struct prev_ev	*tab, *e;
	size_t		 cap, i;

	if ((x->nprev + 1) * 2 > x->prevcap) {
		cap = x->prevcap == 0 ? PREV_MIN_CAP : x->prevcap * 2;
		tab = xcalloc(cap, sizeof(*tab));
		for (i = 0; i < x->prevcap; i++)
			if (x->prev[i].h != 0)
				*prev_slot(tab, cap, x->prev[i].h) = x->prev[i];
		free(x->prev);
		x->prev = tab;
		x->prevcap = cap;
	}
	e = prev_slot(x->prev, x->prevcap, h);
	if (e->h == h && e->seq > seq)
		return;
	if (e->h == 0)
		x->nprev++;
	e->h = h;
	e->due = due;
	e->seq = seq;
}

/* "20261214" or "20261214T090000Z": the date, or DATE_NONE. */
static int
prev_date(const char *v)
{
	int	 i, y, m, d;

	for (i = 0; i < 8; i++)
		if (v[i] < '0' || v[i] > '9')
			return DATE_NONE;
	y = (v[0] - '0') * 1000 + (v[1] - '0') * 100 + (v[2] - '0') * 10 +
	    (v[3] - '0');
	m = (v[4] - '0') * 10 + (v[5] - '0');
	d = (v[6] - '0') * 10 + (v[7] - '0');
	if (y < DATE_MIN_YEAR || y > DATE_MAX_YEAR || m < 1 || m > 12 ||
	    d < 1 || d > date_days_in_month(y, m))
		return DATE_NONE;
	return date_from_ymd(y, m, d);
}

/* One unfolded line of a previous export.  -1: not iCalendar. */
static int
prev_line(struct ics *x, struct prev_rd *rd, char *line, int cut)
{
	char		*v, *q;
	size_t		 namelen;
	long		 n;
	int		 quoted;

	if (line[0] == '\0')
		return 0;
	if (!rd->seen_first) {
		rd->seen_first = 1;
		if (strncmp(line, "\xef\xbb\xbf", 3) == 0)
			line += 3;
		return strcasecmp(line, "BEGIN:VCALENDAR") == 0 ? 0 : -1;
	}
	namelen = strcspn(line, ";:");
	for (v = line + namelen, quoted = 0; *v != '\0'; v++) {
		if (*v == '"')
			quoted = !quoted;
		else if (*v == ':' && !quoted)
			break;
	}
	if (*v == '\0')
		return 0;
	v++;
	line[namelen] = '\0';
	if (strcasecmp(line, "BEGIN") == 0) {
		if (rd->in_event)
			rd->sub++;
		else if (strcasecmp(v, "VEVENT") == 0) {
			rd->in_event = 1;
			rd->sub = rd->have_uid = rd->seq = 0;
			rd->due = DATE_NONE;
		}
	} else if (strcasecmp(line, "END") == 0) {
		if (rd->in_event && rd->sub > 0)
			rd->sub--;
		else if (rd->in_event) {
			if (rd->have_uid && rd->due != DATE_NONE)
				prev_put(x, rd->uid, rd->due, rd->seq);
			rd->in_event = 0;
		}
	} else if (!rd->in_event || rd->sub > 0 || cut)
		return 0;
	else if (strcasecmp(line, "UID") == 0) {
		rd->uid = uid_hash(v, strlen(v));
		rd->have_uid = 1;
	} else if (strcasecmp(line, "DTSTART") == 0)
		rd->due = prev_date(v);
	else if (strcasecmp(line, "SEQUENCE") == 0) {
		errno = 0;
		n = strtol(v, &q, 10);
		if (errno == 0 && q != v && *q == '\0' && n >= 0 &&
		    n < INT_MAX)
			rd->seq = (int)n;
	}
	return 0;
}

/*
 * Read the UID, DTSTART and SEQUENCE of each VEVENT of a previous export
 * into x->prev.  A line reader rather than icalparser: the parser holds the
 * whole VCALENDAR in memory until its END, and three properties of each
 * event are all that is wanted.  Lines are unfolded; one longer than
 * PREV_LINE_MAX is cut and ignored, which none of the three ever is.
 */
static int
prev_load(struct ics *x, const char *path, char *err, size_t errsz)
{
	struct prev_rd	 rd;
	FILE		*f;
	char		 line[PREV_LINE_MAX];
	size_t		 len, nbytes;
	int		 c, bol, started, cut, rc;

	if ((f = fopen(path, "r")) == NULL) {
		if (errno == ENOENT)
			return 0;
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		return -1;
	}
	memset(&rd, 0, sizeof(rd));
	rd.path = path;
	len = nbytes = 0;
	bol = 1;
	started = cut = rc = 0;
	while (rc == 0 && (c = getc(f)) != EOF) {
		nbytes++;
		if (c == '\n') {
			bol = 1;
			continue;
		}
		if (bol) {
			bol = 0;
			if (started && (c == ' ' || c == '\t'))
				continue;	/* a folded line goes on */
			if (started) {
				line[len] = '\0';
				rc = prev_line(x, &rd, line, cut);
			}
			started = 1;
			len = 0;
			cut = 0;
		}
		if (c == '\r' || c == '\0')
			continue;
		if (len + 1 < sizeof(line))
			line[len++] = (char)c;
		else
			cut = 1;
	}
	if (rc == 0 && ferror(f)) {
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		fclose(f);
		return -1;
	}
	fclose(f);
	if (rc == 0 && started) {
		line[len] = '\0';
		rc = prev_line(x, &rd, line, cut);
	}
	/* Zero bytes: a file made ready for the first export (mktemp). */
	if (rc == -1 || (nbytes > 0 && !rd.seen_first)) {
		snprintf(err, errsz, "%s: not an iCalendar file", path);
		return -1;
	}
	return 0;
}

/* An X-WR-* calendar property: see clean() for why CLEAN_X. */
static void
ics_x_prop(icalcomponent *cal, const char *name, const char *value)
{
	icalproperty	*p;
	char		*v;

	v = clean(value, CLEAN_X);
	p = icalproperty_new_x(v);
	icalproperty_set_x_name(p, name);
	icalcomponent_add_property(cal, p);
	free(v);
}

/*
 * libical 3.0 counts a line's CR towards the 75 octets when it folds, so
 * a line whose last piece is 74 octets is folded between its CR and LF:
 * "CR CR LF SPACE LF".  Put such a line end back together, in place.
 * Returns the new length.
 */
static size_t
repair_folds(char *s, size_t len)
{
	char	*r, *w, *e, *cr;
	size_t	 n;

	r = w = s;
	e = s + len;
	while ((cr = memchr(r, '\r', (size_t)(e - r))) != NULL) {
		if (e - cr >= 5 && memcmp(cr, "\r\r\n \n", 5) == 0) {
			n = (size_t)(cr - r);
			memmove(w, r, n);
			w += n;
			*w++ = '\r';
			*w++ = '\n';
			r = cr + 5;
		} else {
			n = (size_t)(cr + 1 - r);
			memmove(w, r, n);
			w += n;
			r = cr + 1;
		}
	}
	n = (size_t)(e - r);
	memmove(w, r, n);
	w += n;
	*w = '\0';
	return (size_t)(w - s);
}

static int
ics_write(FILE *f, const char *s, size_t len, char *err, size_t errsz)
{
	if (fwrite(s, 1, len, f) != len || ferror(f)) {
		snprintf(err, errsz, "cannot write the calendar: %s",
		    strerror(errno));
		return -1;
	}
	return 0;
}

static void *
ics_begin(FILE *f, const struct out_opts *o, char *err, size_t errsz)
{
	struct ics	*x;
	icalcomponent	*cal;
	char		*s, *desc, asof[DATE_STRLEN];
	size_t		 len, endlen;

	x = xcalloc(1, sizeof(*x));
	x->f = f;
	x->alarm_days = o->alarm_days < 0 ? -1 : o->alarm_days > ICS_MAX_ALARM ?
	    ICS_MAX_ALARM : o->alarm_days;
	x->as_of = o->as_of;
	x->dtstamp = ics_stamp(o);
	if (o->previous != NULL && prev_load(x, o->previous, err, errsz) == -1)
		goto fail;

	cal = icalcomponent_new_vcalendar();
	icalcomponent_add_property(cal,
	    icalproperty_new_prodid("-//cinplan//cinplan " CINPLAN_VERSION
	    "//EN"));
	icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
	icalcomponent_add_property(cal,
	    icalproperty_new_method(ICAL_METHOD_PUBLISH));
	ics_x_prop(cal, "X-WR-CALNAME", o->calname != NULL ? o->calname :
	    ICS_CALNAME);
	desc = xasprintf("Child in Need deadlines as of %s from cinplan %s. "
	    "Check each date against the procedure it cites.",
	    o->as_of >= DATE_MIN && o->as_of <= DATE_MAX ?
	    date_format(o->as_of, asof) : "today", CINPLAN_VERSION);
	ics_x_prop(cal, "X-WR-CALDESC", desc);
	free(desc);
	s = icalcomponent_as_ical_string_r(cal);
	icalcomponent_free(cal);

	/* Everything but the END line, which end() writes. */
	len = repair_folds(s, strlen(s));
	endlen = strlen(ICS_END);
	if (len < endlen || strcmp(s + len - endlen, ICS_END) != 0) {
		snprintf(err, errsz, "libical did not end the calendar with "
		    "END:VCALENDAR");
		icalmemory_free_buffer(s);
		goto fail;
	}
	if (ics_write(f, s, len - endlen, err, errsz) == -1) {
		icalmemory_free_buffer(s);
		goto fail;
	}
	icalmemory_free_buffer(s);
	return x;
fail:
	free(x->prev);
	free(x);
	return NULL;
}

/* How the profile names itself in a month view: "Torbay", "Reading". */
static void
short_authority(const struct out_case *c, char *buf, size_t sz)
{
	static const char *const cut[] = {
		" Council", " Children's", " Safeguarding", " Metropolitan",
		" Borough", " County", " (", NULL
	};
	const struct profile	*p = c->profile;
	const struct area	*a;
	const char		*q;
	size_t			 i, len;

	if (c->area >= 0 && (size_t)c->area < p->nareas) {
		a = &p->areas[c->area];
		snprintf(buf, sz, "%s", a->name != NULL ? a->name : a->id);
		return;
	}
	if (p->authority == NULL) {
		snprintf(buf, sz, "%s", p->id);
		return;
	}
	len = strlen(p->authority);
	for (i = 0; cut[i] != NULL; i++)
		if ((q = strstr(p->authority, cut[i])) != NULL &&
		    q > p->authority && (size_t)(q - p->authority) < len)
			len = (size_t)(q - p->authority);
	snprintf(buf, sz, "%.*s", (int)len, p->authority);
}

/* Whether the case has a reference: NULL and "" are none. */
static int
has_ref(const struct out_case *c)
{
	return c->case_id != NULL && c->case_id[0] != '\0';
}

/* The DESCRIPTION, before cleaning. */
static void
describe(struct sbuf *b, const struct ics *x, const struct out_case *c,
    const struct item *it, const char *what)
{
	const struct rule	*r = it->rule;
	const struct profile	*p = c->profile;
	char			 d1[DATE_STRLEN], d2[DATE_STRLEN], rw[1024];
	int			 own;

	sbuf_printf(b, "%s: due %s %s.\n", what, date_weekday_name(it->due),
	    date_format(it->due, d1));
	if (it->earliest != DATE_NONE)
		sbuf_printf(b, "Window: no earlier than %s %s, no later than "
		    "%s.\n", date_weekday_name(it->earliest),
		    date_format(it->earliest, d1), date_format(it->due, d2));
	sbuf_printf(b, "Rule: %s %s.\nSource: ", it->kind == KIND_MILESTONE ?
	    "marks" : "due", out_rule_words(r, rw, sizeof(rw)));
	/* An inherited rule comes from the base profile's document. */
	own = r->file != NULL && p->file != NULL &&
	    strcmp(r->file, p->file) == 0 && p->document != NULL;
	if (!own)
		sbuf_printf(b, "%s", r->source);
	else if (r->source[0] >= '0' && r->source[0] <= '9')
		sbuf_printf(b, "%s, section %s", p->document, r->source);
	else
		sbuf_printf(b, "%s, under \"%s\"", p->document, r->source);
	if (r->quote != NULL)
		sbuf_printf(b, "\nWords: \"%s\"", r->quote);
	if (r->note != NULL)
		sbuf_printf(b, "\nHow cinplan reads it: %s", r->note);
	sbuf_printf(b, "\nProjected: %s", it->projected ? "yes, counted from "
	    "a date not recorded yet; it moves when that date is known" :
	    "no");
	if (it->held != DATE_NONE)
		sbuf_printf(b, "\nHeld: %s", date_format(it->held, d1));
	sbuf_printf(b, "\nStatus: %s", status_name(it->status));
	sbuf_printf(b, "\nCase: %s\nProfile: %s", has_ref(c) ? c->case_id :
	    "(no reference)", p->id);
	if (c->area >= 0 && (size_t)c->area < p->nareas)
		sbuf_printf(b, ", area %s", p->areas[c->area].id);
	sbuf_printf(b, ", plan type %s", plan_type_name(c->plan_type));
	if (c->worker != NULL && c->worker[0] != '\0')
		sbuf_printf(b, "\nWorker: %s", c->worker);
	if (x->as_of >= DATE_MIN && x->as_of <= DATE_MAX)
		sbuf_printf(b, "\nAs of %s.", date_format(x->as_of, d1));
}

/* "<case>.<profile>.<kind>.<seq>@cinplan", every part percent-encoded. */
static void
uid_part(struct sbuf *b, const char *s)
{
	const unsigned char	*p;

	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '_' || *p == '-')
			sbuf_printf(b, "%c", *p);
		else
			sbuf_printf(b, "%%%02X", *p);
}

static void
make_uid(struct sbuf *b, const struct out_case *c, const struct item *it)
{
	uid_part(b, has_ref(c) ? c->case_id : "case");
	sbuf_printf(b, ".");
	uid_part(b, c->profile->id);
	sbuf_printf(b, ".");
	uid_part(b, kind_name(it->kind));
	sbuf_printf(b, ".");
	if (it->kind == KIND_MILESTONE && it->rule->name != NULL)
		uid_part(b, it->rule->name);
	else if (it->seq == 0 && it->after == 0)
		sbuf_printf(b, "last");
	else if (it->seq == 0 && it->after > 1)
		sbuf_printf(b, "next%u", it->after);
	else if (it->seq == 0)
		sbuf_printf(b, "next");
	else
		sbuf_printf(b, "%u", it->seq);
	sbuf_printf(b, "@cinplan");
}

static void
add_alarm(icalcomponent *ev, long days, const char *summary)
{
	icalcomponent		*a;
	icalproperty		*p;
	struct icaltriggertype	 tr;

	memset(&tr, 0, sizeof(tr));
	tr.time = icaltime_null_time();
	tr.duration = icaldurationtype_null_duration();	/* PT0S */
	if (days > 0) {
		tr.duration.is_neg = 1;
		tr.duration.days = (unsigned int)days;
	}
	a = icalcomponent_new_valarm();
	icalcomponent_add_property(a,
	    icalproperty_new_action(ICAL_ACTION_DISPLAY));
	icalcomponent_add_property(a, icalproperty_new_description(summary));
	p = icalproperty_new_trigger(tr);
	icalproperty_add_parameter(p, icalparameter_new_related(
	    ICAL_RELATED_START));
	icalcomponent_add_property(a, p);
	icalcomponent_add_component(ev, a);
}

/* Build, write and free the VEVENT of one item. */
static int
ics_event(struct ics *x, const struct out_case *c, const struct item *it,
    const char *auth, char *err, size_t errsz)
{
	const struct prev_ev	*pe;
	icalcomponent		*ev;
	struct sbuf		 b;
	char			 what[512], *summary, *desc, *cats, *s;
	int			 seq, rc;

	if (it->due < DATE_MIN || it->due > DATE_MAX || it->rule == NULL) {
		snprintf(err, errsz, "%s: %s %u has no due date",
		    has_ref(c) ? c->case_id : "case",
		    kind_name(it->kind), it->seq);
		return -1;
	}
	memset(&b, 0, sizeof(b));
	make_uid(&b, c, it);
	seq = 0;
	if ((pe = prev_get(x, uid_hash(b.p, b.len))) != NULL)
		seq = pe->due == it->due ? pe->seq :
		    pe->seq < INT_MAX - 1 ? pe->seq + 1 : pe->seq;

	ev = icalcomponent_new_vevent();
	icalcomponent_add_property(ev, icalproperty_new_uid(b.p));
	icalcomponent_add_property(ev, icalproperty_new_dtstamp(x->dtstamp));
	icalcomponent_add_property(ev,
	    icalproperty_new_dtstart(ics_date(it->due)));
	/* DATE values, so the day after is arithmetic, not a range check. */
	icalcomponent_add_property(ev,
	    icalproperty_new_dtend(ics_date(it->due + 1)));
	icalcomponent_add_property(ev, icalproperty_new_sequence(seq));

	out_what(it, what, sizeof(what));
	b.len = 0;
	if (has_ref(c))
		sbuf_printf(&b, "%s: ", c->case_id);
	sbuf_printf(&b, "%s (%s)", what, auth);
	if (it->status == ST_OVERDUE)
		sbuf_printf(&b, " [overdue]");
	else if (it->status == ST_DONE || it->status == ST_LATE)
		sbuf_printf(&b, " [held%s]", it->status == ST_LATE ?
		    " late" : "");
	summary = clean(b.p, CLEAN_LINE);
	icalcomponent_add_property(ev, icalproperty_new_summary(summary));

	b.len = 0;
	describe(&b, x, c, it, what);
	desc = clean(b.p, CLEAN_TEXT);
	icalcomponent_add_property(ev, icalproperty_new_description(desc));

	/* libical writes CATEGORIES' commas bare: a list of two. */
	cats = xasprintf("%s,cinplan", kind_name(it->kind));
	icalcomponent_add_property(ev, icalproperty_new_categories(cats));
	icalcomponent_add_property(ev,
	    icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
	icalcomponent_add_property(ev,
	    icalproperty_new_status(ICAL_STATUS_CONFIRMED));
	if (x->alarm_days >= 0 && it->status != ST_DONE &&
	    it->status != ST_LATE)
		add_alarm(ev, x->alarm_days, summary);

	s = icalcomponent_as_ical_string_r(ev);
	icalcomponent_free(ev);
	rc = ics_write(x->f, s, repair_folds(s, strlen(s)), err, errsz);
	icalmemory_free_buffer(s);
	free(cats);
	free(desc);
	free(summary);
	free(b.p);
	return rc;
}

static int
ics_case(void *state, const struct out_case *c, char *err, size_t errsz)
{
	struct ics	*x = state;
	char		 auth[128];
	size_t		 i;

	short_authority(c, auth, sizeof(auth));
	for (i = 0; i < c->s->n; i++)
		if (ics_event(x, c, &c->s->items[i], auth, err, errsz) == -1)
			return -1;
	return 0;
}

static int
ics_end(void *state, char *err, size_t errsz)
{
	struct ics	*x = state;
	int		 rc;

	rc = ics_write(x->f, ICS_END, strlen(ICS_END), err, errsz);
	if (rc == 0 && fflush(x->f) == EOF) {
		snprintf(err, errsz, "cannot write the calendar: %s",
		    strerror(errno));
		rc = -1;
	}
	free(x->prev);
	free(x);
	return rc;
}

const struct out_impl out_ics_impl = {
	.begin = ics_begin,
	.write_case = ics_case,
	.end = ics_end
};
