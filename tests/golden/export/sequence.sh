# Re-exporting to the same file: UIDs stay, and only an event whose date
# moved gets the next SEQUENCE.  X1's last_visit goes from Mon 2026-11-02
# to Mon 2026-11-09, so its visit moves from Mon 30 Nov to Mon 7 Dec
# (28 days, 4.3); then the export is repeated unchanged; then the visit
# moves back.
. ./events.subr
cp caseload.csv "$WORK/" && cd "$WORK" || exit 125
sed 's/^\(X1,.*\),2026-11-02,$/\1,2026-11-09,/' caseload.csv >moved.csv
n=0
for c in caseload.csv moved.csv moved.csv caseload.csv; do
	n=$((n + 1))
	SOURCE_DATE_EPOCH=1798416000 "$CINPLAN" export --caseload "$c" \
	    --as-of 2026-11-25 --until 2026-12-20 -o x.ics
	echo "export $n ($c): status $?"
	events x.ics >"e$n"
	echo "SEQUENCE:0 on $(awk '$3 == 0' "e$n" | wc -l | tr -d ' ') of $(wc -l <"e$n" | tr -d ' ') events; others:"
	awk '$3 != 0' "e$n"
	if [ $n -gt 1 ]; then
		cut -d' ' -f1 e1 | sort >u1
		cut -d' ' -f1 "e$n" | sort >u2
		cmp -s u1 u2 && echo "UIDs as in export 1"
	fi
done
