-- The Standard Safeguarding Dataset tables the cinplan_caseload view
-- reads, with the column names and types of the SSD's PostgreSQL
-- (Eclipse) scripts, v1.4.x.  Only the tables the view uses; the SSD's
-- own scripts create and fill them from the case system.

CREATE TABLE ssd_cin_episodes (
	cine_referral_id		VARCHAR(48) PRIMARY KEY,
	cine_person_id			VARCHAR(48),
	cine_referral_date		TIMESTAMP,
	cine_cin_primary_need_code	VARCHAR(3),
	cine_referral_source_code	VARCHAR(48),
	cine_referral_source_desc	VARCHAR(255),
	cine_referral_outcome_json	VARCHAR(4000),
	cine_referral_nfa		CHAR(1),
	cine_close_reason		VARCHAR(100),
	cine_close_date			TIMESTAMP,
	cine_referral_team		VARCHAR(48),
	cine_referral_worker_id		VARCHAR(100)
);

CREATE TABLE ssd_cin_assessments (
	cina_assessment_id		VARCHAR(48) PRIMARY KEY,
	cina_person_id			VARCHAR(48),
	cina_referral_id		VARCHAR(48),
	cina_assessment_start_date	TIMESTAMP,
	cina_assessment_child_seen	CHAR(1),
	cina_assessment_auth_date	TIMESTAMP,
	cina_assessment_outcome_json	VARCHAR(1000),
	cina_assessment_outcome_nfa	CHAR(1),
	cina_assessment_team		VARCHAR(48),
	cina_assessment_worker_id	VARCHAR(100)
);

CREATE TABLE ssd_cin_plans (
	cinp_cin_plan_id		VARCHAR(48) PRIMARY KEY,
	cinp_referral_id		VARCHAR(48),
	cinp_person_id			VARCHAR(48),
	cinp_cin_plan_start_date	TIMESTAMP,
	cinp_cin_plan_end_date		TIMESTAMP,
	cinp_cin_plan_team		VARCHAR(48),
	cinp_cin_plan_worker_id		VARCHAR(100)
);

CREATE TABLE ssd_cin_visits (
	cinv_cin_visit_id		VARCHAR(48) PRIMARY KEY,
	cinv_person_id			VARCHAR(48),
	cinv_cin_visit_date		TIMESTAMP,
	cinv_cin_visit_seen		CHAR(1),
	cinv_cin_visit_seen_alone	CHAR(1),
	cinv_cin_visit_bedroom		CHAR(1)
);

CREATE TABLE ssd_involvements (
	invo_involvements_id		VARCHAR(48) PRIMARY KEY,
	invo_professional_id		VARCHAR(48),
	invo_professional_role_id	VARCHAR(200),
	invo_professional_team		VARCHAR(48),
	invo_person_id			VARCHAR(48),
	invo_involvement_start_date	TIMESTAMP,
	invo_involvement_end_date	TIMESTAMP,
	invo_worker_change_reason	VARCHAR(200),
	invo_referral_id		VARCHAR(48)
);

CREATE TABLE ssd_professionals (
	prof_professional_id		VARCHAR(48) PRIMARY KEY,
	prof_staff_id			VARCHAR(48),
	prof_professional_name		VARCHAR(300),
	prof_social_worker_registration_no VARCHAR(48),
	prof_agency_worker_flag		CHAR(1),
	prof_professional_job_title	VARCHAR(500),
	prof_professional_caseload	INTEGER,
	prof_professional_department	VARCHAR(100),
	prof_full_time_equivalency	DOUBLE PRECISION
);

CREATE TABLE ssd_cp_plans (
	cppl_cp_plan_id			VARCHAR(48) PRIMARY KEY,
	cppl_referral_id		VARCHAR(48),
	cppl_icpc_id			VARCHAR(48),
	cppl_person_id			VARCHAR(48),
	cppl_cp_plan_start_date		TIMESTAMP,
	cppl_cp_plan_end_date		TIMESTAMP,
	cppl_cp_plan_ola		CHAR(1),
	cppl_cp_plan_initial_category	VARCHAR(100),
	cppl_cp_plan_latest_category	VARCHAR(100)
);

CREATE TABLE ssd_cp_reviews (
	cppr_cp_review_id		VARCHAR(48) PRIMARY KEY,
	cppr_person_id			VARCHAR(48),
	cppr_cp_plan_id			VARCHAR(48),
	cppr_cp_review_due		TIMESTAMP NULL,
	cppr_cp_review_date		TIMESTAMP NULL,
	cppr_cp_review_meeting_id	VARCHAR(48),
	cppr_cp_review_outcome_continue_cp CHAR(1),
	cppr_cp_review_quorate		VARCHAR(100),
	cppr_cp_review_participation	VARCHAR(100)
);
