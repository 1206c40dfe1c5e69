# NO_COLOR is honoured on a terminal too.  script(1) runs cinplan on a
# pseudo-terminal: with the runner's NO_COLOR=1 the table is plain text;
# with NO_COLOR unset the status column is coloured.
args="schedule --profile torbay --referral 2026-10-12 --assessment-completed 2026-12-11 --until 2026-12-31 --as-of 2026-12-20 --kind assessment,first-meeting --case-id TB-0042"
esc=$(printf '\033')
script -qec "'$CINPLAN' $args" /dev/null </dev/null | tr -d '\r' >"$WORK/plain"
cat "$WORK/plain"
if grep -q "$esc" "$WORK/plain"; then
	echo "NO_COLOR=1 on a terminal: escape sequences"
else
	echo "NO_COLOR=1 on a terminal: no escape sequences"
fi
env -u NO_COLOR script -qec "'$CINPLAN' $args" /dev/null </dev/null |
    tr -d '\r' >"$WORK/colour"
if grep -q "$esc" "$WORK/colour"; then
	echo "NO_COLOR unset on a terminal: escape sequences"
else
	echo "NO_COLOR unset on a terminal: no escape sequences"
fi
