/**
 * The keys of the draft press release after a forum (issue 17): each sentence
 * is a template with parameters, filled from the programme's data only
 * (domain/outcome/press-release.ts). The parameters arrive written out in the
 * reader's language (dates, names with positions, lists of quoted titles), so
 * the sentences only place them and choose their grammar. Keys with `.part.`
 * are the pieces they are built from: the delegation named by its country
 * («азербайджанская делегация», «азербайджанской делегации»), a country's
 * adjective for "entrepreneurs", a quoted title, the forum's city.
 * The sentences are in catalogues/<locale>/domain-outcome.json.
 */
export interface OutcomeMessages {
  /** 'On 6–8 June 2019, the Azerbaijani delegation led by Minister of Economy Shahin Mustafayev took part in the … (SPIEF 2019) in St. Petersburg.' */
  'outcome.press.intro': { dates: string; forum: string; short: string; hasShort: boolean; city: string; delegation: string; hasDelegation: boolean; head: string; hasHead: boolean };
  /** 'On 7 June, as part of the forum, Head of the Azerbaijani delegation, Minister of Economy Shahin Mustafayev met with Governor of Leningrad Region Aleksandr Drozdenko.' */
  'outcome.press.meeting': { date: string; ours: string; theirs: string; isHead: boolean; delegation: string };
  /** 'During the meeting, the “…” was signed.' / 'During the meeting, the following documents were signed: “…”; “…”.' */
  'outcome.press.signed-at-meeting': { count: number; titles: string };
  /** 'On 7 June, as part of the forum, the “…” was signed by AZPROMO and Roscongress Foundation.' */
  'outcome.press.agreement-signed': { date: string; title: string; parties: string; hasParties: boolean };
  /** 'On 8 June, as part of the forum, a meeting of Azerbaijani and Russian entrepreneurs was held: 24 companies held 40 B2B meetings.' */
  'outcome.press.b2b': { date: string; countries: string; hasCountries: boolean; companies: number; meetings: number };
}
