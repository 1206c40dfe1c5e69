/*
 * caseload.c: a caseload CSV, row by row, as case facts.
 *
 * The header row maps column names to field numbers once; each row is
 * then trimmed, checked and turned into a struct case_row whose strings
 * are the record's own fields, trimmed where they lie: nothing is copied,
 * and they last until the next row is read.  A row that cannot be used
 * is reported with its file and line and the next row is read as usual.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseload.h"
#include "csv.h"
#include "date.h"
#include "diag.h"
#include "strtab.h"
#include "text.h"
#include "xmalloc.h"

enum col {
	COL_CASE_ID,
	COL_PROFILE,
	COL_AREA,
	COL_PLAN_TYPE,
	COL_WORKER,
	COL_REFERRAL,
	COL_ASSESSMENT,
	COL_PLAN_DECISION,
	COL_RCPC,
	COL_RESIDENCE,
	COL_FIRST_MEETING,
	COL_LAST_REVIEW,
	COL_REVIEWS_HELD,
	COL_LAST_VISIT,
	COL_CLOSED,
	COL_MANAGER_AGREED,
	COL_SUPERVISION_ORDER,
	COL_MINUTES_SENT,
	COL_LAST_ASSESSMENT_UPDATE,
	COL_ALLOCATED,
	COL_STEP_DOWN_DECISION,
	COL__MAX
};

static const char *const col_names[COL__MAX] = {
	"case_id", "profile", "area", "plan_type", "worker", "referral",
	"assessment_completed", "plan_decision", "rcpc", "residence",
	"first_meeting", "last_review", "reviews_held", "last_visit",
	"closed", "manager_agreed", "supervision_order", "minutes_sent",
	"last_assessment_update", "allocated", "step_down_decision"
};

/* The date columns and where each goes in a case_row. */
static const struct {
	enum col	 col;
	size_t		 off;
} date_cols[] = {
	{ COL_REFERRAL, offsetof(struct case_row, referral) },
	{ COL_ASSESSMENT, offsetof(struct case_row, assessment) },
	{ COL_PLAN_DECISION, offsetof(struct case_row, plan_decision) },
	{ COL_RCPC, offsetof(struct case_row, rcpc) },
	{ COL_RESIDENCE, offsetof(struct case_row, residence) },
	{ COL_FIRST_MEETING, offsetof(struct case_row, first_meeting) },
	{ COL_LAST_REVIEW, offsetof(struct case_row, last_review) },
	{ COL_LAST_VISIT, offsetof(struct case_row, last_visit) },
	{ COL_SUPERVISION_ORDER, offsetof(struct case_row, supervision_order) },
	{ COL_MINUTES_SENT, offsetof(struct case_row, minutes_sent) },
	{ COL_LAST_ASSESSMENT_UPDATE,
	    offsetof(struct case_row, last_assessment_update) },
	{ COL_ALLOCATED, offsetof(struct case_row, allocated) },
	{ COL_STEP_DOWN_DECISION,
	    offsetof(struct case_row, step_down_decision) },
};
#define NDATECOLS	(sizeof(date_cols) / sizeof(date_cols[0]))

/* The columns that are strings in a case_row, in the order they are kept. */
#define NSTRCOLS	5	/* COL_CASE_ID .. COL_WORKER */

#define REVIEWS_MAX	10000
#define SHOWN_MAX	40	/* bytes of a bad value quoted in a message */

/*
 * Every case_id is kept until the end of the file, in one of ID_BUCKETS
 * stores chosen by the top bits of its hash: the row's line (as its
 * distance from the store's previous line) and the id's length, each a
 * variable-length number, then the id's bytes.  At the end, each store in
 * turn is read back into refs of 32 bits of hash and an entry number, the
 * refs are sorted by hash, so the rows with one id lie together, and ids
 * of equal hash are compared byte for byte: a repeat is never taken from
 * the hash alone.
 *
 * Memory is what this costs: a row's id takes about ten bytes, and
 * memory touched for the first time is slow, so nothing per row is kept
 * that the end can work out again (the hash, where the id lies).  The
 * stores are few enough that the ends being written to stay in the cache,
 * and a store's refs fit there at the end, where a table looked up a row
 * at a time waited on memory at every row.
 */
#define ID_BITS		6
#define ID_BUCKETS	(1 << ID_BITS)
#define IDS_MAX		UINT32_MAX	/* bytes of ids kept, at most */

/*
 * A store is a list of chunks, each twice the last up to IDCHUNK_MAX, so
 * that growing one never copies it; an entry lies within one chunk.
 */
#define IDCHUNK_MIN	1024
#define IDCHUNK_MAX	(64 * 1024)

struct idchunk {
	struct idchunk	*next;
	size_t		 len;		/* bytes used, once it is not the last */
	size_t		 cap;
	unsigned char	 p[];
};

struct idbucket {
	struct idchunk	*head, *tail;
	unsigned char	*w, *end;	/* where the tail is written to */
	size_t		 n;		/* ids in it */
	long		 line;		/* the last one's line */
};

/* An id read back from a store. */
struct ident {
	const char	*id;
	size_t		 len;
	long		 line;
};

struct idref {
	uint32_t	 hash;
	uint32_t	 i;		/* its struct ident */
};

struct caseload {
	struct csv_reader	*csv;
	char			*name;
	enum date_style		 style;
	int			 as_of;
	char			*dprofile;	/* for rows, with no profile
						   column; else NULL */
	int			 hinted;	/* said to use --dates uk */
	size_t			 nhead;		/* fields in the header */
	int			 col[COL__MAX];	/* field number, or -1 */
	int			 present[COL__MAX]; /* the columns there are */
	size_t			 npresent;
	int			 pdates[NDATECOLS]; /* the date columns there
						   are: indexes into date_cols */
	size_t			 npdates;
	struct idbucket		 ids[ID_BUCKETS]; /* every case_id so far */
	size_t			 idlen;		/* bytes in them all */
	struct case_repeat	*reps;
	size_t			 nreps, repcap;
	int			 ended;
};

/* A field of the record being read: its bytes are the row's to change. */
struct cell {
	char		*s;
	size_t		 len;
};

/* Around a cell: a line break typed at the end (Alt+Enter) is blank too. */
static int
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static struct cell
trim(char *s, size_t len)
{
	struct cell	 c;

	c.s = s;
	c.len = len;
	if (len == 0 || (!is_blank(s[0]) && !is_blank(s[len - 1])))
		return c;

	while (len > 0 && is_blank(s[0])) {
		s++;
		len--;
	}
	while (len > 0 && is_blank(s[len - 1]))
		len--;
	c.s = s;
	c.len = len;
	return c;
}

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* ASCII case-insensitive comparison of a cell with a word. */
static int
cell_is(struct cell c, const char *word)
{
	size_t	 i;

	for (i = 0; i < c.len; i++)
		if (word[i] == '\0' || lower((unsigned char)c.s[i]) != word[i])
			return 0;
	return word[i] == '\0';
}

/* A value for a message (text_shown), at most SHOWN_MAX bytes of it. */
static const char *
shown(struct cell c, char *buf, size_t bufsz)
{
	return text_shown(c.s, c.len, 0, SHOWN_MAX, buf, bufsz);
}

/* A spreadsheet's empty row (",,,") counts as a blank line. */
static int
blank_record(const struct csv_record *rec)
{
	size_t	 i;

	for (i = 0; i < rec->n; i++)
		if (trim(rec->field[i], rec->len[i]).len > 0)
			return 0;
	return 1;
}

const char *const *
caseload_column_names(size_t *n)
{
	*n = COL__MAX;
	return col_names;
}

/* The heading a column is read from, lower-cased, into buf[sz]. */
static const char *
heading(const struct caseload_opts *o, int c, char *buf, size_t sz)
{
	const char	*h;
	size_t		 i;

	h = o->columns != NULL && o->columns[c] != NULL ? o->columns[c] :
	    col_names[c];
	for (i = 0; h[i] != '\0' && i + 1 < sz; i++)
		buf[i] = (char)lower((unsigned char)h[i]);
	buf[i] = '\0';
	return buf;
}

/*
 * A needed column is missing: say which headings the file has, what
 * cinplan reads, and which heading may have been meant.
 */
static void
missing(const struct caseload_opts *o, const char *name,
    const struct csv_record *rec, int c, struct diags *ds)
{
	char		 list[600], near[SHOWN_MAX + 4], h[SHOWN_MAX + 4];
	char		 want[SHOWN_MAX + 4], ours[COL__MAX * 24];
	const char	*mapped;
	struct cell	 x;
	size_t		 i, n;

	mapped = o->columns != NULL ? o->columns[c] : NULL;
	snprintf(want, sizeof(want), "%s", mapped ? mapped : col_names[c]);
	near[0] = list[0] = '\0';
	for (i = 0; i < rec->n; i++) {
		x = trim(rec->field[i], rec->len[i]);
		if (x.len == 0)
			continue;
		shown(x, h, sizeof(h));
		if (near[0] == '\0' && text_alike(h, want))
			snprintf(near, sizeof(near), "%s", h);
		/* Always from the string's real end: snprintf() may cut. */
		n = strlen(list);
		if (n + strlen(h) + 8 < sizeof(list))
			snprintf(list + n, sizeof(list) - n, "%s'%s'",
			    n > 0 ? ", " : "", h);
		else if (strstr(list, ", ...") == NULL)
			snprintf(list + n, sizeof(list) - n, ", ...");
	}
	ours[0] = '\0';
	for (i = 0; i < COL__MAX; i++) {
		n = strlen(ours);
		snprintf(ours + n, sizeof(ours) - n, "%s%s",
		    i > 0 ? ", " : "", col_names[i]);
	}
	if (mapped != NULL)
		diag_add(ds, DIAG_FATAL, name, rec->line, "no '%s' column for "
		    "%s (the headings are %s)%s%s%s", want, col_names[c], list,
		    near[0] ? "; did you mean '" : "", near,
		    near[0] ? "'?" : "");
	else
		diag_add(ds, DIAG_FATAL, name, rec->line, "no '%s' column (the "
		    "headings are %s)%s%s%s; cinplan's columns are %s: give "
		    "yours their names in a column mapping (--columns)%s",
		    want, list, near[0] ? "; did you mean '" : "", near,
		    near[0] ? "'?" : "", ours, c == COL_PROFILE ? "; or give the profile with --profile"
		    : "");
}

struct caseload *
caseload_open(int fd, const char *name, const struct caseload_opts *o,
    struct diags *ds)
{
	struct caseload		*cl;
	struct csv_record	 rec;
	struct cell		 h;
	char			 why[256], sbuf[SHOWN_MAX + 4], hd[256];
	size_t			 i;
	int			 c, rv;

	cl = xcalloc(1, sizeof(*cl));
	cl->csv = csv_open(fd, name);
	cl->name = xstrdup(name);
	cl->style = o->dates;
	cl->as_of = o->as_of;
	for (c = 0; c < COL__MAX; c++)
		cl->col[c] = -1;

	while ((rv = csv_next(cl->csv, &rec, why, sizeof(why))) == 1 &&
	    blank_record(&rec))
		continue;
	if (rv == 0) {
		diag_add(ds, DIAG_FATAL, name, 0,
		    "empty caseload, no header row");
		goto fail;
	}
	if (rv == -2) {
		diag_add(ds, DIAG_FATAL, name, 0, "%s", why);
		goto fail;
	}
	if (rv == -1) {
		diag_add(ds, DIAG_FATAL, name, rec.line, "header: %s", why);
		goto fail;
	}
	cl->nhead = rec.n;
	for (i = 0; i < rec.n; i++) {
		h = trim(rec.field[i], rec.len[i]);
		for (c = 0; c < COL__MAX; c++)
			if (cell_is(h, heading(o, c, hd, sizeof(hd))))
				break;
		if (c == COL__MAX)
			continue;
		if (cl->col[c] != -1) {
			diag_add(ds, DIAG_FATAL, name, rec.line,
			    "duplicate column '%s'", shown(h, sbuf,
			    sizeof(sbuf)));
			goto fail;
		}
		cl->col[c] = (int)i;
	}
	if (cl->col[COL_PROFILE] == -1 && o->profile != NULL)
		cl->dprofile = xstrdup(o->profile);
	for (c = COL_CASE_ID; c <= COL_PROFILE; c++)
		if (cl->col[c] == -1 &&
		    (c != COL_PROFILE || cl->dprofile == NULL)) {
			missing(o, name, &rec, c, ds);
			goto fail;
		}
	for (c = 0; c < COL__MAX; c++)
		if (cl->col[c] != -1)
			cl->present[cl->npresent++] = c;
	for (i = 0; i < NDATECOLS; i++)
		if (cl->col[date_cols[i].col] != -1)
			cl->pdates[cl->npdates++] = (int)i;
	return cl;
fail:
	caseload_close(cl);
	return NULL;
}

int
caseload_default_profile(const struct caseload *cl)
{
	return cl->dprofile != NULL;
}

void
caseload_close(struct caseload *cl)
{
	struct idchunk	*ch;
	size_t		 i;

	if (cl == NULL)
		return;
	csv_close(cl->csv);
	free(cl->name);
	free(cl->dprofile);
	for (i = 0; i < ID_BUCKETS; i++)
		while ((ch = cl->ids[i].head) != NULL) {
			cl->ids[i].head = ch->next;
			free(ch);
		}
	free(cl->reps);
	free(cl);
}

/* Put v at p as 7 bits a byte, the last byte's top bit clear. */
static unsigned char *
put_num(unsigned char *p, size_t v)
{
	for (; v >= 0x80; v >>= 7)
		*p++ = (unsigned char)(v | 0x80);
	*p++ = (unsigned char)v;
	return p;
}

/* The number put_num() put at *p; *p is moved past it. */
static size_t
get_num(const unsigned char **p)
{
	size_t		 v;
	unsigned	 shift;

	for (v = 0, shift = 0; **p & 0x80; (*p)++, shift += 7)
		v |= (size_t)(**p & 0x7f) << shift;
	v |= (size_t)*(*p)++ << shift;
	return v;
}

/* The most bytes put_num() takes for a size_t. */
#define NUM_MAX		((sizeof(size_t) * 8 + 6) / 7)

/*
 * Keep the row's case_id for find_repeats(): -1 if the ids kept would
 * pass IDS_MAX.
 */
static int
keep_id(struct caseload *cl, const char *id, size_t len, long line)
{
	struct idbucket	*b;
	struct idchunk	*ch;
	unsigned char	*p;
	size_t		 need, cap;

	need = 2 * NUM_MAX + len;
	if (need > IDS_MAX - cl->idlen)
		return -1;
	b = &cl->ids[strtab_hash(id, len) >> (64 - ID_BITS)];
	if (b->tail == NULL || need > (size_t)(b->end - b->w)) {
		cap = IDCHUNK_MIN;
		if ((ch = b->tail) != NULL) {
			ch->len = (size_t)(b->w - ch->p);
			cap = ch->cap < IDCHUNK_MAX ? ch->cap * 2 : IDCHUNK_MAX;
		}
		if (cap < need)
			cap = need;
		ch = xmalloc(sizeof(*ch) + cap);
		ch->next = NULL;
		ch->len = 0;
		ch->cap = cap;
		if (b->tail != NULL)
			b->tail->next = ch;
		else
			b->head = ch;
		b->tail = ch;
		b->w = ch->p;
		b->end = ch->p + cap;
	}
	p = put_num(b->w, (size_t)(line - b->line));
	p = put_num(p, len);
	memcpy(p, id, len);
	p += len;
	cl->idlen += (size_t)(p - b->w);
	b->w = p;
	b->line = line;
	b->n++;
	return 0;
}

/*
 * Sort a bucket's refs by the hash bits below the bucket's own, a byte at
 * a time from the lowest (a radix sort), through tmp; equal hashes keep
 * their order, which is file order.  The sorted refs end in v.
 */
static void
sort_refs(struct idref *v, struct idref *tmp, size_t n)
{
	struct idref	*from, *to, *t;
	size_t		 count[256], i, sum, c;
	unsigned	 shift;

	from = v;
	to = tmp;
	for (shift = 0; shift < 32 - ID_BITS; shift += 8) {
		memset(count, 0, sizeof(count));
		for (i = 0; i < n; i++)
			count[from[i].hash >> shift & 0xff]++;
		for (sum = 0, i = 0; i < 256; i++) {
			c = count[i];
			count[i] = sum;
			sum += c;
		}
		for (i = 0; i < n; i++)
			to[count[from[i].hash >> shift & 0xff]++] = from[i];
		t = from;
		from = to;
		to = t;
	}
	if (from != v)
		memcpy(v, from, n * sizeof(*v));
}

static int
cmp_repeat(const void *a, const void *b)
{
	const struct case_repeat	*x = a, *y = b;

	return (x->line > y->line) - (x->line < y->line);
}

/*
 * The rows whose case_id an earlier row had among n refs sorted by hash,
 * whose ids are in e.
 */
static void
bucket_repeats(struct caseload *cl, const struct idref *v, size_t n,
    const struct ident *e)
{
	const struct ident	*id, *prev;
	size_t			 i, j, run;

	prev = NULL;
	for (run = 0, i = 1; i < n; i++) {
		if (v[i].hash != v[run].hash) {
			run = i;
			continue;
		}
		/* The nearest earlier row in the run with the same bytes. */
		id = &e[v[i].i];
		for (j = i; j > run; j--) {
			prev = &e[v[j - 1].i];
			if (prev->len == id->len &&
			    memcmp(prev->id, id->id, id->len) == 0)
				break;
		}
		if (j == run)
			continue;	/* only another id of the same hash */
		if (cl->nreps == cl->repcap) {
			cl->repcap = cl->repcap ? cl->repcap * 2 : 16;
			cl->reps = xreallocarray(cl->reps, cl->repcap,
			    sizeof(*cl->reps));
		}
		cl->reps[cl->nreps].line = id->line;
		cl->reps[cl->nreps].first = prev->line;
		cl->nreps++;
	}
}

/*
 * The rows whose case_id an earlier row had, each with the last such row,
 * in file order.  Each store is read back, sorted and compared in turn,
 * through scratch arrays the size of the largest.
 */
static void
find_repeats(struct caseload *cl)
{
	struct idbucket		*b;
	const struct idchunk	*ch;
	struct ident		*e;
	struct idref		*v, *tmp;
	const unsigned char	*p;
	size_t			 i, k, most;
	long			 line;

	for (most = 0, i = 0; i < ID_BUCKETS; i++)
		if (cl->ids[i].n > most)
			most = cl->ids[i].n;
	if (most < 2)
		return;
	e = xreallocarray(NULL, most, sizeof(*e));
	v = xreallocarray(NULL, most, sizeof(*v));
	tmp = xreallocarray(NULL, most, sizeof(*tmp));
	for (i = 0; i < ID_BUCKETS; i++) {
		b = &cl->ids[i];
		if (b->n < 2)
			continue;
		line = 0;
		k = 0;
		b->tail->len = (size_t)(b->w - b->tail->p);
		for (ch = b->head; ch != NULL; ch = ch->next)
			for (p = ch->p; p < ch->p + ch->len; k++) {
				line += (long)get_num(&p);
				e[k].line = line;
				e[k].len = get_num(&p);
				e[k].id = (const char *)p;
				p += e[k].len;
				v[k].hash = (uint32_t)(strtab_hash(e[k].id,
				    e[k].len) >> 32);
				v[k].i = (uint32_t)k;
			}
		sort_refs(v, tmp, b->n);
		bucket_repeats(cl, v, b->n, e);
	}
	free(e);
	free(v);
	free(tmp);
	if (cl->nreps > 1)
		qsort(cl->reps, cl->nreps, sizeof(*cl->reps), cmp_repeat);
}

size_t
caseload_repeats(const struct caseload *cl, const struct case_repeat **v)
{
	*v = cl->reps;
	return cl->ended ? cl->nreps : 0;
}


/* 1 yes, 0 no, -1 neither. */
static int
yes_no(struct cell c)
{
	static const char *const yes[] = { "yes", "y", "true", "1" };
	static const char *const no[] = { "no", "n", "false", "0" };
	size_t	 i;

	for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
		if (cell_is(c, yes[i]))
			return 1;
		if (cell_is(c, no[i]))
			return 0;
	}
	return -1;
}

/*
 * A trimmed cell as a NUL-terminated string where it lies, in the reader's
 * record, or NULL if empty.  Trimming only shortens: the NUL goes over the
 * first blank after it or over the field's own.
 */
static const char *
str_of(struct cell c)
{
	if (c.len == 0)
		return NULL;
	c.s[c.len] = '\0';
	return c.s;
}

/*
 * A trimmed free-text cell as str_of() gives it, each run of tabs and line
 * breaks (a line typed with Alt+Enter in a spreadsheet cell) made one
 * space, so that a name prints on one line.  The text only shrinks, so it
 * is rewritten where it lies.
 */
static const char *
str_of_free(struct cell c)
{
	char	*w;
	size_t	 i;
	int	 brk;	/* within a run with a tab or line break */

	if (c.len == 0)
		return NULL;
	for (w = c.s, brk = 0, i = 0; i < c.len; i++) {
		if (c.s[i] == '\t' || c.s[i] == '\r' || c.s[i] == '\n') {
			if (!brk && (w == c.s || w[-1] != ' '))
				*w++ = ' ';
			brk = 1;
		} else if (c.s[i] == ' ' && brk)
			continue;
		else {
			*w++ = c.s[i];
			brk = 0;
		}
	}
	*w = '\0';
	return c.s;
}

/*
 * For a date written the UK way without --dates uk: the hint to use it,
 * the first time only, so that a whole export of such dates does not
 * repeat it on every row.
 */
static const char *
uk_hint(struct caseload *cl, struct cell c)
{
	if (cl->style != DATES_ISO || cl->hinted || !date_looks_uk(c.s, c.len))
		return "";
	cl->hinted = 1;
	return " (to read DD/MM/YYYY dates, use --dates uk)";
}

int
caseload_next(struct caseload *cl, struct case_row *row, struct diags *ds)
{
	static char		 empty[1];
	struct csv_record	 rec;
	struct cell		 cell[COL__MAX];
	const char		*why;
	char			 reason[256], sbuf[SHOWN_MAX + 4];
	size_t			 i, k;
	long			 v;
	int			 rv, c, d;

	for (;;) {
		rv = csv_next(cl->csv, &rec, reason, sizeof(reason));
		if (rv == 0) {
			if (!cl->ended)
				find_repeats(cl);
			cl->ended = 1;
			return 0;
		}
		if (rv == -2) {
			diag_add(ds, DIAG_FATAL, cl->name, 0, "%s", reason);
			return -2;
		}
		if (rv == -1) {
			diag_add(ds, DIAG_ERROR, cl->name, rec.line, "%s",
			    reason);
			return -1;
		}
		if (!blank_record(&rec))
			break;
	}
	if (rec.n > cl->nhead) {
		diag_add(ds, DIAG_ERROR, cl->name, rec.line,
		    "%zu fields, header has %zu", rec.n, cl->nhead);
		return -1;
	}

	/* Only the columns there are; the others stay empty. */
	for (c = 0; c < COL__MAX; c++) {
		cell[c].s = empty;
		cell[c].len = 0;
	}
	for (k = 0; k < cl->npresent; k++) {
		c = cl->present[k];
		if ((size_t)cl->col[c] < rec.n)
			cell[c] = trim(rec.field[cl->col[c]],
			    rec.len[cl->col[c]]);
	}
	if (cl->dprofile != NULL) {
		cell[COL_PROFILE].s = cl->dprofile;
		cell[COL_PROFILE].len = strlen(cl->dprofile);
	}

	if (cell[COL_CASE_ID].len == 0) {
		diag_add(ds, DIAG_ERROR, cl->name, rec.line,
		    "case_id is empty");
		return -1;
	}
	if (cell[COL_PROFILE].len == 0) {
		diag_add(ds, DIAG_ERROR, cl->name, rec.line,
		    "profile is empty");
		return -1;
	}
	for (c = 0; c < NSTRCOLS; c++)
		if (cell[c].len > 0 &&
		    (why = text_unusable(cell[c].s, cell[c].len,
		    c == COL_WORKER ? TEXT_BREAKS : 0)) != NULL) {
			diag_add(ds, DIAG_ERROR, cl->name, rec.line, "%s: %s",
			    col_names[c], why);
			return -1;
		}

	/*
	 * Every field of the row is set below, none cleared first: a
	 * compiler clears a block this size with a string instruction that
	 * costs more than the row's dates.
	 */
	row->line = rec.line;
	row->referral = row->assessment = row->plan_decision = DATE_NONE;
	row->rcpc = row->residence = row->first_meeting = DATE_NONE;
	row->last_review = row->last_visit = DATE_NONE;
	row->supervision_order = row->minutes_sent = DATE_NONE;
	row->last_assessment_update = row->allocated = DATE_NONE;
	row->step_down_decision = DATE_NONE;
	for (k = 0; k < cl->npdates; k++) {
		c = date_cols[cl->pdates[k]].col;
		if (cell[c].len == 0)
			continue;
		if (date_parse_text(cell[c].s, cell[c].len, cl->style, &d,
		    &why) == -1) {
			diag_add(ds, DIAG_ERROR, cl->name, rec.line,
			    "%s: '%s' %s%s", col_names[c], shown(cell[c], sbuf,
			    sizeof(sbuf)), why, uk_hint(cl, cell[c]));
			return -1;
		}
		*(int *)(void *)((char *)row + date_cols[cl->pdates[k]].off) =
		    d;
	}

	row->reviews_held = -1;
	if (cell[COL_REVIEWS_HELD].len > 0) {
		for (v = 0, i = 0; i < cell[COL_REVIEWS_HELD].len; i++) {
			d = cell[COL_REVIEWS_HELD].s[i];
			if (d < '0' || d > '9' ||
			    (v = v * 10 + (d - '0')) > REVIEWS_MAX)
				break;
		}
		if (i < cell[COL_REVIEWS_HELD].len) {
			diag_add(ds, DIAG_ERROR, cl->name, rec.line,
			    "reviews_held: '%s' is not a whole number from 0 "
			    "to %d", shown(cell[COL_REVIEWS_HELD], sbuf,
			    sizeof(sbuf)), REVIEWS_MAX);
			return -1;
		}
		row->reviews_held = v;
	}

	row->closed = 0;
	if (cell[COL_CLOSED].len > 0 &&
	    (row->closed = yes_no(cell[COL_CLOSED])) == -1) {
		if (date_parse_text(cell[COL_CLOSED].s,
		    cell[COL_CLOSED].len, cl->style, &d, &why) == -1) {
			diag_add(ds, DIAG_ERROR, cl->name, rec.line,
			    "closed: '%s' is not a date or yes/no%s",
			    shown(cell[COL_CLOSED], sbuf, sizeof(sbuf)),
			    uk_hint(cl, cell[COL_CLOSED]));
			return -1;
		}
		row->closed = d <= cl->as_of;
	}

	row->has_minutes_sent = cl->col[COL_MINUTES_SENT] != -1;
	row->has_assessment_update = cl->col[COL_LAST_ASSESSMENT_UPDATE] != -1;
	row->manager_agreed = 0;
	if (cell[COL_MANAGER_AGREED].len > 0 &&
	    (row->manager_agreed = yes_no(cell[COL_MANAGER_AGREED])) == -1) {
		diag_add(ds, DIAG_ERROR, cl->name, rec.line,
		    "manager_agreed: '%s' is not yes or no",
		    shown(cell[COL_MANAGER_AGREED], sbuf, sizeof(sbuf)));
		return -1;
	}

	row->case_id = str_of(cell[COL_CASE_ID]);
	row->profile = str_of(cell[COL_PROFILE]);
	row->area = str_of(cell[COL_AREA]);
	row->plan_type = str_of(cell[COL_PLAN_TYPE]);
	row->worker = str_of_free(cell[COL_WORKER]);
	if (keep_id(cl, cell[COL_CASE_ID].s, cell[COL_CASE_ID].len,
	    row->line) == -1) {
		diag_add(ds, DIAG_FATAL, cl->name, rec.line, "more than 4 GiB"
		    " of case_ids: too many to check for repeats");
		return -2;
	}
	return 1;
}
