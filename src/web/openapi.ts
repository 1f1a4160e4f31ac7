/**
 * The API's description, served at /api/v1/openapi.json. Kept by hand next to
 * the routers (api.ts, api-meetings.ts, api-feeds.ts, api-time-finder.ts); tests check that every
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

/**
 * A paged list (src/web/list-query.ts): `limit` rows (default 100, at most
 * 1000) and an opaque `cursor` taken from the Link header. The body stays a
 * bare array; a bad limit or cursor is a 400.
 */
const pageParams = [
  { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 }, description: 'Rows in this page' },
  { name: 'cursor', in: 'query', schema: { type: 'string' }, description: 'Opaque: copy it from a Link header (rel="next" or "prev"); never build it' },
];
const pageHeaders = {
  Link: { description: 'RFC 8288: <url>; rel="next", <url>; rel="prev", <url>; rel="first", whichever exist. A row inserted before the cursor does not shift the next page.', schema: { type: 'string' } },
  'X-Total-Count': { description: 'Rows that match the filters, on every page', schema: { type: 'integer' } },
};
const paged = (description: string, schema?: unknown) => ({
  '200': { description: `${description}, one page`, headers: pageHeaders, ...(schema ? json(schema) : {}) },
  '400': { description: 'limit out of 1–1000, or a cursor that is not one this list gave', ...json(ref('Error')) },
});

/** B2B sessions: shapes of the bodies the B2B routes accept (api-b2b.ts). */
const B2B_SCHEMAS = {
  B2BSessionInput: {
    type: 'object',
    required: ['title', 'roomId', 'start', 'end', 'slotMinutes', 'changeoverMinutes', 'tableCount'],
    properties: {
      title: { type: 'string' },
      roomId: { type: 'integer', description: 'The hall: a room of the forum' },
      start: { type: 'string', example: '2019-06-08T11:00', description: "Local time in the forum's zone" },
      end: { type: 'string', example: '2019-06-08T13:40', description: 'The same day' },
      slotMinutes: { type: 'integer', example: 20 },
      changeoverMinutes: { type: 'integer', example: 5 },
      breaks: { type: 'array', items: { type: 'object', properties: { start: { type: 'string', example: '12:10' }, end: { type: 'string', example: '12:30' }, label: { type: 'string' } } } },
      tableCount: { type: 'integer', example: 15 },
      sideALabel: { type: ['string', 'null'], example: 'Azerbaijani companies', description: 'With sideBLabel: companies meet only the other side' },
      sideBLabel: { type: ['string', 'null'], example: 'Russian companies' },
      description: { type: 'string' },
    },
  },
  B2BParticipantInput: {
    type: 'object',
    required: ['organizationId', 'representativeIds'],
    properties: {
      organizationId: { type: 'integer' },
      representativeIds: { type: 'array', items: { type: 'integer' }, description: 'People at the table; their other meetings keep the company from a table' },
      side: { enum: ['a', 'b', null] },
      sector: { type: 'string' },
      offers: { type: 'string' },
      seeks: { type: 'string' },
      notes: { type: 'string' },
      unavailable: { type: 'array', items: { type: 'object', properties: { start: { type: 'string', example: '12:55' }, end: { type: 'string' }, label: { type: 'string' } } } },
      seats: { type: 'integer', minimum: 1, maximum: 20, default: 1, description: 'Parallel meetings: the representatives split into this many seats (listed order, round-robin); at most one per representative' },
    },
  },
  B2BRunInput: {
    type: 'object',
    properties: {
      mode: { enum: ['place-new', 'replan'], description: "'place-new' (the default once published): published meetings keep their slot and table, only unplaced accepted requests are placed; 'replan': everything may move" },
      moveLimit: { type: 'integer', minimum: 0, maximum: 500, description: 'place-new: at most this many published meetings may move to place more (default 0)' },
      timeBudgetMs: { type: 'integer', minimum: 50, maximum: 30000, description: 'How long the search may take (default 3000)' },
    },
  },
  B2BRequestInput: {
    type: 'object',
    required: ['fromId', 'toId'],
    properties: { fromId: { type: 'integer', description: 'Participant id' }, toId: { type: 'integer' }, message: { type: 'string' }, priority: { type: 'integer', enum: [1, 2, 3], description: '1 low, 2 normal (default), 3 high' } },
  },
};

const B2B_PATHS = {
  '/api/v1/forums/{id}/b2b-sessions': {
    get: { summary: "The forum's B2B sessions", parameters: [idParam()], responses: { '200': { description: 'Array' }, ...errors } },
    post: { summary: 'Create a B2B session', parameters: [idParam()], requestBody: json(B2B_SCHEMAS.B2BSessionInput), responses: { '201': { description: 'Created' }, '422': { description: 'Invalid input, per field', ...json(ref('Error')) }, ...errors } },
  },
  '/api/v1/b2b-sessions/{id}': { get: { summary: 'One B2B session (ETag) with its slots and last schedule: placements, unplaced requests with reasons, stats', parameters: [idParam()], responses: { '200': { description: 'The session' }, ...errors } } },
  '/api/v1/b2b-sessions/{id}/participants': {
    get: { summary: 'The companies of a session', parameters: [idParam()], responses: { '200': { description: 'Array' }, ...errors } },
    post: { summary: 'Add a company', parameters: [idParam()], requestBody: json(B2B_SCHEMAS.B2BParticipantInput), responses: { '201': { description: 'Created' }, '422': { description: 'Invalid input' }, ...errors } },
  },
  '/api/v1/b2b-sessions/{id}/requests': {
    get: { summary: 'Meeting requests of a session, by id', parameters: [idParam(), ...pageParams], responses: { ...paged('Array'), ...errors } },
    post: { summary: 'Enter a request for a company (pending)', parameters: [idParam()], requestBody: json(B2B_SCHEMAS.B2BRequestInput), responses: { '201': { description: 'Created' }, '422': { description: 'Itself, same side, duplicate pair or not of this session' }, ...errors } },
  },
  ...Object.fromEntries(
    (['accept', 'decline', 'cancel', 'reopen'] as const).map((action) => [
      `/api/v1/b2b-requests/{id}/${action}`,
      { post: { summary: `${action[0]!.toUpperCase()}${action.slice(1)} a request for a company`, parameters: [idParam()], responses: { '200': { description: 'The request' }, '422': { description: 'Not possible in its state' }, ...errors } } },
    ]),
  ),
  '/api/v1/b2b-requests/{id}/pin': {
    post: { summary: 'Pin an accepted request to a slot (0-based) and table (1-based) and propose the schedule around it (apply the proposal to make it so)', parameters: [idParam()], requestBody: json({ type: 'object', properties: { slotIndex: { type: 'integer' }, table: { type: 'integer' } } }), responses: { '201': { description: 'The proposal (Location: /api/v1/b2b-proposals/{id})' }, '422': { description: 'The pin breaks a rule: the message says which' }, ...errors } },
  },
  '/api/v1/b2b-sessions/{id}/schedule': {
    post: {
      summary: 'Run the scheduler: a proposal of what would be added, moved and dropped; nothing reaches the programme, feeds or company links until it is applied',
      parameters: [idParam()],
      requestBody: json(B2B_SCHEMAS.B2BRunInput),
      responses: { '201': { description: 'The proposal (Location: /api/v1/b2b-proposals/{id}): mode, added, moved (from → to), dropped, unplaced with reasons, stats' }, '422': { description: 'mode, moveLimit or timeBudgetMs out of bounds, per field', ...json(ref('Error')) }, ...errors },
    },
  },
  '/api/v1/b2b-proposals/{id}': { get: { summary: "A session's open proposal, with whether it is stale (the programme, requests or schedule changed since it was made)", parameters: [idParam()], responses: { '200': { description: 'The proposal' }, ...errors } } },
  '/api/v1/b2b-proposals/{id}/apply': {
    post: {
      summary: "Apply a proposal: its placements become the session's schedule, in one transaction through the same checks as every save (and, once published, its meetings reach the programme)",
      parameters: [idParam()],
      responses: { '200': { description: 'What changed, placements with meeting ids, unplaced requests with reasons' }, '409': { description: 'A meeting it would write clashes: nothing saved' }, '412': { description: 'Stale: things changed since the proposal was made; run again' }, ...errors },
    },
  },
  '/api/v1/b2b-proposals/{id}/discard': { post: { summary: 'Discard a proposal: nothing changes', parameters: [idParam()], responses: { '200': { description: '{discarded: id}' }, ...errors } } },
  '/api/v1/b2b-sessions/{id}/publish': {
    post: {
      summary: "Publish the session's applied schedule: its meetings enter the programme and the delegates' feeds, and the companies' links stop calling it provisional",
      parameters: [idParam()],
      responses: { '200': { description: 'What entered the programme, publishedAt, publishedBy' }, '409': { description: 'A meeting it would write clashes: nothing published' }, ...errors },
    },
  },
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
        required: ['title', 'kind', 'status', 'start'],
        description: 'Give `end` or `durationMinutes` (not both); a meeting as read back always has its `end`.',
        properties: {
          title: { type: 'string' },
          kind: { enum: ['bilateral', 'multilateral', 'signing', 'panel', 'b2b', 'briefing', 'press', 'reception', 'travel'] },
          status: { enum: ['proposed', 'tentative', 'confirmed', 'cancelled'] },
          start: { type: 'string', example: '2019-06-07T10:00', description: 'Local wall-clock time in timeZone' },
          end: { type: 'string', example: '2019-06-07T11:00' },
          durationMinutes: { type: 'integer', minimum: 1, maximum: 1440, description: 'Instead of end: the end is the start plus this many minutes' },
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
          outcomePublic: { type: 'boolean', description: 'The outcome may be published: the draft press release quotes it' },
          documents: {
            type: 'array',
            description: "Agreements of the forum's register signed at this meeting. Give an agreement's id to keep it (updated in place); one without is new; one left out is detached from the meeting, or deleted while it is a bare draft.",
            items: { type: 'object', properties: { id: { type: ['integer', 'null'] }, title: { type: 'string' }, parties: { type: 'string' }, signedOn: { type: ['string', 'null'], format: 'date' }, status: { type: 'string', enum: ['draft', 'agreed', 'signed', 'withdrawn'], readOnly: true } } },
          },
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
          locale: { enum: ['en', 'ru', 'az'], default: 'en', description: "The link's language: its page, printed agenda and calendar feed (?lang= on an address overrides it)" },
          reminderMinutes: { enum: [15, 30, 60, null], default: null, description: 'A calendar reminder (VALARM) this many minutes before each meeting of the feed that is not cancelled; null for none' },
        },
      },
      TimeFinderInput: {
        type: 'object',
        required: ['participants', 'durationMinutes', 'from', 'to'],
        description:
          'Where: roomIds, venueIds and minSeats narrow the rooms together (none given: any room of the forum); place (or outside: true with a place) means outside the venues, and then none of the three may be given.',
        properties: {
          participants: { type: 'array', minItems: 1, maxItems: 30, items: { type: 'object', required: ['personId'], properties: { personId: { type: 'integer' }, required: { type: 'boolean', default: true } } }, description: 'At least one required; the first required is the principal' },
          durationMinutes: { type: 'integer', minimum: 5, maximum: 720 },
          roomIds: { type: 'array', items: { type: 'integer' } },
          venueIds: { type: 'array', items: { type: 'integer' } },
          minSeats: { type: 'integer', minimum: 1 },
          place: { type: 'string', example: 'Hotel Astoria' },
          outside: { type: 'boolean' },
          from: { type: 'string', format: 'date', example: '2019-06-07', description: "First day, in the forum's zone" },
          to: { type: 'string', format: 'date', example: '2019-06-08', description: 'Last day (included); at most 14 days in all' },
          earliest: { type: 'string', example: '09:00', default: '08:00', description: 'A slot starts at or after this time of day' },
          latest: { type: 'string', example: '19:00', default: '20:00', description: 'A slot ends by this time of day' },
          bufferMinutes: { type: 'integer', minimum: 0, maximum: 240, default: 0, description: 'Kept clear of confirmed meetings of the required people and the room, either side' },
          limit: { type: 'integer', minimum: 1, maximum: 50, default: 10 },
          title: { type: 'string', description: 'What the warnings call the meeting' },
        },
      },
      TimeFinderResult: {
        type: 'object',
        properties: {
          timeZone: { type: 'string', example: 'Europe/Moscow' },
          candidates: {
            type: 'array',
            description: 'Best first: no warnings, fewest optional missing, earliest day, least idle time for the principal, earliest start. Each saves as confirmed without an error-level conflict.',
            items: {
              type: 'object',
              properties: {
                start: { type: 'string', example: '2019-06-07T14:45' },
                end: { type: 'string', example: '2019-06-07T15:45' },
                startUtc: { type: 'string', format: 'date-time' },
                endUtc: { type: 'string', format: 'date-time' },
                roomId: { type: ['integer', 'null'] },
                place: { type: 'string' },
                warnings: { type: 'array', items: ref('Conflict') },
                missingOptional: { type: 'array', items: { type: 'integer' }, description: 'Optional participants who cannot come' },
                idleMinutes: { type: 'integer', description: "The principal's idle minutes around the slot that day" },
              },
            },
          },
          stoppedEarly: { type: 'boolean', description: 'The search stopped at its bound of engine checks; a narrower one may find better slots' },
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
    '/api/v1/organizations': { get: { summary: 'Organizations (shared across forums), by id', parameters: pageParams, responses: { ...paged('Array'), ...errors } } },
    '/api/v1/people': { get: { summary: 'People (shared across forums), by id', parameters: pageParams, responses: { ...paged('Array'), ...errors } } },
    '/api/v1/forums/{id}/meetings': {
      get: {
        summary: 'Meetings, filtered, by start, end and id',
        parameters: [idParam(), ...['day', 'person', 'room', 'delegation', 'kind', 'status'].map((name) => ({ name, in: 'query', schema: { type: 'string' } })), ...pageParams],
        responses: { ...paged('Array of meetings', { type: 'array', items: ref('Meeting') }), ...errors },
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
        requestBody: json({ type: 'object', description: 'Any MeetingInput fields. A new start without end or durationMinutes keeps the meeting’s duration (the end moves with it); durationMinutes alone sets a new end.' }),
        responses: { '200': { description: 'Saved', ...json(ref('SaveResult')) }, '409': { description: 'Conflict refuses the save' }, '412': { description: 'Stale version' }, '422': { description: 'Invalid input' }, '428': { description: 'If-Match missing' }, ...errors },
      },
    },
    '/api/v1/meetings/{id}/cancel': { post: { summary: 'Cancel (the record stays, as cancelled)', parameters: [idParam()], responses: { '200': { description: 'Cancelled', ...json(ref('SaveResult')) }, ...errors } } },
    '/api/v1/forums/{id}/conflicts': { get: { summary: "The whole programme's conflicts, every one (not paged)", parameters: [idParam()], responses: { '200': { description: 'Array', ...json({ type: 'array', items: ref('Conflict') }) }, ...errors } } },
    '/api/v1/forums/{id}/availability': {
      get: { summary: 'Availability blocks', parameters: [idParam()], responses: { '200': { description: 'Array' }, ...errors } },
      post: { summary: 'Add an availability block', parameters: [idParam()], requestBody: json(ref('AvailabilityInput')), responses: { '201': { description: 'Created' }, '422': { description: 'Invalid input' }, ...errors } },
    },
    '/api/v1/forums/{id}/time-finder': {
      post: {
        summary: 'Find the best slots for a meeting (writes nothing)',
        parameters: [idParam()],
        requestBody: json(ref('TimeFinderInput')),
        responses: { '200': { description: 'Candidates', ...json(ref('TimeFinderResult')) }, '422': { description: 'Invalid input, per field (unknown people, last day before the first, more than 14 days, a duration of 0 or over 12 hours)', ...json(ref('Error')) }, ...errors },
      },
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
    '/api/v1/feed-tokens/{id}': {
      patch: {
        summary: "Change a live link's language and reminder; its address stays the same",
        parameters: [idParam()],
        requestBody: json({ type: 'object', properties: { locale: { enum: ['en', 'ru', 'az'] }, reminderMinutes: { enum: [15, 30, 60, null] } }, description: 'Both are set: a missing locale is English, a missing reminder none' }),
        responses: { '200': { description: 'The link as changed (no secret)' }, '422': { description: 'Invalid input' }, ...errors },
      },
      delete: { summary: 'Revoke a secret calendar link', parameters: [idParam()], responses: { '204': { description: 'Revoked' }, ...errors } },
    },
    ...B2B_PATHS,
  },
};
