# Every event of an export has its own UID (RFC 5545 3.8.4.7): a calendar
# keeps one event per UID.  With the default horizon (six months after the
# as-of date) X1 has a visit every 28 days after its last_visit and X3
# every 20 working days: prints each UID used more than once (none).
"$CINPLAN" export --caseload caseload.csv --as-of 2026-11-25 -o - 2>/dev/null |
    tr -d '\r' | grep '^UID:' | sort | uniq -d
