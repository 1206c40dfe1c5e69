# Issue 19, 5: a FIFO or standard input as the caseload is legitimate
# ("check <(psql ...)"): it is read, not refused as the rules path's
# FIFOs are.  Four of the example's open cases are overdue as of
# 2026-11-22 (README): status 1 both ways.
cd "$WORK" || exit 1
mkfifo rows
cat "$OLDPWD/../../examples/caseload.csv" >rows &
"$CINPLAN" check --caseload rows --as-of 2026-11-22 | tail -n 1
"$CINPLAN" check --caseload - --as-of 2026-11-22 \
    <"$OLDPWD/../../examples/caseload.csv" | tail -n 1
wait
