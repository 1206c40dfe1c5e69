# Issue 19 round two, 3: a line break typed in a cell (Alt+Enter; RFC 4180
# quotes it) or a tab in the worker's name is a space, so the name prints
# on one line and the row is checked; a line break at either end of any
# cell is blank.  An identifier with a break inside it cannot match the
# case system's and is rejected, and the line of each row stays the line
# it starts on: TB-1 spans lines 2-3, TB-2 4-5, TB-3 6-7, TB-4 is line 8.
cd "$WORK" || exit 1
printf '%s\n' 'case_id,profile,worker,referral' \
    '"TB-1",torbay,"Sam' 'Jones",2026-11-02' \
    '"TB-2",torbay,"	Priya	Patel' '",2026-11-02' \
    '"TB-3' '",torbay,Ann Lee,2026-11-02' \
    'TB-4,torbay,"Sam Jones",2026-02-30' >cases.csv
"$CINPLAN" check --caseload cases.csv --as-of 2026-12-01 --within 60 \
    --format csv >out.csv
echo "status $?"
cut -d, -f1,4,5 out.csv | sort -u
printf 'case_id,profile,worker,referral\r\n"TB-5\r\nX",torbay,"Sam\r\n Jones",2026-11-02\r\nTB-6,torbay,x,2026-02-30\r\n' >crlf.csv
"$CINPLAN" check --caseload crlf.csv --as-of 2026-12-01 >/dev/null
echo "status $?"
