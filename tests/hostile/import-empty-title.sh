# Found by fuzz_holidays: a GOV.UK event with an empty (or blank) title is
# imported as "add 2026-06-01 " with no name, which the data file's own
# parser then refuses ("the holiday needs a name"): the import exits 0 but
# every later command that needs the calendar fails on the file it wrote
# (cinplan(1) suggests writing it straight to ~/.config/cinplan/rules).
# The import must refuse such an event, or give it a name; either way
# what it writes must read back.
cd "$WORK" || exit 1
"$CINPLAN" holidays --import "$OLDPWD/in/json-empty-title.json" -o data \
    2>/dev/null
rc=$?
if [ $rc -ne 0 ] ||
    "$CINPLAN" holidays 2026 --holidays data >/dev/null 2>&1; then
	echo "refused, or written and read back"
else
	echo "written but unreadable"
fi
