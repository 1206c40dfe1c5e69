/*
 * csv.c: a streaming RFC 4180 reader and a spreadsheet-safe field writer.
 *
 * The reader keeps one block of input and the record that straddles its
 * end.  Fields are returned in place: an unquoted field is the bytes
 * between its delimiters, a quoted one is unquoted where it lies (which
 * only ever shrinks it), and each is NUL-terminated over its delimiter or
 * closing quote.  Nothing is allocated per record.
 *
 * When a record runs past the end of the buffer, the partial record is
 * moved to the front and more is read; the field being scanned carries on
 * where it stopped (the fields before it are finished and keep their
 * offsets from the record's start).  The buffer grows only for a record
 * bigger than itself, up to CSV_MAX_RECORD.
 *
 * After a bad record the reader resynchronises: at the end of the physical
 * line when the quoting itself is broken (a stray quote, junk after a
 * closing quote), otherwise at the end of the record, following quotes.
 * Either way it discards as it goes, so a huge bad field is never held.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csv.h"
#include "xmalloc.h"

/*
 * The first read's size.  64 KiB stays in the processor's cache, beside
 * the tables a row is looked up in; a 1 MiB block pushed them out at every
 * read and made the benchmark's check 4% slower.  The fuzzing build makes
 * it small, so that its small inputs reach the code that grows the buffer
 * and carries a record across reads.
 */
#ifndef CSV_BLOCK
#define CSV_BLOCK	(64 * 1024)
#endif

/*
 * Line ends: LF or CRLF, or a lone CR (Excel for Mac's "CSV" and other
 * old Macintosh programs).  The first line end outside quotes decides for
 * the whole input: after LF or CRLF a lone CR is data, after a lone CR
 * every CR, LF or CRLF ends a line.
 */
enum eol {
	EOL_UNKNOWN,
	EOL_LF,
	EOL_CR
};

enum resync {
	RESYNC_NONE,
	RESYNC_LINE,		/* discard to the next LF */
	RESYNC_RECORD		/* discard to the next LF outside quotes */
};

struct csv_reader {
	int		 fd;
	char		*buf;		/* cap + 1; buf[end] is NUL */
	size_t		 cap;
	size_t		 end;		/* bytes held */
	size_t		 rs;		/* start of the record in progress */
	int		 eof;
	int		 started;	/* byte-order mark dealt with */
	int		 rderr;		/* errno of a failed read, or 0 */
	long		 line;		/* physical line at rs */
	enum eol	 eol;

	/* The record in progress; offsets are from rs. */
	size_t		 nf;		/* finished fields */
	long		 nl;		/* newlines inside finished fields */
	size_t		 fs;		/* start of the field in progress */
	int		 quoted;	/* -1: not looked at yet */
	size_t		 scan;		/* how far it has been scanned */
	size_t		 ndq;		/* doubled quotes in it so far */
	long		 qnl;		/* newlines in it so far */

	enum resync	 resync;
	int		 resync_inq;	/* RESYNC_RECORD starts inside quotes */

	char		**field;		/* CSV_MAX_FIELDS each */
	size_t		*len;
	size_t		*off;		/* field[] over a refill */
};

/*
 * The bytes that end or upset a field: delimiters, quotes, CR, and NUL,
 * which is also the sentinel at buf[end], so a scan needs no bounds.
 */
static const unsigned char special[256] = {
	[0] = 1, ['\n'] = 1, ['\r'] = 1, [','] = 1, ['"'] = 1
};

/* The next special byte at or after q. */
static size_t
find_special(const char *b, size_t q)
{
	while (!special[(unsigned char)b[q]])
		q++;
	return q;
}

struct csv_reader *
csv_open(int fd, const char *name)
{
	struct csv_reader	*r;

	r = xcalloc(1, sizeof(*r));
	r->fd = fd;
	r->cap = CSV_BLOCK;
	r->buf = xcalloc(1, r->cap + 1);
	r->line = 1;
	r->quoted = -1;
	r->off = xreallocarray(NULL, CSV_MAX_FIELDS, sizeof(*r->off));
	r->len = xreallocarray(NULL, CSV_MAX_FIELDS, sizeof(*r->len));
	r->field = xreallocarray(NULL, CSV_MAX_FIELDS, sizeof(*r->field));
	return r;
}

void
csv_close(struct csv_reader *r)
{
	if (r == NULL)
		return;
	free(r->buf);
	free(r->off);
	free(r->len);
	free(r->field);
	free(r);
}

/*
 * Move the record in progress to the front, grow the buffer if that record
 * fills it, and read once more.  Returns 0 (eof set at end of input) or -1
 * with rderr set.
 */
static int
fill(struct csv_reader *r)
{
	ssize_t	 nr;
	size_t	 ncap;

	if (r->rs > 0) {
		memmove(r->buf, r->buf + r->rs, r->end - r->rs);
		r->end -= r->rs;
		r->rs = 0;
	}
	if (r->end == r->cap) {
		ncap = r->cap * 2;
		if (ncap > CSV_MAX_RECORD)
			ncap = CSV_MAX_RECORD;
		r->buf = xreallocarray(r->buf, ncap + 1, 1);
		r->cap = ncap;
	}
	do
		nr = read(r->fd, r->buf + r->end, r->cap - r->end);
	while (nr == -1 && errno == EINTR);
	if (nr == -1) {
		r->rderr = errno != 0 ? errno : EIO;
		return -1;
	}
	if (nr == 0)
		r->eof = 1;
	r->end += (size_t)nr;
	r->buf[r->end] = '\0';
	return 0;
}

static void
reset_record(struct csv_reader *r)
{
	r->nf = 0;
	r->nl = 0;
	r->fs = 0;
	r->quoted = -1;
}

static int
read_error(struct csv_reader *r, struct csv_record *rec, char *err,
    size_t errsz)
{
	rec->n = 0;
	rec->line = r->line;
	snprintf(err, errsz, "%s", strerror(r->rderr));
	return -2;
}

/*
 * Report the record in progress as bad and arrange to discard from at
 * (an offset from rs) in the given way.  Newlines before at must already
 * be in r->nl.
 */
static int	bad(struct csv_reader *, struct csv_record *, enum resync, int,
		    size_t, char *, size_t, const char *, ...)
		    __attribute__((format(printf, 8, 9)));

static int
bad(struct csv_reader *r, struct csv_record *rec, enum resync how, int inq,
    size_t at, char *err, size_t errsz, const char *fmt, ...)
{
	va_list	 ap;

	rec->n = 0;
	rec->line = r->line;
	va_start(ap, fmt);
	vsnprintf(err, errsz, fmt, ap);
	va_end(ap);
	r->line += r->nl;
	r->rs += at;
	reset_record(r);
	r->resync = how;
	r->resync_inq = inq;
	return -1;
}

/*
 * Is the LF at p the second half of a CRLF, already counted as a line end
 * with its CR?  Only after a lone CR has made CR a line end; a CR moved
 * out of the buffer by a refill is not seen, and the line counts twice.
 */
static int
after_cr(const struct csv_reader *r, const char *p)
{
	return r->eol == EOL_CR && p > r->buf && p[-1] == '\r';
}

/*
 * The lone CRs in the first n bytes of the first record, when its end
 * shows that CR ends lines: they were all inside quotes, and were passed
 * as data before it was known that each is a line.
 */
static long
lone_crs(const char *b, size_t n)
{
	const char	*p, *e;
	long		 k;

	k = 0;
	for (p = b, e = b + n; (p = memchr(p, '\r', e - p)) != NULL; p++)
		k += p[1] != '\n';
	return k;
}

/* Discard what is left of a bad record.  Returns 0, or -1 on read error. */
static int
resync(struct csv_reader *r)
{
	const char	*p, *e;
	int		 inq;

	inq = r->resync_inq;
	for (;;) {
		p = r->buf + r->rs;
		e = r->buf + r->end;
		if (r->resync == RESYNC_LINE && r->eol != EOL_CR) {
			if ((p = memchr(p, '\n', e - p)) != NULL) {
				r->rs = p + 1 - r->buf;
				r->line++;
				break;
			}
		} else {
			for (; p < e; p++) {
				if (*p == '"' && r->resync == RESYNC_RECORD)
					inq = !inq;
				else if (*p == '\n' || (*p == '\r' &&
				    r->eol == EOL_CR)) {
					if (*p == '\r' || !after_cr(r, p))
						r->line++;
					if (!inq)
						break;
				}
			}
			if (p < e) {
				/* A CRLF is one line end. */
				if (*p == '\r' && p + 1 < e && p[1] == '\n')
					p++;
				r->rs = p + 1 - r->buf;
				break;
			}
		}
		r->rs = r->end;
		if (r->eof)
			break;
		if (fill(r) == -1) {
			r->resync_inq = inq;
			return -1;
		}
	}
	r->resync = RESYNC_NONE;
	return 0;
}

/* Hand out the finished record; the next one starts at next. */
static int
deliver(struct csv_reader *r, struct csv_record *rec, size_t next,
    int newline)
{
	rec->n = r->nf;
	rec->field = r->field;
	rec->len = r->len;
	rec->line = r->line;
	r->line += r->nl + newline;
	if (newline && r->eol == EOL_UNKNOWN)
		r->eol = EOL_LF;
	r->rs += next;
	reset_record(r);
	return 1;
}

/* Unquote [s, e) in place, where every quote is one of a doubled pair. */
static size_t
undouble(char *s, const char *e)
{
	char	*start, *w;

	start = s;
	if ((w = memchr(s, '"', e - s)) == NULL)
		return e - s;
	for (s = w; s < e; s++) {
		if (*s == '"')
			s++;
		*w++ = *s;
	}
	return w - start;
}

/*
 * The record in progress lives in locals while it is scanned (the stores
 * into the buffer would otherwise force every one of them back to memory)
 * and goes back into the reader before anything that looks there.
 */
#define SAVE() do {							\
	r->nf = nf;							\
	r->nl = nl;							\
	r->fs = fs;							\
	r->quoted = quoted;						\
	r->scan = q;							\
	r->ndq = ndq;							\
	r->qnl = qnl;							\
} while (0)

#define END_FIELD(start, flen) do {					\
	field[nf] = b + (start);					\
	lens[nf] = (flen);						\
	b[(start) + (flen)] = '\0';					\
	nf++;								\
	quoted = -1;							\
} while (0)

int
csv_next(struct csv_reader *r, struct csv_record *rec, char *err,
    size_t errsz)
{
	char		*b, **field;
	size_t		*lens;
	size_t		 n, q, fs, nf, ndq, len, i;
	long		 nl, qnl;
	int		 quoted, eof;
	unsigned char	 c;

	rec->n = 0;
	rec->field = r->field;
	rec->len = r->len;
	rec->line = r->line;
	if (r->rderr)
		return read_error(r, rec, err, errsz);
	if (!r->started) {
		while (r->end < 3 && !r->eof)
			if (fill(r) == -1)
				return read_error(r, rec, err, errsz);
		if (r->end >= 3 && memcmp(r->buf, "\xef\xbb\xbf", 3) == 0)
			r->rs = 3;
		r->started = 1;
	}
	if (r->resync != RESYNC_NONE && resync(r) == -1)
		return read_error(r, rec, err, errsz);
	field = r->field;
	lens = r->len;

restart:
	b = r->buf + r->rs;
	n = r->end - r->rs;
	eof = r->eof;
	nf = r->nf;
	nl = r->nl;
	fs = r->fs;
	quoted = r->quoted;
	q = r->scan;
	ndq = r->ndq;
	qnl = r->qnl;
	for (i = 0; i < nf; i++)
		field[i] = b + r->off[i];

	for (;;) {
		if (quoted == -1) {
			q = fs;
			if (q == n) {
				if (!eof)
					goto more;
				if (nf == 0)
					return 0;
				/* After a final comma: one more, empty field. */
				END_FIELD(fs, 0);
				SAVE();
				return deliver(r, rec, n, 0);
			}
			if (nf == 0 && (b[0] == '\n' || b[0] == '\r')) {
				/* A blank line is no record. */
				if (b[0] == '\n') {
					if (!after_cr(r, b))
						r->line++;
					if (r->eol == EOL_UNKNOWN)
						r->eol = EOL_LF;
					r->rs++;
					goto restart;
				}
				if (n == 1 && !eof)
					goto more;
				if (n > 1 && b[1] != '\n' &&
				    r->eol == EOL_UNKNOWN)
					r->eol = EOL_CR;
				if (n == 1 || b[1] == '\n' ||
				    r->eol == EOL_CR) {
					r->rs += n > 1 && b[1] == '\n' ? 2 : 1;
					r->line++;
					goto restart;
				}
			}
			quoted = b[q] == '"';
			q += quoted;
			ndq = 0;
			qnl = 0;
		}

		if (!quoted) {
			for (;;) {
				q = find_special(b, q);
				if (b[q] != '\r')
					break;
				if (q + 1 == n && !eof)
					goto more;
				if (q + 1 == n || b[q + 1] == '\n')
					break;
				if (r->eol == EOL_UNKNOWN) {
					r->eol = EOL_CR;
					nl += lone_crs(b, q);
				}
				if (r->eol == EOL_CR)
					break;
				q++;	/* a CR on its own is data */
			}
			c = b[q];
			len = q - fs;
			if (c == ',' && len <= CSV_MAX_FIELD) {
				END_FIELD(fs, len);
				fs = q + 1;
				if (nf < CSV_MAX_FIELDS)
					continue;
				SAVE();
				return bad(r, rec, RESYNC_RECORD, 0, q + 1, err,
				    errsz, "more than %d fields",
				    CSV_MAX_FIELDS);
			}
			if (c == '"') {
				SAVE();
				return bad(r, rec, RESYNC_LINE, 0, q, err, errsz,
				    "stray quote in unquoted field %zu", nf + 1);
			}
			if (c == '\0' && q < n) {
				SAVE();
				return bad(r, rec, RESYNC_RECORD, 0, q, err,
				    errsz, "NUL byte in field %zu", nf + 1);
			}
			if (c == '\0' && !eof)
				goto more;
			if (len > CSV_MAX_FIELD) {
				SAVE();
				return bad(r, rec, RESYNC_RECORD, 0, q, err,
				    errsz, "field %zu longer than %d bytes",
				    nf + 1, CSV_MAX_FIELD);
			}
			END_FIELD(fs, len);
			SAVE();
			if (c == '\n')
				return deliver(r, rec, q + 1, 1);
			if (c == '\r')
				return deliver(r, rec,
				    q + 1 < n && b[q + 1] == '\n' ? q + 2 : q + 1, 1);
			return deliver(r, rec, q, 0);	/* end of input */
		}

		/* Quoted: the content starts at fs + 1. */
		for (;;) {
			q = find_special(b, q);
			if (b[q] == ',') {
				q++;
				continue;
			}
			if (b[q] == '\r') {
				qnl += r->eol == EOL_CR;
				q++;
				continue;
			}
			if (b[q] == '\n') {
				qnl += !after_cr(r, b + q);
				q++;
				continue;
			}
			if (b[q] == '\0')
				break;
			if (q + 1 == n && !eof)
				break;
			if (b[q + 1] != '"')
				break;
			ndq++;
			q += 2;
		}
		if (b[q] == '\0' && q < n) {
			nl += qnl;
			SAVE();
			return bad(r, rec, RESYNC_RECORD, 1, q, err, errsz,
			    "NUL byte in field %zu", nf + 1);
		}
		if (q == n || q + 1 == n) {
			if (q == n && eof) {
				/* Unterminated: there is nothing left. */
				nl += qnl;
				SAVE();
				return bad(r, rec, RESYNC_NONE, 0, n, err, errsz,
				    "unterminated quoted field");
			}
			if (!eof)
				goto more;
		}
		/* b[q] is the closing quote. */
		c = b[q + 1];
		if (c == '\r' && q + 2 == n && !eof)
			goto more;
		if (c == '\r' && q + 2 < n && b[q + 2] != '\n' &&
		    r->eol == EOL_UNKNOWN) {
			r->eol = EOL_CR;
			nl += lone_crs(b, q + 1);
		}
		if (c != ',' && c != '\n' && !(c == '\0' && q + 1 == n) &&
		    !(c == '\r' && (q + 2 == n || b[q + 2] == '\n' ||
		    r->eol == EOL_CR))) {
			nl += qnl;
			SAVE();
			return bad(r, rec, RESYNC_LINE, 0, q + 1, err, errsz,
			    "junk after closing quote in field %zu", nf + 1);
		}
		len = q - fs - 1;
		if (ndq > 0)
			len = undouble(b + fs + 1, b + q);
		nl += qnl;
		qnl = 0;
		if (len > CSV_MAX_FIELD) {
			SAVE();
			return bad(r, rec, RESYNC_RECORD, 0, q + 1, err, errsz,
			    "field %zu longer than %d bytes", nf + 1,
			    CSV_MAX_FIELD);
		}
		END_FIELD(fs + 1, len);
		if (c == ',') {
			fs = q + 2;
			if (nf < CSV_MAX_FIELDS)
				continue;
			SAVE();
			return bad(r, rec, RESYNC_RECORD, 0, q + 2, err, errsz,
			    "more than %d fields", CSV_MAX_FIELDS);
		}
		SAVE();
		if (c == '\n')
			return deliver(r, rec, q + 2, 1);
		if (c == '\r')
			return deliver(r, rec,
			    q + 2 < n && b[q + 2] == '\n' ? q + 3 : q + 2, 1);
		return deliver(r, rec, q + 1, 0);	/* end of input */
	}

more:
	/*
	 * q: where the scan stopped, to carry on from after the refill.  If
	 * the record is dropped instead, it is dropped from q, so the lines
	 * inside a quoted field so far count as passed.
	 */
	if ((quoted == 0 && q - fs > CSV_MAX_FIELD) ||
	    (quoted == 1 && q - fs - 1 - ndq > CSV_MAX_FIELD)) {
		nl += quoted == 1 ? qnl : 0;
		SAVE();
		return bad(r, rec, RESYNC_RECORD, quoted == 1, q, err, errsz,
		    "field %zu longer than %d bytes", nf + 1, CSV_MAX_FIELD);
	}
	if (n >= CSV_MAX_RECORD) {
		nl += quoted == 1 ? qnl : 0;
		SAVE();
		return bad(r, rec, RESYNC_RECORD, quoted == 1, q, err, errsz,
		    "record longer than %d bytes", CSV_MAX_RECORD);
	}
	/* The buffer may move: finished fields are kept as offsets. */
	for (i = 0; i < nf; i++)
		r->off[i] = field[i] - b;
	SAVE();
	if (fill(r) == -1)
		return read_error(r, rec, err, errsz);
	goto restart;
}

/*
 * Would a spreadsheet run s as a formula?  It skips leading blanks (space,
 * tab, CR, LF, and the no-break and ideographic spaces) and takes the
 * full-width forms of = + - @ for the characters themselves; a leading tab,
 * CR or LF is suspect in itself.
 */
static int
formula_like(const char *s)
{
	const unsigned char	*u = (const unsigned char *)s;

	if (*u == '\t' || *u == '\r' || *u == '\n')
		return 1;
	for (;;) {
		if (*u == ' ' || *u == '\t' || *u == '\r' || *u == '\n')
			u++;
		else if (u[0] == 0xc2 && u[1] == 0xa0)		/* U+00A0 */
			u += 2;
		else if (u[0] == 0xe3 && u[1] == 0x80 && u[2] == 0x80)
			u += 3;					/* U+3000 */
		else
			break;
	}
	if (*u == '=' || *u == '+' || *u == '-' || *u == '@')
		return 1;
	/* U+FF1D =, U+FF0B +, U+FF0D -, U+FF20 @ */
	return u[0] == 0xef && u[1] == 0xbc && (u[2] == 0x9d ||
	    u[2] == 0x8b || u[2] == 0x8d || u[2] == 0xa0);
}

size_t
csv_format_field(char *dst, const char *s, int neutralise)
{
	const char	*p;
	char		*w = dst;
	size_t		 plain;
	int		 quote, tick;

	plain = strcspn(s, ",\"\r\n");
	quote = s[plain] != '\0';
	tick = neutralise && formula_like(s);
	if (!quote && !tick) {
		memcpy(w, s, plain);
		return plain;
	}
	if (quote)
		*w++ = '"';
	if (tick)
		*w++ = '\'';
	for (p = s; *p != '\0'; p++) {
		if (*p == '"')
			*w++ = '"';
		*w++ = *p;
	}
	if (quote)
		*w++ = '"';
	return (size_t)(w - dst);
}

void
csv_write_field(FILE *out, const char *s, int neutralise)
{
	char	 buf[256], *p;
	size_t	 len;

	len = strlen(s);
	p = CSV_FIELD_MAX(len) <= sizeof(buf) ? buf :
	    xmalloc(CSV_FIELD_MAX(len));
	fwrite(p, 1, csv_format_field(p, s, neutralise), out);
	if (p != buf)
		free(p);
}
