/** The names a rule may give as `check:` (see checks.ts). Kept apart so validating a config does not load the checks. */
export const CHECK_NAMES = [
  'pem-block',
  'pem-inline',
  'der-body',
  'url-credential',
  'generic-secret',
  'hex-secret',
  'near-cloudinary',
  'firebase-web-config',
  'known-public',
  'near-openai',
  'service-account-json',
  'web-page-key',
] as const;
export type CheckName = (typeof CHECK_NAMES)[number];
