# Issue 19 round two, 2: a caseload saved by Excel for Mac (lone CR line
# ends, "tr '\n' '\r'") is read as the same file with LF line ends: the
# same report and status (four overdue as of 2026-11-22, README: 1).
cd "$WORK" || exit 1
ex=$OLDPWD/../../examples/caseload.csv
tr '\n' '\r' <"$ex" >mac.csv
"$CINPLAN" check --caseload mac.csv --as-of 2026-11-22 >mac.out
echo "mac status $?"
"$CINPLAN" check --caseload "$ex" --as-of 2026-11-22 >unix.out
echo "unix status $?"
cmp -s mac.out unix.out && echo "same report"
tail -n 1 mac.out
# Line numbers count CR lines, a line break inside a quoted cell too: the
# first row spans lines 2 and 3, so the second is line 4.  With neither
# row usable the status is 2 (cinplan(1) EXIT STATUS).
printf 'case_id,profile,worker,referral\r"TB-1",torbay,"Sam\rJones",2026-02-30\rTB-2,torbay,Sam Jones,2026-13-01\r' >bad.csv
"$CINPLAN" check --caseload bad.csv --as-of 2026-11-22 >/dev/null
echo "bad status $?"
