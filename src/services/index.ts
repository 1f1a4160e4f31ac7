import type { Config } from '../config';
import type { Store } from '../store';
import { AccountService } from './accounts';
import { AuditService } from './audit';
import { HashQueue } from './accounts/hash-queue';
import { SignInThrottle } from './accounts/sign-in-throttle';
import { DEFAULT_SCRYPT, type ScryptParams } from './accounts/passwords';
import { createReferenceServices } from './reference';
import { ForumDirectory } from './reference/forum-directory';
import { MeetingService } from './meetings';
import { AvailabilityService } from './availability';
import { ProgrammeViews } from './meetings/programme-views';
import { FeedService } from './feeds';
import { AgendaService } from './agendas';
import { DayGridService } from './day-grids';
import { createB2BServices } from './b2b';
import { TimeFinderService } from './time-finder';

export interface ServiceOptions {
  config: Pick<Config, 'feedRefreshMinutes' | 'feedCancelledDays' | 'publicUrl'> & Partial<Pick<Config, 'allowedHosts'>>;
  scrypt?: ScryptParams;
  clock?: () => number;
  /** How sign-in delays wait (tests pass one that does not sleep). */
  wait?: (ms: number) => Promise<void>;
}

/** Builds every service over one store: the single wiring place for use cases. */
export function createServices(store: Store, options: ServiceOptions) {
  const clock = options.clock ?? Date.now;
  const reference = createReferenceServices(store, clock);
  const accounts = new AccountService(store, options.scrypt ?? DEFAULT_SCRYPT, clock, new HashQueue(), new SignInThrottle(clock, options.wait));
  const audit = new AuditService(store, reference);
  const directory = new ForumDirectory(store, clock);
  const meetings = new MeetingService(store, clock);
  const availability = new AvailabilityService(store, clock);
  const views = new ProgrammeViews(store);
  const feeds = new FeedService(store, views, { refreshMinutes: options.config.feedRefreshMinutes, cancelledDays: options.config.feedCancelledDays }, clock);
  return {
    store,
    config: options.config,
    clock,
    ...reference,
    accounts,
    audit,
    directory,
    meetings,
    availability,
    views,
    feeds,
    agendas: new AgendaService(store, feeds, meetings, views, clock),
    grids: new DayGridService(store, views, meetings),
    timeFinder: new TimeFinderService(store),
    b2b: createB2BServices(store, { meetings, feeds, clock }),
  };
}

export type Services = ReturnType<typeof createServices>;
