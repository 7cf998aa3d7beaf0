#!/usr/bin/env bash
# The Debian package (issue 23): builds it with cargo-deb (pinned; installed here when missing) and checks it as an
# operator's machine would meet it, in a throw-away root:
#   - the files, their modes and the conffile (`dpkg-deb -c`, `dpkg-deb -I`);
#   - the maintainer scripts parse (`sh -n`);
#   - the systemd unit verifies (`systemd-analyze verify --root`: no warning at all) and its hardening scores
#     "OK" or better (`systemd-analyze security --offline`, exposure at most 2.0 of 10);
#   - the packaged binary runs with the packaged /etc/pathways/pathways.toml (PATHWAYS_CONFIG, as the unit sets it):
#     no unknown key, the database migrates, the audit chain verifies, the shipped instrument file checks;
#   - a real `dpkg -i` as root in an overlay of this machine's file system (the machine itself is untouched): the
#     account and folders postinst makes, the server started as `pathways` answering /readyz, `dpkg --purge`
#     keeping the data.
#
# Usage: scripts/package_deb.sh            a release package in target/debian/ (cargo builds --release)
#        scripts/package_deb.sh --check-only   package the binary the tests already built (target/debug), then
#                                          check it: what CI runs (no second, release build). cargo-deb warns that a
#                                          dev profile is for checks only, which this is.
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_DEB_VERSION=3.7.0
if [ "$(cargo deb --version 2>/dev/null)" != "cargo-deb $CARGO_DEB_VERSION" ]; then
  echo "package: installing cargo-deb $CARGO_DEB_VERSION"
  cargo install --quiet --locked cargo-deb --version "$CARGO_DEB_VERSION"
fi
for tool in dpkg-deb systemd-analyze; do
  command -v "$tool" >/dev/null || { echo "package: $tool is missing (Debian: dpkg, systemd)" >&2; exit 1; }
done

target_dir=$(cargo metadata --format-version 1 --no-deps --locked |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
out="$target_dir/debian"
rm -rf "$out"
if [ "${1:-}" = "--check-only" ]; then
  [ -x "$target_dir/debug/pathways" ] || cargo build --locked --bin pathways
  if ! said=$(cargo deb --profile dev --no-build --strip --fast -o "$out/" 2>&1); then
    echo "$said" >&2
    exit 1
  fi
else
  cargo deb --locked -o "$out/"
fi
deb=$(ls "$out"/pathways_*.deb)
echo "package: $deb ($(du -h "$deb" | cut -f1))"

fail() { echo "package: $*" >&2; exit 1; }
root=$(mktemp -d)
ovl=""
cleanup() {
  if [ -n "$ovl" ]; then
    [ -n "${server:-}" ] && kill "$server" 2>/dev/null
    # Unmount first; then only the overlay's own scratch folders are deleted (never anything under the mount).
    umount "$ovl/root" 2>/dev/null || true
    rm -rf "$ovl/upper" "$ovl/work" "$ovl/serve.log"
    rmdir "$ovl/root" "$ovl" 2>/dev/null || true
  fi
  rm -rf "$root"
}
trap cleanup EXIT

# The files and their modes.
listing=$(dpkg-deb -c "$deb")
expect() {
  grep -qE "^$1 +[^ ]+ +[0-9]+ [0-9-]+ [0-9:]+ \./$2\$" <<<"$listing" || fail "no $2 with mode $1 in the package"
}
expect '-rwxr-xr-x' 'usr/bin/pathways'
expect '-rw-r-----' 'etc/pathways/pathways.toml'
expect '-rw-r--r--' 'usr/lib/systemd/system/pathways.service'
expect '-rw-r--r--' 'usr/share/pathways/instruments/recovery-outcomes-interview.toml'
expect '-rw-r--r--' 'usr/share/doc/pathways/OPERATIONS.md'
dpkg-deb -e "$deb" "$root/DEBIAN"
grep -qx '/etc/pathways/pathways.toml' "$root/DEBIAN/conffiles" || fail "the configuration is not a conffile"
grep -q '^Depends: .*adduser' "$root/DEBIAN/control" || fail "Depends lacks adduser (postinst makes the account)"
for script in postinst postrm prerm; do
  [ -f "$root/DEBIAN/$script" ] && { sh -n "$root/DEBIAN/$script" || fail "$script does not parse"; }
done
grep -q 'adduser --system' "$root/DEBIAN/postinst" || fail "postinst does not make the pathways account"

# The unit, in the unpacked root (the host's own units beside it, so that its targets resolve).
dpkg-deb -x "$deb" "$root"
cp -an /lib/systemd/system/. "$root/usr/lib/systemd/system/" 2>/dev/null || true
verify=$(systemd-analyze verify --root="$root" pathways.service 2>&1) || fail "the unit does not verify: $verify"
[ -z "$verify" ] || fail "systemd-analyze verify warns: $verify"
security=$(systemd-analyze security --offline=yes --root="$root" --threshold=20 pathways.service 2>&1) ||
  fail "the unit's exposure is above 2.0: $(tail -1 <<<"$security")"
echo "package: unit verifies; $(grep -o 'Overall exposure level.*' <<<"$security")"

# A real install, as root, in a throw-away root: an overlay of this machine's own file system (writes land in a
# scratch folder; the machine is untouched), `dpkg -i` the package there, then as the `pathways` account its
# postinst made: migrate with /etc/pathways/pathways.toml, serve, answer /readyz; then remove and purge it (the
# data folder stays). Needs root and overlayfs; CI has both, elsewhere the check says it was not run.
install_check() {
  local merged port
  ovl=$(mktemp -d)
  merged="$ovl/root"
  mkdir -p "$ovl/upper" "$ovl/work" "$merged"
  mount -t overlay overlay -o "lowerdir=/,upperdir=$ovl/upper,workdir=$ovl/work" "$merged" ||
    fail "cannot mount the throw-away root (overlayfs)"
  cp "$deb" "$merged/tmp/pathways.deb"
  said=$(chroot "$merged" dpkg -i /tmp/pathways.deb 2>&1) || fail "dpkg -i failed: $said"
  ! grep -qi 'warning' <<<"$said" || fail "dpkg -i warns: $said"
  chroot "$merged" getent passwd pathways >/dev/null || fail "no pathways account after install"
  # Owners are named by the root's own account database (the host does not know `pathways`).
  owner() { chroot "$merged" stat -c '%U:%G %a' "$1" 2>/dev/null; }
  [ "$(owner /var/lib/pathways)" = "pathways:pathways 700" ] ||
    fail "/var/lib/pathways is $(owner /var/lib/pathways), not pathways:pathways 700"
  [ "$(owner /etc/pathways/pathways.toml)" = "root:pathways 640" ] ||
    fail "/etc/pathways/pathways.toml is $(owner /etc/pathways/pathways.toml), not root:pathways 640"
  as_service=(chroot --userspec=pathways:pathways "$merged" env -i PATH=/usr/bin:/bin RUST_LOG=warn
    PATHWAYS_CONFIG=/etc/pathways/pathways.toml)
  said=$("${as_service[@]}" sh -c 'cd /var/lib/pathways && pathways migrate' 2>&1) || fail "migrate as pathways: $said"
  ! grep -q 'warning' <<<"$said" || fail "migrate as pathways warns: $said"
  [ "$(owner /var/lib/pathways/pathways.db)" = "pathways:pathways 600" ] ||
    fail "no /var/lib/pathways/pathways.db (pathways, 0600), where the packaged configuration puts it"
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  "${as_service[@]}" PATHWAYS_BIND="127.0.0.1:$port" sh -c 'cd /var/lib/pathways && exec pathways serve' \
    >"$ovl/serve.log" 2>&1 &
  server=$!
  ready=""
  for _ in $(seq 1 60); do
    if python3 -c "import urllib.request as u; u.urlopen('http://127.0.0.1:$port/readyz', timeout=2)" 2>/dev/null; then
      ready=yes
      break
    fi
    sleep 0.5
  done
  kill "$server" 2>/dev/null
  wait "$server" 2>/dev/null || true
  server=""
  [ -n "$ready" ] || fail "the installed server never answered /readyz: $(tail -5 "$ovl/serve.log")"
  chroot "$merged" dpkg --purge pathways >/dev/null 2>&1 || fail "dpkg --purge failed"
  [ -f "$merged/var/lib/pathways/pathways.db" ] || fail "purging the package deleted the database"
  [ ! -e "$merged/usr/bin/pathways" ] || fail "purge left /usr/bin/pathways"
  echo "package: dpkg -i in a throw-away root, /readyz served as pathways, purged with the data kept: ok"
}
if [ "$(id -u)" = 0 ] && grep -qw overlay /proc/filesystems; then
  install_check
elif [ "${CI:-}" = true ]; then
  fail "the install check needs root and overlayfs, which CI has"
else
  echo "package: the dpkg -i check was not run (it needs root and overlayfs)"
fi

# The packaged binary with the packaged configuration (the database in a scratch folder instead of /var/lib).
data="$root/var/lib/pathways"
mkdir -m 0700 -p "$data"
run() {
  PATHWAYS_CONFIG="$root/etc/pathways/pathways.toml" PATHWAYS_DATABASE_URL="sqlite://$data/pathways.db" \
    RUST_LOG=warn "$root/usr/bin/pathways" "$@"
}
said=$(run migrate 2>&1) || fail "migrate with the packaged configuration failed: $said"
! grep -q 'warning' <<<"$said" || fail "the packaged configuration warns: $said"
said=$(run audit verify 2>&1) || fail "audit verify failed: $said"
said=$(run instrument check "$root/usr/share/pathways/instruments/recovery-outcomes-interview.toml" 2>&1) ||
  fail "the packaged instrument does not check: $said"
[ "$(stat -c %a "$data/pathways.db")" = 600 ] || fail "the database is not 0600"
echo "package: the packaged configuration loads without a warning; the packaged instrument checks: ok"
