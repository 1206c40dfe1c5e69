-- cinplan_caseload: a cinplan caseload over the Standard Safeguarding
-- Dataset (SSD), for PostgreSQL (the SSD as built for Eclipse).
--
-- Install once, after the SSD tables exist, in the SSD's schema:
--
--	psql -f cinplan_caseload.pgsql
--
-- and run the nightly check with the council's profile, ID:
--
--	psql --csv -c 'select * from cinplan_caseload' |
--	    cinplan check --profile ID -
--
-- The view yields cinplan's caseload columns (cinplan-caseload(5)) with
-- dates as YYYY-MM-DD.  It has no profile column: the profile is the
-- council's, given to cinplan with --profile.  The same view for SQL
-- Server (Liquidlogic, Mosaic) is cinplan_caseload.tsql; the two make the
-- same choices, listed here:
--
-- Rows.  One row per open referral: an ssd_cin_episodes row with no close
-- date (or a close date still to come), so that children still being
-- assessed are checked too.  Referrals of a child with an open child
-- protection plan are left out: those children are under CP timescales,
-- which cinplan does not check.
--
-- case_id.  The person and the referral, "PERSON/REFERRAL", so that it is
-- unique per row (a child may have two open referrals) and a worker can
-- find the child by the first half.
--
-- Sentinel dates.  Some SSD builds write 1900-01-01 where a date is not
-- known (for instance the authorisation date of an assessment not yet
-- authorised).  Every date before 1901-01-01 is read as NULL.  Dates are
-- datetimes in the SSD; each is cut to its day.
--
-- assessment_completed.  The latest authorised assessment of the referral
-- (ssd_cin_assessments.cina_referral_id): the latest authorisation date.
-- An assessment with no authorisation date is still in progress.
--
-- first_meeting.  The start of the referral's open CIN plan
-- (ssd_cin_plans with no end date; the latest start if there are
-- several): the SSD records the plan start, which cinplan takes as the
-- initial Child in Need meeting.
--
-- last_visit.  CIN visits are not linked to a plan in the SSD: the
-- latest ssd_cin_visits row of the child dated within the plan, from its
-- start (inclusive) to its end or, for an open plan, without end.  Visits
-- before the plan (during the assessment) do not count.  Without an open
-- plan, no visit is given.
--
-- last_review, reviews_held.  Empty: the SSD has no CIN review or CIN
-- meeting table, so cinplan reports the reviews as not checked rather than
-- guessing.  Likewise plan_decision, residence, manager_agreed,
-- supervision_order are empty: the SSD does not hold them.  There is no
-- minutes_sent or last_assessment_update column at all: an empty one
-- would say no minutes were ever sent (cinplan-caseload(5)), and the SSD
-- does not know.
--
-- plan_type and rcpc (step-down from child protection).  When the
-- referral has a CP plan that has ended (ssd_cp_plans.cppl_referral_id,
-- end date set) on or before the start of the CIN plan (or, with no CIN
-- plan yet, at all), the case is a step-down: plan_type is step-down-cp
-- and rcpc is the latest CP review (ssd_cp_reviews) of that plan held on
-- or before its end, else the plan's end date, since the review
-- conference that ends a CP plan is dated the day it ends.
--
-- worker.  The allocated worker's name (ssd_professionals), taken from,
-- in order: the latest open allocated involvement of the child
-- (ssd_involvements with no end date and a role in worker_roles below;
-- of two open ones, the later start, then the higher id), the CIN plan's
-- worker, the referral's worker.  If the professional has no name in
-- ssd_professionals, the id is given.  Role codes differ between councils
-- and case systems: put yours in worker_roles.
--
-- closed.  The referral's close date when it is still to come.  Else,
-- when the referral has CIN plans but none open, the end of the latest:
-- the plan has closed and the episode is waiting to be closed.  Else,
-- with no plan, when the latest authorised assessment decided no further
-- action (cina_assessment_outcome_nfa = 'Y'), its authorisation date.
-- cinplan counts a case closed on or before the as-of date as closed.

CREATE OR REPLACE VIEW cinplan_caseload AS
WITH
-- Involvement role codes that mean "allocated social worker".  Edit for
-- your council: Liquidlogic writes 'CW', Eclipse its relationship class.
worker_roles(role_code) AS (
	VALUES ('CW'), ('AW'), ('ALLOCATED CASE WORKER')
),
episode AS (
	SELECT e.cine_referral_id,
	    e.cine_person_id,
	    e.cine_referral_worker_id,
	    CASE WHEN e.cine_referral_date >= '1901-01-01'
		THEN e.cine_referral_date::date END AS referral,
	    CASE WHEN e.cine_close_date >= '1901-01-01'
		THEN e.cine_close_date::date END AS close_date
	FROM ssd_cin_episodes e
),
open_episode AS (
	SELECT ep.*
	FROM episode ep
	WHERE (ep.close_date IS NULL OR ep.close_date > CURRENT_DATE)
	  AND NOT EXISTS (
		SELECT 1 FROM ssd_cp_plans cp
		WHERE cp.cppl_person_id = ep.cine_person_id
		  AND cp.cppl_cp_plan_start_date >= '1901-01-01'
		  AND (cp.cppl_cp_plan_end_date IS NULL
		       OR cp.cppl_cp_plan_end_date < '1901-01-01'))
),
assessment AS (
	SELECT a.cina_referral_id,
	    a.cina_assessment_auth_date::date AS authorised,
	    a.cina_assessment_outcome_nfa AS nfa,
	    row_number() OVER (PARTITION BY a.cina_referral_id
		ORDER BY a.cina_assessment_auth_date DESC,
		    a.cina_assessment_id DESC) AS n
	FROM ssd_cin_assessments a
	WHERE a.cina_assessment_auth_date >= '1901-01-01'
),
plan AS (
	SELECT p.cinp_referral_id,
	    p.cinp_cin_plan_worker_id,
	    p.cinp_cin_plan_start_date::date AS start_date,
	    CASE WHEN p.cinp_cin_plan_end_date >= '1901-01-01'
		THEN p.cinp_cin_plan_end_date::date END AS end_date
	FROM ssd_cin_plans p
	WHERE p.cinp_cin_plan_start_date >= '1901-01-01'
),
open_plan AS (
	SELECT pl.*,
	    row_number() OVER (PARTITION BY pl.cinp_referral_id
		ORDER BY pl.start_date DESC) AS n
	FROM plan pl
	WHERE pl.end_date IS NULL
),
ended_plan AS (
	SELECT pl.cinp_referral_id, max(pl.end_date) AS end_date
	FROM plan pl
	WHERE pl.end_date IS NOT NULL
	GROUP BY pl.cinp_referral_id
),
cp_ended AS (
	SELECT cp.cppl_cp_plan_id,
	    cp.cppl_referral_id,
	    cp.cppl_cp_plan_end_date::date AS end_date
	FROM ssd_cp_plans cp
	WHERE cp.cppl_cp_plan_end_date >= '1901-01-01'
),
row_facts AS (
	SELECT ep.*,
	    op.start_date AS plan_start,
	    op.cinp_cin_plan_worker_id AS plan_worker_id,
	    a.authorised,
	    a.nfa,
	    xp.end_date AS ended_plan_end,
	    (SELECT cpe.cppl_cp_plan_id
		FROM cp_ended cpe
		WHERE cpe.cppl_referral_id = ep.cine_referral_id
		  AND (op.start_date IS NULL
		       OR cpe.end_date <= op.start_date)
		ORDER BY cpe.end_date DESC, cpe.cppl_cp_plan_id DESC
		LIMIT 1) AS cp_plan_id
	FROM open_episode ep
	LEFT JOIN open_plan op
	    ON op.cinp_referral_id = ep.cine_referral_id AND op.n = 1
	LEFT JOIN assessment a
	    ON a.cina_referral_id = ep.cine_referral_id AND a.n = 1
	LEFT JOIN ended_plan xp
	    ON xp.cinp_referral_id = ep.cine_referral_id
)
SELECT
    rf.cine_person_id || '/' || rf.cine_referral_id AS case_id,
    CAST(NULL AS text) AS area,
    CASE WHEN rf.cp_plan_id IS NOT NULL
	THEN 'step-down-cp' END AS plan_type,
    COALESCE(wp.prof_professional_name, w.worker_id) AS worker,
    rf.referral,
    rf.authorised AS assessment_completed,
    CAST(NULL AS date) AS plan_decision,
    CASE WHEN rf.cp_plan_id IS NOT NULL THEN COALESCE(
	(SELECT max(r.cppr_cp_review_date)::date
	    FROM ssd_cp_reviews r, cp_ended cpe
	    WHERE r.cppr_cp_plan_id = rf.cp_plan_id
	      AND cpe.cppl_cp_plan_id = rf.cp_plan_id
	      AND r.cppr_cp_review_date >= '1901-01-01'
	      AND r.cppr_cp_review_date::date <= cpe.end_date),
	(SELECT cpe.end_date FROM cp_ended cpe
	    WHERE cpe.cppl_cp_plan_id = rf.cp_plan_id))
    END AS rcpc,
    CAST(NULL AS date) AS residence,
    CAST(NULL AS date) AS supervision_order,
    rf.plan_start AS first_meeting,
    CAST(NULL AS date) AS last_review,
    CAST(NULL AS integer) AS reviews_held,
    (SELECT max(v.cinv_cin_visit_date)::date
	FROM ssd_cin_visits v
	WHERE rf.plan_start IS NOT NULL
	  AND v.cinv_person_id = rf.cine_person_id
	  AND v.cinv_cin_visit_date::date >= rf.plan_start) AS last_visit,
    CASE
	WHEN rf.close_date IS NOT NULL THEN rf.close_date
	WHEN rf.plan_start IS NULL AND rf.ended_plan_end IS NOT NULL
	    THEN rf.ended_plan_end
	WHEN rf.plan_start IS NULL AND rf.ended_plan_end IS NULL
	    AND rf.nfa = 'Y' THEN rf.authorised
    END AS closed
FROM row_facts rf
LEFT JOIN LATERAL (
	SELECT COALESCE(
	    (SELECT i.invo_professional_id
		FROM ssd_involvements i
		JOIN worker_roles wr ON wr.role_code = i.invo_professional_role_id
		WHERE i.invo_person_id = rf.cine_person_id
		  AND i.invo_professional_id IS NOT NULL
		  AND (i.invo_involvement_end_date IS NULL
		       OR i.invo_involvement_end_date < '1901-01-01')
		ORDER BY i.invo_involvement_start_date DESC NULLS LAST,
		    i.invo_involvements_id DESC
		LIMIT 1),
	    rf.plan_worker_id,
	    rf.cine_referral_worker_id) AS worker_id
) w ON true
LEFT JOIN ssd_professionals wp ON wp.prof_professional_id = w.worker_id;
