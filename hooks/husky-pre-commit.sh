if command -v leakguard >/dev/null 2>&1; then leakguard scan --staged || exit $?; else echo "leakguard: not installed (npm i -D leakguard); this commit was not checked for secrets." >&2; exit 1; fi
