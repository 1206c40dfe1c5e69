# --split worker over a changing caseload.  Export 1 as in split-worker.
# Export 2: Ali Khan's cases X2 and X5 close, and X1's last visit moves to
# Mon 2026-11-09, so its next visit moves from Mon 11-30 to Mon 12-07
# (28 days): ali-khan.ics is written once more with its 6 events
# cancelled (SEQUENCE 0 to 1, on their old dates), X1's visit keeps its
# UID with SEQUENCE 1, nothing else changes.  Export 3, the same again:
# the same files.  Exports 4 and 5 at as-of Tue 2026-12-29 and Wed
# 2026-12-30, 34 and 35 days after the cancellation on Wed 11-25: the
# cancelled events are still written, then no longer (cinplan(1): kept
# 35 days); the file stays, with its name, and no events.
# Minutes, notices and milestones are left out (--kind): the items here
# are the ones whose dates are worked out in README.md.
. ./events.subr
cp caseload.csv "$WORK/" && cd "$WORK" && mkdir cal || exit 125
sed -e 's/^\(X[25],.*\),$/\1,yes/' \
    -e 's/^\(X1,.*\),2026-11-02,$/\1,2026-11-09,/' caseload.csv >changed.csv
n=0
for c in caseload.csv changed.csv changed.csv; do
	n=$((n + 1))
	SOURCE_DATE_EPOCH=1798416000 "$CINPLAN" export --caseload "$c" \
	    --as-of 2026-11-25 --until 2026-12-20 --split worker -o cal \
	    --kind assessment,first-meeting,review,visit,written-update 2>&1
	echo "export $n ($c): status $?"
	[ $n -eq 1 ] && continue
	for f in cal/*; do
		echo "== $f"
		unfold "$f" | grep '^X-WR-CALNAME'
		evstatus "$f" | sort | awk '$3 != 0 || $4 == "CANCELLED"'
		echo "$(evstatus "$f" | awk '$3 == 0 && $4 != "CANCELLED"' |
		    wc -l | tr -d ' ') other events with SEQUENCE 0"
	done
done
for d in 2026-12-29 2026-12-30; do
	n=$((n + 1))
	"$CINPLAN" export --caseload changed.csv --as-of "$d" --split worker \
	    --kind assessment,first-meeting,review,visit,written-update -o cal 2>&1
	echo "export $n (changed.csv, as of $d): status $?"
	unfold cal/ali-khan.ics | grep '^X-WR-CALNAME'
	evstatus cal/ali-khan.ics | sort
	echo "$(evstatus cal/ali-khan.ics | wc -l | tr -d ' ') events"
done
ls cal
