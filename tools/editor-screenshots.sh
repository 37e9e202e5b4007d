#!/bin/bash
# The vocabulary editor and the profiles page in the real app under xvfb with xdotool: a
# profile set up from the command line, then the editor (a board, a column added, a search, a
# symbol added, a folder selected), the profiles page and the profile's settings, saved into docs/.
# Needs: xvfb, xdotool, imagemagick; a built binary (default: the debug build).
# Run: xvfb-run -a -s "-screen 0 1280x800x24" tools/editor-screenshots.sh
#  or, upright: HEARME_WINDOW_SIZE=800x1280 xvfb-run -a -s "-screen 0 800x1280x24" tools/editor-screenshots.sh
# The coordinates are those of the window size; move them if the layout changes.
set -u
cd "$(dirname "$0")/.."
BIN=${BIN:-${CARGO_TARGET_DIR:-$HOME/.cache/hearme-target}/debug/hearme}
DATA=$(mktemp -d)
"$BIN" --data "$DATA" profile add AB > /dev/null
"$BIN" --data "$DATA" profile use AB > /dev/null
echo 270419 | "$BIN" --data "$DATA" pin set > /dev/null
. tools/xdo-helpers.sh
launch_app
if [ "${HEARME_WINDOW_SIZE:-}" = 800x1280 ]; then
  VOCAB="634 181"; MORE_COLUMNS="305 888"; PLACE="750 110"; RESULT="91 868"
  FOLDER="568 110"; DONE="180 1224"; PROFILES="78 251"; SUFFIX=-portrait
else
  VOCAB="634 181"; MORE_COLUMNS="1097 245"; PLACE="757 120"; RESULT="884 285"
  FOLDER="584 120"; DONE="972 744"; PROFILES="774 181"; SUFFIX=
fi

hold; pin
click $VOCAB 3
shot "editor$SUFFIX"
click $MORE_COLUMNS 3                           # One more column on the home board
click $PLACE 2                                  # Its first place
xdotool type --delay 40 "dog"; sleep 2          # The search field has the keyboard
shot "editor-search$SUFFIX"
click $RESULT 3                                 # The best match goes in
click $FOLDER 2                                 # A folder: its own actions
shot "editor-folder$SUFFIX"
click $DONE 3
click $PROFILES 3
click 184 370 1; xdotool type --delay 40 "CD-2"; sleep 1
click 428 370 3                                 # Add profile
shot "profiles$SUFFIX"
click 112 246 3                                 # Settings of AB
shot "profile-settings$SUFFIX"
