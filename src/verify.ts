/**
 * `--verify`: asks each finding's own provider whether the key is live, with one read-only request that
 * costs nothing (listing models, say). Off unless asked for. The key goes only to the provider's
 * endpoint from the rule data, over HTTPS; the only other place allowed is a loopback address given by
 * LEAKGUARD_VERIFY_ENDPOINTS (for tests against a local fake). One try, a short timeout, nothing logged.
 *
 * Only built-in rules verify, and the endpoint is the one of the built-in rule's own provider: a config
 * rule never does, even when it names a provider or reuses a built-in rule's id (it could otherwise send
 * a GitHub token to whoever it claims to be). The secret must be what the built-in rule itself matches.
 */
import type { Finding } from './engine/finding';
import type { Rule, VerifySpec } from './rules/types';
import { builtinPlaybooks, builtinRules } from './rules/load';
import type { Liveness } from './remediation/liveness';

export type { Liveness };

const TIMEOUT_MS = 2500;

/** Test endpoints: "slug=http://127.0.0.1:PORT,..."; anything not on loopback is ignored. */
export function overrides(): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (process.env.LEAKGUARD_VERIFY_ENDPOINTS ?? '').split(',')) {
    const [slug, url] = part.split('=');
    if (!slug || !url) continue;
    try {
      const u = new URL(url);
      if (['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname)) out.set(slug.trim(), u.origin);
    } catch {
      /* not a URL: ignored */
    }
  }
  return out;
}

function request(spec: VerifySpec, f: Finding, base: string): { url: string; init: RequestInit } | null {
  const headers: Record<string, string> = { Accept: 'application/json', ...(spec.headers ?? {}) };
  let path = spec.path;
  if (spec.auth === 'basic-url') {
    const m = /^[a-z]+:\/\/(\d+):([^@]+)@([A-Za-z0-9_-]+)/.exec(f.matchText);
    if (!m) return null;
    headers.Authorization = `Basic ${Buffer.from(`${m[1]}:${m[2]}`).toString('base64')}`;
    path = path.replace('{cloud}', encodeURIComponent(m[3]));
  } else if (spec.auth === 'bearer') headers.Authorization = `Bearer ${f.secret}`;
  else headers[spec.auth === 'x-api-key' ? 'x-api-key' : 'Api-Key'] = f.secret;
  return { url: base + path, init: { method: spec.method, headers, redirect: 'error' } };
}

/** The built-in rule that itself matches this finding's secret, or null (a config rule's finding). */
export function builtinRuleOf(f: Finding): Rule | null {
  const rule = builtinRules().find((r) => r.id === f.ruleId);
  if (!rule || !builtinPlaybooks()[rule.slug]?.ruleIds.includes(rule.id)) return null;
  const re = new RegExp(rule.pattern, 'g' + (rule.flags ?? ''));
  for (const text of [f.matchText, f.lineText]) {
    for (const m of text.matchAll(re)) if (m[rule.secretGroup ?? (m.length > 1 ? 1 : 0)] === f.secret) return rule;
  }
  return null;
}

export async function verifyFinding(f: Finding): Promise<Liveness> {
  const rule = builtinRuleOf(f);
  if (!rule) return 'unknown';
  const slug = rule.slug;
  const spec = builtinPlaybooks()[slug]?.verify;
  if (!spec) return 'unknown';
  const base = overrides().get(slug) ?? spec.base;
  if (!base.startsWith('https://') && !overrides().has(slug)) return 'unknown';
  const req = request(spec, f, base);
  if (!req) return 'unknown';
  try {
    const res = await fetch(req.url, { ...req.init, signal: AbortSignal.timeout(TIMEOUT_MS) });
    await res.body?.cancel();
    if (spec.live.includes(res.status)) return 'live';
    if (spec.revoked.includes(res.status)) return 'revoked';
    return 'unknown';
  } catch {
    return 'unknown'; // timeout, refused, TLS: we do not know, and we do not retry
  }
}

/** Verifies every distinct secret once, in parallel, and labels the findings. */
export async function verifyAll(findings: Finding[]): Promise<void> {
  const bySecret = new Map<string, Promise<Liveness>>();
  for (const f of findings) if (!bySecret.has(f.secret)) bySecret.set(f.secret, verifyFinding(f));
  for (const f of findings) f.liveness = await bySecret.get(f.secret)!;
}
