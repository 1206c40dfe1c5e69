# Issue 19, 4: export stopped by SIGTERM while it writes (here while it
# waits for the rest of a caseload arriving through a FIFO) removes its
# temporary file and dies of the signal; the calendar already there is
# left as it was.  (SIGINT and SIGHUP: tests/unit/test_safeio.c.)
cd "$WORK" || exit 1
"$CINPLAN" schedule --profile torbay --referral 2026-10-12 --as-of 2026-11-22 \
    --format ics >cal.ics
cp cal.ics before.ics
mkfifo rows
"$CINPLAN" export --caseload rows --as-of 2026-11-22 -o cal.ics &
pid=$!
# Read and write (Linux): never waits, even if export has gone already.
exec 3<>rows
head -n 2 "$OLDPWD/../../examples/caseload.csv" >&3
# The temporary file appears once the header has been read.
i=0
while [ $i -lt 100 ] && [ -z "$(ls -A | grep '^\.cinplan-')" ]; do
	sleep 0.1
	i=$((i + 1))
done
[ $i -lt 100 ] && echo "temporary file made"
kill -TERM $pid
# (The shell's own "Terminated" is not cinplan's to print.)
wait $pid 2>/dev/null
echo "status $?"
exec 3>&-
cmp -s cal.ics before.ics && echo "calendar unchanged"
ls -A
