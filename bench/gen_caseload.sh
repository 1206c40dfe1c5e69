#!/bin/sh
# Generate a synthetic caseload of N cases (default 1,000,000) on stdout,
# spread over every profile, area and plan type and over W workers
# (default 6), C% of them closed (default 5), about 95 bytes a row.
# Dates are relative to an as-of of 2026-11-22: most cases are up to date,
# about one in ten has something overdue, as in a real nightly run.
# Deterministic: the same N gives the same file.
# usage: sh bench/gen_caseload.sh [N [W [C]]] > caseload.csv
n=${1:-1000000}
w=${2:-6}
c=${3:-5}
awk -v n="$n" -v w="$w" -v c="$c" 'BEGIN {
	srand(20261122)
	split("torbay doncaster sefton south-west berkshire-west", prof, " ")
	split("reading wokingham west-berkshire", area, " ")
	split("standard standard standard step-down-cp transfer-in", pt, " ")
	split("A Khan,S Jones,P Patel,R Evans,M Smith,J Brown", wk, ",")
	# Past six: an initial and a surname, then a team number.
	ns = split("Wilson Taylor Davies" \
	    " Ahmed Walker Wright Thompson Hughes Green Hall Lewis Clarke" \
	    " Begum Ali Murphy Kaur Singh Roberts", sur, " ")
	for (i = 7; i <= w; i++) {
		k = i - 7
		wk[i] = sprintf("%c %s", 65 + k % 26, sur[int(k / 26) % ns + 1])
		if (k >= 26 * ns)
			wk[i] = wk[i] " " int(k / (26 * ns)) + 1
	}
	asof = 20779	# 2026-11-22 as days since 1970-01-01
	print "case_id,profile,area,plan_type,worker,referral," \
	    "assessment_completed,first_meeting,last_review,reviews_held," \
	    "last_visit,closed"
	for (i = 1; i <= n; i++) {
		p = prof[int(rand() * 5) + 1]
		a = (p == "berkshire-west") ? area[int(rand() * 3) + 1] : ""
		t = pt[int(rand() * 5) + 1]
		if (t == "step-down-cp" || t == "transfer-in") t = "standard"
		fm = asof - 60 - int(rand() * 300)
		ac = fm - 5 - int(rand() * 10)
		r = ac - 20 - int(rand() * 40)
		lr = asof - int(rand() * (rand() < 0.9 ? 35 : 90))
		lv = asof - int(rand() * (rand() < 0.9 ? 14 : 40))
		if (lr <= fm) lr = fm + 1 + int(rand() * 10)
		if (lv <= fm) lv = fm + 1
		printf "C%07d,%s,%s,%s,%s,%s,%s,%s,%s,%d,%s,%s\n", i, p, a, t,
		    wk[int(rand() * w) + 1], d(r), d(ac), d(fm), d(lr),
		    1 + int(rand() * 4), d(lv), (rand() < c / 100) ? d(lv + 5) : ""
	}
}
# Day number to YYYY-MM-DD (civil_from_days).
function d(z,   era, doe, yoe, y, doy, mp, dd, m) {
	z += 719468
	era = int(z / 146097)
	doe = z - era * 146097
	yoe = int((doe - int(doe / 1460) + int(doe / 36524) - int(doe / 146096)) / 365)
	y = yoe + era * 400
	doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100))
	mp = int((5 * doy + 2) / 153)
	dd = doy - int((153 * mp + 2) / 5) + 1
	m = mp < 10 ? mp + 3 : mp - 9
	return sprintf("%04d-%02d-%02d", y + (m <= 2), m, dd)
}'
