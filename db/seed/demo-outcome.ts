import type { Services } from '../../src/services';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { inputOf } from '../../src/services/agreements';
import type { DemoIds } from './demo';

/**
 * How the SPIEF 2019 demo ends: the outcome of the Trend report of 8 June
 * 2019. The agreement on trade, economic, scientific, technical and cultural
 * cooperation between Azerbaijan and Leningrad Region is signed on 7 June at
 * the Minister's meeting with Governor Drozdenko (signatories: Shahin
 * Mustafayev and Aleksandr Drozdenko); AZPROMO and the Roscongress Foundation
 * sign their cooperation agreement; the meeting of Azerbaijani and Russian
 * entrepreneurs is held. Each signing goes the planner's way: the document
 * to sign is agreed in the register, then "Mark held" on its meeting signs it.
 */
export function loadDemoOutcome(services: Services, ids: DemoIds): void {
  const a = SYSTEM_ACTOR;
  const p = ids.people;
  const o = ids.organizations;
  const meetings = services.meetings.list({ forumId: ids.forumId });
  const titled = (start: string) => meetings.find((m) => m.title.startsWith(start))!;

  const governor = titled('Meeting with Governor');
  const leningrad = governor.documents[0]!;
  agree(services, ids.forumId, leningrad.id, {
    kind: 'agreement',
    titleRu: 'Соглашение о сотрудничестве между Азербайджанской Республикой и Ленинградской областью Российской Федерации в торгово-экономической, научно-технической и культурной сферах',
    titleAz: 'Azərbaycan Respublikası ilə Rusiya Federasiyasının Leninqrad vilayəti arasında ticarət-iqtisadi, elmi-texniki və mədəni sahələrdə əməkdaşlıq haqqında Saziş',
    parties: 'Republic of Azerbaijan',
    partyIds: [o.leningrad],
    signatoryIds: [p.mustafayev, p.drozdenko],
    note: 'Signed at the meeting of Minister Shahin Mustafayev with Governor Aleksandr Drozdenko (Trend, 8 June 2019).',
  });
  services.agreements.markHeld(a, ids.forumId, governor.id, services.meetings.get(governor.id).version, [leningrad.id]);

  const signing = titled('Signing of the cooperation agreement between AZPROMO');
  const azpromo = signing.documents[0]!;
  agree(services, ids.forumId, azpromo.id, {
    kind: 'agreement',
    titleRu: 'Соглашение о сотрудничестве между AZPROMO и Фондом «Росконгресс»',
    titleAz: 'AZPROMO ilə Roskonqress Fondu arasında əməkdaşlıq haqqında Saziş',
    parties: '',
    partyIds: [o.azpromo, o.roscongress],
    note: 'Signed as part of the forum (Trend, 8 June 2019). The signatories are illustrative: the report does not name them.',
  });
  // Signed by the meeting's principal and counterpart (mark held's default).
  services.agreements.markHeld(a, ids.forumId, signing.id, services.meetings.get(signing.id).version, [azpromo.id]);

  // The entrepreneurs' meeting: its opening and every table meeting of the published B2B session.
  const opening = titled('Opening of the meeting of Azerbaijani and Russian entrepreneurs');
  services.agreements.markHeld(a, ids.forumId, opening.id, services.meetings.get(opening.id).version, []);
  for (const m of services.meetings.list({ forumId: ids.forumId, kind: 'b2b', status: 'confirmed' })) services.agreements.markHeld(a, ids.forumId, m.id, m.version, []);
}

/** The register's details of a document to sign, and its status moved to agreed (ready to sign at its meeting). */
function agree(services: Services, forumId: number, id: number, details: Record<string, unknown>): void {
  const current = services.agreements.inForum(forumId, id);
  services.agreements.update(SYSTEM_ACTOR, forumId, id, current.version, { ...inputOf(current), ...details, status: 'agreed' });
}
