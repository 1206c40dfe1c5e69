/*
 * profile.c: loading and checking an authority's procedure profile.
 *
 * iniparser does the parsing.  Beside it, a light scan of the same text
 * maps each section and key to its line, and catches what iniparser would
 * accept without a word: duplicate sections and keys, stray lines, quoted
 * values cut short, ';' or '#' ending a value early, long lines and NUL
 * bytes.  Every value is then checked, and every problem reported, before
 * the profile is handed out.  This is the only file that includes
 * iniparser.
 */
#include <sys/types.h>

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <iniparser.h>

#include "date.h"
#include "diag.h"
#include "profile.h"
#include "rpath.h"
#include "safeio.h"
#include "strtab.h"
#include "text.h"
#include "xmalloc.h"

/* iniparser reads lines with fgets into 1024 bytes: 1022, newline, NUL. */
#define INI_LINE_MAX	1022
/* Keeps "section:key" inside iniparser's 1024-byte lookup buffer. */
#define INI_NAME_MAX	200
#define EXTENDS_MAX	8
/*
 * iniparser 4.1's dictionary grows by a linear search per key: a file of
 * 400,000 keys takes a minute.  A profile has a few dozen sections and a
 * few hundred keys; past these limits, or this many errors, the scan stops
 * and nothing further is handed to iniparser.
 */
#define INI_SECTIONS_MAX 256
#define INI_KEYS_MAX	2048
#define INI_ERRORS_MAX	100
#define NONE		SIZE_MAX
#define STR(x)		STR_(x)
#define STR_(x)		#x

/* --- names ---------------------------------------------------------------- */

static const char *const anchor_names[ANCHOR_COUNT] = {
	"none", "referral", "assessment", "plan-decision", "rcpc",
	"residence", "plan-start", "meeting", "review", "visit",
	"supervision-order", "failed-visit", "allocated", "step-down-decision",
	"assessment-update"
};

static const char *const plan_names[PLAN_COUNT] = {
	"standard", "step-down-cp", "transfer-in", "supervision-order",
	"short-breaks"
};

static const char *const unit_names[4][2] = {
	{ "working day", "working days" },
	{ "day", "days" },
	{ "week", "weeks" },
	{ "month", "months" }
};

/* The largest count of each unit: ten years, give or take. */
static const int unit_max[4] = { 3660, 3660, 520, 120 };

static const char *const unit_too_big[4] = {
	"is more than 3660 working days",
	"is more than 3660 days",
	"is more than 520 weeks",
	"is more than 120 months"
};

static const char	 why_unit[] = "has an unknown unit";

const char *
anchor_name(enum anchor a)
{
	return (unsigned)a < ANCHOR_COUNT ? anchor_names[a] : "?";
}

const char *
plan_type_name(enum plan_type t)
{
	return (unsigned)t < PLAN_COUNT ? plan_names[t] : "?";
}

const char *
unit_name(enum unit u, int plural)
{
	return (unsigned)u < 4 ? unit_names[u][plural != 0] : "?";
}

static int
name_parse(const char *const *names, int from, int n, const char *s)
{
	int	 i;

	for (i = from; i < n; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	return -1;
}

int
anchor_parse(const char *s)
{
	/* "none" is how an absent anchor prints, not something to write. */
	return name_parse(anchor_names, 1, ANCHOR_COUNT, s);
}

int
plan_type_parse(const char *s)
{
	return name_parse(plan_names, 0, PLAN_COUNT, s);
}

/* --- spans ---------------------------------------------------------------- */

/* Match word w at s, ignoring case; returns the length matched or 0. */
static size_t
word(const char *s, const char *w)
{
	size_t	 i;

	for (i = 0; w[i] != '\0'; i++)
		if (tolower((unsigned char)s[i]) != w[i])
			return 0;
	return i;
}

/* The unit at s, with nothing but white space after it; -1 if none. */
static int
unit_match(const char *s)
{
	static const struct {
		const char	*w;
		enum unit	 u;
	} units[] = {
		{ "days", UNIT_DAYS }, { "day", UNIT_DAYS },
		{ "weeks", UNIT_WEEKS }, { "week", UNIT_WEEKS },
		{ "months", UNIT_MONTHS }, { "month", UNIT_MONTHS }
	};
	const char	*p;
	size_t		 i, n;
	int		 work;

	work = 0;
	if ((n = word(s, "working")) > 0 && isspace((unsigned char)s[n])) {
		for (s += n; isspace((unsigned char)*s); s++)
			continue;
		work = 1;
	}
	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		if ((n = word(s, units[i].w)) == 0)
			continue;
		for (p = s + n; isspace((unsigned char)*p); p++)
			continue;
		if (*p != '\0')
			continue;
		if (work)
			return units[i].u == UNIT_DAYS ? UNIT_WORKDAYS : -1;
		return units[i].u;
	}
	return -1;
}

/* span_parse, also giving where the unit starts (NULL before it). */
static int
span_parse_at(const char *s, struct span *sp, const char **why,
    const char **unitp)
{
	long	 n;
	int	 neg, u;

	*unitp = NULL;
	while (isspace((unsigned char)*s))
		s++;
	if (*s == '\0') {
		*why = "is empty";
		return -1;
	}
	neg = 0;
	if (*s == '+' || *s == '-')
		neg = *s++ == '-';
	if (!isdigit((unsigned char)*s)) {
		*why = "does not start with a number";
		return -1;
	}
	/* Stop counting well past every limit, but read every digit. */
	for (n = 0; isdigit((unsigned char)*s); s++)
		if (n <= 100000)
			n = n * 10 + (*s - '0');
	if (*s == '\0') {
		*why = "has no unit (working days, days, weeks or months)";
		return -1;
	}
	if (!isspace((unsigned char)*s)) {
		*why = "needs a space between the number and the unit";
		return -1;
	}
	while (isspace((unsigned char)*s))
		s++;
	if (*s == '\0') {
		*why = "has no unit (working days, days, weeks or months)";
		return -1;
	}
	*unitp = s;
	if ((u = unit_match(s)) == -1) {
		*why = why_unit;
		return -1;
	}
	if (n == 0) {
		*why = "must not be zero";
		return -1;
	}
	if (n > unit_max[u]) {
		*why = unit_too_big[u];
		return -1;
	}
	sp->n = neg ? (int)-n : (int)n;
	sp->unit = (enum unit)u;
	return 0;
}

int
span_parse(const char *s, struct span *sp, const char **why)
{
	const char	*unit;

	return span_parse_at(s, sp, why, &unit);
}

char *
span_format(const struct span *sp, char *buf, size_t sz)
{
	snprintf(buf, sz, "%d %s", sp->n,
	    unit_name(sp->unit, sp->n != 1 && sp->n != -1));
	return buf;
}

/* Rough length in days, only to compare spans of different units. */
static double
span_days(const struct span *sp)
{
	static const double	 len[4] = { 7.0 / 5.0, 1.0, 7.0, 30.436875 };

	return sp->n * len[sp->unit];
}

static int
span_cmp(const struct span *a, const struct span *b)
{
	double	 da, db;

	if (a->unit == b->unit)
		return (a->n > b->n) - (a->n < b->n);
	da = span_days(a);
	db = span_days(b);
	return (da > db) - (da < db);
}

/* --- a small string map --------------------------------------------------- */

/* Strings to indexes: the string table numbers them, v[] maps each number. */
struct hmap {
	struct strtab	*t;
	size_t		*v;
	size_t		 cap;
};

static size_t
hmap_get(const struct hmap *m, const char *k)
{
	size_t	 i;

	if (m->t == NULL ||
	    (i = strtab_find(m->t, k, strlen(k))) == STRTAB_NONE)
		return NONE;
	return m->v[i];
}

/* Set k to v, adding k if it is new. */
static void
hmap_put(struct hmap *m, const char *k, size_t v)
{
	size_t	 i;

	if (m->t == NULL)
		m->t = strtab_new();
	i = strtab_add(m->t, k, strlen(k), NULL);
	if (i == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 64;
		m->v = xreallocarray(m->v, m->cap, sizeof(*m->v));
	}
	m->v[i] = v;
}

static void
hmap_free(struct hmap *m)
{
	strtab_free(m->t);
	free(m->v);
	memset(m, 0, sizeof(*m));
}

/* --- loading state -------------------------------------------------------- */

struct ssec {
	char		*name;		/* lower case, as iniparser keeps it */
	int		 line;		/* its first header */
	size_t		*keys;		/* indices into scan.keys */
	size_t		 nkeys, cap;
};

struct skey {
	size_t		 sec;
	char		*key;		/* lower case */
	char		*val;		/* the value as iniparser reads it */
	int		 line;		/* of the occurrence iniparser keeps */
	int		 bad;		/* already reported */
};

struct scan {
	struct ssec	*secs;
	size_t		 nsecs, seccap;
	struct skey	*keys;
	size_t		 nkeys, keycap;
	struct hmap	 map;		/* "[sec" and "sec\nkey" to index */
	char		*clean;		/* rejected lines emptied */
	size_t		 cleanlen, cleancap;
	int		 blanked;	/* clean differs from the text */
};

struct loadctx {
	const struct rpath	*rp;
	struct diags		*ds;
	int			 lint;		/* also check quotes' figures */
	const char		*chain[EXTENDS_MAX + 1];	/* ids */
	size_t			 depth;
};

struct pfile {
	struct loadctx	*lc;
	const char	*file;
	const char	*id;
	size_t		 layer;		/* on the rules path, or RPATH_NOLAYER */
	struct scan	 sc;
	dictionary	*d;
	struct diags	 local;		/* sorted by line when done */
	size_t		 nerr;
};

struct kv {
	const char	*v;		/* NULL: absent, empty or unreadable */
	int		 line;		/* 0: absent */
};

static struct profile	*load_rfile(struct loadctx *, const char *,
			    const struct rfile *);
static void	 parse_version(struct pfile *, struct profile *,
		    const struct ssec *);
static void	 check_versions(struct pfile *, struct rule *);

static void pdiag(struct pfile *, enum diag_level, int, const char *, ...)
    __attribute__((format(printf, 4, 5)));
static void perr(struct pfile *, int, const char *, ...)
    __attribute__((format(printf, 3, 4)));

static void	vpdiag(struct pfile *, enum diag_level, int, const char *,
		    va_list) __attribute__((format(printf, 4, 0)));

static void
vpdiag(struct pfile *pf, enum diag_level level, int line, const char *fmt,
    va_list ap)
{
	va_list	 aq;
	char	*msg;
	int	 n;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	msg = xmalloc(n < 0 ? 1 : (size_t)n + 1);
	vsnprintf(msg, n < 0 ? 1 : (size_t)n + 1, fmt, ap);
	diag_add(&pf->local, level, pf->file, line, "%s", msg);
	free(msg);
	if (level == DIAG_ERROR)
		pf->nerr++;
}

static void
pdiag(struct pfile *pf, enum diag_level level, int line, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vpdiag(pf, level, line, fmt, ap);
	va_end(ap);
}

static void
perr(struct pfile *pf, int line, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vpdiag(pf, DIAG_ERROR, line, fmt, ap);
	va_end(ap);
}

static int
cmp_diag_line(const void *a, const void *b)
{
	const struct diag *const *da = a, *const *db = b;
	int			 c;

	/* Base rules' messages name the base's file: keep files apart. */
	if ((c = strcmp((*da)->file, (*db)->file)) != 0)
		return c;
	if ((*da)->line != (*db)->line)
		return (*da)->line < (*db)->line ? -1 : 1;
	return *da < *db ? -1 : *da > *db;
}

/* Hand this file's messages on in line order. */
static void
pdiag_flush(struct pfile *pf)
{
	struct diag	**v;
	size_t		  i;

	v = xreallocarray(NULL, pf->local.n + 1, sizeof(*v));
	for (i = 0; i < pf->local.n; i++)
		v[i] = &pf->local.v[i];
	qsort(v, pf->local.n, sizeof(*v), cmp_diag_line);
	for (i = 0; i < pf->local.n; i++)
		diag_add(pf->lc->ds, v[i]->level, v[i]->file, v[i]->line,
		    "%s", v[i]->msg);
	free(v);
	diag_clear(&pf->local);
}

/* --- the line scan -------------------------------------------------------- */

static void
clean_add(struct scan *sc, const char *s, size_t n)
{
	if (sc->cleanlen + n + 1 > sc->cleancap) {
		while (sc->cleanlen + n + 1 > sc->cleancap)
			sc->cleancap = sc->cleancap ? sc->cleancap * 2 : 4096;
		sc->clean = xreallocarray(sc->clean, sc->cleancap, 1);
	}
	memcpy(sc->clean + sc->cleanlen, s, n);
	sc->cleanlen += n;
	sc->clean[sc->cleanlen] = '\0';
}

static char *
lower_dup(const char *s, size_t n)
{
	char	*p;
	size_t	 i;

	p = xstrndup(s, n);
	for (i = 0; i < n; i++)
		p[i] = (char)tolower((unsigned char)p[i]);
	return p;
}

static int
is_name_char(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	    c == '-' || c == '_' || c == '.' || c == ':';
}

/* A section header [name]; returns the section index or NONE. */
static size_t
scan_section(struct pfile *pf, int ln, const char *b, const char *e)
{
	struct scan	*sc = &pf->sc;
	struct ssec	*s;
	const char	*close, *nb, *ne, *p;
	char		*name, *k;
	size_t		 i;

	if (e[-1] != ']') {
		perr(pf, ln, "section header without a closing ']'");
		return NONE;
	}
	close = memchr(b, ']', (size_t)(e - b));
	if (close != e - 1) {
		perr(pf, ln, "text after the section header's ']'");
		return NONE;
	}
	for (nb = b + 1; nb < close && isspace((unsigned char)*nb); nb++)
		continue;
	for (ne = close; ne > nb && isspace((unsigned char)ne[-1]); ne--)
		continue;
	if (nb == ne) {
		perr(pf, ln, "[]: empty section name");
		return NONE;
	}
	if (ne - nb > INI_NAME_MAX) {
		perr(pf, ln, "section name longer than %d bytes", INI_NAME_MAX);
		return NONE;
	}
	name = lower_dup(nb, (size_t)(ne - nb));
	for (p = name; *p != '\0' && is_name_char((unsigned char)*p); p++)
		continue;
	if (*p != '\0') {
		perr(pf, ln, "[%s]: a section name may hold only letters, "
		    "digits, '-', '_', '.' and ':'", name);
		free(name);
		return NONE;
	}
	k = xasprintf("[%s", name);
	if ((i = hmap_get(&sc->map, k)) != NONE) {
		perr(pf, ln, "[%s]: duplicate section (first at line %d)",
		    name, sc->secs[i].line);
		free(name);
		free(k);
		return i;
	}
	hmap_put(&sc->map, k, sc->nsecs);
	free(k);
	if (sc->nsecs == sc->seccap) {
		sc->seccap = sc->seccap ? sc->seccap * 2 : 16;
		sc->secs = xreallocarray(sc->secs, sc->seccap,
		    sizeof(*sc->secs));
	}
	s = &sc->secs[sc->nsecs];
	memset(s, 0, sizeof(*s));
	s->name = name;
	s->line = ln;
	return sc->nsecs++;
}

/*
 * A key = value line in section sec, read the way iniparser 4.1 reads it:
 * the key is everything before the first '=', trimmed; a value opening
 * with a quote runs to the next such quote; any other value ends at the
 * first ';' or '#'.  Returns -1 if the line must be kept from iniparser.
 */
static int
scan_key(struct pfile *pf, int ln, size_t sec, const char *b, const char *e)
{
	struct scan	*sc = &pf->sc;
	struct ssec	*s;
	struct skey	*k;
	const char	*eq, *ke, *v, *ve, *q;
	char		*key, *mk;
	size_t		 i;
	int		 bad;

	if ((eq = memchr(b, '=', (size_t)(e - b))) == NULL) {
		if (sec == NONE)
			perr(pf, ln, "not a [section], key = value, or "
			    "comment");
		else
			perr(pf, ln, "[%s]: not a [section], key = value, or "
			    "comment", sc->secs[sec].name);
		return -1;
	}
	for (ke = eq; ke > b && isspace((unsigned char)ke[-1]); ke--)
		continue;
	if (ke == b) {
		perr(pf, ln, "no key before '='");
		return -1;
	}
	if (ke - b > INI_NAME_MAX) {
		perr(pf, ln, "key longer than %d bytes", INI_NAME_MAX);
		return -1;
	}
	key = lower_dup(b, (size_t)(ke - b));
	if (sec == NONE) {
		perr(pf, ln, "%s: key before any [section]", key);
		free(key);
		return -1;
	}
	s = &sc->secs[sec];
	for (v = eq + 1; v < e && isspace((unsigned char)*v); v++)
		continue;
	bad = 0;
	ve = e;
	if (v < e && (*v == '"' || *v == '\'')) {
		q = memchr(v + 1, *v, (size_t)(e - v - 1));
		if (q == NULL) {
			perr(pf, ln, "[%s] %s: no closing %s quote", s->name,
			    key, *v == '"' ? "double" : "single");
			bad = 1;
			v++;
		} else if (q + 1 != e) {
			perr(pf, ln, "[%s] %s: text after the closing quote "
			    "(a quoted value cannot hold its own quote mark)",
			    s->name, key);
			bad = 1;
			ve = q;
			v++;
		} else {
			ve = q;
			v++;
		}
	} else {
		for (q = v; q < e && *q != ';' && *q != '#'; q++)
			continue;
		if (q < e) {
			perr(pf, ln, "[%s] %s: '%c' would end the value here: "
			    "double-quote the value", s->name, key, *q);
			bad = 1;
			for (ve = q; ve > v && isspace((unsigned char)ve[-1]);
			    ve--)
				continue;
		}
	}
	mk = xasprintf("%s\n%s", s->name, key);
	if ((i = hmap_get(&sc->map, mk)) != NONE) {
		/* iniparser keeps the last; so do we, but say so. */
		k = &sc->keys[i];
		perr(pf, ln, "[%s] %s: duplicate key (first at line %d)",
		    s->name, key, k->line);
		free(k->val);
		k->val = xstrndup(v, (size_t)(ve - v));
		k->line = ln;
		k->bad = 1;
		free(key);
		free(mk);
		return 0;
	}
	hmap_put(&sc->map, mk, sc->nkeys);
	free(mk);
	if (sc->nkeys == sc->keycap) {
		sc->keycap = sc->keycap ? sc->keycap * 2 : 64;
		sc->keys = xreallocarray(sc->keys, sc->keycap,
		    sizeof(*sc->keys));
	}
	k = &sc->keys[sc->nkeys];
	k->sec = sec;
	k->key = key;
	k->val = xstrndup(v, (size_t)(ve - v));
	k->line = ln;
	k->bad = bad;
	if (s->nkeys == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->keys = xreallocarray(s->keys, s->cap, sizeof(*s->keys));
	}
	s->keys[s->nkeys++] = sc->nkeys++;
	return 0;
}

static void
scan_text(struct pfile *pf, const char *text, size_t len)
{
	struct scan	*sc = &pf->sc;
	const char	*p, *end, *nl, *b, *e, *why;
	size_t		 cur, raw;
	int		 ln, ok, insec;

	cur = NONE;
	insec = 0;	/* after a rejected header: its keys go too */
	end = text + len;
	clean_add(sc, "", 0);
	for (p = text, ln = 1; p < end; p = nl + 1, ln++) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		raw = (size_t)(nl - p);
		ok = 1;
		b = p;
		e = nl;
		while (b < e && isspace((unsigned char)*b))
			b++;
		while (e > b && isspace((unsigned char)e[-1]))
			e--;
		if (memchr(p, '\0', raw) != NULL) {
			perr(pf, ln, "NUL byte in line");
			ok = 0;
		} else if ((why = text_unusable(b, (size_t)(e - b),
		    TEXT_TAB)) != NULL) {
			/*
			 * It would reach a terminal in messages, and JSON
			 * and calendars in output.
			 */
			perr(pf, ln, why[0] == 'n' ? "line is not valid UTF-8"
			    " (save the file as UTF-8)" :
			    "control character in line");
			ok = 0;
		} else if (raw > INI_LINE_MAX) {
			perr(pf, ln, "line too long (%zu bytes; at most %d)",
			    raw, INI_LINE_MAX);
			ok = 0;
		} else if (b == e || *b == '#' || *b == ';') {
			/* blank or comment */
		} else if (e[-1] == '\\') {
			perr(pf, ln, "'\\' at the end of a line: continued "
			    "lines are not supported");
			ok = 0;
		} else if (*b == '[') {
			cur = scan_section(pf, ln, b, e);
			insec = cur == NONE;
			ok = cur != NONE;
		} else if (insec)
			ok = 0;
		else
			ok = scan_key(pf, ln, cur, b, e) == 0;
		if (sc->nsecs > INI_SECTIONS_MAX || sc->nkeys > INI_KEYS_MAX ||
		    pf->nerr >= INI_ERRORS_MAX) {
			perr(pf, ln, "%s; the rest of the file is not read",
			    pf->nerr >= INI_ERRORS_MAX ? "too many errors" :
			    sc->nsecs > INI_SECTIONS_MAX ? "more than "
			    STR(INI_SECTIONS_MAX) " sections" :
			    "more than " STR(INI_KEYS_MAX) " keys");
			sc->blanked = 1;
			return;
		}
		if (ok)
			clean_add(sc, p, (size_t)(nl - p));
		else {
			sc->blanked = 1;
			/*
			 * Keys under a header we threw out must not land
			 * in the section before it.
			 */
			if (b < e && *b == '[') {
				cur = NONE;
				insec = 1;
			}
		}
		if (nl < end)
			clean_add(sc, "\n", 1);
	}
}

static void
scan_free(struct scan *sc)
{
	size_t	 i;

	for (i = 0; i < sc->nsecs; i++) {
		free(sc->secs[i].name);
		free(sc->secs[i].keys);
	}
	for (i = 0; i < sc->nkeys; i++) {
		free(sc->keys[i].key);
		free(sc->keys[i].val);
	}
	free(sc->secs);
	free(sc->keys);
	free(sc->clean);
	hmap_free(&sc->map);
	memset(sc, 0, sizeof(*sc));
}

/* --- iniparser ------------------------------------------------------------ */

static char	 ini_msg[512];

static int	 ini_error(const char *, ...)
		    __attribute__((format(printf, 1, 2)));

static int
ini_error(const char *fmt, ...)
{
	va_list	 ap;
	size_t	 n;

	n = strlen(ini_msg);
	if (n + 1 < sizeof(ini_msg)) {
		va_start(ap, fmt);
		vsnprintf(ini_msg + n, sizeof(ini_msg) - n, fmt, ap);
		va_end(ap);
	}
	return 0;
}

static int
write_all(int fd, const char *s, size_t n)
{
	ssize_t	 w;

	while (n > 0) {
		if ((w = write(fd, s, n)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

/*
 * iniparser reads only named files: a built-in profile, or one with lines
 * kept back, goes through a copy in memory where the system has one, else
 * a temporary file.
 */
static int
ini_open(struct pfile *pf, const struct rfile *rf)
{
	char	*tmp, *nl, err[512], mem[SAFE_MEMFILE_NAME];
	int	 fd, e, rc, memfd;

	tmp = NULL;
	memfd = -1;
	if ((rf->builtin || pf->sc.blanked) &&
	    (memfd = safe_memfile(pf->sc.clean, pf->sc.cleanlen, mem)) == -1) {
		if ((fd = safe_scratch_named(&tmp, err, sizeof(err))) == -1) {
			perr(pf, 0, "%s", err);
			return -1;
		}
		rc = write_all(fd, pf->sc.clean, pf->sc.cleanlen);
		e = errno;
		if (close(fd) == -1 && rc == 0) {
			rc = -1;
			e = errno;
		}
		if (rc == -1) {
			perr(pf, 0, "cannot write a temporary file %s: %s",
			    tmp, strerror(e));
			safe_scratch_done(tmp);
			return -1;
		}
	}
	ini_msg[0] = '\0';
	iniparser_set_error_callback(ini_error);
	pf->d = iniparser_load(memfd != -1 ? mem : tmp != NULL ? tmp :
	    rf->name);
	iniparser_set_error_callback(NULL);
	if (memfd != -1)
		close(memfd);
	safe_scratch_done(tmp);
	if (pf->d == NULL) {
		if ((nl = strchr(ini_msg, '\n')) != NULL)
			*nl = '\0';
		perr(pf, 0, "cannot be read: %s",
		    ini_msg[0] != '\0' ? ini_msg : "iniparser failed");
		return -1;
	}
	return 0;
}

/* The value iniparser holds for a scanned key, checked against the scan. */
static const char *
ini_value(struct pfile *pf, struct skey *k)
{
	const char	*sec, *v;
	char		*full;

	sec = pf->sc.secs[k->sec].name;
	full = xasprintf("%s:%s", sec, k->key);
	v = iniparser_getstring(pf->d, full, NULL);
	free(full);
	if (v == NULL) {
		perr(pf, k->line, "[%s] %s: missing from what the INI parser "
		    "read (did the file change?)", sec, k->key);
		return NULL;
	}
	if (!k->bad && strcmp(v, k->val) != 0) {
		perr(pf, k->line, "[%s] %s: the INI parser read this value "
		    "as '%s'", sec, k->key, v);
		return NULL;
	}
	return v;
}

/* --- checking values ------------------------------------------------------ */

/* Read section s's keys into kv[], one per name; report unknown keys. */
static void
gather(struct pfile *pf, const struct ssec *s, const char *const *names,
    size_t n, struct kv *kv)
{
	struct skey	*k;
	const char	*v, *best;
	size_t		 i, j, dist, bestd;

	memset(kv, 0, n * sizeof(*kv));
	for (i = 0; i < s->nkeys; i++) {
		k = &pf->sc.keys[s->keys[i]];
		for (j = 0; j < n; j++)
			if (strcmp(names[j], k->key) == 0)
				break;
		if (j == n) {
			best = NULL;
			bestd = 3;
			for (j = 0; j < n; j++)
				if ((dist = text_edit_distance(k->key,
				    names[j])) < bestd) {
					bestd = dist;
					best = names[j];
				}
			if (best != NULL)
				perr(pf, k->line, "[%s] %s: unknown key (did "
				    "you mean '%s'?)", s->name, k->key, best);
			else
				perr(pf, k->line, "[%s] %s: unknown key",
				    s->name, k->key);
			continue;
		}
		kv[j].line = k->line;
		if ((v = ini_value(pf, k)) == NULL)
			continue;
		if (*v == '\0') {
			perr(pf, k->line, "[%s] %s: empty value", s->name,
			    k->key);
			continue;
		}
		kv[j].v = v;
	}
}

static int
need(struct pfile *pf, const struct ssec *s, const struct kv *kv,
    const char *key)
{
	if (kv->line == 0) {
		perr(pf, s->line, "[%s] %s: missing", s->name, key);
		return 0;
	}
	return kv->v != NULL;
}

/* yes/no; returns 0 or 1, or -1 after reporting. */
static int
get_bool(struct pfile *pf, const char *sec, const char *key,
    const struct kv *kv)
{
	static const char *const t[] = { "yes", "true", "1" };
	static const char *const f[] = { "no", "false", "0" };
	size_t	 i;

	for (i = 0; i < 3; i++) {
		if (strcasecmp(kv->v, t[i]) == 0)
			return 1;
		if (strcasecmp(kv->v, f[i]) == 0)
			return 0;
	}
	perr(pf, kv->line, "[%s] %s: '%s' is not yes or no", sec, key, kv->v);
	return -1;
}

static int
get_span(struct pfile *pf, const char *sec, const char *key, const char *v,
    int line, int positive, struct span *sp)
{
	const char	*why, *unit;
	size_t		 n;

	if (span_parse_at(v, sp, &why, &unit) == -1) {
		if (why == why_unit) {
			n = strlen(unit);
			while (n > 0 && isspace((unsigned char)unit[n - 1]))
				n--;
			perr(pf, line, "[%s] %s: unknown unit '%.*s'", sec,
			    key, (int)n, unit);
		} else
			perr(pf, line, "[%s] %s: '%s' %s", sec, key, v, why);
		return -1;
	}
	if (positive && sp->n < 0) {
		perr(pf, line, "[%s] %s: '%s' must be positive", sec, key, v);
		return -1;
	}
	return 0;
}

/* Next token of *sp, split at white space and commas; its length or 0. */
static size_t
token(const char **sp, const char **tok)
{
	const char	*s = *sp;

	while (*s != '\0' && (isspace((unsigned char)*s) || *s == ','))
		s++;
	*tok = s;
	while (*s != '\0' && !isspace((unsigned char)*s) && *s != ',')
		s++;
	*sp = s;
	return (size_t)(s - *tok);
}

static int
id_ok(const char *id)
{
	const char	*p;

	if (*id == '\0' || *id == '.')
		return 0;
	for (p = id; *p != '\0'; p++)
		if (*p == '/' || isspace((unsigned char)*p) ||
		    iscntrl((unsigned char)*p))
			return 0;
	return 1;
}

/* Lower-case letters, digits and '-': area ids and milestone names. */
static int
slug_ok(const char *s, size_t n)
{
	size_t	 i;

	if (n == 0 || n > 64 || s[0] == '-')
		return 0;
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return 0;
	return 1;
}

/* --- [profile] and [area:ID] ---------------------------------------------- */

enum {
	PK_AUTHORITY, PK_DOCUMENT, PK_EXTENDS, PK_AREAS, PK_AREA_REQUIRED,
	PK_CLOSURES, PK__N
};

static const char *const profile_keys[PK__N] = {
	"authority", "document", "extends", "areas", "area_required",
	"closures"
};

static void
parse_areas(struct pfile *pf, struct profile *p, const struct kv *kv)
{
	const char	*s, *t;
	size_t		 n, i;

	s = kv->v;
	while ((n = token(&s, &t)) > 0) {
		if (!slug_ok(t, n)) {
			perr(pf, kv->line, "[profile] areas: '%.*s' is not an "
			    "area id (lower-case letters, digits and '-')",
			    (int)n, t);
			continue;
		}
		for (i = 0; i < p->nareas; i++)
			if (strlen(p->areas[i].id) == n &&
			    strncmp(p->areas[i].id, t, n) == 0)
				break;
		if (i < p->nareas) {
			perr(pf, kv->line, "[profile] areas: '%.*s' listed "
			    "twice", (int)n, t);
			continue;
		}
		if (p->nareas == PROFILE_MAX_AREAS) {
			perr(pf, kv->line, "[profile] areas: more than %d "
			    "areas", PROFILE_MAX_AREAS);
			return;
		}
		p->areas[p->nareas++].id = xstrndup(t, n);
	}
}

static void
parse_closures(struct pfile *pf, struct profile *p, const struct kv *kv)
{
	const char	*s, *t, *why;
	size_t		 n;
	int		 d;

	s = kv->v;
	while ((n = token(&s, &t)) > 0) {
		if (date_parse(t, n, &d, &why) == -1) {
			perr(pf, kv->line, "[profile] closures: '%.*s' %s",
			    (int)n, t, why);
			continue;
		}
		p->closures = xreallocarray(p->closures, p->nclosures + 1,
		    sizeof(*p->closures));
		p->closures[p->nclosures++] = d;
	}
}

static struct profile *
load_base(struct pfile *pf, const char *bid, int line)
{
	struct loadctx	*lc = pf->lc;
	struct profile	*base;
	struct rfile	 rf;
	char		 err[512], *name, *chain;
	size_t		 i, j;
	int		 rc, self;

	if (!id_ok(bid)) {
		perr(pf, line, "[profile] extends: '%s' is not a profile id",
		    bid);
		return NULL;
	}
	/*
	 * Its own id: the same profile in the layers below this file's, so
	 * the layers cannot loop.  A file named outside the path finds its
	 * id anywhere on it.
	 */
	self = strcmp(bid, pf->id) == 0;
	for (i = 0; !self && i < lc->depth; i++) {
		if (strcmp(lc->chain[i], bid) != 0)
			continue;
		chain = xstrdup("");
		for (j = i; j < lc->depth; j++) {
			name = xasprintf("%s%s -> ", chain, lc->chain[j]);
			free(chain);
			chain = name;
		}
		perr(pf, line, "[profile] extends: cycle %s%s", chain, bid);
		free(chain);
		return NULL;
	}
	if (lc->depth > EXTENDS_MAX) {
		perr(pf, line, "[profile] extends: more than %d levels of "
		    "extends", EXTENDS_MAX);
		return NULL;
	}
	name = xasprintf("%s.ini", bid);
	rc = rpath_read_below(lc->rp, name, self && pf->layer != RPATH_NOLAYER ?
	    pf->layer + 1 : 0, &rf, err, sizeof(err));
	free(name);
	if (rc == 1 && self) {
		perr(pf, line, "[profile] extends: no profile '%s' in the "
		    "layers below this one (%s)", bid,
		    rpath_layer_name(lc->rp, pf->layer));
		return NULL;
	}
	if (rc == 1) {
		perr(pf, line, "[profile] extends: no profile '%s'", bid);
		return NULL;
	}
	if (rc == -1) {
		perr(pf, line, "[profile] extends: %s", err);
		return NULL;
	}
	base = load_rfile(lc, bid, &rf);
	rfile_free(&rf);
	if (base == NULL)
		perr(pf, line, "[profile] extends: profile '%s' has errors",
		    bid);
	return base;
}

/*
 * A key a profile must give, unless it is a layer over its own id (self),
 * when the value from below (base, which may be NULL) stands.
 */
static char *
given_or_base(struct pfile *pf, const struct ssec *s, const struct kv *kv,
    const char *key, int self, const char *base)
{
	if (kv->line == 0 && self)
		return base != NULL ? xstrdup(base) : NULL;
	return need(pf, s, kv, key) ? xstrdup(kv->v) : NULL;
}

static void
parse_profile(struct pfile *pf, struct profile *p, const struct ssec *s,
    struct profile **basep)
{
	struct kv	 kv[PK__N];
	size_t		 i;
	int		 b, self;

	gather(pf, s, profile_keys, PK__N, kv);
	if (kv[PK_EXTENDS].v != NULL) {
		p->extends = xstrdup(kv[PK_EXTENDS].v);
		*basep = load_base(pf, p->extends, kv[PK_EXTENDS].line);
	}
	/* A layer over the same profile is the same authority's. */
	self = p->extends != NULL && strcmp(p->extends, p->id) == 0;
	p->authority = given_or_base(pf, s, &kv[PK_AUTHORITY], "authority",
	    self, *basep != NULL ? (*basep)->authority : NULL);
	p->document = given_or_base(pf, s, &kv[PK_DOCUMENT], "document",
	    self, *basep != NULL ? (*basep)->document : NULL);
	if (kv[PK_AREAS].v != NULL)
		parse_areas(pf, p, &kv[PK_AREAS]);
	if (kv[PK_CLOSURES].v != NULL)
		parse_closures(pf, p, &kv[PK_CLOSURES]);

	/* A base's areas come along only when the profile names none. */
	if (p->nareas == 0 && *basep != NULL) {
		for (i = 0; i < (*basep)->nareas; i++) {
			p->areas[i].id = xstrdup((*basep)->areas[i].id);
			p->areas[i].name = xstrdup((*basep)->areas[i].name);
		}
		p->nareas = (*basep)->nareas;
		p->area_required = (*basep)->area_required;
	}
	if (kv[PK_AREA_REQUIRED].v != NULL &&
	    (b = get_bool(pf, "profile", "area_required",
	    &kv[PK_AREA_REQUIRED])) != -1) {
		p->area_required = b;
		if (b && p->nareas == 0 && kv[PK_AREAS].line == 0)
			perr(pf, kv[PK_AREA_REQUIRED].line, "[profile] "
			    "area_required: no areas declared");
	}
}

static void
parse_area(struct pfile *pf, struct profile *p, const struct ssec *s)
{
	static const char *const area_keys[] = { "name" };
	struct kv	 kv[1];
	const char	*id;
	int		 i;

	id = s->name + strlen("area:");
	gather(pf, s, area_keys, 1, kv);
	if ((i = profile_area(p, id)) == -1) {
		perr(pf, s->line, "[%s]: area '%s' is not in [profile] areas",
		    s->name, id);
		return;
	}
	if (kv[0].v != NULL) {
		free(p->areas[i].name);
		p->areas[i].name = xstrdup(kv[0].v);
	}
}

/* --- [rule:ID] ------------------------------------------------------------ */

enum {
	RK_KIND, RK_NAME, RK_ANCHOR, RK_OFFSET, RK_EVERY, RK_EARLIEST,
	RK_REDUCE_TO, RK_REDUCE_AFTER, RK_REDUCE_WHEN, RK_PLAN_TYPES,
	RK_AREAS, RK_ONLY_UNHELD, RK_NOT_SET, RK_LABEL, RK_SOURCE, RK_QUOTE,
	RK_NOTE, RK_FLAG, RK_FLAG_AT, RK_FLAG_LABEL, RK_ALSO, RK_ALSO_LABEL,
	RK_FROM, RK_UNTIL, RK_PURPOSE, RK__N
};

static const char *const rule_keys[RK__N] = {
	"kind", "name", "anchor", "offset", "every", "earliest", "reduce_to",
	"reduce_after", "reduce_when", "plan_types", "areas", "only_unheld",
	"not_set", "label", "source", "quote", "note", "flag", "flag_at",
	"flag_label", "also", "also_label", "from", "until", "purpose"
};

/* What a version may not change: it would be another rule. */
static const int rule_fixed[] = {
	RK_KIND, RK_NAME, RK_ANCHOR, RK_PLAN_TYPES, RK_AREAS, RK_NOT_SET
};

static char *
default_label(const struct rule *r, int haskind)
{
	char	*s, *p;

	if (!haskind)
		return xstrdup("Rule");
	if (r->kind != KIND_MILESTONE || r->name == NULL)
		return xstrdup(kind_info(r->kind)->label);
	s = xstrdup(r->name);
	for (p = s; *p != '\0'; p++)
		if (*p == '-')
			*p = ' ';
	s[0] = (char)toupper((unsigned char)s[0]);
	return s;
}

static void
parse_every(struct pfile *pf, const char *sec, struct rule *r,
    const struct kv *kv)
{
	const char	*s, *c;
	char		*one;
	size_t		 n;

	for (s = kv->v;; s = c + 1) {
		if ((c = strchr(s, ',')) == NULL)
			c = s + strlen(s);
		for (n = (size_t)(c - s); n > 0 &&
		    isspace((unsigned char)s[n - 1]); n--)
			continue;
		while (n > 0 && isspace((unsigned char)*s)) {
			s++;
			n--;
		}
		if (n == 0) {
			perr(pf, kv->line, "[%s] every: empty interval in "
			    "'%s'", sec, kv->v);
			return;
		}
		if (r->nevery == RULE_MAX_EVERY) {
			perr(pf, kv->line, "[%s] every: more than %d "
			    "intervals", sec, RULE_MAX_EVERY);
			return;
		}
		one = xstrndup(s, n);
		if (get_span(pf, sec, "every", one, kv->line, 1,
		    &r->every[r->nevery]) == 0)
			r->nevery++;
		free(one);
		if (*c == '\0')
			break;
	}
}

static void
parse_recurring(struct pfile *pf, const char *sec, struct rule *r,
    struct kv *kv)
{
	const char	*s, *t;
	char		 b1[40], b2[40];
	size_t		 i, n;
	int		 line;

	parse_every(pf, sec, r, &kv[RK_EVERY]);
	if (kv[RK_EARLIEST].v != NULL && get_span(pf, sec, "earliest",
	    kv[RK_EARLIEST].v, kv[RK_EARLIEST].line, 1, &r->earliest) == 0) {
		r->has_earliest = 1;
		for (i = 0; i < r->nevery; i++)
			if (span_cmp(&r->earliest, &r->every[i]) >= 0) {
				perr(pf, kv[RK_EARLIEST].line, "[%s] earliest: "
				    "'%s' is not shorter than every '%s'", sec,
				    span_format(&r->earliest, b1, sizeof(b1)),
				    span_format(&r->every[i], b2, sizeof(b2)));
				break;
			}
	}
	/* The engine reduces only on a recorded fact: all three or none. */
	for (i = RK_REDUCE_TO, line = 0; i <= RK_REDUCE_WHEN; i++)
		if (line == 0)
			line = kv[i].line;
	for (i = RK_REDUCE_TO; line != 0 && i <= RK_REDUCE_WHEN; i++)
		if (kv[i].line == 0)
			perr(pf, line, "[%s] %s: missing (reduce_to, "
			    "reduce_after and reduce_when go together)", sec,
			    rule_keys[i]);
	if (kv[RK_REDUCE_TO].v != NULL && get_span(pf, sec, "reduce_to",
	    kv[RK_REDUCE_TO].v, kv[RK_REDUCE_TO].line, 1, &r->reduce_to) == 0 &&
	    r->nevery > 0 &&
	    span_cmp(&r->reduce_to, &r->every[r->nevery - 1]) <= 0)
		perr(pf, kv[RK_REDUCE_TO].line, "[%s] reduce_to: '%s' is not "
		    "longer than every '%s'", sec,
		    span_format(&r->reduce_to, b1, sizeof(b1)),
		    span_format(&r->every[r->nevery - 1], b2, sizeof(b2)));
	if (kv[RK_REDUCE_AFTER].v != NULL)
		(void)get_span(pf, sec, "reduce_after", kv[RK_REDUCE_AFTER].v,
		    kv[RK_REDUCE_AFTER].line, 1, &r->reduce_after);
	r->has_reduce = kv[RK_REDUCE_TO].v != NULL &&
	    kv[RK_REDUCE_AFTER].v != NULL && kv[RK_REDUCE_WHEN].v != NULL;
	if (kv[RK_REDUCE_WHEN].v != NULL) {
		s = kv[RK_REDUCE_WHEN].v;
		while ((n = token(&s, &t)) > 0) {
			if (n == strlen("manager-agreed") &&
			    strncmp(t, "manager-agreed", n) == 0)
				r->reduce_when |= FACT_MANAGER_AGREED;
			else
				perr(pf, kv[RK_REDUCE_WHEN].line, "[%s] "
				    "reduce_when: unknown fact '%.*s' (only "
				    "manager-agreed)", sec, (int)n, t);
		}
	}
}

/* "a, b or c" of the anchors in set ok. */
static void
anchor_list(unsigned ok, char *buf, size_t sz)
{
	size_t	 len;
	int	 i, first;

	buf[0] = '\0';
	for (i = 1, first = 1; i < ANCHOR_COUNT; i++) {
		if ((ok & (1u << i)) == 0)
			continue;
		ok &= ~(1u << i);
		len = strlen(buf);
		snprintf(buf + len, sz - len, "%s%s",
		    first ? "" : ok == 0 ? " or " : ", ", anchor_names[i]);
		first = 0;
	}
}

static void
parse_anchored(struct pfile *pf, const struct ssec *s, struct rule *r,
    struct kv *kv)
{
	const char	*sec = s->name;
	char		 list[256];
	unsigned	 ok;
	int		 a;

	if (need(pf, s, &kv[RK_ANCHOR], "anchor")) {
		ok = kind_info(r->kind)->anchors;
		if ((a = anchor_parse(kv[RK_ANCHOR].v)) == -1)
			perr(pf, kv[RK_ANCHOR].line, "[%s] anchor: unknown "
			    "anchor '%s'", sec, kv[RK_ANCHOR].v);
		else if ((ok & (1u << a)) == 0) {
			anchor_list(ok, list, sizeof(list));
			perr(pf, kv[RK_ANCHOR].line, "[%s] anchor: %s rules "
			    "cannot use anchor '%s' (use %s)", sec,
			    kind_name(r->kind), anchor_names[a], list);
		} else
			r->anchor = (enum anchor)a;
	}
	if (need(pf, s, &kv[RK_OFFSET], "offset") &&
	    get_span(pf, sec, "offset", kv[RK_OFFSET].v, kv[RK_OFFSET].line,
	    0, &r->offset) == 0 && r->offset.n < 0 &&
	    !kind_info(r->kind)->neg_offset)
		perr(pf, kv[RK_OFFSET].line, "[%s] offset: '%s' is negative: "
		    "only notice and written-update rules count back", sec,
		    kv[RK_OFFSET].v);
}

static unsigned
parse_plan_types(struct pfile *pf, const char *sec, const struct kv *kv)
{
	const char	*s, *t;
	char		*one;
	unsigned	 set;
	size_t		 n;
	int		 i;

	set = 0;
	s = kv->v;
	while ((n = token(&s, &t)) > 0) {
		one = xstrndup(t, n);
		if ((i = plan_type_parse(one)) == -1)
			perr(pf, kv->line, "[%s] plan_types: unknown plan type "
			    "'%s'", sec, one);
		else
			set |= 1u << i;
		free(one);
	}
	return set;
}

static unsigned
parse_rule_areas(struct pfile *pf, const struct profile *p, const char *sec,
    const struct kv *kv)
{
	const char	*s, *t;
	char		*one;
	unsigned	 set;
	size_t		 n;
	int		 i;

	if (p->nareas == 0) {
		perr(pf, kv->line, "[%s] areas: the profile declares no areas",
		    sec);
		return 0;
	}
	set = 0;
	s = kv->v;
	while ((n = token(&s, &t)) > 0) {
		one = xstrndup(t, n);
		if ((i = profile_area(p, one)) == -1)
			perr(pf, kv->line, "[%s] areas: no area '%s' in "
			    "[profile] areas", sec, one);
		else
			set |= 1u << i;
		free(one);
	}
	return set;
}

/* A recurring rule's flag: the occurrence due nearest flag_at. */
static void
parse_flag(struct pfile *pf, const char *sec, struct rule *r,
    const struct kv *kv)
{
	size_t	 i;

	if (kv[RK_FLAG].line == 0) {
		for (i = RK_FLAG_AT; i <= RK_FLAG_LABEL; i++)
			if (kv[i].line != 0)
				perr(pf, kv[i].line, "[%s] %s: only with flag",
				    sec, rule_keys[i]);
		return;
	}
	if (kv[RK_FLAG].v == NULL || !slug_ok(kv[RK_FLAG].v,
	    strlen(kv[RK_FLAG].v))) {
		perr(pf, kv[RK_FLAG].line, "[%s] flag: '%s' is not a flag name "
		    "(lower-case letters, digits and '-')", sec,
		    kv[RK_FLAG].v != NULL ? kv[RK_FLAG].v : "");
		return;
	}
	if (kv[RK_FLAG_AT].line == 0) {
		perr(pf, kv[RK_FLAG].line, "[%s] flag_at: missing (flag needs "
		    "flag_at)", sec);
		return;
	}
	if (get_span(pf, sec, "flag_at", kv[RK_FLAG_AT].v,
	    kv[RK_FLAG_AT].line, 1, &r->flag_at) == -1)
		return;
	r->flag = xstrdup(kv[RK_FLAG].v);
	r->flag_label = xstrdup(kv[RK_FLAG_LABEL].v != NULL ?
	    kv[RK_FLAG_LABEL].v : kv[RK_FLAG].v);
}

/*
 * Fill r from the values kv of section s (a rule's, or a version's with
 * the rule's values filled in); returns 0, or -1 if anything was wrong.
 */
static int
parse_rule_body(struct pfile *pf, const struct profile *p,
    const struct ssec *s, struct kv *kv, struct rule *r)
{
	static const int timing[] = {
		RK_ANCHOR, RK_OFFSET, RK_EVERY, RK_EARLIEST, RK_REDUCE_TO,
		RK_REDUCE_AFTER, RK_REDUCE_WHEN, RK_ONLY_UNHELD
	};
	const char	*sec, *str, *tag;
	enum kind_class rc;
	size_t		 nerr, i;
	int		 k, haskind, b, a;

	nerr = pf->nerr;
	sec = s->name;
	str = sec + strlen("rule:");
	if ((tag = strchr(str, ':')) != NULL) {
		r->id = xstrndup(str, (size_t)(tag - str));
		r->tag = xstrdup(++tag);
	} else
		r->id = xstrdup(str);
	r->file = xstrdup(pf->file);
	r->line = s->line;
	r->layer = rpath_layer_name(pf->lc->rp, pf->layer);
	if (r->id[0] == '\0')
		perr(pf, s->line, "[%s]: a rule needs an id: [rule:ID]", sec);
	else if (tag != NULL && (!slug_ok(tag, strlen(tag)) ||
	    strchr(tag, ':') != NULL))
		perr(pf, s->line, "[%s]: '%s' is not a version tag (lower-case "
		    "letters, digits and '-': [rule:ID:TAG])", sec, tag);

	haskind = 0;
	if (need(pf, s, &kv[RK_KIND], "kind")) {
		if ((k = kind_parse(kv[RK_KIND].v)) == -1)
			perr(pf, kv[RK_KIND].line, "[%s] kind: unknown kind "
			    "'%s'", sec, kv[RK_KIND].v);
		else {
			r->kind = (enum kind)k;
			haskind = 1;
		}
	}
	if (kv[RK_NOT_SET].v != NULL &&
	    (b = get_bool(pf, sec, "not_set", &kv[RK_NOT_SET])) != -1)
		r->not_set = b;
	if (kv[RK_ONLY_UNHELD].v != NULL &&
	    (b = get_bool(pf, sec, "only_unheld", &kv[RK_ONLY_UNHELD])) != -1)
		r->only_unheld = b;
	if (need(pf, s, &kv[RK_SOURCE], "source"))
		r->source = xstrdup(kv[RK_SOURCE].v);
	if (kv[RK_QUOTE].v != NULL)
		r->quote = xstrdup(kv[RK_QUOTE].v);
	else if (!r->not_set && kv[RK_QUOTE].line == 0)
		perr(pf, s->line, "[%s] quote: missing (or say not_set = yes)",
		    sec);
	if (kv[RK_NOTE].v != NULL)
		r->note = xstrdup(kv[RK_NOTE].v);
	/* What a meeting is for, as a family is told it. */
	if (kv[RK_PURPOSE].line != 0) {
		if (haskind && r->kind != KIND_FIRST_MEETING &&
		    r->kind != KIND_REVIEW)
			perr(pf, kv[RK_PURPOSE].line, "[%s] purpose: only for "
			    "meetings (first-meeting, review)", sec);
		else if (kv[RK_PURPOSE].v != NULL)	/* empty: reported */
			r->purpose = xstrdup(kv[RK_PURPOSE].v);
	}

	if (kv[RK_NAME].v != NULL) {
		str = kv[RK_NAME].v;
		if (haskind && r->kind != KIND_MILESTONE)
			perr(pf, kv[RK_NAME].line, "[%s] name: only milestones "
			    "have a name", sec);
		else if (!slug_ok(str, strlen(str)))
			perr(pf, kv[RK_NAME].line, "[%s] name: '%s' is not a "
			    "milestone name (lower-case letters, digits and "
			    "'-')", sec, str);
		else
			r->name = xstrdup(str);
	} else if (haskind && r->kind == KIND_MILESTONE)
		need(pf, s, &kv[RK_NAME], "name");

	if (kv[RK_PLAN_TYPES].v != NULL)
		r->plan_types = parse_plan_types(pf, sec, &kv[RK_PLAN_TYPES]);
	if (kv[RK_AREAS].v != NULL)
		r->areas = parse_rule_areas(pf, p, sec, &kv[RK_AREAS]);

	if (kv[RK_LABEL].v != NULL)
		r->label = xstrdup(kv[RK_LABEL].v);
	else {
		r->label = default_label(r, haskind);
		if (kv[RK_LABEL].line == 0)
			pdiag(pf, DIAG_WARNING, s->line, "[%s] label: missing; "
			    "using '%s'", sec, r->label);
	}
	if (r->source == NULL)
		r->source = xstrdup("");

	if (r->not_set) {
		for (i = 0; i < sizeof(timing) / sizeof(timing[0]); i++)
			if (kv[timing[i]].line != 0)
				perr(pf, kv[timing[i]].line, "[%s] %s: a "
				    "not_set rule sets no timescale", sec,
				    rule_keys[timing[i]]);
		return pf->nerr == nerr ? 0 : -1;
	}
	if (!haskind)
		return -1;

	rc = kind_info(r->kind)->class;
	if (rc == KC_RECUR && kv[RK_EVERY].line == 0 &&
	    kv[RK_ANCHOR].v != NULL &&
	    (a = anchor_parse(kv[RK_ANCHOR].v)) != -1 &&
	    (kind_info(r->kind)->anchors & (1u << a)) != 0) {
		/* The chain's final occurrence, from a fact. */
		r->final = 1;
		for (i = RK_EARLIEST; i <= RK_REDUCE_WHEN; i++)
			if (kv[i].line != 0)
				perr(pf, kv[i].line, "[%s] %s: only with every",
				    sec, rule_keys[i]);
		parse_anchored(pf, s, r, kv);
	} else if (rc == KC_RECUR) {
		if (kv[RK_ANCHOR].line != 0)
			perr(pf, kv[RK_ANCHOR].line, "[%s] anchor: %s rules "
			    "repeat with every, not anchor", sec,
			    kind_name(r->kind));
		if (kv[RK_OFFSET].line != 0)
			perr(pf, kv[RK_OFFSET].line, "[%s] offset: %s rules "
			    "repeat with every, not offset", sec,
			    kind_name(r->kind));
		if (need(pf, s, &kv[RK_EVERY], "every"))
			parse_recurring(pf, sec, r, kv);
		parse_flag(pf, sec, r, kv);
	} else {
		for (i = RK_EVERY; i <= RK_REDUCE_WHEN; i++)
			if (kv[i].line != 0)
				perr(pf, kv[i].line, "[%s] %s: only for review "
				    "and visit rules", sec, rule_keys[i]);
		parse_anchored(pf, s, r, kv);
	}
	if (rc != KC_RECUR || r->final)
		for (i = RK_FLAG; i <= RK_FLAG_LABEL; i++)
			if (kv[i].line != 0)
				perr(pf, kv[i].line, "[%s] %s: only for review "
				    "and visit rules with every", sec,
				    rule_keys[i]);
	if (kv[RK_ALSO].line != 0 && (rc == KC_RECUR || rc == KC_PEROCC ||
	    r->kind == KIND_MILESTONE))
		perr(pf, kv[RK_ALSO].line, "[%s] also: only for one-off "
		    "rules (assessment, first-meeting, safety-plan)", sec);
	else if (kv[RK_ALSO].v != NULL && get_span(pf, sec, "also",
	    kv[RK_ALSO].v, kv[RK_ALSO].line, 0, &r->also) == 0) {
		r->has_also = 1;
		r->also_label = xstrdup(kv[RK_ALSO_LABEL].v != NULL ?
		    kv[RK_ALSO_LABEL].v : kv[RK_ALSO].v);
	}
	if (kv[RK_ALSO_LABEL].line != 0 && kv[RK_ALSO].line == 0)
		perr(pf, kv[RK_ALSO_LABEL].line, "[%s] also_label: only with "
		    "also", sec);
	if (kv[RK_ONLY_UNHELD].line != 0 && rc != KC_PEROCC)
		perr(pf, kv[RK_ONLY_UNHELD].line, "[%s] only_unheld: only for "
		    "minutes, notice, written-update and visit-record rules",
		    sec);
	return pf->nerr == nerr ? 0 : -1;
}

static int
get_date(struct pfile *pf, const char *sec, const char *key,
    const struct kv *kv, int *d)
{
	const char	*why;

	*d = DATE_NONE;
	if (kv->v == NULL)
		return 0;
	if (date_parse(kv->v, strlen(kv->v), d, &why) == -1) {
		perr(pf, kv->line, "[%s] %s: '%s' %s", sec, key, kv->v, why);
		*d = DATE_NONE;
		return -1;
	}
	return 0;
}

/* --- a rule's figures against its own quote -------------------------------- */

/* Number words a procedure may spell out; their value is the index. */
static const char *const num_words[] = {
	"zero", "one", "two", "three", "four", "five", "six", "seven",
	"eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
	"fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"
};
static const char *const tens_words[] = {
	"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
	"ninety"
};

/* The value of the number word s[0..n), or -1. */
static int
num_word(const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < sizeof(num_words) / sizeof(num_words[0]); i++)
		if (strlen(num_words[i]) == n &&
		    strncasecmp(s, num_words[i], n) == 0)
			return (int)i;
	for (i = 0; i < sizeof(tens_words) / sizeof(tens_words[0]); i++)
		if (strlen(tens_words[i]) == n &&
		    strncasecmp(s, tens_words[i], n) == 0)
			return (int)(i + 2) * 10;
	if ((n == 9 && strncasecmp(s, "fortnight", 9) == 0) ||
	    (n == 11 && strncasecmp(s, "fortnightly", 11) == 0))
		return 2;
	return -1;
}

/*
 * Whether the quote q has the number n, in digits ("6 weekly", "6-weekly",
 * "15 working days") or in words ("six", "forty-five", "forty five"); a
 * fortnight counts as 2.
 */
static int
quote_has(const char *q, int n)
{
	const char	*s, *e;
	long		 v;
	int		 w, prev;

	prev = -1;
	for (s = q; *s != '\0'; s = e) {
		if (isdigit((unsigned char)*s)) {
			v = 0;
			for (e = s; isdigit((unsigned char)*e); e++)
				v = v < 100000 ? v * 10 + (*e - '0') : v;
			if (v == n)
				return 1;
			prev = -1;
			continue;
		}
		if (!isalpha((unsigned char)*s)) {
			e = s + 1;
			if (*s != '-' && *s != ' ')
				prev = -1;
			continue;
		}
		for (e = s; isalpha((unsigned char)*e); e++)
			continue;
		w = num_word(s, (size_t)(e - s));
		/* "forty-five" is 45, not 5 */
		if (prev >= 20 && prev % 10 == 0 && w > 0 && w < 10)
			w += prev;
		if (w == n)
			return 1;
		prev = w;
	}
	return 0;
}

/*
 * Warn when one of r's figures is not in its quote: every = 8 weeks with
 * words that say "6 weekly" is a rule that no longer says what it cites.
 * A figure of 1 is left alone ("weekly", "a month"), and a figure may be
 * given in another unit: days as weeks or hours (28 days as "4 weekly",
 * 3 days as "72 hours"), weeks as days.
 */
static void
lint_quote(struct pfile *pf, const struct rule *r, int line)
{
	const struct span	*sp[RULE_MAX_EVERY + 7];
	const char		*key[RULE_MAX_EVERY + 7];
	char			 buf[40];
	size_t			 n, i;
	int			 v, alt, alt2;

	if (r->quote == NULL || r->not_set)
		return;
	n = 0;
	if (r->nevery == 0 || r->final) {
		sp[n] = &r->offset;
		key[n++] = "offset";
	}
	for (i = 0; i < r->nevery; i++) {
		sp[n] = &r->every[i];
		key[n++] = "every";
	}
	if (r->has_earliest) {
		sp[n] = &r->earliest;
		key[n++] = "earliest";
	}
	if (r->has_reduce) {
		sp[n] = &r->reduce_to;
		key[n++] = "reduce_to";
		sp[n] = &r->reduce_after;
		key[n++] = "reduce_after";
	}
	if (r->flag != NULL) {
		sp[n] = &r->flag_at;
		key[n++] = "flag_at";
	}
	if (r->has_also) {
		sp[n] = &r->also;
		key[n++] = "also";
	}
	for (i = 0; i < n; i++) {
		v = sp[i]->n < 0 ? -sp[i]->n : sp[i]->n;
		alt = sp[i]->unit == UNIT_WEEKS ? v * 7 :
		    sp[i]->unit == UNIT_DAYS && v % 7 == 0 ? v / 7 : -1;
		alt2 = sp[i]->unit == UNIT_DAYS ? v * 24 : -1;
		if (v <= 1 || quote_has(r->quote, v) ||
		    (alt > 1 && quote_has(r->quote, alt)) ||
		    (alt2 > 1 && quote_has(r->quote, alt2)))
			continue;
		pdiag(pf, DIAG_WARNING, line, "[rule:%s%s%s] quote: %s = %s, "
		    "but the quote does not say %d", r->id,
		    r->tag != NULL ? ":" : "", r->tag != NULL ? r->tag : "",
		    key[i], span_format(sp[i], buf, sizeof(buf)), v);
	}
}

static int
parse_rule_kv(struct pfile *pf, const struct profile *p, const struct ssec *s,
    struct kv *kv, struct rule *r)
{
	char	 b1[DATE_STRLEN], b2[DATE_STRLEN];
	size_t	 i, nerr;
	int	 rc;

	nerr = pf->nerr;
	rc = parse_rule_body(pf, p, s, kv, r);
	(void)get_date(pf, s->name, "from", &kv[RK_FROM], &r->from);
	(void)get_date(pf, s->name, "until", &kv[RK_UNTIL], &r->until);
	r->has_from = r->from != DATE_NONE;
	r->has_until = r->until != DATE_NONE;
	if (r->has_from && r->has_until && r->until < r->from)
		perr(pf, kv[RK_UNTIL].line, "[%s] until: %s is before from %s",
		    s->name, date_format(r->until, b1),
		    date_format(r->from, b2));
	r->raw = xcalloc(RK__N, sizeof(*r->raw));
	for (i = 0; i < RK__N; i++)
		if (kv[i].v != NULL && i != RK_FROM && i != RK_UNTIL)
			r->raw[i] = xstrdup(kv[i].v);
	if (rc == 0 && pf->nerr == 0 && pf->lc->lint)
		lint_quote(pf, r, kv[RK_QUOTE].line != 0 ? kv[RK_QUOTE].line :
		    s->line);
	return rc == 0 && pf->nerr == nerr ? 0 : -1;
}

static int
parse_rule(struct pfile *pf, const struct profile *p, const struct ssec *s,
    struct rule *r)
{
	struct kv	 kv[RK__N];

	gather(pf, s, rule_keys, RK__N, kv);
	return parse_rule_kv(pf, p, s, kv, r);
}

static void	 unmodelled_free(struct unmodelled *);

/* [not_modelled:ID]: what the document states and cinplan does not compute. */
static void
parse_unmodelled(struct pfile *pf, struct profile *p, const struct ssec *s)
{
	static const char *const keys[] = { "source", "quote", "reason" };
	struct kv		 kv[3];
	struct unmodelled	*u;
	const char		*id;

	id = s->name + strlen("not_modelled:");
	if (*id == '\0') {
		perr(pf, s->line, "[%s]: an entry needs an id: "
		    "[not_modelled:ID]", s->name);
		return;
	}
	gather(pf, s, keys, 3, kv);
	if (!need(pf, s, &kv[0], "source") || !need(pf, s, &kv[1], "quote") ||
	    !need(pf, s, &kv[2], "reason"))
		return;
	p->unmodelled = xreallocarray(p->unmodelled, p->nunmodelled + 1,
	    sizeof(*p->unmodelled));
	u = &p->unmodelled[p->nunmodelled++];
	u->id = xstrdup(id);
	u->source = xstrdup(kv[0].v);
	u->quote = xstrdup(kv[1].v);
	u->reason = xstrdup(kv[2].v);
	u->file = xstrdup(pf->file);
	u->line = s->line;
}

/* Base entries first; an own entry with a base entry's id replaces it. */
static void
merge_unmodelled(struct profile *p, struct profile *base)
{
	struct unmodelled	*v;
	size_t			 i, j, n;

	if (base == NULL || base->nunmodelled == 0)
		return;
	v = xcalloc(base->nunmodelled + p->nunmodelled, sizeof(*v));
	n = 0;
	for (i = 0; i < base->nunmodelled; i++) {
		for (j = 0; j < p->nunmodelled; j++)
			if (strcmp(p->unmodelled[j].id,
			    base->unmodelled[i].id) == 0)
				break;
		if (j < p->nunmodelled)
			unmodelled_free(&base->unmodelled[i]);
		else
			v[n++] = base->unmodelled[i];
	}
	for (j = 0; j < p->nunmodelled; j++)
		v[n++] = p->unmodelled[j];
	free(base->unmodelled);
	base->unmodelled = NULL;
	base->nunmodelled = 0;
	free(p->unmodelled);
	p->unmodelled = v;
	p->nunmodelled = n;
}

/* --- putting a profile together ------------------------------------------- */

static void
unmodelled_free(struct unmodelled *u)
{
	free(u->id);
	free(u->source);
	free(u->quote);
	free(u->reason);
	free(u->file);
}

static void
rule_free(struct rule *r)
{
	size_t	 i;

	for (i = 0; i < r->nversions; i++)
		rule_free(&r->versions[i]);
	free(r->versions);
	if (r->raw != NULL)
		for (i = 0; i < RK__N; i++)
			free(r->raw[i]);
	free(r->raw);
	free(r->tag);
	free(r->replaces);
	free(r->id);
	free(r->name);
	free(r->label);
	free(r->source);
	free(r->quote);
	free(r->note);
	free(r->purpose);
	free(r->flag);
	free(r->flag_label);
	free(r->also_label);
	free(r->file);
}

void
profile_free(struct profile *p)
{
	size_t	 i;

	if (p == NULL)
		return;
	for (i = 0; i < p->nrules; i++)
		rule_free(&p->rules[i]);
	free(p->rules);
	for (i = 0; i < p->nunmodelled; i++)
		unmodelled_free(&p->unmodelled[i]);
	free(p->unmodelled);
	for (i = 0; i < p->nareas; i++) {
		free(p->areas[i].id);
		free(p->areas[i].name);
	}
	free(p->closures);
	free(p->id);
	free(p->authority);
	free(p->document);
	free(p->extends);
	free(p->file);
	free(p);
}

int
profile_area(const struct profile *p, const char *id)
{
	size_t	 i;

	for (i = 0; i < p->nareas; i++)
		if (strcmp(p->areas[i].id, id) == 0)
			return (int)i;
	return -1;
}

/*
 * Base rules first, then the profile's own; an own rule with a base rule's
 * id takes its place.  Base rules' areas are renumbered for this profile.
 * Returns which rules were read without error, for the ambiguity check.
 */
static unsigned char *
merge_rules(struct pfile *pf, struct profile *p, struct profile *base,
    struct rule *own, const unsigned char *ownok, size_t nown)
{
	struct hmap	 ids;
	struct rule	*v, *r;
	unsigned char	*ok;
	size_t		 n, nb, i, j;
	unsigned	 m;
	int		 a;

	memset(&ids, 0, sizeof(ids));
	nb = base != NULL ? base->nrules : 0;
	v = xcalloc(nb + nown + 1, sizeof(*v));
	ok = xcalloc(nb + nown + 1, 1);
	for (n = 0; n < nb; n++) {
		r = &v[n];
		*r = base->rules[n];
		ok[n] = 1;
		for (m = 0, j = 0; r->areas != 0 && j < base->nareas; j++) {
			if ((r->areas & (1u << j)) == 0)
				continue;
			if ((a = profile_area(p, base->areas[j].id)) != -1) {
				m |= 1u << a;
				continue;
			}
			diag_add(&pf->local, DIAG_ERROR, r->file, r->line,
			    "[rule:%s] areas: area '%s' is not in profile "
			    "'%s'", r->id, base->areas[j].id, p->id);
			pf->nerr++;
			ok[n] = 0;
		}
		r->areas = m;
		hmap_put(&ids, r->id, n);
	}
	if (base != NULL) {
		free(base->rules);
		base->rules = NULL;
		base->nrules = 0;
	}
	for (i = 0; i < nown; i++) {
		if ((j = hmap_get(&ids, own[i].id)) != NONE) {
			own[i].replaces = xasprintf("%s:%d (%s layer)",
			    v[j].file, v[j].line, v[j].layer);
			rule_free(&v[j]);
			v[j] = own[i];
			ok[j] = ownok[i];
			continue;
		}
		v[n] = own[i];
		ok[n] = ownok[i];
		hmap_put(&ids, own[i].id, n++);
	}
	hmap_free(&ids);
	p->rules = v;
	p->nrules = n;
	return ok;
}

static int
cmp_int(const void *a, const void *b)
{
	int	 x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

static void
merge_closures(struct profile *p, const struct profile *base)
{
	size_t	 i, n;

	if (base != NULL && base->nclosures > 0) {
		p->closures = xreallocarray(p->closures,
		    p->nclosures + base->nclosures, sizeof(*p->closures));
		memcpy(p->closures + p->nclosures, base->closures,
		    base->nclosures * sizeof(*p->closures));
		p->nclosures += base->nclosures;
	}
	if (p->nclosures < 2)
		return;
	qsort(p->closures, p->nclosures, sizeof(*p->closures), cmp_int);
	for (n = 1, i = 1; i < p->nclosures; i++)
		if (p->closures[i] != p->closures[n - 1])
			p->closures[n++] = p->closures[i];
	p->nclosures = n;
}

struct rref {
	const struct rule	*r;
	size_t			 i;
};

static int
cmp_rref(const void *a, const void *b)
{
	const struct rref	*x = a, *y = b;
	int			 c;

	if (x->r->kind != y->r->kind)
		return x->r->kind < y->r->kind ? -1 : 1;
	if (x->r->final != y->r->final)
		return x->r->final - y->r->final;
	c = strcmp(x->r->name != NULL ? x->r->name : "",
	    y->r->name != NULL ? y->r->name : "");
	if (c != 0)
		return c;
	return (x->i > y->i) - (x->i < y->i);
}

static int
same_group(const struct rule *a, const struct rule *b)
{
	return a->kind == b->kind && a->final == b->final &&
	    strcmp(a->name != NULL ? a->name : "",
	    b->name != NULL ? b->name : "") == 0;
}

static int
applies(const struct rule *r, int plan, int area)
{
	if (r->plan_types != 0 && (r->plan_types & (1u << plan)) == 0)
		return 0;
	if (r->areas != 0 && (area < 0 || (r->areas & (1u << area)) == 0))
		return 0;
	return 1;
}

static int
specificity(const struct rule *r)
{
	return (r->plan_types != 0) + (r->areas != 0);
}

/*
 * For each plan type and area a case may have, the rules of one kind (and
 * milestone name) that apply must have a single most specific one.
 */
static void
check_ambiguity(struct pfile *pf, const struct profile *p,
    const unsigned char *ok)
{
	struct rref		*v;
	const struct rule	*r, *w;
	unsigned char		*seen;
	char			 where[256], what[128];
	size_t			 n, g, ge, i, first;
	int			 plan, area, best, sp;

	v = xcalloc(p->nrules + 1, sizeof(*v));
	seen = xcalloc(p->nrules + 1, 1);
	for (n = 0, i = 0; i < p->nrules; i++)
		if (ok[i]) {
			v[n].r = &p->rules[i];
			v[n++].i = i;
		}
	qsort(v, n, sizeof(*v), cmp_rref);
	for (g = 0; g < n; g = ge) {
		for (ge = g + 1; ge < n && same_group(v[g].r, v[ge].r); ge++)
			continue;
		if (ge - g < 2)
			continue;
		for (plan = 0; plan < PLAN_COUNT; plan++)
		for (area = p->nareas > 0 && p->area_required ? 0 : -1;
		    area < (int)p->nareas; area++) {
			best = -1;
			first = NONE;
			for (i = g; i < ge; i++)
				if (applies(v[i].r, plan, area) &&
				    (sp = specificity(v[i].r)) > best) {
					best = sp;
					first = i;
				}
			for (i = g; i < ge; i++) {
				r = v[i].r;
				if (i == first || seen[v[i].i] ||
				    !applies(r, plan, area) ||
				    specificity(r) != best)
					continue;
				seen[v[i].i] = 1;
				w = v[first].r;
				if (strcmp(w->file, r->file) == 0)
					snprintf(where, sizeof(where),
					    "line %d", w->line);
				else
					snprintf(where, sizeof(where), "%s:%d",
					    w->file, w->line);
				if (r->kind == KIND_MILESTONE)
					snprintf(what, sizeof(what),
					    "milestone %s", r->name);
				else
					snprintf(what, sizeof(what), "%s",
					    kind_name(r->kind));
				diag_add(&pf->local, DIAG_ERROR, r->file,
				    r->line, "[rule:%s]: both this and "
				    "[rule:%s] (%s) give the %s for plan type "
				    "%s%s%s, equally specifically: narrow one "
				    "with plan_types or areas", r->id, w->id,
				    where, what,
				    plan_names[plan], p->nareas == 0 ? "" :
				    area < 0 ? " with no area" : " in area ",
				    area < 0 ? "" : p->areas[area].id);
				pf->nerr++;
			}
		}
	}
	free(seen);
	free(v);
}

/* A message about rule r, which may have come from a base's file. */
static void	 rerr(struct pfile *, const struct rule *, const char *, ...)
    __attribute__((format(printf, 3, 4)));

static void
rerr(struct pfile *pf, const struct rule *r, const char *fmt, ...)
{
	va_list	 ap;
	char	 msg[512];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	diag_add(&pf->local, DIAG_ERROR, r->file, r->line, "%s", msg);
	pf->nerr++;
}

/*
 * [rule:ID:TAG]: a later version of rule ID, this file's or inherited.  The
 * keys it leaves out are the rule's; from and until are its own.  A version
 * with the tag of one inherited replaces it.
 */
static void
parse_version(struct pfile *pf, struct profile *p, const struct ssec *s)
{
	struct kv	 vkv[RK__N], kv[RK__N];
	struct rule	*r, v;
	const char	*id, *colon;
	size_t		 i, j, n;
	int		 bad;

	id = s->name + strlen("rule:");
	colon = strchr(id, ':');
	n = (size_t)(colon - id);
	for (j = 0; j < p->nrules; j++)
		if (strlen(p->rules[j].id) == n &&
		    strncmp(p->rules[j].id, id, n) == 0)
			break;
	gather(pf, s, rule_keys, RK__N, vkv);
	if (j == p->nrules) {
		perr(pf, s->line, "[%s]: no [rule:%.*s] in this profile or the "
		    "one it extends to be a version of", s->name, (int)n, id);
		return;
	}
	r = &p->rules[j];
	bad = 0;
	for (i = 0; i < sizeof(rule_fixed) / sizeof(rule_fixed[0]); i++)
		if (vkv[rule_fixed[i]].line != 0) {
			perr(pf, vkv[rule_fixed[i]].line, "[%s] %s: a version "
			    "cannot change %s (give a new [rule:ID] instead)",
			    s->name, rule_keys[rule_fixed[i]],
			    rule_keys[rule_fixed[i]]);
			bad = 1;
		}
	if (vkv[RK_FROM].line == 0) {
		perr(pf, s->line, "[%s] from: missing (a version is in force "
		    "from a date)", s->name);
		bad = 1;
	}
	if (r->raw == NULL || bad)
		return;
	for (i = 0; i < RK__N; i++) {
		kv[i] = vkv[i];
		if (kv[i].line == 0 && i != RK_FROM && i != RK_UNTIL &&
		    r->raw[i] != NULL) {
			kv[i].v = r->raw[i];
			kv[i].line = s->line;
		}
	}
	memset(&v, 0, sizeof(v));
	if (parse_rule_kv(pf, p, s, kv, &v) == -1) {
		rule_free(&v);
		return;
	}
	v.plan_types = r->plan_types;
	v.areas = r->areas;
	for (i = 0; i < r->nversions; i++)
		if (strcmp(r->versions[i].tag, v.tag) == 0)
			break;
	if (i < r->nversions) {
		v.replaces = xasprintf("%s:%d (%s layer)", r->versions[i].file,
		    r->versions[i].line, r->versions[i].layer);
		rule_free(&r->versions[i]);
		r->versions[i] = v;
	} else {
		r->versions = xreallocarray(r->versions, r->nversions + 1,
		    sizeof(*r->versions));
		r->versions[r->nversions++] = v;
	}
}

static int
cmp_version(const void *a, const void *b)
{
	const struct rule	*x = a, *y = b;

	return (x->from > y->from) - (x->from < y->from);
}

/* Versions in order of from, none in force on the same day as another. */
static void
check_versions(struct pfile *pf, struct rule *r)
{
	const struct rule	*prev, *v;
	char			 b1[DATE_STRLEN], b2[DATE_STRLEN];
	size_t			 i;

	if (r->nversions == 0)
		return;
	qsort(r->versions, r->nversions, sizeof(*r->versions), cmp_version);
	for (prev = r, i = 0; i < r->nversions; prev = v, i++) {
		v = &r->versions[i];
		if (prev->has_from && prev->from >= v->from)
			rerr(pf, v, "[rule:%s:%s] from: %s is not after the "
			    "from of [rule:%s%s%s], %s", v->id, v->tag,
			    date_format(v->from, b1), prev->id,
			    prev->tag != NULL ? ":" : "",
			    prev->tag != NULL ? prev->tag : "",
			    date_format(prev->from, b2));
		else if (prev->has_until && prev->until >= v->from)
			rerr(pf, v, "[rule:%s:%s] from: %s is not after the "
			    "until of [rule:%s%s%s], %s", v->id, v->tag,
			    date_format(v->from, b1), prev->id,
			    prev->tag != NULL ? ":" : "",
			    prev->tag != NULL ? prev->tag : "",
			    date_format(prev->until, b2));
	}
}

const struct rule *
rule_at(const struct rule *r, int date)
{
	const struct rule	*v;
	size_t			 i;

	if (date == DATE_NONE)
		return r;
	for (i = r->nversions; i > 0; i--) {
		v = &r->versions[i - 1];
		if (date >= v->from)
			return v->has_until && date > v->until ? NULL : v;
	}
	if ((r->has_from && date < r->from) ||
	    (r->has_until && date > r->until))
		return NULL;
	return r;
}

/* Each profile built gets its own number, so caches can tell them apart. */
static unsigned long	 serials;

static struct profile *
build(struct pfile *pf)
{
	struct scan	*sc = &pf->sc;
	struct profile	*p, *base;
	struct rule	*own;
	unsigned char	*ownok, *ok;
	const char	*name;
	size_t		 i, prof, nown;

	p = xcalloc(1, sizeof(*p));
	p->serial = ++serials;
	p->id = xstrdup(pf->id);
	p->file = xstrdup(pf->file);
	p->layer = rpath_layer_name(pf->lc->rp, pf->layer);
	base = NULL;
	prof = NONE;
	nown = 0;
	for (i = 0; i < sc->nsecs; i++) {
		name = sc->secs[i].name;
		if (strcmp(name, "profile") == 0)
			prof = i;
		else if (strncmp(name, "rule:", 5) == 0) {
			if (strchr(name + 5, ':') == NULL)
				nown++;
		}
		else if (strncmp(name, "not_modelled:", 13) == 0)
			parse_unmodelled(pf, p, &sc->secs[i]);
		else if (strncmp(name, "area:", 5) != 0)
			perr(pf, sc->secs[i].line, "[%s]: unknown section "
			    "(expected [profile], [area:ID], [rule:ID] or "
			    "[not_modelled:ID])", name);
	}
	if (prof == NONE)
		perr(pf, 0, "no [profile] section");
	else
		parse_profile(pf, p, &sc->secs[prof], &base);
	for (i = 0; i < sc->nsecs; i++)
		if (strncmp(sc->secs[i].name, "area:", 5) == 0)
			parse_area(pf, p, &sc->secs[i]);
	for (i = 0; i < p->nareas; i++)
		if (p->areas[i].name == NULL)
			p->areas[i].name = xstrdup(p->areas[i].id);

	own = xcalloc(nown + 1, sizeof(*own));
	ownok = xcalloc(nown + 1, 1);
	for (nown = 0, i = 0; i < sc->nsecs; i++)
		if (strncmp(sc->secs[i].name, "rule:", 5) == 0 &&
		    strchr(sc->secs[i].name + 5, ':') == NULL) {
			ownok[nown] = parse_rule(pf, p, &sc->secs[i],
			    &own[nown]) == 0;
			nown++;
		}
	ok = merge_rules(pf, p, base, own, ownok, nown);
	free(own);
	free(ownok);
	/* Versions, of this file's rules or of those it inherits. */
	for (i = 0; i < sc->nsecs; i++)
		if (strncmp(sc->secs[i].name, "rule:", 5) == 0 &&
		    strchr(sc->secs[i].name + 5, ':') != NULL)
			parse_version(pf, p, &sc->secs[i]);
	for (i = 0; i < p->nrules; i++)
		check_versions(pf, &p->rules[i]);
	merge_closures(p, base);
	merge_unmodelled(p, base);
	check_ambiguity(pf, p, ok);
	free(ok);
	profile_free(base);
	return p;
}

/* Load one profile's text; rf->name names it in messages. */
static struct profile *
load_rfile(struct loadctx *lc, const char *id, const struct rfile *rf)
{
	struct pfile	 pf;
	struct profile	*p;

	memset(&pf, 0, sizeof(pf));
	pf.lc = lc;
	pf.file = rf->name;
	pf.id = id;
	pf.layer = rf->layer;
	lc->chain[lc->depth++] = id;
	scan_text(&pf, rf->text, rf->len);
	p = NULL;
	if (ini_open(&pf, rf) == 0) {
		p = build(&pf);
		iniparser_freedict(pf.d);
	}
	lc->depth--;
	scan_free(&pf.sc);
	pdiag_flush(&pf);
	if (pf.nerr > 0) {
		profile_free(p);
		return NULL;
	}
	return p;
}

struct profile *
profile_load(const struct rpath *rp, const char *id, struct diags *ds)
{
	struct loadctx	 lc;
	struct profile	*p;
	struct rfile	 rf;
	char		 err[512], *name;
	int		 rc;

	if (!id_ok(id)) {
		diag_add(ds, DIAG_ERROR, NULL, 0, "'%s' is not a profile id",
		    id);
		return NULL;
	}
	name = xasprintf("%s.ini", id);
	rc = rpath_read(rp, name, &rf, err, sizeof(err));
	free(name);
	if (rc == 1) {
		diag_add(ds, DIAG_ERROR, NULL, 0, "no profile '%s'", id);
		return NULL;
	}
	if (rc == -1) {
		diag_add(ds, DIAG_ERROR, NULL, 0, "%s", err);
		return NULL;
	}
	memset(&lc, 0, sizeof(lc));
	lc.rp = rp;
	lc.ds = ds;
	p = load_rfile(&lc, id, &rf);
	rfile_free(&rf);
	return p;
}

struct profile *
profile_load_file(const struct rpath *rp, const char *path,
    struct diags *ds)
{
	struct loadctx	 lc;
	struct profile	*p;
	struct rfile	 rf;
	const char	*base;
	char		 err[512], *id, *name;
	size_t		 n;
	int		 rc;

	rc = rfile_read_path(path, &rf, err, sizeof(err));
	if (rc == 1) {
		diag_add(ds, DIAG_ERROR, path, 0, "no such file");
		return NULL;
	}
	if (rc == -1) {
		diag_add(ds, DIAG_ERROR, NULL, 0, "%s", err);
		return NULL;
	}
	base = strrchr(path, '/') != NULL ? strrchr(path, '/') + 1 : path;
	n = strlen(base);
	if (n > 4 && strcmp(base + n - 4, ".ini") == 0)
		n -= 4;
	id = xstrndup(base, n);
	name = xasprintf("%s.ini", id);
	rf.layer = rpath_layer_of(rp, path, name);
	free(name);
	memset(&lc, 0, sizeof(lc));
	lc.rp = rp;
	lc.ds = ds;
	lc.lint = 1;
	p = load_rfile(&lc, id, &rf);
	free(id);
	rfile_free(&rf);
	return p;
}
