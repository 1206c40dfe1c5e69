/*
 * out_ics.c: the iCalendar (RFC 5545) writer, and the one file that
 * includes libical.
 *
 * libical builds the calendar's head (VCALENDAR and its properties) once.
 * The events, of which a whole authority's export holds hundreds of
 * thousands, are written here as content lines by ev_text() and friends,
 * which escape TEXT as RFC 5545 3.3.11 says and fold at 75 octets (3.1)
 * without splitting a character or an escape: building each event with
 * libical spent most of the export's time in its allocator and its
 * octet-by-octet escaping.  The unit test and the fuzzer parse every
 * event back with libical, and tests/ics-readers.test.sh with three other
 * readers.  Memory stays flat: each event is written as soon as it is
 * built, into one buffer reused for all of them.
 *
 * Each item is an all-day event on the day it happened, if it was held,
 * or on its due date.  The title names the case, the item and the
 * authority, and "(provisional)" when the date is projected (then STATUS
 * is TENTATIVE); it never holds a status, which would be stale the next
 * day.  The description says what the status was as of the export.
 *
 * A UID comes from the case, profile, kind and occurrence, never the
 * date, so a re-export updates events in a calendar rather than adding
 * copies.  What a stateless writer cannot know is carried on from the
 * previous export, opts->previous (normally the -o target, read before it
 * is replaced), whose events are remembered by their UID strings,
 * compared exactly:
 *   - SEQUENCE: 0 for a new event; the old one if nothing that matters
 *     changed; one more if the date moved, the event was cancelled before,
 *     or it became or stopped being provisional.
 *   - cancellations: end() reads the previous export a second time and
 *     writes each cinplan event of it that this export did not produce
 *     once more with STATUS:CANCELLED and SEQUENCE one more, so a
 *     calendar holding a copy removes it.  It carries the date of the
 *     export that first cancelled it (X-CINPLAN-CANCELLED) and is written
 *     again, unchanged, by each export until ICS_KEEP_DAYS after that.
 * The table of UIDs is the only memory that grows, and with the previous
 * export, not with the cases being written.
 *
 * Text is cleaned as it is written: CR LF, CR and LF are one line break;
 * a tab is a space; any other control character and each byte that is
 * not part of valid UTF-8 become '?'.
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
#include "safeio.h"
#include "profile.h"
#include "sched.h"
#include "strtab.h"
#include "text.h"
#include "xmalloc.h"

#define ICS_END		"END:VCALENDAR\r\n"
#define ICS_CALNAME	"cinplan deadlines"
#define ICS_LINE	75		/* octets a line, CR LF not counted */
#define ICS_MAX_ALARM	36600L		/* days; a century is plenty */
#define ICS_KEEP_DAYS	35		/* a cancelled event is written for
					   this many days: see cinplan(1) */
#define ICS_OURS	"@cinplan"	/* how our UIDs end */
#define PREV_LINE_MAX	4096		/* a previous export's line, unfolded */

/* What a previous export said about one event. */
struct prev_ev {
	int		 start;		/* DTSTART */
	int		 seq;
	int		 cancelled;	/* first cancelled as of this date,
					   or DATE_NONE */
	int		 tentative;	/* STATUS:TENTATIVE: provisional */
	int		 done;		/* written by this export */
};

/* A growing string. */
struct sbuf {
	char	*p;
	size_t	 len, cap;
};

/*
 * The previous export's events, numbered by their UID strings in uids.
 * Of two events with one UID, the one with the higher SEQUENCE counts.
 */
struct prev_tab {
	struct strtab	*uids;
	struct prev_ev	*ev;		/* by the UID's number */
	size_t		 cap;
};

struct ics {
	FILE		*f;
	const struct out_opts *o;
	long		 alarm_days;	/* -1: no alarms */
	int		 as_of;
	char		 dtstamp[24];	/* "20261228T000000Z" */
	const char	*prevpath;	/* NULL: no previous export */
	FILE		*prevf;		/* kept open for end() */
	char		*prevbuf;	/* its buffer */
	struct prev_tab	 prev;
	struct sbuf	 ev;		/* the event being written */
	size_t		 col;		/* octets on its last line */
	struct sbuf	 text;		/* a value being put together */
	unsigned long	 ncancelled;
};

/* Reading a previous export: the event being read. */
struct prev_rd {
	int		 seen_first;	/* the first line was checked */
	int		 in_event;
	int		 sub;		/* components open inside the VEVENT */
	int		 have_uid;
	int		 start;
	int		 seq;
	int		 status_cancelled;
	int		 tentative;
	int		 cancelled;	/* X-CINPLAN-CANCELLED, or DATE_NONE */
	char		 uid[PREV_LINE_MAX];
	char		 summary[PREV_LINE_MAX];	/* unescaped */
};

enum clean_mode {
	CLEAN_TEXT,		/* line breaks kept as "\n" */
	CLEAN_LINE,		/* line breaks become spaces */
	CLEAN_X			/* a line, and no ',', ';' or '\\' */
};

static void	sbuf_printf(struct sbuf *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));

static void
sbuf_grow(struct sbuf *b, size_t more)
{
	if (b->len + more + 1 <= b->cap)
		return;
	while (b->len + more + 1 > b->cap)
		b->cap = b->cap == 0 ? 256 : b->cap * 2;
	b->p = xreallocarray(b->p, b->cap, 1);
}

static void
sbuf_add(struct sbuf *b, const char *s, size_t n)
{
	sbuf_grow(b, n);
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void
sbuf_str(struct sbuf *b, const char *s)
{
	sbuf_add(b, s, strlen(s));
}

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
		sbuf_grow(b, (size_t)n);
		va_start(ap, fmt);
		vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
		va_end(ap);
	}
	b->len += (size_t)n;
}

/* Printable ASCII that a TEXT value holds as it is: not '\\', ',', ';'. */
static int
plain(unsigned char c)
{
	return c >= 0x20 && c < 0x7f && c != '\\' && c != ',' && c != ';';
}

/*
 * The next character of s, cleaned: its octets in out (at most 4), and
 * how many octets of s it took.  "\n" in out is a line break.
 */
static size_t
clean_char(const unsigned char *p, enum clean_mode mode, char *out,
    size_t *outlen)
{
	size_t	 n;

	*outlen = 1;
	if (*p == '\r' || *p == '\n') {
		out[0] = mode == CLEAN_TEXT ? '\n' : ' ';
		return p[0] == '\r' && p[1] == '\n' ? 2 : 1;
	}
	if (*p == '\t' || (mode == CLEAN_X &&
	    (*p == ',' || *p == ';' || *p == '\\'))) {
		out[0] = ' ';
		return 1;
	}
	if (*p < 0x20 || *p == 0x7f) {
		out[0] = '?';
		return 1;
	}
	if ((n = text_utf8_len((const char *)p,
	    strnlen((const char *)p, 4))) == 0 ||
	    text_is_c1((const char *)p, n)) {
		out[0] = '?';		/* not UTF-8, or a C1 control */
		return n == 0 ? 1 : 2;
	}
	memcpy(out, p, n);
	*outlen = n;
	return n;
}

/*
 * A copy of s for an X-WR-* calendar property, which libical 3.0 writes
 * with '\\' and line breaks escaped but ',' and ';' bare, and which ical.js
 * (Thunderbird) reads raw, unescaping nothing: the only text every reader
 * agrees on has none of the four.  The caller frees the result.
 */
static char *
clean_x(const char *s)
{
	const unsigned char	*p;
	char			*out, *o;
	size_t			 n;

	o = out = xmalloc(strlen(s) + 1);
	for (p = (const unsigned char *)s; *p != '\0'; o += n)
		p += clean_char(p, CLEAN_X, o, &n);
	*o = '\0';
	return out;
}

/* --- writing an event ------------------------------------------------- */

/* n octets that stay on one line, folding first if they do not fit. */
static void
ev_unit(struct ics *x, const char *s, size_t n)
{
	if (x->col + n > ICS_LINE) {
		sbuf_add(&x->ev, "\r\n ", 3);
		x->col = 1;
	}
	sbuf_add(&x->ev, s, n);
	x->col += n;
}

/* Octets of one octet a character, folded where they reach the end. */
static void
ev_plain(struct ics *x, const char *s, size_t n)
{
	size_t	 k;

	while (n > 0) {
		if (x->col >= ICS_LINE) {
			sbuf_add(&x->ev, "\r\n ", 3);
			x->col = 1;
		}
		k = ICS_LINE - x->col;
		if (k > n)
			k = n;
		sbuf_add(&x->ev, s, k);
		x->col += k;
		s += k;
		n -= k;
	}
}

static void
ev_eol(struct ics *x)
{
	sbuf_add(&x->ev, "\r\n", 2);
	x->col = 0;
}

/* "NAME:value", value plain ASCII (dates, numbers, names of ours). */
static void
ev_prop(struct ics *x, const char *name, const char *value)
{
	ev_plain(x, name, strlen(name));
	ev_plain(x, ":", 1);
	ev_plain(x, value, strlen(value));
	ev_eol(x);
}

/* "NAME:value", value TEXT: cleaned, escaped and folded. */
static void
ev_text(struct ics *x, const char *name, const char *value,
    enum clean_mode mode)
{
	const unsigned char	*p, *q;
	char			 c[4], e[2];
	size_t			 n;

	ev_plain(x, name, strlen(name));
	ev_plain(x, ":", 1);
	for (p = (const unsigned char *)value; *p != '\0'; ) {
		for (q = p; plain(*q); q++)
			continue;
		if (q > p) {
			ev_plain(x, (const char *)p, (size_t)(q - p));
			p = q;
			continue;
		}
		p += clean_char(p, mode, c, &n);
		if (n == 1 && (c[0] == '\\' || c[0] == ',' || c[0] == ';' ||
		    c[0] == '\n')) {
			e[0] = '\\';
			e[1] = c[0] == '\n' ? 'n' : c[0];
			ev_unit(x, e, 2);
		} else
			ev_unit(x, c, n);
	}
	ev_eol(x);
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

/* Write out the event built in x->ev and empty it. */
static int
ev_flush(struct ics *x, char *err, size_t errsz)
{
	int	 rc;

	rc = ics_write(x->f, x->ev.p, x->ev.len, err, errsz);
	x->ev.len = 0;
	x->col = 0;
	return rc;
}

/* "20261214" into buf[16]. */
static char *
ics_date(int date, char *buf)
{
	int	 y, m, d;

	date_to_ymd(date, &y, &m, &d);
	snprintf(buf, 16, "%04d%02d%02d", y, m, d);
	return buf;
}

/*
 * DTSTAMP from opts->dtstamp, in UTC, counted by hand rather than through
 * time_t and gmtime.  A stamp outside the supported dates falls back to
 * midnight of the as-of date.
 */
static void
ics_stamp(const struct out_opts *o, char *buf, size_t sz)
{
	long long	 days, secs;
	int		 y, m, d;

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
	snprintf(buf, sz, "%04d%02d%02dT%02d%02d%02dZ", y, m, d,
	    (int)(secs / 3600), (int)(secs / 60 % 60), (int)(secs % 60));
}

/* --- the previous export ------------------------------------------------ */

/* The event of the previous export with this UID, or NULL. */
static struct prev_ev *
prev_get(struct prev_tab *t, const char *uid, size_t len)
{
	size_t	 i;

	if (t->uids == NULL ||
	    (i = strtab_find(t->uids, uid, len)) == STRTAB_NONE)
		return NULL;
	return &t->ev[i];
}

static void
prev_put(struct prev_tab *t, const struct prev_rd *rd)
{
	struct prev_ev	*e;
	size_t		 i;
	int		 added;

	if (t->uids == NULL)
		t->uids = strtab_new();
	i = strtab_add(t->uids, rd->uid, strlen(rd->uid), &added);
	if (i >= t->cap) {
		t->cap = t->cap == 0 ? 1024 : t->cap * 2;
		t->ev = xreallocarray(t->ev, t->cap, sizeof(*t->ev));
	}
	e = &t->ev[i];
	if (!added && e->seq > rd->seq)
		return;
	e->start = rd->start;
	e->seq = rd->seq;
	e->cancelled = rd->status_cancelled ? (rd->cancelled != DATE_NONE ?
	    rd->cancelled : DATE_MAX) : DATE_NONE;
	e->tentative = rd->tentative;
	e->done = 0;
}

static void
prev_tab_free(struct prev_tab *t)
{
	strtab_free(t->uids);
	free(t->ev);
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

/* A TEXT value without its escapes, into buf[PREV_LINE_MAX]. */
static void
unescape(const char *v, char *buf)
{
	char	*o;

	for (o = buf; *v != '\0'; v++) {
		if (*v == '\\' && v[1] != '\0') {
			v++;
			*o++ = *v == 'n' || *v == 'N' ? '\n' : *v;
		} else
			*o++ = *v;
	}
	*o = '\0';
}

static int	cancel_event(struct ics *, const struct prev_rd *, char *,
		    size_t);

/*
 * One unfolded line of a previous export.  Pass 1 remembers each event;
 * pass 2 writes the cancellations.  -1 with err set: not iCalendar, or a
 * write failed.
 */
static int
prev_line(struct ics *x, struct prev_rd *rd, int pass, char *line, int cut,
    char *err, size_t errsz)
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
		if (strcasecmp(line, "BEGIN:VCALENDAR") == 0)
			return 0;
		snprintf(err, errsz, "%s: not an iCalendar file", x->prevpath);
		return -1;
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
			rd->status_cancelled = rd->tentative = 0;
			rd->start = rd->cancelled = DATE_NONE;
			rd->summary[0] = '\0';
		}
	} else if (strcasecmp(line, "END") == 0) {
		if (rd->in_event && rd->sub > 0)
			rd->sub--;
		else if (rd->in_event) {
			rd->in_event = 0;
			if (!rd->have_uid || rd->start == DATE_NONE)
				return 0;
			if (pass == 1)
				prev_put(&x->prev, rd);
			else
				return cancel_event(x, rd, err, errsz);
		}
	} else if (!rd->in_event || rd->sub > 0 || cut)
		return 0;
	else if (strcasecmp(line, "UID") == 0) {
		memcpy(rd->uid, v, strlen(v) + 1);
		rd->have_uid = 1;
	} else if (strcasecmp(line, "DTSTART") == 0)
		rd->start = prev_date(v);
	else if (strcasecmp(line, "SEQUENCE") == 0) {
		errno = 0;
		n = strtol(v, &q, 10);
		if (errno == 0 && q != v && *q == '\0' && n >= 0 &&
		    n < INT_MAX)
			rd->seq = (int)n;
	} else if (strcasecmp(line, "STATUS") == 0) {
		rd->status_cancelled = strcasecmp(v, "CANCELLED") == 0;
		rd->tentative = strcasecmp(v, "TENTATIVE") == 0;
	} else if (strcasecmp(line, "X-CINPLAN-CANCELLED") == 0)
		rd->cancelled = prev_date(v);
	else if (pass == 2 && strcasecmp(line, "SUMMARY") == 0)
		unescape(v, rd->summary);
	return 0;
}

/*
 * Read each VEVENT of the previous export, x->prevf, from its start: pass
 * 1 into x->prev, pass 2 to write the cancellations.  A line reader rather
 * than icalparser, which holds the whole VCALENDAR in memory until its
 * END.  Lines are unfolded; one longer than PREV_LINE_MAX is cut and
 * ignored, which none of the properties read ever is in cinplan's own
 * files (a long SUMMARY is the one exception: its event is then
 * cancelled under a plain title).
 */
static int
prev_read(struct ics *x, int pass, char *err, size_t errsz)
{
	struct prev_rd	*rd;
	FILE		*f = x->prevf;
	char		*line, *buf;
	const char	*p, *end;
	size_t		 len, cap, nbytes, k;
	ssize_t		 n;
	int		 started, cut, rc;

	rewind(f);
	rd = xcalloc(1, sizeof(*rd));
	line = xmalloc(PREV_LINE_MAX);
	buf = NULL;
	cap = len = nbytes = 0;
	started = cut = rc = 0;
	while (rc == 0 && (n = getline(&buf, &cap, f)) != -1) {
		nbytes += (size_t)n;
		p = buf;
		if (!started || (buf[0] != ' ' && buf[0] != '\t')) {
			if (started) {
				line[len] = '\0';
				rc = prev_line(x, rd, pass, line, cut, err,
				    errsz);
			}
			started = 1;
			len = 0;
			cut = 0;
		} else
			p++;		/* a folded line goes on */
		end = buf + n;
		while (end > p && (end[-1] == '\n' || end[-1] == '\r'))
			end--;
		k = (size_t)(end - p);
		if (memchr(p, '\r', k) == NULL && memchr(p, '\0', k) == NULL &&
		    len + k < PREV_LINE_MAX) {
			memcpy(line + len, p, k);
			len += k;
			continue;
		}
		for (; p < end; p++) {
			if (*p == '\r' || *p == '\0')
				continue;
			if (len + 1 < PREV_LINE_MAX)
				line[len++] = *p;
			else
				cut = 1;
		}
	}
	if (rc == 0 && ferror(f)) {
		snprintf(err, errsz, "%s: %s", x->prevpath, strerror(errno));
		rc = -1;
	}
	if (rc == 0 && started) {
		line[len] = '\0';
		rc = prev_line(x, rd, pass, line, cut, err, errsz);
	}
	/* Zero bytes: a file made ready for the first export (mktemp). */
	if (rc == 0 && nbytes > 0 && !rd->seen_first) {
		snprintf(err, errsz, "%s: not an iCalendar file", x->prevpath);
		rc = -1;
	}
	free(buf);
	free(line);
	free(rd);
	return rc;
}

static int
prev_open(struct ics *x, const char *path, char *err, size_t errsz)
{
	x->prevpath = path;
	if ((x->prevf = fopen(path, "r")) == NULL) {
		if (errno == ENOENT)
			return 0;
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		return -1;
	}
	/* glibc takes the size only with a buffer given. */
	x->prevbuf = xmalloc(SAFE_BUFSIZ);
	(void)setvbuf(x->prevf, x->prevbuf, _IOFBF, SAFE_BUFSIZ);
	return prev_read(x, 1, err, errsz);
}

/* --- the calendar ------------------------------------------------------- */

/* An X-WR-* calendar property: see clean_x(). */
static void
ics_x_prop(icalcomponent *cal, const char *name, const char *value)
{
	icalproperty	*p;
	char		*v;

	v = clean_x(value);
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

static void
ics_free(struct ics *x)
{
	if (x->prevf != NULL)
		fclose(x->prevf);
	free(x->prevbuf);
	prev_tab_free(&x->prev);
	free(x->ev.p);
	free(x->text.p);
	free(x);
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
	x->o = o;
	ics_stamp(o, x->dtstamp, sizeof(x->dtstamp));
	if (o->previous != NULL && prev_open(x, o->previous, err, errsz) == -1)
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
	ics_free(x);
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

/* "Tue 2026-10-06" into buf[16]. */
static const char *
day_words(int date, char *buf)
{
	char	 d[DATE_STRLEN];

	snprintf(buf, 16, "%s %s", date_weekday_name(date),
	    date_format(date, d));
	return buf;
}

/* The DESCRIPTION, before cleaning. */
static void
describe(struct sbuf *b, const struct ics *x, const struct out_case *c,
    const struct item *it, const char *what)
{
	const struct rule	*r = it->rule;
	const struct profile	*p = c->profile;
	char			 d1[16], d2[16], rw[1024];
	int			 own;

	if (it->held != DATE_NONE)
		sbuf_printf(b, "%s: held %s, %s (due %s).\n", what,
		    day_words(it->held, d1), it->held <= it->due ?
		    "on time" : "late", day_words(it->due, d2));
	else
		sbuf_printf(b, "%s: due %s.\n", what, day_words(it->due, d1));
	if (it->earliest != DATE_NONE)
		sbuf_printf(b, "Window: from %s, no later than %s.\n",
		    day_words(it->earliest, d1), date_format(it->due, d2));
	if (r->has_also && it->also != DATE_NONE)
		sbuf_printf(b, "%s: %s.\n", r->also_label,
		    day_words(it->also, d1));
	if (x->as_of >= DATE_MIN && x->as_of <= DATE_MAX)
		sbuf_printf(b, "Status as of %s: %s.\n",
		    date_format(x->as_of, d1), status_name(it->status));
	if (it->projected)
		sbuf_printf(b, "Provisional: counted from a date not recorded "
		    "yet; it moves when that date is known.\n");
	if (out_beyond(x->o, it))
		sbuf_printf(b, "Bank holidays: %s.\n",
		    out_announced_note(x->o, rw, sizeof(rw)));
	sbuf_printf(b, "Rule: %s %s.\nSource: ", it->kind == KIND_MILESTONE ?
	    "marks" : "due", out_rule_words(r, rw, sizeof(rw)));
	/* An inherited rule comes from the base profile's document. */
	own = r->file != NULL && p->file != NULL &&
	    strcmp(r->file, p->file) == 0 && p->document != NULL;
	if (!own)
		sbuf_str(b, r->source);
	else if (r->source[0] >= '0' && r->source[0] <= '9')
		sbuf_printf(b, "%s, section %s", p->document, r->source);
	else
		sbuf_printf(b, "%s, under \"%s\"", p->document, r->source);
	if (r->quote != NULL)
		sbuf_printf(b, "\nWords: \"%s\"", r->quote);
	if (r->note != NULL)
		sbuf_printf(b, "\nHow cinplan reads it: %s", r->note);
	sbuf_printf(b, "\nCase: %s\nProfile: %s", has_ref(c) ? c->case_id :
	    "(no reference)", p->id);
	if (c->area >= 0 && (size_t)c->area < p->nareas)
		sbuf_printf(b, ", area %s", p->areas[c->area].id);
	sbuf_printf(b, ", plan type %s", plan_type_name(c->plan_type));
	if (c->worker != NULL && c->worker[0] != '\0')
		sbuf_printf(b, "\nWorker: %s", c->worker);
}

/* "<case>.<profile>.<kind>.<seq>@cinplan", every part percent-encoded. */
static void
uid_part(struct sbuf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char	*p;
	char			 e[3];

	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '_' || *p == '-')
			sbuf_add(b, (const char *)p, 1);
		else {
			e[0] = '%';
			e[1] = hex[*p >> 4];
			e[2] = hex[*p & 15];
			sbuf_add(b, e, 3);
		}
}

static void
make_uid(struct sbuf *b, const struct out_case *c, const struct item *it)
{
	uid_part(b, has_ref(c) ? c->case_id : "case");
	sbuf_str(b, ".");
	uid_part(b, c->profile->id);
	sbuf_str(b, ".");
	uid_part(b, kind_name(it->kind));
	sbuf_str(b, ".");
	if (it->kind == KIND_MILESTONE && it->rule->name != NULL)
		uid_part(b, it->rule->name);
	else if (it->seq == 0 && it->after == 0)
		sbuf_str(b, "last");
	else if (it->seq == 0 && it->after > 1)
		sbuf_printf(b, "next%u", it->after);
	else if (it->seq == 0)
		sbuf_str(b, "next");
	else
		sbuf_printf(b, "%u", it->seq);
	sbuf_str(b, ICS_OURS);
}

static void
add_alarm(struct ics *x, const char *summary)
{
	char	 trig[32];

	ev_prop(x, "BEGIN", "VALARM");
	ev_prop(x, "ACTION", "DISPLAY");
	ev_text(x, "DESCRIPTION", summary, CLEAN_LINE);
	if (x->alarm_days > 0)
		snprintf(trig, sizeof(trig), "-P%ldD", x->alarm_days);
	else
		snprintf(trig, sizeof(trig), "PT0S");
	ev_prop(x, "TRIGGER;RELATED=START", trig);
	ev_prop(x, "END", "VALARM");
}

/* One more, short of overflow. */
static int
seq_next(int seq)
{
	return seq < INT_MAX - 1 ? seq + 1 : seq;
}

/* The properties every event starts with. */
static void
ev_begin(struct ics *x, const char *uid, int date, int seq)
{
	char	 d[16];

	ev_prop(x, "BEGIN", "VEVENT");
	ev_text(x, "UID", uid, CLEAN_LINE);
	ev_prop(x, "DTSTAMP", x->dtstamp);
	ev_prop(x, "DTSTART;VALUE=DATE", ics_date(date, d));
	/* Outlook shows a one-day event only with DTEND the day after. */
	ev_prop(x, "DTEND;VALUE=DATE", ics_date(date + 1, d));
	snprintf(d, sizeof(d), "%d", seq);
	ev_prop(x, "SEQUENCE", d);
}

/* Build and write the VEVENT of one item. */
static int
ics_event(struct ics *x, const struct out_case *c, const struct item *it,
    const char *auth, char *err, size_t errsz)
{
	struct prev_ev	*pe;
	struct sbuf	*b = &x->text;
	char		 what[512], *summary;
	size_t		 sumlen;
	int		 seq, date;

	if (it->due < DATE_MIN || it->due > DATE_MAX || it->rule == NULL ||
	    (it->held != DATE_NONE &&
	    (it->held < DATE_MIN || it->held > DATE_MAX))) {
		snprintf(err, errsz, "%s: %s %u has no due date",
		    has_ref(c) ? c->case_id : "case",
		    kind_name(it->kind), it->seq);
		return -1;
	}
	date = it->held != DATE_NONE ? it->held : it->due;
	b->len = 0;
	make_uid(b, c, it);
	seq = 0;
	if ((pe = prev_get(&x->prev, b->p, b->len)) != NULL) {
		seq = pe->seq;
		if (pe->start != date || pe->cancelled != DATE_NONE ||
		    pe->tentative != (it->projected != 0))
			seq = seq_next(seq);
		pe->done = 1;
	}
	ev_begin(x, b->p, date, seq);

	/* The summary, then the description after it in b. */
	out_what(it, what, sizeof(what));
	b->len = 0;
	if (has_ref(c))
		sbuf_printf(b, "%s: ", c->case_id);
	sbuf_printf(b, "%s (%s)%s", what, auth, it->projected ?
	    " (provisional)" : "");
	sumlen = b->len + 1;
	sbuf_add(b, "", 1);
	summary = b->p;
	ev_text(x, "SUMMARY", summary, CLEAN_LINE);
	describe(b, x, c, it, what);
	summary = b->p;		/* b may have moved */
	ev_text(x, "DESCRIPTION", b->p + sumlen, CLEAN_TEXT);
	ev_plain(x, "CATEGORIES:", 11);
	ev_plain(x, kind_name(it->kind), strlen(kind_name(it->kind)));
	ev_plain(x, ",cinplan", 8);
	ev_eol(x);
	ev_prop(x, "TRANSP", "TRANSPARENT");
	ev_prop(x, "STATUS", it->projected ? "TENTATIVE" : "CONFIRMED");
	/* A reminder only of what is still to come. */
	if (x->alarm_days >= 0 && it->held == DATE_NONE &&
	    it->status != ST_OVERDUE && it->due >= x->as_of)
		add_alarm(x, summary);
	ev_prop(x, "END", "VEVENT");
	return ev_flush(x, err, errsz);
}

/*
 * An event of the previous export that this one did not produce: written
 * once more as cancelled, while ICS_KEEP_DAYS have not passed since the
 * export that first cancelled it.  Events that are not cinplan's are not
 * its to cancel.
 */
static int
cancel_event(struct ics *x, const struct prev_rd *rd, char *err,
    size_t errsz)
{
	struct prev_ev	*pe;
	char		 d[DATE_STRLEN], d2[DATE_STRLEN], day[16];
	const char	*title;
	size_t		 len, olen;
	int		 seq, since;

	len = strlen(rd->uid);
	olen = strlen(ICS_OURS);
	if (len <= olen || strcmp(rd->uid + len - olen, ICS_OURS) != 0)
		return 0;
	if ((pe = prev_get(&x->prev, rd->uid, len)) == NULL || pe->done)
		return 0;
	pe->done = 1;
	if (pe->cancelled == DATE_NONE) {
		seq = seq_next(pe->seq);
		since = x->as_of;
	} else {
		seq = pe->seq;
		since = pe->cancelled == DATE_MAX ? x->as_of : pe->cancelled;
		if (x->as_of - since >= ICS_KEEP_DAYS)
			return 0;
	}
	ev_begin(x, rd->uid, pe->start, seq);
	title = rd->summary[0] != '\0' ? rd->summary : "cinplan deadline";
	x->text.len = 0;
	if (strncmp(title, "Cancelled: ", 11) != 0)
		sbuf_str(&x->text, "Cancelled: ");
	sbuf_str(&x->text, title);
	ev_text(x, "SUMMARY", x->text.p, CLEAN_LINE);
	x->text.len = 0;
	sbuf_printf(&x->text, "No longer a deadline as of %s: the case was "
	    "closed or left this calendar, or the item no longer applies. "
	    "Kept in this calendar until %s so that calendars holding a copy "
	    "remove it.", date_format(x->as_of, d),
	    date_format(date_add_days(since, ICS_KEEP_DAYS), d2));
	ev_text(x, "DESCRIPTION", x->text.p, CLEAN_TEXT);
	ev_prop(x, "CATEGORIES", "cinplan");
	ev_prop(x, "TRANSP", "TRANSPARENT");
	ev_prop(x, "STATUS", "CANCELLED");
	ev_prop(x, "X-CINPLAN-CANCELLED", ics_date(since, day));
	ev_prop(x, "END", "VEVENT");
	x->ncancelled++;
	return ev_flush(x, err, errsz);
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

	rc = 0;
	if (x->prevf != NULL && x->prev.uids != NULL)
		rc = prev_read(x, 2, err, errsz);
	if (rc == 0)
		rc = ics_write(x->f, ICS_END, strlen(ICS_END), err, errsz);
	if (rc == 0 && fflush(x->f) == EOF) {
		snprintf(err, errsz, "cannot write the calendar: %s",
		    strerror(errno));
		rc = -1;
	}
	ics_free(x);
	return rc;
}

const struct out_impl out_ics_impl = {
	.begin = ics_begin,
	.write_case = ics_case,
	.end = ics_end
};
