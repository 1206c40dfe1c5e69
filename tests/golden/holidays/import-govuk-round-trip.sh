# The imported data file read back with --holidays: 2022 as GOV.UK lists it,
# with GOV.UK's title for the funeral day (capital H), which the rules do
# not give, and the rules' names for the days they do.
"$CINPLAN" holidays --import govuk-2022-2023.json -o "$WORK/holidays" || exit
"$CINPLAN" holidays 2022 --holidays "$WORK/holidays"
