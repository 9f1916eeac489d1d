#!/usr/bin/env bash
# `npm run e2e [-- --all-versions] [-- jest args]`: the end-to-end suite on each pinned n8n
# (N8N_VERSIONS to choose): installs n8n once per version into .cache/n8n, builds and packs the
# package once, then runs test/e2e/*.e2e.ts against each version in turn, printing how long each
# step took (but queue.e2e.ts: scripts/e2e-queue.sh runs it). The heavy live suites (HEAVY below:
# real one-minute polls) run on the first version only, unless --all-versions (or
# E2E_ALL_VERSIONS=1) asks for every version. The editor walkthrough (editor.e2e.ts: every panel of
# both nodes in Chromium) runs on every version, as every other file does.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node24.sh 2>/dev/null
versions="${N8N_VERSIONS:-2.41.1 1.123.81}"
HEAVY="trigger.e2e.ts"
all_versions="${E2E_ALL_VERSIONS:-}"
args=()
for a in "$@"; do
	if [ "$a" = "--all-versions" ]; then all_versions=1; else args+=("$a"); fi
done
t0=$(date +%s)
for v in $versions; do
	s=$(date +%s)
	scripts/n8n/install.sh "$v" >/dev/null
	echo "e2e: n8n $v ready in $(( $(date +%s) - s )) s" >&2
done
s=$(date +%s)
npm run --silent build >/dev/null
mkdir -p .cache/pack
rm -f .cache/pack/*.tgz
npm pack --pack-destination .cache/pack --loglevel=error >/dev/null
export E2E_PACKAGE_TARBALL="$(ls "$PWD"/.cache/pack/*.tgz)"
echo "e2e: package built and packed in $(( $(date +%s) - s )) s: $(basename "$E2E_PACKAGE_TARBALL")" >&2
first=1
for v in $versions; do
	s=$(date +%s)
	skip=()
	if [ -z "$all_versions" ] && [ "$first" != 1 ]; then
		# (replaces jest.e2e.config.js's list, so it names queue*.e2e.ts, run by e2e-queue.sh, again)
		skip=("--testPathIgnorePatterns=$HEAVY|/queue(-[\w-]+)?\.e2e\.ts\$|/node_modules/" --passWithNoTests)
		echo "e2e: ---- n8n $v (without $HEAVY; --all-versions runs it here too) ----" >&2
	else
		echo "e2e: ---- n8n $v ----" >&2
	fi
	N8N_VERSION="$v" npx jest -c jest.e2e.config.js --runInBand "${args[@]}" "${skip[@]}"
	echo "e2e: n8n $v passed in $(( $(date +%s) - s )) s" >&2
	first=0
done
echo "e2e: all versions passed in $(( $(date +%s) - t0 )) s" >&2
