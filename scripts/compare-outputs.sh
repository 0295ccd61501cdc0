#!/usr/bin/env bash
# Compare this checkout's outputs with another commit's, byte for byte.
#
#   scripts/compare-outputs.sh <commit> [--no-study]
#
# Builds <commit> in a temporary git worktree (sharing this checkout's node_modules), then for every
# shipped scenario (scenarios/*.yaml, scenarios/validation/*.yaml) and seeds 1-3 (or those SEEDS="1 2 3 4 5" lists) runs
# `pamir run <scenario> --seed N --json` in both trees (each with its own scenario and map files) and compares the bytes; then runs the default
# study (scenarios/studies/drill-vs-route.yaml) in both and compares its run rows (without the
# wall-clock durationMs) and summary.csv (skip with --no-study). Prints one line per comparison
# and a closing count; exit 0 only if all are equal.
# Needs a built checkout (npm install). Commits before the exact median (f039b04) took medians from
# mathjs, whose selection uses an unseeded random pivot and a tolerant comparison: their own
# summary.csv can differ between two runs in a median's last digits (1 run in 5 of the default
# study), so against them the run rows are the byte-exact check and summary.csv may differ there.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
base="${1:?usage: scripts/compare-outputs.sh <commit> [--no-study]}"
study=1
[ "${2:-}" = "--no-study" ] && study=0
tmp="$(mktemp -d)"
cleanup() {
  git -C "$here" worktree remove --force "$tmp/old" >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT
git -C "$here" worktree add --detach -q "$tmp/old" "$base"
ln -s "$here/node_modules" "$tmp/old/node_modules"
(cd "$tmp/old" && npx tsc -p tsconfig.json)
(cd "$here" && npx tsc -p tsconfig.json)

same=0
differ=0
check() { # label file-old file-new
  if cmp -s "$2" "$3"; then
    echo "same    $1 ($(wc -c <"$3") bytes)"
    same=$((same + 1))
  else
    echo "DIFFER  $1"
    differ=$((differ + 1))
  fi
}
cd "$here"
strip='const d = JSON.parse(require("fs").readFileSync(0, "utf8")); delete d.provenance; console.log(JSON.stringify(d, null, 2))'
for f in scenarios/*.yaml scenarios/validation/*.yaml; do
  for seed in ${SEEDS:-1 2 3}; do
    if [ ! -f "$tmp/old/$f" ]; then echo "new     $f (not in $base)"; continue; fi
    # `provenance` (commit, dirty tree, command, input hashes) differs between trees by design.
    (cd "$tmp/old" && node dist/src/cli/main.js run "$f" --seed "$seed" --json) | node -e "$strip" >"$tmp/old.json"
    node dist/src/cli/main.js run "$f" --seed "$seed" --json | node -e "$strip" >"$tmp/new.json"
    check "$f seed $seed" "$tmp/old.json" "$tmp/new.json"
  done
done
if [ "$study" = 1 ]; then
  s=scenarios/studies/drill-vs-route.yaml
  (cd "$tmp/old" && node dist/src/cli/main.js study "$s" --out "$tmp/old-study" --force --quiet)
  node dist/src/cli/main.js study "$s" --out "$tmp/new-study" --force --quiet
  # Run rows in id order, without the wall-clock durationMs, then the summary as written.
  for d in old-study new-study; do
    sed -E 's/"durationMs":[0-9.e+-]+,//' "$tmp/$d/runs.ndjson" | sort >"$tmp/$d/runs.sorted"
  done
  check "$s runs.ndjson (sorted, without durationMs)" "$tmp/old-study/runs.sorted" "$tmp/new-study/runs.sorted"
  check "$s summary.csv" "$tmp/old-study/summary.csv" "$tmp/new-study/summary.csv"
fi
echo "$same same, $differ differ (against $(git -C "$here" rev-parse --short "$base"))"
[ "$differ" = 0 ]
