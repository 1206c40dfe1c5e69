# --split profile: one calendar a profile, named by its id, with the name
# given by --calendar-name and the profile after it.  X4 (torbay) is
# closed; the others are one case a profile, as in the README: torbay X1
# 8 events, berkshire-west X2 2, doncaster X3 10, south-west X5 4.
# Minutes, notices and milestones are left out (--kind): the items here
# are the ones whose dates are worked out in README.md.
. ./events.subr
cp caseload.csv "$WORK/" && cd "$WORK" && mkdir cal || exit 125
SOURCE_DATE_EPOCH=1798416000 "$CINPLAN" export --caseload caseload.csv \
    --as-of 2026-11-25 --until 2026-12-20 --split profile \
    --calendar-name 'Team A' --kind assessment,first-meeting,review,visit,written-update -o cal
echo "status $?"
for f in cal/*; do
	echo "$f: $(unfold "$f" | grep '^X-WR-CALNAME'), $(evstatus "$f" |
	    wc -l | tr -d ' ') events of $(evstatus "$f" | cut -d. -f1 |
	    sort -u | tr '\n' ' ')"
done
