#!/usr/bin/env bash
# Proves .ci/run on a brand-new machine: debootstraps Debian 12 into a folder (root only), gives
# it just what this kind of machine starts with (Node 20 and npm, their settings, the system's CA
# certificates), clones this repository's main into it with ../shared beside it, and runs
# .ci/run there. It prints which test programs were missing before, then .ci/run's own output.
# Usage: sudo scripts/fresh-machine-ci.sh [ROOT]   (ROOT defaults to ../fresh-root; about 25 min)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
R=$(realpath -m "${1:-$repo/../fresh-root}")
[ -x "$R/bin/bash" ] || debootstrap --variant=minbase --include=ca-certificates,git bookworm "$R" http://deb.debian.org/debian
cp /etc/apt/sources.list.d/* "$R/etc/apt/sources.list.d/" 2>/dev/null || true
cp /usr/local/share/ca-certificates/* "$R/usr/local/share/ca-certificates/" 2>/dev/null || true
cp /etc/ssl/certs/ca-certificates.crt "$R/etc/ssl/certs/ca-certificates.crt"
node=$(command -v node)
cp "$node" "$R/usr/bin/node"
mkdir -p "$R/usr/lib/node_modules" "$R/usr/include" "$R/usr/etc" "$R/root"
cp -a "$(dirname "$(realpath "$node")")/../lib/node_modules/npm" "$R/usr/lib/node_modules/"
ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$R/usr/bin/npm"
ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$R/usr/bin/npx"
[ -d /usr/include/node ] && cp -a /usr/include/node "$R/usr/include/"
[ -f /usr/etc/npmrc ] && cp /usr/etc/npmrc "$R/usr/etc/npmrc"
# npm builds native addons against Node's own headers (nodedir), as on this kind of machine.
[ -f "$HOME/.npmrc" ] && cp "$HOME/.npmrc" "$R/root/.npmrc"
rm -rf "$R/work" && mkdir -p "$R/work"
git clone -q --branch main "$repo" "$R/work/main"
cp -a "$repo/../shared" "$R/work/shared" && chmod -R a-w "$R/work/shared"
for m in proc sys dev dev/pts dev/shm; do mountpoint -q "$R/$m" || mount --bind "/$m" "$R/$m"; done
trap 'for m in dev/shm dev/pts dev sys proc; do umount "$R/$m" 2>/dev/null || true; done' EXIT
echo "--- in the fresh root, before .ci/run:"
for p in chromium exiftool java sqlite3 python3 make g++ psql; do
  chroot "$R" /bin/bash -c "command -v $p || echo '$p: not found'"
done
chroot "$R" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin CI=true \
  NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt /bin/bash -c 'cd /work/main && time bash .ci/run'
