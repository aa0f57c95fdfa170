#!/usr/bin/env node
/**
 * The leakguard command line: parse the arguments, run one command, turn its result into an exit code.
 * 0 nothing found, 1 secrets found, 2 usage, config or git error (one line, never a stack trace).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { UserError, asUserError } from './errors';
import { HINT_USAGE, USAGE } from './messages';
import { commandHelp } from './help';
import type { ScanOptions } from './commands/scan';
import { guardTerminalOutput } from './report/terminal';
import { FORMATS } from './report/reporter';

const OPTIONS = {
  staged: { type: 'boolean' },
  'pre-push': { type: 'boolean' },
  'all-history': { type: 'boolean' },
  range: { type: 'string' },
  stdin: { type: 'boolean' },
  'stdin-name': { type: 'string' },
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  'no-redact': { type: 'boolean' },
  'no-color': { type: 'boolean' },
  'no-baseline': { type: 'boolean' },
  verify: { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** `rules` lists rules, not findings: no HTML page for it. */
const RULES_FORMATS: readonly string[] = FORMATS.filter((f) => f !== 'html');
const SCAN_HINT = 'Run `leakguard scan --help` for the scan modes and options.';

/** --output must name a file in a folder that exists: said before a long scan, not after it. */
function checkOutput(output: string): void {
  if (!output) throw new UserError('--output needs a file name');
  const dir = path.dirname(path.resolve(output));
  const st = fs.statSync(dir, { throwIfNoEntry: false });
  if (!st)
    throw new UserError(
      `cannot write ${output}: the folder ${dir} does not exist`,
      'Create the folder first, or give --output a path in an existing folder.',
    );
  if (!st.isDirectory()) throw new UserError(`cannot write ${output}: ${dir} is not a folder`);
  if (fs.statSync(output, { throwIfNoEntry: false })?.isDirectory())
    throw new UserError(`cannot write ${output}: it is a folder; give a file name`);
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    const msg = (e as Error).message.split('\n')[0].replace(/\. To specify a positional.*$/, '');
    const command = argv.find((a) => !a.startsWith('-'));
    const hint = command && commandHelp(command) ? `Run \`leakguard ${command} --help\` for its options.` : HINT_USAGE;
    throw new UserError(msg.charAt(0).toLowerCase() + msg.slice(1), hint);
  }
  const { values: v, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (v.version) {
    const { version } = await import('./commands/scan');
    process.stdout.write(`${version()}\n`);
    return 0;
  }
  if (command === 'help' || v.help || !command) {
    const topic = command === 'help' ? (rest[0] ?? (v.help ? 'help' : undefined)) : command;
    const text = topic ? commandHelp(topic) : USAGE;
    if (text === null) throw new UserError(`unknown command "${topic}"`, HINT_USAGE);
    process.stdout.write(`${text}\n`);
    return command || v.help ? 0 : 2;
  }
  if (!commandHelp(command)) throw new UserError(`unknown command "${command}"`, HINT_USAGE);
  const format = v.format ?? 'text';
  const formats = command === 'rules' ? RULES_FORMATS : FORMATS;
  if (!formats.includes(format))
    throw new UserError(
      `--format must be one of ${formats.join(', ')}${command === 'rules' ? ' for rules' : ''}, not "${format}"`,
      `Run \`leakguard ${command} --help\` for its options.`,
    );
  if (v.output !== undefined) checkOutput(v.output);
  const modes = [v.staged, v['pre-push'], v['all-history'], v.range !== undefined, v.stdin].filter(Boolean).length;
  switch (command) {
    case 'scan': {
      if (modes > 1) throw new UserError('choose one of --staged, --pre-push, --all-history, --range and --stdin', SCAN_HINT);
      const o: ScanOptions = {
        staged: v.staged,
        prePush: v['pre-push'],
        allHistory: v['all-history'],
        range: v.range,
        stdin: v.stdin,
        stdinName: v['stdin-name'],
        paths: rest,
        format: format as ScanOptions['format'],
        output: v.output,
        config: v.config,
        redact: !v['no-redact'],
        color: !v['no-color'] && !process.env.NO_COLOR && !v.output && !!process.stdout.isTTY,
        baseline: !v['no-baseline'],
        verify: v.verify,
      };
      if (rest.length && (v.staged || v['all-history'] || v.range || v.stdin))
        throw new UserError(`unexpected argument "${rest[0]}" with this scan mode`, SCAN_HINT);
      return (await import('./commands/scan')).scanCommand(o);
    }
    case 'install':
    case 'uninstall':
      return (await import('./commands/install')).installCommand(command === 'uninstall');
    case 'rules':
      return (await import('./commands/rules')).rulesCommand(format, v.config, rest, v.output);
    case 'explain':
      return (await import('./commands/explain')).explainCommand(rest[0], v.config);
    case 'fix':
      return (await import('./commands/fix')).fixCommand(!!v.yes, v.config);
    case 'baseline':
      return (await import('./commands/baseline')).baselineCommand({
        paths: [],
        format: 'text',
        config: v.config,
        redact: true,
        color: false,
        baseline: false,
      });
    default:
      throw new UserError(`unknown command "${command}"`, HINT_USAGE);
  }
}

/** Exit as soon as the output is flushed: nothing else may hold a hook up (simple-git lingers after its last call). */
function exit(code: number): void {
  process.exitCode = code;
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

// Before anything is printed: no byte of a file name, author or content may steer the terminal.
guardTerminalOutput(!process.argv.includes('--no-color') && !process.env.NO_COLOR && !!process.stdout.isTTY);

main(process.argv.slice(2)).then(
  (code) => exit(code),
  (e: unknown) => {
    e = asUserError(e);
    if (e instanceof UserError) {
      process.stderr.write(`leakguard: ${e.message}\n${e.hint ? `  ${e.hint}\n` : ''}`);
    } else {
      const err = e as Error;
      process.stderr.write(
        `leakguard: unexpected error: ${err?.message ?? String(e)}\n  This is a bug in leakguard; nothing was let through. Set LEAKGUARD_DEBUG=1 for details.\n`,
      );
      if (process.env.LEAKGUARD_DEBUG) process.stderr.write(`${err?.stack}\n`);
    }
    exit(2);
  },
);
