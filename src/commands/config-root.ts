/** The folder config is looked for from: the repo root when there is a repo (and git), else the current folder. */
import { Git } from '../git';

export async function findConfigFileRoot(): Promise<string> {
  return (await new Git(process.cwd()).repoRootOrNull()) ?? process.cwd();
}
