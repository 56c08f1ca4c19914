#!/usr/bin/env bash
# Builds the data-mover benchmark's peers, restic and Kopia, from the Go module proxy into a git-ignored cache.
# Not part of .ci/run or `npm test`: only `npm run bench:data-mover` needs them.
# Idempotent: a binary whose stamp matches its pinned version is not rebuilt.
set -euo pipefail

RESTIC_VERSION=v0.19.1
KOPIA_VERSION=v0.23.1

root=$(cd "$(dirname "$0")/../.." && pwd)
cache=${FLEETBACK_BENCH_CACHE:-$root/.cache/bench}
bin=$cache/bin
work=$cache/build
mkdir -p "$bin" "$work"
export GOFLAGS=-mod=mod GOTOOLCHAIN=local CGO_ENABLED=0

command -v go >/dev/null || { echo "bench: Go is required (https://go.dev); none on PATH" >&2; exit 1; }

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
fresh() { [ -x "$bin/$1" ] && [ "$(cat "$bin/$1.version" 2>/dev/null)" = "$2" ]; }

build() { # build NAME MODULE PACKAGE VERSION
  fresh "$1" "$4" && { log "$1 $4: cached"; return; }
  log "$1 $4: building"
  # A throw-away module that requires the pinned version: `go install pkg@version` first asks the proxy for
  # the module's version list (to report deprecation), which the proxy refuses for Kopia; a plain build
  # fetches only the pinned version.
  local dir=$work/$1
  rm -rf "$dir"; mkdir -p "$dir"
  printf 'module fleetback.bench/%s\n\ngo 1.25.0\n\nrequire %s %s\n' "$1" "$2" "$4" >"$dir/go.mod"
  (cd "$dir" && go build -trimpath -ldflags "-s -w" -o "$bin/$1" "$3")
  local got
  got=$(go version -m "$bin/$1" | awk -v m="$2" '($1 == "mod" || $1 == "dep") && $2 == m { print $3 }')
  [ "$got" = "$4" ] || { echo "bench: $1 was built from $2@${got:-?}, expected $4" >&2; exit 1; }
  echo "$4" >"$bin/$1.version"
}

build restic github.com/restic/restic github.com/restic/restic/cmd/restic "$RESTIC_VERSION"
build kopia github.com/kopia/kopia github.com/kopia/kopia "$KOPIA_VERSION"
log "done: binaries in $bin"
