// Shared pieces of the emulator: AWS-style errors, the clock, ids.

export const ACCOUNT = '111122223333';

/** An error the emulator answers with, named as AWS names it; `fields` are further members of its body. */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status?: number,
    readonly fields?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const notFound = (message: string) => new AwsError('NotFoundException', message);

/** ISO 8601, as models whose timestamps have timestampFormat iso8601 (VPC Lattice) carry them. */
export const iso = (ms: number) => new Date(ms).toISOString();

/** Epoch seconds, as the JSON protocols carry timestamps. */
export const epochSeconds = (ms = Date.now()) => Math.round(ms) / 1000;

let counter = 0;
/** Short unique hex id with a prefix, e.g. `srv-1a2b3c4d`. */
export function newId(prefix = '', length = 16): string {
  counter += 1;
  const hex = (
    Date.now().toString(16) +
    counter.toString(16).padStart(6, '0') +
    Math.random().toString(16).slice(2)
  ).slice(-length);
  return `${prefix}${hex.padStart(length, '0')}`;
}

export interface Clock {
  now(): number;
}

export const clone = <T>(value: T): T => structuredClone(value);

/** mulberry32: a small seeded PRNG, so a simulation is repeatable. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
