import type { Db } from './database';
import { AuditRepository } from './repositories/audit';
import { AvailabilityRepository } from './repositories/availability';
import { MeetingRepository } from './repositories/meetings';
import { FeedTokenRepository } from './repositories/feed-tokens';
import { FeedStateRepository } from './repositories/feed-state';
import { FeedUidRepository } from './repositories/feed-uids';
import { PrintSnapshotRepository } from './repositories/print-snapshots';
import { OrganizationRepository, PersonRepository } from './repositories/contacts';
import { DelegationRepository } from './repositories/delegations';
import { ForumRepository } from './repositories/forums';
import { ApiTokenRepository, UserRepository } from './repositories/users';
import { RoomRepository, VenueRepository } from './repositories/venues';
import { RoomOccupancyRepository } from './repositories/room-occupancy';
import { b2bRepositories } from './repositories/b2b';
import { ImportRepository } from './repositories/imports';
import { OutcomeRepository } from './repositories/outcome';
import { ForumTransferRepository } from './forum-transfer';
import { ProgrammeSessionRepository } from './repositories/programme-sessions';
import { AgreementRepository } from './repositories/agreements';

/**
 * Every repository over one database handle: the single place the store is
 * wired. `clock` stamps meetings' created/updated/cancelled times (tests pass
 * their own, so "cancelled 31 days ago" can be tested without waiting).
 */
export function createStore(db: Db, clock: () => number = Date.now) {
  return {
    db,
    forums: new ForumRepository(db),
    venues: new VenueRepository(db),
    rooms: new RoomRepository(db),
    roomOccupancy: new RoomOccupancyRepository(db),
    organizations: new OrganizationRepository(db),
    people: new PersonRepository(db),
    delegations: new DelegationRepository(db),
    users: new UserRepository(db),
    apiTokens: new ApiTokenRepository(db),
    audit: new AuditRepository(db),
    meetings: new MeetingRepository(db, clock),
    agreements: new AgreementRepository(db, clock),
    availability: new AvailabilityRepository(db),
    feedTokens: new FeedTokenRepository(db),
    feedState: new FeedStateRepository(db),
    feedUids: new FeedUidRepository(db),
    printSnapshots: new PrintSnapshotRepository(db),
    imports: new ImportRepository(db),
    outcome: new OutcomeRepository(db),
    ...b2bRepositories(db),
    forumTransfer: new ForumTransferRepository(db, clock),
    programmeSessions: new ProgrammeSessionRepository(db, clock),
  };
}

export type Store = ReturnType<typeof createStore>;
