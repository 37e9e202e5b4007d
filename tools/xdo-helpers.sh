# Shared by the screenshot scripts: the app started on a data folder, and a finger on it under
# Xvfb through xdotool. The PIN pad's keys are for a 1280x800 window unless
# HEARME_WINDOW_SIZE=800x1280.
# launch_app: starts $BIN on $DATA (both set by the script), removes $DATA when the script ends.
launch_app() {
  HEARME_DATA=$DATA "$BIN" > "$DATA/app.log" 2>&1 &
  APP=$!
  trap 'kill $APP 2>/dev/null; rm -rf "$DATA"' EXIT
  sleep 8
  xdotool windowfocus "$(xdotool search --name Hearme | head -1)"; sleep 0.5
}
hold() { xdotool mousemove 20 20; sleep 0.3; xdotool mousedown 1; sleep 2.6; xdotool mouseup 1; sleep 3; }
# Move first and pause: a press in the same frame as the move can miss its button.
click() { xdotool mousemove "$1" "$2"; sleep 0.5; xdotool mousedown 1; sleep 0.2; xdotool mouseup 1; sleep "${3:-2}"; }
typein() { click "$1" "$2" 1; xdotool type --delay 40 "$3"; sleep 1; }
shot() { import -window root "docs/$1.png"; }
# The PIN pad's keys: digits 1-9 row by row, then Delete, 0, OK.
if [ "${HEARME_WINDOW_SIZE:-}" = 800x1280 ]; then
  key() { case $1 in 0) click 400 985 0.6 ;; OK) click 516 985 1.5 ;;
    *) click $(( 284 + (($1 - 1) % 3) * 116 )) $(( 637 + (($1 - 1) / 3) * 116 )) 0.6 ;; esac; }
else
  key() { case $1 in 0) click 970 574 0.6 ;; OK) click 1087 574 1.5 ;;
    *) click $(( 855 + (($1 - 1) % 3) * 116 )) $(( 226 + (($1 - 1) / 3) * 116 )) 0.6 ;; esac; }
fi
pin() { for d in $(echo "${1:-270419}" | grep -o .); do key "$d"; done; key OK; }
