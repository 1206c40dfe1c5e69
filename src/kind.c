/*
 * kind.c: the table of schedule item kinds (see kind.h).
 */
#include <string.h>

#include "kind.h"

#define A(x)	(1u << ANCHOR_##x)
/* What a one-off may count from: facts, and what was computed before. */
#define A_FACTS	(A(REFERRAL) | A(RCPC) | A(RESIDENCE) | A(SUPERVISION_ORDER) | \
	A(ALLOCATED) | A(STEP_DOWN_DECISION))

/*
 * name, class, anchors, neg_offset, rank, label, checked, fact, after,
 * seq, start, tracked, internal
 */
static const struct kind_info kinds[KIND_COUNT] = {
	[KIND_ASSESSMENT] = {
		"assessment", KC_STEP,
		A_FACTS,	/* not its own completion, nor what
				   defaults to it */
		0, 0, "Assessment", 1, "assessment-completed", NULL,
		KSEQ_NONE, ANCHOR_NONE, 1, 0 },
	[KIND_FIRST_MEETING] = {
		"first-meeting", KC_STEP,
		A_FACTS | A(ASSESSMENT) | A(PLAN_DECISION),
		0, 2, "Initial Child in Need meeting", 1, "first-meeting",
		NULL, KSEQ_NONE, ANCHOR_NONE, 1, 0 },
	[KIND_REVIEW] = {
		"review", KC_RECUR,
		A(STEP_DOWN_DECISION),	/* the final review */
		0, 7, "Child in Need review", 1, "review", "meeting",
		KSEQ_PLAIN, ANCHOR_PLAN_START, 1, 0 },
	[KIND_MINUTES] = {
		"minutes", KC_PEROCC, A(MEETING) | A(REVIEW),
		0, 4, "Meeting minutes", 1, "minutes", NULL, KSEQ_MEETING,
		ANCHOR_NONE, 0, 0 },
	[KIND_VISIT] = {
		"visit", KC_RECUR, 0,
		0, 10, "Visit", 1, "visit", "visit", KSEQ_PLAIN,
		ANCHOR_PLAN_START, 1, 0 },
	[KIND_VISIT_RECORD] = {
		"visit-record", KC_PEROCC, A(VISIT),
		0, 11, "Visit record", 0, "visit-record", NULL, KSEQ_VISIT,
		ANCHOR_NONE, 0, 1 },
	[KIND_NOTICE] = {
		"notice", KC_PEROCC, A(MEETING) | A(REVIEW),
		1, 5, "Notice of review", 0, "notice", NULL, KSEQ_REVIEW,
		ANCHOR_NONE, 0, 1 },
	[KIND_WRITTEN_UPDATE] = {
		"written-update", KC_PEROCC, A(MEETING) | A(REVIEW),
		1, 12, "Written update", 0, "written-update", NULL,
		KSEQ_MEETING, ANCHOR_NONE, 0, 1 },
	[KIND_MILESTONE] = {
		"milestone", KC_ONEOFF,
		A_FACTS | A(ASSESSMENT) | A(PLAN_DECISION) | A(PLAN_START),
		0, 3, "Milestone", 0, NULL, NULL, KSEQ_NONE, ANCHOR_NONE, 0,
		0 },
	[KIND_ASSESSMENT_UPDATE] = {
		"assessment-update", KC_RECUR, 0,
		0, 1, "Updated assessment", 1, "assessment-update",
		"assessment", KSEQ_PLAIN, ANCHOR_ASSESSMENT, 0, 0 },
	[KIND_PLAN_UPDATE] = {
		"plan-update", KC_PEROCC,
		A(MEETING) | A(REVIEW) | A(ASSESSMENT_UPDATE),
		0, 6, "Plan updated", 0, "plan-update", NULL, KSEQ_MEETING,
		ANCHOR_NONE, 0, 0 },
	[KIND_REVISIT] = {
		"revisit", KC_PEROCC, A(FAILED_VISIT),
		0, 8, "Visit after a failed visit", 0, NULL, NULL,
		KSEQ_PLAIN, ANCHOR_NONE, 1, 0 },
	[KIND_SAFETY_PLAN] = {
		"safety-plan", KC_ONEOFF, A(ALLOCATED),
		0, 9, "Plan of work on file", 0, "safety-plan", NULL,
		KSEQ_NONE, ANCHOR_NONE, 0, 0 },
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
