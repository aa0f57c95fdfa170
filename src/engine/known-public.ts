/**
 * Keys that providers publish on purpose: the test keys of their API references and the example keys
 * shipped in their SDKs' sample apps. Anyone can read them, so they are reported at low severity
 * with a note, not as leaks. Stored as SHA-256 prefixes so this file holds no key-shaped strings.
 */
import { createHash } from 'node:crypto';

const KNOWN = new Set([
  // Stripe API reference and older docs: the shared test-mode secret and publishable keys
  '2cafc0970149a84f3b9e62eaf169f36f',
  'b1471f544ceeea31333bde7e1ecbaad6',
  'f2d6ca16515033e5dce14eba840b979d',
  '5895b89c8fb33402a5bfc23aad5aaf86',
  // Slack API docs: the bot token used in examples
  '2ddc147f3a3b5a1722b8ed6be3c45c49',
  // firebase-android-sdk sample apps: the example web API keys in google-services.json files
  '27a9a42931dff7eb2f8434e20a9bce97',
  '49f777db995e8260da7ca9ffdf0c08d6',
  'a6c814bc555ae62c7bd8b58ec07bf559',
  '8731261cb72d86267a32a532ebd3df42',
  '37f8f09bdf12c2f2eae4ead7273a62dd',
  'eb540d2b6ee2a0a47c5779bc8a014178',
  '2037abcaffb2b77785da716cf7ccff4f',
  '3a8b61d0f636b007840c0d40ba12bcf4',
  '4c98242dcadc8b29005c6b4aad526552',
  'ea9bb1082cf95663f5faca23b8b15ef2',
  '3f370c9dd8225c63b5c77de1f785edc9',
  'a19f89ab3555eac10c40741f6df79ecf',
  'e4a5542bb7fd7b67e943c71ad29c34b5',
  'dc0fcf046c61640cbd1e8b999ada3262',
  'f56e323494a6ffc2064e7a955908957d',
  '0b476bdf9acf2123d547b5ae76f1e598',
]);

export function isKnownPublicKey(secret: string): boolean {
  return KNOWN.has(createHash('sha256').update(secret).digest('hex').slice(0, 32));
}
