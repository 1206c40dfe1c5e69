# -o FILE with --format html: the page is written whole to FILE and
# nothing to standard output; a later run that fails (an unknown area)
# leaves the page as it was.  torbay, referral Mon 2026-10-12: the
# assessment is due 45 working days later (1.2), Mon 2026-12-14, written
# "Mon 14 December 2026" (see output.sh for the count).
cd "$WORK" || exit 125
"$CINPLAN" schedule --profile torbay --referral 2026-10-12 --kind assessment \
    --as-of 2026-11-22 --format html -o page.html
echo "first: status $?"
head -1 page.html
tail -1 page.html
grep -o '<time datetime="2026-12-14">[^<]*</time>' page.html | head -1
cp page.html before.html
"$CINPLAN" schedule --profile torbay --area nowhere --referral 2026-10-12 \
    --as-of 2026-11-22 --format html -o page.html 2>/dev/null
echo "second: status $?"
cmp -s page.html before.html && echo "page unchanged"
ls
