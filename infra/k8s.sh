#!/usr/bin/env bash
# A local Kubernetes control plane for the chart's install tests: etcd, kube-apiserver,
# kube-controller-manager, kube-scheduler and kwok (fake nodes: pods are scheduled and reported
# Running, Jobs complete; no container runs) on 127.0.0.1, built from the Go module proxy.
#
#   infra/k8s.sh build        build the binaries into .local/bin (cached; seconds when nothing changed)
#   infra/k8s.sh start        build if needed, then start a fresh cluster (new certificates, token, etcd data)
#   infra/k8s.sh stop         stop it (apiserver before etcd)
#   infra/k8s.sh status       print running/stopped; exit 0 if running, 3 otherwise
#   infra/k8s.sh kubeconfig   print the kubeconfig's path (admin, token auth)
#
# Every command is idempotent; concurrent callers are serialised by a lock. The versions are those
# of infra/k8s/go.mod (Kubernetes v1.37.2, etcd v3.7.3, kwok v0.8.0). Ports: K8S_API_PORT (36443),
# K8S_ETCD_PORT (32379, peer +1), K8S_CONTROLLER_MANAGER_PORT (30257), K8S_SCHEDULER_PORT (30259).
set -euo pipefail
LOG_TAG=k8s
# shellcheck source=infra/lib.sh
. "$(dirname -- "${BASH_SOURCE[0]}")/lib.sh"

K8S_VERSION=v1.37.2
API_PORT="${K8S_API_PORT:-36443}"
ETCD_PORT="${K8S_ETCD_PORT:-32379}"
ETCD_PEER_PORT=$((ETCD_PORT + 1))
KCM_PORT="${K8S_CONTROLLER_MANAGER_PORT:-30257}"
SCHED_PORT="${K8S_SCHEDULER_PORT:-30259}"
NODES="${K8S_NODES:-3}"
START_TIMEOUT=120

TOOLS_DIR="$INFRA_DIR/k8s"
BIN_DIR="$LOCAL_DIR/bin"
STATE="$LOCAL_DIR/k8s"
PKI="$STATE/pki"
LOGS="$STATE/logs"
RUN="$STATE/run"
KUBECONFIG_FILE="$STATE/kubeconfig"
BINARIES=(kube-apiserver kube-controller-manager kube-scheduler etcd kwok)
# Stopped in this order: the apiserver before etcd (it would otherwise spin on a lost backend).
COMPONENTS=(kwok kube-scheduler kube-controller-manager kube-apiserver etcd)

mkdir -p "$BIN_DIR" "$STATE"
# build, start and stop one at a time (a second caller waits for a build under way).
lock() {
  exec 9>"$STATE/.lock"
  flock -w 1800 9 || die "timed out waiting for another infra/k8s.sh"
}

# What the binaries are built from: a change of any of these rebuilds them.
BUILD_RECIPE=2 # bump when cmd_build changes what it builds
build_stamp() { { cat "$TOOLS_DIR/go.mod" "$TOOLS_DIR/go.sum"; echo "$K8S_VERSION $BUILD_RECIPE"; } | sha256sum | cut -c1-16; }

built() {
  local b
  for b in "${BINARIES[@]}"; do [ -x "$BIN_DIR/$b" ] || return 1; done
  [ -f "$STATE/kwok-stages.yaml" ] && [ "$(cat "$STATE/.build-stamp" 2>/dev/null)" = "$(build_stamp)" ]
}

cmd_build() {
  if built; then log "binaries up to date in $BIN_DIR ($K8S_VERSION)"; return 0; fi
  command -v go >/dev/null 2>&1 || die "go not found: the control plane is built from the Go module proxy (Go 1.26 or newer)"
  # go keeps its module and build caches (~6 GB) under $HOME; without a usable one, under .local.
  if [ -z "${HOME:-}" ] || [ ! -w "${HOME:-/nonexistent}" ]; then
    export GOPATH="${GOPATH:-$LOCAL_DIR/go}" GOCACHE="${GOCACHE:-$LOCAL_DIR/go-build}"
  fi
  local out start v ldflags kwok_dir
  start=$(date +%s)
  out="$STATE/build"
  mkdir -p "$out"
  log "building kube-apiserver, kube-controller-manager, kube-scheduler $K8S_VERSION, etcd, kwok (about 7 minutes and 3 GB the first time)"
  # Without these -X flags the binaries report v0.0.0 and Helm refuses the chart's kubeVersion.
  v=k8s.io/component-base/version
  ldflags="-s -w -X $v.gitVersion=$K8S_VERSION -X $v.gitMajor=1 -X $v.gitMinor=$(echo "$K8S_VERSION" | cut -d. -f2)"
  ldflags+=" -X $v.gitTreeState=clean -X $v.buildDate=1970-01-01T00:00:00Z"
  # One go build of all five: they share most packages. CGO off: static, no C toolchain needed.
  (cd "$TOOLS_DIR" && CGO_ENABLED=0 go build -trimpath -ldflags "$ldflags" -o "$out/" \
    k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager \
    k8s.io/kubernetes/cmd/kube-scheduler go.etcd.io/etcd/server/v3 sigs.k8s.io/kwok/cmd/kwok) >&2 \
    || die "go build of the control plane failed (infra/k8s/go.mod)"
  # go names the binary of go.etcd.io/etcd/server/v3 after "server".
  mv -f "$out/server" "$out/etcd"
  local b
  for b in "${BINARIES[@]}"; do cp -f "$out/$b" "$BIN_DIR/$b.tmp" && mv -f "$BIN_DIR/$b.tmp" "$BIN_DIR/$b"; done
  # kwok's own stages (from the module of go.mod's version): nodes become Ready and keep a
  # heartbeat; pods become Ready at once, a Job's pods then complete, and deleted pods go.
  kwok_dir=$(cd "$TOOLS_DIR" && go list -m -f '{{.Dir}}' sigs.k8s.io/kwok)
  local stages="$kwok_dir/kustomize/stage"
  { for f in node/fast/node-initialize.yaml node/heartbeat/node-heartbeat.yaml pod/fast/pod-ready.yaml \
      pod/fast/pod-complete.yaml pod/fast/pod-delete.yaml; do
      echo "---"; cat "$stages/$f"
    done; } >"$STATE/kwok-stages.yaml"
  build_stamp >"$STATE/.build-stamp"
  log "built in $(($(date +%s) - start)) s: $("$BIN_DIR/kube-apiserver" --version)"
}

pid_of() { cat "$RUN/$1.pid" 2>/dev/null || true; }
alive() {
  local pid
  pid=$(pid_of "$1")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && [ "$(readlink "/proc/$pid/exe" 2>/dev/null)" = "$BIN_DIR/$1" ]
}

token() { cat "$PKI/token" 2>/dev/null; }
api() { curl -fsS --max-time 5 --cacert "$PKI/ca.crt" -H "Authorization: Bearer $(token)" "$@"; }
api_ready() { [ -f "$PKI/token" ] && [ "$(api "https://127.0.0.1:$API_PORT/readyz" 2>/dev/null)" = ok ]; }

running() {
  local c
  for c in "${COMPONENTS[@]}"; do alive "$c" || return 1; done
  api_ready
}

# Certificates and the admin token, new at every start: a CA, the apiserver's serving certificate
# for 127.0.0.1, and the service-account signing key.
make_pki() {
  rm -rf "$PKI" && mkdir -p "$PKI" && chmod 700 "$PKI"
  (
    cd "$PKI"
    openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 7 -subj "/CN=grassroots-local-ca" 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -keyout apiserver.key -out apiserver.csr -subj "/CN=kube-apiserver" 2>/dev/null
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc\n' >san.ext
    openssl x509 -req -in apiserver.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out apiserver.crt -days 7 -extfile san.ext 2>/dev/null
    openssl genrsa -out sa.key 2048 2>/dev/null
    openssl rsa -in sa.key -pubout -out sa.pub 2>/dev/null
    openssl rand -hex 24 >token
    printf '%s,admin,admin,system:masters\n' "$(cat token)" >tokens.csv
  ) || die "generating the certificates failed (openssl)"
  chmod 600 "$PKI"/*
  cat >"$KUBECONFIG_FILE" <<EOF
apiVersion: v1
kind: Config
clusters:
  - name: grassroots-local
    cluster:
      server: https://127.0.0.1:$API_PORT
      certificate-authority-data: $(base64 -w0 <"$PKI/ca.crt")
users:
  - name: admin
    user:
      token: $(cat "$PKI/token")
contexts:
  - name: grassroots-local
    context: { cluster: grassroots-local, user: admin }
current-context: grassroots-local
EOF
  chmod 600 "$KUBECONFIG_FILE"
}

launch() {
  local name="$1"
  shift
  # setsid: the processes outlive the caller (a test's shell), and stop only by their pid file.
  # 9>&-: the lock's descriptor stays with this script, or the next caller would wait on the cluster.
  setsid "$BIN_DIR/$name" "$@" >"$LOGS/$name.log" 2>&1 </dev/null 9>&- &
  echo $! >"$RUN/$name.pid"
}

wait_for() {
  local what="$1" i
  shift
  for ((i = 0; i < START_TIMEOUT * 2; i++)); do
    "$@" && return 0
    sleep 0.5
  done
  die "$what not ready after ${START_TIMEOUT}s; see $LOGS"
}

create_nodes() {
  local i
  for ((i = 0; i < NODES; i++)); do
    api -X POST -H 'Content-Type: application/json' "https://127.0.0.1:$API_PORT/api/v1/nodes" -d @- >/dev/null <<EOF || die "creating node kwok-node-$i failed"
{"apiVersion":"v1","kind":"Node","metadata":{"name":"kwok-node-$i","annotations":{"kwok.x-k8s.io/node":"fake"},
 "labels":{"type":"kwok","kubernetes.io/hostname":"kwok-node-$i","kubernetes.io/os":"linux","kubernetes.io/arch":"amd64","topology.kubernetes.io/zone":"zone-$i"}},
 "status":{"allocatable":{"cpu":"32","memory":"256Gi","pods":"110"},"capacity":{"cpu":"32","memory":"256Gi","pods":"110"}}}
EOF
  done
}

nodes_ready() {
  [ "$(api "https://127.0.0.1:$API_PORT/api/v1/nodes" | tr -d ' \n' | grep -o '"type":"Ready","status":"True"' | wc -l)" -ge "$NODES" ]
}

default_sa() { api "https://127.0.0.1:$API_PORT/api/v1/namespaces/default/serviceaccounts/default" >/dev/null 2>&1; }

cmd_start() {
  if running; then log "already running: https://127.0.0.1:$API_PORT (kubeconfig $KUBECONFIG_FILE)"; return 0; fi
  cmd_build
  stop_all
  local port start
  for port in "$API_PORT" "$ETCD_PORT" "$ETCD_PEER_PORT" "$KCM_PORT" "$SCHED_PORT"; do
    port_open 127.0.0.1 "$port" && die "port $port is already taken by another process ($(port_owner "$port"))"
  done
  start=$(date +%s.%N)
  make_pki
  rm -rf "$STATE/etcd" "$LOGS" "$RUN" && mkdir -p "$LOGS" "$RUN"
  # A throwaway store: no fsync.
  launch etcd --name local --data-dir "$STATE/etcd" --unsafe-no-fsync \
    --listen-client-urls "http://127.0.0.1:$ETCD_PORT" --advertise-client-urls "http://127.0.0.1:$ETCD_PORT" \
    --listen-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
    --initial-cluster "local=http://127.0.0.1:$ETCD_PEER_PORT"
  wait_for etcd curl -fs --max-time 2 -o /dev/null "http://127.0.0.1:$ETCD_PORT/health"
  # --endpoint-reconciler-type=none: on a loopback address the default reconciler refuses to
  # publish the kubernetes Service's endpoints and the apiserver never becomes ready.
  # The service range is only allocated in etcd: nothing routes to it.
  launch kube-apiserver --etcd-servers "http://127.0.0.1:$ETCD_PORT" \
    --bind-address 127.0.0.1 --advertise-address 127.0.0.1 --secure-port "$API_PORT" \
    --tls-cert-file "$PKI/apiserver.crt" --tls-private-key-file "$PKI/apiserver.key" --client-ca-file "$PKI/ca.crt" \
    --token-auth-file "$PKI/tokens.csv" --authorization-mode RBAC \
    --service-account-issuer https://kubernetes.default.svc --service-account-key-file "$PKI/sa.pub" \
    --service-account-signing-key-file "$PKI/sa.key" --service-cluster-ip-range 10.96.0.0/16 \
    --endpoint-reconciler-type none --allow-privileged --profiling=false --cert-dir "$STATE/apiserver-certs"
  wait_for kube-apiserver api_ready
  local common=(--kubeconfig "$KUBECONFIG_FILE" --authentication-kubeconfig "$KUBECONFIG_FILE"
    --authorization-kubeconfig "$KUBECONFIG_FILE" --leader-elect=false --bind-address 127.0.0.1 --profiling=false)
  launch kube-controller-manager "${common[@]}" --secure-port "$KCM_PORT" \
    --service-account-private-key-file "$PKI/sa.key" --root-ca-file "$PKI/ca.crt" \
    --cert-dir "$STATE/kcm-certs"
  launch kube-scheduler "${common[@]}" --secure-port "$SCHED_PORT" --cert-dir "$STATE/scheduler-certs"
  # Pod and node addresses kwok reports are only data: nothing connects to them.
  launch kwok --kubeconfig "$KUBECONFIG_FILE" --config "$STATE/kwok-stages.yaml" \
    --manage-nodes-with-annotation-selector kwok.x-k8s.io/node=fake --cidr 10.244.0.1/16 --node-ip 10.240.0.1
  create_nodes
  wait_for "kwok nodes" nodes_ready
  # The ServiceAccount controller has made the default account: namespaces can take pods.
  wait_for "the controller manager" default_sa
  local c
  for c in "${COMPONENTS[@]}"; do alive "$c" || die "$c exited; see $LOGS/$c.log"; done
  log "ready in $(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }') s: https://127.0.0.1:$API_PORT, $NODES kwok nodes (kubeconfig $KUBECONFIG_FILE)"
}

stop_one() {
  local name="$1" pid i
  pid=$(pid_of "$name")
  if alive "$name"; then
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 40; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$RUN/$name.pid"
}

stop_all() {
  local c
  for c in "${COMPONENTS[@]}"; do stop_one "$c"; done
}

cmd_stop() {
  local any="" c
  for c in "${COMPONENTS[@]}"; do alive "$c" && any=1; done
  if [ -z "$any" ]; then log "not running; nothing to stop"; return 0; fi
  stop_all
  log "stopped"
}

cmd_status() {
  if running; then
    echo "k8s: running ($("$BIN_DIR/kube-apiserver" --version) at https://127.0.0.1:$API_PORT, kubeconfig $KUBECONFIG_FILE)"
  else
    local c up=()
    for c in "${COMPONENTS[@]}"; do alive "$c" && up+=("$c"); done
    echo "k8s: stopped${up[*]:+ (still up: ${up[*]})}"
    return 3
  fi
}

case "${1:-}" in
  build) lock && cmd_build ;;
  start) lock && cmd_start ;;
  stop) lock && cmd_stop ;;
  status) cmd_status ;;
  kubeconfig) [ -f "$KUBECONFIG_FILE" ] || die "no kubeconfig: run infra/k8s.sh start"; echo "$KUBECONFIG_FILE" ;;
  *) echo "usage: $0 build|start|stop|status|kubeconfig" >&2; exit 2 ;;
esac
