# Cancellations: X2 closes, so its two events (the assessment, Mon
# 2026-11-30, and the projected first meeting, Mon 2026-12-14) are written
# once more as STATUS:CANCELLED with SEQUENCE:1; exported again they are
# carried unchanged (within the 35 days cinplan(1) gives); X2 reopens and
# they come back with SEQUENCE:2, CONFIRMED and TENTATIVE (projected).
# Nothing else changes: 22 events with SEQUENCE:0 throughout.
cp caseload.csv "$WORK/" && cd "$WORK" || exit 125
sed 's/^\(X2,.*\),$/\1,yes/' caseload.csv >closed.csv
n=0
for c in caseload.csv closed.csv closed.csv caseload.csv; do
	n=$((n + 1))
	SOURCE_DATE_EPOCH=1798416000 "$CINPLAN" export --caseload "$c" \
	    --as-of 2026-11-25 --until 2026-12-20 -o x.ics 2>/dev/null
	echo "export $n ($c): status $?"
	tr -d '\r' <x.ics | awk '
	/^BEGIN:VEVENT/ { u = d = s = st = "" }
	/^UID:/ { u = substr($0, 5) }
	/^DTSTART/ { d = substr($0, index($0, ":") + 1) }
	/^SEQUENCE:/ { s = substr($0, 10) }
	/^STATUS:/ { st = substr($0, 8) }
	/^END:VEVENT/ {
		if (u ~ /^X2\./)
			print u, d, s, st
		else if (s == 0 && st != "CANCELLED")
			same++
	}
	END { print same " other events with SEQUENCE:0" }'
done
