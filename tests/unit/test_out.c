/*
 * test_out.c: the output layer's switch (include/out.h): which writer a
 * format and a document get, and that a call the writer was not begun for
 * is refused rather than written, and the one escaping of HTML text.  What
 * each writer writes is checked byte for byte by the golden tests.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "date.h"
#include "out.h"
#include "../../src/out_impl.h"

struct mem {
	FILE	*f;
	char	*buf;
	size_t	 len;
};

static void
mem_open(struct mem *m)
{
	m->buf = NULL;
	m->len = 0;
	m->f = open_memstream(&m->buf, &m->len);
	assert_non_null(m->f);
}

static const char *
mem_text(struct mem *m)
{
	fflush(m->f);
	return m->buf;
}

static void
mem_close(struct mem *m)
{
	fclose(m->f);
	free(m->buf);
}

static void
opts(struct out_opts *o, enum out_doc doc)
{
	memset(o, 0, sizeof(*o));
	o->doc = doc;
	/* 2026-12-01: 2026-01-01 is day 20454, and 1 December is day 335 of
	 * the year (334 days in January to November): 20454 + 334. */
	o->as_of = 20788;
	o->within = 5;
}

/* The check's CSV begins with its own header, not the schedule's. */
static void
test_check_csv_header(void **state)
{
	struct out_opts		 o;
	struct out_check_end	 ce;
	struct out_writer	*w;
	struct mem		 m;
	char			 err[128];

	(void)state;
	mem_open(&m);
	opts(&o, DOC_CHECK);
	w = out_begin(FMT_CSV, m.f, &o, err, sizeof(err));
	assert_non_null(w);
	memset(&ce, 0, sizeof(ce));
	ce.rows = "0 closed, 0 rows rejected";
	assert_int_equal(out_check_end(w, &ce, err, sizeof(err)), 0);
	assert_int_equal(out_end(w, err, sizeof(err)), 0);
	assert_string_equal(mem_text(&m), "case_id,profile,area,worker,kind,"
	    "seq,due,status,label,working_days,source\n");
	mem_close(&m);
}

/* Text: nothing found, the closing line alone, without a blank line. */
static void
test_check_text_nothing(void **state)
{
	struct out_opts		 o;
	struct out_check_end	 ce;
	struct out_writer	*w;
	struct mem		 m;
	char			 err[128];

	(void)state;
	mem_open(&m);
	opts(&o, DOC_CHECK);
	o.within = 1;
	w = out_begin(FMT_TEXT, m.f, &o, err, sizeof(err));
	assert_non_null(w);
	memset(&ce, 0, sizeof(ce));
	ce.open = 1;
	ce.rows = "0 closed, 0 rows rejected";
	assert_int_equal(out_check_end(w, &ce, err, sizeof(err)), 0);
	assert_int_equal(out_end(w, err, sizeof(err)), 0);
	assert_string_equal(mem_text(&m), "0 overdue, 0 due within 1 working"
	    " day, in 1 open case (0 closed, 0 rows rejected) as of"
	    " 2026-12-01\n");
	mem_close(&m);
}

/*
 * The figures as CSV: a header naming each measure as JSON does, then a
 * row for all cases, each profile and each worker.  With excel, the same
 * after a byte-order mark, each line ended CR LF.
 */
static void
summary_csv(int excel, const char *want, size_t wantlen)
{
	struct out_opts		 o;
	struct out_tally	 all, prof;
	struct out_summary	 sm;
	struct out_writer	*w;
	struct mem		 m;
	char			 err[128], key[] = "Ali, \"Al\" Khan";

	mem_open(&m);
	opts(&o, DOC_SUMMARY);
	o.excel = excel;
	w = out_begin(FMT_CSV, m.f, &o, err, sizeof(err));
	assert_non_null(w);
	memset(&all, 0, sizeof(all));
	all.cases = 3;
	all.yes[out_measure_of(KIND_ASSESSMENT, 1)] = 2;
	all.no[out_measure_of(KIND_ASSESSMENT, 1)] = 1;
	all.yes[out_measure_of(KIND_FIRST_MEETING, 1)] = 1;
	all.yes[out_measure_of(KIND_REVIEW, 0)] = 1;
	all.no[out_measure_of(KIND_REVIEW, 0)] = 1;
	all.unknown = 1;
	all.no[out_measure_of(KIND_VISIT, 0)] = 2;
	prof = all;
	prof.key = key;
	memset(&sm, 0, sizeof(sm));
	sm.all = &all;
	sm.by_worker = &prof;
	sm.nworker = 1;
	sm.end.rows = "none";
	assert_int_equal(out_summary(w, &sm, err, sizeof(err)), 0);
	assert_int_equal(out_end(w, err, sizeof(err)), 0);
	assert_int_equal(strlen(mem_text(&m)), wantlen);
	assert_memory_equal(mem_text(&m), want, wantlen);
	mem_close(&m);
}

static void
test_summary_csv(void **state)
{
	static const char	 want[] = "group,name,cases,"
	    "assessments_held,assessments_within_timescale,assessments_late,"
	    "first_meetings_held,first_meetings_within_timescale,"
	    "first_meetings_late,reviews_checked,reviews_up_to_date,"
	    "reviews_overdue,reviews_not_checkable,visits_checked,"
	    "visits_up_to_date,visits_overdue\n"
	    "all,all,3,3,2,1,1,1,0,2,1,1,1,2,0,2\n"
	    "worker,\"Ali, \"\"Al\"\" Khan\",3,3,2,1,1,1,0,2,1,1,1,2,0,2\n";

	(void)state;
	summary_csv(0, want, sizeof(want) - 1);
}

static void
test_summary_csv_excel(void **state)
{
	static const char	 want[] = "\xef\xbb\xbfgroup,name,cases,"
	    "assessments_held,assessments_within_timescale,assessments_late,"
	    "first_meetings_held,first_meetings_within_timescale,"
	    "first_meetings_late,reviews_checked,reviews_up_to_date,"
	    "reviews_overdue,reviews_not_checkable,visits_checked,"
	    "visits_up_to_date,visits_overdue\r\n"
	    "all,all,3,3,2,1,1,1,0,2,1,1,1,2,0,2\r\n"
	    "worker,\"Ali, \"\"Al\"\" Khan\",3,3,2,1,1,1,0,2,1,1,1,2,0,2\r\n";

	(void)state;
	summary_csv(1, want, sizeof(want) - 1);
}

/* A writer begun for one document refuses the calls of another. */
static void
test_wrong_document(void **state)
{
	struct out_opts		 o;
	struct out_summary	 sm;
	struct out_census	 cs;
	struct out_writer	*w;
	struct mem		 m;
	char			 err[128];

	(void)state;
	mem_open(&m);
	opts(&o, DOC_CHECK);
	w = out_begin(FMT_JSON, m.f, &o, err, sizeof(err));
	assert_non_null(w);
	memset(&sm, 0, sizeof(sm));
	memset(&cs, 0, sizeof(cs));
	err[0] = '\0';
	assert_int_equal(out_summary(w, &sm, err, sizeof(err)), -1);
	assert_string_not_equal(err, "");
	assert_int_equal(out_census(w, &cs, err, sizeof(err)), -1);
	assert_int_equal(out_case(w, NULL, err, sizeof(err)), -1);
	out_end(w, err, sizeof(err));
	mem_close(&m);
}

/*
 * A census report that never began (not a return) writes nothing, in JSON
 * and in HTML alike: no half a document.
 */
static void
test_census_json_unbegun(void **state)
{
	static const enum out_format	 fmts[] = { FMT_JSON, FMT_HTML };
	struct out_opts		 o;
	struct out_writer	*w;
	struct mem		 m;
	char			 err[128];
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof(fmts) / sizeof(fmts[0]); i++) {
		mem_open(&m);
		opts(&o, DOC_CENSUS);
		w = out_begin(fmts[i], m.f, &o, err, sizeof(err));
		assert_non_null(w);
		assert_int_equal(out_end(w, err, sizeof(err)), 0);
		fflush(m.f);
		assert_int_equal(m.len, 0);
		mem_close(&m);
	}
}

static void
test_unknown_format(void **state)
{
	struct out_opts		 o;
	char			 err[128];

	(void)state;
	opts(&o, DOC_SCHEDULE);
	assert_null(out_begin((enum out_format)99, stdout, &o, err,
	    sizeof(err)));
	assert_string_equal(err, "unknown output format");
	assert_int_equal(out_format_parse("text"), FMT_TEXT);
	assert_int_equal(out_format_parse("ics"), FMT_ICS);
	assert_int_equal(out_format_parse("html"), FMT_HTML);
	assert_int_equal(out_format_parse("TEXT"), -1);
}

/*
 * HTML text: the five characters that could start or end markup become
 * references; what is not text (control characters, bytes that are not
 * UTF-8: overlong, surrogate, past U+10FFFF, cut short) becomes U+FFFD,
 * one for each byte; good UTF-8, tabs and newlines pass as they are.
 */
#define FFFD	"\xef\xbf\xbd"
static void
test_html_string(void **state)
{
	static const struct {
		const char	*in;
		const char	*out;
	} t[] = {
		{ "", "" },
		{ "Sam Jones", "Sam Jones" },
		{ "<script>alert(1)</script>",
		  "&lt;script&gt;alert(1)&lt;/script&gt;" },
		{ "O'Neil & \"Co\"", "O&#39;Neil &amp; &quot;Co&quot;" },
		{ "&amp;", "&amp;amp;" },
		{ "<img src=x onerror=y>", "&lt;img src=x onerror=y&gt;" },
		{ "a\tb\nc", "a\tb\nc" },
		{ "bell\x07", "bell" FFFD },
		{ "cr\r", "cr" FFFD },
		{ "\x7f", FFFD },
		{ "\x1b[31m", FFFD "[31m" },
		{ "caf\xc3\xa9", "caf\xc3\xa9" },
		{ "1\xe2\x80\x93" "10", "1\xe2\x80\x93" "10" },
		{ "\xf0\x9f\x98\x80", "\xf0\x9f\x98\x80" },
		{ "cut \xc3", "cut " FFFD },
		{ "\xc3<", FFFD "&lt;" },
		{ "\xc0\xaf", FFFD FFFD },
		{ "\xe0\x80\xaf", FFFD FFFD FFFD },
		{ "\xed\xa0\x80", FFFD FFFD FFFD },
		{ "\xf4\x90\x80\x80", FFFD FFFD FFFD FFFD },
		{ "\xff", FFFD },
	};
	struct mem	 m;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		mem_open(&m);
		out_html_string(m.f, t[i].in);
		fflush(m.f);
		if (m.len != strlen(t[i].out) ||
		    memcmp(m.buf, t[i].out, m.len) != 0)
			fail_msg("case %zu: '%s' became '%.*s'", i, t[i].in,
			    (int)m.len, m.buf);
		mem_close(&m);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_check_csv_header),
		cmocka_unit_test(test_check_text_nothing),
		cmocka_unit_test(test_summary_csv),
		cmocka_unit_test(test_summary_csv_excel),
		cmocka_unit_test(test_wrong_document),
		cmocka_unit_test(test_census_json_unbegun),
		cmocka_unit_test(test_unknown_format),
		cmocka_unit_test(test_html_string),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
