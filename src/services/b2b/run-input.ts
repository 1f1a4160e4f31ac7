import { z } from 'zod';
import { B2B_RUN_MODES } from '../../domain/b2b';
import { field, said } from '../validation';

const blank = (v: unknown) => (v === '' || v === null ? undefined : v);

/** The search's limit when the run names none: a few seconds, as the issue asks. */
export const DEFAULT_TIME_BUDGET_MS = 3000;
/** At most this many applied meetings a "Place new requests" run may move. */
export const MAX_MOVE_LIMIT = 500;

/** What a run may be told: its mode, how many applied meetings it may move, and its time budget. Each bounded, with a field message. */
export const runInputSchema = z.object({
  mode: z.preprocess(blank, z.enum(B2B_RUN_MODES, { error: said('b2b.run.mode-choice', {}) }).optional()),
  moveLimit: z.preprocess(blank, field.int('move limit', { min: 0, max: MAX_MOVE_LIMIT }).optional()),
  timeBudgetMs: z.preprocess(blank, field.int('time budget in milliseconds', { min: 50, max: 30_000 }).optional()),
});
export type RunInput = z.output<typeof runInputSchema>;
