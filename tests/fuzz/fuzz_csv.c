/*
 * fuzz_csv.c: the caseload reader, and csv_next beneath it.
 *
 * The first two bytes are options, the rest the file:
 *   byte 0   how many bytes each read() may return (0: as many as asked),
 *            so a record can be cut at any byte between two reads
 *   byte 1   bit 0: --dates uk; bit 1: blow the file up, so the 64 KiB
 *            field limit is reached from a small input (up to BIG_MAX
 *            bytes, or 1 KiB for each byte a read may return, whichever
 *            is less: the limit is passed with reads of 65 bytes or
 *            more): the file is A B B B ... where A and B are the parts
 *            before and after the first 0xff byte and the count of B's
 *            comes from bits 2-7
 * The file is read twice from a memory file: record by record with
 * csv_next, checking every record against the limits; then row by row
 * through caseload_open/caseload_next, checking every row's facts and the
 * repeated case_ids against a plain search.  The link wraps read() (-Wl,--wrap=read) so the library's reads go through
 * __wrap_read below, which serves them from memory.
 */
#include <sys/types.h>

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "caseload.h"
#include "csv.h"
#include "date.h"
#include "diag.h"
#include "xmalloc.h"

#include "fuzz.h"

/*
 * Past the 64 KiB field limit, and many times the 4 KiB read block of the
 * fuzzing build, so records outgrow the buffer; but no more, since an
 * input of megabytes costs a hundred small ones.  A record past the real
 * 64 KiB block is tested by tests/hostile/caseload-2mb-field.
 */
#define BIG_MAX	(80 * 1024)

static size_t	 chunk;		/* 0: no limit */

ssize_t	__real_read(int, void *, size_t);
ssize_t	__wrap_read(int, void *, size_t);
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/*
 * The file's reads are served from memory, which is much faster than the
 * kernel when a read may return a single byte; any other descriptor is
 * read as usual.
 */
static int		 file_fd = -1;
static const uint8_t	*file_data;
static size_t		 file_size, file_pos;

ssize_t
__wrap_read(int fd, void *buf, size_t n)
{
	if (chunk > 0 && n > chunk)
		n = chunk;
	if (fd != file_fd)
		return __real_read(fd, buf, n);
	if (n > file_size - file_pos)
		n = file_size - file_pos;
	memcpy(buf, file_data + file_pos, n);
	file_pos += n;
	return (ssize_t)n;
}

/* No C0 control or DEL in s (NULL is fine). */
static int
one_line(const char *s)
{
	if (s == NULL)
		return 1;
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 0;
	return 1;
}

static void
check_date(int d, const char *what, long line)
{
	FUZZ_CHECK(d == DATE_NONE || (d >= DATE_MIN && d <= DATE_MAX),
	    "line %ld: %s = %d", line, what, d);
}

/* Every record, checked against the limits. */
static void
read_records(int fd)
{
	struct csv_reader	*r;
	struct csv_record	 rec;
	char			 err[256];
	size_t			 i;
	long			 last;
	int			 rv, guard;

	r = csv_open(fd, "fuzz.csv");
	last = 0;
	for (guard = 0; ; guard++) {
		FUZZ_CHECK(guard < 4 * 1024 * 1024, "no end of input");
		err[0] = '\0';
		rv = csv_next(r, &rec, err, sizeof(err));
		FUZZ_CHECK(rv >= -2 && rv <= 1, "csv_next returned %d", rv);
		if (rv == 0 || rv == -2)
			break;
		FUZZ_CHECK(rec.line >= 1 && rec.line > last,
		    "record at line %ld after %ld", rec.line, last);
		last = rec.line;
		if (rv == -1) {
			FUZZ_CHECK(err[0] != '\0', "bad record, no reason");
			continue;
		}
		FUZZ_CHECK(rec.n >= 1 && rec.n <= CSV_MAX_FIELDS,
		    "%zu fields", rec.n);
		for (i = 0; i < rec.n; i++) {
			FUZZ_CHECK(rec.len[i] <= CSV_MAX_FIELD &&
			    rec.field[i][rec.len[i]] == '\0' &&
			    memchr(rec.field[i], '\0', rec.len[i]) == NULL,
			    "field %zu of %zu bytes", i, rec.len[i]);
		}
	}
	csv_close(r);
}

/*
 * The usable rows' case_ids and lines, for the repeats to be checked
 * against the plain reading: a repeat is a row whose case_id an earlier
 * usable row had, and names the nearest such row.
 */
struct id_line {
	char	*id;
	long	 line;
};

static void
check_repeats(const struct caseload *cl, const struct id_line *v, size_t n)
{
	const struct case_repeat	*rep;
	size_t				 nrep, i, j, k;

	nrep = caseload_repeats(cl, &rep);
	for (k = 0, i = 1; i < n; i++) {
		for (j = i; j-- > 0;)
			if (strcmp(v[j].id, v[i].id) == 0)
				break;
		if (j == (size_t)-1)
			continue;
		FUZZ_CHECK(k < nrep && rep[k].line == v[i].line &&
		    rep[k].first == v[j].line, "line %ld repeats line %ld:"
		    " not reported so", v[i].line, v[j].line);
		k++;
	}
	FUZZ_CHECK(k == nrep, "%zu repeats reported, %zu found", nrep, k);
}

/*
 * What one call said: nothing if want is DIAG_OK, else one message of
 * that level, on one line, naming the file (and a line, with line).
 */
static void
said(struct diags *ds, enum diag_level want, int line)
{
	const struct diag	*d;

	if (want == DIAG_OK) {
		FUZZ_CHECK(ds->n == 0 && ds->worst == DIAG_OK,
		    "%zu messages, none wanted", ds->n);
		return;
	}
	FUZZ_CHECK(ds->n == 1 && ds->worst == want, "%zu messages, level %d,"
	    " want one of level %d", ds->n, ds->worst, want);
	d = &ds->v[0];
	FUZZ_CHECK(d->file != NULL && strcmp(d->file, "fuzz.csv") == 0 &&
	    (!line || d->line > 0) && strchr(d->msg, '\n') == NULL &&
	    strchr(d->msg, '\r') == NULL, "bad message '%s:%ld: %s'",
	    d->file ? d->file : "(null)", d->line, d->msg);
	diag_clear(ds);
}

static void
read_rows(int fd, enum date_style style)
{
	struct caseload_opts o;
	struct caseload	*cl;
	struct case_row	 row;
	struct id_line	*ids;
	struct diags	 ds;
	size_t		 nids, i;
	long		 last;
	int		 rv, guard;

	memset(&ds, 0, sizeof(ds));
	memset(&o, 0, sizeof(o));
	o.dates = style;
	o.as_of = date_from_ymd(2026, 11, 22);
	cl = caseload_open(fd, "fuzz.csv", &o, &ds);
	if (cl == NULL) {
		said(&ds, DIAG_FATAL, 0);
		return;
	}
	said(&ds, DIAG_OK, 0);
	last = 0;
	ids = NULL;
	nids = 0;
	for (guard = 0; ; guard++) {
		FUZZ_CHECK(guard < 4 * 1024 * 1024, "no end of input");
		rv = caseload_next(cl, &row, &ds);
		FUZZ_CHECK(rv >= -2 && rv <= 1, "caseload_next returned %d",
		    rv);
		said(&ds, rv == -2 ? DIAG_FATAL : rv == -1 ? DIAG_ERROR :
		    DIAG_OK, rv == -1);
		if (rv == 0)
			check_repeats(cl, ids, nids);
		if (rv == 0 || rv == -2)
			break;
		if (rv == -1)
			continue;
		FUZZ_CHECK(row.line > last, "row at line %ld after %ld",
		    row.line, last);
		last = row.line;
		FUZZ_CHECK(row.case_id != NULL && row.case_id[0] != '\0' &&
		    row.profile != NULL && row.profile[0] != '\0',
		    "line %ld: case_id or profile empty", row.line);
		ids = xreallocarray(ids, nids + 1, sizeof(*ids));
		ids[nids].id = xstrdup(row.case_id);
		ids[nids++].line = row.line;
		FUZZ_CHECK((row.area == NULL || row.area[0] != '\0') &&
		    (row.worker == NULL || row.worker[0] != '\0') &&
		    (row.plan_type == NULL || row.plan_type[0] != '\0'),
		    "line %ld: an empty string cell", row.line);
		/* Every string is one line of text: a name's breaks are spaces. */
		FUZZ_CHECK(one_line(row.case_id) && one_line(row.profile) &&
		    one_line(row.area) && one_line(row.plan_type) &&
		    one_line(row.worker), "line %ld: a string cell with a"
		    " control character", row.line);
		FUZZ_CHECK(row.worker == NULL || (row.worker[0] != ' ' &&
		    row.worker[strlen(row.worker) - 1] != ' '),
		    "line %ld: worker '%s' not trimmed", row.line, row.worker);
		check_date(row.referral, "referral", row.line);
		check_date(row.assessment, "assessment", row.line);
		check_date(row.plan_decision, "plan_decision", row.line);
		check_date(row.rcpc, "rcpc", row.line);
		check_date(row.residence, "residence", row.line);
		check_date(row.first_meeting, "first_meeting", row.line);
		check_date(row.last_review, "last_review", row.line);
		check_date(row.last_visit, "last_visit", row.line);
		FUZZ_CHECK(row.reviews_held >= -1 && row.reviews_held <= 10000,
		    "line %ld: reviews_held %ld", row.line, row.reviews_held);
		FUZZ_CHECK(row.closed == 0 || row.closed == 1,
		    "line %ld: closed %d", row.line, row.closed);
		FUZZ_CHECK(row.manager_agreed == 0 || row.manager_agreed == 1,
		    "line %ld: manager_agreed %d", row.line,
		    row.manager_agreed);
	}
	caseload_close(cl);
	for (i = 0; i < nids; i++)
		free(ids[i].id);
	free(ids);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t	*body, *mark;
	uint8_t		*big;
	size_t		 n, an, bn, reps, i, lim;
	int		 fd, style;

	if (size < 2)
		return 0;
	chunk = data[0];
	style = data[1] & 1 ? DATES_UK : DATES_ISO;
	body = data + 2;
	n = size - 2;
	big = NULL;
	if ((data[1] & 2) && (mark = memchr(body, 0xff, n)) != NULL) {
		an = (size_t)(mark - body);
		bn = n - an - 1;
		reps = (size_t)1 << (data[1] >> 2 & 0x1f);
		/*
		 * Tens of kilobytes read a byte at a time would only be
		 * slow: the field limit is passed with reads of 65 bytes
		 * or more.
		 */
		lim = chunk == 0 || chunk * 1024 > BIG_MAX ? BIG_MAX :
		    chunk * 1024;
		if (bn > 0 && reps > lim / bn)
			reps = lim / bn;
		if (bn == 0)
			reps = 0;
		big = xmalloc(an + bn * reps + 1);
		memcpy(big, body, an);
		for (i = 0; i < reps; i++)
			memcpy(big + an + i * bn, mark + 1, bn);
		body = big;
		n = an + bn * reps;
	}

	fd = fuzz_memfd(body, n);
	file_fd = fd;
	file_data = body;
	file_size = n;
	file_pos = 0;
	read_records(fd);
	file_pos = 0;
	read_rows(fd, style);
	file_fd = -1;
	close(fd);
	chunk = 0;
	free(big);
	return 0;
}
