// One wording for a change, an outcome and a failure, used by the log, the job summary and the PR comment; and the
// one escaping helper for every value that reaches markdown.
import type { Change, Outcome } from './model.js';

/** What a failed apply did: the change that failed and what happened to the ones before it. */
export interface FailureReport {
  failed: Change;
  reason: string;
  /** The run was cancelled (SIGINT/SIGTERM) rather than failed by AWS. */
  cancelled?: boolean;
  restored: string[];
  kept: string[];
  notRestored: string[];
  leftBehind: string[];
  /** Outcomes of the undos, newest last (the weights they left). */
  undone: Outcome[];
  /** The change that failed was sent but not confirmed (read back, or seen through): traffic may have changed. */
  unconfirmed?: boolean;
  /** The split another writer left in effect, when a concurrent change stopped the run. */
  weightsNow?: { stable: number; canary: number };
  /** What the run last read of a resource another writer changed (the service and the revision it runs now). */
  observed?: Outcome;
}

export const resourceName = (c: Change) => `${c.resource.type} ${c.resource.name}`;

export const transition = (c: Change) => (c.before ? `${c.before} → ${c.after}` : c.after);

export function changeLine(c: Change): string {
  return `${c.action} ${resourceName(c)}: ${transition(c)}`;
}

/** The failure as plain sentences, for the log's one `::error::` line and the summary. */
export function failureLines(f: FailureReport): string[] {
  const lines = [
    f.cancelled
      ? `${f.reason} (at: ${f.failed.action} ${resourceName(f.failed)})`
      : `${f.failed.action} ${resourceName(f.failed)} failed: ${f.reason}`,
  ];
  if (f.restored.length) lines.push(`Traffic restored: ${f.restored.join('; ')}.`);
  if (f.kept.length) lines.push(`Kept on purpose: ${f.kept.join('; ')}.`);
  if (f.notRestored.length) lines.push(`COULD NOT RESTORE (fix by hand): ${f.notRestored.join('; ')}.`);
  if (!f.restored.length && !f.notRestored.length && !f.kept.length && !f.unconfirmed)
    lines.push('Traffic was not changed by this run.');
  if (f.leftBehind.length) lines.push(`Left behind: ${f.leftBehind.join('; ')}.`);
  return lines;
}

const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;

/**
 * Inert markdown for one value: HTML special characters escaped, table pipes escaped, newlines flattened, `@`
 * mentions and bidi controls neutralised, so nothing a value holds can open a tag, a comment or ping anyone.
 */
export function md(value: string | number | undefined): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/\[/g, '&#91;')
    .replace(/\]/g, '&#93;')
    .replace(/@/g, '@\u200b')
    .replace(BIDI, '');
}

/** A value in backticks; backticks inside become quotes so the span cannot be closed early. */
export function code(value: string): string {
  // Inside a code span nothing is markup and entities show literally: only the span's end and the table matter.
  const inert = value
    .replace(/`/g, "'")
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/\|/g, '\\|')
    .replace(BIDI, '');
  return `\`${inert}\``;
}

/** One line, for `core.info` and friends: no newline can start a workflow command. */
export function oneLine(value: string): string {
  return value.replace(/\r?\n|\r/g, ' ⏎ ');
}
