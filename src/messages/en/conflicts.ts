/**
 * What a planner reads for each conflict. The sentences name the person or room
 * and each meeting with its title and its times in the meeting's own zone, so
 * the planner can act without opening either meeting.
 */
import type { ConflictKind } from '../../domain/conflicts';
import type { ConflictMessages, MeetingLabel } from '../conflicts';
import type { Catalogue } from '../message';
import { formatDuration } from './format';

const quoted = (meeting: MeetingLabel): string => `'${meeting.title}'`;
const withRange = (meeting: MeetingLabel): string => `${quoted(meeting)} (${meeting.range})`;

const KINDS: Record<ConflictKind, { title: string; short: string }> = {
  person_double_booked: { title: 'Person double-booked', short: 'double-booked' },
  room_double_booked: { title: 'Room double-booked', short: 'room double-booked' },
  over_capacity: { title: 'Over capacity', short: 'over capacity' },
  unavailable: { title: 'Unavailable', short: 'unavailable' },
  travel_time: { title: 'Travel time too short', short: 'travel time' },
  outside_hours: { title: 'Outside opening hours', short: 'outside hours' },
};

export const conflicts = {
  'conflict.person-double-booked': ({ person, first, second }) => `${person} is booked in ${withRange(first)} and ${withRange(second)} at the same time.`,
  'conflict.room-double-booked': ({ room, first, second }) => `${room} is booked for ${withRange(first)} and ${withRange(second)} at the same time.`,
  'conflict.over-capacity': ({ meeting, participants, room, capacity }) => `${withRange(meeting)} has ${participants} participants but ${room} seats ${capacity}.`,
  'conflict.unavailable': ({ subject, blockRange, reason, meeting }) => {
    const why = reason.trim() === '' ? '' : ` (${reason.trim()})`;
    return `${subject} is unavailable ${blockRange}${why}, during ${withRange(meeting)}.`;
  },
  'conflict.travel-time': ({ person, from, fromVenue, to, toVenue, minutes }) =>
    `${person} is in ${quoted(from)} (${from.range}, ${fromVenue}) and needs ${formatDuration(minutes)} ` + `to reach ${toVenue} for ${quoted(to)} at ${to.start}.`,
  'conflict.outside-hours': ({ meeting, room, venue, hours }) => `${withRange(meeting)} in ${room} is outside ${venue}'s opening hours (${hours}).`,
  'conflict.kind.title': ({ kind }) => KINDS[kind].title,
  'conflict.kind.short': ({ kind }) => KINDS[kind].short,
} satisfies Pick<Catalogue, keyof ConflictMessages>;
