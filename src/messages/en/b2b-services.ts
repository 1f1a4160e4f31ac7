/** What the B2B pages and the company links say about sessions, participants, requests and pins. */
import type { B2BServiceMessages } from '../b2b-services';
import type { Catalogue } from '../message';

export const b2bServices = {
  'b2b.session.not-found': ({ id }) => `There is no B2B session ${id ?? 'at this address'}.`,
  'b2b.participant.not-found': ({ id }) => `There is no B2B participant ${id ?? 'at this address'}.`,
  'b2b.request.not-found': ({ id }) => `There is no B2B meeting request ${id ?? 'at this address'}.`,
  'b2b.range.start-missing': ({ what }) => `Give each ${what} a start time as HH:MM.`,
  'b2b.range.start-form': ({ what }) => `Write the start of each ${what} as HH:MM, e.g. 12:10.`,
  'b2b.range.end-missing': ({ what }) => `Give each ${what} an end time as HH:MM.`,
  'b2b.range.end-form': ({ what }) => `Write the end of each ${what} as HH:MM, e.g. 12:30.`,
  'b2b.range.list': ({ what }) => `List each ${what} as {start, end, label}.`,
  'b2b.range.line': ({ line, what }) => `“${line}” is not a ${what}: write one per line as 12:10–12:30, then what it is.`,
  'b2b.range.name': ({ kind, number, start, end }) => {
    const what = kind === 'break' ? 'Break' : 'Unavailable time';
    return number === null ? `${what} ${start}–${end}` : `${what} ${number} (${start}–${end})`;
  },
  'b2b.id-list': ({ label }) => `List the ${label}s by id.`,
  'b2b.participant.representative-missing': () => 'Choose at least one representative: the person who sits at the table.',
  'b2b.participant.side-choice': () => 'Choose one of the two sides.',
  'b2b.participant.organization-missing': () => 'Choose an existing organization, or create it first under Organizations.',
  'b2b.participant.already-in': ({ organization }) => `${organization} already takes part in this session.`,
  'b2b.participant.person-missing': () => 'Choose representatives from the list of people, or add the person first under People.',
  'b2b.participant.person-twice': ({ person }) => `${person} is chosen twice; keep one.`,
  'b2b.participant.person-elsewhere': ({ person, company }) => `${person} already represents ${company} in this session; a person sits at one company’s table.`,
  'b2b.participant.side-missing': ({ a, b }) => `Choose the side: ${a} or ${b}.`,
  'b2b.request.from-missing': () => 'Choose a company of this session as the one that asks.',
  'b2b.request.to-missing': () => 'Choose a company of this session to meet.',
  'b2b.request.to-self': ({ company }) => `${company} cannot ask to meet itself; choose another company.`,
  'b2b.request.same-side': ({ to, from, side, other }) => `${to} is on the same side (${side}) as ${from}; this session pairs ${side} with ${other}. Choose one of ${other}.`,
  'b2b.request.pair-exists': ({ from, to, state, sentBy }) => `${from} and ${to} already have a request (${state}, sent by ${sentBy}). One request per pair: answer or cancel that one.`,
  'b2b.request.action': () => 'Choose accept, decline, cancel or reopen.',
  'b2b.request.wrong-state': ({ from, to, state, done }) => `The request from ${from} to ${to} is ${state}; it cannot be ${done} now.`,
  'b2b.request.not-yours': () => 'Your company has no such request.',
  'b2b.request.planner-only': () => 'Only the protocol office can reopen a request; ask them.',
  'b2b.request.recipient-only': () => 'Only the company that was asked can accept or decline; you can cancel your request instead.',
  'b2b.request.decline-not-cancel': () => 'You can decline this request; cancelling is for the company that sent it.',
  'b2b.pin.not-accepted': ({ state }) => `Only an accepted request can be pinned; this one is ${state}.`,
  'b2b.pin.slot-choice': ({ slots }) => `Choose one of the session’s ${slots} slots.`,
  'b2b.pin.table-choice': ({ tables }) => `Choose a table from 1 to ${tables}.`,
  'b2b.session.day': ({ forum, first, last }) => `Choose a day of ${forum} (${first} to ${last}).`,
  'b2b.session.one-day': () => 'A B2B session runs within one day: end it on the day it starts, and make another session for the next day.',
  'b2b.session.hall': () => 'Choose a room of this forum’s venues as the hall.',
  'b2b.session.sides': () => 'Name both sides (e.g. “Azerbaijani companies” and “Russian companies”), or neither when anyone may meet anyone.',
  'b2b.session.no-slot-fits': ({ minutes, start, end }) => `No ${minutes}-minute slot fits between ${start} and ${end} around the breaks: shorten the slots or the breaks, or lengthen the session.`,
} satisfies Pick<Catalogue, keyof B2BServiceMessages>;
