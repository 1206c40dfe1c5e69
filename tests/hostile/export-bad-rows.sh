# export refuses the same rows as check, with the same messages, still
# writes the calendar of what it could use (here nothing: one closed case,
# fifteen rejected), and exits 3 (cinplan(1) EXIT STATUS).
cd "$WORK" || exit 1
"$CINPLAN" export --caseload "$OLDPWD/in/bad-dates.csv" --as-of 2026-11-22 \
    -o cal.ics 2>err
echo "status $?"
sed "s|$OLDPWD/||" err
echo "events: $(grep -c '^BEGIN:VEVENT' cal.ics)"
echo "ends: $(tail -n 1 cal.ics)"
