/**
 * The API's description, served at /api/v1/openapi.json. Kept by hand next to
 * the routers (api.ts, api-meetings.ts, api-feeds.ts); tests check that every
 * routed path is listed here and that every path here answers.
 */
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const idParam = (name = 'id') => ({ name, in: 'path', required: true, schema: { type: 'integer' } });
const errors = {
  '401': { description: 'No session and no valid bearer token', ...json(ref('Error')) },
  '403': { description: 'Role not allowed, or CSRF token missing (session callers)', ...json(ref('Error')) },
  '404': { description: 'Not found', ...json(ref('Error')) },
};

export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'Forum Planner API',
    version: '1',
    description:
      'JSON, camelCase. Authenticate with `Authorization: Bearer <token>` (npm run cli -- token create) — no CSRF token needed — or with the session cookie plus an `X-CSRF-Token` header. Records carry a version; GET returns it as ETag, and PATCH requires If-Match (428 without, 412 when stale).',
  },
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    schemas: {
      Error: { type: 'object', properties: { error: { type: 'string' }, fields: { type: 'object', additionalProperties: { type: 'string' } }, reference: { type: 'string' } } },
      Participant: { type: 'object', required: ['personId', 'role'], properties: { personId: { type: 'integer' }, role: { enum: ['principal', 'required', 'optional', 'interpreter', 'note_taker', 'counterpart'] } } },
      MeetingInput: {
        type: 'object',
        required: ['title', 'kind', 'status', 'start', 'end'],
        properties: {
          title: { type: 'string' },
          kind: { enum: ['bilateral', 'multilateral', 'signing', 'panel', 'b2b', 'briefing', 'press', 'reception', 'travel'] },
          status: { enum: ['proposed', 'tentative', 'confirmed', 'cancelled'] },
          start: { type: 'string', example: '2019-06-07T10:00', description: 'Local wall-clock time in timeZone' },
          end: { type: 'string', example: '2019-06-07T11:00' },
          timeZone: { type: 'string', example: 'Europe/Moscow', description: "Defaults to the forum's zone" },
          startOffset: { type: 'integer', description: 'UTC offset in minutes; only to pick a reading of an ambiguous (DST fold) time' },
          endOffset: { type: 'integer' },
          roomId: { type: ['integer', 'null'] },
          place: { type: 'string' },
          isPublic: { type: 'boolean' },
          participants: { type: 'array', items: ref('Participant') },
          delegationIds: { type: 'array', items: { type: 'integer' } },
          briefing: { type: 'string' },
          outcome: { type: 'string' },
          documents: { type: 'array', items: { type: 'object', properties: { title: { type: 'string' }, parties: { type: 'string' }, signedOn: { type: ['string', 'null'], format: 'date' } } } },
        },
      },
      Meeting: {
        allOf: [
          ref('MeetingInput'),
          {
            type: 'object',
            properties: {
              id: { type: 'integer' },
              forumId: { type: 'integer' },
              startUtc: { type: 'string', format: 'date-time', example: '2019-06-07T07:00:00Z' },
              endUtc: { type: 'string', format: 'date-time' },
              sequence: { type: 'integer', description: 'iCalendar SEQUENCE: rises on changes of time, place, status or title' },
              version: { type: 'integer' },
            },
          },
        ],
      },
      Conflict: {
        type: 'object',
        properties: {
          kind: { enum: ['person_double_booked', 'room_double_booked', 'over_capacity', 'unavailable', 'travel_time', 'outside_hours'] },
          severity: { enum: ['error', 'warning'] },
          meetingIds: { type: 'array', items: { type: 'integer' } },
          personId: { type: 'integer' },
          roomId: { type: 'integer' },
          message: { type: 'string' },
        },
      },
      SaveResult: { type: 'object', properties: { meeting: ref('Meeting'), warnings: { type: 'array', items: ref('Conflict') } } },
      FeedTokenInput: {
        type: 'object',
        required: ['forumId', 'scope', 'scopeId'],
        properties: {
          forumId: { type: 'integer' },
          scope: { enum: ['delegation', 'person', 'room', 'organization', 'b2b_participant'] },
          scopeId: { type: 'integer' },
          label: { type: 'string' },
          expiresOn: { type: ['string', 'null'], format: 'date' },
        },
      },
      AvailabilityInput: {
        type: 'object',
        required: ['subject', 'subjectId', 'start', 'end'],
        properties: { subject: { enum: ['person', 'room'] }, subjectId: { type: 'integer' }, start: { type: 'string', example: '2019-06-08T14:30' }, end: { type: 'string' }, reason: { type: 'string' } },
      },
    },
  },
  security: [{ bearer: [] }],
  paths: {
    '/api/v1/forums': { get: { summary: 'Forums', responses: { '200': { description: 'Array of forums' }, ...errors } } },
    '/api/v1/forums/{id}': { get: { summary: 'One forum (ETag)', parameters: [idParam()], responses: { '200': { description: 'The forum' }, ...errors } } },
    '/api/v1/forums/{id}/venues': { get: { summary: "The forum's venues", parameters: [idParam()], responses: { '200': { description: 'Array' }, ...errors } } },
    '/api/v1/forums/{id}/rooms': { get: { summary: "The forum's rooms", parameters: [idParam()], responses: { '200': { description: 'Array' }, ...errors } } },
    '/api/v1/forums/{id}/delegations': { get: { summary: "The forum's delegations with members", parameters: [idParam()], responses: { '200': { description: 'Array' }, ...errors } } },
    '/api/v1/organizations': { get: { summary: 'Organizations (shared across forums)', responses: { '200': { description: 'Array' }, ...errors } } },
    '/api/v1/people': { get: { summary: 'People (shared across forums)', responses: { '200': { description: 'Array' }, ...errors } } },
    '/api/v1/forums/{id}/meetings': {
      get: {
        summary: 'Meetings, filtered',
        parameters: [idParam(), ...['day', 'person', 'room', 'delegation', 'kind', 'status'].map((name) => ({ name, in: 'query', schema: { type: 'string' } }))],
        responses: { '200': { description: 'Array of meetings', ...json({ type: 'array', items: ref('Meeting') }) }, ...errors },
      },
      post: {
        summary: 'Create a meeting (checked for conflicts)',
        parameters: [idParam()],
        requestBody: json(ref('MeetingInput')),
        responses: {
          '201': { description: 'Created, with warnings', ...json(ref('SaveResult')) },
          '409': { description: 'A confirmed meeting with an error-level conflict: not saved', ...json({ type: 'object', properties: { error: { type: 'string' }, conflicts: { type: 'array', items: ref('Conflict') } } }) },
          '422': { description: 'Invalid input, per field', ...json(ref('Error')) },
          ...errors,
        },
      },
    },
    '/api/v1/meetings/{id}': {
      get: { summary: 'One meeting (ETag: "v<version>")', parameters: [idParam()], responses: { '200': { description: 'The meeting', ...json(ref('Meeting')) }, ...errors } },
      patch: {
        summary: 'Change a meeting (If-Match required)',
        parameters: [idParam(), { name: 'If-Match', in: 'header', required: true, schema: { type: 'string', example: '"v3"' } }],
        requestBody: json({ type: 'object', description: 'Any MeetingInput fields' }),
        responses: { '200': { description: 'Saved', ...json(ref('SaveResult')) }, '409': { description: 'Conflict refuses the save' }, '412': { description: 'Stale version' }, '422': { description: 'Invalid input' }, '428': { description: 'If-Match missing' }, ...errors },
      },
    },
    '/api/v1/meetings/{id}/cancel': { post: { summary: 'Cancel (the record stays, as cancelled)', parameters: [idParam()], responses: { '200': { description: 'Cancelled', ...json(ref('SaveResult')) }, ...errors } } },
    '/api/v1/forums/{id}/conflicts': { get: { summary: "The whole programme's conflicts", parameters: [idParam()], responses: { '200': { description: 'Array', ...json({ type: 'array', items: ref('Conflict') }) }, ...errors } } },
    '/api/v1/forums/{id}/availability': {
      get: { summary: 'Availability blocks', parameters: [idParam()], responses: { '200': { description: 'Array' }, ...errors } },
      post: { summary: 'Add an availability block', parameters: [idParam()], requestBody: json(ref('AvailabilityInput')), responses: { '201': { description: 'Created' }, '422': { description: 'Invalid input' }, ...errors } },
    },
    '/api/v1/availability/{id}': { delete: { summary: 'Remove an availability block', parameters: [idParam()], responses: { '204': { description: 'Removed' }, ...errors } } },
    '/api/v1/forums/{id}/feed-tokens': { get: { summary: "The forum's secret calendar links (never their secrets)", parameters: [idParam()], responses: { '200': { description: 'Array' }, ...errors } } },
    '/api/v1/feed-tokens': {
      post: {
        summary: 'Create a secret calendar link; the answer carries the secret and its URLs, once',
        requestBody: json(ref('FeedTokenInput')),
        responses: { '201': { description: 'Created: token, url, webcalUrl, pageUrl' }, '422': { description: 'Invalid input' }, ...errors },
      },
    },
    '/api/v1/feed-tokens/{id}': { delete: { summary: 'Revoke a secret calendar link', parameters: [idParam()], responses: { '204': { description: 'Revoked' }, ...errors } } },
  },
};
