#!/usr/bin/env bash
# Installs a pinned real n8n into .cache/n8n/<version> (git-ignored), once; later runs reuse it.
#   scripts/n8n/install.sh 2.41.1      prints the install folder on stdout
# Needs the project's Node (source scripts/node24.sh first; n8n 2.x needs Node >= 22.16).
# Why each pin, see README "Real n8n": --legacy-peer-deps (npm otherwise spends over 13 minutes
# resolving n8n's peer dependencies), --ignore-scripts then a rebuild of the two native modules
# n8n needs (building every install script fails on the Kafka node's native module), and
# overrides for four packages whose wanted versions the npm registry does not serve.
set -euo pipefail
version="${1:?usage: install.sh <n8n version>}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dir="$root/.cache/n8n/$version"
stamp="$dir/.installed"

installed() { [ -f "$stamp" ] && [ -x "$dir/node_modules/.bin/n8n" ]; }
if installed; then
	echo "$dir"
	exit 0
fi
# One install at a time per version (test files and `npm start` may ask at once).
mkdir -p "$root/.cache/n8n"
exec 9>"$root/.cache/n8n/.$version.lock"
flock 9
if installed; then
	echo "$dir"
	exit 0
fi

start=$(date +%s)
echo "Installing n8n $version into .cache/n8n/$version (first run only; about 5 minutes with a warm npm cache)" >&2
rm -rf "$dir"
mkdir -p "$dir"
# Overrides per line: 2.x wants packages the registry does not serve at the versions it names;
# 1.123.x resolves @langchain/langgraph-checkpoint to a release whose peer @langchain/core is
# newer than the one n8n 1.123 bundles (n8n then fails to find its own "start" command).
case "$version" in
	1.*) overrides='"xlsx": "0.18.5", "@langchain/langgraph-checkpoint": "1.0.0"' ;;
	*) overrides='"xlsx": "0.18.5", "linkedom": "0.18.12", "@langchain/langgraph-checkpoint": "1.1.5", "@langchain/protocol": "0.0.19"' ;;
esac
cat >"$dir/package.json" <<JSON
{
  "name": "n8n-e2e-install",
  "private": true,
  "dependencies": { "n8n": "$version" },
  "overrides": { $overrides }
}
JSON
cd "$dir"
npm install --legacy-peer-deps --ignore-scripts --no-audit --no-fund --loglevel=error >&2
npm rebuild sqlite3 isolated-vm --ignore-scripts=false --loglevel=error >&2
# Loading the start command loads n8n's whole module graph: a broken override shows here, not
# later as n8n's 'Command "start" not found'.
check_folder="$(mktemp -d)"
help="$(N8N_USER_FOLDER="$check_folder" "$dir/node_modules/.bin/n8n" start --help 2>&1 || true)"
if ! grep -q USAGE <<<"$help"; then
	echo "$help" >&2
	echo "n8n $version installed but cannot load its start command (see above)" >&2
	exit 1
fi
rm -rf "$check_folder"
date -u +%FT%TZ >"$stamp"
echo "n8n $version installed in $(( $(date +%s) - start )) s" >&2
echo "$dir"
