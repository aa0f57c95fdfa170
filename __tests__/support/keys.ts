/** Fake keys in each seed provider's shape, built at test time from the rule examples' syntax. */
import { expand } from '../../scripts/fixtures/generate';

const SHAPES: Record<string, string> = {
  openai: 'sk-proj-{b64url:74}T3BlbkFJ{b64url:74}',
  anthropic: 'sk-ant-api03-{b64url:93}AA',
  cohere: '{alnum:40}',
  pinecone: 'pcsk_{alnum:6}_{alnum:63}',
  cloudinary: 'cloudinary://{nz}{digits:14}:{b64url:27}@{lower:8}',
};

export function fakeKey(provider: keyof typeof SHAPES, seed = 'test'): string {
  return expand(SHAPES[provider], `${provider}:${seed}`);
}

/** A line of code holding the key, in the context its rule needs. */
export function fakeLine(provider: keyof typeof SHAPES, seed = 'test'): string {
  const k = fakeKey(provider, seed);
  return provider === 'cohere' ? `co = cohere.Client("${k}")` : provider === 'pinecone' ? `PINECONE_API_KEY=${k}` : `KEY="${k}"`;
}
