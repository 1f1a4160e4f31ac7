import { compareKeys, pageOfSorted } from '../../domain/keyset';
import { API_PAGE_SIZE, pagerOf, readPageRequest, sendPageHeaders } from '../list-query';
import { Router, type Response } from 'express';
import type { Services } from '../../services';
import type { RequestAction } from '../../services/b2b';
import type { B2BParticipantRecord, B2BProposal, B2BRequestRecord, B2BSession, B2BTimeBlock } from '../../domain/b2b';
import { actorOf, idParam } from '../form';
import { isoUtc, unplacedJson } from '../presenters';
import { sendRecord } from './api-versions';

const blockJson = (b: B2BTimeBlock) => ({ start: b.start, end: b.end, startUtc: isoUtc(b.startUtc), endUtc: isoUtc(b.endUtc), label: b.label });

function sessionJson(s: B2BSession) {
  return { ...s, startUtc: isoUtc(s.startUtc), endUtc: isoUtc(s.endUtc), breaks: s.breaks.map(blockJson) };
}

function participantJson(p: B2BParticipantRecord) {
  return { ...p, unavailable: p.unavailable.map(blockJson) };
}

function requestJson(r: B2BRequestRecord) {
  const { pinSlotIndex, pinTable, ...rest } = r;
  return { ...rest, pin: pinSlotIndex === null ? null : { slotIndex: pinSlotIndex, table: pinTable }, answeredAt: r.answeredAt === null ? null : isoUtc(r.answeredAt), createdAt: isoUtc(r.createdAt), updatedAt: isoUtc(r.updatedAt) };
}

/** A proposal as the API shows it: what the run would add, move and drop, and why the rest stays unplaced. */
function proposalJson(p: B2BProposal, stale: boolean) {
  const { baseHash: _base, inputHash: _input, ...rest } = p;
  const count = (kind: string) => p.changes.filter((c) => c.kind === kind).length;
  return { ...rest, createdAt: isoUtc(p.createdAt), stale, counts: { added: count('added'), moved: count('moved'), dropped: count('dropped') }, unplaced: p.unplaced.map(unplacedJson) };
}

/**
 * JSON API for B2B sessions: the same services, validation and scheduling as
 * the pages. Planners act for any company (participantId: null); companies
 * themselves use their secret link's pages.
 */
export function apiB2BRoutes(services: Services): Router {
  const router = Router();
  const { b2b } = services;
  const planner = (res: Response) => ({ actor: actorOf(res), participantId: null });
  const session = (id: number) => b2b.sessions.get(id);

  router.get('/forums/:id/b2b-sessions', (req, res) => {
    const forum = services.forums.get(idParam(req));
    res.json(b2b.sessions.list(forum.id).map(sessionJson));
  });

  router.post('/forums/:id/b2b-sessions', (req, res) => {
    const forum = services.forums.get(idParam(req));
    const created = b2b.sessions.create(actorOf(res), forum.id, req.body);
    res.status(201).set('Location', `/api/v1/b2b-sessions/${created.id}`).set('ETag', `"v${created.version}"`).json(sessionJson(created));
  });

  /** The session with its slots and its last schedule. */
  router.get('/b2b-sessions/:id', (req, res) => {
    const s = session(idParam(req));
    const state = b2b.scheduling.state(s.id);
    sendRecord(res, s, {
      ...sessionJson(s),
      slots: b2b.sessions.slots(s).map((slot) => ({ index: slot.index, startUtc: isoUtc(slot.startUtc), endUtc: isoUtc(slot.endUtc) })),
      schedule: {
        ranAt: state.run ? isoUtc(state.run.ranAt) : null,
        stats: state.run ? { placed: state.run.placed, upperBound: state.run.upperBound, idleSlots: state.run.idleSlots } : null,
        stale: state.stale,
        waiting: state.waiting,
        published: state.published ? { at: isoUtc(state.published.publishedAt), by: state.published.publishedBy } : null,
        proposal: state.proposal ? { id: state.proposal.id, stale: state.proposal.stale } : null,
        placements: state.placements,
        unplaced: state.unplaced.map(unplacedJson),
      },
    });
  });

  router.get('/b2b-sessions/:id/participants', (req, res) => {
    res.json(b2b.participants.list(session(idParam(req)).id).map(participantJson));
  });

  router.post('/b2b-sessions/:id/participants', (req, res) => {
    const created = b2b.participants.add(actorOf(res), session(idParam(req)).id, req.body);
    res.status(201).set('ETag', `"v${created.version}"`).json(participantJson(created));
  });

  router.get('/b2b-sessions/:id/requests', (req, res) => {
    const keyset = readPageRequest(req, 'b2b-requests', API_PAGE_SIZE);
    const page = pageOfSorted([...b2b.requests.list(session(idParam(req)).id)].sort((a, b) => a.id - b.id), (r) => [r.id], compareKeys, keyset);
    sendPageHeaders(res, pagerOf(req, 'b2b-requests', page, (r) => [r.id]));
    res.json(page.rows.map(requestJson));
  });

  router.post('/b2b-sessions/:id/requests', (req, res) => {
    const created = b2b.requests.create(planner(res), session(idParam(req)).id, req.body);
    res.status(201).set('Location', `/api/v1/b2b-requests/${created.id}`).json(requestJson(created));
  });

  for (const action of ['accept', 'decline', 'cancel', 'reopen'] as const satisfies readonly RequestAction[]) {
    router.post(`/b2b-requests/:id/${action}`, (req, res) => {
      res.json(requestJson(b2b.requests.act(planner(res), idParam(req), action)));
    });
  }

  /** Pins the request and answers with the proposal made around it (apply it to make it so). */
  router.post('/b2b-requests/:id/pin', (req, res) => {
    const proposal = b2b.scheduling.pin(actorOf(res), idParam(req), req.body);
    res.status(201).set('Location', `/api/v1/b2b-proposals/${proposal.id}`).json(proposalJson(proposal, false));
  });

  /** Runs the scheduler: a proposal, nothing written to the programme until it is applied. */
  router.post('/b2b-sessions/:id/schedule', (req, res) => {
    const s = session(idParam(req));
    const proposal = b2b.scheduling.run(actorOf(res), s.id, req.body);
    res.status(201).set('Location', `/api/v1/b2b-proposals/${proposal.id}`).json(proposalJson(proposal, false));
  });

  router.get('/b2b-proposals/:id', (req, res) => {
    const proposal = b2b.scheduling.proposal(idParam(req));
    res.json(proposalJson(proposal, b2b.scheduling.state(proposal.sessionId).proposal?.stale ?? false));
  });

  router.post('/b2b-proposals/:id/apply', (req, res) => {
    const proposal = b2b.scheduling.proposal(idParam(req));
    const result = b2b.scheduling.apply(actorOf(res), proposal.id);
    const state = b2b.scheduling.state(proposal.sessionId);
    const meetingOf = new Map(b2b.requests.list(proposal.sessionId).map((r) => [r.id, r.meetingId]));
    res.json({
      ...result,
      placements: state.placements.map((p) => ({ ...p, meetingId: meetingOf.get(p.requestId) ?? null })),
      unplaced: state.unplaced.map(unplacedJson),
    });
  });

  router.post('/b2b-proposals/:id/discard', (req, res) => {
    const id = idParam(req);
    b2b.scheduling.discard(actorOf(res), id);
    res.json({ discarded: id });
  });

  router.post('/b2b-sessions/:id/publish', (req, res) => {
    const s = session(idParam(req));
    const sync = b2b.scheduling.publish(actorOf(res), s.id);
    const published = b2b.scheduling.state(s.id).published!;
    res.json({ ...sync, publishedAt: isoUtc(published.publishedAt), publishedBy: published.publishedBy });
  });

  return router;
}
