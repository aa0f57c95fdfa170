lg_pkg=@PKG@; lg_bin=@BIN@; lg=
for lg_c in "./${lg_pkg:+$lg_pkg/}node_modules/.bin/leakguard" ./node_modules/.bin/leakguard "$lg_bin"; do
  if [ -n "$lg_c" ] && [ -x "$lg_c" ]; then lg=$lg_c; break; fi
done
if [ -z "$lg" ] && command -v leakguard >/dev/null 2>&1; then lg=leakguard; fi
if [ -z "$lg" ]; then
  echo "leakguard: not installed, so this @WHAT@ was not checked for secrets. Install it with 'npm i -D leakguard' (or 'npm i -g leakguard'), or remove the hook with 'leakguard uninstall'." >&2
  exit 1
fi
