#!/bin/bash
# Check with the child (docs/decisions.md): a short visit in the real app under xvfb, then the
# read-back from the worker's page, each question and the end saved into docs/.
# Needs: xvfb, xdotool, imagemagick; a built binary (default: the debug build).
# Run: xvfb-run -a -s "-screen 0 1280x800x24" tools/read-back-screenshots.sh
# The coordinates are those of a 1280x800 window; move them if the layout changes.
set -u
cd "$(dirname "$0")/.."
BIN=${BIN:-${CARGO_TARGET_DIR:-$HOME/.cache/hearme-target}/debug/hearme}
DATA=$(mktemp -d)
. tools/xdo-helpers.sh
launch_app

hold
pin; pin                                        # First use: choose the PIN, then again
click 100 105                                   # Start a visit
typein 600 114 "C-1042"
click 548 240                                   # School visit
typein 600 324 "Statutory visit"
typein 600 420 "child, mother"
click 560 508                                   # Seen alone: partly
typein 600 650 "mother stayed in the kitchen doorway"
click 110 748 4                                 # Start the visit
click 193 160; click 338 160; click 1013 59 3   # I, want, Speak
click 62 368 3; click 438 228 3                 # Feelings: sad
click 1041 738 3                                # Back to the board
hold
pin
shot worker-during-check
click 142 490 4                                 # Check with the child
shot read-back
click 388 448 3                                 # Is that right? yes
shot read-back-share
click 388 448 3                                 # Can I share this? yes
shot read-back-answer
click 640 448 3                                 # The feeling: no, not right
shot read-back-done
