/*
 * test_csv.c: the RFC 4180 reader and the field writer.
 *
 * Each table case is read twice: from a temporary file, and from a pipe
 * fed a byte at a time, so that records are also seen cut at every point.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "csv.h"
#include "unit.h"

/* A pipe whose writer (a child, reaped by pipe_done) sends s in chunks. */
static int
pipefd(const char *s, size_t len, size_t chunk, pid_t *pid)
{
	size_t	 off, n;
	int	 p[2];

	assert_int_equal(pipe(p), 0);
	*pid = fork();
	assert_true(*pid >= 0);
	if (*pid == 0) {
		close(p[0]);
		for (off = 0; off < len; off += n) {
			n = len - off < chunk ? len - off : chunk;
			if (write(p[1], s + off, n) != (ssize_t)n)
				_exit(1);
			if (chunk < 4)
				usleep(20);
		}
		_exit(0);
	}
	close(p[1]);
	return p[0];
}

static void
pipe_done(int fd, pid_t pid)
{
	int	 status;

	close(fd);
	assert_int_equal(waitpid(pid, &status, 0), pid);
}

#define MAXREC	8

struct expect {
	int		 rv;		/* 1, -1; 0 ends the list */
	long		 line;
	size_t		 n;		/* fields, for rv 1 */
	const char	*f[6];		/* fields, or for rv -1 the reason */
};

struct csv_case {
	const char	*name;
	const char	*in;
	size_t		 len;		/* 0: strlen(in) */
	struct expect	 out[MAXREC];
};

static const struct csv_case cases[] = {
	{ "plain", "a,b,c\n1,2,3\n", 0, {
		{ 1, 1, 3, { "a", "b", "c" } },
		{ 1, 2, 3, { "1", "2", "3" } } } },
	{ "quoted comma", "\"a,b\",c\n", 0, {
		{ 1, 1, 2, { "a,b", "c" } } } },
	{ "quoted newline", "\"a\nb\",c\nx,y\n", 0, {
		{ 1, 1, 2, { "a\nb", "c" } },
		{ 1, 3, 2, { "x", "y" } } } },
	{ "quoted CRLF kept", "\"a\r\nb\",c\r\nx\r\n", 0, {
		{ 1, 1, 2, { "a\r\nb", "c" } },
		{ 1, 3, 1, { "x" } } } },
	{ "doubled quotes", "\"he said \"\"hi\"\"\",\"\",\"\"\"\"\n", 0, {
		{ 1, 1, 3, { "he said \"hi\"", "", "\"" } } } },
	{ "doubled quote first", "\"\"\"a\"\"\",b\n", 0, {
		{ 1, 1, 2, { "\"a\"", "b" } } } },
	{ "CRLF", "a,b\r\nc,d\r\n", 0, {
		{ 1, 1, 2, { "a", "b" } },
		{ 1, 2, 2, { "c", "d" } } } },
	{ "quoted then CRLF", "\"a\",\"b\"\r\n\"c\"\r\n", 0, {
		{ 1, 1, 2, { "a", "b" } },
		{ 1, 2, 1, { "c" } } } },
	{ "BOM", "\xef\xbb\xbf" "case_id,x\n1,2\n", 0, {
		{ 1, 1, 2, { "case_id", "x" } },
		{ 1, 2, 2, { "1", "2" } } } },
	{ "BOM then quote", "\xef\xbb\xbf\"a\"\n", 0, {
		{ 1, 1, 1, { "a" } } } },
	{ "BOM later is data", "a\n\xef\xbb\xbf" "b\n", 0, {
		{ 1, 1, 1, { "a" } },
		{ 1, 2, 1, { "\xef\xbb\xbf" "b" } } } },
	{ "BOM only", "\xef\xbb\xbf", 0, { { 0 } } },
	{ "empty", "", 0, { { 0 } } },
	{ "no final newline", "a,b\nc,d", 0, {
		{ 1, 1, 2, { "a", "b" } },
		{ 1, 2, 2, { "c", "d" } } } },
	{ "quoted at end", "x\n\"a\"", 0, {
		{ 1, 1, 1, { "x" } },
		{ 1, 2, 1, { "a" } } } },
	{ "CR at end", "a\r", 0, {
		{ 1, 1, 1, { "a" } } } },
	{ "blank lines", "\n\na\n\r\n\nb\n\n", 0, {
		{ 1, 3, 1, { "a" } },
		{ 1, 6, 1, { "b" } } } },
	{ "empty fields", ",\na,\n,b\na,", 0, {
		{ 1, 1, 2, { "", "" } },
		{ 1, 2, 2, { "a", "" } },
		{ 1, 3, 2, { "", "b" } },
		{ 1, 4, 2, { "a", "" } } } },
	{ "empty quoted field", "\"\"\n", 0, {
		{ 1, 1, 1, { "" } } } },
	{ "bare CR is data after LF", "x\na\rb,c\n", 0, {
		{ 1, 1, 1, { "x" } },
		{ 1, 2, 2, { "a\rb", "c" } } } },
	{ "bare CR is data after CRLF", "x\r\na\rb,c\r\n", 0, {
		{ 1, 1, 1, { "x" } },
		{ 1, 2, 2, { "a\rb", "c" } } } },
	/* Excel for Mac: lone CR line ends, decided by the first. */
	{ "lone CR lines", "a,b\rc,d\r", 0, {
		{ 1, 1, 2, { "a", "b" } },
		{ 1, 2, 2, { "c", "d" } } } },
	{ "lone CR, no final CR", "a,b\rc,d", 0, {
		{ 1, 1, 2, { "a", "b" } },
		{ 1, 2, 2, { "c", "d" } } } },
	{ "lone CR, quoted line break", "\"a\rb\",c\rx\r", 0, {
		{ 1, 1, 2, { "a\rb", "c" } },
		{ 1, 3, 1, { "x" } } } },
	{ "lone CR, quoted LF and CRLF", "a\r\"x\r\ny\nz\",w\rv", 0, {
		{ 1, 1, 1, { "a" } },
		{ 1, 2, 2, { "x\r\ny\nz", "w" } } ,
		{ 1, 5, 1, { "v" } } } },
	{ "lone CR, then LF and CRLF end lines too", "a\rb\nc\r\nd\r", 0, {
		{ 1, 1, 1, { "a" } },
		{ 1, 2, 1, { "b" } },
		{ 1, 3, 1, { "c" } },
		{ 1, 4, 1, { "d" } } } },
	{ "lone CR blank lines", "\r\ra\r\r\rb\r\r", 0, {
		{ 1, 3, 1, { "a" } },
		{ 1, 6, 1, { "b" } } } },
	{ "lone CR after quotes", "\"a\"\r\"b\",\"c\"\r", 0, {
		{ 1, 1, 1, { "a" } },
		{ 1, 2, 2, { "b", "c" } } } },
	{ "lone CR, stray quote resyncs at CR", "a\rb\"c\rd\r", 0, {
		{ 1, 1, 1, { "a" } },
		{ -1, 2, 0, { "stray quote in unquoted field 1" } },
		{ 1, 3, 1, { "d" } } } },
	{ "lone CR, junk after quote resyncs at CR", "a\r\"b\"x,c\rd\r", 0, {
		{ 1, 1, 1, { "a" } },
		{ -1, 2, 0, { "junk after closing quote in field 1" } },
		{ 1, 3, 1, { "d" } } } },
	{ "lone CR, NUL resyncs at the record's CR", "a\rb\0\"c\rd\",e\rf\r", 14, {
		{ 1, 1, 1, { "a" } },
		{ -1, 2, 0, { "NUL byte in field 1" } },
		{ 1, 4, 1, { "f" } } } },
	{ "spaces kept", " a , b \n", 0, {
		{ 1, 1, 2, { " a ", " b " } } } },
	{ "stray quote", "a,b\"c,d\nx,y\n", 0, {
		{ -1, 1, 0, { "stray quote in unquoted field 2" } },
		{ 1, 2, 2, { "x", "y" } } } },
	{ "space before quote", "a, \"b\"\nx\n", 0, {
		{ -1, 1, 0, { "stray quote in unquoted field 2" } },
		{ 1, 2, 1, { "x" } } } },
	{ "stray quote resyncs at line end", "a\"b,\"c\nx\n", 0, {
		{ -1, 1, 0, { "stray quote in unquoted field 1" } },
		{ 1, 2, 1, { "x" } } } },
	{ "junk after quote", "\"a\"b,c\nx\n", 0, {
		{ -1, 1, 0, { "junk after closing quote in field 1" } },
		{ 1, 2, 1, { "x" } } } },
	{ "CR junk after quote", "z\ny,\"a\"\rb\nx\n", 0, {
		{ 1, 1, 1, { "z" } },
		{ -1, 2, 0, { "junk after closing quote in field 2" } },
		{ 1, 3, 1, { "x" } } } },
	{ "junk after multi-line quote", "\"a\nb\"x\nc\n", 0, {
		{ -1, 1, 0, { "junk after closing quote in field 1" } },
		{ 1, 3, 1, { "c" } } } },
	{ "unterminated", "a\n\"b,c\nd\ne\n", 0, {
		{ 1, 1, 1, { "a" } },
		{ -1, 2, 0, { "unterminated quoted field" } } } },
	{ "unterminated after fields", "a,b\nc,\"d", 0, {
		{ 1, 1, 2, { "a", "b" } },
		{ -1, 2, 0, { "unterminated quoted field" } } } },
	{ "NUL unquoted", "a,b\0c\nx\n", 8, {
		{ -1, 1, 0, { "NUL byte in field 2" } },
		{ 1, 2, 1, { "x" } } } },
	{ "NUL quoted", "\"a\0\nb\",c\nx\n", 11, {
		{ -1, 1, 0, { "NUL byte in field 1" } },
		{ 1, 3, 1, { "x" } } } },
	{ "NUL at end", "a\n\0", 3, {
		{ 1, 1, 1, { "a" } },
		{ -1, 2, 0, { "NUL byte in field 1" } } } },
	{ "bad then good then bad", "\"a\"x\nb\nc\"\nd", 0, {
		{ -1, 1, 0, { "junk after closing quote in field 1" } },
		{ 1, 2, 1, { "b" } },
		{ -1, 3, 0, { "stray quote in unquoted field 1" } },
		{ 1, 4, 1, { "d" } } } },
};

static void
expect_records(struct csv_reader *r, const struct csv_case *tc)
{
	const struct expect	*e;
	struct csv_record	 rec;
	char			 err[256];
	size_t			 i;
	int			 rv;

	for (e = tc->out; ; e++) {
		err[0] = '\0';
		rv = csv_next(r, &rec, err, sizeof(err));
		if (rv != e->rv)
			fail_msg("%s: record %td: got %d (%s), want %d",
			    tc->name, e - tc->out + 1, rv, err, e->rv);
		if (rv == 0)
			break;
		if (rec.line != e->line)
			fail_msg("%s: record %td: line %ld, want %ld",
			    tc->name, e - tc->out + 1, rec.line, e->line);
		if (rv == -1) {
			assert_string_equal(err, e->f[0]);
			continue;
		}
		if (rec.n != e->n)
			fail_msg("%s: record %td: %zu fields, want %zu",
			    tc->name, e - tc->out + 1, rec.n, e->n);
		for (i = 0; i < rec.n; i++) {
			assert_int_equal(rec.len[i], strlen(e->f[i]));
			assert_memory_equal(rec.field[i], e->f[i],
			    rec.len[i] + 1);
		}
	}
	/* The end stays the end. */
	assert_int_equal(csv_next(r, &rec, err, sizeof(err)), 0);
}

static void
test_table_file(void **state)
{
	struct csv_reader	*r;
	size_t			 i, len;
	int			 fd;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		len = cases[i].len ? cases[i].len : strlen(cases[i].in);
		fd = unit_fd(cases[i].in, len);
		r = csv_open(fd, cases[i].name);
		expect_records(r, &cases[i]);
		csv_close(r);
		close(fd);
	}
}

static void
test_table_pipe(void **state)
{
	struct csv_reader	*r;
	size_t			 i, len;
	pid_t			 pid;
	int			 fd;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		len = cases[i].len ? cases[i].len : strlen(cases[i].in);
		fd = pipefd(cases[i].in, len, 1, &pid);
		r = csv_open(fd, cases[i].name);
		expect_records(r, &cases[i]);
		csv_close(r);
		pipe_done(fd, pid);
	}
}

/* A buffer that grows; the tests build big inputs in it. */
struct sbuf {
	char	*s;
	size_t	 len, cap;
};

static void
sb_add(struct sbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = realloc(b->s, b->cap);
		assert_non_null(b->s);
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void
sb_str(struct sbuf *b, const char *s)
{
	sb_add(b, s, strlen(s));
}

static void
sb_rep(struct sbuf *b, char c, size_t n)
{
	while (n-- > 0)
		sb_add(b, &c, 1);
}

static void
expect_one(struct csv_reader *r, int rv, long line, size_t n,
    const char *f0, const char *err)
{
	struct csv_record	 rec;
	char			 buf[256];

	buf[0] = '\0';
	assert_int_equal(csv_next(r, &rec, buf, sizeof(buf)), rv);
	if (rv == 0)
		return;
	assert_int_equal(rec.line, line);
	if (rv == -1) {
		assert_string_equal(buf, err);
		return;
	}
	assert_int_equal(rec.n, n);
	if (f0 != NULL)
		assert_string_equal(rec.field[0], f0);
}

static struct csv_reader *
open_sb(struct sbuf *b, int *fd)
{
	*fd = unit_fd(b->s, b->len);
	return csv_open(*fd, "big");
}

static void
test_field_count(void **state)
{
	struct csv_reader	*r;
	struct sbuf		 b = { 0 };
	int			 fd, i;

	/* Exactly CSV_MAX_FIELDS, then one more, then a good record. */
	for (i = 0; i < CSV_MAX_FIELDS; i++)
		sb_str(&b, i ? ",f" : "f");
	sb_str(&b, "\n");
	for (i = 0; i < CSV_MAX_FIELDS + 1; i++)
		sb_str(&b, i ? ",\"g\nh\"" : "g");
	sb_str(&b, "\nnext\n");
	r = open_sb(&b, &fd);
	expect_one(r, 1, 1, CSV_MAX_FIELDS, "f", NULL);
	expect_one(r, -1, 2, 0, NULL, "more than 1024 fields");
	expect_one(r, 1, 2 + CSV_MAX_FIELDS + 1, 1, "next", NULL);
	expect_one(r, 0, 0, 0, NULL, NULL);
	csv_close(r);
	close(fd);
	free(b.s);
}

static void
test_field_size(void **state)
{
	struct csv_reader	*r;
	struct csv_record	 rec;
	struct sbuf		 b = { 0 };
	char			 err[256];
	int			 fd;

	/* The largest field there may be, unquoted and quoted. */
	sb_rep(&b, 'a', CSV_MAX_FIELD);
	sb_str(&b, ",x\n\"");
	sb_rep(&b, '"', 2 * CSV_MAX_FIELD);
	sb_str(&b, "\"\n");
	/* One byte too many, each way, the quoted one with newlines. */
	sb_rep(&b, 'b', CSV_MAX_FIELD + 1);
	sb_str(&b, ",x\nafter1\n");
	sb_str(&b, "y,\"");
	sb_rep(&b, 'c', CSV_MAX_FIELD / 2);
	sb_str(&b, "\n\n");
	sb_rep(&b, 'c', CSV_MAX_FIELD / 2 - 1);
	sb_str(&b, "\",x\nafter2\n");
	/* Far too big: discarded as it streams past. */
	sb_rep(&b, 'd', 5 * 1024 * 1024);
	sb_str(&b, "\nafter3\n\"");
	sb_rep(&b, 'e', 5 * 1024 * 1024);
	sb_str(&b, "\"\nafter4");
	r = open_sb(&b, &fd);

	assert_int_equal(csv_next(r, &rec, err, sizeof(err)), 1);
	assert_int_equal(rec.n, 2);
	assert_int_equal(rec.len[0], CSV_MAX_FIELD);
	assert_int_equal(strlen(rec.field[0]), CSV_MAX_FIELD);
	assert_string_equal(rec.field[1], "x");
	assert_int_equal(csv_next(r, &rec, err, sizeof(err)), 1);
	assert_int_equal(rec.line, 2);
	assert_int_equal(rec.n, 1);
	assert_int_equal(rec.len[0], CSV_MAX_FIELD);
	assert_int_equal(rec.field[0][0], '"');
	assert_int_equal(rec.field[0][CSV_MAX_FIELD - 1], '"');
	assert_int_equal(rec.field[0][CSV_MAX_FIELD], '\0');

	expect_one(r, -1, 3, 0, NULL, "field 1 longer than 65536 bytes");
	expect_one(r, 1, 4, 1, "after1", NULL);
	expect_one(r, -1, 5, 0, NULL, "field 2 longer than 65536 bytes");
	expect_one(r, 1, 8, 1, "after2", NULL);
	expect_one(r, -1, 9, 0, NULL, "field 1 longer than 65536 bytes");
	expect_one(r, 1, 10, 1, "after3", NULL);
	expect_one(r, -1, 11, 0, NULL, "field 1 longer than 65536 bytes");
	expect_one(r, 1, 12, 1, "after4", NULL);
	expect_one(r, 0, 0, 0, NULL, NULL);
	csv_close(r);
	close(fd);
	free(b.s);
}

static void
test_record_size(void **state)
{
	struct csv_reader	*r;
	struct sbuf		 b = { 0 };
	int			 fd, i;

	/* Within both field limits, but past the record's. */
	for (i = 0; i < 300; i++) {
		if (i > 0)
			sb_str(&b, ",");
		sb_rep(&b, 'r', 60000);
	}
	sb_str(&b, "\nafter\n");
	r = open_sb(&b, &fd);
	expect_one(r, -1, 1, 0, NULL, "record longer than 16777216 bytes");
	expect_one(r, 1, 2, 1, "after", NULL);
	expect_one(r, 0, 0, 0, NULL, NULL);
	csv_close(r);
	close(fd);
	free(b.s);
}

/*
 * Record i of the big file: its fields, chosen so that quoted fields with
 * commas, newlines and doubled quotes fall across every block boundary.
 */
static void
big_fields(unsigned i, char f[3][200], unsigned *newlines)
{
	unsigned	 k, n;

	snprintf(f[0], 200, "r%u", i);
	n = (i * 7919u) % 150;
	for (k = 0; k < n; k++)
		f[1][k] = "ab,c\"\nd e"[(i + k) % 9];
	f[1][n] = '\0';
	snprintf(f[2], 200, "%u", i * 3u);
	for (*newlines = 0, k = 0; k < n; k++)
		*newlines += f[1][k] == '\n';
}

static void
big_input(struct sbuf *b, unsigned nrec, int crlf)
{
	char		 f[3][200];
	unsigned	 i, nl;
	const char	*p;

	for (i = 0; i < nrec; i++) {
		big_fields(i, f, &nl);
		sb_str(b, f[0]);
		sb_str(b, ",\"");
		for (p = f[1]; *p != '\0'; p++) {
			if (*p == '"')
				sb_add(b, p, 1);
			sb_add(b, p, 1);
		}
		sb_str(b, "\",");
		sb_str(b, f[2]);
		sb_str(b, crlf ? "\r\n" : "\n");
	}
}

static void
check_big(int fd, unsigned nrec)
{
	struct csv_reader	*r;
	struct csv_record	 rec;
	char			 f[3][200], err[256];
	unsigned		 i, nl;
	long			 line;

	r = csv_open(fd, "big");
	for (line = 1, i = 0; i < nrec; i++) {
		big_fields(i, f, &nl);
		if (csv_next(r, &rec, err, sizeof(err)) != 1)
			fail_msg("record %u: %s", i, err);
		assert_int_equal(rec.line, line);
		assert_int_equal(rec.n, 3);
		assert_string_equal(rec.field[0], f[0]);
		assert_string_equal(rec.field[1], f[1]);
		assert_int_equal(rec.len[1], strlen(f[1]));
		assert_string_equal(rec.field[2], f[2]);
		line += nl + 1;
	}
	assert_int_equal(csv_next(r, &rec, err, sizeof(err)), 0);
	csv_close(r);
}

static void
test_block_boundaries(void **state)
{
	struct sbuf	 b = { 0 };
	unsigned	 nrec = 36000;
	pid_t		 pid;
	int		 fd, crlf;

	for (crlf = 0; crlf <= 1; crlf++) {
		b.len = 0;
		big_input(&b, nrec, crlf);
		assert_true(b.len > 3 * 1024 * 1024);
		fd = unit_fd(b.s, b.len);
		check_big(fd, nrec);
		close(fd);
		/* Odd-sized pipe writes cut records everywhere else. */
		fd = pipefd(b.s, b.len, 4093, &pid);
		check_big(fd, nrec);
		pipe_done(fd, pid);
	}
	free(b.s);
}

static void
test_directory(void **state)
{
	struct csv_reader	*r;
	struct csv_record	 rec;
	char			 err[256];
	int			 fd;

	fd = open(".", O_RDONLY);
	assert_true(fd >= 0);
	r = csv_open(fd, ".");
	assert_int_equal(csv_next(r, &rec, err, sizeof(err)), -2);
	assert_string_equal(err, strerror(EISDIR));
	assert_int_equal(csv_next(r, &rec, err, sizeof(err)), -2);
	csv_close(r);
	close(fd);
	csv_close(NULL);
}

static const struct {
	const char	*in;
	int		 neutralise;
	const char	*out;
} writes[] = {
	{ "abc", 0, "abc" },
	{ "", 0, "" },
	{ "", 1, "" },
	{ "a b", 1, "a b" },
	{ "a,b", 0, "\"a,b\"" },
	{ "a\"b", 0, "\"a\"\"b\"" },
	{ "\"", 0, "\"\"\"\"" },
	{ "a\nb", 0, "\"a\nb\"" },
	{ "a\rb", 0, "\"a\rb\"" },
	{ "=1+2", 0, "=1+2" },
	{ "=1+2", 1, "'=1+2" },
	{ "+44 118", 1, "'+44 118" },
	{ "-1", 1, "'-1" },
	{ "@SUM(A1)", 1, "'@SUM(A1)" },
	{ "\tx", 1, "'\tx" },
	{ "\tx", 0, "\tx" },
	{ "\rx", 1, "\"'\rx\"" },
	{ "\rx", 0, "\"\rx\"" },
	{ "=a,b", 1, "\"'=a,b\"" },
	{ "=HYPERLINK(\"x\")", 1, "\"'=HYPERLINK(\"\"x\"\")\"" },
	{ "a=b", 1, "a=b" },
	{ "'=b", 1, "'=b" },
	{ "2026-01-05", 1, "2026-01-05" },
	/* What a spreadsheet still runs after blanks (issue 19, item 9). */
	{ " =1+2", 1, "' =1+2" },
	{ "   -1", 1, "'   -1" },
	{ "\n=1+2", 1, "\"'\n=1+2\"" },
	{ " \n@x", 1, "\"' \n@x\"" },
	{ "\xef\xbc\x9d" "1+2", 1, "'\xef\xbc\x9d" "1+2" },	/* U+FF1D */
	{ "\xef\xbc\x8b" "1", 1, "'\xef\xbc\x8b" "1" },	/* U+FF0B */
	{ "\xef\xbc\x8d" "1", 1, "'\xef\xbc\x8d" "1" },	/* U+FF0D */
	{ "\xef\xbc\xa0" "x", 1, "'\xef\xbc\xa0" "x" },	/* U+FF20 */
	{ " \xef\xbc\x9d" "1", 1, "' \xef\xbc\x9d" "1" },
	{ "\xc2\xa0=1", 1, "'\xc2\xa0=1" },		/* U+00A0 */
	{ "\xe3\x80\x80=1", 1, "'\xe3\x80\x80=1" },	/* U+3000 */
	{ " =1+2", 0, " =1+2" },
	{ "\xef\xbc\x9d" "1", 0, "\xef\xbc\x9d" "1" },
	{ " a=b", 1, " a=b" },
	{ "   ", 1, "   " },
	{ "\xef\xbc\x91", 1, "\xef\xbc\x91" },		/* U+FF11 1 */
};

static char *
written(const char *in, int neutralise, size_t *len)
{
	FILE	*f;
	char	*s;

	f = open_memstream(&s, len);
	assert_non_null(f);
	csv_write_field(f, in, neutralise);
	assert_int_equal(fclose(f), 0);
	return s;
}

static void
test_write_field(void **state)
{
	char	*s;
	size_t	 i, len;

	for (i = 0; i < sizeof(writes) / sizeof(writes[0]); i++) {
		s = written(writes[i].in, writes[i].neutralise, &len);
		if (strcmp(s, writes[i].out) != 0)
			fail_msg("write %zu: got [%s], want [%s]", i, s,
			    writes[i].out);
		free(s);
	}
}

/* The same into a buffer, within the room CSV_FIELD_MAX promises. */
static void
test_format_field(void **state)
{
	char	 buf[64];
	size_t	 i, n;

	for (i = 0; i < sizeof(writes) / sizeof(writes[0]); i++) {
		memset(buf, '#', sizeof(buf));
		n = csv_format_field(buf, writes[i].in, writes[i].neutralise);
		assert_true(n <= CSV_FIELD_MAX(strlen(writes[i].in)));
		assert_int_equal(n, strlen(writes[i].out));
		assert_memory_equal(buf, writes[i].out, n);
		assert_int_equal(buf[n], '#');
	}
	/* The worst case: all quotes, neutralised. */
	n = csv_format_field(buf, "\"\"\"", 1);
	assert_int_equal(n, 8);
	assert_true(n <= CSV_FIELD_MAX(3));
	assert_memory_equal(buf, "\"\"\"\"\"\"\"\"", 8);
}

/* What the writer writes, the reader reads back. */
static void
test_round_trip(void **state)
{
	struct csv_reader	*r;
	struct csv_record	 rec;
	char			*s, err[256];
	size_t			 i, len;
	FILE			*f;
	int			 fd;

	f = open_memstream(&s, &len);
	assert_non_null(f);
	for (i = 0; i < sizeof(writes) / sizeof(writes[0]); i++) {
		csv_write_field(f, writes[i].in, 0);
		fputs(",x\r\n", f);
	}
	assert_int_equal(fclose(f), 0);
	fd = unit_fd(s, len);
	r = csv_open(fd, "rt");
	for (i = 0; i < sizeof(writes) / sizeof(writes[0]); i++) {
		assert_int_equal(csv_next(r, &rec, err, sizeof(err)), 1);
		assert_int_equal(rec.n, 2);
		assert_string_equal(rec.field[0], writes[i].in);
	}
	assert_int_equal(csv_next(r, &rec, err, sizeof(err)), 0);
	csv_close(r);
	close(fd);
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_file),
		cmocka_unit_test(test_table_pipe),
		cmocka_unit_test(test_field_count),
		cmocka_unit_test(test_field_size),
		cmocka_unit_test(test_record_size),
		cmocka_unit_test(test_block_boundaries),
		cmocka_unit_test(test_directory),
		cmocka_unit_test(test_write_field),
		cmocka_unit_test(test_format_field),
		cmocka_unit_test(test_round_trip),
	};

	signal(SIGPIPE, SIG_IGN);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
