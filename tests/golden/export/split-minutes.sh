# --split worker with minutes_sent: each row's minutes are its own, though
# the calendar is written by going over the worker's rows a second time.
. ./events.subr
cp split-minutes.csv "$WORK/" && cd "$WORK" && mkdir cal || exit 125
SOURCE_DATE_EPOCH=1798416000 "$CINPLAN" export --caseload split-minutes.csv \
    --as-of 2026-11-25 --until 2026-11-30 --split worker -o cal \
    --kind minutes
echo "status $?"
for f in cal/*; do
	echo "== $f"
	evstatus "$f"
done
