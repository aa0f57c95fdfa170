@FIND@
# runs: leakguard scan --pre-push
"$lg" scan --pre-push "$@" || exit $?
