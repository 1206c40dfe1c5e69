# Issue 19, 5: a FIFO where a profile or the holiday data is looked for
# (the rules path, --holidays, profile check, holidays --import) is
# refused at once, not opened and waited on for ever: its type is
# checked before it is read.
cd "$WORK" || exit 1
mkdir r
mkfifo r/holidays r/torbay.ini fifo
"$CINPLAN" workdays add 2026-01-05 3 --rules r
echo "rules status $?"
"$CINPLAN" schedule --profile torbay --referral 2026-01-05 --rules r
echo "profile status $?"
"$CINPLAN" workdays add 2026-01-05 3 --holidays fifo
echo "--holidays status $?"
"$CINPLAN" profile check fifo
echo "profile check status $?"
"$CINPLAN" holidays --import fifo
echo "import status $?"
