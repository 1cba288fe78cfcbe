#!/usr/bin/env bash
# Builds artifacts/aws-session_VERSION_amd64.deb with dpkg-deb: the two Native AOT executables in /usr/lib/aws-session
# (aws-session, the front that serves cache hits, and aws-session-full, the complete tool it hands everything else to;
# the front finds it beside itself) with /usr/bin/aws-session a link to the front, and the man page and the bash, zsh and fish completions in Debian's standard places, all three printed by that binary
# itself (`aws-session manpage`, `aws-session completion SHELL`), so the package documents exactly what it installs.
# Prints the .deb's path on stdout; progress on stderr. DEB_MAINTAINER overrides the Maintainer field.
# Needs: the .NET SDK, clang and zlib1g-dev (Native AOT), dpkg-deb, gzip, objdump (binutils).
set -euo pipefail
cd "$(dirname "$0")/.."
rid=linux-x64 arch=amd64
work=artifacts/deb
say() { echo "build-deb: $*" >&2; }

say "dotnet publish src/AwsSession -c Release -r $rid (Native AOT)"
rm -rf "$work/root"
mkdir -p "$work"
dotnet publish src/AwsSession -c Release -r "$rid" -o "$work/publish" -nologo -v q -clp:NoSummary >"$work/publish.log" 2>&1 \
  || { tail -30 "$work/publish.log" >&2; say "publish failed"; exit 1; }
bin="$work/publish/aws-session"
for exe in "$bin" "$work/publish/aws-session-full"; do
  [ "$(head -c4 "$exe" 2>/dev/null | tail -c3)" = ELF ] || { say "$exe is not a native binary"; exit 1; }
done
version=$("$bin" --version)

root="$work/root"
install -D -m 0755 -t "$root/usr/lib/aws-session" "$bin" "$work/publish/aws-session-full"
mkdir -p "$root/usr/bin"
ln -s ../lib/aws-session/aws-session "$root/usr/bin/aws-session"
mkdir -p "$root/usr/share/man/man1"
"$bin" manpage | gzip -9n >"$root/usr/share/man/man1/aws-session.1.gz"
install -d "$root/usr/share/bash-completion/completions" "$root/usr/share/zsh/vendor-completions" "$root/usr/share/fish/vendor_completions.d"
"$bin" completion bash >"$root/usr/share/bash-completion/completions/aws-session"
"$bin" completion zsh >"$root/usr/share/zsh/vendor-completions/_aws-session"
"$bin" completion fish >"$root/usr/share/fish/vendor_completions.d/aws-session.fish"
install -D -m 0644 LICENSE "$root/usr/share/doc/aws-session/copyright"
chmod -R u=rwX,go=rX "$root/usr/share"

# The binaries link only libc6 (libc, libm, the loader); they need the newest glibc symbol version they reference.
glibc=$(objdump -T "$bin" "$work/publish/aws-session-full" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)
[ -n "$glibc" ] || { say "no glibc symbol versions in $bin (objdump -T)"; exit 1; }
install -d "$root/DEBIAN"
cat >"$root/DEBIAN/control" <<CONTROL
Package: aws-session
Version: $version
Architecture: $arch
Maintainer: ${DEB_MAINTAINER:-aws-session contributors <aws-session@localhost>}
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: libc6 (>= $glibc)
Section: utils
Priority: optional
Description: temporary AWS credentials with MFA, for a shell or for one command
 aws-session makes MFA sessions and assumed-role sessions (also from IAM
 Identity Center) and hands them to the shell (eval), to one command (exec),
 or to every SDK (credential_process), caching them so one MFA code serves
 every shell and parallel job. A native binary; a man page and bash, zsh and
 fish completions are included.
CONTROL

deb="artifacts/aws-session_${version}_${arch}.deb"
dpkg-deb --build --root-owner-group "$root" "$deb" >&2
say "built $deb"
echo "$deb"
