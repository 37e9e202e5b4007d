#!/bin/bash
# A child's home language (docs/voice.md): a profile with Polish words for some cells, its board
# showing both words, and the worker's Home language page, in the real app under xvfb, saved into
# docs/. Needs: xvfb, xdotool, imagemagick; a built binary (default: the debug build).
# Run: xvfb-run -a -s "-screen 0 1280x800x24" tools/language-screenshots.sh, and upright with
# HEARME_WINDOW_SIZE=800x1280 xvfb-run -a -s "-screen 0 800x1280x24" tools/language-screenshots.sh
set -u
cd "$(dirname "$0")/.."
BIN=${BIN:-${CARGO_TARGET_DIR:-$HOME/.cache/hearme-target}/debug/hearme}
. tools/xdo-helpers.sh
DATA=$(mktemp -d)
HEARME_DATA=$DATA "$BIN" profile add AB > /dev/null
HEARME_DATA=$DATA "$BIN" profile use AB > /dev/null
# Words an interpreter typed in; "go", "eat" and the rest have none and stay in English.
HOME_BOARD=$DATA/profiles/AB/vocab/home.ron
for pair in i:ja want:chcę drink:pić more:więcej help:pomoc yes:tak no:nie like:lubię; do
  id=${pair%%:*}; word=${pair#*:}
  sed -i "s|(id: \"$id\", word: \"\([^\"]*\)\", |(id: \"$id\", word: \"\1\", translations: {\"pl\": \"$word\"}, |" "$HOME_BOARD"
done
echo '(home_language: Some("pl"), labels: Both)' > "$DATA/profiles/AB/settings.ron"
if [ "${HEARME_WINDOW_SIZE:-}" = 800x1280 ]; then
  UPRIGHT=-portrait; PROFILES="77 250"; LANGUAGE="630 1035"
else
  UPRIGHT=""; PROFILES="773 180"; LANGUAGE="640 657"
fi
launch_app
shot language-board$UPRIGHT
hold
pin 270419; pin 270419                          # Choose the PIN, then open with it
click $PROFILES 3                               # Profiles
click 112 245 3                                 # Settings of AB
shot language-child-settings$UPRIGHT
click $LANGUAGE 3                               # Voice and language…
shot language-page$UPRIGHT
