#!/usr/bin/env bash
# Installs a real VS Code for the integration tests and the editor benchmark,
# without downloading anything but npm packages and Debian packages:
# code-server 4.100.3 (= VS Code 1.100.3, the newest release that runs on
# Node 20) into .vscode-test/code-server/, plus Debian Chromium to drive it.
#   bash scripts/vscode/setup.sh        (npm run vscode:setup)
# Idempotent: a stamp file records a finished install, so a second run only
# checks the stamp and the system packages (well under a second).
set -euo pipefail
cd "$(dirname "$0")/../.."

readonly version=4.100.3
readonly root=.vscode-test/code-server
readonly stamp="$root/installed.stamp"
readonly debian_packages=(libkrb5-dev libsecret-1-dev libxkbfile-dev libx11-dev pkg-config ripgrep chromium)
# The native modules are built for one Node ABI: a new Node major means a new install.
readonly stamp_text="code-server@$version node-abi-$(node -p process.versions.modules) $(uname -m)"

started=$SECONDS
log() { echo "vscode:setup: $*"; }

install_debian_packages() {
  local missing=()
  local package
  for package in "${debian_packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$package")
    fi
  done
  if [ "${#missing[@]}" -eq 0 ]; then return 0; fi
  log "installing Debian packages: ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null; then
      log "not root and no sudo: install these packages first: ${missing[*]}" >&2
      exit 1
    fi
    sudo=(sudo -n)
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${missing[@]}" >/dev/null
}

# npm's own output is long; keep it in a log and show it only when a step fails.
run_quietly() {
  local output
  if ! output=$("$@" 2>&1); then
    echo "$output" | tail -n 60 >&2
    log "failed: $*" >&2
    exit 1
  fi
}

install_code_server() {
  # A half-finished install (interrupted, or an older version) is thrown away
  # rather than patched: the steps below assume a fresh tree.
  rm -rf "$root"
  mkdir -p "$root"
  echo '{ "name": "report-annotator-vscode-test", "private": true }' > "$root/package.json"
  local npm_flags=(--no-audit --no-fund --loglevel=error --ignore-scripts)

  log "npm install code-server@$version"
  (cd "$root" && run_quietly npm install "${npm_flags[@]}" "code-server@$version")

  local vscode="$root/node_modules/code-server/lib/vscode"
  # Its postinstall would fetch ripgrep from GitHub; Debian's rg does the same job.
  log "installing VS Code's own modules"
  (cd "$vscode" && run_quietly npm install "${npm_flags[@]}" --omit=dev)
  mkdir -p "$vscode/node_modules/@vscode/ripgrep/bin"
  cp "$(command -v rg)" "$vscode/node_modules/@vscode/ripgrep/bin/rg"
  log "building native modules"
  (cd "$vscode" && run_quietly npm rebuild @parcel/watcher @vscode/spdlog kerberos native-watchdog @vscode/deviceid)
  (cd "$vscode" && npm_config_yes=true run_quietly npm rebuild node-pty)
  ln -sfn node_modules "$vscode/node_modules.asar"
  log "installing the built-in extensions' modules"
  (cd "$vscode/extensions" && run_quietly npm install "${npm_flags[@]}" --omit=dev)
  ln -sfn code-linux.sh "$vscode/bin/remote-cli/code-server"
  ln -sfn browser-linux.sh "$vscode/bin/helpers/browser.sh"
  (cd "$root" && run_quietly npm rebuild argon2)

  echo "$stamp_text" > "$stamp"
}

install_debian_packages
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$stamp_text" ] && [ -x "$root/node_modules/.bin/code-server" ]; then
  log "code-server@$version already installed in $root"
else
  install_code_server
  log "installed code-server@$version in $root"
fi
# A load check: a native module built for another Node shows here, not as a test timeout.
(cd "$root/node_modules/code-server/lib/vscode" && node -e "for (const m of ['@parcel/watcher', '@vscode/spdlog', 'node-pty', 'kerberos', 'native-watchdog', '@vscode/deviceid']) require(m)") ||
  { log "a native module of VS Code does not load: delete $root and run again" >&2; exit 1; }
(cd "$root" && node -e "require('argon2')") || { log "argon2 does not load: delete $root and run again" >&2; exit 1; }
# (code-server's own config goes to a scratch folder rather than ~/.config.)
scratch_config=$(mktemp -d)
XDG_CONFIG_HOME="$scratch_config" "$root/node_modules/.bin/code-server" --version | grep -E '^[0-9]+\.' | sed 's/^/vscode:setup: code-server /'
rm -rf "$scratch_config"
log "done in $((SECONDS - started)) s"
