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
    query.set('to', day);
  }
  query.set('where', 'any');
  if (people.length) query.set('minSeats', String(new Set(people.map((p) => String(p.personId))).size));
  if (source.title) query.set('title', source.title);
  query.set('find', '1');
  return `/forums/${forumId}/find-time?${query.toString()}`;
}
