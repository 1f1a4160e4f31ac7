/**
 * The keys of what bulk edits and undo tell a planner: a selection too large
 * or empty, a meeting of the selection that could not be changed, and why an
 * undo is refused, and what a drop on the day grid says of its target.
 * The sentences are in catalogues/<locale>/domain-edits.json.
 */
import type { Message } from './message';

export interface EditMessages {
  'bulk.selection-size': { max: number };
  'bulk.action': Record<string, never>;
  'bulk.mode': Record<string, never>;
  'bulk.not-in-forum': { id: number };
  'bulk.changed-since': { title: string; by: string };
  'undo.range': { max: number };
  'undo.nothing': Record<string, never>;
  /** `summary` is the change's audit summary. */
  'undo.not-undoable': { summary: Message };
  'undo.not-yours': { username: string };
  'undo.changed-since': { title: string; by: string };
  'place.time': Record<string, never>;
  'place.span': { max: number };
  'place.outside-forum': { first: string; last: string };
  'place.room': Record<string, never>;
  'place.status': Record<string, never>;
}
