import type { Notice } from './fragment';

/**
 * Directory scans do not read files over this size (the report says so). Git sources read such blobs
 * whole as a stream instead of diffing them (staged.ts sets core.bigFileThreshold to it).
 */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export function tooBig(file: string, size: number): Notice {
  return { file, reason: `${(size / 1048576).toFixed(1)} MiB, over the ${MAX_FILE_BYTES / 1048576} MiB limit: not scanned` };
}
