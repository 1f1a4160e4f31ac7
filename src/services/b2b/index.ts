import type { Store } from '../../store';
import { B2BContext } from './context';
import { B2BLinkService } from './links';
import { B2BParticipantService } from './participants';
import { B2BRequestService } from './requests';
import { B2BSchedulingService } from './scheduling';
import { B2BSessionService } from './sessions';
import { B2BViews } from './views';
import type { FeedService } from '../feeds';
import type { MeetingService } from '../meetings';

// The folder's public face: what files outside it import from its inner files.
export { PRIORITIES } from './input';
export { linkActor, REQUEST_ACTIONS, type RequestAction, type B2BActing } from './requests';
export type { ApplyResult } from './scheduling';
export { MAX_MOVE_LIMIT } from './run-input';
export { blocksAsText } from './time';
export { B2BViews, type SessionOverview } from './views';

/** The B2B use cases over one store, wired once: services.b2b.sessions, .participants, .requests, .scheduling, .links, .views. */
export function createB2BServices(store: Store, deps: { meetings: MeetingService; feeds: FeedService; clock: () => number }) {
  const ctx = new B2BContext(store, deps.clock);
  const sessions = new B2BSessionService(ctx);
  const scheduling = new B2BSchedulingService(ctx, sessions, deps.meetings);
  return {
    sessions,
    participants: new B2BParticipantService(ctx),
    requests: new B2BRequestService(ctx, deps.meetings),
    scheduling,
    links: new B2BLinkService(ctx, deps.feeds),
    views: new B2BViews(ctx, sessions, scheduling),
  };
}

