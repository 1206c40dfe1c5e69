#!/bin/sh
# html.test.sh: the pages of --format html, in a real browser.
#
#   sh tests/html.test.sh ./cinplan      (from the top of the tree)
#
# Each page (the README's schedule for a worker and for the family, the
# team report of examples/caseload.csv, one with hostile names, a census
# histogram) is
#   - well-formed: xmllint parses it as XML, the strictest reading;
#   - self-contained: no script, frame, object, image, link, url(),
#     @import or address in it (but the SVG namespace), and its
#     Content-Security-Policy forbids loading anything; Chromium's console
#     shows no attempt refused while printing it (a doctored copy shows
#     that it would);
#   - readable: every colour given to text is 4.5:1 or more on white;
#   - rendered by headless Chromium to a PNG screenshot and printed to PDF.
# Then the README's case prints on exactly one A4 page (pdfinfo), and
# every due date of its JSON appears in the PDF's text (pdftotext), written
# as people write dates; the family's page leaves out the case reference
# and the notices and says what the meetings are for; the report carries
# every finding's date and the hostile names as text, with no script in
# the browser's DOM.
#
# Chromium, pdfinfo, pdftotext and xmllint come from Debian's chromium,
# poppler-utils and libxml2-utils (tools/deps.sh installs them).  If one
# is missing the test says SKIP, unless CI is set: then it fails.

cinplan=${1:-./cinplan}
case $cinplan in /*) ;; *) cinplan=$(pwd)/$cinplan ;; esac
top=$(cd "$(dirname "$0")/.." && pwd) || exit 1

missing=""
for tool in chromium pdfinfo pdftotext xmllint python3; do
	command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
if [ -n "$missing" ]; then
	if [ -n "${CI:-}" ] && [ "${CI:-}" != false ]; then
		echo "FAIL: html: not installed:$missing (CI is set, so every" \
		    "test tool must be; tools/deps.sh installs them)"
		exit 1
	fi
	echo "SKIP: html: not installed:$missing (tools/deps.sh installs" \
	    "chromium, poppler-utils and libxml2-utils on Debian)"
	exit 0
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/cinplan-html.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

export LC_ALL=C TZ=UTC
unset SOURCE_DATE_EPOCH CINPLAN_RULES
fail=0
pass=0
FAIL() {
	echo "FAIL: html: $*"
	fail=1
}
ok() {
	pass=$((pass + 1))
}

tmo=""
command -v timeout >/dev/null 2>&1 && tmo="timeout 120"

# browse OUT ARGS...: Chromium, headless, on its own profile.
browse() {
	_out=$1
	shift
	# shellcheck disable=SC2086
	$tmo chromium --headless --no-sandbox --disable-gpu \
	    --user-data-dir="$tmp/profile" --no-first-run \
	    --disable-background-networking --enable-logging=stderr --v=0 \
	    "$@" >"$_out" 2>"$_out.log"
}

# check_page NAME: the static checks, then the browser's.
check_page() {
	p=$tmp/$1.html
	if xmllint --noout "$p" 2>"$tmp/$1.xml.err"; then
		ok
	else
		FAIL "$1: not well-formed: $(head -3 "$tmp/$1.xml.err")"
	fi
	sed 's|xmlns="http://www.w3.org/2000/svg"||g' "$p" |
	    grep -Eion '<script|<iframe|<object|<embed|<img|<link|<base|src=|href=|url\(|@import|https?:|//[a-z]' \
	    >"$tmp/$1.ext"
	if [ -s "$tmp/$1.ext" ]; then
		FAIL "$1: script or outside resource: $(head -3 "$tmp/$1.ext")"
	else
		ok
	fi
	if grep -q "Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"" "$p"; then
		ok
	else
		FAIL "$1: no Content-Security-Policy forbidding loads"
	fi
	python3 - "$p" <<'EOF' || FAIL "$1: text contrast below 4.5:1"
import re, sys
page = open(sys.argv[1], encoding="utf-8").read()
def lum(h):
    h = h.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    def ch(v):
        v = int(v, 16) / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = (ch(h[i:i + 2]) for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
colours = re.findall(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{3,6})", page)
colours += re.findall(r"<text\b[^>]*\bfill=\"(#[0-9a-fA-F]{3,6})\"", page)
if not colours:
    sys.exit("no text colours found")
bad = [c for c in set(colours) if (1.05) / (lum(c) + 0.05) < 4.5]
if bad:
    sys.exit("below 4.5:1 on white: " + " ".join(sorted(bad)))
EOF
	browse "$tmp/$1.out" --hide-scrollbars --window-size=794,1123 \
	    --screenshot="$tmp/$1.png" "file://$p"
	if [ "$(head -c 4 "$tmp/$1.png" 2>/dev/null | od -An -c | tr -d ' ')" = "211PNG" ]; then
		ok
	else
		FAIL "$1: no PNG screenshot: $(tail -2 "$tmp/$1.out.log")"
	fi
	browse "$tmp/$1.out" --no-pdf-header-footer \
	    --print-to-pdf="$tmp/$1.pdf" "file://$p"
	# Whatever the page tried to load, the console says it was refused.
	if grep -qi "content security policy" "$tmp/$1.out.log"; then
		FAIL "$1: the browser refused a load: $(grep -i 'content security' "$tmp/$1.out.log" | head -2)"
	else
		ok
	fi
	if pdfinfo "$tmp/$1.pdf" >"$tmp/$1.info" 2>&1 &&
	    pdftotext -layout "$tmp/$1.pdf" "$tmp/$1.txt"; then
		# One line: a date may wrap in a narrow column.
		tr -s ' \n' '  ' <"$tmp/$1.txt" >"$tmp/$1.flat"
		ok
	else
		FAIL "$1: no PDF: $(tail -2 "$tmp/$1.out.log")"
		: >"$tmp/$1.flat"
	fi
}

# pages NAME: how many pages the PDF has, and that they are A4.
one_a4() {
	if grep -q '^Pages: *1$' "$tmp/$1.info" &&
	    grep -q '^Page size:.*(A4)' "$tmp/$1.info"; then
		ok
	else
		FAIL "$1: not one A4 page: $(grep -E '^Page' "$tmp/$1.info" | tr '\n' ' ')"
	fi
}

# has NAME TEXT: the PDF's text holds TEXT.
has() {
	if grep -qF -- "$2" "$tmp/$1.flat"; then
		ok
	else
		FAIL "$1: '$2' is not in the printed page"
	fi
}

hasnt() {
	if grep -qF -- "$2" "$tmp/$1.flat"; then
		FAIL "$1: '$2' is in the printed page"
	else
		ok
	fi
}

# dates NAME JSON [KIND...]: every due date of the JSON (schedule items,
# or check findings), but those of the kinds named, as people write it,
# is in the printed page.
dates() {
	_n=$1
	_j=$2
	shift 2
	python3 - "$_j" "$@" >"$tmp/$_n.dates" <<'EOF'
import datetime, json, sys
doc = json.load(open(sys.argv[1]))
for it in doc.get("items", doc.get("findings", [])):
    if it["kind"] in sys.argv[2:]:
        continue
    d = datetime.date.fromisoformat(it["due"])
    print(f"{d:%a} {d.day} {d:%B} {d.year}")
EOF
	if [ ! -s "$tmp/$_n.dates" ]; then
		FAIL "$_n: no dates in the JSON"
		return
	fi
	while IFS= read -r d; do
		has "$_n" "$d"
	done <"$tmp/$_n.dates"
}

cd "$top" || exit 1
readme="--profile torbay --case-id TB-1077 --referral 2026-10-12 --assessment-completed 2026-12-11 --as-of 2026-12-11 --until 2027-03-31"

# shellcheck disable=SC2086
"$cinplan" schedule $readme --format html -o "$tmp/readme.html" ||
    FAIL "readme: cinplan failed"
# shellcheck disable=SC2086
"$cinplan" schedule $readme --format json >"$tmp/readme.json"
# shellcheck disable=SC2086
"$cinplan" schedule $readme --worker "Sam Jones" --format html \
    --audience family >"$tmp/family.html" || FAIL "family: cinplan failed"
"$cinplan" check examples/caseload.csv --as-of 2026-12-11 --format html \
    >"$tmp/team.html"
[ $? -le 1 ] || FAIL "team: cinplan failed"
"$cinplan" check examples/caseload.csv --as-of 2026-12-11 --format json \
    >"$tmp/team.json"
"$cinplan" check tests/golden/check/hostile-names.csv --as-of 2026-11-25 \
    --format html >"$tmp/hostile.html"
[ $? -le 1 ] || FAIL "hostile: cinplan failed"
"$cinplan" census tests/data/census/several.xml --format html \
    >"$tmp/census.html" 2>/dev/null
[ $? -le 3 ] || FAIL "census: cinplan failed"

for page in readme family team hostile census; do
	check_page $page
done

# The README's case, printed.
one_a4 readme
dates readme "$tmp/readme.json"
has readme "Case TB-1077"
has readme "Today 11 Dec"

# For the family: one page, no reference, no notices, the procedure's
# words on the meetings (Torbay 3.1), the procedure named at the foot.
one_a4 family
dates family "$tmp/readme.json" notice written-update visit-record
hasnt family "TB-1077"
hasnt family "notice"
has family "The purpose of the meeting is to develop a multi-agency plan"
has family "Protocol for Multi Agency Child in Need Planning"
has family "Your social worker: Sam Jones"

# The team report: every finding's date; the figures above them.
dates team "$tmp/team.json"
has team "Within timescale"
has team "Sam Jones"

# Hostile names are text on paper and nothing in the DOM.
browse "$tmp/hostile.dom" --dump-dom "file://$tmp/hostile.html"
if grep -qi '<script' "$tmp/hostile.dom" || ! grep -q '<main>' "$tmp/hostile.dom"; then
	FAIL "hostile: the browser's DOM has a script element, or no page"
else
	ok
fi
has hostile "<script>alert(1)</script>"
has hostile "<b>TB-1</b>&amp;"
has hostile "O'Neil & Co"

# The census: the DfE's bands and the share within 45 working days.
has census "6 of 7 assessments (85.7%)"
has census "Same day"
has census "Over 50"

# The detector of refused loads is not blind: a copy with an image from
# elsewhere and a script in it is refused, and says so.
sed 's|<h1>|<img src="http://example.invalid/x.png" alt=""/><script>document.title="x"</script><h1>|' \
    "$tmp/readme.html" >"$tmp/doctored.html"
browse "$tmp/doctored.dom" --dump-dom "file://$tmp/doctored.html"
if [ "$(grep -ci 'content security policy' "$tmp/doctored.dom.log")" -ge 2 ]; then
	ok
else
	FAIL "a doctored page's image and script were not reported refused"
fi

if [ $fail -ne 0 ]; then
	echo "html: $pass passed, FAILED"
	exit 1
fi
echo "html: $pass passed, 0 failed"
