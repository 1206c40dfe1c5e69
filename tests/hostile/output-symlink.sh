# Issue 19, 4: -o naming a symbolic link is refused (cinplan(1), FILES):
# renaming over it would silently turn the link into a regular file and
# leave the file it points to stale.  The link and its target stay as
# they were, and no temporary file is left behind.
cd "$WORK" || exit 1
echo "old calendar" >target.ics
ln -s target.ics cal.ics
"$CINPLAN" export --caseload "$OLDPWD/../../examples/caseload.csv" \
    --as-of 2026-11-22 -o cal.ics
echo "export status $?"
"$CINPLAN" census "$OLDPWD/../../examples/census-sample.xml" \
    --to-caseload cal.ics --profile torbay >/dev/null
echo "census status $?"
[ -L cal.ics ] && echo "still a link to $(readlink cal.ics)"
cat target.ics
ls -A
