# A GOV.UK title of 300 two-byte characters (600 bytes): the data file
# written must still be valid UTF-8.  The import keeps at most 255 bytes
# of a title (title[256] in src/holidays.c hol_import_govuk, clean_title),
# cutting the 128th character in half, so the file, and then
# "cinplan holidays", carry a stray lead byte.  (The JSON lists 2026's
# added day alone: --allow-missing.  The changes shown are not compared.)
"$CINPLAN" holidays --import in/json-long-title.json --allow-missing \
    >"$WORK/data" 2>/dev/null
echo "status $?"
if grep '^add 2026-06-01 ' "$WORK/data" | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1
then
	echo "title valid UTF-8"
else
	echo "title not valid UTF-8"
fi
