// Small, typed readers for raw inputs that collect every problem instead of stopping at the first. Shared by the
// common inputs and each provider's own inputs; no AWS import.
import type { InputProblem } from './errors.js';

/** How the action reads one raw input; `core.getInput` in the runner, a map in tests. */
export type InputReader = (name: string) => string;

export class Inputs {
  readonly problems: InputProblem[] = [];

  constructor(readonly read: InputReader) {}

  fail(input: string, message: string): undefined {
    this.problems.push({ input, message });
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

  required(name: string, pattern: RegExp, what: string): string {
    const raw = this.read(name);
    if (raw === '') return this.fail(name, 'is required') ?? '';
    if (!pattern.test(raw)) this.fail(name, `must be ${what}; got "${raw}"`);
    return raw;
  }

  optional(name: string, pattern: RegExp, what: string): string | undefined {
    const raw = this.read(name);
    if (raw === '') return undefined;
    if (!pattern.test(raw)) this.fail(name, `must be ${what}; got "${raw}"`);
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
