#!/usr/bin/env bash
# The Debian package for real: builds it (packaging/build-deb.sh), installs it with apt-get, checks that the binary,
# the man page and the bash, zsh and fish completions are where those programs look, runs it, and removes it again.
# Called by .ci/run after the AOT smoke tests. It is not a TRX test: .ci/run fails the run when this exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."
fail() { echo "deb-check: FAILED: $*" >&2; exit 1; }
say() { echo "deb-check: $*" >&2; }

((EUID == 0)) || fail "apt-get install needs root"
for t in dpkg-deb apt-get man bash zsh fish; do command -v "$t" >/dev/null || fail "$t not found"; done
! dpkg -s aws-session >/dev/null 2>&1 || fail "an aws-session package is already installed; this check would remove it"

deb=$(packaging/build-deb.sh) || fail "packaging/build-deb.sh failed"
trap 'DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq aws-session >/dev/null 2>&1 || true' EXIT
say "apt-get install ./$deb"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "./$deb" >/dev/null || fail "apt-get install ./$deb failed"

bash_file=/usr/share/bash-completion/completions/aws-session
zsh_file=/usr/share/zsh/vendor-completions/_aws-session
fish_file=/usr/share/fish/vendor_completions.d/aws-session.fish
listed=$(dpkg -L aws-session)
for f in /usr/bin/aws-session /usr/lib/aws-session/aws-session /usr/lib/aws-session/aws-session-full /usr/share/man/man1/aws-session.1.gz "$bash_file" "$zsh_file" "$fish_file"; do
  grep -qx "$f" <<<"$listed" || fail "$f is not in the package"
  [ -s "$f" ] || fail "$f is missing or empty after install"
done

[ "$(PATH=/usr/bin:/bin command -v aws-session)" = /usr/bin/aws-session ] || fail "aws-session is not /usr/bin/aws-session"
version=$(/usr/bin/aws-session --version) || fail "aws-session --version failed"
[ "$version" = "$(dpkg-query -W -f='${Version}' aws-session)" ] || fail "--version says '$version', the package another"
/usr/bin/aws-session --help >/dev/null || fail "aws-session --help failed (the front hands it to aws-session-full beside it)"

[ "$(man -w aws-session)" = /usr/share/man/man1/aws-session.1.gz ] || fail "man -w aws-session: $(man -w aws-session 2>&1)"
page=$(MANPAGER=cat MANWIDTH=80 man --warnings aws-session 2>/tmp/deb-check-man.err) || fail "man aws-session failed"
[ ! -s /tmp/deb-check-man.err ] || fail "man aws-session warns: $(cat /tmp/deb-check-man.err)"
grep -q 'aws-session exec' <<<"$page" || fail "the man page has no exec section"

# Each shell finds the file by itself, from its standard place, and completes the commands.
bash --norc -c "source $bash_file && complete -p aws-session" >/dev/null || fail "bash: $bash_file defines no completion"
zsh_fn=$(zsh -fc 'autoload -Uz compinit && compinit -u -d /tmp/deb-check-zcompdump && print -r -- ${_comps[aws-session]}')
rm -f /tmp/deb-check-zcompdump /tmp/deb-check-man.err
[ "$zsh_fn" = _aws-session ] || fail "zsh's compinit does not find _aws-session on its fpath (got '$zsh_fn')"
# Captured first: grep -q would stop reading early, and under pipefail fish's SIGPIPE would fail the check.
fish_words=$(fish -c 'complete -C "aws-session "')
grep -q '^exec' <<<"$fish_words" || fail "fish does not complete aws-session from $fish_file"

say "apt-get remove aws-session"
trap - EXIT
DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq aws-session >/dev/null || fail "apt-get remove aws-session failed"
[ ! -e /usr/bin/aws-session ] || fail "/usr/bin/aws-session is still there after apt-get remove"
[ ! -e "$bash_file" ] || fail "$bash_file is still there after apt-get remove"
say "passed: $deb installs, runs (version $version), documents itself and removes cleanly"
