import { outcomeReport, pressRelease, type OutcomeAgreementInput, type OutcomeInput, type OutcomeMeetingInput } from '../../src/domain/outcome';
import type { Locale } from '../../src/messages/catalogue';

/** Small programmes of the SPIEF 2019 demo's people, each built for one case. */
const FORUM: OutcomeInput['forum'] = { id: 1, name: '23rd St. Petersburg International Economic Forum', shortName: 'SPIEF 2019', startDate: '2019-06-06', endDate: '2019-06-08', city: 'St. Petersburg', timeZone: 'Europe/Moscow' };
const ORGS: OutcomeInput['organizations'] = [
  { id: 1, name: 'Ministry of Economy of the Republic of Azerbaijan', nameRu: 'Министерство экономики Азербайджанской Республики', nameAz: 'Azərbaycan Respublikasının İqtisadiyyat Nazirliyi', country: 'Azerbaijan', kind: 'ministry' },
  { id: 2, name: 'Government of Leningrad Region', nameRu: 'Правительство Ленинградской области', nameAz: 'Leninqrad vilayətinin Hökuməti', country: 'Russia', kind: 'region' },
  { id: 3, name: 'AZPROMO', nameRu: 'AZPROMO', nameAz: 'AZPROMO', country: 'Azerbaijan', kind: 'foundation' },
  { id: 4, name: 'Roscongress Foundation', nameRu: 'Фонд «Росконгресс»', nameAz: 'Roskonqress Fondu', country: 'Russia', kind: 'foundation' },
  { id: 5, name: 'SOCAR Polymer', nameRu: 'СОКАР Полимер', nameAz: 'SOCAR Polimer', country: 'Azerbaijan', kind: 'company' },
  { id: 6, name: 'SIBUR', nameRu: 'СИБУР', nameAz: 'SİBUR', country: 'Russia', kind: 'company' },
  { id: 7, name: 'RZD Logistics', nameRu: 'РЖД Логистика', nameAz: 'RJD Logistika', country: 'Russia', kind: 'company' },
];
const person = (id: number, organizationId: number, [fullName, nameRu, nameAz]: string[], [position, positionRu, positionAz]: string[], patronymicRu = '') => ({ id, organizationId, fullName: fullName!, nameRu: nameRu!, nameAz: nameAz!, patronymicRu, position: position!, positionRu: positionRu!, positionAz: positionAz! });
const PEOPLE: OutcomeInput['people'] = [
  person(1, 1, ['Shahin Mustafayev', 'Шахин Мустафаев', 'Şahin Mustafayev'], ['Minister of Economy, head of the delegation', 'Министр экономики, глава делегации', 'İqtisadiyyat naziri, nümayəndə heyətinin rəhbəri'], 'Ашраф оглы'),
  person(2, 2, ['Aleksandr Drozdenko', 'Александр Дрозденко', 'Aleksandr Drozdenko'], ['Governor of Leningrad Region', 'Губернатор Ленинградской области', 'Leninqrad vilayətinin qubernatoru'], 'Юрьевич'),
  person(3, 3, ['Nigar Aliyeva', 'Нигяр Алиева', 'Nigar Əliyeva'], ['Deputy Executive Director, AZPROMO', 'Заместитель исполнительного директора AZPROMO', 'AZPROMO-nun icraçı direktorunun müavini']),
  person(4, 4, ['Anna Kuznetsova', 'Анна Кузнецова', 'Anna Kuznetsova'], ['Director for International Cooperation', 'Директор по международному сотрудничеству', 'Beynəlxalq əməkdaşlıq üzrə direktor']),
];

let nextId = 100;
function meeting(fields: Partial<OutcomeMeetingInput>): OutcomeMeetingInput {
  return { id: nextId++, title: 'Meeting', kind: 'bilateral', status: 'confirmed', start: '2019-06-07T10:00', end: '2019-06-07T11:00', heldAt: 1_559_900_000_000, participants: [], outcome: '', outcomePublic: false, ...fields };
}
function agreement(fields: Partial<OutcomeAgreementInput>): OutcomeAgreementInput {
  return { id: nextId++, meetingId: null, kind: 'agreement', title: 'Agreement', titleRu: '', titleAz: '', parties: '', partyIds: [], status: 'signed', signedOn: '2019-06-07', signedPlace: '', signatories: [], ...fields };
}
function programme(parts: Partial<Pick<OutcomeInput, 'meetings' | 'agreements' | 'b2b'>> = {}): OutcomeInput {
  return { forum: FORUM, delegation: { id: 1, name: 'Azerbaijan — Ministry of Economy', country: 'Azerbaijan', headPersonId: 1 }, people: PEOPLE, organizations: ORGS, meetings: [], agreements: [], b2b: [], ...parts };
}

const governor = meeting({
  title: 'Meeting with Governor of Leningrad Region Aleksandr Drozdenko',
  participants: [
    { personId: 1, role: 'principal' },
    { personId: 2, role: 'counterpart' },
  ],
  outcome: 'The parties agreed to hold joint food fairs in 2020.',
});
const twoDocuments = [
  agreement({ meetingId: governor.id, title: 'Agreement on trade, economic, scientific, technical and cultural cooperation', titleRu: 'Соглашение о торгово-экономическом, научно-техническом и культурном сотрудничестве', titleAz: 'Ticarət-iqtisadi, elmi-texniki və mədəni əməkdaşlıq haqqında Saziş', partyIds: [1, 2] }),
  agreement({ meetingId: governor.id, kind: 'memorandum', title: 'Memorandum on trade houses', titleRu: 'Меморандум о торговых домах', titleAz: 'Ticarət evləri haqqında Memorandum' }),
];
const signing = meeting({
  title: 'Signing of the cooperation agreement between AZPROMO and the Roscongress Foundation',
  kind: 'signing',
  start: '2019-06-07T12:00',
  end: '2019-06-07T12:30',
  participants: [
    { personId: 3, role: 'principal' },
    { personId: 1, role: 'optional' },
    { personId: 4, role: 'counterpart' },
  ],
});
const foundations = agreement({ meetingId: signing.id, title: 'Agreement on cooperation between AZPROMO and the Roscongress Foundation', titleRu: 'Соглашение о сотрудничестве между AZPROMO и Фондом «Росконгресс»', partyIds: [3, 4] });
const b2bMeetings = [meeting({ kind: 'b2b', start: '2019-06-08T11:00' }), meeting({ kind: 'b2b', start: '2019-06-08T11:25' }), meeting({ kind: 'b2b', start: '2019-06-08T11:50', heldAt: null })];
const session = {
  id: 1,
  title: 'Meeting of Azerbaijani and Russian entrepreneurs',
  start: '2019-06-08T11:00',
  published: true,
  requests: [
    { id: 1, state: 'accepted' as const, meetingId: b2bMeetings[0]!.id, organizationIds: [5, 6] as [number, number] },
    { id: 2, state: 'accepted' as const, meetingId: b2bMeetings[1]!.id, organizationIds: [5, 7] as [number, number] },
    { id: 3, state: 'accepted' as const, meetingId: b2bMeetings[2]!.id, organizationIds: [3, 7] as [number, number] },
    { id: 4, state: 'accepted' as const, meetingId: null, organizationIds: [3, 6] as [number, number] },
    { id: 5, state: 'declined' as const, meetingId: null, organizationIds: [3, 5] as [number, number] },
  ],
};

interface Case {
  name: string;
  input: OutcomeInput;
  locale: Locale;
  /** The release's paragraphs, exactly. */
  release: string[];
  check?: (report: ReturnType<typeof outcomeReport>) => void;
}

const INTRO: Record<Locale, string> = {
  en: 'On 6–8 June 2019, the Azerbaijani delegation led by Minister of Economy Shahin Mustafayev took part in the 23rd St. Petersburg International Economic Forum (SPIEF 2019) in St. Petersburg.',
  ru: '6–8 июня 2019 года азербайджанская делегация приняла участие в работе форума «23rd St. Petersburg International Economic Forum» (SPIEF 2019) в городе Санкт-Петербург. Руководитель делегации — министр экономики Шахин Мустафаев.',
  az: '6–8 iyun 2019 tarixlərində Azərbaycan nümayəndə heyəti Sankt-Peterburq şəhərində keçirilən «23rd St. Petersburg International Economic Forum» (SPIEF 2019) forumunda iştirak edib. Nümayəndə heyətinə iqtisadiyyat naziri Şahin Mustafayev rəhbərlik edib.',
};

const cases: Case[] = [
  {
    name: 'no meetings held: only who took part, and the report is empty',
    input: programme({ meetings: [{ ...governor, heldAt: null }], agreements: [{ ...twoDocuments[0]!, status: 'agreed', signedOn: null }] }),
    locale: 'en',
    release: [INTRO.en],
    check: (r) => {
      expect(r.empty).toBe(true);
      expect(r.held).toEqual([]);
      expect(r.notMarkedHeld.map((m) => m.id)).toEqual([governor.id]);
      expect(r.agreements.pending).toHaveLength(1);
    },
  },
  ...(['en', 'ru', 'az'] as const).map(
    (locale): Case => ({
      name: `${locale}: one bilateral with two documents, its outcome private`,
      input: programme({ meetings: [governor], agreements: twoDocuments }),
      locale,
      release: [
        INTRO[locale],
        {
          en: 'On 7 June, as part of the forum, Head of the Azerbaijani delegation, Minister of Economy Shahin Mustafayev met with Governor of Leningrad Region Aleksandr Drozdenko. During the meeting, the following documents were signed: “Agreement on trade, economic, scientific, technical and cultural cooperation”; “Memorandum on trade houses”.',
          ru: '7 июня в рамках форума руководитель азербайджанской делегации, министр экономики Шахин Мустафаев и губернатор Ленинградской области Александр Дрозденко провели встречу. В ходе встречи подписаны документы: «Соглашение о торгово-экономическом, научно-техническом и культурном сотрудничестве»; «Меморандум о торговых домах».',
          az: '7 iyun tarixində forum çərçivəsində Azərbaycan nümayəndə heyətinin rəhbəri, iqtisadiyyat naziri Şahin Mustafayev Leninqrad vilayətinin qubernatoru Aleksandr Drozdenko ilə görüşüb. Görüş çərçivəsində aşağıdakı sənədlər imzalanıb: «Ticarət-iqtisadi, elmi-texniki və mədəni əməkdaşlıq haqqında Saziş»; «Ticarət evləri haqqında Memorandum».',
        }[locale],
      ],
      check: (r) => {
        expect(r.heldByKind).toEqual([{ item: 'bilateral', count: 1 }]);
        expect(r.heldByCountry).toEqual([{ item: 'Russia', count: 1 }]);
        expect(r.heldByRegion.map((c) => c.item.name)).toEqual(['Government of Leningrad Region']);
        expect(r.heldByPrincipal.map((c) => [c.item.fullName, c.count])).toEqual([['Shahin Mustafayev', 1]]);
        expect(r.counterparts.map((c) => [c.organization?.name, c.meetings.map((m) => m.signed.length)])).toEqual([['Government of Leningrad Region', [2]]]);
        expect(r.counterparts[0]!.meetings[0]!.outcome).toBe('The parties agreed to hold joint food fairs in 2020.');
      },
    }),
  ),
  {
    name: 'a publishable outcome is quoted after its meeting, as written',
    input: programme({ meetings: [{ ...governor, outcomePublic: true }], agreements: [twoDocuments[0]!] }),
    locale: 'en',
    release: [
      INTRO.en,
      'On 7 June, as part of the forum, Head of the Azerbaijani delegation, Minister of Economy Shahin Mustafayev met with Governor of Leningrad Region Aleksandr Drozdenko. During the meeting, the “Agreement on trade, economic, scientific, technical and cultural cooperation” was signed. The parties agreed to hold joint food fairs in 2020.',
    ],
  },
  {
    name: 'ru: one document signed at the meeting, a publishable outcome',
    input: programme({ meetings: [{ ...governor, outcomePublic: true }], agreements: [twoDocuments[0]!] }),
    locale: 'ru',
    release: [
      INTRO.ru,
      '7 июня в рамках форума руководитель азербайджанской делегации, министр экономики Шахин Мустафаев и губернатор Ленинградской области Александр Дрозденко провели встречу. В ходе встречи подписан документ «Соглашение о торгово-экономическом, научно-техническом и культурном сотрудничестве». The parties agreed to hold joint food fairs in 2020.',
    ],
  },
  {
    name: 'a cancelled signing: neither its meeting nor its unsigned agreement is reported; it is listed apart',
    input: programme({ meetings: [{ ...signing, status: 'cancelled', heldAt: null }], agreements: [{ ...foundations, status: 'agreed', signedOn: null }] }),
    locale: 'en',
    release: [INTRO.en],
    check: (r) => {
      expect(r.cancelled.map((m) => m.id)).toEqual([signing.id]);
      expect(r.held).toEqual([]);
      expect(r.agreements.signed).toEqual([]);
      expect(r.agreements.pending.map((a) => a.id)).toEqual([foundations.id]);
    },
  },
  ...(['en', 'ru', 'az'] as const).map(
    (locale): Case => ({
      name: `${locale}: the foundations' agreement, signed without a principal meeting`,
      input: programme({ meetings: [signing], agreements: [foundations] }),
      locale,
      release: [
        INTRO[locale],
        {
          en: 'On 7 June, as part of the forum, the “Agreement on cooperation between AZPROMO and the Roscongress Foundation” was signed by AZPROMO and Roscongress Foundation.',
          ru: '7 июня в рамках форума подписан документ «Соглашение о сотрудничестве между AZPROMO и Фондом „Росконгресс“» (стороны: AZPROMO и Фонд «Росконгресс»).',
          az: '7 iyun tarixində forum çərçivəsində AZPROMO və Roskonqress Fondu tərəfindən «Agreement on cooperation between AZPROMO and the Roscongress Foundation» imzalanıb.',
        }[locale],
      ],
    }),
  ),
  ...(['en', 'ru', 'az'] as const).map(
    (locale): Case => ({
      name: `${locale}: a B2B session, two meetings held, one not marked, one request not met`,
      input: programme({ meetings: b2bMeetings, b2b: [session] }),
      locale,
      release: [
        INTRO[locale],
        {
          en: 'On 8 June, as part of the forum, a meeting of Azerbaijani and Russian entrepreneurs was held: 3 companies held 2 B2B meetings.',
          ru: '8 июня в рамках форума состоялась встреча азербайджанских и российских предпринимателей: 3 компании провели 2 деловые встречи в формате B2B.',
          az: '8 iyun tarixində forum çərçivəsində Azərbaycan və Rusiya sahibkarlarının görüşü keçirilib: 3 şirkət arasında 2 B2B görüş baş tutub.',
        }[locale],
      ],
      check: (r) => {
        expect(r.b2b).toMatchObject({ held: 2, companiesMet: 3, notMarkedHeld: 1, requestsNotMet: 1 });
        // B2B meetings are counted by session, not among the meetings held.
        expect(r.held).toEqual([]);
      },
    }),
  ),
  {
    name: 'a tentative meeting and one confirmed but not marked held are listed apart, never held',
    input: programme({ meetings: [{ ...governor, status: 'tentative', heldAt: null }, { ...signing, heldAt: null }, meeting({ kind: 'travel' }), meeting({ kind: 'briefing' })] }),
    locale: 'en',
    release: [INTRO.en],
    check: (r) => {
      expect(r.notConfirmed.map((m) => m.id)).toEqual([governor.id]);
      expect(r.notMarkedHeld.map((m) => m.id)).toEqual([signing.id]);
      expect(r.held).toEqual([]);
    },
  },
  {
    name: 'a bilateral of another principal than the head is in the report, not in the release',
    input: programme({ meetings: [{ ...governor, participants: [{ personId: 3, role: 'principal' }, { personId: 2, role: 'counterpart' }] }] }),
    locale: 'en',
    release: [INTRO.en],
    check: (r) => expect(r.heldByPrincipal.map((c) => c.item.fullName)).toEqual(['Nigar Aliyeva']),
  },
  {
    name: 'without a head, any principal’s meeting is reported, without "Head of the delegation"',
    input: { ...programme({ meetings: [{ ...governor, participants: [{ personId: 3, role: 'principal' }, { personId: 2, role: 'counterpart' }] }] }), delegation: { id: 1, name: 'Azerbaijan', country: 'Azerbaijan', headPersonId: null } },
    locale: 'ru',
    release: [
      '6–8 июня 2019 года азербайджанская делегация приняла участие в работе форума «23rd St. Petersburg International Economic Forum» (SPIEF 2019) в городе Санкт-Петербург.',
      '7 июня в рамках форума заместитель исполнительного директора AZPROMO Нигяр Алиева и губернатор Ленинградской области Александр Дрозденко провели встречу.',
    ],
  },
  {
    name: 'az: free-text parties, split at “;”, when the register names no organization; a country without an adjective',
    input: { ...programme({ agreements: [agreement({ title: 'Protocol on trade houses', titleAz: 'Ticarət evləri haqqında Protokol', parties: 'Ministry of Economy; Government of Leningrad Region' })] }), delegation: { id: 1, name: 'France', country: 'France', headPersonId: null } },
    locale: 'az',
    release: [
      '6–8 iyun 2019 tarixlərində France nümayəndə heyəti Sankt-Peterburq şəhərində keçirilən «23rd St. Petersburg International Economic Forum» (SPIEF 2019) forumunda iştirak edib.',
      '7 iyun tarixində forum çərçivəsində Ministry of Economy və Government of Leningrad Region tərəfindən «Ticarət evləri haqqında Protokol» imzalanıb.',
    ],
  },
  {
    name: 'a forum with no delegation yet: the forum, its dates and city only',
    input: { ...programme(), delegation: null },
    locale: 'ru',
    release: ['6–8 июня 2019 года в городе Санкт-Петербург прошёл форум «23rd St. Petersburg International Economic Forum» (SPIEF 2019).'],
    check: (r) => expect(r.empty).toBe(true),
  },
];

describe('the outcome report and its draft press release', () => {
  it.each(cases)('$name', ({ input, locale, release, check }) => {
    const report = outcomeReport(input);
    expect(pressRelease(report, locale).paragraphs).toEqual(release);
    check?.(report);
  });

  it('never quotes a briefing or a private outcome, in any language', () => {
    const report = outcomeReport(programme({ meetings: [{ ...governor, outcome: 'PRIVATE: the Governor asked for a discount.' }] }));
    for (const locale of ['en', 'ru', 'az'] as const) expect(pressRelease(report, locale).text).not.toContain('PRIVATE');
  });
});
