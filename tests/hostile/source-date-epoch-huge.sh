# SOURCE_DATE_EPOCH is at most 7258118399 (cinplan(1) ENVIRONMENT); one
# that does not fit a long is refused, not wrapped into a wrong DTSTAMP.
SOURCE_DATE_EPOCH=99999999999999999999
export SOURCE_DATE_EPOCH
"$CINPLAN" schedule --profile torbay --referral 2026-10-12 --as-of 2026-11-22 --format ics
