#!/usr/bin/env bash
# `npm run e2e:queue` (`./run e2e:queue`): n8n 2.41.1 in queue mode end to end (test/e2e/queue.e2e.ts,
# and queue-trigger.e2e.ts: the trigger across a restart of main and a killed worker):
# a throwaway Postgres cluster and Redis on free ports in a temporary folder, one main and two
# `n8n worker` processes with the packed package installed in each. Installs Debian's postgresql
# and redis-server with apt when they are missing (as root, or with sudo), and removes every process
# and folder it started when it ends, failed or not. E2E_KEEP=1 keeps the folder to look into.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node24.sh 2>/dev/null
version="${N8N_QUEUE_VERSION:-2.41.1}"
t0=$(date +%s)

missing=()
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
command -v redis-server >/dev/null || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
	sudo=""
	[ "$(id -u)" = 0 ] || sudo="sudo"
	$sudo apt-get update -qq
	# policy-rc.d or no systemd keeps the packages' services from starting; the test starts its own.
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
	echo "e2e:queue: installed ${missing[*]} in $(($(date +%s) - t0)) s" >&2
fi
s=$(date +%s)
scripts/n8n/install.sh "$version" >/dev/null
npm run --silent build >/dev/null
mkdir -p .cache/pack
rm -f .cache/pack/*.tgz
npm pack --pack-destination .cache/pack --loglevel=error >/dev/null
export E2E_PACKAGE_TARBALL="$(ls "$PWD"/.cache/pack/*.tgz)"
echo "e2e:queue: n8n $version ready, package built and packed in $(($(date +%s) - s)) s" >&2

root="$(mktemp -d "${TMPDIR:-/tmp}/n8n-queue-e2e-XXXXXX")"
export E2E_QUEUE_TMP="$root"
jest_pid=""
cleanup() {
	# The test stops everything itself; this ends what a killed or crashed run left: its process
	# group (n8n main, workers, their task runners, Redis) and the Postgres cluster pg_ctl detached.
	if [ -n "$jest_pid" ] && kill -0 -- "-$jest_pid" 2>/dev/null; then
		kill -TERM -- "-$jest_pid" 2>/dev/null || true
		sleep 2
		kill -KILL -- "-$jest_pid" 2>/dev/null || true
	fi
	# (each test file's cluster: in the folder, or in a subfolder of it such as trigger/)
	for data in "$root"/postgres/data "$root"/*/postgres/data; do
		[ -f "$data/postmaster.pid" ] || continue
		pg_ctl="$(compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' | sort -V | tail -1)"
		if [ "$(id -u)" = 0 ]; then
			runuser -u postgres -- "$pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1 || true
		else
			"$pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1 || true
		fi
	done
	[ "${E2E_KEEP:-}" = 1 ] || rm -rf "$root"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

s=$(date +%s)
# Its own process group (setsid), so that the cleanup can end all of it at once.
N8N_VERSION="$version" setsid npx jest -c jest.e2e.config.js --runInBand \
	--testPathIgnorePatterns=/node_modules/ --testPathPattern='/queue(-[\w-]+)?\.e2e\.ts$' "$@" &
jest_pid=$!
wait "$jest_pid"
echo "e2e:queue: passed in $(($(date +%s) - s)) s (total with setup $(($(date +%s) - t0)) s)" >&2
