# Issue 19, 1: a report cut short by a full disk must never carry a
# reassuring status.  check's findings go to /dev/full: whatever was found
# (here overdue items, which alone would be status 1), the status is 2
# (cinplan(1) EXIT STATUS: output could not be written), with one message.
"$CINPLAN" check --caseload ../../examples/caseload.csv --as-of 2026-11-22 \
    >/dev/full
echo "text status $?"
"$CINPLAN" check --caseload ../../examples/caseload.csv --as-of 2026-11-22 \
    --format csv >/dev/full
echo "csv status $?"
"$CINPLAN" check --caseload ../../examples/caseload.csv --as-of 2026-11-22 \
    --summary --format json >/dev/full
echo "summary status $?"
