/**
 * Files that are machine-written, where key-shaped strings are hashes and bundled code, not secrets:
 * lock files, minified bundles, source maps. Directory scans skip them by default, and catch-all rules
 * never run on them.
 */
const NOISE =
  /(^|\/)(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|Cargo\.lock|poetry\.lock|Pipfile\.lock|composer\.lock|Gemfile\.lock|go\.sum|flake\.lock)$|\.min\.(js|css)$|\.map$/;

export function isNoiseFile(path: string): boolean {
  return NOISE.test(path);
}
