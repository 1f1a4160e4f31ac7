/**
 * The keys of what a form or API body is told about a field it must change, and
 * of the typed errors' own sentences. `label` names the field in the sentence
 * ('start', 'time zone'); the sentences are in catalogues/<locale>/domain-fields.json.
 */
import type { Message } from './message';

export interface FieldMessages {
  'field.required': { label: string };
  'field.too-long': { label: string; max: number };
  'field.whole-number': { label: string };
  'field.at-least': { label: string; min: number };
  'field.at-most': { label: string; max: number };
  'field.choose-valid': { label: string };
  'field.choose': { label: string };
  'field.choose-from-list': { label: string };
  'field.calendar-date': { label: string; firstYear: number; lastYear: number };
  'field.time-of-day': { label: string };
  'field.time-zone': { label: string };
  'field.date-time': { label: string };
  'field.list-participants': Record<string, never>;
  'field.list-delegations': Record<string, never>;
  'field.list-documents': Record<string, never>;
  /** A field's message about one line of a list (a break, a busy time), counted from 1. */
  'field.on-line': { line: number; said: Message };
}

export interface ErrorMessages {
  'error.fields-need-attention': Record<string, never>;
  'error.conflict-refused': Record<string, never>;
  'error.changed-meanwhile': Record<string, never>;
  'error.not-found': Record<string, never>;
  'error.forbidden': Record<string, never>;
  'error.in-use': { references: string[] };
  'error.storage.busy': Record<string, never>;
  'error.storage.full': Record<string, never>;
  'error.storage.read-only': Record<string, never>;
  'error.storage.io': Record<string, never>;
  /**
   * A sentence written where the error was raised, not yet moved to the
   * catalogue; each one is on the allow-list of
   * tests/unit/no-sentences-in-domain.test.ts until it moves.
   */
  verbatim: { text: string };
}
