/**
 * Links into "Find a time" (/forums/:id/find-time) from where a planner meets
 * a clash: a refused save, a conflict on the conflicts page. The same people
 * (optional ones stay optional), the same length, on the same day, in any
 * room that seats them.
 */
export interface FindTimeSource {
  participants: readonly { personId: string | number; role: string }[];
  /** Wall-clock 'YYYY-MM-DDTHH:mm' readings. */
  start: string;
  end: string;
  title?: string;
  /** The last day to search, when it is not the start's day (the board's all-days view). */
  lastDay?: string;
}

const MINUTE = 60_000;

export function findTimeHref(forumId: number, source: FindTimeSource): string {
  const query = new URLSearchParams();
  const people = source.participants.filter((p) => String(p.personId).trim() !== '');
  for (const p of people) query.append(p.role === 'optional' ? 'optional' : 'person', String(p.personId));
  const start = Date.parse(`${source.start.slice(0, 16)}:00Z`);
  const end = Date.parse(`${source.end.slice(0, 16)}:00Z`);
  const minutes = Math.round((end - start) / MINUTE);
  if (Number.isFinite(minutes) && minutes > 0) query.set('duration', String(minutes));
  const day = source.start.slice(0, 10);
  if (/^\d{4}-\d{2}-\d{2}$/.test(day)) {
    query.set('from', day);
    query.set('to', source.lastDay && /^\d{4}-\d{2}-\d{2}$/.test(source.lastDay) && source.lastDay >= day ? source.lastDay : day);
  }
  query.set('where', 'any');
  if (people.length) query.set('minSeats', String(new Set(people.map((p) => String(p.personId))).size));
  if (source.title) query.set('title', source.title);
  query.set('find', '1');
  return `/forums/${forumId}/find-time?${query.toString()}`;
}

/** A new meeting to plan: who (the first becomes principal when they head the delegation; optional ones stay optional), when, where. */
export interface PlannedMeeting {
  participants: readonly (string | number)[];
  optional?: readonly (string | number)[];
  /** Wall-clock 'YYYY-MM-DDTHH:mm' readings in the forum's zone. */
  start: string;
  end: string;
  roomId?: number | null;
  place?: string;
  title?: string;
}

/**
 * The new-meeting form filled in (read back by `prefillFromQuery` in
 * web/meeting-form.ts): a finder's "Plan this", a board's "Plan a meeting here".
 */
export function planMeetingHref(forumId: number, plan: PlannedMeeting): string {
  const query = new URLSearchParams({ start: plan.start, end: plan.end });
  if (plan.roomId !== undefined && plan.roomId !== null) query.set('roomId', String(plan.roomId));
  else if (plan.place) query.set('place', plan.place);
  if (plan.title?.trim()) query.set('title', plan.title.trim());
  for (const id of plan.participants) query.append('participant', String(id));
  for (const id of plan.optional ?? []) query.append('optional', String(id));
  return `/forums/${forumId}/meetings/new?${query.toString()}`;
}
