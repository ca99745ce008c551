#!/usr/bin/env bash
# Scores every clip in ../shared/data/video (the project's shared test material) into one take library,
# so the takes can be compared by ear. Usage: examples/score-shared-clips.sh [PROMPT] [OUT]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="$root/../shared/data/video"
prompt="${1:-cinematic orchestral underscore}"
out="${2:-$root/takes/shared}"
[ -d "$data" ] || { echo "no shared test material at $data" >&2; exit 1; }
find "$data" -type f \( -name '*.mp4' -o -name '*.webm' \) -print0 | sort -z |
  while IFS= read -r -d '' clip; do
    "$root/v2m" score "$clip" --prompt "$prompt" --out "$out"
  done
