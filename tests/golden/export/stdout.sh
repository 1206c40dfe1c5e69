# small.csv to standard output, byte for byte (CRLF line ends, folded at
# 75 octets); DTSTAMP from SOURCE_DATE_EPOCH (2026-12-28 00:00:00 UTC).
SOURCE_DATE_EPOCH=1798416000 "$CINPLAN" export --caseload small.csv \
    --as-of 2026-11-25 --until 2026-12-04 -o -
