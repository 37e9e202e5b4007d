#!/usr/bin/env python3
"""Builds assets/voice/en-GB/: one Ogg Vorbis clip per word and phrase of the built-in vocabulary,
and per prompt and choice of the built-in activities.

Usage: tools/make-voice.py [--missing]   (--missing: only the clips not there yet)

Needs espeak-ng, sox and oggenc (Debian: espeak-ng sox vorbis-tools). Every clip is spoken by
espeak-ng's British English voice at a child-friendly rate, trimmed of leading and trailing
silence, normalised to -1 dBFS, and encoded with a serial number derived from its file name,
so re-running the script reproduces the same files.
"""

import glob
import hashlib
import os
import re
import subprocess
import tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "assets", "voice", "en-GB")
VOICE = "en-gb+f3"
RATE_WPM = "140"
PITCH = "55"
SAMPLE_RATE = "22050"


def clip_name(text):
    """The clip file for a word; the app derives the same name (src/model/voice.rs)."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower().replace("'", "")).strip("-")
    return (slug or "blank") + ".ogg"


def vocabulary_words():
    words = set()
    for path in glob.glob(os.path.join(ROOT, "assets", "vocab", "default", "*.ron")):
        with open(path, encoding="utf-8") as board:
            words.update(re.findall(r'\bword:\s*"((?:[^"\\]|\\.)*)"', board.read()))
    return sorted(words)


def activity_texts():
    """Prompts and the words of choices in the built-in activities, spoken when they appear."""
    texts = set()
    for path in glob.glob(os.path.join(ROOT, "assets", "activities", "*.ron")):
        with open(path, encoding="utf-8") as activity:
            texts.update(re.findall(r'\b(?:prompt|word):\s*"((?:[^"\\]|\\.)*)"', activity.read()))
    return sorted(texts)


# Said by the app itself (src/model/read_back): "Check with the child" and the declines every
# activity offers. tests/it/read_back.rs checks that each has its clip.
APP_PHRASES = [
    "You said",
    "I asked",
    "Is that right?",
    "Can I share this with the people who help you?",
    "Thank you for checking.",
    "You can give the tablet back now.",
    "I don't want to answer",
    "I don't know",
    "yes",
    "no",
    "not sure",
]


def speak(text, ogg):
    with tempfile.TemporaryDirectory() as work:
        raw = os.path.join(work, "raw.wav")
        clean = os.path.join(work, "clean.wav")
        subprocess.run(["espeak-ng", "-v", VOICE, "-s", RATE_WPM, "-p", PITCH, "-w", raw, text], check=True)
        subprocess.run(
            ["sox", "-R", raw, "-r", SAMPLE_RATE, "-c", "1", clean,
             "silence", "1", "0.02", "0.5%", "reverse", "silence", "1", "0.02", "0.5%", "reverse",
             "norm", "-1"],
            check=True,
        )
        serial = int(hashlib.sha256(os.path.basename(ogg).encode()).hexdigest()[:7], 16)
        subprocess.run(["oggenc", "--quiet", "-q", "3", "--serial", str(serial), "-o", ogg, clean], check=True)


def main():
    import sys
    only_missing = "--missing" in sys.argv[1:]
    os.makedirs(OUT, exist_ok=True)
    if not only_missing:
        for old in glob.glob(os.path.join(OUT, "*.ogg")):
            os.remove(old)
    words = sorted(set(vocabulary_words()) | set(activity_texts()) | set(APP_PHRASES))
    if only_missing:
        words = [w for w in words if not os.path.exists(os.path.join(OUT, clip_name(w)))]
    for word in words:
        speak(word, os.path.join(OUT, clip_name(word)))
    print(f"{len(words)} clips written to {os.path.abspath(OUT)}")


if __name__ == "__main__":
    main()
