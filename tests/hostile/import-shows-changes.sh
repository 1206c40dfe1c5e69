# Issue 19, 8: before writing, the import shows each line that differs
# from the holiday data in use, "+" new and "-" dropped, then the count.
# GOV.UK's 2022-2023 feed against the built-in data: the State Funeral's
# title differs in one letter's case ("Bank Holiday" on GOV.UK); the
# Platinum Jubilee's removal of 30 May keeps the built-in data's reason.
cd "$WORK" || exit 1
"$CINPLAN" holidays --import "$OLDPWD/../golden/holidays/govuk-2022-2023.json" \
    -o data 2>&1 | sed 's|^cinplan: .*/govuk|cinplan: govuk|'
grep 2022-05-30 data
