# A date after the data's announced year, in a calendar: the note is in
# that event's description, not on standard error (1798761600 is
# 2027-01-01T00:00:00Z).
SOURCE_DATE_EPOCH=1798761600
export SOURCE_DATE_EPOCH
exec "$CINPLAN" schedule --profile torbay --referral 2026-11-02 --as-of 2026-11-02 --until 2027-01-31 --kind assessment --case-id TB-0100 --holidays announced-2026.hol --format ics
