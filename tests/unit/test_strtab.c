/*
 * test_strtab.c: the string table: numbers in the order first added,
 * found again by the bytes themselves, whatever their hashes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "strtab.h"

/* Strings that differ only in length, case, a NUL or a last byte. */
static const struct {
	const char	*s;
	size_t		 len;
	size_t		 want;		/* the number it gets */
} adds[] = {
	{ "C0000001", 8, 0 },
	{ "C0000002", 8, 1 },
	{ "C0000001", 8, 0 },		/* again: the same number */
	{ "c0000001", 8, 2 },
	{ "C000000", 7, 3 },		/* a prefix is another string */
	{ "C0000001\0", 9, 4 },		/* so is one with a NUL after */
	{ "", 0, 5 },
	{ "", 0, 5 },
	{ "A Khan", 6, 6 },
	{ "A Khan ", 7, 7 },
	{ "C0000002", 8, 1 },
	{ "a string longer than sixteen bytes, hashed in words", 51, 8 },
	{ "a string longer than sixteen bytes, hashed in words!", 52, 9 },
};

static void
test_table(void **state)
{
	struct strtab	*t;
	const char	*p;
	size_t		 i, k, len;
	int		 added, fresh;

	t = strtab_new();
	for (i = 0, fresh = 0; i < sizeof(adds) / sizeof(adds[0]); i++) {
		k = strtab_add(t, adds[i].s, adds[i].len, &added);
		if (k != adds[i].want)
			fail_msg("add %zu: number %zu, want %zu", i, k,
			    adds[i].want);
		assert_int_equal(added, k == (size_t)fresh);
		if (added)
			fresh++;
	}
	assert_int_equal(strtab_count(t), 10);
	for (i = 0; i < sizeof(adds) / sizeof(adds[0]); i++) {
		assert_int_equal(strtab_find(t, adds[i].s, adds[i].len),
		    adds[i].want);
		p = strtab_str(t, adds[i].want, &len);
		assert_int_equal(len, adds[i].len);
		assert_memory_equal(p, adds[i].s, len);
		assert_int_equal(p[len], '\0');
	}
	assert_int_equal(strtab_find(t, "C0000003", 8), STRTAB_NONE);
	assert_int_equal(strtab_find(t, "A Kha", 5), STRTAB_NONE);
	strtab_free(t);
	strtab_free(NULL);
}

/*
 * Enough strings to grow the table many times over.  Slots keep 32 bits
 * of a hash; among 300,000 strings some pairs share them (about ten, by
 * the birthday bound), and only a comparison of the bytes tells those
 * apart: every string must still get a number of its own.
 */
#define MANY	300000

static void
test_many(void **state)
{
	struct strtab	*t;
	const char	*p;
	char		 buf[32];
	size_t		 i, k, len;
	int		 added, n;

	t = strtab_new();
	for (i = 0; i < MANY; i++) {
		n = snprintf(buf, sizeof(buf), "case-%zu", i * 7919 % MANY);
		k = strtab_add(t, buf, (size_t)n, &added);
		assert_true(added);
		assert_int_equal(k, i);
	}
	assert_int_equal(strtab_count(t), MANY);
	for (i = 0; i < MANY; i++) {
		n = snprintf(buf, sizeof(buf), "case-%zu", i * 7919 % MANY);
		assert_int_equal(strtab_add(t, buf, (size_t)n, &added), i);
		assert_false(added);
		p = strtab_str(t, i, &len);
		assert_int_equal(len, (size_t)n);
		assert_memory_equal(p, buf, len);
		n = snprintf(buf, sizeof(buf), "case-%zu", MANY + i);
		assert_int_equal(strtab_find(t, buf, (size_t)n), STRTAB_NONE);
	}
	assert_int_equal(strtab_count(t), MANY);
	strtab_free(t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_many),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
