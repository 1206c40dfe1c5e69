-- Thirty children in the Standard Safeguarding Dataset, for the test of
-- the cinplan_caseload view (tests/ssd.test.sh).  Person ids are Pnn,
-- referral ids Rnn (a second referral of the same child Rnnb).  The
-- expected findings, worked out by hand, are in expected.csv; the
-- comment on each child says what it tests and what the view must make
-- of it.

INSERT INTO ssd_professionals (prof_professional_id, prof_staff_id,
    prof_professional_name, prof_professional_job_title) VALUES
	('W01', 'S01', 'Sam Jones', 'Social Worker'),
	('W02', 'S02', 'Ali Khan', 'Social Worker'),
	('W03', 'S03', 'Priya Patel', 'Senior Social Worker'),
	('W04', 'S04', 'Chris Lee', 'Social Worker'),
	('W05', 'S05', 'Jo Brown', 'Social Worker'),
	('W06', 'S06', 'Alex Green', 'Family Support Worker'),
	('W07', 'S07', 'Dana White', 'Social Worker');

-- The referrals.  Close dates: NULL (open), a 1900 sentinel (open), or a
-- real date (closed: not in the view).
INSERT INTO ssd_cin_episodes (cine_referral_id, cine_person_id,
    cine_referral_date, cine_close_date, cine_close_reason,
    cine_referral_worker_id) VALUES
	('R01', 'P01', '2026-10-06 11:20:00', NULL, NULL, 'W01'),
	('R02', 'P02', '2026-09-08 09:00:00', NULL, NULL, 'W01'),
	('R03', 'P03', '2026-09-15 00:00:00', NULL, NULL, 'W01'),
	('R04', 'P04', '2026-09-22 00:00:00', NULL, NULL, 'W01'),
	('R05', 'P05', '2026-08-03 00:00:00', NULL, NULL, 'W02'),
	('R06', 'P06', '2026-09-07 00:00:00', NULL, NULL, 'W02'),
	('R07', 'P07', '2026-08-20 00:00:00', NULL, NULL, 'W02'),
	('R08', 'P08', '2026-06-01 00:00:00', NULL, NULL, 'W02'),
	('R09', 'P09', '2026-06-01 00:00:00', '2026-10-15 00:00:00', 'RC8', 'W03'),
	('R10', 'P10', '2026-03-02 00:00:00', NULL, NULL, 'W03'),
	('R11', 'P11', '2026-03-02 00:00:00', NULL, NULL, 'W03'),
	('R12', 'P12', '2026-09-01 00:00:00', NULL, NULL, 'W03'),
	('R13', 'P13', '2026-09-08 00:00:00', NULL, NULL, 'W01'),
	('R14', 'P14', '2026-08-10 00:00:00', NULL, NULL, 'W01'),
	('R15', 'P15', '2026-09-23 00:00:00', NULL, NULL, 'W05'),
	('R16', 'P16', '2026-09-24 00:00:00', NULL, NULL, 'W99'),
	('R17', 'P17', '2026-08-24 00:00:00', NULL, NULL, 'W01'),
	('R18', 'P18', '2026-09-01 00:00:00', NULL, NULL, 'W04'),
	('R19', 'P19', '2026-09-28 16:45:00', NULL, NULL, 'W04'),
	('R20', 'P20', '2026-09-09 00:00:00', '1900-01-01 00:00:00', NULL, 'W04'),
	('R21', 'P21', '2026-09-14 00:00:00', NULL, NULL, 'W04'),
	('R22', 'P22', '2026-09-07 00:00:00', NULL, NULL, 'W05'),
	('R23', 'P23', '2026-07-01 00:00:00', NULL, NULL, 'W05'),
	('R24a', 'P24', '2025-01-06 00:00:00', '2025-09-30 00:00:00', 'RC1', 'W05'),
	('R24', 'P24', '2026-08-12 00:00:00', NULL, NULL, 'W05'),
	('R25', 'P25', '2026-02-02 00:00:00', NULL, NULL, 'W07'),
	('R26', 'P26', '2026-07-06 00:00:00', NULL, NULL, 'W07'),
	('R27a', 'P27', '2026-03-02 00:00:00', '2026-06-30 00:00:00', 'RC8', 'W07'),
	('R27', 'P27', '2026-10-13 00:00:00', NULL, NULL, 'W07'),
	('R28', 'P28', '2026-08-17 00:00:00', NULL, NULL, 'W07'),
	('R29', 'P29', '2026-04-01 00:00:00', '2026-11-02 00:00:00', 'RC8', 'W07'),
	('R30', 'P30', '2026-09-02 00:00:00', NULL, NULL, 'W06');

-- Assessments.  P03's is not authorised and carries the 1900 sentinel;
-- P05 has two (the latest counts); P27's belongs to an earlier, closed
-- referral; P28 has an authorised one and a later one in progress; P18's
-- decided no further action.
INSERT INTO ssd_cin_assessments (cina_assessment_id, cina_person_id,
    cina_referral_id, cina_assessment_start_date, cina_assessment_auth_date,
    cina_assessment_outcome_nfa, cina_assessment_worker_id) VALUES
	('A03', 'P03', 'R03', '2026-09-16 00:00:00', '1900-01-01 00:00:00', NULL, 'W01'),
	('A05a', 'P05', 'R05', '2026-08-04 00:00:00', '2026-09-01 15:00:00', 'N', 'W02'),
	('A05b', 'P05', 'R05', '2026-10-01 00:00:00', '2026-10-26 10:00:00', 'N', 'W02'),
	('A06', 'P06', 'R06', '2026-09-08 00:00:00', '2026-10-02 00:00:00', 'N', 'W02'),
	('A07', 'P07', 'R07', '2026-08-21 00:00:00', '2026-09-24 00:00:00', 'N', 'W02'),
	('A08', 'P08', 'R08', '2026-06-02 00:00:00', '2026-07-01 00:00:00', 'N', 'W02'),
	('A10', 'P10', 'R10', '2026-03-03 00:00:00', '2026-04-10 00:00:00', 'N', 'W03'),
	('A11', 'P11', 'R11', '2026-03-03 00:00:00', '2026-03-20 00:00:00', 'N', 'W03'),
	('A12', 'P12', 'R12', '2026-09-02 00:00:00', '2026-09-20 00:00:00', 'N', 'W03'),
	('A14', 'P14', 'R14', '2026-08-11 00:00:00', '2026-09-14 00:00:00', 'N', 'W01'),
	('A17', 'P17', 'R17', '2026-08-25 00:00:00', '2026-10-19 00:00:00', 'N', 'W01'),
	('A18', 'P18', 'R18', '2026-09-02 00:00:00', '2026-11-02 00:00:00', 'Y', 'W04'),
	('A21', 'P21', 'R21', '2026-09-15 00:00:00', '2026-11-02 00:00:00', 'N', 'W04'),
	('A22', 'P22', 'R22', '2026-09-08 00:00:00', '2026-10-19 00:00:00', 'N', 'W05'),
	('A23', 'P23', 'R23', '2026-07-02 00:00:00', '2026-08-20 00:00:00', 'N', 'W05'),
	('A24', 'P24', 'R24', '2026-08-13 00:00:00', '2026-09-23 00:00:00', 'N', 'W05'),
	('A25', 'P25', 'R25', '2026-02-03 00:00:00', '2026-03-02 00:00:00', 'N', 'W07'),
	('A26', 'P26', 'R26', '2026-07-07 00:00:00', '2026-08-24 00:00:00', 'N', 'W07'),
	('A27a', 'P27', 'R27a', '2026-03-03 00:00:00', '2026-05-01 00:00:00', 'N', 'W07'),
	('A28a', 'P28', 'R28', '2026-08-18 00:00:00', '2026-10-05 00:00:00', 'N', 'W07'),
	('A28b', 'P28', 'R28', '2026-10-20 00:00:00', NULL, NULL, 'W07'),
	('A29', 'P29', 'R29', '2026-04-02 00:00:00', '2026-05-01 00:00:00', 'N', 'W07');

-- CIN plans.  P08's has ended; P23's end carries the 1900 sentinel (open);
-- P29's is open but its referral is closed.
INSERT INTO ssd_cin_plans (cinp_cin_plan_id, cinp_referral_id,
    cinp_person_id, cinp_cin_plan_start_date, cinp_cin_plan_end_date,
    cinp_cin_plan_worker_id) VALUES
	('C06', 'R06', 'P06', '2026-10-12 00:00:00', NULL, 'W02'),
	('C07', 'R07', 'P07', '2026-10-01 00:00:00', NULL, 'W02'),
	('C08', 'R08', 'P08', '2026-07-15 00:00:00', '2026-10-30 00:00:00', 'W02'),
	('C11', 'R11', 'P11', '2026-10-27 00:00:00', NULL, 'W03'),
	('C14', 'R14', 'P14', '2026-09-28 00:00:00', NULL, 'W03'),
	('C22', 'R22', 'P22', '2026-11-02 00:00:00', NULL, 'W05'),
	('C23', 'R23', 'P23', '2026-09-14 00:00:00', '1900-01-01 00:00:00', 'W05'),
	('C24', 'R24', 'P24', '2026-10-07 00:00:00', NULL, 'W05'),
	('C26', 'R26', 'P26', '2026-09-07 00:00:00', NULL, 'W07'),
	('C29', 'R29', 'P29', '2026-05-20 00:00:00', NULL, 'W07');

-- CIN visits, by child and date only.
INSERT INTO ssd_cin_visits (cinv_cin_visit_id, cinv_person_id,
    cinv_cin_visit_date, cinv_cin_visit_seen) VALUES
	('V06', 'P06', '2026-11-02 14:15:00', 'Y'),
	('V07', 'P07', '2026-09-21 10:00:00', 'Y'),	-- before the plan
	('V11a', 'P11', '2026-10-19 00:00:00', 'Y'),	-- before the plan
	('V11b', 'P11', '2026-10-29 00:00:00', 'Y'),
	('V22', 'P22', '2026-11-16 00:00:00', 'Y'),
	('V23', 'P23', '2026-10-12 00:00:00', 'Y'),
	('V24a', 'P24', '2025-05-01 00:00:00', 'Y'),	-- an earlier referral
	('V24b', 'P24', '2026-10-21 00:00:00', 'Y'),
	('V26a', 'P26', '2026-09-21 00:00:00', 'Y'),
	('V26b', 'P26', '2026-10-19 00:00:00', 'Y'),
	('V26c', 'P26', '2026-10-05 00:00:00', 'Y');

-- Child protection plans and their review conferences.  P10 and P11
-- stepped down within their referral; P25 too, with no review recorded;
-- P12 is still on a CP plan; P24's CP plan belonged to an earlier,
-- closed referral.
INSERT INTO ssd_cp_plans (cppl_cp_plan_id, cppl_referral_id,
    cppl_person_id, cppl_cp_plan_start_date, cppl_cp_plan_end_date,
    cppl_cp_plan_initial_category) VALUES
	('CP10', 'R10', 'P10', '2026-05-01 00:00:00', '2026-10-30 00:00:00', 'NEG'),
	('CP11', 'R11', 'P11', '2026-04-20 00:00:00', '2026-10-14 00:00:00', 'NEG'),
	('CP12', 'R12', 'P12', '2026-10-05 00:00:00', NULL, 'EMO'),
	('CP24', 'R24a', 'P24', '2025-02-10 00:00:00', '2025-08-01 00:00:00', 'NEG'),
	('CP25', 'R25', 'P25', '2026-03-16 00:00:00', '2026-11-05 00:00:00', 'PHY');

INSERT INTO ssd_cp_reviews (cppr_cp_review_id, cppr_person_id,
    cppr_cp_plan_id, cppr_cp_review_due, cppr_cp_review_date,
    cppr_cp_review_outcome_continue_cp) VALUES
	('RV10a', 'P10', 'CP10', '2026-07-31 00:00:00', '2026-07-31 13:00:00', 'Y'),
	('RV10b', 'P10', 'CP10', '2026-10-30 00:00:00', '2026-10-30 10:00:00', 'N'),
	('RV10c', 'P10', 'CP10', '2027-01-29 00:00:00', NULL, NULL),
	('RV11a', 'P11', 'CP11', '2026-07-16 00:00:00', '2026-07-16 00:00:00', 'Y'),
	('RV11b', 'P11', 'CP11', '2026-10-14 00:00:00', '2026-10-14 00:00:00', 'N');

-- Involvements: who is allocated.  'CW' is the allocated social worker
-- here; 'KA' (key agency) and 'FSW' (family support) are other roles.
INSERT INTO ssd_involvements (invo_involvements_id, invo_professional_id,
    invo_professional_role_id, invo_person_id, invo_involvement_start_date,
    invo_involvement_end_date, invo_referral_id) VALUES
	('I01', 'W01', 'CW', 'P01', '2026-10-06 00:00:00', NULL, 'R01'),
	('I02', 'W01', 'CW', 'P02', '2026-09-08 00:00:00', NULL, 'R02'),
	('I03', 'W01', 'CW', 'P03', '2026-09-15 00:00:00', NULL, 'R03'),
	('I04', 'W01', 'CW', 'P04', '2026-09-22 00:00:00', NULL, 'R04'),
	('I05', 'W02', 'CW', 'P05', '2026-08-03 00:00:00', NULL, 'R05'),
	('I06', 'W02', 'CW', 'P06', '2026-09-07 00:00:00', NULL, 'R06'),
	('I07', 'W02', 'CW', 'P07', '2026-08-20 00:00:00', NULL, 'R07'),
	('I10', 'W03', 'CW', 'P10', '2026-03-02 00:00:00', NULL, 'R10'),
	('I11', 'W03', 'CW', 'P11', '2026-03-02 00:00:00', NULL, 'R11'),
	('I13a', 'W01', 'CW', 'P13', '2026-09-08 00:00:00', NULL, 'R13'),
	('I13b', 'W02', 'CW', 'P13', '2026-10-01 00:00:00', NULL, 'R13'),
	('I13c', 'W06', 'KA', 'P13', '2026-11-01 00:00:00', NULL, 'R13'),
	('I17a', 'W04', 'CW', 'P17', '2026-08-24 00:00:00', '2026-09-30 00:00:00', 'R17'),
	('I17b', 'W05', 'CW', 'P17', '2026-09-30 00:00:00', NULL, 'R17'),
	('I19', 'W04', 'CW', 'P19', '2026-09-28 00:00:00', NULL, 'R19'),
	('I20', 'W04', 'CW', 'P20', '2026-09-09 00:00:00', '1900-01-01 00:00:00', 'R20'),
	('I21', 'W04', 'CW', 'P21', '2026-09-14 00:00:00', NULL, 'R21'),
	('I23', 'W05', 'CW', 'P23', '2026-07-01 00:00:00', NULL, 'R23'),
	('I24', 'W05', 'CW', 'P24', '2026-08-12 00:00:00', NULL, 'R24'),
	('I25', 'W07', 'CW', 'P25', '2026-02-02 00:00:00', NULL, 'R25'),
	('I26', 'W07', 'CW', 'P26', '2026-07-06 00:00:00', NULL, 'R26'),
	('I28', 'W07', 'CW', 'P28', '2026-08-17 00:00:00', NULL, 'R28'),
	('I30', 'W03', 'FSW', 'P30', '2026-09-02 00:00:00', NULL, 'R30');
