# A profile closed between Christmas and New Year (a plausible
# "closures" line) with weekly visits.  Visit due dates that fall on a
# closed day move back to the working day before (cinplan(1) CONVENTIONS),
# and the next is counted from there: from Wednesday 23 December 2026 a
# week on is the closed 30th, which moves back to the 23rd itself, and so
# on for ever.  The engine stops at 10000 occurrences and says "give an
# earlier --until", which no --until after 23 December can satisfy (and
# check has no --until): every case whose visits reach Christmas fails.
# The chain must go on past the closure (or the profile be refused), not
# stall.
"$CINPLAN" schedule --profile closed-christmas --rules in \
    --referral 2026-06-01 --assessment-completed 2026-07-01 \
    --first-meeting 2026-07-10 --as-of 2026-11-22 --until 2027-01-31 \
    --kind visit >/dev/null 2>"$WORK/err"
if grep 'more than 10000 ' "$WORK/err" >/dev/null; then
	echo "the visits stall at the closure"
else
	echo "the visits go on past the closure"
fi
