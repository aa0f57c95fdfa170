/** The folder config is looked for from: the repo root when there is a repo (and git), else the current folder. */
import { Git } from '../git';

export async function findConfigFileRoot(): Promise<string> {
  try {
    const out = await new Git(process.cwd()).tryRaw(['rev-parse', '--show-toplevel']);
    return out?.trim() || process.cwd();
  } catch {
    return process.cwd();
  }
}
