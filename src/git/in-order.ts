/**
 * Hands a child's output to `onData` one chunk at a time, in order, waiting while a promise it returned is
 * pending. Pausing the stream is not enough on its own: a chunk or two read before the pause still arrive
 * (seen on the first chunks of a short `git log`), and would overtake the one whose promise is pending.
 * Those are queued here, and the stream is resumed once the queue is empty.
 */
import type { Readable } from 'node:stream';

export interface InOrder {
  /** Resolves once every chunk received so far has been handed on and its promise has settled. */
  idle(): Promise<void>;
}

export function inOrder(out: Readable, onData: (chunk: Buffer) => void | Promise<void>, stop: (e: unknown) => void): InOrder {
  const queue: Buffer[] = [];
  let pending: Promise<void> | null = null;
  let stopped = false;
  const fail = (e: unknown) => {
    stopped = true;
    queue.length = 0;
    stop(e);
  };
  const hand = (d: Buffer): void => {
    try {
      const wait = onData(d);
      if (!wait) return;
      out.pause();
      pending = wait.then(
        () => {
          pending = null;
          while (!pending && !stopped && queue.length) hand(queue.shift()!);
          if (!pending && !stopped) out.resume();
        },
        (e: unknown) => {
          pending = null;
          fail(e);
        },
      );
    } catch (e) {
      fail(e);
    }
  };
  out.on('data', (d: Buffer) => {
    if (stopped) return;
    if (pending) queue.push(d);
    else hand(d);
  });
  return {
    idle: async () => {
      while (pending) await pending;
    },
  };
}
