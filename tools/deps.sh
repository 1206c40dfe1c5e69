#!/bin/sh
# Install the Debian packages cinplan needs to build and test, if any are
# missing.  Runs apt-get as root, or through sudo.  Does nothing when all
# are present, so it is cheap to run before every demo or check.
set -eu

need=""
have_pkg() {
	dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}
for pkg in gcc make pkg-config libical-dev libiniparser-dev libcmocka-dev \
    libjansson-dev libxml2-dev mandoc postgresql python3-sqlglot "$@"; do
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
