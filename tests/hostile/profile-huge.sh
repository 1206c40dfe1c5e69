# Issue 19, 5: a 4 MiB profile of 300,000 keys took iniparser's
# dictionary a minute.  A profile has a few dozen sections and a few
# hundred keys: past 256 sections or 2048 keys, or 100 errors, the scan
# stops there, says so on that line, and nothing further is handed to
# iniparser.  Status 2 each time.
cd "$WORK" || exit 1
awk 'BEGIN { print "[profile]"; print "id = big"
	for (i = 0; i < 300000; i++) print "k" i " = v" }' >keys.ini
awk 'BEGIN { print "[profile]"; print "id = big"
	for (i = 0; i < 400000; i++) print "[s" i "]" }' >sections.ini
awk 'BEGIN { for (i = 0; i < 400000; i++) print "junk" }' >junk.ini
for f in keys sections junk; do
	"$CINPLAN" profile check $f.ini 2>err
	echo "$f: status $?, $(wc -l <err) messages"
	grep 'not read' err
done
