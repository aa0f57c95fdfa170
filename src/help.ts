/** Each command's own help: what it does, its options, one example. `leakguard CMD --help` or `leakguard help CMD`. */

const COMMON = `  -c, --config FILE            config file (default: .leakguard.json/.yaml or package.json "leakguard" at the repo root)
  -h, --help                   this help`;

export const COMMAND_HELP: Record<string, string> = {
  scan: `Usage: leakguard scan [MODE] [options] [PATH...]

Scan for secrets. Exit 0 nothing found, 1 secrets found, 2 usage, config or git error.

Modes (choose one; default: the files and folders given, or .):
  --staged                     the lines added in the index (what the pre-commit hook runs)
  --pre-push [REMOTE [URL]]    the commits a push sends; git's ref lines on stdin (pre-push hook)
  --all-history                every commit reachable from any ref
  --range A..B                 the commits of a range (e.g. a pull request: origin/main..HEAD)
  --stdin [--stdin-name NAME]  text on standard input
  PATH...                      files and folders on disk, in any repository or none

Options:
  --format text|json|sarif|html  report format (default text); a clean scan prints one summary line on stderr
  -o, --output FILE            write the report to FILE instead of stdout
  --no-redact                  print whole secrets (default: a prefix and the last 4 characters)
  --no-color                   no colour (also off when stdout is not a terminal or NO_COLOR is set)
  --no-baseline                report findings recorded in the baseline too
  --verify                     ask each key's own provider whether it is live (sends the key to that provider)
${COMMON}

--all-history and --range remember the commits they found clean in .git/leakguard/clean-commits: the
next audit of the clone reads only the others. LEAKGUARD_HISTORY_CACHE=off reads every commit, writes nothing.

Example:
  leakguard scan --all-history --format sarif --output leakguard.sarif`,

  install: `Usage: leakguard install [options]

Add the pre-commit and pre-push hooks to this repository: husky's .husky folder when the repo uses husky,
otherwise git's hooks folder. A hook that is already there is kept and runs first.

Options:
${COMMON}

Example:
  npx leakguard install`,

  uninstall: `Usage: leakguard uninstall [options]

Remove the pre-commit and pre-push hooks that \`leakguard install\` added; a hook that was there before is put back.

Options:
${COMMON}

Example:
  npx leakguard uninstall`,

  fix: `Usage: leakguard fix [--yes] [options]

Move the staged keys into a git-ignored .env file, make the code read each one from its environment variable
(e.g. OPENAI_API_KEY, AWS_SECRET_ACCESS_KEY), and re-stage the changed files. Shows the change and asks first.

Options:
  -y, --yes                    apply without asking
${COMMON}

Example:
  git add . && leakguard fix --yes`,

  baseline: `Usage: leakguard baseline [options]

Record the findings in today's files and in the history so that only new ones block (for adopting leakguard on an old repository).
Recorded keys are still keys: rotate them when you can. \`leakguard scan --no-baseline\` shows them again.

Options:
${COMMON}

Example:
  leakguard baseline && git add .leakguard-baseline.json`,

  explain: `Usage: leakguard explain RULE_ID|PROVIDER [options]

Print the whole revoke-and-rotate playbook for a rule or a provider: where to create a new key, how to revoke
the old one, how to check for misuse, and which environment variable the key usually lives in.

Options:
${COMMON}

Example:
  leakguard explain openai`,

  rules: `Usage: leakguard rules [PROVIDER|RULE_ID...] [--format text|json|sarif] [options]

List the rules: id, provider and what each matches. Give provider names or rule ids to list only those.

Options:
  --format text|json|sarif     text (default), json (with each provider's playbook) or SARIF (tool.driver.rules)
${COMMON}

Example:
  leakguard rules openai --format json`,

  help: `Usage: leakguard help [COMMAND]

Print the help of a command, or the list of commands.

Example:
  leakguard help scan`,
};

/** The help of `command`, or null when there is no such command. */
export function commandHelp(command: string): string | null {
  return Object.prototype.hasOwnProperty.call(COMMAND_HELP, command) ? COMMAND_HELP[command] : null;
}
