# Issue 19, 10: a row with reviews_held 5 and no last_review cannot have
# its reviews checked (nothing to count the next one from), and the
# message says what is missing, not that reviews_held is empty too.  The
# row with both empty keeps its message.  Only the messages are compared
# here: the exit status and closing line for such rows are revision 2's.
"$CINPLAN" check --caseload in/reviews-no-date.csv --as-of 2026-11-22 \
    2>&1 >/dev/null
exit 0
