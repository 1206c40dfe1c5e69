/*
 * test_caseload.c: the caseload reader: header mapping, row checks and
 * their messages, date forms, closure, review counts.
 *
 * Expected dates are written out by hand as YYYY-MM-DD and compared after
 * formatting, so no date arithmetic of the code under test is trusted.
 */
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "caseload.h"
#include "date.h"
#include "diag.h"
#include "unit.h"

/*
 * A column mapping has one entry for every column cinplan reads
 * (caseload_opts.columns); the tests' mappings are this long, which
 * test_map_room holds to be enough, the rest NULL.
 */
#define MAP_COLUMNS	64

#define ALL_COLS "case_id,profile,area,plan_type,worker,referral," \
	"assessment_completed,plan_decision,rcpc,residence,first_meeting," \
	"last_review,reviews_held,last_visit,closed,manager_agreed\n"

static int	as_of;		/* 2026-11-22 */

/*
 * caseload_open(), its message into err: a refusal says one thing, as
 * fatal, and a header read says nothing.
 */
static struct caseload *
open_cl(int fd, const char *name, const struct caseload_opts *o, char *err,
    size_t sz)
{
	struct caseload	*cl;
	struct diags	 ds;

	memset(&ds, 0, sizeof(ds));
	cl = caseload_open(fd, name, o, &ds);
	assert_int_equal(ds.n, cl == NULL ? 1 : 0);
	assert_int_equal(ds.worst, cl == NULL ? DIAG_FATAL : DIAG_OK);
	said(&ds, err, sz);
	return cl;
}

/*
 * caseload_next(), its message into err: a row refused is an error, a
 * read error fatal, and a row read or the end says nothing.
 */
static int
next_row(struct caseload *cl, struct case_row *row, char *err, size_t sz)
{
	struct diags	 ds;
	int		 rv;

	memset(&ds, 0, sizeof(ds));
	rv = caseload_next(cl, row, &ds);
	assert_int_equal(ds.n, rv < 0 ? 1 : 0);
	assert_int_equal(ds.worst, rv == -2 ? DIAG_FATAL : rv == -1 ?
	    DIAG_ERROR : DIAG_OK);
	said(&ds, err, sz);
	return rv;
}

static int
setup(void **state)
{
	const char	*why;

	assert_int_equal(date_parse_str("2026-11-22", &as_of, &why), 0);
	return 0;
}

static struct caseload *
open_str(const char *s, enum date_style style, int *fd)
{
	struct caseload	*cl;
	char		 err[256];

	struct caseload_opts	 o;

	*fd = unit_fd_str(s);
	err[0] = '\0';
	memset(&o, 0, sizeof(o));
	o.dates = style;
	o.as_of = as_of;
	cl = open_cl(*fd, "t.csv", &o, err, sizeof(err));
	if (cl == NULL)
		fail_msg("open: %s", err);
	return cl;
}

static const char *
nz(const char *s)
{
	return s == NULL ? "(null)" : s;
}

/*
 * A needed column missing: the headings found, cinplan's names, and the
 * heading that may have been meant; with a mapping, the mapped heading.
 */
static void
test_missing(void **state)
{
	static const char *const map[MAP_COLUMNS] = {
		"Case Reference", NULL, NULL, NULL, "Worker", "Referral Date"
	};
	struct caseload_opts	 o;
	char			 err[2048];
	int			 fd;

	(void)state;
	memset(&o, 0, sizeof(o));
	o.as_of = as_of;

	/* "Case ID" is not case_id, but close: suggested. */
	fd = unit_fd_str("Case ID,profile,Referral Date\n");
	assert_null(open_cl(fd, "t.csv", &o, err, sizeof(err)));
	close(fd);
	assert_string_equal(err, "t.csv:1: no 'case_id' column (the headings "
	    "are 'Case ID', 'profile', 'Referral Date'); did you mean "
	    "'Case ID'?; cinplan's columns are case_id, profile, area, "
	    "plan_type, worker, referral, assessment_completed, plan_decision, "
	    "rcpc, residence, first_meeting, last_review, reviews_held, "
	    "last_visit, closed, manager_agreed, supervision_order, "
	    "minutes_sent, last_assessment_update, allocated, "
	    "step_down_decision: give yours their names in a "
	    "column mapping (--columns)");

	/* No profile column, and nothing like it: the way out is named. */
	fd = unit_fd_str("case_id,area\n");
	assert_null(open_cl(fd, "t.csv", &o, err, sizeof(err)));
	close(fd);
	assert_non_null(strstr(err, "t.csv:1: no 'profile' column (the "
	    "headings are 'case_id', 'area'); cinplan's columns are "));
	assert_non_null(strstr(err, "; or give the profile with --profile"));

	/* Mapped, but the export says "Case Ref". */
	o.columns = map;
	fd = unit_fd_str("Case Ref,Referral Date,Worker\n");
	o.profile = "torbay";
	assert_null(open_cl(fd, "t.csv", &o, err, sizeof(err)));
	close(fd);
	assert_string_equal(err, "t.csv:1: no 'Case Reference' column for "
	    "case_id (the headings are 'Case Ref', 'Referral Date', "
	    "'Worker'); did you mean 'Case Ref'?");
}

/*
 * A mapped export, with the profile given: columns found by their
 * headings, case_id's own name no longer matching, every row torbay.
 */
static void
test_mapped(void **state)
{
	static const char *const map[MAP_COLUMNS] = {
		"Case Ref", NULL, NULL, NULL, "Social Worker", "Referral Date"
	};
	struct caseload_opts	 o;
	struct caseload		*cl;
	struct case_row		 row;
	char			 err[512], b[DATE_STRLEN];
	int			 fd;

	(void)state;
	memset(&o, 0, sizeof(o));
	o.as_of = as_of;
	o.dates = DATES_UK;
	o.columns = map;
	o.profile = "berkshire-west/reading";
	fd = unit_fd_str("\xef\xbb\xbf\"Case Ref\",case_id,referral date,"
	    "Social Worker\r\nAB1,zz,5/1/2026,\"Jones, Sam\"\r\n");
	cl = open_cl(fd, "t.csv", &o, err, sizeof(err));
	if (cl == NULL)
		fail_msg("%s", err);
	assert_int_equal(next_row(cl, &row, err, sizeof(err)), 1);
	assert_string_equal(row.case_id, "AB1");
	assert_string_equal(row.profile, "berkshire-west/reading");
	assert_string_equal(row.worker, "Jones, Sam");
	assert_string_equal(date_format(row.referral, b), "2026-01-05");
	assert_int_equal(next_row(cl, &row, err, sizeof(err)), 0);
	caseload_close(cl);
	close(fd);
}

/* A UK date without --dates uk: the hint once, not on every row. */
static void
test_uk_hint(void **state)
{
	struct caseload		*cl;
	struct case_row		 row;
	char			 err[512];
	int			 fd;

	(void)state;
	cl = open_str("case_id,profile,referral,closed\n"
	    "A,torbay,05/01/2026,\n"
	    "B,torbay,06/01/2026,\n"
	    "C,torbay,2026-01-07,31/01/2026\n", DATES_ISO, &fd);
	assert_int_equal(next_row(cl, &row, err, sizeof(err)), -1);
	assert_string_equal(err, "t.csv:2: referral: '05/01/2026' is not a "
	    "valid date (to read DD/MM/YYYY dates, use --dates uk)");
	assert_int_equal(next_row(cl, &row, err, sizeof(err)), -1);
	assert_string_equal(err, "t.csv:3: referral: '06/01/2026' is not a "
	    "valid date");
	assert_int_equal(next_row(cl, &row, err, sizeof(err)), -1);
	assert_string_equal(err, "t.csv:4: closed: '31/01/2026' is not a "
	    "date or yes/no");
	caseload_close(cl);
	close(fd);
}

static void
test_open_errors(void **state)
{
	static const struct {
		const char	*in;
		const char	*err;
	} t[] = {
		{ "", "t.csv: empty caseload, no header row" },
		{ "\n\r\n\n", "t.csv: empty caseload, no header row" },
		{ "\xef\xbb\xbf", "t.csv: empty caseload, no header row" },
		{ "profile,area\n", "t.csv:1: no 'case_id' column" },
		{ "case_id,area\nx,y\n", "t.csv:1: no 'profile' column" },
		{ "\n\nprofile\n", "t.csv:3: no 'case_id' column" },
		{ ",,\n , \nprofile\n", "t.csv:3: no 'case_id' column" },
		{ ",,\n\n", "t.csv: empty caseload, no header row" },
		{ "caseid,profile\n", "t.csv:1: no 'case_id' column" },
		{ "case_id,profile,Case_ID\n",
		  "t.csv:1: duplicate column 'Case_ID'" },
		{ "case_id,profile,worker, WORKER \n",
		  "t.csv:1: duplicate column 'WORKER'" },
		{ "case_id,\"profile\n",
		  "t.csv:1: header: unterminated quoted field" },
		{ "case_id,pro\"file\n",
		  "t.csv:1: header: stray quote in unquoted field 2" },
	};
	struct caseload_opts	 iso;
	char			 err[2048];
	size_t			 i;
	int			 fd;

	memset(&iso, 0, sizeof(iso));
	iso.as_of = as_of;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		fd = unit_fd_str(t[i].in);
		err[0] = '\0';
		assert_null(open_cl(fd, "t.csv", &iso, err,
		    sizeof(err)));
		/* A missing column's message goes on: see test_missing(). */
		if (strncmp(err, t[i].err, strlen(t[i].err)) != 0 ||
		    (err[strlen(t[i].err)] != '\0' &&
		    strstr(t[i].err, "column") == NULL))
			fail_msg("'%s': want '%s'", err, t[i].err);
		close(fd);
	}
	fd = open(".", O_RDONLY);
	assert_true(fd >= 0);
	assert_null(open_cl(fd, "dir", &iso, err, sizeof(err)));
	assert_string_equal(err, "dir: Is a directory");
	close(fd);
	caseload_close(NULL);
}

/* Header names in any order and case, with blanks; extras ignored. */
static void
test_header_mapping(void **state)
{
	static const struct {
		const char	*in;
		const char	*case_id, *profile, *area, *plan_type,
				*worker, *referral;
	} t[] = {
		{ "case_id,profile\nC1,P\n",
		  "C1", "P", NULL, NULL, NULL, "-" },
		{ "Profile,CASE_ID\nP,C1\n",
		  "C1", "P", NULL, NULL, NULL, "-" },
		{ "  Worker , notes,Case_Id ,profile,  referral\n"
		  "w1,anything at all,C1,P,2026-01-05\n",
		  "C1", "P", NULL, NULL, "w1", "2026-01-05" },
		{ "\xef\xbb\xbf" "case_id,profile,area,plan_type\n"
		  "C1,berkshire-west,reading,step-down-cp\n",
		  "C1", "berkshire-west", "reading", "step-down-cp", NULL,
		  "-" },
		{ "\"case_id\",\"profile\",\"\",x,x\n"
		  "C1,P,,1,2\n",
		  "C1", "P", NULL, NULL, NULL, "-" },
		{ "case_id,profile,area,worker\n"
		  "  C1  , berkshire-west/reading ,\t, Sam Smith \n",
		  "C1", "berkshire-west/reading", NULL, NULL, "Sam Smith",
		  "-" },
		{ "case_id,profile,area,worker\nC1,P\n",
		  "C1", "P", NULL, NULL, NULL, "-" },
		/* Alt+Enter and tabs in a name: one space a run. */
		{ "case_id,profile,worker\n\"C1\n\",P,\"\tSam\r\n \tA  Jones\n\"\n",
		  "C1", "P", NULL, NULL, "Sam A  Jones", "-" },
		{ "case_id,profile,worker\rC1,P,\"Sam\rJones\"\r",
		  "C1", "P", NULL, NULL, "Sam Jones", "-" },
	};
	struct caseload	*cl;
	struct case_row	 row;
	char		 err[256], buf[DATE_STRLEN];
	size_t		 i;
	int		 fd;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		cl = open_str(t[i].in, DATES_ISO, &fd);
		if (next_row(cl, &row, err, sizeof(err)) != 1)
			fail_msg("case %zu: %s", i, err);
		assert_int_equal(row.line, 2);
		assert_string_equal(row.case_id, t[i].case_id);
		assert_string_equal(row.profile, t[i].profile);
		assert_string_equal(nz(row.area), nz(t[i].area));
		assert_string_equal(nz(row.plan_type), nz(t[i].plan_type));
		assert_string_equal(nz(row.worker), nz(t[i].worker));
		assert_string_equal(unit_date(row.referral, buf), t[i].referral);
		assert_int_equal(next_row(cl, &row, err, sizeof(err)), 0);
		caseload_close(cl);
		close(fd);
	}
}

/* Every column filled in, every value checked. */
static void
test_full_row(void **state)
{
	struct caseload	*cl;
	struct case_row	 row;
	char		 err[256], b[DATE_STRLEN];
	int		 fd;

	cl = open_str(ALL_COLS
	    "ABC123,berkshire-west,reading,standard,Jo Bloggs,2026-01-05,"
	    "2026-02-16,2026-02-17,2026-03-02,2026-03-03,2026-03-04,"
	    "2026-06-01,2,2026-11-02,no,yes\n"
	    "DEF456,torbay,,,,,,,,,,,,,,\n", DATES_ISO, &fd);
	assert_int_equal(next_row(cl, &row, err, sizeof(err)), 1);
	assert_int_equal(row.line, 2);
	assert_string_equal(row.case_id, "ABC123");
	assert_string_equal(row.profile, "berkshire-west");
	assert_string_equal(row.area, "reading");
	assert_string_equal(row.plan_type, "standard");
	assert_string_equal(row.worker, "Jo Bloggs");
	assert_string_equal(unit_date(row.referral, b), "2026-01-05");
	assert_string_equal(unit_date(row.assessment, b), "2026-02-16");
	assert_string_equal(unit_date(row.plan_decision, b), "2026-02-17");
	assert_string_equal(unit_date(row.rcpc, b), "2026-03-02");
	assert_string_equal(unit_date(row.residence, b), "2026-03-03");
	assert_string_equal(unit_date(row.first_meeting, b), "2026-03-04");
	assert_string_equal(unit_date(row.last_review, b), "2026-06-01");
	assert_int_equal(row.reviews_held, 2);
	assert_string_equal(unit_date(row.last_visit, b), "2026-11-02");
	assert_int_equal(row.closed, 0);
	assert_int_equal(row.manager_agreed, 1);

	assert_int_equal(next_row(cl, &row, err, sizeof(err)), 1);
	assert_int_equal(row.line, 3);
	assert_string_equal(row.case_id, "DEF456");
	assert_string_equal(row.profile, "torbay");
	assert_null(row.area);
	assert_null(row.plan_type);
	assert_null(row.worker);
	assert_int_equal(row.referral, DATE_NONE);
	assert_int_equal(row.assessment, DATE_NONE);
	assert_int_equal(row.plan_decision, DATE_NONE);
	assert_int_equal(row.rcpc, DATE_NONE);
	assert_int_equal(row.residence, DATE_NONE);
	assert_int_equal(row.first_meeting, DATE_NONE);
	assert_int_equal(row.last_review, DATE_NONE);
	assert_int_equal(row.reviews_held, -1);
	assert_int_equal(row.last_visit, DATE_NONE);
	assert_int_equal(row.closed, 0);
	assert_int_equal(row.manager_agreed, 0);
	assert_int_equal(next_row(cl, &row, err, sizeof(err)), 0);
	caseload_close(cl);
	close(fd);
}

/* Each row after "case_id,profile,COLUMN" and the message it gets. */
static const struct {
	const char	*in;		/* whole file */
	const char	*err;		/* NULL: the row is good */
} rows[] = {
	{ "case_id,profile\n,p\n", "t.csv:2: case_id is empty" },
	{ "case_id,profile\n  \t ,p\n", "t.csv:2: case_id is empty" },
	{ "case_id,profile\n\"\",p\n", "t.csv:2: case_id is empty" },
	{ "case_id,profile\nc1,\n", "t.csv:2: profile is empty" },
	{ "case_id,profile\nc1\n", "t.csv:2: profile is empty" },
	{ "case_id,profile\nc1, \n", "t.csv:2: profile is empty" },
	{ "case_id,profile\nc1,p,x\n", "t.csv:2: 3 fields, header has 2" },
	{ "case_id,profile,a,b,c,d\nc1,p,,,,,\n",
	  "t.csv:2: 7 fields, header has 6" },
	{ "case_id,profile\n\"c1,p\n", "t.csv:2: unterminated quoted field" },
	{ "case_id,profile\nc\"1,p\n",
	  "t.csv:2: stray quote in unquoted field 1" },
	{ "case_id,profile,referral\nc1,p,2026-02-30\n",
	  "t.csv:2: referral: '2026-02-30' is not a valid date" },
	{ "case_id,profile,referral\nc1,p,2026-1-5\n",
	  "t.csv:2: referral: '2026-1-5' is not a valid date" },
	{ "case_id,profile,referral\nc1,p,1969-12-31\n",
	  "t.csv:2: referral: '1969-12-31' is outside the supported range "
	  "1970-01-01 to 2199-12-31" },
	{ "case_id,profile,assessment_completed\nc1,p,20260105\n",
	  "t.csv:2: assessment_completed: '20260105' is not a valid date" },
	{ "case_id,profile,plan_decision\nc1,p,tomorrow\n",
	  "t.csv:2: plan_decision: 'tomorrow' is not a valid date" },
	{ "case_id,profile,rcpc\nc1,p,2026-13-01\n",
	  "t.csv:2: rcpc: '2026-13-01' is not a valid date" },
	{ "case_id,profile,residence\nc1,p,05/01/2026\n",
	  "t.csv:2: residence: '05/01/2026' is not a valid date"
	  " (to read DD/MM/YYYY dates, use --dates uk)" },
	{ "case_id,profile,first_meeting\nc1,p,2026-01-05x\n",
	  "t.csv:2: first_meeting: '2026-01-05x' is not a valid date" },
	{ "case_id,profile,last_review\nc1,p,2026-01-05 25:00:00\n",
	  "t.csv:2: last_review: '2026-01-05 25:00:00' is not a valid date" },
	{ "case_id,profile,last_visit\nc1,p,2026-00-10\n",
	  "t.csv:2: last_visit: '2026-00-10' is not a valid date" },
	{ "case_id,profile,referral\nc1,p,"
	  "2026-01-05 and then a great deal more text after it\n",
	  "t.csv:2: referral: '2026-01-05 and then a great deal more te...' "
	  "is not a valid date" },
	/* Controls as '?'; the UTF-8 e-acute shown as it is. */
	{ "case_id,profile,referral\nc1,p,\"2026-01-0\x01\x1b\xc3\xa9\"\n",
	  "t.csv:2: referral: '2026-01-0?\?\xc3\xa9' is not a valid date" },
	{ "case_id,profile,reviews_held\nc1,p,-1\n",
	  "t.csv:2: reviews_held: '-1' is not a whole number from 0 to 10000" },
	{ "case_id,profile,reviews_held\nc1,p,1e3\n",
	  "t.csv:2: reviews_held: '1e3' is not a whole number from 0 to 10000" },
	{ "case_id,profile,reviews_held\nc1,p,99999999999999999999\n",
	  "t.csv:2: reviews_held: '99999999999999999999' is not a whole "
	  "number from 0 to 10000" },
	{ "case_id,profile,reviews_held\nc1,p,10001\n",
	  "t.csv:2: reviews_held: '10001' is not a whole number from 0 to "
	  "10000" },
	{ "case_id,profile,reviews_held\nc1,p,+3\n",
	  "t.csv:2: reviews_held: '+3' is not a whole number from 0 to 10000" },
	{ "case_id,profile,reviews_held\nc1,p,3.0\n",
	  "t.csv:2: reviews_held: '3.0' is not a whole number from 0 to "
	  "10000" },
	{ "case_id,profile,reviews_held\nc1,p,two\n",
	  "t.csv:2: reviews_held: 'two' is not a whole number from 0 to "
	  "10000" },
	{ "case_id,profile,reviews_held\nc1,p,10000\n", NULL },
	{ "case_id,profile,reviews_held\nc1,p, 007 \n", NULL },
	{ "case_id,profile,manager_agreed\nc1,p,maybe\n",
	  "t.csv:2: manager_agreed: 'maybe' is not yes or no" },
	{ "case_id,profile,manager_agreed\nc1,p,yess\n",
	  "t.csv:2: manager_agreed: 'yess' is not yes or no" },
	{ "case_id,profile,closed\nc1,p,perhaps\n",
	  "t.csv:2: closed: 'perhaps' is not a date or yes/no" },
	{ "case_id,profile,closed\nc1,p,2026-02-30\n",
	  "t.csv:2: closed: '2026-02-30' is not a date or yes/no" },
	{ "case_id,profile\n\xff\xfe,p\n",
	  "t.csv:2: case_id: not valid UTF-8" },
	{ "case_id,profile\nab\xc3,p\n",
	  "t.csv:2: case_id: not valid UTF-8" },
	{ "case_id,profile\n\xc0\xaf,p\n",
	  "t.csv:2: case_id: not valid UTF-8" },
	{ "case_id,profile\n\xe0\x80\xaf,p\n",
	  "t.csv:2: case_id: not valid UTF-8" },
	{ "case_id,profile\n\xed\xa0\x80,p\n",
	  "t.csv:2: case_id: not valid UTF-8" },
	{ "case_id,profile\n\xf4\x90\x80\x80,p\n",
	  "t.csv:2: case_id: not valid UTF-8" },
	{ "case_id,profile\n\"a\nb\",p\n",
	  "t.csv:2: case_id: contains a line break" },
	/* A line break at either end of a cell is blank. */
	{ "case_id,profile\n\"a\n\",\"\r\np\"\n", NULL },
	{ "case_id,profile\na\x7f,p\n",
	  "t.csv:2: case_id: contains a control character" },
	{ "case_id,profile\na\xc2\x85,p\n",
	  "t.csv:2: case_id: contains a control character" },
	{ "case_id,profile,worker\nc1,p,\"Jo\x1b[31m\"\n",
	  "t.csv:2: worker: contains a control character" },
	{ "case_id,profile,worker\nc1,p,Jo\xe9\n",
	  "t.csv:2: worker: not valid UTF-8" },
	{ "case_id,profile\nc1,p\xff\n", "t.csv:2: profile: not valid UTF-8" },
	{ "case_id,profile,area\nc1,p,\"a\tb\"\n",
	  "t.csv:2: area: contains a tab" },
	/* Free text: a worker's tab or line break is a space. */
	{ "case_id,profile,worker\nc1,p,\"Sam\r\n\tJones\"\n", NULL },
	{ "case_id,profile,plan_type\nc1,p,\xc3\n",
	  "t.csv:2: plan_type: not valid UTF-8" },
	{ "case_id,profile,worker\nZo\xc3\xab-\xe6\x97\xa5-\xf0\x9f\x99\x82,p,"
	  "Zo\xc3\xab\n", NULL },
	{ "case_id,profile,notes\nc1,p,\"any\x01thing\xff\"\n", NULL },
	{ "case_id,profile\n\"\"\"quoted\"\" id\",p\n", NULL },
};

static void
test_row_errors(void **state)
{
	struct caseload	*cl;
	struct case_row	 row;
	char		 err[256];
	size_t		 i;
	int		 fd, rv;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		cl = open_str(rows[i].in, DATES_ISO, &fd);
		err[0] = '\0';
		rv = next_row(cl, &row, err, sizeof(err));
		if (rows[i].err == NULL) {
			if (rv != 1)
				fail_msg("row %zu: got %d (%s)", i, rv, err);
		} else {
			if (rv != -1)
				fail_msg("row %zu: got %d, want -1 (%s)", i, rv,
				    rows[i].err);
			assert_string_equal(err, rows[i].err);
		}
		assert_int_equal(next_row(cl, &row, err, sizeof(err)), 0);
		caseload_close(cl);
		close(fd);
	}
}

static const struct {
	const char	*in;
	int		 uk;		/* 0: DATES_ISO, 1: DATES_UK, 2: both */
	const char	*out;		/* NULL: rejected */
} dates[] = {
	{ "2026-01-05", 2, "2026-01-05" },
	{ "2024-02-29", 2, "2024-02-29" },
	{ "2026-02-29", 2, NULL },
	{ "2100-02-29", 2, NULL },
	{ "2000-02-29", 2, "2000-02-29" },
	{ "1970-01-01", 2, "1970-01-01" },
	{ "2199-12-31", 2, "2199-12-31" },
	{ "1969-12-31", 2, NULL },
	{ "2200-01-01", 2, NULL },
	{ "2026-01-05 00:00:00", 2, "2026-01-05" },
	{ "2026-01-05T09:30:00", 2, "2026-01-05" },
	{ "2026-01-05T09:30", 2, "2026-01-05" },
	{ "2026-01-05 23:59:59", 2, "2026-01-05" },
	{ "2026-01-05T09:30:00.000Z", 2, "2026-01-05" },
	{ "2026-01-05T09:30:00.123456789", 2, "2026-01-05" },
	{ "2026-01-05T09:30:00Z", 2, "2026-01-05" },
	{ "2026-01-05T09:30:00+01:00", 2, "2026-01-05" },
	{ "2026-01-05T09:30:00-0500", 2, "2026-01-05" },
	{ "2026-01-05 00:00:00.0", 2, "2026-01-05" },
	{ "2026-1-5", 2, NULL },
	{ "20260105", 2, NULL },
	{ "2026-01-05x", 2, NULL },
	{ "2026-01-05 ", 2, NULL },
	{ "2026-01-05T", 2, NULL },
	{ "2026-01-05 25:00:00", 2, NULL },
	{ "2026-01-05 24:00:00", 2, NULL },
	{ "2026-01-05 09:60:00", 2, NULL },
	{ "2026-01-05 09:30:60", 2, NULL },
	{ "2026-01-05 9:30:00", 2, NULL },
	{ "2026-01-05 09:30:00.", 2, NULL },
	{ "2026-01-05 09:30:00.1234567890", 2, NULL },
	{ "2026-01-05 09:30.5", 2, NULL },
	{ "2026-01-05T09:30:00+1:00", 2, NULL },
	{ "2026-01-05T09:30:00+01:60", 2, NULL },
	{ "2026-01-05T09:30:00+01", 2, NULL },
	{ "2026-01-05T09:30:00ZZ", 2, NULL },
	{ "2026-01-05t09:30:00", 2, NULL },
	{ "2026-01-05  09:30:00", 2, NULL },
	{ "2026/01/05", 2, NULL },
	{ "+2026-01-05", 2, NULL },
	{ "2026-01-5 ", 2, NULL },
	{ "", 2, NULL },
	{ "05/01/2026", 0, NULL },
	{ "05/01/2026", 1, "2026-01-05" },
	{ "31/12/2026", 1, "2026-12-31" },
	{ "29/02/2024", 1, "2024-02-29" },
	{ "05/01/2026 00:00:00", 1, "2026-01-05" },
	{ "31/02/2026", 1, NULL },
	{ "01/13/2026", 1, NULL },
	{ "5/1/2026", 1, "2026-01-05" },
	{ "05/1/2026", 1, "2026-01-05" },
	{ "05/01/26", 1, NULL },
	{ "05-01-2026", 1, NULL },
	{ "05/01/2026x", 1, NULL },
	{ "00/01/2026", 1, NULL },
	{ "05/01/1969", 1, NULL },
};

static void
test_dates(void **state)
{
	const char	*why;
	char		 buf[DATE_STRLEN];
	size_t		 i;
	int		 d, style, rv;

	for (i = 0; i < sizeof(dates) / sizeof(dates[0]); i++) {
		for (style = DATES_ISO; style <= DATES_UK; style++) {
			if (dates[i].uk != 2 && dates[i].uk != style)
				continue;
			d = DATE_NONE;
			why = NULL;
			rv = date_parse_text(dates[i].in,
			    strlen(dates[i].in), style, &d, &why);
			if (dates[i].out == NULL) {
				if (rv != -1)
					fail_msg("'%s' (%s): accepted as %s",
					    dates[i].in, style ? "uk" : "iso",
					    unit_date(d, buf));
				assert_non_null(why);
				continue;
			}
			if (rv != 0)
				fail_msg("'%s' (%s): %s", dates[i].in,
				    style ? "uk" : "iso", why);
			assert_string_equal(unit_date(d, buf), dates[i].out);
		}
	}
	/* Only the first len bytes count. */
	assert_int_equal(date_parse_text("2026-01-05junk", 10, DATES_ISO,
	    &d, &why), 0);
	assert_string_equal(unit_date(d, buf), "2026-01-05");
}

/* A UK date in a row, and the same file read as ISO. */
static void
test_dates_uk_rows(void **state)
{
	static const char in[] = "case_id,profile,referral,closed\n"
	    "c1,p,05/01/2026,\n"
	    "c2,p,2026-01-05,22/11/2026\n";
	struct caseload	*cl;
	struct case_row	 row;
	char		 err[256], b[DATE_STRLEN];
	int		 fd;

	cl = open_str(in, DATES_UK, &fd);
	assert_int_equal(next_row(cl, &row, err, sizeof(err)), 1);
	assert_string_equal(unit_date(row.referral, b), "2026-01-05");
	assert_int_equal(next_row(cl, &row, err, sizeof(err)), 1);
	assert_string_equal(unit_date(row.referral, b), "2026-01-05");
	assert_int_equal(row.closed, 1);
	caseload_close(cl);
	close(fd);

	cl = open_str(in, DATES_ISO, &fd);
	assert_int_equal(next_row(cl, &row, err, sizeof(err)), -1);
	assert_string_equal(err,
	    "t.csv:2: referral: '05/01/2026' is not a valid date"
	    " (to read DD/MM/YYYY dates, use --dates uk)");
	assert_int_equal(next_row(cl, &row, err, sizeof(err)), -1);
	assert_string_equal(err,
	    "t.csv:3: closed: '22/11/2026' is not a date or yes/no");
	caseload_close(cl);
	close(fd);
}

/* as_of is 2026-11-22. */
static void
test_closed(void **state)
{
	static const struct {
		const char	*cell;
		int		 closed;
	} t[] = {
		{ "", 0 },
		{ "  ", 0 },
		{ "2026-11-21", 1 },
		{ "2026-11-22", 1 },
		{ "2026-11-22 17:00:00", 1 },
		{ "2026-11-23", 0 },
		{ "2027-01-01", 0 },
		{ "1970-01-01", 1 },
		{ "yes", 1 }, { "YES", 1 }, { "y", 1 }, { "Y", 1 },
		{ "true", 1 }, { "True", 1 }, { "1", 1 },
		{ "no", 0 }, { "No", 0 }, { "n", 0 }, { "N", 0 },
		{ "false", 0 }, { "FALSE", 0 }, { "0", 0 },
		{ " yes ", 1 },
	};
	struct caseload	*cl;
	struct case_row	 row;
	char		 in[128], err[256];
	size_t		 i;
	int		 fd;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		snprintf(in, sizeof(in), "case_id,profile,closed\nc1,p,%s\n",
		    t[i].cell);
		cl = open_str(in, DATES_ISO, &fd);
		if (next_row(cl, &row, err, sizeof(err)) != 1)
			fail_msg("closed '%s': %s", t[i].cell, err);
		if (row.closed != t[i].closed)
			fail_msg("closed '%s': got %d, want %d", t[i].cell,
			    row.closed, t[i].closed);
		caseload_close(cl);
		close(fd);
	}
}

static void
test_yes_no(void **state)
{
	static const struct {
		const char	*cell;
		int		 v;
	} t[] = {
		{ "", 0 }, { "yes", 1 }, { "Y", 1 }, { "TRUE", 1 }, { "1", 1 },
		{ "no", 0 }, { "n", 0 }, { "False", 0 }, { "0", 0 },
	};
	struct caseload	*cl;
	struct case_row	 row;
	char		 in[128], err[256];
	size_t		 i;
	int		 fd;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		snprintf(in, sizeof(in),
		    "case_id,profile,manager_agreed\nc1,p,%s\n", t[i].cell);
		cl = open_str(in, DATES_ISO, &fd);
		if (next_row(cl, &row, err, sizeof(err)) != 1)
			fail_msg("manager_agreed '%s': %s", t[i].cell, err);
		assert_int_equal(row.manager_agreed, t[i].v);
		caseload_close(cl);
		close(fd);
	}
}

static void
test_reviews_held(void **state)
{
	static const struct {
		const char	*cell;
		long		 v;
	} t[] = {
		{ "", -1 }, { "0", 0 }, { "1", 1 }, { "12", 12 },
		{ "0010", 10 }, { "10000", 10000 }, { " 4 ", 4 },
	};
	struct caseload	*cl;
	struct case_row	 row;
	char		 in[128], err[256];
	size_t		 i;
	int		 fd;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		snprintf(in, sizeof(in),
		    "case_id,profile,reviews_held\nc1,p,%s\n", t[i].cell);
		cl = open_str(in, DATES_ISO, &fd);
		if (next_row(cl, &row, err, sizeof(err)) != 1)
			fail_msg("reviews_held '%s': %s", t[i].cell, err);
		assert_int_equal(row.reviews_held, t[i].v);
		caseload_close(cl);
		close(fd);
	}
}

/* Bad rows are reported at their lines and the good ones still come. */
static void
test_bad_rows_go_on(void **state)
{
	static const struct {
		int		 rv;
		const char	*what;	/* case_id, or the message */
		long		 line;
	} want[] = {
		{ 1, "A", 2 },
		{ -1, "t.csv:3: referral: 'soon' is not a valid date", 3 },
		{ 1, "B", 5 },
		{ -1, "t.csv:7: junk after closing quote in field 1", 7 },
		{ -1, "t.csv:9: case_id is empty", 9 },
		{ 1, "C", 10 },
		{ -1, "t.csv:12: 5 fields, header has 4", 12 },
		{ 1, "D", 13 },
		{ -1, "t.csv:14: unterminated quoted field", 14 },
		{ 0, NULL, 0 },
	};
	struct caseload	*cl;
	struct case_row	 row;
	char		 err[256];
	size_t		 i;
	int		 fd, rv;

	cl = open_str("Case_ID,Profile,Referral,Notes\n"
	    "A,p,2026-01-05\n"
	    "X,p,soon\n"
	    "\n"
	    "B,p,,\"multi\nline\"\n"
	    "\"Y\"z,p,\n"
	    ",,,\n"
	    ",p,\n"
	    "C,p,\r\n"
	    " , ,\n"
	    "Z,p,,,\n"
	    "D,p\n"
	    "\"E,p,\n"
	    "F,p,\n", DATES_ISO, &fd);
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		err[0] = '\0';
		rv = next_row(cl, &row, err, sizeof(err));
		if (rv != want[i].rv)
			fail_msg("step %zu: got %d (%s), want %d", i, rv, err,
			    want[i].rv);
		if (rv == 1) {
			assert_string_equal(row.case_id, want[i].what);
			assert_int_equal(row.line, want[i].line);
		} else if (rv == -1)
			assert_string_equal(err, want[i].what);
	}
	caseload_close(cl);
	close(fd);
}

/* Strings from one row stay put until the next call; a long row grows. */
static void
test_buffers_reused(void **state)
{
	struct caseload	*cl;
	struct case_row	 row;
	char		 in[4096], err[256], big[1001];
	int		 fd;

	memset(big, 'w', 1000);
	big[1000] = '\0';
	snprintf(in, sizeof(in), "case_id,profile,worker\n"
	    "c1,p,short\nc2,p,%s\nc3,p,\n", big);
	cl = open_str(in, DATES_ISO, &fd);
	assert_int_equal(next_row(cl, &row, err, sizeof(err)), 1);
	assert_string_equal(row.worker, "short");
	assert_int_equal(next_row(cl, &row, err, sizeof(err)), 1);
	assert_string_equal(row.case_id, "c2");
	assert_string_equal(row.worker, big);
	assert_int_equal(next_row(cl, &row, err, sizeof(err)), 1);
	assert_string_equal(row.case_id, "c3");
	assert_null(row.worker);
	assert_int_equal(next_row(cl, &row, err, sizeof(err)), 0);
	caseload_close(cl);
	close(fd);
}

/*
 * Repeated case_ids: each later usable row names the one before it with
 * that case_id, in file order; a row refused for another reason is not
 * one of them, and nothing is reported before the end.
 */
static void
test_repeats(void **state)
{
	const struct case_repeat	*v;
	struct caseload			*cl;
	struct case_row			 row;
	char				 err[256];
	int				 fd, rv;

	cl = open_str("case_id,profile,referral\n"
	    "A,torbay,\n"			/* 2 */
	    "B,torbay,\n"			/* 3 */
	    " A ,torbay,\n"			/* 4: A, trimmed */
	    "B,torbay,not a date\n"		/* 5: refused */
	    "a,torbay,\n"			/* 6: another reference */
	    "A,torbay,\n"			/* 7: A again */
	    "B,torbay,\n",			/* 8 */
	    DATES_ISO, &fd);
	while ((rv = next_row(cl, &row, err, sizeof(err))) != 0) {
		assert_int_not_equal(rv, -2);
		assert_int_equal(caseload_repeats(cl, &v), 0);
	}
	assert_int_equal(caseload_repeats(cl, &v), 3);
	assert_int_equal(v[0].line, 4);
	assert_int_equal(v[0].first, 2);
	assert_int_equal(v[1].line, 7);
	assert_int_equal(v[1].first, 4);
	assert_int_equal(v[2].line, 8);
	assert_int_equal(v[2].first, 3);
	caseload_close(cl);
	close(fd);
}

/* Enough rows to grow the table of case_ids many times over. */
static void
test_repeats_many(void **state)
{
	const struct case_repeat	*v;
	struct caseload			*cl;
	struct case_row			 row;
	char				 err[256], *in;
	size_t				 i, n, len;
	FILE				*f;
	int				 fd;

	f = open_memstream(&in, &len);
	assert_non_null(f);
	fputs("case_id,profile\n", f);
	/* Lines 2 to 200001: C0 to C199999; then C7, C150000 again. */
	for (i = 0; i < 200000; i++)
		fprintf(f, "C%zu,torbay\n", i);
	fputs("C7,torbay\nC150000,torbay\n", f);
	assert_int_equal(fclose(f), 0);
	cl = open_str(in, DATES_ISO, &fd);
	while (next_row(cl, &row, err, sizeof(err)) == 1)
		continue;
	n = caseload_repeats(cl, &v);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].line, 200002);
	assert_int_equal(v[0].first, 9);
	assert_int_equal(v[1].line, 200003);
	assert_int_equal(v[1].first, 150002);
	caseload_close(cl);
	close(fd);
	free(in);
}

/*
 * Ids longer than 127 bytes and lines far apart: each takes more than one
 * byte where the ids are kept.  Two long ids differ only in their last
 * byte; a blank line is no row, so 70,000 of them put the repeat far down.
 */
static void
test_repeats_long(void **state)
{
	const struct case_repeat	*v;
	struct caseload			*cl;
	struct case_row			 row;
	char				 err[256], *in, id[301];
	size_t				 i, len;
	FILE				*f;
	int				 fd;

	memset(id, 'x', 300);
	id[300] = '\0';
	f = open_memstream(&in, &len);
	assert_non_null(f);
	fputs("case_id,profile\n", f);
	fprintf(f, "%s,torbay\n", id);		/* 2 */
	id[299] = 'y';
	fprintf(f, "%s,torbay\n", id);		/* 3 */
	for (i = 0; i < 70000; i++)		/* 4 to 70003 */
		fputc('\n', f);
	fprintf(f, "%s,torbay\n", id);		/* 70004: as line 3 */
	id[299] = 'x';
	id[200] = '\0';
	fprintf(f, "%s,torbay\n", id);		/* 70005: shorter, new */
	assert_int_equal(fclose(f), 0);
	cl = open_str(in, DATES_ISO, &fd);
	while (next_row(cl, &row, err, sizeof(err)) == 1)
		continue;
	assert_int_equal(caseload_repeats(cl, &v), 1);
	assert_int_equal(v[0].line, 70004);
	assert_int_equal(v[0].first, 3);
	caseload_close(cl);
	close(fd);
	free(in);
}

/* The tests' mappings have room for every column. */
static void
test_map_room(void **state)
{
	size_t	 n;

	(void)state;
	caseload_column_names(&n);
	assert_true(n <= MAP_COLUMNS);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_open_errors),
		cmocka_unit_test(test_map_room),
		cmocka_unit_test(test_missing),
		cmocka_unit_test(test_mapped),
		cmocka_unit_test(test_uk_hint),
		cmocka_unit_test(test_header_mapping),
		cmocka_unit_test(test_full_row),
		cmocka_unit_test(test_row_errors),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_dates_uk_rows),
		cmocka_unit_test(test_closed),
		cmocka_unit_test(test_yes_no),
		cmocka_unit_test(test_reviews_held),
		cmocka_unit_test(test_bad_rows_go_on),
		cmocka_unit_test(test_buffers_reused),
		cmocka_unit_test(test_repeats),
		cmocka_unit_test(test_repeats_many),
		cmocka_unit_test(test_repeats_long),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
