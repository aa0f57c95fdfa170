/** How code in each language reads an environment variable, by file extension (used in advice and by `fix`). */
const BY_EXT: Record<string, (v: string) => string> = {
  js: (v) => `process.env.${v}`,
  mjs: (v) => `process.env.${v}`,
  cjs: (v) => `process.env.${v}`,
  ts: (v) => `process.env.${v}`,
  tsx: (v) => `process.env.${v}`,
  jsx: (v) => `process.env.${v}`,
  py: (v) => `os.environ["${v}"]`,
  go: (v) => `os.Getenv("${v}")`,
  rb: (v) => `ENV["${v}"]`,
  sh: (v) => `"$${v}"`,
  bash: (v) => `"$${v}"`,
  zsh: (v) => `"$${v}"`,
  yaml: (v) => `\${${v}}`,
  yml: (v) => `\${${v}}`,
  java: (v) => `System.getenv("${v}")`,
  kt: (v) => `System.getenv("${v}")`,
  cs: (v) => `Environment.GetEnvironmentVariable("${v}")`,
  php: (v) => `getenv('${v}')`,
  rs: (v) => `std::env::var("${v}")`,
  swift: (v) => `ProcessInfo.processInfo.environment["${v}"]`,
};

export function envReadFor(file: string, envVar: string): string | null {
  const ext = file.toLowerCase().split('.').pop() ?? '';
  const f = BY_EXT[ext];
  return f ? f(envVar) : null;
}
