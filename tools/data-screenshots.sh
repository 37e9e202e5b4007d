#!/bin/bash
# The worker's home page with a visit left on the tablet (days left, and Delete asked once) and
# the settings page, in the real app under xvfb, saved into docs/.
# Needs: xvfb, xdotool, imagemagick; a built binary (default: the debug build).
# Run: xvfb-run -a -s "-screen 0 1280x800x24" tools/data-screenshots.sh
#  or, upright: HEARME_WINDOW_SIZE=800x1280 xvfb-run -a -s "-screen 0 800x1280x24" tools/data-screenshots.sh
set -u
cd "$(dirname "$0")/.."
BIN=${BIN:-${CARGO_TARGET_DIR:-$HOME/.cache/hearme-target}/debug/hearme}
DATA=$(mktemp -d)
mkdir -p "$DATA/sessions"
# A visit written before sealing came in: the first PIN seals it; started five days ago.
STARTED=$(date -u -d '5 days ago' +%Y-%m-%dT%H:%M:%S.000Z)
sed "s/2026-11-26T14:02:11.250Z/$STARTED/" tests/it/fixtures/design-example.journal \
  > "$DATA/sessions/visit-$(date -u -d '5 days ago' +%Y%m%d-%H%M%S).journal"
# The PIN is set from the command line, as IT does: the pad then opens once, on "Enter".
echo 270419 | HEARME_DATA=$DATA "$BIN" pin set > /dev/null
. tools/xdo-helpers.sh
launch_app
if [ "${HEARME_WINDOW_SIZE:-}" = 800x1280 ]; then
  DELETE=${DELETE:-"306 200"}; SETTINGS=${SETTINGS:-"490 352"}; SUFFIX=-portrait
else
  DELETE=${DELETE:-"306 177"}; SETTINGS=${SETTINGS:-"490 329"}; SUFFIX=
fi
hold
pin
shot "home-visits$SUFFIX"
click $DELETE                                   # Delete: asked once
shot "home-delete$SUFFIX"
echo "journals: $(ls "$DATA/sessions" | wc -l); keys: $(ls "$DATA/keys" | tr '\n' ' ')"
click $DELETE                                   # Keep it (the same place)
click $SETTINGS 3                               # Settings
shot "worker-settings$SUFFIX"
