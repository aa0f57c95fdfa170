import type { Notice } from './fragment';

/** Files over this size are not read by any source; the report says so. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export function tooBig(file: string, size: number): Notice {
  return { file, reason: `${(size / 1048576).toFixed(1)} MiB, over the ${MAX_FILE_BYTES / 1048576} MiB limit: not scanned` };
}
