/** The keys of what the time finder says beyond the conflicts' own sentences; the sentences are in catalogues/<locale>/domain-finder.json. */
export interface FinderMessages {
  'finder.to-before-from': Record<string, never>;
  'finder.window-too-long': { days: number; max: number };
  'finder.latest-before-earliest': Record<string, never>;
  'finder.no-required': Record<string, never>;
  'finder.venue-not-in-forum': Record<string, never>;
  'finder.place-or-rooms': Record<string, never>;
  /** What the candidate meeting is called in a warning when the planner gave no title. */
  'finder.untitled': Record<string, never>;
}
