/*
 * test_kind.c: the table of schedule item kinds (include/kind.h).
 *
 * Names and the set the nightly check judges are what users see, so they
 * are spelt out here from cinplan(1) and cinplan-profile(5).  The rest are
 * rules any row must keep, so that a new row cannot quietly break the
 * order of a schedule or the rules a profile may write.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "kind.h"

#define NROWS(a)	(sizeof(a) / sizeof((a)[0]))
#define A(x)		(1u << ANCHOR_##x)

/* cinplan-profile(5): "kind = assessment | first-meeting | ...". */
static const struct {
	enum kind	 k;
	const char	*name;
} names[] = {
	{ KIND_ASSESSMENT, "assessment" },
	{ KIND_FIRST_MEETING, "first-meeting" },
	{ KIND_REVIEW, "review" },
	{ KIND_MINUTES, "minutes" },
	{ KIND_VISIT, "visit" },
	{ KIND_VISIT_RECORD, "visit-record" },
	{ KIND_NOTICE, "notice" },
	{ KIND_WRITTEN_UPDATE, "written-update" },
	{ KIND_MILESTONE, "milestone" },
	{ KIND_ASSESSMENT_UPDATE, "assessment-update" },
	{ KIND_PLAN_UPDATE, "plan-update" },
	{ KIND_REVISIT, "revisit" },
	{ KIND_SAFETY_PLAN, "safety-plan" },
};

static void
test_names(void **state)
{
	size_t	 i;

	(void)state;
	for (i = 0; i < NROWS(names); i++) {
		assert_string_equal(kind_name(names[i].k), names[i].name);
		assert_int_equal(kind_parse(names[i].name), names[i].k);
	}
	assert_int_equal(kind_parse("Review"), -1);
	assert_int_equal(kind_parse("reviews"), -1);
	assert_int_equal(kind_parse(""), -1);
	assert_string_equal(kind_name((enum kind)KIND_COUNT), "?");
	assert_string_equal(kind_name((enum kind)-1), "?");
}

/*
 * cinplan(1), check: the assessment, first meeting, reviews and visits;
 * rev 2 (convention 12) adds minutes and the updated assessment, judged
 * where the caseload has their columns.
 */
static void
test_checked(void **state)
{
	(void)state;
	assert_int_equal(kind_checked(), (1u << KIND_ASSESSMENT) |
	    (1u << KIND_FIRST_MEETING) | (1u << KIND_REVIEW) |
	    (1u << KIND_VISIT) | (1u << KIND_MINUTES) |
	    (1u << KIND_ASSESSMENT_UPDATE));
}

/*
 * Convention 12: the assessment, first meeting, reviews and visits are
 * always tracked (a revisit is a visit); other kinds only once recorded.
 */
static void
test_tracked(void **state)
{
	int	 k;

	(void)state;
	for (k = 0; k < KIND_COUNT; k++)
		assert_int_equal(kind_info((enum kind)k)->tracked,
		    k == KIND_ASSESSMENT || k == KIND_FIRST_MEETING ||
		    k == KIND_REVIEW || k == KIND_VISIT || k == KIND_REVISIT);
}

/*
 * cinplan(1), --audience family: notices, written updates and visit
 * records pass between professionals and are left off a family's page;
 * the meetings, visits and the plan the family is sent stay.
 */
static void
test_internal(void **state)
{
	int	 k;

	(void)state;
	for (k = 0; k < KIND_COUNT; k++)
		assert_int_equal(kind_info((enum kind)k)->internal,
		    k == KIND_NOTICE || k == KIND_WRITTEN_UPDATE ||
		    k == KIND_VISIT_RECORD);
}

/* "Sorted by due, kind, seq": on one day, kinds in the order of names. */
static void
test_rank_is_name_order(void **state)
{
	const struct kind_info	*a, *b;
	unsigned		 seen;
	int			 i, j;

	(void)state;
	seen = 0;
	for (i = 0; i < KIND_COUNT; i++) {
		a = kind_info((enum kind)i);
		assert_true(a->rank >= 0 && a->rank < KIND_COUNT);
		assert_false(seen & (1u << a->rank));
		seen |= 1u << a->rank;
		for (j = 0; j < KIND_COUNT; j++) {
			b = kind_info((enum kind)j);
			if (strcmp(a->name, b->name) < 0)
				assert_true(a->rank < b->rank);
		}
	}
}

/* What each class of rule may be written with. */
static void
test_rows_agree_with_class(void **state)
{
	const struct kind_info	*ki;
	const unsigned		 perocc = A(MEETING) | A(REVIEW) | A(VISIT) |
				    A(FAILED_VISIT) | A(ASSESSMENT_UPDATE);
	int			 k;

	(void)state;
	for (k = 0; k < KIND_COUNT; k++) {
		ki = kind_info((enum kind)k);
		assert_non_null(ki->name);
		assert_non_null(ki->label);
		assert_false(ki->anchors & A(NONE));
		switch (ki->class) {
		case KC_RECUR:
			/* every; anchor and offset only for the final one,
			 * from a fact. */
			assert_int_equal(ki->anchors & perocc, 0);
			assert_false(ki->neg_offset);
			assert_non_null(ki->after);
			assert_true(ki->start == ANCHOR_PLAN_START ||
			    ki->start == ANCHOR_ASSESSMENT);
			break;
		case KC_PEROCC:
			assert_int_not_equal(ki->anchors, 0);
			assert_int_equal(ki->anchors & ~perocc, 0);
			assert_null(ki->after);
			break;
		case KC_STEP:
		case KC_ONEOFF:
			assert_int_not_equal(ki->anchors, 0);
			assert_int_equal(ki->anchors & perocc, 0);
			assert_false(ki->neg_offset);
			assert_null(ki->after);
			break;
		}
		/* A kind the check judges can be recorded as held. */
		if (ki->checked)
			assert_non_null(ki->fact);
	}
}

/* cinplan-profile(5): the anchors of the kinds that have them. */
static void
test_anchors(void **state)
{
	(void)state;
	const unsigned	 facts = A(REFERRAL) | A(RCPC) | A(RESIDENCE) |
			    A(SUPERVISION_ORDER) | A(ALLOCATED) |
			    A(STEP_DOWN_DECISION);

	assert_int_equal(kind_info(KIND_ASSESSMENT)->anchors, facts);
	assert_int_equal(kind_info(KIND_FIRST_MEETING)->anchors,
	    facts | A(ASSESSMENT) | A(PLAN_DECISION));
	assert_int_equal(kind_info(KIND_MILESTONE)->anchors,
	    facts | A(ASSESSMENT) | A(PLAN_DECISION) | A(PLAN_START));
	assert_int_equal(kind_info(KIND_VISIT_RECORD)->anchors, A(VISIT));
	/* timescales.md rev 2: Doncaster sections 3, 10 and 12; Berkshire
	 * West and South West. */
	assert_int_equal(kind_info(KIND_REVISIT)->anchors, A(FAILED_VISIT));
	assert_int_equal(kind_info(KIND_SAFETY_PLAN)->anchors, A(ALLOCATED));
	assert_int_equal(kind_info(KIND_REVIEW)->anchors,
	    A(STEP_DOWN_DECISION));
	assert_int_equal(kind_info(KIND_PLAN_UPDATE)->anchors,
	    A(MEETING) | A(REVIEW) | A(ASSESSMENT_UPDATE));
	assert_int_equal(kind_info(KIND_ASSESSMENT_UPDATE)->start,
	    ANCHOR_ASSESSMENT);
	assert_true(kind_info(KIND_NOTICE)->neg_offset);
	assert_true(kind_info(KIND_WRITTEN_UPDATE)->neg_offset);
	assert_false(kind_info(KIND_MINUTES)->neg_offset);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_checked),
		cmocka_unit_test(test_rank_is_name_order),
		cmocka_unit_test(test_tracked),
		cmocka_unit_test(test_internal),
		cmocka_unit_test(test_rows_agree_with_class),
		cmocka_unit_test(test_anchors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
