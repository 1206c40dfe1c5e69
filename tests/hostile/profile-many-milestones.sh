# A profile with 70 milestones of different names loads ("71 rules, ok",
# with england's assessment), but the engine keeps at most 64 chosen rules
# a case (struct sched_memo chosen[64] in include/sched.h; choose_rules in
# src/sched.c drops the rest without a word), so milestones 64 to 70
# vanish from the schedule: deadlines missing silently.  Either the
# profile is refused with a limit named, or every milestone is shown.
mkdir "$WORK/rules"
{
	printf '[profile]\nauthority = Many\ndocument = d\nextends = england\n'
	i=1
	while [ $i -le 70 ]; do
		printf '\n[rule:m%d]\nkind = milestone\nname = m%d\n' $i $i
		printf 'anchor = referral\noffset = %d days\nlabel = M%d\n' $i $i
		printf 'source = 1\nquote = q\n'
		i=$((i + 1))
	done
} >"$WORK/rules/many.ini"
"$CINPLAN" schedule --profile many --rules "$WORK/rules" \
    --referral 2026-01-05 --first-meeting 2026-02-02 --as-of 2026-01-05 \
    --until 2026-12-31 --kind milestone --format csv >"$WORK/out" 2>/dev/null
rc=$?
n=$(($(wc -l <"$WORK/out") - 1))
if [ $rc -eq 2 ] || [ $n -eq 70 ]; then
	echo "no milestone lost"
else
	echo "status $rc, $n of 70 milestones"
fi
