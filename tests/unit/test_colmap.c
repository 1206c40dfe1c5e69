/*
 * test_colmap.c: column mapping files (include/colmap.h): the headings
 * read, and every mistake reported with its file and line.
 */
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
#include "colmap.h"
#include "diag.h"
#include "unit.h"

/*
 * colmap_read(), its message into err: a refusal says one thing, as
 * fatal, and a mapping read says nothing.
 */
static char **
read_map(const char *path, char *err, size_t sz)
{
	struct diags	 ds;
	char		**map;

	memset(&ds, 0, sizeof(ds));
	map = colmap_read(path, &ds);
	assert_int_equal(ds.n, map == NULL ? 1 : 0);
	assert_int_equal(ds.worst, map == NULL ? DIAG_FATAL : DIAG_OK);
	said(&ds, err, sz);
	return map;
}

/* Write s to a new temporary file; its path goes into path[64]. */
static void
tmpmap(const char *s, char *path)
{
	FILE	*f;
	int	 fd;

	snprintf(path, 64, "/tmp/test_colmap.XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	assert_int_equal(fwrite(s, 1, strlen(s), f), strlen(s));
	assert_int_equal(fclose(f), 0);
}

/* The heading mapped to column name, or NULL. */
static const char *
mapped(char **map, const char *name)
{
	const char *const	*names;
	size_t			 n, i;

	names = caseload_column_names(&n);
	for (i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return map[i];
	fail_msg("no column %s", name);
	return NULL;
}

static void
test_read(void **state)
{
	char	 path[64], err[256], **map;

	(void)state;
	tmpmap("\xef\xbb\xbf# Liquidlogic, Open CIN cases\r\n"
	    "[columns]\r\n"
	    "case_id = Case Ref\r\n"
	    "  Referral =Referral Date  \r\n"
	    "; a comment\n"
	    "\n"
	    "worker = \" Allocated Worker \"\n"
	    "[Columns]\n"
	    "assessment_completed = Assessment Authorised Date", path);
	map = read_map(path, err, sizeof(err));
	unlink(path);
	if (map == NULL)
		fail_msg("%s", err);
	assert_string_equal(mapped(map, "case_id"), "Case Ref");
	/* Keys in any case; blanks around both sides dropped. */
	assert_string_equal(mapped(map, "referral"), "Referral Date");
	/* Quotes keep what is inside, trimmed. */
	assert_string_equal(mapped(map, "worker"), "Allocated Worker");
	assert_string_equal(mapped(map, "assessment_completed"),
	    "Assessment Authorised Date");
	assert_null(mapped(map, "profile"));
	assert_null(mapped(map, "last_visit"));
	colmap_free(map);
	colmap_free(NULL);
}

static void
test_errors(void **state)
{
	static const struct {
		const char	*in;
		const char	*err;	/* after "PATH:" */
	} t[] = {
		{ "case_id = Ref\nrefferal = Date\n",
		  "2: 'refferal' is not a caseload column; did you mean "
		  "'referral'?" },
		{ "kase = Ref\n",
		  "1: 'kase' is not a caseload column" },
		{ "case_id Ref\n",
		  "1: 'case_id Ref' is not 'column = heading'" },
		{ "case_id =\n",
		  "1: case_id: no heading after '='" },
		{ "case_id = \"\"\n",
		  "1: case_id: no heading after '='" },
		{ "case_id = A\n\ncase_id = B\n",
		  "3: case_id is mapped twice (line 1)" },
		{ "case_id = Ref\nworker = ref\n",
		  "2: 'ref' is already case_id's heading (line 1)" },
		{ "[profile]\ncase_id = Ref\n",
		  "1: unknown section '[profile]': a mapping has only "
		  "[columns]" },
	};
	char	 path[64], err[256], want[320], **map;
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		tmpmap(t[i].in, path);
		err[0] = '\0';
		map = read_map(path, err, sizeof(err));
		unlink(path);
		assert_null(map);
		snprintf(want, sizeof(want), "%s:%s", path, t[i].err);
		assert_string_equal(err, want);
	}
	/* A NUL byte, and a file that is not there. */
	tmpmap("case_id = Ref\n", path);
	{
		FILE *f = fopen(path, "a");

		assert_non_null(f);
		fputs("worker = W", f);
		fputc('\0', f);
		fputs("x\n", f);
		fclose(f);
	}
	assert_null(read_map(path, err, sizeof(err)));
	snprintf(want, sizeof(want), "%s:2: NUL byte", path);
	assert_string_equal(err, want);
	unlink(path);
	assert_null(read_map(path, err, sizeof(err)));
	snprintf(want, sizeof(want), "%s: No such file or directory", path);
	assert_string_equal(err, want);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_read),
		cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
