/*
 * test_census.c: the census reader and the timeliness measure
 * (include/census.h).
 *
 * Run from the top of the source tree (make check does): the calendar is
 * built from the real data file rules/holidays.  Every working-day count
 * was worked out by hand, with the counting in the row's comment;
 * weekdays come from 1 January of the year concerned.  The reader is fed
 * small documents from temporary files and its whole behaviour, faults
 * with their lines and the children it returns, is written out as a
 * transcript and compared.
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

#include "cal.h"
#include "census.h"
#include "date.h"
#include "diag.h"
#include "rpath.h"
#include "unit.h"

#define NROWS(a)	(sizeof(a) / sizeof((a)[0]))
#define DATA_FILE	"rules/holidays"

static struct hol_data	*data;
static struct calendar	*cal;

static int
D(const char *s)
{
	const char	*why;
	int		 d;

	if (date_parse_str(s, &d, &why) == -1)
		fail_msg("bad date in test table: '%s' %s", s, why);
	return d;
}

static int
setup(void **state)
{
	struct diags	 ds;
	struct rfile	 f;
	char		 err[256];

	err[0] = '\0';
	if (rfile_read_path(DATA_FILE, &f, err, sizeof(err)) != 0) {
		fprintf(stderr, "cannot read %s: run from the top of the"
		    " source tree %s\n", DATA_FILE, err);
		return -1;
	}
	memset(&ds, 0, sizeof(ds));
	ds.out = stderr;
	data = hol_data_parse(f.text, f.len, f.name, &ds);
	rfile_free(&f);
	if (data == NULL)
		return -1;
	cal = cal_new(data, NULL, 0);
	return cal == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	cal_free(cal);
	hol_data_free(data);
	return 0;
}

/* --- timeliness ---------------------------------------------------------- */

struct timely_row {
	const char	*referral;
	const char	*authorised;
	long		 days;		/* working days after the referral */
	int		 within;	/* days <= 45 */
};

static const struct timely_row timely_rows[] = {
	/*
	 * Across Christmas and New Year 2026/27.  Referral Fri 18 Dec 2026.
	 * Dec: Mon 21-Fri 25 and Mon 28-Thu 31 are 9 weekdays, less
	 * Christmas (Fri 25) and Boxing Day's substitute (Mon 28, as the
	 * 26th is a Saturday): 7.  Jan 2027 (1 Jan a Friday): Fri 1, then
	 * four full weeks 4-29 = 21 weekdays, less New Year's Day: 20.
	 * Feb (1 Feb a Monday): 1-5, 8-12, 15-19 = 15, Mon 22, Tue 23 = 17.
	 * 7 + 20 + 17 = 44: within.
	 */
	{ "2026-12-18", "2027-02-23", 44, 1 },
	/* The next working day is the 45th, exactly at the limit ... */
	{ "2026-12-18", "2027-02-24", 45, 1 },
	/* ... and the one after is the 46th: late. */
	{ "2026-12-18", "2027-02-25", 46, 0 },
	/*
	 * 2022's spring bank holiday moved to Thu 2 June and the Platinum
	 * Jubilee added Fri 3 June (Mon 30 May was a working day).
	 * Referral Fri 20 May 2022 (1 Jan 2022 a Saturday, so 20 May a
	 * Friday).  May: Mon 23-Fri 27 = 5, Mon 30, Tue 31 = 7.  June (1st a
	 * Wednesday): Wed 1 = 8, Thu 2 and Fri 3 holidays, 6-10 = 13,
	 * 13-17 = 18, 20-24 = 23, Mon 27-Thu 30 = 27.  July (1st a Friday):
	 * Fri 1 = 28, 4-8 = 33, 11-15 = 38, 18-22 = 43, Mon 25 = 44,
	 * Tue 26 = 45: within; Wed 27 = 46: late.
	 */
	{ "2022-05-20", "2022-07-26", 45, 1 },
	{ "2022-05-20", "2022-07-27", 46, 0 },
	/*
	 * Referral on a weekend: Sat 28 May 2022 counts as day 0 like any
	 * day.  Mon 30, Tue 31 May, Wed 1 June = 3; Thu 2 and Fri 3
	 * holidays; Mon 6-Fri 10 = 8.  Sunday 29 May gives the same.
	 */
	{ "2022-05-28", "2022-06-10", 8, 1 },
	{ "2022-05-29", "2022-06-10", 8, 1 },
	/*
	 * Mon 19 Sep 2022, the State Funeral.  Referral Fri 9 Sep: Mon 12-
	 * Fri 16 = 5, Mon 19 a holiday, Tue 20-Fri 23 = 9.
	 */
	{ "2022-09-09", "2022-09-23", 9, 1 },
	/*
	 * Year end 2025/26: referral Wed 24 Dec 2025; Thu 25 and Fri 26
	 * holidays; Mon 29, Tue 30, Wed 31 = 3; Thu 1 Jan 2026 New Year's
	 * Day; Fri 2 Jan = 4.
	 */
	{ "2025-12-24", "2026-01-02", 4, 1 },
	/* Authorised the day of the referral: 0 working days. */
	{ "2022-03-10", "2022-03-10", 0, 1 },
	/* Authorised on a bank holiday: Wed 1 June 2022 to Fri 3 June: 0. */
	{ "2022-06-01", "2022-06-03", 0, 1 },
	/*
	 * The valid DfE sample (tests/data/census): referral Tue 6 Oct 1970,
	 * authorised Sun 18 Jul 1971.  Weekdays after 6 Oct: Oct 7-30 = 18,
	 * Nov = 21, Dec = 23, Jan 1971 = 21, Feb = 20, Mar = 23, Apr = 22,
	 * May = 21, Jun = 22, Jul 1-16 = 12: 203.  Bank holidays among them:
	 * Fri 25 Dec 1970, Mon 28 Dec (Boxing Day, Sat 26, substitute), Good
	 * Friday 9 Apr 1971, Easter Monday 12 Apr, spring Mon 31 May: 5 (New
	 * Year's Day was not a bank holiday before 1974).  203 - 5 = 198.
	 */
	{ "1970-10-06", "1971-07-18", 198, 0 },
	/* Easter 1971: Thu 8 Apr; Fri 9 and Mon 12 holidays; Tue 13 = 1. */
	{ "1971-04-08", "1971-04-13", 1, 1 },
	/* The first supported day, Thu 1 Jan 1970, to Mon 5 Jan: 2, 5. */
	{ "1970-01-01", "1970-01-05", 2, 1 },
};

static void
test_timely(void **state)
{
	const struct timely_row	*t;
	size_t			 i;
	long			 days;
	int			 w;

	for (i = 0; i < NROWS(timely_rows); i++) {
		t = &timely_rows[i];
		w = census_timely(cal, D(t->referral), D(t->authorised), &days);
		if (days != t->days || w != t->within)
			fail_msg("%s to %s: %ld working days, within %d;"
			    " expected %ld, %d", t->referral, t->authorised,
			    days, w, t->days, t->within);
	}
}

/* --- the reader ---------------------------------------------------------- */

/* A transcript of everything the reader said. */
struct script {
	char	*s;
	size_t	 len, cap;
};

static void	say(struct script *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));

static void
say(struct script *sc, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;

	for (;;) {
		va_start(ap, fmt);
		n = vsnprintf(sc->s + sc->len, sc->cap - sc->len, fmt, ap);
		va_end(ap);
		assert_true(n >= 0);
		if (sc->len + (size_t)n < sc->cap)
			break;
		sc->cap = sc->cap * 2 + (size_t)n + 64;
		sc->s = realloc(sc->s, sc->cap);
		assert_non_null(sc->s);
	}
	sc->len += (size_t)n;
}

static void
on_fault(void *arg, const struct census_fault *f)
{
	char	 buf[512];

	say(arg, "%ld: %s%s\n", f->line, census_fault_is_warning(f) ?
	    "warning: " : "", census_fault_text(f, buf, sizeof(buf)));
}

static void
say_child(struct script *sc, const struct census_child *ch)
{
	const struct census_episode	*ep;
	char				 a[DATE_STRLEN], b[DATE_STRLEN];
	size_t				 i, j;

	say(sc, "child %s@%ld:", ch->id ? ch->id : "-", ch->line);
	for (i = 0; i < ch->ne; i++) {
		ep = &ch->e[i];
		say(sc, "%s e %s/%s%s", i ? " |" : "", unit_date(ep->referral, a),
		    unit_date(ep->closure, b), ep->bad ? "!" : "");
		for (j = 0; j < ep->na; j++)
			say(sc, " (a %s/%s%s)", unit_date(ep->a[j].started, a),
			    unit_date(ep->a[j].authorised, b),
			    ep->a[j].bad ? "!" : "");
		for (j = 0; j < ep->np; j++)
			say(sc, " (p %s/%s)", unit_date(ep->p[j].start, a),
			    unit_date(ep->p[j].end, b));
	}
	say(sc, "\n");
}

/*
 * Run the reader over xml; the caller frees the transcript.  The header,
 * if any of it was read, comes last.
 */
static char *
transcript(const char *xml)
{
	struct script			 sc;
	struct census_reader		*r;
	const struct census_child	*ch;
	const struct census_header	*h;
	const char			*msg;
	char				 d[DATE_STRLEN];
	long				 line;
	int				 fd, rc;

	memset(&sc, 0, sizeof(sc));
	say(&sc, "%s", "");
	fd = unit_fd_str(xml);
	r = census_open(fd, "t.xml", on_fault, &sc);
	while ((rc = census_next(r, &ch)) == 1)
		say_child(&sc, ch);
	if (rc == 0)
		say(&sc, "end\n");
	else {
		msg = census_error(r, &line);
		say(&sc, "error %ld: %s\n", line, msg);
	}
	h = census_header(r);
	if (h->collection != NULL || h->year != NULL ||
	    h->reference_date != DATE_NONE)
		say(&sc, "header %s %s %s\n", h->collection ? h->collection :
		    "-", h->year ? h->year : "-", unit_date(h->reference_date, d));
	census_close(r);
	close(fd);
	return sc.s;
}

struct reader_row {
	const char	*what;
	const char	*xml;
	const char	*want;
};

#define HEAD	"<Message>\n<Children>\n"	/* lines 1-2 */
#define TAIL	"</Children>\n</Message>\n"
#define IDS(x)	"<ChildIdentifiers><LAchildID>" x "</LAchildID>" \
		"</ChildIdentifiers>\n"

static const struct reader_row reader_rows[] = {
	{ "one child, one assessment",
	  HEAD
	  "<Child>\n"						/* 3 */
	  IDS("A1")
	  "<CINdetails>\n"					/* 5 */
	  "<CINreferralDate>2022-05-20</CINreferralDate>\n"
	  "<Assessments><AssessmentActualStartDate>2022-05-23"
	  "</AssessmentActualStartDate><AssessmentAuthorisationDate>"
	  "2022-07-26</AssessmentAuthorisationDate></Assessments>\n"
	  "</CINdetails>\n"
	  "</Child>\n"
	  TAIL,
	  "child A1@3: e 2022-05-20/- (a 2022-05-23/2022-07-26)\n"
	  "end\n" },

	{ "several CINdetails, Assessments and CINPlanDates",
	  HEAD
	  "<Child>\n"						/* 3 */
	  IDS("B1")
	  "<CINdetails>\n"
	  "<CINreferralDate>2022-01-04</CINreferralDate>\n"
	  "<CINclosureDate>2022-06-30</CINclosureDate>\n"
	  "<Assessments><AssessmentActualStartDate>2022-01-05"
	  "</AssessmentActualStartDate></Assessments>\n"
	  "<Assessments><AssessmentActualStartDate>2022-02-01"
	  "</AssessmentActualStartDate><AssessmentAuthorisationDate>"
	  "2022-03-01</AssessmentAuthorisationDate></Assessments>\n"
	  "<CINPlanDates><CINPlanStartDate>2022-03-10</CINPlanStartDate>"
	  "<CINPlanEndDate>2022-04-10</CINPlanEndDate></CINPlanDates>\n"
	  "<CINPlanDates><CINPlanStartDate>2022-05-01</CINPlanStartDate>"
	  "</CINPlanDates>\n"
	  "</CINdetails>\n"
	  "<CINdetails>\n"
	  "<CINreferralDate>2022-09-01</CINreferralDate>\n"
	  "</CINdetails>\n"
	  "</Child>\n"
	  "<Child>\n"						/* 17 */
	  IDS("B2")
	  "<CINdetails><CINreferralDate>2023-01-03</CINreferralDate>"
	  "</CINdetails>\n"
	  "</Child>\n"
	  TAIL,
	  "child B1@3: e 2022-01-04/2022-06-30 (a 2022-01-05/-)"
	  " (a 2022-02-01/2022-03-01) (p 2022-03-10/2022-04-10)"
	  " (p 2022-05-01/-) | e 2022-09-01/-\n"
	  "child B2@17: e 2023-01-03/-\n"
	  "end\n" },

	{ "unknown elements are skipped whole, with a warning",
	  HEAD
	  "<Child>\n"						/* 3 */
	  "<ChildIdentifiers><LAchildID>U1</LAchildID>\n"	/* 4 */
	  "<extra_unknown>x</extra_unknown></ChildIdentifiers>\n"
	  "<CINdetails>\n"					/* 6 */
	  "<Wrapper><CINreferralDate>notadate</CINreferralDate></Wrapper>\n"
	  "<CINreferralDate>2022-01-04</CINreferralDate>\n"
	  "<Assessments><AssessmentActualStartDate>2022-01-04"
	  "</AssessmentActualStartDate><Note/></Assessments>\n"	/* 9 */
	  "</CINdetails>\n"
	  "</Child>\n"
	  TAIL,
	  "5: warning: child U1: extra_unknown: unknown element, ignored\n"
	  "7: warning: child U1: Wrapper: unknown element, ignored\n"
	  "9: warning: child U1: Note: unknown element, ignored\n"
	  "child U1@3: e 2022-01-04/- (a 2022-01-04/-)\n"
	  "end\n" },

	{ "known elements out of place are skipped, with a warning",
	  HEAD
	  "<Child>\n"						/* 3 */
	  IDS("M1")
	  "<CINreferralDate>2022-01-04</CINreferralDate>\n"	/* 5 */
	  "<CINdetails>\n"					/* 6 */
	  "<CINreferralDate>2022-01-05</CINreferralDate>\n"	/* 7 */
	  "</CINdetails>\n"
	  "</Child>\n"
	  "<Child>\n"						/* 10 */
	  IDS("M2")
	  "<CINdetails><CINreferralDate>2022-01-06</CINreferralDate>"
	  "</CINdetails>\n"
	  "</Child>\n"
	  TAIL,
	  "5: warning: child M1: CINreferralDate: not expected inside Child,"
	  " ignored\n"
	  "child M1@3: e 2022-01-05/-\n"
	  "child M2@10: e 2022-01-06/-\n"
	  "end\n" },

	/*
	 * Issue 19, 7: the text around an element inside a value is no
	 * value ("2022-01-05" here): an error, and the episode has no
	 * referral date.  Only the first element inside is reported.
	 */
	{ "an element inside a value is an error",
	  HEAD
	  "<Child>\n"						/* 3 */
	  IDS("M1")
	  "<CINdetails>\n"					/* 5 */
	  "<CINreferralDate>2022-<b>99</b>01-05"
	  "<i/></CINreferralDate>\n"				/* 6 */
	  "</CINdetails>\n"
	  "</Child>\n"
	  "<Child>\n"						/* 9 */
	  IDS("M2")
	  "<CINdetails><CINreferralDate>2022-01-06</CINreferralDate>"
	  "</CINdetails>\n"
	  "</Child>\n"
	  TAIL,
	  "6: child M1: CINreferralDate: holds an element <b>, where only a"
	  " value may be\n"
	  "child M1@3: e -/-!\n"
	  "child M2@9: e 2022-01-06/-\n"
	  "end\n" },

	{ "a missing LAchildID leaves out that child only",
	  HEAD
	  "<Child>\n"						/* 3 */
	  "<ChildIdentifiers><UPN>A123</UPN></ChildIdentifiers>\n"
	  "<CINdetails>\n"
	  "<CINreferralDate>2022-01-04</CINreferralDate>\n"
	  "<ReferralNFA>wrong</ReferralNFA>\n"			/* 7 */
	  "</CINdetails>\n"
	  "</Child>\n"
	  "<Child>\n"						/* 10 */
	  IDS("N2")
	  "<CINdetails><CINreferralDate>2022-01-05</CINreferralDate>"
	  "</CINdetails>\n"
	  "</Child>\n"
	  "<Child>\n"						/* 14 */
	  "<ChildIdentifiers><LAchildID> </LAchildID></ChildIdentifiers>\n"
	  "</Child>\n"
	  "<Child/>\n"						/* 17 */
	  TAIL,
	  "3: child (no LAchildID): LAchildID: missing from ChildIdentifiers\n"
	  "7: child (no LAchildID): ReferralNFA: 'wrong' is not a valid"
	  " boolean (true, false, 1 or 0)\n"
	  "child -@3: e 2022-01-04/-\n"
	  "child N2@10: e 2022-01-05/-\n"
	  "15: child (no LAchildID): LAchildID: empty\n"
	  "child -@14:\n"
	  "17: child (no LAchildID): LAchildID: missing from ChildIdentifiers\n"
	  "child -@17:\n"
	  "end\n" },

	{ "a missing CINreferralDate leaves out the episode's assessments",
	  HEAD
	  "<Child>\n"						/* 3 */
	  IDS("R1")
	  "<CINdetails>\n"					/* 5 */
	  "<Assessments><AssessmentActualStartDate>2022-01-04"
	  "</AssessmentActualStartDate><AssessmentAuthorisationDate>"
	  "2022-02-01</AssessmentAuthorisationDate></Assessments>\n"
	  "</CINdetails>\n"
	  "<CINdetails>\n"					/* 8 */
	  "<CINreferralDate>2022-03-01</CINreferralDate>\n"
	  "<Assessments>\n"					/* 10 */
	  "<AssessmentAuthorisationDate>2022-03-02"
	  "</AssessmentAuthorisationDate></Assessments>\n"
	  "</CINdetails>\n"
	  "</Child>\n"
	  TAIL,
	  "5: child R1: CINreferralDate: missing from CINdetails\n"
	  "10: child R1: AssessmentActualStartDate: missing from Assessments\n"
	  "child R1@3: e -/-! (a 2022-01-04/2022-02-01!) |"
	  " e 2022-03-01/- (a -/2022-03-02!)\n"
	  "end\n" },

	{ "bad dates: each reported, each affecting only its own part",
	  HEAD
	  "<Child>\n"						/* 3 */
	  "<ChildIdentifiers><LAchildID>D1</LAchildID>\n"
	  "<PersonBirthDate>1966-03-24</PersonBirthDate>\n"	/* any year */
	  "<PersonDeathDate>notadate</PersonDeathDate>\n"	/* 6 */
	  "</ChildIdentifiers>\n"
	  "<CINdetails>\n"
	  "<CINreferralDate> 2022-01-04\n</CINreferralDate>\n"	/* blanks ok */
	  "<CINclosureDate>2022-13-01</CINclosureDate>\n"	/* 11 */
	  "<Assessments>\n"
	  "<AssessmentActualStartDate>2022-02-29"		/* 13 */
	  "</AssessmentActualStartDate>\n"
	  "<AssessmentAuthorisationDate>2022-03-01"
	  "</AssessmentAuthorisationDate>\n"
	  "</Assessments>\n"
	  "<Assessments>\n"
	  "<AssessmentActualStartDate>2022-01-05+01:00"	/* 17: zone ok */
	  "</AssessmentActualStartDate>\n"
	  "<AssessmentAuthorisationDate>1969-12-31"		/* 18: range */
	  "</AssessmentAuthorisationDate>\n"
	  "</Assessments>\n"
	  "<Assessments>\n"
	  "<AssessmentActualStartDate><![CDATA[2022-01-06]]>"
	  "</AssessmentActualStartDate>\n"
	  "<AssessmentAuthorisationDate>2022-02<!-- c -->-01"
	  "</AssessmentAuthorisationDate>\n"
	  "</Assessments>\n"
	  "<Assessments>\n"					/* 24 */
	  "<AssessmentActualStartDate/>\n"			/* 25 */
	  "<AssessmentAuthorisationDate>2022-03-01T10:00:00"	/* 26 */
	  "</AssessmentAuthorisationDate>\n"
	  "</Assessments>\n"
	  "<Section47><S47ActualStartDate>22-01-04</S47ActualStartDate>"
	  "<ICPCnotRequired>TRUE</ICPCnotRequired></Section47>\n" /* 28 */
	  "<ReferralNFA>1</ReferralNFA>\n"
	  "</CINdetails>\n"
	  "</Child>\n"
	  TAIL,
	  "6: child D1: PersonDeathDate: 'notadate' is not a valid date\n"
	  "11: child D1: CINclosureDate: '2022-13-01' is not a valid date\n"
	  "13: child D1: AssessmentActualStartDate: '2022-02-29' is not a"
	  " valid date\n"
	  "18: child D1: AssessmentAuthorisationDate: '1969-12-31' is not a"
	  " valid date (outside the supported range 1970-01-01 to"
	  " 2199-12-31)\n"
	  "25: child D1: AssessmentActualStartDate: '' is not a valid date\n"
	  "26: child D1: AssessmentAuthorisationDate: '2022-03-01T10:00:00'"
	  " is not a valid date\n"
	  "28: child D1: S47ActualStartDate: '22-01-04' is not a valid date\n"
	  "child D1@3: e 2022-01-04/-! (a -/2022-03-01!)"
	  " (a 2022-01-05/-!) (a 2022-01-06/2022-02-01) (a -/-!)\n"
	  "end\n" },

	{ "an authorisation before the referral, and repeated elements",
	  HEAD
	  "<Child>\n"						/* 3 */
	  "<ChildIdentifiers><LAchildID>E1</LAchildID>\n"
	  "<LAchildID>E1b</LAchildID></ChildIdentifiers>\n"	/* 5 */
	  "<CINdetails>\n"
	  "<CINreferralDate>2022-03-10</CINreferralDate>\n"
	  "<CINreferralDate>2022-03-11</CINreferralDate>\n"	/* 8 */
	  "<Assessments><AssessmentActualStartDate>2022-03-10"
	  "</AssessmentActualStartDate>\n"
	  "<AssessmentAuthorisationDate>2022-03-01"		/* 10 */
	  "</AssessmentAuthorisationDate></Assessments>\n"
	  "</CINdetails>\n"
	  "</Child>\n"
	  "<Child>\n"						/* 13 */
	  IDS("E2")
	  "<CINdetails>\n"
	  "<CINreferralDate>2022-03-10</CINreferralDate>\n"
	  "<Assessments><AssessmentActualStartDate>2022-03-10"
	  "</AssessmentActualStartDate>\n"
	  "<AssessmentAuthorisationDate>2022-03-01"		/* 18 */
	  "</AssessmentAuthorisationDate></Assessments>\n"
	  "<Assessments><AssessmentActualStartDate>2022-03-10"
	  "</AssessmentActualStartDate>\n"
	  "<AssessmentAuthorisationDate>2022-03-10"		/* 20 */
	  "</AssessmentAuthorisationDate>\n"
	  "<AssessmentAuthorisationDate>2022-03-11"		/* 21 */
	  "</AssessmentAuthorisationDate></Assessments>\n"
	  "</CINdetails>\n"
	  "</Child>\n"
	  TAIL,
	  "5: child E1: LAchildID: 'E1b' is a second LAchildID in one"
	  " ChildIdentifiers\n"
	  "8: child E1: CINreferralDate: '2022-03-11' is a second"
	  " CINreferralDate in one CINdetails\n"
	  "child -@3: e 2022-03-10/-! (a 2022-03-10/2022-03-01!)\n"
	  "18: child E2: AssessmentAuthorisationDate: '2022-03-01' is before"
	  " the CINreferralDate 2022-03-10\n"
	  "21: child E2: AssessmentAuthorisationDate: '2022-03-11' is a"
	  " second AssessmentAuthorisationDate in one Assessments\n"
	  "child E2@13: e 2022-03-10/- (a 2022-03-10/2022-03-01!)"
	  " (a 2022-03-10/2022-03-10!)\n"
	  "end\n" },

	{ "the header, its faults outside any child, and namespaces",
	  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	  "<cin:Message xmlns:cin=\"urn:example:cin\">\n"	/* 2 */
	  "<cin:Header><cin:CollectionDetails>\n"
	  "<cin:Collection>CIN</cin:Collection>\n"
	  "<cin:Year>2022</cin:Year>\n"
	  "<cin:ReferenceDate>2022-03-31</cin:ReferenceDate>\n"
	  "</cin:CollectionDetails>\n"
	  "<cin:Source><cin:DateTime>yesterday</cin:DateTime>"
	  "<cin:Mystery/></cin:Source>\n"			/* 8 */
	  "</cin:Header>\n"
	  "<cin:Children><cin:Child>"				/* 10 */
	  "<cin:ChildIdentifiers><cin:LAchildID>H1</cin:LAchildID>"
	  "</cin:ChildIdentifiers></cin:Child></cin:Children>\n"
	  "</cin:Message>\n",
	  "8: warning: Mystery: unknown element, ignored\n"
	  "child H1@10:\n"
	  "end\n"
	  "header CIN 2022 2022-03-31\n" },

	{ "a bad reference date",
	  "<Message><Header><CollectionDetails>\n"
	  "<ReferenceDate>2022-02-30</ReferenceDate>\n"
	  "</CollectionDetails></Header><Children/></Message>\n",
	  "2: ReferenceDate: '2022-02-30' is not a valid date\n"
	  "end\n" },

	{ "the header's text is trimmed and kept",
	  "<Message><Header><CollectionDetails>"
	  "<Collection> CIN </Collection><Year>2024</Year>"
	  "</CollectionDetails></Header><Children/></Message>",
	  "end\n"
	  "header CIN 2024 -\n" },

	{ "not a census return",
	  "<?xml version=\"1.0\"?>\n<html><body/></html>\n",
	  "error 2: not a CIN census return: the root element is <html>,"
	  " not <Message>\n" },

	{ "not well-formed from the start",
	  "<Message>\n<Children>\n<Child>\n</Chlid>\n",
	  "error 4: XML error: Opening and ending tag mismatch: Child line 3"
	  " and Chlid\n" },

	{ "an entity reference in LAchildID",
	  "<!DOCTYPE Message [ <!ENTITY x \"1\"> ]>\n"
	  "<Message><Children>\n"
	  "<Child><ChildIdentifiers><LAchildID>A&x;</LAchildID>"	/* 3 */
	  "</ChildIdentifiers></Child>\n"
	  "</Children></Message>\n",
	  "3: child (no LAchildID): LAchildID: 'A&x;' holds an entity"
	  " reference, which cinplan does not expand\n"
	  "child -@3:\n"
	  "end\n" },

	{ "an entity expansion bomb is stopped",
	  "<!DOCTYPE Message [\n"
	  " <!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">\n"
	  " <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
	  " <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
	  " <!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
	  " <!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
	  " <!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n"
	  " <!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">\n"
	  " <!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">\n"
	  "]>\n"
	  "<Message><Children><Child><ChildIdentifiers><LAchildID>&h;"
	  "</LAchildID></ChildIdentifiers></Child></Children></Message>\n",
	  NULL },	/* any error, or a rejected id: checked below */
};

static void
test_reader(void **state)
{
	const struct reader_row	*t;
	size_t			 i;
	char			*got;

	for (i = 0; i < NROWS(reader_rows); i++) {
		t = &reader_rows[i];
		got = transcript(t->xml);
		if (t->want == NULL) {
			/* Whatever happens, no billion-byte id. */
			if (strncmp(got, "error ", 6) != 0 &&
			    strstr(got, "child -@") == NULL)
				fail_msg("%s: got\n%s", t->what, got);
		} else if (strcmp(got, t->want) != 0)
			fail_msg("%s: got\n%s\nexpected\n%s", t->what, got,
			    t->want);
		free(got);
	}
}

/*
 * A fatal error partway: the children before it are still returned, and
 * the faults already found in the child it cuts short.  libxml2 parses
 * ahead in blocks and stops at once, so what lies a block or so before
 * the error is lost; padding keeps this test clear of that.
 */
static void
test_fatal_midway(void **state)
{
	char	*xml, *got, pad[4001];
	size_t	 n;

	memset(pad, 'x', sizeof(pad) - 1);
	pad[sizeof(pad) - 1] = '\0';
	n = 16384;
	xml = malloc(n);
	assert_non_null(xml);
	snprintf(xml, n, HEAD
	    "<Child>\n"						/* 3 */
	    IDS("F1")
	    "<CINdetails><CINreferralDate>2022-01-04</CINreferralDate>"
	    "</CINdetails>\n"
	    "</Child>\n"
	    "<Child>\n"						/* 7 */
	    IDS("F2")
	    "</Child>\n"
	    "<!-- %s -->\n"					/* 10 */
	    "<Child>\n"						/* 11 */
	    "<ChildIdentifiers><LAchildID>F3</LAchildID>\n"
	    "<PersonBirthDate>bad</PersonBirthDate>\n"		/* 13 */
	    "<!-- %s -->\n"
	    "<Oops></ChildIdentifiers>\n"			/* 15 */
	    TAIL, pad, pad);
	got = transcript(xml);
	assert_string_equal(got,
	    "child F1@3: e 2022-01-04/-\n"
	    "child F2@7:\n"
	    "13: child F3: PersonBirthDate: 'bad' is not a valid date\n"
	    "error 15: XML error: Opening and ending tag mismatch: Oops line"
	    " 15 and ChildIdentifiers\n");
	free(got);
	free(xml);
}

/*
 * Line numbers past libxml2's 16-bit element line: a header with 70,000
 * lines of SoftwareCode, then a child without an id and a bad date.
 */
static void
test_big_lines(void **state)
{
	static const char	 filler[] = "<SoftwareCode>x</SoftwareCode>\n";
	const char		*head = "<Message>\n<Header><Source>\n";
	const char		*tail =
	    "</Source></Header>\n"				/* 70003 */
	    "<Children>\n"
	    "<Child>\n"						/* 70005 */
	    "<ChildIdentifiers>\n"
	    "<UPN>A1</UPN>\n"
	    "</ChildIdentifiers>\n"
	    "<CINdetails>\n"
	    "<CINreferralDate>2022-01-04</CINreferralDate>\n"
	    "<Assessments>\n"
	    "<AssessmentActualStartDate>notadate"		/* 70012 */
	    "</AssessmentActualStartDate>\n"
	    "</Assessments>\n"
	    "<Ignored/>\n"					/* 70014 */
	    "</CINdetails>\n"
	    "</Child>\n"
	    TAIL;
	char			*xml, *got, *p;
	size_t			 n, i;

	n = strlen(head) + 70000 * (sizeof(filler) - 1) + strlen(tail) + 1;
	xml = malloc(n);
	assert_non_null(xml);
	p = xml;
	p += sprintf(p, "%s", head);
	for (i = 0; i < 70000; i++)
		p += sprintf(p, "%s", filler);
	strcpy(p, tail);
	got = transcript(xml);
	assert_string_equal(got,
	    "70005: child (no LAchildID): LAchildID: missing from"
	    " ChildIdentifiers\n"
	    "70012: child (no LAchildID): AssessmentActualStartDate:"
	    " 'notadate' is not a valid date\n"
	    "70014: warning: child (no LAchildID): Ignored: unknown element,"
	    " ignored\n"
	    "child -@70005: e 2022-01-04/- (a -/-!)\n"
	    "end\n");
	free(got);
	free(xml);
}

/* A temporary file with the given contents; returns its path (static). */
static const char *
tmp_with(const char *text)
{
	static char	 path[4][256];
	static int	 k;
	const char	*dir;
	char		*p;
	int		 fd;

	dir = getenv("TMPDIR");
	p = path[k++ & 3];
	snprintf(p, 256, "%s/cinplan-census-XXXXXX", dir && *dir ? dir :
	    "/tmp");
	fd = mkstemp(p);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	return p;
}

/*
 * Neither an external DTD nor an external entity is read: the DTD is
 * garbage that would fail the parse if loaded, and the entity holds a
 * good date that would be accepted if expanded.
 */
static void
test_no_external(void **state)
{
	const char	*dtd, *ent;
	char		*xml, *got;
	size_t		 n;

	dtd = tmp_with("this <<< is not a DTD");
	ent = tmp_with("2022-01-04");
	n = 4096;
	xml = malloc(n);
	assert_non_null(xml);
	snprintf(xml, n,
	    "<?xml version=\"1.0\"?>\n"
	    "<!DOCTYPE Message SYSTEM \"file://%s\" [\n"
	    "<!ENTITY ext SYSTEM \"file://%s\">\n"
	    "<!ENTITY %% pe SYSTEM \"file://%s\">\n"
	    "%%pe;\n"
	    "]>\n"
	    "<Message><Children><Child>\n"			/* 7 */
	    IDS("X1")
	    "<CINdetails>\n"
	    "<CINreferralDate>&ext;</CINreferralDate>\n"	/* 10 */
	    "</CINdetails>\n"
	    "</Child></Children></Message>\n", dtd, ent, dtd);
	got = transcript(xml);
	assert_string_equal(got,
	    "10: child X1: CINreferralDate: '&ext;' is not a valid date\n"
	    "child X1@7: e -/-!\n"
	    "end\n");
	free(got);
	free(xml);
	unlink(dtd);
	unlink(ent);
}

/* Every kind of fault has words, and a long value is cut short. */
static void
test_fault_text(void **state)
{
	struct census_fault	 f;
	char			 buf[512], small[16];

	memset(&f, 0, sizeof(f));
	f.kind = CF_UNKNOWN;
	f.line = 1;
	f.element = "x";
	assert_string_equal(census_fault_text(&f, buf, sizeof(buf)),
	    "x: unknown element, ignored");
	assert_true(census_fault_is_warning(&f));
	f.kind = CF_BAD_DATE;
	f.value = "v";
	f.in_child = 1;
	f.child = "ID\n1";
	assert_string_equal(census_fault_text(&f, buf, sizeof(buf)),
	    "child ID?1: x: 'v' is not a valid date");
	assert_false(census_fault_is_warning(&f));
	/* Truncated, never overrun. */
	census_fault_text(&f, small, sizeof(small));
	assert_int_equal(strlen(small), sizeof(small) - 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_timely),
		cmocka_unit_test(test_reader),
		cmocka_unit_test(test_fatal_midway),
		cmocka_unit_test(test_big_lines),
		cmocka_unit_test(test_no_external),
		cmocka_unit_test(test_fault_text),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
