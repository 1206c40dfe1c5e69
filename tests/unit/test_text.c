/*
 * test_text.c: the small text helpers: UTF-8 sequences as RFC 3629 allows
 * them (Table 3-7 of the Unicode Standard gives the well-formed byte
 * ranges), text fit to print, values quoted in messages, and how far
 * apart two names are.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "text.h"

#define NROWS(a)	(sizeof(a) / sizeof((a)[0]))

static const struct {
	const char	*s;
	size_t		 len;
	size_t		 want;
} seqs[] = {
	{ "A", 1, 1 },
	{ "\t", 1, 1 },			/* a control is still one byte */
	{ "", 0, 0 },			/* nothing there */
	{ "\xc2\xa3", 2, 2 },		/* U+00A3 POUND SIGN */
	{ "\xc2\x85", 2, 2 },		/* U+0085, C1: valid UTF-8 */
	{ "\xc1\xbf", 2, 0 },		/* overlong U+007F */
	{ "\xc2", 1, 0 },		/* cut short */
	{ "\xc2\x41", 2, 0 },		/* no continuation byte */
	{ "\xe2\x80\x99", 3, 3 },	/* U+2019, the curly apostrophe */
	{ "\xe0\x9f\xbf", 3, 0 },	/* overlong U+07FF */
	{ "\xe0\xa0\x80", 3, 3 },	/* U+0800, the first 3-byte */
	{ "\xed\x9f\xbf", 3, 3 },	/* U+D7FF, below the surrogates */
	{ "\xed\xa0\x80", 3, 0 },	/* U+D800, a surrogate */
	{ "\xe2\x80", 2, 0 },		/* cut short */
	{ "\xe2\x80\x99", 2, 0 },	/* cut short by len */
	{ "\xf0\x8f\xbf\xbf", 4, 0 },	/* overlong U+FFFF */
	{ "\xf0\x90\x80\x80", 4, 4 },	/* U+10000 */
	{ "\xf4\x8f\xbf\xbf", 4, 4 },	/* U+10FFFF, the last */
	{ "\xf4\x90\x80\x80", 4, 0 },	/* past U+10FFFF */
	{ "\xf5\x80\x80\x80", 4, 0 },
	{ "\xff", 1, 0 },
	{ "\x80", 1, 0 },		/* a lone continuation byte */
};

static void
test_utf8_len(void **state)
{
	size_t	 i;

	(void)state;
	for (i = 0; i < NROWS(seqs); i++)
		if (text_utf8_len(seqs[i].s, seqs[i].len) != seqs[i].want)
			fail_msg("row %zu: %zu, expected %zu", i,
			    text_utf8_len(seqs[i].s, seqs[i].len),
			    seqs[i].want);
	assert_true(text_is_c1("\xc2\x80", 2));
	assert_true(text_is_c1("\xc2\x9f", 2));
	assert_false(text_is_c1("\xc2\xa0", 2));	/* NO-BREAK SPACE */
}

static const struct {
	const char	*s;
	int		 allow;
	const char	*want;		/* NULL: usable */
} texts[] = {
	{ "Siobh\xc3\xa1n O'Neill", 0, NULL },
	{ "a name long enough to be read eight bytes at a time", 0, NULL },
	{ "eight by\xe2\x80\x99te runs", 0, NULL },
	{ "Windows-1252 \x92 apostrophe", 0, "not valid UTF-8" },
	{ "a C1 \xc2\x9b control", 0, "contains a control character" },
	{ "an escape \x1b[2J", 0, "contains a control character" },
	{ "DEL \x7f", 0, "contains a control character" },
	{ "two\tcolumns", 0, "contains a tab" },
	{ "two\tcolumns", TEXT_TAB, NULL },
	{ "two\nlines", TEXT_TAB, "contains a line break" },
	{ "two\r\nlines", TEXT_BREAKS, NULL },
	{ "cut short \xe2\x80", 0, "not valid UTF-8" },
	{ "surrogate \xed\xb0\x80", 0, "not valid UTF-8" },
};

static void
test_unusable(void **state)
{
	const char	*got;
	size_t		 i;

	(void)state;
	for (i = 0; i < NROWS(texts); i++) {
		got = text_unusable(texts[i].s, strlen(texts[i].s),
		    texts[i].allow);
		if (texts[i].want == NULL && got != NULL)
			fail_msg("row %zu: '%s', expected usable", i, got);
		if (texts[i].want != NULL &&
		    (got == NULL || strcmp(got, texts[i].want) != 0))
			fail_msg("row %zu: '%s', expected '%s'", i,
			    got ? got : "(usable)", texts[i].want);
	}
	/* A NUL inside the length is a control character. */
	assert_string_equal(text_unusable("a\0b", 3, 0),
	    "contains a control character");
}

static void
test_shown(void **state)
{
	char	 buf[16];

	(void)state;
	assert_string_equal(text_shown("C0001", 5, 0, 10, buf, sizeof(buf)),
	    "C0001");
	/* Ten bytes, then the dots. */
	assert_string_equal(text_shown("0123456789AB", 12, 0, 10, buf,
	    sizeof(buf)), "0123456789...");
	/* UTF-8 kept whole, and not cut in two: the 2-byte a-acute
	 * would end at byte 11. */
	assert_string_equal(text_shown("Siobh\xc3\xa1n", 8, 0, 10, buf,
	    sizeof(buf)), "Siobh\xc3\xa1n");
	assert_string_equal(text_shown("012345678\xc3\xa1", 11, 0, 10, buf,
	    sizeof(buf)), "012345678...");
	/* Controls, C1 and stray bytes as '?', one each. */
	assert_string_equal(text_shown("\x1b[2J", 4, 0, 10, buf, sizeof(buf)),
	    "?[2J");
	assert_string_equal(text_shown("a\xc2\x9b" "b\xff" "c\x7f", 7, 0, 10,
	    buf, sizeof(buf)), "a?b?c?");
	/* The buffer bounds it too: room for the dots and the NUL. */
	assert_string_equal(text_shown("0123456789ABCDEF", 16, 0, 40, buf, 8),
	    "0123...");
	assert_string_equal(text_shown("abc", 3, 0, 40, buf, 3), "");
	/* Only the start of a longer value: dots, whether or not cut here. */
	assert_string_equal(text_shown("0123", 4, 1, 10, buf, sizeof(buf)),
	    "0123...");
	assert_string_equal(text_shown("0123456789AB", 12, 1, 10, buf,
	    sizeof(buf)), "0123456789...");
}

static void
test_edit_distance(void **state)
{
	(void)state;
	assert_int_equal(text_edit_distance("torbay", "torbay"), 0);
	assert_int_equal(text_edit_distance("torbya", "torbay"), 2);
	assert_int_equal(text_edit_distance("torba", "torbay"), 1);
	assert_int_equal(text_edit_distance("", "sefton"), 6);
	assert_int_equal(text_edit_distance("kitten", "sitting"), 3);
	assert_true(text_alike("Referral Date", "referral"));
	assert_false(text_alike("visit", "review"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_len),
		cmocka_unit_test(test_unusable),
		cmocka_unit_test(test_shown),
		cmocka_unit_test(test_edit_distance),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
