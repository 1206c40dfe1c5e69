# When export fails (here the caseload is a directory), the calendar file
# already there is left exactly as it was (cinplan(1) export: written to a
# temporary file and renamed only on success), and no temporary file is
# left beside it.
cd "$WORK" || exit 1
"$CINPLAN" schedule --profile torbay --referral 2026-10-12 --as-of 2026-11-22 \
    --format ics >cal.ics
cp cal.ics before.ics
"$CINPLAN" export --caseload "$OLDPWD/in" --as-of 2026-11-22 -o cal.ics \
    2>/dev/null
echo "status $?"
cmp -s cal.ics before.ics && echo "calendar unchanged"
echo "files: $(ls | tr '\n' ' ')"
