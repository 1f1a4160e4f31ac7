import type { Store } from '../../src/store';
import type { Id } from '../../src/domain/types';

/** The UID a meeting is published under: stored per meeting, since it differs per installation. */
export function meetingUid(store: Store, meetingId: Id): string {
  const uid = store.feedUids.ofMeetings([meetingId]).get(meetingId);
  if (!uid) throw new Error(`meeting ${meetingId} has no UID`);
  return uid;
}
