# Issue 19 round two, 2: a bad night must not wipe the team's calendar.
# When no row of the caseload can be used (only a header; every row
# rejected), export fails with status 2 and the calendar already there is
# left exactly as it was, with no temporary file beside it.
cd "$WORK" || exit 1
"$CINPLAN" schedule --profile torbay --referral 2026-10-12 --as-of 2026-11-22 \
    --format ics >cal.ics
cp cal.ics before.ics
head -n 1 "$OLDPWD/../../examples/caseload.csv" >header.csv
"$CINPLAN" export --caseload header.csv --as-of 2026-11-22 -o cal.ics
echo "header only: status $?"
cmp -s cal.ics before.ics && echo "calendar unchanged"
# The Liquidlogic export without --dates uk: all 60 rows rejected.
cp "$OLDPWD/../../examples/liquidlogic/open-cin-cases.csv" \
    "$OLDPWD/../../examples/liquidlogic/columns.ini" .
"$CINPLAN" export --caseload open-cin-cases.csv --columns columns.ini \
    --profile torbay --as-of 2026-11-22 -o cal.ics 2>err
echo "all rejected: status $?"
tail -n 1 err >&2
cmp -s cal.ics before.ics && echo "calendar unchanged"
mkdir split
"$CINPLAN" export --caseload header.csv --as-of 2026-11-22 --split worker \
    -o split
echo "split: status $?"
rm err open-cin-cases.csv columns.ini header.csv
echo "files: $(ls -A | tr '\n' ' ')"
