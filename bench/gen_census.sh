#!/bin/sh
# Generate a synthetic CIN census return of N children (default 50,000),
# shaped like the DfE's sample (identifiers, characteristics and Section
# 47 details that "cinplan census" reads past), about 1.2 KB a child (61 MB
# for the default 50,000).  Most children have one episode with one
# assessment; some have two episodes or two assessments, some assessments
# are still open, and about one in seven is authorised later than 45
# working days.
# Referrals fall in the year to the reference date 2026-03-31.
# Deterministic: the same N (and awk) gives the same file.
# usage: sh bench/gen_census.sh [N [FILE]]	(no FILE: standard output)
n=${1:-50000}
if [ $# -ge 2 ]; then
	exec >"$2" || exit 2
fi
awk -v n="$n" 'BEGIN {
	srand(20260331)
	ref = 20543	# 2026-03-31 as days since 1970-01-01
	split("1A 1B 2A 3A 3B 5A 6 7 8 9", src, " ")
	split("N1 N2 N3 N4 N5 N6 N7 N8 N9", need, " ")
	split("WBRI WIRI MWBC ASIN BAFR CHNE OOTH", eth, " ")
	print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	print "<Message>"
	print "  <Header>"
	print "    <CollectionDetails>"
	print "      <Collection>CIN</Collection>"
	print "      <Year>2026</Year>"
	print "      <ReferenceDate>2026-03-31</ReferenceDate>"
	print "    </CollectionDetails>"
	print "    <Source>"
	print "      <SourceLevel>L</SourceLevel>"
	print "      <LEA>999</LEA>"
	print "      <SoftwareCode>gen_census.sh</SoftwareCode>"
	print "      <Release>1</Release>"
	print "      <SerialNo>001</SerialNo>"
	print "      <DateTime>2026-05-01T09:00:00</DateTime>"
	print "    </Source>"
	print "  </Header>"
	print "  <Children>"
	for (i = 1; i <= n; i++) {
		print "    <Child>"
		print "      <ChildIdentifiers>"
		el(8, "LAchildID", sprintf("G%07d", i))
		el(8, "UPN", sprintf("A%012d", i))
		el(8, "PersonBirthDate", d(ref - 400 - int(rand() * 6000)))
		el(8, "GenderCurrent", 1 + int(rand() * 2))
		print "      </ChildIdentifiers>"
		print "      <ChildCharacteristics>"
		el(8, "Ethnicity", eth[int(rand() * 7) + 1])
		print "        <Disabilities>"
		print "          <Disability>NONE</Disability>"
		print "        </Disabilities>"
		print "      </ChildCharacteristics>"
		ne = rand() < 0.1 ? 2 : 1
		for (e = 1; e <= ne; e++)
			episode(e == ne)
		print "    </Child>"
	}
	print "  </Children>"
	print "</Message>"
}
function episode(last,   r, na, k, s, au, cl) {
	r = ref - 40 - int(rand() * 320)
	cl = (!last || rand() < 0.4) ? r + 60 + int(rand() * 200) : 0
	if (cl > ref)
		cl = 0
	print "      <CINdetails>"
	el(8, "CINreferralDate", d(r))
	el(8, "ReferralSource", src[int(rand() * 10) + 1])
	el(8, "PrimaryNeedCode", need[int(rand() * 9) + 1])
	if (cl) {
		el(8, "CINclosureDate", d(cl))
		print "        <ReasonForClosure>RC1</ReasonForClosure>"
	}
	na = rand() < 0.1 ? 2 : 1
	for (k = 1; k <= na; k++) {
		s = r + int(rand() * 5)
		au = s + ((rand() < 0.85) ? 20 : 70) + int(rand() * 40)
		print "        <Assessments>"
		el(10, "AssessmentActualStartDate", d(s))
		if (au <= ref && (cl || rand() < 0.95))
			el(10, "AssessmentAuthorisationDate", d(au))
		print "          <FactorsIdentifiedAtAssessment>"
		print "            <AssessmentFactors>2A</AssessmentFactors>"
		print "          </FactorsIdentifiedAtAssessment>"
		print "        </Assessments>"
	}
	if (rand() < 0.5) {
		print "        <CINPlanDates>"
		el(10, "CINPlanStartDate", d(r + 50))
		if (cl)
			el(10, "CINPlanEndDate", d(cl))
		print "        </CINPlanDates>"
	}
	if (rand() < 0.2) {
		print "        <Section47>"
		el(10, "S47ActualStartDate", d(r + 1))
		el(10, "InitialCPCtarget", d(r + 16))
		print "          <ICPCnotRequired>false</ICPCnotRequired>"
		print "        </Section47>"
	}
	print "        <ReferralNFA>false</ReferralNFA>"
	print "      </CINdetails>"
}
# One element on its own line, indented by ind spaces.
function el(ind, name, v) {
	printf "%s<%s>%s</%s>\n", substr("          ", 1, ind), name, v, name
}
# Day number to YYYY-MM-DD (civil_from_days).
function d(z,   era, doe, yoe, y, doy, mp, dd, m) {
	z += 719468
	era = int(z / 146097)
	doe = z - era * 146097
	yoe = doe - int(doe / 1460) + int(doe / 36524)
	yoe = int((yoe - int(doe / 146096)) / 365)
	y = yoe + era * 400
	doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100))
	mp = int((5 * doy + 2) / 153)
	dd = doy - int((153 * mp + 2) / 5) + 1
	m = mp < 10 ? mp + 3 : mp - 9
	return sprintf("%04d-%02d-%02d", y + (m <= 2), m, dd)
}'
