#!/bin/bash
# The access page, switch scanning and a dwell countdown on a child's board, in the real app
# under xvfb, saved into docs/ (docs/access.md).
# Needs: xvfb, xdotool, imagemagick; a built binary (default: the debug build).
# Run: xvfb-run -a -s "-screen 0 1280x800x24" tools/access-screenshots.sh
set -u
cd "$(dirname "$0")/.."
BIN=${BIN:-${CARGO_TARGET_DIR:-$HOME/.cache/hearme-target}/debug/hearme}
. tools/xdo-helpers.sh

# A child's profile AB with these access settings, opened with the PIN.
open_with() {
  DATA=$(mktemp -d)
  HEARME_DATA=$DATA "$BIN" profile add AB > /dev/null
  HEARME_DATA=$DATA "$BIN" profile use AB > /dev/null
  echo "(access: $1)" > "$DATA/profiles/AB/settings.ron"
  echo 270419 | HEARME_DATA=$DATA "$BIN" pin set > /dev/null
  launch_app
  hold
  pin
}

# Row-column scanning with one switch, slow enough to catch.
open_with "(scan: (mode: RowColumn, interval_ms: 4000, loops: 10, speak_items: true))"
click 773 180 3                                 # Profiles
click 112 245 3                                 # Settings of AB
click 191 657 3                                 # Access…
shot access-settings
click 180 722 3                                 # Back
click 312 657 3                                 # Back
click 72 496 3                                  # Back
click 139 180 3                                 # Lock and hand back
xdotool mousemove 1270 790; sleep 5             # the scan lights its third row
shot access-scanning
kill $APP; sleep 1; rm -rf "$DATA"

# Dwell: the ring half closed on a cell.
open_with "(dwell_ms: 3000)"
click 139 180 3                                 # Lock and hand back
xdotool mousemove 338 420; sleep 1.2
shot access-dwell
