#!/bin/bash
# Opens each activity screen in the real app under xvfb with xdotool and saves a screenshot of
# it into docs/. Needs: xvfb, xdotool, imagemagick; a built binary (default: the debug build).
# Run: xvfb-run -a -s "-screen 0 1280x800x24" tools/activity-screenshots.sh
# The coordinates are those of a 1280x800 window; move them if the layout changes.
set -u
cd "$(dirname "$0")/.."
BIN=${BIN:-${CARGO_TARGET_DIR:-$HOME/.cache/hearme-target}/debug/hearme}
DATA=$(mktemp -d)
HEARME_DATA=$DATA "$BIN" > "$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; rm -rf "$DATA"' EXIT
sleep 8
xdotool windowfocus "$(xdotool search --name Hearme | head -1)"; sleep 0.5
# Move first and pause: a press in the same frame as the move can miss its button.
click() { xdotool mousemove "$1" "$2"; sleep 0.5; xdotool mousedown 1; sleep 0.2; xdotool mouseup 1; sleep "${3:-3}"; }
shot() { import -window root "docs/$1.png"; }
BACK=(967 738)        # Back, after the decline buttons and Undo's place (kept even when empty)

click 62 368 4; shot activity-feelings; click "${BACK[@]}"
click 62 469; shot activity-list
click 503 221; shot activity-chooser
click 928 223; shot activity-feeling-size; click "${BACK[@]}"
click 62 469; click 775 221; shot activity-body-map
click 437 348; shot activity-hurt-size; click "${BACK[@]}"
click 62 469; click 1047 221; click 122 223; shot activity-card-sort
click 640 445; click 122 223; click 640 445; shot activity-card-sort-undo; click "${BACK[@]}"
click 62 469; click 640 433; click 328 188; shot activity-houses; click "${BACK[@]}"
