// Small, typed readers for raw inputs that collect every problem instead of stopping at the first. Shared by the
// common inputs and each provider's own inputs; no AWS import.
import type { InputProblem } from './errors.js';

/** How the action reads one raw input; `core.getInput` in the runner, a map in tests. */
export type InputReader = (name: string) => string;

// C0 controls other than tab and newline, DEL, C1 controls, and the bidi overrides/isolates.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

export class Inputs {
  readonly problems: InputProblem[] = [];

  /** Inputs given that this run does not use: ignored, and said as warnings (one workflow passes one set to all). */
  readonly ignored: InputProblem[] = [];

  readonly read: InputReader;

  /** Every raw value passes here once: bidi and other control characters are refused, whatever the input. */
  constructor(raw: InputReader) {
    const checked = new Set<string>();
    this.read = (name) => {
      const value = raw(name);
      if (!checked.has(name) && UNSAFE.test(value))
        this.fail(name, 'must not contain control or bidirectional-override characters');
      checked.add(name);
      return value;
    };
  }

  fail(input: string, message: string): undefined {
    this.problems.push({ input, message });
    return undefined;
  }

  ignore(input: string, message: string): undefined {
    this.ignored.push({ input, message });
    return undefined;
  }

  given(name: string): boolean {
    return this.read(name) !== '';
  }

  bool(name: string, fallback: boolean): boolean {
    const raw = this.read(name);
    if (raw === '') return fallback;
    if (['true', 'True', 'TRUE'].includes(raw)) return true;
    if (['false', 'False', 'FALSE'].includes(raw)) return false;
    this.fail(name, `must be true or false; got "${raw}"`);
    return fallback;
  }

  reported(name: string): boolean {
    return this.problems.some((p) => p.input === name);
  }

  required(name: string, pattern: RegExp, what: string): string {
    const raw = this.read(name);
    if (raw === '') return this.fail(name, 'is required') ?? '';
    if (!pattern.test(raw) && !this.reported(name)) this.fail(name, `must be ${what}; got "${raw}"`);
    return raw;
  }

  optional(name: string, pattern: RegExp, what: string): string | undefined {
    const raw = this.read(name);
    if (raw === '') return undefined;
    if (!pattern.test(raw) && !this.reported(name)) this.fail(name, `must be ${what}; got "${raw}"`);
    return raw;
  }

  integer(name: string, min: number, max: number, fallback: number | undefined): number | undefined {
    const raw = this.read(name);
    if (raw === '') return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      return this.fail(name, `must be a whole number from ${min} to ${max}; got "${raw}"`);
    }
    return Number(raw);
  }

  /** Refuses inputs that belong to another provider, naming each one given. */
  refuse(names: readonly string[], why: string): void {
    for (const name of names) if (this.given(name)) this.fail(name, why);
  }
}
