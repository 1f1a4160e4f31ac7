import type { Db } from '../database';
import { B2BParticipantRepository } from './b2b-participants';
import { B2BProposalRepository } from './b2b-proposals';
import { B2BRequestRepository } from './b2b-requests';
import { B2BScheduleRepository } from './b2b-schedule';
import { B2BSessionRepository } from './b2b-sessions';

/** The B2B repositories, spread into createStore. */
export function b2bRepositories(db: Db) {
  return {
    b2bSessions: new B2BSessionRepository(db),
    b2bParticipants: new B2BParticipantRepository(db),
    b2bRequests: new B2BRequestRepository(db),
    b2bSchedule: new B2BScheduleRepository(db),
    b2bProposals: new B2BProposalRepository(db),
  };
}
