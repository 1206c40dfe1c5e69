#!/bin/sh
# Install the Debian packages cinplan needs to build and test, if any are
# missing.  Runs apt-get as root, or through sudo.  Does nothing when all
# are present, so it is cheap to run before every demo or check.
#
# Elsewhere (no dpkg or apt-get: the BSDs, macOS, other Linuxes) nothing
# is installed: the tools themselves are looked for, and what is missing
# is named, so it can be installed by hand.  A missing compiler or library
# stops the build here; a tool only some tests use is reported and the
# tests go on.
set -eu

# Name what is missing of what a package gives; 1 if anything is.
# usage: look WHAT NEEDED-FOR TEST-COMMAND...
missing_build=""
missing_test=""
look() {
	what=$1 why=$2
	shift 2
	"$@" >/dev/null 2>&1 && return 0
	echo "cinplan: missing: $what ($why)" >&2
	return 1
}
have_header() {
	for d in /usr/include /usr/local/include /usr/pkg/include \
	    /opt/local/include /opt/homebrew/include; do
		[ -f "$d/$1" ] || [ -f "$d/iniparser/$1" ] && return 0
	done
	return 1
}
have_pg() {
	command -v initdb || ls -d /usr/lib/postgresql/*/bin/initdb
}
if ! command -v dpkg-query >/dev/null 2>&1 ||
    ! command -v apt-get >/dev/null 2>&1; then
	look "a C compiler (cc)" build command -v cc || missing_build=1
	look "GNU make" build sh -c 'make --version | grep -q GNU ||
	    gmake --version | grep -q GNU' || missing_build=1
	look pkg-config build command -v pkg-config || missing_build=1
	for lib in libical jansson libxml-2.0 cmocka; do
		look "$lib (pkg-config)" build pkg-config --exists "$lib" ||
		    missing_build=1
	done
	look "iniparser (iniparser.h)" build have_header iniparser.h ||
	    missing_build=1
	look mandoc "the manual page test" command -v mandoc ||
	    missing_test=1
	look "a PostgreSQL server (initdb)" "the SSD view test" have_pg ||
	    missing_test=1
	look "Python's sqlglot" "the SSD view test" \
	    python3 -c 'import sqlglot' || missing_test=1
	look "Python's icalendar (for /usr/bin/python3)" \
	    "the calendar readers test" \
	    /usr/bin/python3 -c 'import icalendar' || missing_test=1
	look khal "the calendar readers test" command -v khal ||
	    missing_test=1
	look tmux "the terminal width test" command -v tmux ||
	    missing_test=1
	look chromium "the HTML pages test" command -v chromium ||
	    missing_test=1
	for tool in pdfinfo pdftotext; do
		look "$tool (poppler)" "the HTML pages test" \
		    command -v "$tool" || missing_test=1
	done
	look "xmllint (libxml2)" "the HTML pages test" command -v xmllint ||
	    missing_test=1
	for tool in "$@"; do
		look "$tool" "this make target" command -v "$tool" ||
		    missing_build=1
	done
	if [ -n "$missing_build" ]; then
		echo "cinplan: no dpkg/apt-get here: install what is missing" \
		    "above by hand, then run make again" >&2
		exit 1
	fi
	[ -z "$missing_test" ] || echo "cinplan: no dpkg/apt-get here:" \
	    "the tests that need what is missing above will fail" >&2
	exit 0
fi

need=""
have_pkg() {
	dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}
for pkg in gcc make pkg-config libical-dev libiniparser-dev libcmocka-dev \
    libjansson-dev libxml2-dev mandoc postgresql python3-sqlglot \
    python3-icalendar khal tmux chromium poppler-utils libxml2-utils \
    "$@"; do
	have_pkg "$pkg" || need="$need $pkg"
done
[ -z "$need" ] && exit 0

echo "cinplan: installing build dependencies:$need" >&2
if [ "$(id -u)" -eq 0 ]; then
	sudo=""
elif command -v sudo >/dev/null 2>&1; then
	sudo="sudo"
else
	echo "cinplan: need root or sudo to install:$need" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $need >/dev/null
