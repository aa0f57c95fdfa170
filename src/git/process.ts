/** Child processes: the one place outside the Git class that spawns (a language's syntax checker for fix and install). */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

/**
 * Collects a child's stdout and stderr after writing `input` to its stdin; resolves with both and the exit code,
 * or with null when the program could not be started.
 */
export function collect(
  child: ChildProcessWithoutNullStreams,
  input: string | Buffer,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: Buffer; err: Buffer; error?: Error }> {
  return new Promise((resolve) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', (error) => resolve({ code: null, signal: null, out: Buffer.concat(out), err: Buffer.concat(err), error }));
    child.on('close', (code, signal) => resolve({ code, signal, out: Buffer.concat(out), err: Buffer.concat(err) }));
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}

export interface ProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs another program with `input` on stdin (a language's own syntax checker, for `fix` and `install`).
 * Resolves null when the program is not installed or does not finish within 20 s; never throws.
 */
export async function runProcess(cmd: string, args: string[], input: string | Buffer, cwd?: string): Promise<ProcessResult | null> {
  let child;
  try {
    child = spawn(cmd, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'], timeout: 20000 });
  } catch {
    return null;
  }
  const r = await collect(child, input);
  if (r.error || r.signal) return null;
  return { code: r.code ?? 1, stdout: r.out.toString('utf8'), stderr: r.err.toString('utf8') };
}
