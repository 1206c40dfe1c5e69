# Issue 19, 5: one Child with 200,000 unknown elements and two bad dates
# among them.  The reader keeps the first 100 faults of a child (census.h)
# and counts the rest, so memory stays flat; the bad dates are still
# counted (status 3), and the summary counts every ignored element.  The
# first 20 warnings are shown (cinplan(1)), then one line for the rest.
awk 'BEGIN {
	printf "<?xml version=\"1.0\"?>\n<Message>\n<Children>\n<Child>\n"
	printf "<ChildIdentifiers><LAchildID>C1</LAchildID></ChildIdentifiers>\n"
	printf "<CINdetails>\n<CINreferralDate>2026-01-05</CINreferralDate>\n"
	for (i = 0; i < 200000; i++) {
		printf "<X%d/>\n", i % 10
		if (i == 150000)
			printf "<CINclosureDate>2026-02-30</CINclosureDate>\n"
	}
	printf "<Assessments><AssessmentActualStartDate>2026-13-01"
	printf "</AssessmentActualStartDate></Assessments>\n"
	printf "</CINdetails>\n</Child>\n</Children>\n</Message>\n"
}' >"$WORK/many.xml"
cd "$WORK" && "$CINPLAN" census many.xml --as-of 2026-11-22 2>err
echo "status $?"
head -n 2 err
sed -n '21,$p' err
