#!/usr/bin/env bash
# Generates the audio clips of the hall calls into edge-agent/assets/audio/, once, on a
# developer machine: the agent only joins the committed WAV files (no speech engine at run
# time or in CI). Needs espeak-ng (with its Vietnamese voice), sox, and the repo's node_modules.
#
# The clip names and texts come from the catalogue in src/devices/audio/clips.ts, so the two
# cannot drift apart. Every clip is written as mono, 16 kHz, 16-bit PCM WAV, trimmed of
# leading and trailing silence and normalised, so clips can be joined sample by sample.
# A ward may replace any clip with a recorded voice of the same name and format.
#
# Usage: edge-agent/scripts/make-audio-clips.sh
#   VOICE=vi-vn-x-central  espeak-ng voice (default vi, Northern: it matches the linh/nghìn
#                          readings; vi-vn-x-central and vi-vn-x-south also exist)
#   SPEED=150              words per minute (espeak-ng's default is 175; slower carries better
#                          in a hall)
set -euo pipefail

cd "$(dirname "$0")/../.."
out=edge-agent/assets/audio
voice=${VOICE:-vi}
speed=${SPEED:-150}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for tool in espeak-ng sox; do
  command -v "$tool" >/dev/null || { echo "make-audio-clips: $tool is not installed" >&2; exit 1; }
done
mkdir -p "$out"

# Repeatable mode: dither noise from a fixed seed, so regenerating unchanged clips gives
# byte-identical files and no spurious diffs.
export SOX_OPTS=-R

# The target format, and no comment chunk (sox would otherwise add "Processed by SoX").
format=(-r 16000 -c 1 -b 16 -e signed-integer --comment '')

# Trim: cut silence below 0.1% from the start, then (reversed) from the end; a higher level
# clips quiet onsets (h) and stop releases (hát, một). Then, in a second pass where the length
# is known, fade 5 ms in and out so joined clips do not click, and normalise to -1 dBFS so
# every word is as loud. -G (first pass) lowers the gain where resampling would clip.
trim=(silence 1 0.005 0.1% reverse silence 1 0.005 0.1% reverse)
finish=(fade t 0.005 -0 0.005 norm -1)

npx --no-install tsx -e '
  import { CLIP_TEXT } from "./edge-agent/src/devices/audio/clips.ts";
  for (const [name, text] of Object.entries(CLIP_TEXT)) if (text) console.log(`${name}\t${text}`);
' >"$work/catalogue.tsv"

count=0
while IFS=$'\t' read -r name text; do
  espeak-ng -v "$voice" -s "$speed" -w "$work/raw.wav" "$text"
  sox -G "$work/raw.wav" "${format[@]}" "$work/trimmed.wav" "${trim[@]}"
  sox "$work/trimmed.wav" "${format[@]}" "$out/$name.wav" "${finish[@]}"
  count=$((count + 1))
done <"$work/catalogue.tsv"

# The chime: a two-note "ding-dong" (E5 then C5, a major third down), each a sine with a
# quieter octave partial and a quick decay, so it sounds like a bell and not a beep.
# "fade l" (logarithmic) on the way out gives the fast-then-slow decay of a struck bell.
note() { # note <file> <fundamental Hz> <octave Hz> <seconds>
  sox -n -r 16000 -c 2 -b 16 "$1" synth "$4" sine "$2" sine "$3" \
    remix 1v0.75,2v0.25 fade l 0.01 "$4" "$4"
}
note "$work/ding.wav" 659.26 1318.51 0.45
note "$work/dong.wav" 523.25 1046.50 0.8
sox "$work/ding.wav" "$work/dong.wav" "${format[@]}" "$out/chime.wav" norm -3
count=$((count + 1))

echo "make-audio-clips: $count clips in $out ($(du -ch "$out"/*.wav | tail -1 | cut -f1))"
