import type { MeetingStatus } from './types';

/** What a planner can do to a meeting's status, each by one button. */
export const STATUS_ACTIONS = ['confirm', 'tentative', 'cancel', 'reinstate'] as const;
export type StatusAction = (typeof STATUS_ACTIONS)[number];

/** The status each action leaves. Reinstating makes a meeting tentative: it must be confirmed again, with whoever it was cancelled to. */
export const STATUS_AFTER: Readonly<Record<StatusAction, MeetingStatus>> = {
  confirm: 'confirmed',
  tentative: 'tentative',
  cancel: 'cancelled',
  reinstate: 'tentative',
};

const OFFERED: Readonly<Record<StatusAction, (status: MeetingStatus) => boolean>> = {
  confirm: (s) => s !== 'confirmed' && s !== 'cancelled',
  tentative: (s) => s === 'confirmed' || s === 'proposed',
  cancel: (s) => s !== 'cancelled',
  // A cancelled meeting comes back only by reinstating it, so that it is checked again as tentative first.
  reinstate: (s) => s === 'cancelled',
};

/** The actions that make sense from `status`, in button order. */
export function statusActionsFrom(status: MeetingStatus): StatusAction[] {
  return STATUS_ACTIONS.filter((action) => OFFERED[action](status));
}

export function isStatusAction(value: unknown): value is StatusAction {
  return typeof value === 'string' && (STATUS_ACTIONS as readonly string[]).includes(value);
}
