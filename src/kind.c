/*
 * kind.c: the table of schedule item kinds (see kind.h).
 */
#include <string.h>

#include "kind.h"

#define A(x)	(1u << ANCHOR_##x)
/* What a one-off may count from: facts, and what was computed before. */
#define A_FACTS	(A(REFERRAL) | A(RCPC) | A(RESIDENCE))

static const struct kind_info kinds[KIND_COUNT] = {
	[KIND_ASSESSMENT] = {
		"assessment", KC_STEP,
		A_FACTS,	/* not its own completion, nor what
				   defaults to it */
		0, 0, "Assessment", 1, "assessment-completed", NULL,
		KSEQ_NONE },
	[KIND_FIRST_MEETING] = {
		"first-meeting", KC_STEP,
		A_FACTS | A(ASSESSMENT) | A(PLAN_DECISION),
		0, 1, "Initial Child in Need meeting", 1, "first-meeting",
		NULL, KSEQ_NONE },
	[KIND_REVIEW] = {
		"review", KC_RECUR, 0,
		0, 5, "Child in Need review", 1, "review", "meeting",
		KSEQ_PLAIN },
	[KIND_MINUTES] = {
		"minutes", KC_PEROCC, A(MEETING) | A(REVIEW),
		0, 3, "Meeting minutes", 0, NULL, NULL, KSEQ_MEETING },
	[KIND_VISIT] = {
		"visit", KC_RECUR, 0,
		0, 6, "Visit", 1, "visit", "visit", KSEQ_PLAIN },
	[KIND_VISIT_RECORD] = {
		"visit-record", KC_PEROCC, A(VISIT),
		0, 7, "Visit record", 0, NULL, NULL, KSEQ_VISIT },
	[KIND_NOTICE] = {
		"notice", KC_PEROCC, A(MEETING) | A(REVIEW),
		1, 4, "Notice of review", 0, NULL, NULL, KSEQ_REVIEW },
	[KIND_WRITTEN_UPDATE] = {
		"written-update", KC_PEROCC, A(MEETING) | A(REVIEW),
		1, 8, "Written update", 0, NULL, NULL, KSEQ_MEETING },
	[KIND_MILESTONE] = {
		"milestone", KC_ONEOFF,
		A_FACTS | A(ASSESSMENT) | A(PLAN_DECISION) | A(PLAN_START),
		0, 2, "Milestone", 0, NULL, NULL, KSEQ_NONE },
};

const struct kind_info *
kind_info(enum kind k)
{
	return &kinds[k];
}

const char *
kind_name(enum kind k)
{
	return (unsigned)k < KIND_COUNT ? kinds[k].name : "?";
}

int
kind_parse(const char *s)
{
	int	 k;

	for (k = 0; k < KIND_COUNT; k++)
		if (strcmp(kinds[k].name, s) == 0)
			return k;
	return -1;
}

unsigned
kind_checked(void)
{
	unsigned	 set;
	int		 k;

	for (set = 0, k = 0; k < KIND_COUNT; k++)
		if (kinds[k].checked)
			set |= 1u << k;
	return set;
}
