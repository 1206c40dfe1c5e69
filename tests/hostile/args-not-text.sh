# Issue 19 round two, 6: option values and arguments reach messages,
# reports, JSON and calendars, so they follow the caseload's text rule:
# valid UTF-8, no control characters.  Each is refused naming the option
# (or the argument's place), status 2, before anything is read or
# written; a message never echoes an escape sequence to the terminal.
"$CINPLAN" schedule --profile torbay --referral 2026-01-05 --case-id "$(printf '\377')"
echo "case-id status $?"
"$CINPLAN" schedule --profile torbay --referral 2026-01-05 --case-id="$(printf '\033[2J')"
echo "case-id= status $?"
"$CINPLAN" check ../../examples/caseload.csv --as-of 2026-11-22 --worker "$(printf 'Sam\302\205')"
echo "worker status $?"
"$CINPLAN" export ../../examples/caseload.csv -o - --calendar-name "$(printf 'Team\tA')"
echo "calendar-name status $?"
"$CINPLAN" check "$(printf 'a\nb.csv')"
echo "operand status $?"
"$CINPLAN" "$(printf '\033[2J')" 2>&1 | head -n 1 | od -c | sed -n 2p
