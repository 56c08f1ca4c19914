#!/usr/bin/env bash
# Builds the test world's peer binaries from the Go module proxy into a git-ignored cache.
# Idempotent: a binary whose stamp matches its pinned version is not rebuilt.
# Usage: scripts/world/build.sh [peer...]   (peers: etcd kube kwok minio fake-gcs; default all)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
# shellcheck source=versions.env
source "$here/versions.env"
cache=${FLEETBACK_WORLD_CACHE:-$root/.cache/world}
bin=$cache/bin
work=$cache/build
mkdir -p "$bin" "$work"
export GOFLAGS=-mod=mod GOTOOLCHAIN=local CGO_ENABLED=0

command -v go >/dev/null || { echo "world: Go is required (https://go.dev); none on PATH" >&2; exit 1; }

log() { printf '[world %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

# fresh NAME VERSION: true when bin/NAME is already built at VERSION.
fresh() { [ -x "$bin/$1" ] && [ "$(cat "$bin/$1.version" 2>/dev/null)" = "$2" ]; }
stamp() { echo "$2" >"$bin/$1.version"; }

# timed NAME CMD...: runs a build step, recording wall time and peak memory for the CI report.
timed() {
  local name=$1; shift
  /usr/bin/time -f "$name: %e s wall, %M KiB peak RSS" -a -o "$cache/build-times.txt" "$@"
}

wrapper() { # wrapper DIR MODULE: a throw-away module in which pinned tools are built
  rm -rf "$1"; mkdir -p "$1"
  printf 'module %s\n\ngo 1.25.0\n' "$2" >"$1/go.mod"
}

build_etcd() {
  fresh etcd "$ETCD_VERSION" && { log "etcd $ETCD_VERSION: cached"; return; }
  log "etcd $ETCD_VERSION: building"
  local dir=$work/etcd
  wrapper "$dir" fleetback.world/etcd
  # etcd's server module carries local replace directives, so it cannot be `go install`ed directly.
  (cd "$dir" && go get -tool "go.etcd.io/etcd/server/v3@$ETCD_VERSION" \
    && timed etcd go build -trimpath -o "$bin/etcd" go.etcd.io/etcd/server/v3)
  stamp etcd "$ETCD_VERSION"
}

build_kube() {
  if fresh kube-apiserver "$KUBE_VERSION" && fresh kube-controller-manager "$KUBE_VERSION" \
    && fresh kube-scheduler "$KUBE_VERSION"; then
    log "kubernetes $KUBE_VERSION: cached"; return
  fi
  log "kubernetes $KUBE_VERSION: resolving staging modules"
  local dir=$work/kube staging minor
  wrapper "$dir" fleetback.world/kube
  local gomod
  gomod=$(cd "$dir" && go mod download -json "k8s.io/kubernetes@$KUBE_VERSION" | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')
  staging="v0${KUBE_VERSION#v1}"
  # k8s.io/kubernetes maps its staging modules to ./staging at v0.0.0; point each at its release.
  grep -E '=> \./staging/' "$gomod" | awk '{print $1}' | while read -r m; do
    echo "replace $m => $m $staging" >>"$dir/go.mod"
  done
  minor=$(echo "$KUBE_VERSION" | cut -d. -f2)
  local ldflags="-s -w"
  for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    ldflags+=" -X $pkg.gitVersion=$KUBE_VERSION -X $pkg.gitMajor=1 -X $pkg.gitMinor=$minor"
    ldflags+=" -X $pkg.gitTreeState=clean -X $pkg.buildDate=1970-01-01T00:00:00Z"
  done
  (cd "$dir" && go get -tool "k8s.io/kubernetes/cmd/kube-apiserver@$KUBE_VERSION" \
    && go get -tool "k8s.io/kubernetes/cmd/kube-controller-manager@$KUBE_VERSION" \
    && go get -tool "k8s.io/kubernetes/cmd/kube-scheduler@$KUBE_VERSION")
  for cmd in kube-apiserver kube-controller-manager kube-scheduler; do
    log "kubernetes $KUBE_VERSION: building $cmd"
    (cd "$dir" && timed "$cmd" go build -trimpath -ldflags "$ldflags" -o "$bin/$cmd" "k8s.io/kubernetes/cmd/$cmd")
    stamp "$cmd" "$KUBE_VERSION"
  done
}

build_tool() { # build_tool NAME MODULE_PACKAGE VERSION
  fresh "$1" "$3" && { log "$1 $3: cached"; return; }
  log "$1 $3: building"
  timed "$1" env GOBIN="$bin" go install -trimpath -ldflags "-s -w" "$2@$3"
  local built
  built=$(basename "${2%%@*}")
  [ "$built" = "$1" ] || mv "$bin/$built" "$bin/$1"
  stamp "$1" "$3"
}

check() { # asks each binary for its version and checks the module version Go embedded in it
  log "version check"
  modver() { go version -m "$bin/$1" | awk -v m="$2" '$1 == "mod" && $2 == m { print $3 }'; }
  expect() { # expect BINARY MODULE VERSION
    local got; got=$(modver "$1" "$2")
    [ "$got" = "$3" ] || { echo "world: $1 was built from $2@${got:-?}, expected $3" >&2; exit 1; }
    echo "$1: $2@$got"
  }
  # Readers that stop early (head, grep -q) would kill the writer with SIGPIPE, which pipefail turns into a
  # failed build; these read everything.
  "$bin/etcd" --version | sed -n 1p
  "$bin/kube-apiserver" --version | grep -x "Kubernetes $KUBE_VERSION" >/dev/null
  "$bin/kube-controller-manager" --version | grep -x "Kubernetes $KUBE_VERSION" >/dev/null
  "$bin/kube-scheduler" --version | grep -x "Kubernetes $KUBE_VERSION" >/dev/null
  echo "kube-apiserver, kube-controller-manager, kube-scheduler: $("$bin/kube-apiserver" --version)"
  "$bin/kwok" --version 2>&1 | sed -n 1p
  expect etcd go.etcd.io/etcd/server/v3 "$ETCD_VERSION"
  expect kube-apiserver k8s.io/kubernetes "$KUBE_VERSION"
  expect kwok sigs.k8s.io/kwok "$KWOK_VERSION"
  expect minio github.com/minio/minio "$MINIO_VERSION"
  expect fake-gcs-server github.com/fsouza/fake-gcs-server "$FAKE_GCS_VERSION"
}

peers=("$@")
[ ${#peers[@]} -gt 0 ] || peers=(etcd kube kwok minio fake-gcs)
for p in "${peers[@]}"; do
  case $p in
    etcd) build_etcd ;;
    kube) build_kube ;;
    kwok) build_tool kwok sigs.k8s.io/kwok/cmd/kwok "$KWOK_VERSION" ;;
    minio) build_tool minio github.com/minio/minio "$MINIO_VERSION" ;;
    fake-gcs) build_tool fake-gcs-server github.com/fsouza/fake-gcs-server "$FAKE_GCS_VERSION" ;;
    *) echo "world: unknown peer '$p' (etcd kube kwok minio fake-gcs)" >&2; exit 2 ;;
  esac
done
[ $# -gt 0 ] || check
log "done: binaries in $bin"
