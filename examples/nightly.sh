#!/bin/sh
# nightly.sh: the nightly check from the source tree.
#
# The nightly job is installed as cinplan-nightly (dist/cinplan-nightly.sh,
# see man/cinplan-nightly.8) and reads its settings from a file.  This runs
# it with the tree's ./cinplan, to try settings before installing:
#
#	make && sh examples/nightly.sh -c my-nightly.conf
#
# dist/nightly.conf is an example of the settings.
here=$(dirname -- "$0")
CINPLAN=${CINPLAN:-$here/../cinplan}
export CINPLAN
exec sh "$here/../dist/cinplan-nightly.sh" "$@"
