import type { Outcome } from './model.js';

/** A problem with the action's inputs, found before any AWS call. */
export class InputError extends Error {
  constructor(readonly problems: readonly InputProblem[]) {
    super(
      problems.length === 1
        ? describeProblem(problems[0])
        : `${problems.length} inputs are invalid:\n${problems.map((p) => `- ${describeProblem(p)}`).join('\n')}`,
    );
    this.name = 'InputError';
  }
}

export interface InputProblem {
  input: string;
  message: string;
}

function describeProblem(p: InputProblem): string {
  return `Input '${p.input}' ${p.message}`;
}

/**
 * The current AWS state makes the requested change unsafe or impossible (found while planning, before any write).
 * `input` names the input a user should look at, when one is responsible.
 */
export class PlanError extends Error {
  constructor(
    message: string,
    readonly input?: string,
  ) {
    super(input ? `${message} (input '${input}')` : message);
    this.name = 'PlanError';
  }
}

/** What a run that met another writer saw, for its report. */
export interface ConflictDetails {
  /** The split the other writer left in effect, when it could be read. */
  weightsNow?: { stable: number; canary: number };
  /** What now stands for a resource this run changed earlier, replacing that change's own left-behind advice. */
  replaces?: { resource: string; leftBehind: string };
  /** The resource as last read (a service, the revision it runs): the report and outputs show it, not the plan's. */
  observed?: Outcome;
}

/** Another writer changed a resource between our read and our write, or under a change of this run. */
export class ConcurrentModificationError extends Error {
  constructor(
    message: string,
    readonly details: ConflictDetails = {},
  ) {
    super(message);
    this.name = 'ConcurrentModificationError';
  }
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

/** The AWS SDK's error name (e.g. NotFoundException), if the error came from AWS. */
export function awsErrorName(err: unknown): string | undefined {
  if (typeof err === 'object' && err !== null && 'name' in err && typeof err.name === 'string') return err.name;
  return undefined;
}

/** The workflow run was cancelled (the runner sent SIGINT or SIGTERM). */
export class CancelledError extends Error {
  constructor(signal: string) {
    super(`Cancelled (${signal}): the run stopped at the next safe point`);
    this.name = 'CancelledError';
  }
}
