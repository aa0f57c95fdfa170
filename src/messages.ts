/** User-facing strings of the command line, in one place. */

/** The project's home page; the same as package.json "homepage" (a test keeps them equal). */
export const HOMEPAGE = 'https://github.com/leakguard/leakguard#readme';

export const USAGE = `Usage: leakguard <command> [options]

Commands:
  scan --staged               scan the lines added in the index (pre-commit hook)
  scan --pre-push REMOTE URL  scan the commits a push sends (pre-push hook; refs on stdin)
  scan --all-history          scan every commit reachable from any ref
  scan --range A..B           scan the commits of a range
  scan [PATH...]              scan files and folders (default: .)
  scan --stdin [--stdin-name NAME]  scan text on standard input
  install | uninstall         add or remove the pre-commit and pre-push hooks
  rules [PROVIDER|RULE_ID]    list the rules (--format text|json|sarif)
  explain RULE_ID|PROVIDER    print the revoke-and-rotate playbook
  baseline                    record today's findings so that only new ones block
  fix [--yes]                 move staged keys into a git-ignored .env and read them from the environment
  help [COMMAND]              a command's own help, with its options and an example (also: COMMAND --help)

Scan options:
  --format text|json|sarif|html  output format (default text; html: one self-contained page)
  --output FILE               write the report to FILE
  --config FILE               config file (default: .leakguard.json/.yaml or package.json "leakguard")
  --no-redact                 print whole secrets (default: prefix and last 4 characters)
  --no-color                  no colour (also off when stdout is not a terminal or NO_COLOR is set)
  --no-baseline               report findings recorded in the baseline too
  --verify                    ask each provider whether the keys found are live (sends them to the provider's API)

Exit codes: 0 nothing found, 1 secrets found (commit or push blocked), 2 usage, config or git error.
Run \`leakguard COMMAND --help\` for a command's options. Docs: ${HOMEPAGE}`;

export const SKIPPED = (how: string, what: 'commit' | 'push') =>
  `leakguard: skipped (${how}). Nothing was scanned; the secrets check did not run for this ${what}.`;
export const HINT_USAGE = 'Run `leakguard --help` for the commands and options.';
