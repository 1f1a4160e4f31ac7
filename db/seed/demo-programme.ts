import type { Services } from '../../src/services';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import type { DemoIds } from './demo';

const ILLUSTRATIVE = 'Time and room are illustrative: the report gives the date, not the hour.';

/**
 * The delegation's programme at SPIEF 2019. The report's events are on their
 * real dates (Mustafayev–Drozdenko with the cooperation agreement on 7 June,
 * the AZPROMO–Roscongress signing, the entrepreneurs' meeting); the day around
 * them is illustrative. One deliberate warning: the Deputy Minister leaves
 * ExpoForum at 14:15 for a 14:30 meeting at Smolny, 45 minutes away.
 */
export function loadDemoProgramme(services: Services, ids: DemoIds): void {
  const a = SYSTEM_ACTOR;
  const p = ids.people;
  const r = ids.rooms;
  const az = ids.delegations.azerbaijan;
  const len = ids.delegations.leningrad;
  const delegationStaff = (...keys: [string, string][]) => keys.map(([key, role]) => ({ personId: p[key]!, role }));
  const meeting = (fields: Record<string, unknown>) => services.meetings.create(a, ids.forumId, { isPublic: false, briefing: '', outcome: '', documents: [], ...fields });

  meeting({
    title: 'Arrival briefing of the delegation',
    kind: 'briefing',
    status: 'confirmed',
    start: '2019-06-06T17:00',
    end: '2019-06-06T17:45',
    roomId: r.hotelRoom,
    participants: delegationStaff(['mustafayev', 'principal'], ['deputy', 'required'], ['adviser', 'required'], ['protocol', 'required'], ['interpreter', 'optional'], ['press', 'optional']),
    delegationIds: [az],
    briefing: `Programme of the three forum days; accreditation badges; security arrangements. ${ILLUSTRATIVE}`,
  });

  meeting({
    title: 'Morning briefing',
    kind: 'briefing',
    status: 'confirmed',
    start: '2019-06-07T08:00',
    end: '2019-06-07T08:40',
    roomId: r.hotelRoom,
    participants: delegationStaff(['mustafayev', 'principal'], ['deputy', 'required'], ['adviser', 'required'], ['protocol', 'required'], ['interpreter', 'required']),
    delegationIds: [az],
    briefing: `Talking points for the meeting with Governor Drozdenko; the agreement text as agreed by the working groups. ${ILLUSTRATIVE}`,
  });

  meeting({
    title: 'Transfer to ExpoForum',
    kind: 'travel',
    status: 'confirmed',
    start: '2019-06-07T08:45',
    end: '2019-06-07T09:30',
    place: 'Delegation cars, Hotel Astoria → ExpoForum, north entrance',
    participants: delegationStaff(['mustafayev', 'principal'], ['deputy', 'required'], ['adviser', 'required'], ['protocol', 'required'], ['interpreter', 'required'], ['security', 'required']),
    delegationIds: [az],
  });

  meeting({
    title: 'Meeting with Governor of Leningrad Region Aleksandr Drozdenko',
    kind: 'bilateral',
    status: 'confirmed',
    start: '2019-06-07T10:00',
    end: '2019-06-07T11:00',
    roomId: r.bilateral1,
    participants: [
      ...delegationStaff(['mustafayev', 'principal'], ['deputy', 'required'], ['adviser', 'note_taker'], ['interpreter', 'interpreter'], ['protocol', 'optional']),
      ...delegationStaff(['drozdenko', 'counterpart'], ['len-economy', 'counterpart']),
    ],
    delegationIds: [az, len],
    briefing: [
      'Objective: confirm the strategic partnership at regional level and sign the cooperation agreement.',
      'Talking points: bilateral trade grew 19% in 2018 to $2.5 billion and a further 23% in Q1 2019; trade with Leningrad Region grew 7.3% in 2018.',
      'Joint projects: GAZ Group plant in the Hajigabul industrial district (groundbreaking early 2019); pharmaceutical plant in the Pirallahi industrial park (first stage completed); SOCAR Polymer co-financing; Gazprombank financing of the Azerikimya modernisation.',
      'Proposals: joint food exhibitions and fairs; ties in science, education, healthcare, culture, tourism, sports and youth affairs.',
      ILLUSTRATIVE,
    ].join('\n'),
    outcome: 'Agreement on cooperation in the trade, economic, scientific, technical and cultural fields signed (Trend, 8 June 2019).',
    documents: [
      {
        title: 'Agreement on cooperation between the Republic of Azerbaijan and the Leningrad Region in the trade, economic, scientific, technical and cultural fields',
        parties: 'Republic of Azerbaijan; Leningrad Region of the Russian Federation',
        signedOn: null,
      },
    ],
  });

  meeting({
    title: 'Press approach after the meeting with Governor Drozdenko',
    kind: 'press',
    status: 'confirmed',
    start: '2019-06-07T11:10',
    end: '2019-06-07T11:30',
    roomId: r.pressCentre,
    participants: delegationStaff(['mustafayev', 'principal'], ['press', 'required'], ['interpreter', 'interpreter']),
    delegationIds: [az],
    briefing: `Three lines on the agreement and the trade figures. ${ILLUSTRATIVE}`,
  });

  meeting({
    title: 'Signing of the cooperation agreement between AZPROMO and the Roscongress Foundation',
    kind: 'signing',
    status: 'confirmed',
    start: '2019-06-07T12:00',
    end: '2019-06-07T12:30',
    roomId: r.stand,
    isPublic: true,
    participants: [...delegationStaff(['azpromo', 'principal'], ['mustafayev', 'optional'], ['press', 'optional']), ...delegationStaff(['roscongress', 'counterpart'])],
    delegationIds: [az],
    briefing: `AZPROMO and Roscongress sign a cooperation agreement as part of the forum (Trend, 8 June 2019). ${ILLUSTRATIVE}`,
    documents: [{ title: 'Agreement on cooperation between AZPROMO and the Roscongress Foundation', parties: 'AZPROMO; Roscongress Foundation', signedOn: null }],
  });

  meeting({
    title: 'Meeting with GAZ Group on the Hajigabul plant',
    kind: 'bilateral',
    status: 'confirmed',
    start: '2019-06-07T13:30',
    end: '2019-06-07T14:15',
    roomId: r.bilateral2,
    participants: [...delegationStaff(['deputy', 'principal'], ['adviser', 'note_taker']), ...delegationStaff(['gaz', 'counterpart'], ['hajigabul', 'required'])],
    delegationIds: [az],
    briefing: `Production schedule of the GAZ commercial vehicle plant in the Hajigabul industrial district. ${ILLUSTRATIVE}`,
  });

  meeting({
    title: 'Working meeting at the Government of Leningrad Region on joint food fairs',
    kind: 'multilateral',
    status: 'tentative',
    start: '2019-06-07T14:30',
    end: '2019-06-07T15:15',
    roomId: r.smolnyHall,
    participants: [...delegationStaff(['deputy', 'principal']), ...delegationStaff(['len-economy', 'counterpart'])],
    delegationIds: [az, len],
    briefing: `Follow-up of the agreement: calendar of joint food exhibitions and fairs. Deliberately too close to the GAZ meeting: ExpoForum to Smolny takes 45 minutes. ${ILLUSTRATIVE}`,
  });

  meeting({
    title: 'Panel: Russia and Azerbaijan, from trade to strategic partnership',
    kind: 'panel',
    status: 'confirmed',
    start: '2019-06-07T16:00',
    end: '2019-06-07T17:15',
    roomId: r.congressHall,
    isPublic: true,
    participants: delegationStaff(['mustafayev', 'principal'], ['interpreter', 'interpreter'], ['press', 'optional'], ['gazprombank', 'counterpart']),
    delegationIds: [az],
    briefing: `Speaking points: trade turnover, Gazprombank's financing of Azerikimya, SOCAR Polymer. ${ILLUSTRATIVE}`,
  });

  meeting({
    title: 'Reception of the Embassy of Azerbaijan',
    kind: 'reception',
    status: 'tentative',
    start: '2019-06-07T19:30',
    end: '2019-06-07T21:30',
    roomId: r.hotelRoom,
    participants: delegationStaff(['mustafayev', 'principal'], ['deputy', 'optional'], ['adviser', 'optional'], ['azpromo', 'optional']),
    delegationIds: [az],
    briefing: ILLUSTRATIVE,
  });

  meeting({
    title: 'Morning briefing',
    kind: 'briefing',
    status: 'confirmed',
    start: '2019-06-08T08:30',
    end: '2019-06-08T09:00',
    roomId: r.hotelRoom,
    participants: delegationStaff(['mustafayev', 'principal'], ['deputy', 'required'], ['adviser', 'required'], ['protocol', 'required'], ['azpromo', 'required']),
    delegationIds: [az],
    briefing: `The entrepreneurs' meeting: companies, requests, opening remarks. ${ILLUSTRATIVE}`,
  });

  meeting({
    title: 'Opening of the meeting of Azerbaijani and Russian entrepreneurs',
    kind: 'multilateral',
    status: 'confirmed',
    start: '2019-06-08T10:30',
    end: '2019-06-08T11:00',
    roomId: r.b2bArea,
    isPublic: true,
    participants: delegationStaff(['mustafayev', 'principal'], ['azpromo', 'required'], ['interpreter', 'interpreter'], ['roscongress', 'counterpart']),
    delegationIds: [az],
    briefing: `“In the framework of the forum, a meeting between Azerbaijani and Russian entrepreneurs is scheduled to be held” (Trend, 8 June 2019). B2B sessions follow. ${ILLUSTRATIVE}`,
  });

  services.availability.create(a, ids.forumId, { subject: 'person', subjectId: p.mustafayev!, start: '2019-06-08T14:30', end: '2019-06-08T23:59', reason: 'Return flight to Baku (illustrative)' });
  services.availability.create(a, ids.forumId, { subject: 'room', subjectId: r.congressHall!, start: '2019-06-07T08:00', end: '2019-06-07T09:30', reason: 'Stage set-up (illustrative)' });
}
