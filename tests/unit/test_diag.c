/*
 * test_diag.c: diagnostics (include/diag.h) collected, streamed and
 * quiet: the exact text each prints, and the counts and worst level each
 * keeps whatever it prints.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "diag.h"

/* The same messages, whatever the mode: every level, every kind of place. */
static void
say_all(struct diags *ds)
{
	diag_add(ds, DIAG_WARNING, "c.csv", 3, "worker: %s", "two names");
	diag_add(ds, DIAG_ERROR, "c.csv", 12, "referral: '%s' is not a valid"
	    " date", "2026-02-30");
	diag_add(ds, DIAG_ERROR, "c.csv", 0, "no line");
	diag_add(ds, DIAG_WARNING, NULL, 0, "no file");
	diag_add(ds, DIAG_FATAL, "c.csv", 0, "%s", "Is a directory");
}

static const char all_text[] =
    "cinplan: c.csv:3: warning: worker: two names\n"
    "cinplan: c.csv:12: referral: '2026-02-30' is not a valid date\n"
    "cinplan: c.csv: no line\n"
    "cinplan: warning: no file\n"
    "cinplan: c.csv: Is a directory\n";

/* The fatal and error messages alone, as a quiet stream prints them. */
static const char fatal_text[] =
    "cinplan: c.csv: Is a directory\n";

static void
counts_all(const struct diags *ds)
{
	assert_int_equal(ds->nerr, 3);
	assert_int_equal(ds->nwarn, 2);
	assert_int_equal(ds->worst, DIAG_FATAL);
}

/* ds emptied, printing to a memory file at *text, quiet below min. */
static void
stream(struct diags *ds, enum diag_level min, char **text, size_t *len)
{
	memset(ds, 0, sizeof(*ds));
	ds->out = open_memstream(text, len);
	assert_non_null(ds->out);
	ds->min = min;
}

/* Streaming: each printed at once, nothing kept. */
static void
test_stream(void **state)
{
	struct diags	 ds;
	char		*text;
	size_t		 len;

	(void)state;
	stream(&ds, DIAG_OK, &text, &len);
	say_all(&ds);
	assert_int_equal(fclose(ds.out), 0);
	assert_string_equal(text, all_text);
	assert_int_equal(ds.n, 0);
	assert_null(ds.v);
	counts_all(&ds);
	free(text);
}

/* Quiet: only what stops the reading is printed; all are counted. */
static void
test_quiet(void **state)
{
	struct diags	 ds;
	char		*text;
	size_t		 len;

	(void)state;
	stream(&ds, DIAG_FATAL, &text, &len);
	say_all(&ds);
	assert_int_equal(fclose(ds.out), 0);
	assert_string_equal(text, fatal_text);
	assert_int_equal(ds.n, 0);
	counts_all(&ds);
	free(text);

	/* Nothing printed at all, and still the worst level is known. */
	stream(&ds, DIAG_FATAL, &text, &len);
	diag_add(&ds, DIAG_ERROR, "c.csv", 5, "case_id is empty");
	diag_add(&ds, DIAG_WARNING, "c.csv", 6, "a warning");
	assert_int_equal(fclose(ds.out), 0);
	assert_string_equal(text, "");
	assert_int_equal(ds.nerr, 1);
	assert_int_equal(ds.nwarn, 1);
	assert_int_equal(ds.worst, DIAG_ERROR);
	free(text);

	/* Warnings counted only, errors printed: census past its limit. */
	stream(&ds, DIAG_ERROR, &text, &len);
	say_all(&ds);
	assert_int_equal(fclose(ds.out), 0);
	assert_string_equal(text,
	    "cinplan: c.csv:12: referral: '2026-02-30' is not a valid date\n"
	    "cinplan: c.csv: no line\n"
	    "cinplan: c.csv: Is a directory\n");
	counts_all(&ds);
	free(text);
}

/* Collecting: kept in order, printed later in the same form. */
static void
test_collect(void **state)
{
	struct diags	 ds;
	char		*text;
	size_t		 len;
	FILE		*f;

	(void)state;
	memset(&ds, 0, sizeof(ds));
	say_all(&ds);
	assert_int_equal(ds.n, 5);
	assert_int_equal(ds.v[1].level, DIAG_ERROR);
	assert_string_equal(ds.v[1].file, "c.csv");
	assert_int_equal(ds.v[1].line, 12);
	assert_string_equal(ds.v[1].msg,
	    "referral: '2026-02-30' is not a valid date");
	assert_null(ds.v[3].file);
	counts_all(&ds);
	f = open_memstream(&text, &len);
	assert_non_null(f);
	diag_print(&ds, f);
	assert_int_equal(fclose(f), 0);
	assert_string_equal(text, all_text);
	free(text);

	/* Cleared: empty, counts reset. */
	diag_clear(&ds);
	assert_int_equal(ds.n, 0);
	assert_null(ds.v);
	assert_int_equal(ds.nerr, 0);
	assert_int_equal(ds.nwarn, 0);
	assert_int_equal(ds.worst, DIAG_OK);

	/* Below min: counted, not kept. */
	ds.min = DIAG_ERROR;
	say_all(&ds);
	assert_int_equal(ds.n, 3);
	assert_int_equal(ds.v[0].level, DIAG_ERROR);
	counts_all(&ds);
	/* Clearing keeps the mode. */
	diag_clear(&ds);
	assert_int_equal(ds.min, DIAG_ERROR);
	assert_null(ds.out);
}

/* A long message is neither cut nor kept in a fixed buffer. */
static void
test_long(void **state)
{
	struct diags	 ds;
	char		 big[5000], *text, *want;
	size_t		 len;

	(void)state;
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	memset(&ds, 0, sizeof(ds));
	diag_add(&ds, DIAG_ERROR, "f", 1, "%s", big);
	assert_int_equal(strlen(ds.v[0].msg), sizeof(big) - 1);
	diag_clear(&ds);
	ds.out = open_memstream(&text, &len);
	assert_non_null(ds.out);
	diag_add(&ds, DIAG_ERROR, "f", 1, "%s", big);
	assert_int_equal(fclose(ds.out), 0);
	want = malloc(sizeof(big) + 32);
	assert_non_null(want);
	snprintf(want, sizeof(big) + 32, "cinplan: f:1: %s\n", big);
	assert_string_equal(text, want);
	free(want);
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stream),
		cmocka_unit_test(test_quiet),
		cmocka_unit_test(test_collect),
		cmocka_unit_test(test_long),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
