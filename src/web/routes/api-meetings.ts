import { Router, type Request } from 'express';
import { calendarDateMessage, isCalendarDate } from '../../domain/calendar-date';
import { StaleVersionError, ValidationError } from '../../domain/errors';
import { dayBounds } from '../../domain/time';
import { MEETING_KINDS, MEETING_STATUSES, type Meeting, type MeetingKind, type MeetingStatus } from '../../domain/types';
import type { Services } from '../../services';
import { actorOf, idParam, queryString } from '../form';
import { conflictJson, isoUtc, meetingJson } from '../presenters';
import { ifMatchVersion, sendRecord } from './api-versions';
import { API_PAGE_SIZE, pagerOf, readPageRequest, sendPageHeaders } from '../list-query';

/** JSON API for meetings, conflicts and availability: the same services, validation and conflicts as the pages. */
export function apiMeetingRoutes(services: Services): Router {
  const router = Router();
  const optionalNumber = (req: Request, key: string) => (queryString(req, key) ? Number(queryString(req, key)) : undefined);

  router.get('/forums/:id/meetings', (req, res) => {
    const forum = services.forums.get(idParam(req));
    const day = queryString(req, 'day');
    if (day && !isCalendarDate(day)) throw new ValidationError({ day: calendarDateMessage('day') });
    const bounds = day ? dayBounds(day, forum.timeZone) : null;
    const kind = queryString(req, 'kind') as MeetingKind;
    const status = queryString(req, 'status') as MeetingStatus;
    const keyset = readPageRequest(req, 'meetings', API_PAGE_SIZE);
    const page = services.meetings.page({
      forumId: forum.id,
      fromUtc: bounds?.startUtc,
      toUtc: bounds?.endUtc,
      personId: optionalNumber(req, 'person'),
      roomId: optionalNumber(req, 'room'),
      delegationId: optionalNumber(req, 'delegation'),
      kind: MEETING_KINDS.includes(kind) ? kind : undefined,
      status: MEETING_STATUSES.includes(status) ? status : undefined,
    }, keyset);
    // Still a bare array (v1's shape): the next page is in the Link header, the count in X-Total-Count.
    sendPageHeaders(res, pagerOf(req, 'meetings', page, (m) => [m.startUtc, m.endUtc, m.id]));
    res.json(page.rows.map(meetingJson));
  });

  router.post('/forums/:id/meetings', (req, res) => {
    const forum = services.forums.get(idParam(req));
    const { meeting, warnings } = services.meetings.create(actorOf(res), forum.id, req.body);
    res.status(201).set('Location', `/api/v1/meetings/${meeting.id}`).set('ETag', `"v${meeting.version}"`).json({ meeting: meetingJson(meeting), warnings: warnings.map(conflictJson) });
  });

  router.get('/meetings/:id', (req, res) => {
    const meeting = services.meetings.get(idParam(req));
    sendRecord(res, meeting, meetingJson(meeting));
  });

  router.patch('/meetings/:id', (req, res) => {
    const current = services.meetings.get(idParam(req));
    const version = ifMatchVersion(req);
    if (version === null) throw new StaleVersionError(meetingJson(current), null);
    const { meeting, warnings } = answeringStaleAsJson(() => services.meetings.patch(actorOf(res), current.id, version, req.body));
    res.set('ETag', `"v${meeting.version}"`).json({ meeting: meetingJson(meeting), warnings: warnings.map(conflictJson) });
  });

  router.post('/meetings/:id/cancel', (req, res) => {
    const current = services.meetings.get(idParam(req));
    const { meeting, warnings } = answeringStaleAsJson(() => services.meetings.setStatus(actorOf(res), current.id, ifMatchVersion(req) ?? current.version, 'cancelled'));
    res.set('ETag', `"v${meeting.version}"`).json({ meeting: meetingJson(meeting), warnings: warnings.map(conflictJson) });
  });

  router.get('/forums/:id/conflicts', async (req, res) => {
    const forum = services.forums.get(idParam(req));
    // The whole report, made off the event loop when not kept (in the engine's order, as conflicts() has it).
    res.json((await services.meetings.datedConflictsReady(forum.id)).map((d) => conflictJson(d.conflict)));
  });

  router.get('/forums/:id/availability', (req, res) => {
    const forum = services.forums.get(idParam(req));
    res.json(services.availability.list(forum.id).map((b) => ({ ...b, startUtc: isoUtc(b.startUtc), endUtc: isoUtc(b.endUtc) })));
  });

  router.post('/forums/:id/availability', (req, res) => {
    const forum = services.forums.get(idParam(req));
    const block = services.availability.create(actorOf(res), forum.id, req.body);
    res.status(201).json({ ...block, startUtc: isoUtc(block.startUtc), endUtc: isoUtc(block.endUtc) });
  });

  router.delete('/availability/:id', (req, res) => {
    services.availability.remove(actorOf(res), idParam(req));
    res.status(204).end();
  });

  return router;
}

/** A 412 shows what is stored now in the API's shape (ISO instants), not as the domain record the service holds. */
function answeringStaleAsJson<T>(save: () => T): T {
  try {
    return save();
  } catch (err) {
    if (err instanceof StaleVersionError) throw new StaleVersionError(meetingJson(err.current as Meeting), err.expectedVersion, err.message);
    throw err;
  }
}
