/** The stdin source: text piped in, scanned as one file named by --stdin-name. */
import type { Emit, SourceStats } from './fragment';
import { textToFragment } from './files';

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function stdinSource(text: string, name: string, emit: Emit): SourceStats {
  const frag = textToFragment(name, text);
  emit(frag);
  return { filesScanned: 1, linesScanned: frag.lines.length, commitsScanned: 0 };
}
