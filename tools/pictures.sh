#!/bin/sh
# Make the README's pictures of --format html from the shipped examples:
# each page printed to PDF by headless Chromium, its first page drawn as a
# PNG 640 pixels wide by pdftoppm, as it comes out of a printer.
#
#   sh tools/pictures.sh ./cinplan doc      (make pictures)
#
# doc/schedule.png: the README's Torbay case, for the family.
# doc/team-report.png: the team report of examples/caseload.csv.
set -eu
cinplan=${1:-./cinplan}
out=${2:-doc}
for tool in chromium pdftoppm; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "pictures: $tool is not installed (tools/deps.sh installs" \
		    "chromium and poppler-utils on Debian)" >&2
		exit 1
	fi
done
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cinplan-pictures.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
export LC_ALL=C TZ=UTC
unset SOURCE_DATE_EPOCH CINPLAN_RULES

"$cinplan" schedule --profile torbay --case-id TB-1077 --referral 2026-10-12 \
    --assessment-completed 2026-12-11 --as-of 2026-12-11 --until 2027-03-31 \
    --worker "Sam Jones" --format html --audience family \
    -o "$tmp/schedule.html"
# Overdue work makes check exit 1: that is the report, not a failure.
"$cinplan" check examples/caseload.csv --as-of 2026-12-11 --format html \
    >"$tmp/team-report.html" || [ $? -eq 1 ]

mkdir -p "$out"
for page in schedule team-report; do
	chromium --headless --no-sandbox --disable-gpu \
	    --user-data-dir="$tmp/profile" --no-first-run \
	    --no-pdf-header-footer --print-to-pdf="$tmp/$page.pdf" \
	    "file://$tmp/$page.html" >/dev/null 2>&1
	pdftoppm -png -singlefile -f 1 -l 1 -scale-to-x 640 -scale-to-y -1 \
	    "$tmp/$page.pdf" "$out/$page"
	echo "pictures: $out/$page.png"
done
