import { AgreementService } from './agreements';
import type { Config } from '../config';
import type { Store } from '../store';
import { AccountService, HashQueue, SignInThrottle, DEFAULT_SCRYPT, type ScryptParams } from './accounts';
import { AuditService } from './audit';
import { createReferenceServices, ForumDirectory } from './reference';
import { ConflictThread, MeetingService, ProgrammeEdits, ProgrammeViews } from './meetings';
import { AvailabilityService } from './availability';
import { FeedService } from './feeds';
import { AgendaService } from './agendas';
import { ProgrammeService } from './programme';
import { OutcomeService } from './outcome';
import { DayGridService } from './day-grids';
import { createB2BServices } from './b2b';
import { programmeCache, type DerivedCacheLimits } from './derived-cache';
import { StorageService } from './storage';
import { TimeFinderService } from './time-finder';
import { BoardService } from './board';
import { PageCache } from './page-cache';
import { ForumTransferService } from './forum-transfer';
import { ForumProgrammeService } from './forum-programme';

export interface ServiceOptions {
  config: Pick<Config, 'feedRefreshMinutes' | 'feedCancelledDays' | 'publicUrl'> & Partial<Pick<Config, 'allowedHosts' | 'cacheBytes' | 'exportMaxRows' | 'importCalendarHosts'>>;
  scrypt?: ScryptParams;
  clock?: () => number;
  /** How sign-in delays wait (tests pass one that does not sleep). */
  wait?: (ms: number) => Promise<void>;
  /** The bounds of the derived-view cache (the languages bench sets them to nothing, to time every build). */
  derivedLimits?: DerivedCacheLimits;
  /**
   * Make the whole-forum conflict report on a worker thread when it is not kept (meetings/off-thread.ts):
   * the server does; tests that do not look at it compute in process and start no thread.
   */
  conflictThread?: boolean;
}

/** Builds every service over one store: the single wiring place for use cases. */
export function createServices(store: Store, options: ServiceOptions) {
  const clock = options.clock ?? Date.now;
  const reference = createReferenceServices(store, clock);
  const accounts = new AccountService(store, options.scrypt ?? DEFAULT_SCRYPT, clock, new HashQueue(), new SignInThrottle(clock, options.wait));
  const audit = new AuditService(store, reference);
  // One cache of derived views for the whole process, so its bound holds for all of them together.
  const derived = programmeCache(store, options.derivedLimits);
  const directory = new ForumDirectory(store, clock, derived);
  const conflictThread = options.conflictThread ? new ConflictThread() : null;
  const meetings = new MeetingService(store, clock, derived, conflictThread);
  const availability = new AvailabilityService(store, clock);
  const views = new ProgrammeViews(store);
  const feeds = new FeedService(store, views, { refreshMinutes: options.config.feedRefreshMinutes, cancelledDays: options.config.feedCancelledDays, cacheBytes: options.config.cacheBytes }, clock);
  const agendas = new AgendaService(store, feeds, meetings, views, clock);
  return {
    store,
    config: options.config,
    clock,
    ...reference,
    accounts,
    audit,
    directory,
    meetings,
    edits: new ProgrammeEdits(store, meetings),
    availability,
    views,
    feeds,
    agendas,
    programmes: new ProgrammeService(store, agendas),
    outcome: new OutcomeService(store, derived, clock),
    grids: new DayGridService(store, views, meetings, derived),
    timeFinder: new TimeFinderService(store),
    board: new BoardService(store),
    b2b: createB2BServices(store, { meetings, feeds, clock }),
    storage: new StorageService(store),
    forumTransfer: new ForumTransferService(store, clock),
    forumProgramme: new ForumProgrammeService(store, meetings, clock, options.config.importCalendarHosts ?? []),
    /** The agreements register and "mark held" (issue 17). */
    agreements: new AgreementService(store, clock),
    /** The conflict worker, when there is one: server.ts ends it at shutdown. */
    conflictThread,
    // Rendered pages (CACHE_MB, like the feeds; unset: 32 MB), apart from the derived views they are made from.
    pages: new PageCache(() => audit.head(), options.config.cacheBytes),
  };
}

export type Services = ReturnType<typeof createServices>;
