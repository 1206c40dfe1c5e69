# File names from worker names, and what else the directory holds.
# Export 1 (split-names-1.csv): N1 of Sam Jones and N4 of nobody give
# sam-jones.ics and unallocated.ics.  Export 2 (split-names-2.csv) adds
# N2 of "Sam  Jones" (two spaces), N3 of "SAM JONES" (Sam Jones whatever
# the case: N1's calendar), N5 of "Zoë O'Brien" (zo-o-brien: the ë and
# the quote each end a run), N6 of a name with no ASCII letter (worker)
# and N7 of "Unallocated".  "Sam Jones" and "Sam  Jones" both make
# sam-jones, N4's unallocated and "Unallocated" both make unallocated:
# each gets "-" and the FNV-1a hash (32 bits) of its name in lower case,
# worked out apart from cinplan: "sam jones" 2f285d43, "sam  jones"
# 5b23508b, "" (no worker) 811c9dc5, "unallocated" 8967f37f.  Then
# sam-jones.ics and unallocated.ics are left over: N1 and N4 cancelled
# there.  A calendar that is not cinplan's, a link and other files are
# left alone.  --kind assessment: torbay's assessment is 45 working days
# after the referral, Mon 2026-10-05 + 45 = Mon 2026-12-07 (Oct 6-9: 4;
# Oct 12 to Dec 4, eight weeks: 40 more, 44; Mon
# Dec 7: 45), one event a case.
. ./events.subr
cp split-names-1.csv split-names-2.csv "$WORK/" && cd "$WORK" &&
    mkdir cal || exit 125
printf 'BEGIN:VCALENDAR\r\nPRODID:-//Someone else//EN\r\nEND:VCALENDAR\r\n' \
    >cal/other.ics
cp cal/other.ics other.before
echo notes >cal/notes.txt
for n in 1 2; do
	SOURCE_DATE_EPOCH=1798416000 "$CINPLAN" export split-names-$n.csv \
	    --as-of 2026-11-25 --kind assessment --split worker -o cal 2>&1
	echo "export $n: status $?"
	[ $n -eq 1 ] && ln -s sam-jones.ics cal/link.ics
done
for f in cal/*.ics; do
	[ -L "$f" ] && continue
	echo "== $f"
	unfold "$f" | grep '^X-WR-CALNAME'
	evstatus "$f"
done
cmp other.before cal/other.ics && echo "other.ics unchanged"
[ -L cal/link.ics ] && echo "link.ics still a link"
ls -A cal
