# The torbay worked example as iCalendar; SOURCE_DATE_EPOCH fixes DTSTAMP
# (1798761600 is 2027-01-01T00:00:00Z).
SOURCE_DATE_EPOCH=1798761600
export SOURCE_DATE_EPOCH
exec "$CINPLAN" schedule --profile torbay --referral 2026-10-12 --assessment-completed 2026-12-11 --until 2027-03-31 --as-of 2026-12-20 --case-id TB-0042 --format ics
