import { StaleVersionError, ValidationError, type Said } from '../../domain/errors';
import { formatTime } from '../../domain/time';
import type { Id } from '../../domain/types';
import { inWriteTransaction } from '../../store/database';
import type { B2BParticipantValues } from '../../store/repositories/b2b-participants';
import type { B2BParticipantRecord, B2BSession } from '../../domain/b2b';
import type { Actor } from '../actor';
import type { B2BContext } from './context';
import { parseB2BInput, participantInputSchema, type ParticipantInput } from './input';
import { resolveBlocks } from './time';
import { message } from '../../messages';
import { storedMessage } from '../../messages/stored';

/**
 * The companies of a session. A company takes part once per session, and a
 * person sits at one company's table: the scheduler keeps companies apart per
 * slot, so one person at two companies could be booked twice at once.
 */
export class B2BParticipantService {
  constructor(private readonly ctx: B2BContext) {}

  list(sessionId: Id): B2BParticipantRecord[] {
    return this.ctx.store.b2bParticipants.list(sessionId);
  }

  get(id: Id): B2BParticipantRecord {
    return this.ctx.participant(id);
  }

  add(actor: Actor, sessionId: Id, raw: unknown): B2BParticipantRecord {
    return inWriteTransaction(this.ctx.store.db, () => {
      const session = this.ctx.session(sessionId);
      const created = this.ctx.store.b2bParticipants.insert(this.toValues(session, parseB2BInput(participantInputSchema, raw), null));
      this.ctx.audit(actor, { action: 'create', entity: 'b2b_participant', id: created.id, forumId: session.forumId, summary: storedMessage(message('audit.summary.b2b-joins', { company: this.ctx.nameOf(created), session: session.title })), before: null, after: created });
      return created;
    });
  }

  update(actor: Actor, id: Id, expectedVersion: number | null, raw: unknown): B2BParticipantRecord {
    return inWriteTransaction(this.ctx.store.db, () => {
      const current = this.ctx.participant(id);
      const session = this.ctx.session(current.sessionId);
      const values = this.toValues(session, parseB2BInput(participantInputSchema, raw), current);
      if (expectedVersion === null || expectedVersion !== current.version) throw new StaleVersionError(current, expectedVersion);
      const updated = this.ctx.store.b2bParticipants.update(id, expectedVersion, values);
      if (!updated) throw new StaleVersionError(this.ctx.participant(id), expectedVersion);
      this.ctx.audit(actor, { action: 'update', entity: 'b2b_participant', id, forumId: session.forumId, summary: storedMessage(message('audit.summary.b2b-participant', { company: this.ctx.nameOf(updated), session: session.title })), before: current, after: updated });
      return updated;
    });
  }

  private toValues(session: B2BSession, input: ParticipantInput, current: B2BParticipantRecord | null): B2BParticipantValues {
    const { store } = this.ctx;
    const fields: Record<string, Said> = {};
    const organization = store.organizations.find(input.organizationId);
    if (!organization) fields.organizationId = message('b2b.participant.organization-missing', {});
    else if (current?.organizationId !== input.organizationId && store.b2bParticipants.list(session.id).some((p) => p.organizationId === input.organizationId)) {
      fields.organizationId = message('b2b.participant.already-in', { organization: organization.name });
    }

    const seen = new Set<Id>();
    for (const personId of input.representativeIds) {
      const person = store.people.find(personId);
      const elsewhere = store.b2bParticipants.representing(session.id, personId);
      if (!person) fields.representativeIds = message('b2b.participant.person-missing', {});
      else if (seen.has(personId)) fields.representativeIds = message('b2b.participant.person-twice', { person: person.fullName });
      else if (elsewhere !== undefined && elsewhere !== current?.id) fields.representativeIds = message('b2b.participant.person-elsewhere', { person: person.fullName, company: this.ctx.nameOf(this.ctx.participant(elsewhere)) });
      if (fields.representativeIds) break;
      seen.add(personId);
    }

    if (!fields.representativeIds && input.seats > input.representativeIds.length) fields.seats = message('b2b.participant.seats-over', { seats: input.seats, representatives: input.representativeIds.length });

    const hasSides = session.sideALabel !== null;
    if (hasSides && input.side === null) fields.side = message('b2b.participant.side-missing', { a: session.sideALabel ?? '', b: session.sideBLabel ?? '' });

    const resolved = resolveBlocks({
      day: session.start.slice(0, 10),
      timeZone: session.timeZone,
      ranges: input.unavailable,
      kind: 'unavailable',
      within: { startUtc: session.startUtc, endUtc: session.endUtc, text: `${formatTime(session.startUtc, session.timeZone)}–${formatTime(session.endUtc, session.timeZone)}` },
    });
    if ('error' in resolved) fields.unavailable = resolved.error;
    if (Object.keys(fields).length || 'error' in resolved) throw new ValidationError(fields);

    return {
      sessionId: session.id,
      organizationId: input.organizationId,
      side: hasSides ? input.side : null,
      sector: input.sector,
      offers: input.offers,
      seeks: input.seeks,
      notes: input.notes,
      unavailable: resolved.blocks,
      representativeIds: input.representativeIds,
      seats: input.seats,
    };
  }
}
