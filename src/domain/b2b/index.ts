/**
 * B2B in the domain, its public face: the scheduler that puts accepted
 * requests at tables and slots (scheduler.ts and the files beside it), the
 * slot grid, and the records the services work with and the store keeps.
 * Outside this folder, import from here.
 */
export { greedyFirstFit, scheduleB2B } from './scheduler';
export type { ScheduleOptions } from './scheduler';
export type { B2BInput, B2BMode, B2BParticipant, B2BPin, B2BPlacement, B2BRequest, B2BSchedule, B2BSeat, B2BStats, B2BUnplaced, BusyInterval, UnplacedReason } from './model';
export { buildSlots, type B2BSlot } from './slots';
export type { B2BParticipantRecord, B2BRequestRecord, B2BRequestState, B2BRun, B2BSession, B2BStoredSchedule, B2BTimeBlock } from './records';
export { B2B_REQUEST_STATES, seatGroups } from './records';
export { B2B_RUN_MODES, scheduleChanges, type B2BChange, type B2BProposal, type B2BPublication, type B2BRunMode, type B2BSeenTables, type B2BSpot } from './proposal';
