# --split worker: one calendar a worker, named from the worker, with the
# worker's name in its title and in every event's description.
# Minutes, notices and milestones are left out (--kind): the items here
# are the ones whose dates are worked out in README.md.
. ./events.subr
cp caseload.csv "$WORK/" && cd "$WORK" && mkdir cal || exit 125
SOURCE_DATE_EPOCH=1798416000 "$CINPLAN" export --caseload caseload.csv \
    --as-of 2026-11-25 --until 2026-12-20 --split worker -o cal \
    --kind assessment,first-meeting,review,visit,written-update
echo "status $?"
for f in cal/*; do
	echo "== $f"
	unfold "$f" | grep '^X-WR-CALNAME'
	evstatus "$f" | sort
	unfold "$f" | grep -o 'Worker: [^\\]*' | sort | uniq -c
done
