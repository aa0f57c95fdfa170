@FIND@
# runs: leakguard scan --staged
"$lg" scan --staged || exit $?
