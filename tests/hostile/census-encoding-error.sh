# Found by fuzz_census: a return that declares an encoding its bytes are
# not in.  libxml2 reports the failed conversion through its global error
# handler, which prints "encoding error : input conversion failed ..." on
# standard error as it is, without "cinplan:", the file or the line, and
# apart from the parse error cinplan reports (src/census.c census_open
# sets only the reader's structured handler).  Every message must be
# cinplan's own; the file cannot be read (exit 2).
"$CINPLAN" census in/census-ebcdic.xml --as-of 2026-11-22 >/dev/null 2>"$WORK/err"
echo "status $?"
if grep -v '^cinplan: ' "$WORK/err" >/dev/null; then
	echo "a message without the cinplan: prefix"
else
	echo "messages all cinplan's"
fi
