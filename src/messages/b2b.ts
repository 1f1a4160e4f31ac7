/**
 * The keys of what the B2B engine tells a planner: why a request has no table,
 * why a pin is refused, what is wrong with the input or the time grid. Names
 * arrive as the engine calls them; the sentences are in catalogues/<locale>/domain-b2b.json.
 */
import type { Message } from './message';

/** A slot as a sentence names it: its start on the forum's clock, or (without a zone) its number from 1. */
export type SlotRef = { time: string } | { number: number };

/** A meeting named by its two companies. */
interface Pair {
  a: string;
  b: string;
}

export interface B2BMessages {
  'b2b.unplaced.participant-busy': Pair & { neither: boolean; who: string; labels: string[] };
  'b2b.unplaced.no-common-free-slot': Pair & { slots: number; busyA: number; labelsA: string[]; busyB: number; labelsB: string[] };
  'b2b.unplaced.no-free-table': Pair & { at: SlotRef; otherSlots: number; tables: number };
  'b2b.unplaced.participants-booked': Pair & { common: number; meetings: Array<{ who: string; meets: string; at: SlotRef }> };
  'b2b.request.self': { name: string };
  /** A refused pin: `problem` says which rule it breaks, and the sentence says what to do. */
  'b2b.pin.refused': { problem: Message };
  'b2b.pin.no-such-slot': Pair & { slotIndex: number; slots: number };
  'b2b.pin.no-such-table': Pair & { table: number; tables: number };
  'b2b.pin.busy': Pair & { at: SlotRef; busy: string; label: string | null };
  'b2b.pin.booked': Pair & { at: SlotRef; booked: string; other: string };
  'b2b.pin.table-taken': Pair & { table: number; at: SlotRef };
  'b2b.input.no-tables': Record<string, never>;
  'b2b.input.busy-reversed': { name: string };
  'b2b.input.unknown-participant': { request: number; participant: number };
  'b2b.input.pinned-twice': { request: number };
  'b2b.input.pin-not-accepted': { request: number };
  'b2b.input.duplicate': { what: 'slot index' | 'participant id' | 'request id'; value: string };
  'b2b.grid.needs-times': Record<string, never>;
  'b2b.grid.end-before-start': Record<string, never>;
  'b2b.grid.slot-length': Record<string, never>;
  'b2b.grid.changeover': Record<string, never>;
  'b2b.grid.break-reversed': { number: number };
  'b2b.grid.needs-attention': { problems: Message[] };
}
