/**
 * The sentences a planner reads for each conflict. They name the person or
 * room and each meeting with its title and its times in the meeting's own zone,
 * so the planner can act without opening either meeting.
 */
import { formatDuration } from './time';

/** A meeting as a sentence mentions it: title, '10:00–11:00', and its start alone. */
export interface MeetingLabel {
  title: string;
  range: string;
  start: string;
}

const quoted = (meeting: MeetingLabel): string => `'${meeting.title}'`;
const withRange = (meeting: MeetingLabel): string => `${quoted(meeting)} (${meeting.range})`;

export function personDoubleBookedMessage(person: string, first: MeetingLabel, second: MeetingLabel): string {
  return `${person} is booked in ${withRange(first)} and ${withRange(second)} at the same time.`;
}

export function roomDoubleBookedMessage(room: string, first: MeetingLabel, second: MeetingLabel): string {
  return `${room} is booked for ${withRange(first)} and ${withRange(second)} at the same time.`;
}

export function overCapacityMessage(input: { meeting: MeetingLabel; participants: number; room: string; capacity: number }): string {
  const { meeting, participants, room, capacity } = input;
  return `${withRange(meeting)} has ${participants} participants but ${room} seats ${capacity}.`;
}

export function unavailableMessage(input: { subject: string; blockRange: string; reason: string; meeting: MeetingLabel }): string {
  const { subject, blockRange, reason, meeting } = input;
  const why = reason.trim() === '' ? '' : ` (${reason.trim()})`;
  return `${subject} is unavailable ${blockRange}${why}, during ${withRange(meeting)}.`;
}

export function travelTimeMessage(input: {
  person: string;
  from: MeetingLabel;
  fromVenue: string;
  to: MeetingLabel;
  toVenue: string;
  minutes: number;
}): string {
  const { person, from, fromVenue, to, toVenue, minutes } = input;
  return (
    `${person} is in ${quoted(from)} (${from.range}, ${fromVenue}) and needs ${formatDuration(minutes)} ` +
    `to reach ${toVenue} for ${quoted(to)} at ${to.start}.`
  );
}

export function outsideHoursMessage(input: { meeting: MeetingLabel; room: string; venue: string; hours: string }): string {
  const { meeting, room, venue, hours } = input;
  return `${withRange(meeting)} in ${room} is outside ${venue}'s opening hours (${hours}).`;
}
