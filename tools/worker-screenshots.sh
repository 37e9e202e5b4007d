#!/bin/bash
# Walks through a visit in the real app under xvfb with xdotool (start, board, modelling,
# review, export, delete) and saves a screenshot of each worker page into docs/.
# Needs: xvfb, xdotool, imagemagick, xclip; a built binary (default: the debug build).
# Run: xvfb-run -a -s "-screen 0 1280x800x24" tools/worker-screenshots.sh
# The coordinates are those of a 1280x800 window; move them if the layout changes.
set -u
cd "$(dirname "$0")/.."
BIN=${BIN:-${CARGO_TARGET_DIR:-$HOME/.cache/hearme-target}/debug/hearme}
DATA=$(mktemp -d)
. tools/xdo-helpers.sh
launch_app

hold
shot worker-pin-choose
pin; pin                                        # First use: choose the PIN, then again
click 100 105                                   # Start a visit
typein 600 114 "C-1042"
click 548 240                                   # School visit
typein 600 324 "Statutory visit"
typein 600 420 "child, mother"
click 560 508                                   # Seen alone: partly
typein 600 650 "mother stayed in the kitchen doorway"
shot worker-start
click 110 748 4                                 # Start the visit
click 193 160; click 338 160; click 1013 59 3   # I, want, Speak
hold
pin
click 90 144                                    # Modelling on
shot worker-during
click 130 566 3                                 # Back to the board (Lock and hand back)
click 1220 59; click 338 650 3                  # Clear, help (modelled)
shot board-modelling
hold
pin
click 90 144                                    # Modelling off
typein 404 268 "Child smiled when talking about gran."
click 858 268                                   # Add note
click 140 598 4                                 # End visit and review
shot worker-review
click 1019 662 3                                # Your record…
click 266 211 3                                 # A quick-pick observation
shot worker-record
click 133 467 3                                 # Back to the review
click 1049 576 5                                # Export summary
xclip -o -selection clipboard > "$DATA/clipboard-after-export.txt"
shot worker-export-kept
click 200 443 4                                 # Delete the visit from this tablet
shot worker-exported
echo "clipboard after export:"; cat "$DATA/clipboard-after-export.txt"
echo "journals left: $(ls "$DATA/sessions" | wc -l)"
click 72 209 3                                  # Done: the tablet goes back to the child
hold
pin 390517                                      # A wrong PIN
shot worker-pin
