import type { Services } from '../../src/services';
import { SYSTEM_ACTOR } from '../../src/services/actor';
import { linkActor, type RequestAction } from '../../src/services/b2b';
import type { DemoIds } from './demo';

const ILLUSTRATIVE = 'Illustrative: not named in the report.';
const NAMED = 'Named in the report (Trend, 8 June 2019).';

/** Companies of the entrepreneurs' meeting. `org` reuses a demo organization; otherwise one is created with `name`. */
interface DemoCompany {
  key: string;
  side: 'a' | 'b';
  org?: string;
  name?: string;
  nameRu?: string;
  nameAz?: string;
  /** Demo person keys, or new illustrative people [fullName, nameRu, nameAz, position, positionRu, positionAz]. */
  reps: (string | [string, string, string, string, string, string])[];
  sector: string;
  offers: string;
  seeks: string;
}

const COMPANIES: DemoCompany[] = [
  { key: 'socar-polymer', side: 'a', org: 'socar-polymer', reps: ['socar-polymer'], sector: 'Petrochemicals', offers: 'Polypropylene and high-density polyethylene from Sumgait', seeks: 'Buyers and distributors in Russia; rail logistics' },
  { key: 'azerikimya', side: 'a', org: 'azerikimya', reps: ['azerikimya'], sector: 'Petrochemicals', offers: 'Ethylene, propylene, chemical intermediates', seeks: 'Financing and equipment for the modernisation' },
  { key: 'hajigabul', side: 'a', org: 'hajigabul', reps: ['hajigabul'], sector: 'Industrial district', offers: 'Sites with utilities, tax and customs incentives', seeks: 'Automotive makers and their suppliers' },
  { key: 'pirallahi', side: 'a', org: 'pirallahi', reps: ['pirallahi'], sector: 'Industrial park (pharmaceuticals)', offers: 'Sites for pharmaceutical production, second stage', seeks: 'Pharmaceutical investors and partners' },
  { key: 'azpromo', side: 'a', org: 'azpromo', reps: ['azpromo'], sector: 'Export and investment promotion', offers: 'Introductions to Azerbaijani producers, investor support', seeks: 'Investors and trade missions' },
  { key: 'azersun', side: 'a', name: 'Azersun Holding', nameRu: 'Азерсун Холдинг', nameAz: 'Azərsun Holdinq', reps: [['Rauf Karimov', 'Рауф Керимов', 'Rauf Kərimov', 'Export Director', 'Директор по экспорту', 'İxrac direktoru']], sector: 'Food and agriculture', offers: 'Sugar, vegetable oil, tea, canned vegetables', seeks: 'Retail chains and distributors' },
  { key: 'baku-steel', side: 'a', name: 'Baku Steel Company', nameRu: 'Бакинская сталелитейная компания', nameAz: 'Baku Steel Company', reps: [['Samir Nasirov', 'Самир Насиров', 'Samir Nəsirov', 'Commercial Director', 'Коммерческий директор', 'Kommersiya direktoru']], sector: 'Metals', offers: 'Rebar and steel billets', seeks: 'Scrap supply, rolling-mill equipment' },
  { key: 'sumgait', side: 'a', name: 'Sumgait Chemical Industrial Park', nameRu: 'Сумгайытский химический промышленный парк', nameAz: 'Sumqayıt Kimya Sənaye Parkı', reps: [['Aysel Gasimova', 'Айсель Гасымова', 'Aysel Qasımova', 'Head of Investor Relations', 'Руководитель по работе с инвесторами', 'İnvestorlarla əlaqələr üzrə rəhbər']], sector: 'Industrial park (chemicals)', offers: 'Sites and feedstock next to SOCAR Polymer', seeks: 'Chemical producers as residents' },
  { key: 'ady', side: 'a', name: 'Azerbaijan Railways (ADY)', nameRu: 'Азербайджанские железные дороги (АЖД)', nameAz: 'Azərbaycan Dəmir Yolları', reps: [['Orkhan Mammadli', 'Орхан Мамедли', 'Orxan Məmmədli', 'Director for Freight', 'Директор по грузовым перевозкам', 'Yük daşımaları üzrə direktor'], ['Tahmina Ismayilova', 'Тахмина Исмаилова', 'Təhminə İsmayılova', 'Transit Manager, North–South corridor', 'Менеджер по транзиту, коридор «Север — Юг»', 'Tranzit meneceri, Şimal–Cənub dəhlizi']], sector: 'Rail logistics', offers: 'Transit on the North–South corridor', seeks: 'Freight volumes, rolling stock' },
  { key: 'asco', side: 'a', name: 'Azerbaijan Caspian Shipping (ASCO)', nameRu: 'Азербайджанское Каспийское морское пароходство (АСКО)', nameAz: 'Azərbaycan Xəzər Dəniz Gəmiçiliyi', reps: [['Vugar Hajiyev', 'Вугар Гаджиев', 'Vüqar Hacıyev', 'Deputy Chairman', 'Заместитель председателя', 'Sədr müavini']], sector: 'Shipping', offers: 'Caspian ferry and tanker services', seeks: 'Cargo owners, shipyard partners' },
  { key: 'azergold', side: 'a', name: 'AzerGold', nameRu: 'АзерГолд', nameAz: 'AzerGold QSC', reps: [['Lala Rustamova', 'Лала Рустамова', 'Lalə Rüstəmova', 'Business Development Manager', 'Менеджер по развитию бизнеса', 'Biznesin inkişafı üzrə menecer']], sector: 'Mining', offers: 'Gold, copper concentrate', seeks: 'Processing technology, project finance' },
  { key: 'gilan', side: 'a', name: 'Gilan Holding', nameRu: 'Гилан Холдинг', nameAz: 'Gilan Holdinq', reps: [['Emil Aliyev', 'Эмиль Алиев', 'Emil Əliyev', 'Head of Exports', 'Руководитель экспортного направления', 'İxrac şöbəsinin rəhbəri']], sector: 'Diversified (textiles, food, tourism)', offers: 'Textiles, juices, resort stays in Gabala', seeks: 'Distributors and tour operators' },
  { key: 'gaz', side: 'b', org: 'gaz', reps: ['gaz'], sector: 'Commercial vehicles', offers: 'Light commercial vehicles, assembly kits', seeks: 'Local suppliers for the Hajigabul plant' },
  { key: 'gazprombank', side: 'b', org: 'gazprombank', reps: ['gazprombank'], sector: 'Banking, project finance', offers: 'Project and export finance', seeks: 'Industrial projects to finance' },
  { key: 'roscongress', side: 'b', org: 'roscongress', reps: ['roscongress'], sector: 'Congress and exhibition organiser', offers: 'Business programmes, forums, trade missions', seeks: 'Partners for the Russian–Azerbaijani Interregional Forum' },
  { key: 'kamaz', side: 'b', name: 'KAMAZ', nameRu: 'ПАО «КАМАЗ»', nameAz: 'KAMAZ', reps: [['Igor Sokolov', 'Игорь Соколов', 'İqor Sokolov', 'Regional Director, CIS', 'Региональный директор по СНГ', 'MDB üzrə regional direktor']], sector: 'Trucks', offers: 'Trucks and buses, service networks', seeks: 'Dealers, assembly partners' },
  { key: 'rzd', side: 'b', name: 'RZD Logistics', nameRu: 'АО «РЖД Логистика»', nameAz: 'RJD Logistika', reps: [['Natalia Fedorova', 'Наталья Федорова', 'Natalya Fyodorova', 'Head of International Projects', 'Руководитель международных проектов', 'Beynəlxalq layihələrin rəhbəri']], sector: 'Rail logistics', offers: 'Door-to-door rail freight, container trains', seeks: 'Southbound freight, terminal partners' },
  { key: 'uralchem', side: 'b', name: 'Uralchem', nameRu: 'АО «ОХК „Уралхим“»', nameAz: 'Uralxim', reps: [['Pavel Morozov', 'Павел Морозов', 'Pavel Morozov', 'Sales Director, Caucasus and Central Asia', 'Директор по продажам, Кавказ и Центральная Азия', 'Satış direktoru, Qafqaz və Mərkəzi Asiya']], sector: 'Fertilisers', offers: 'Nitrogen and phosphate fertilisers', seeks: 'Distributors, port storage' },
  { key: 'sibur', side: 'b', name: 'SIBUR', nameRu: 'ПАО «СИБУР Холдинг»', nameAz: 'SİBUR', reps: [['Elena Zaitseva', 'Елена Зайцева', 'Yelena Zaytseva', 'Director for Polymers Export', 'Директор по экспорту полимеров', 'Polimer ixracı üzrə direktor']], sector: 'Petrochemicals', offers: 'Polymers, synthetic rubbers, process know-how', seeks: 'Feedstock swaps, joint marketing' },
  { key: 'rusagro', side: 'b', name: 'Rusagro', nameRu: 'ГК «Русагро»', nameAz: 'Rusaqro', reps: [['Maxim Lebedev', 'Максим Лебедев', 'Maksim Lebedev', 'Head of Trading', 'Руководитель трейдинга', 'Ticarət şöbəsinin rəhbəri']], sector: 'Food and agriculture', offers: 'Sugar, grain, meat', seeks: 'Vegetable and fruit suppliers' },
  { key: 'rec', side: 'b', name: 'Russian Export Center', nameRu: 'АО «Российский экспортный центр»', nameAz: 'Rusiya İxrac Mərkəzi', reps: [['Yulia Pavlova', 'Юлия Павлова', 'Yuliya Pavlova', 'Director for the CIS', 'Директор по странам СНГ', 'MDB ölkələri üzrə direktor']], sector: 'Export support', offers: 'Export credit insurance, trade missions', seeks: 'Importers of Russian goods' },
  { key: 'transmash', side: 'b', name: 'Transmashholding', nameRu: 'АО «Трансмашхолдинг»', nameAz: 'Transmaşxolding', reps: [['Andrei Kovalev', 'Андрей Ковалёв', 'Andrey Kovalyov', 'Vice-President, International Sales', 'Вице-президент по международным продажам', 'Beynəlxalq satışlar üzrə vitse-prezident']], sector: 'Rolling stock', offers: 'Locomotives, passenger coaches, maintenance', seeks: 'Rail operators, local maintenance partners' },
  { key: 'severstal', side: 'b', name: 'Severstal', nameRu: 'ПАО «Северсталь»', nameAz: 'Severstal', reps: [['Viktor Nikitin', 'Виктор Никитин', 'Viktor Nikitin', 'Export Sales Manager', 'Менеджер по экспортным продажам', 'İxrac satışları üzrə menecer']], sector: 'Steel', offers: 'Flat and long steel, pipes', seeks: 'Construction and pipe projects' },
  { key: 'r-pharm', side: 'b', name: 'R-Pharm', nameRu: 'АО «Р-Фарм»', nameAz: 'R-Farm', reps: [['Sergei Vasiliev', 'Сергей Васильев', 'Sergey Vasilyev', 'Director for International Projects', 'Директор по международным проектам', 'Beynəlxalq layihələr üzrə direktor']], sector: 'Pharmaceuticals', offers: 'Generic and original medicines, plant know-how', seeks: 'Production sites and distributors' },
];

type Req = [from: string, to: string, priority: number, message: string];

/** Accepted, then the rest: pending (unanswered), declined by the company asked, cancelled by the one that asked. */
const ACCEPTED: Req[] = [
  ['socar-polymer', 'sibur', 3, 'Polypropylene grades for the Russian market'],
  ['socar-polymer', 'rzd', 2, 'Rail transport of polymer pellets to Moscow region'],
  ['socar-polymer', 'gazprombank', 2, 'Working capital facility'],
  ['azerikimya', 'gazprombank', 3, 'Next tranche of the modernisation financing'],
  ['azerikimya', 'sibur', 2, 'Ethylene supply and swaps'],
  ['azerikimya', 'uralchem', 2, 'Ammonia logistics'],
  ['hajigabul', 'gaz', 3, 'Second phase of the vehicle plant'],
  ['hajigabul', 'kamaz', 2, 'Truck assembly in the industrial district'],
  ['hajigabul', 'rec', 1, 'Export insurance for residents'],
  ['pirallahi', 'r-pharm', 3, 'Second stage of the pharmaceutical plant'],
  ['pirallahi', 'rec', 2, 'Trade mission of Russian pharmaceutical companies'],
  ['gazprombank', 'pirallahi', 2, 'Financing for residents of the park'],
  ['roscongress', 'pirallahi', 1, 'A session on industrial parks at the Interregional Forum'],
  ['azpromo', 'roscongress', 2, 'Follow-up of the cooperation agreement signed on 7 June'],
  ['azpromo', 'rec', 3, 'Joint trade missions in 2019–2020'],
  ['azpromo', 'gaz', 1, 'Investor aftercare for the Hajigabul plant'],
  ['rusagro', 'azersun', 2, 'Sugar and vegetable oil trade'],
  ['azersun', 'rec', 2, 'Export credit for equipment imports'],
  ['azersun', 'rzd', 1, 'Refrigerated containers to Moscow'],
  ['baku-steel', 'severstal', 3, 'Billet supply and rolling know-how'],
  ['baku-steel', 'transmash', 1, 'Steel for rolling stock repair'],
  ['uralchem', 'sumgait', 2, 'A fertiliser blending site in the park'],
  ['sumgait', 'sibur', 2, 'Residents for the polymer processing cluster'],
  ['ady', 'rzd', 3, 'North–South corridor volumes for 2020'],
  ['ady', 'transmash', 3, 'Passenger coaches and maintenance contract'],
  ['kamaz', 'ady', 2, 'Trucks by rail to Iran'],
  ['asco', 'rzd', 2, 'Rail–ferry connections via Baku port'],
  ['asco', 'uralchem', 1, 'Fertiliser shipments across the Caspian'],
  ['azergold', 'gazprombank', 2, 'Financing of a flotation plant'],
  ['azergold', 'rec', 1, 'Russian equipment suppliers'],
  ['gilan', 'rusagro', 2, 'Juice concentrates'],
  ['gilan', 'roscongress', 1, 'Tourism forum in Gabala'],
  ['gaz', 'baku-steel', 1, 'Local steel for the Hajigabul plant'],
  ['kamaz', 'asco', 1, 'Ferry capacity for trucks'],
  ['r-pharm', 'azpromo', 2, 'Incentives for the second stage'],
  ['severstal', 'asco', 1, 'Pipe shipments across the Caspian'],
];
const PENDING: Req[] = [
  ['rzd', 'hajigabul', 1, 'A rail siding for the industrial district'],
  ['kamaz', 'baku-steel', 1, 'Frame steel'],
  ['sibur', 'asco', 1, 'Tank capacity'],
  ['azpromo', 'sibur', 2, 'Investment in Sumgait'],
  ['roscongress', 'azersun', 1, 'A food exhibition in St. Petersburg'],
  ['rec', 'ady', 1, 'Export credit for wagons'],
];
const DECLINED: Req[] = [
  ['azergold', 'kamaz', 1, 'Mining trucks'],
  ['gilan', 'gazprombank', 1, 'Hotel project finance'],
  ['transmash', 'sumgait', 1, 'A components plant'],
  ['r-pharm', 'azerikimya', 1, 'Chemical intermediates'],
];
const CANCELLED: Req[] = [
  ['asco', 'gaz', 1, 'Vehicle shipments'],
  ['socar-polymer', 'uralchem', 1, 'Packaging film'],
];

/**
 * The entrepreneurs' meeting of 8 June 2019 (“a meeting between Azerbaijani
 * and Russian entrepreneurs is scheduled”, Trend): after the 10:30–11:00
 * opening in the B2B area, six 20-minute slots with 5-minute changeovers and
 * a coffee break, 15 tables. The companies the report names take part; the
 * others are illustrative and say so. Two ordinary meetings fall inside the
 * session, so the schedule works around them: a bilateral with Gazprombank
 * and Azerikimya at 11:50, and a Roscongress meeting from 12:30 that leaves
 * no slot in common with Pirallahi (whose director presents to the press until
 * 12:10): that request stays unplaced, with both meetings named.
 */
export function loadDemoB2B(services: Services, ids: DemoIds): { sessionId: number; participants: Record<string, number> } {
  const a = SYSTEM_ACTOR;
  const p = ids.people;
  const meeting = (fields: Record<string, unknown>) => services.meetings.create(a, ids.forumId, { isPublic: false, outcome: '', documents: [], status: 'confirmed', ...fields });
  meeting({
    title: 'Meeting with Gazprombank on financing the Azerikimya modernisation',
    kind: 'bilateral',
    start: '2019-06-08T11:50',
    end: '2019-06-08T12:30',
    roomId: ids.rooms.bilateral1,
    participants: [{ personId: p.deputy, role: 'principal' }, { personId: p.azerikimya, role: 'required' }, { personId: p.gazprombank, role: 'counterpart' }],
    delegationIds: [ids.delegations.azerbaijan],
    briefing: 'Runs during the B2B session: Azerikimya and Gazprombank have no table at 11:50. Time and room are illustrative.',
  });
  meeting({
    title: 'Presentation of the Pirallahi Industrial Park to the press',
    kind: 'press',
    start: '2019-06-08T11:00',
    end: '2019-06-08T12:10',
    roomId: ids.rooms.pressCentre,
    participants: [{ personId: p.pirallahi, role: 'principal' }, { personId: p.press, role: 'optional' }],
    delegationIds: [ids.delegations.azerbaijan],
    briefing: 'Illustrative: keeps Pirallahi Industrial Park from the B2B tables until the coffee break.',
  });
  meeting({
    title: 'Preparing the Russian–Azerbaijani Interregional Forum with Roscongress',
    kind: 'bilateral',
    start: '2019-06-08T12:30',
    end: '2019-06-08T13:40',
    roomId: ids.rooms.bilateral2,
    participants: [{ personId: p['len-economy'], role: 'principal' }, { personId: p.roscongress, role: 'counterpart' }],
    delegationIds: [ids.delegations.leningrad],
    briefing: 'Illustrative: keeps Roscongress from the B2B tables after the coffee break.',
  });

  const session = services.b2b.sessions.create(a, ids.forumId, {
    title: 'Meeting of Azerbaijani and Russian entrepreneurs',
    roomId: ids.rooms.b2bArea,
    start: '2019-06-08T11:00',
    end: '2019-06-08T13:40',
    slotMinutes: 20,
    changeoverMinutes: 5,
    breaks: [{ start: '12:10', end: '12:30', label: 'Coffee break' }],
    tableCount: 15,
    sideALabel: 'Azerbaijani companies',
    sideBLabel: 'Russian companies',
    description: '“In the framework of the forum, a meeting between Azerbaijani and Russian entrepreneurs is scheduled to be held” (Trend, 8 June 2019). The B2B tables follow the opening at 10:30. Times, tables and the companies the report does not name are illustrative.',
  });

  const participants: Record<string, number> = {};
  const names: Record<string, string> = {};
  for (const c of COMPANIES) {
    const organizationId = c.org ? ids.organizations[c.org]! : services.organizations.create(a, { name: c.name, nameRu: c.nameRu ?? '', nameAz: c.nameAz ?? '', country: c.side === 'a' ? 'Azerbaijan' : 'Russia', kind: 'company' }).id;
    const representativeIds = c.reps.map((r) =>
      typeof r === 'string' ? p[r]! : services.people.create(a, { fullName: r[0], nameRu: r[1], nameAz: r[2], position: r[3], positionRu: r[4], positionAz: r[5], organizationId, languages: c.side === 'a' ? 'az, ru, en' : 'ru, en', notes: ILLUSTRATIVE }).id,
    );
    const participant = services.b2b.participants.add(a, session.id, { organizationId, representativeIds, side: c.side, sector: c.sector, offers: c.offers, seeks: c.seeks, notes: c.org ? NAMED : `Illustrative participant: ${ILLUSTRATIVE.toLowerCase()}` });
    participants[c.key] = participant.id;
    names[c.key] = services.organizations.get(organizationId).name;
  }

  // Companies ask and answer through their own links; the planner's runs stamp the protocol office.
  const ask = ([from, to, priority, message]: Req) => services.b2b.requests.create({ actor: linkActor(names[from]!), participantId: participants[from]! }, session.id, { toId: participants[to], priority, message });
  const answer = (request: { id: number }, key: string, action: RequestAction) => services.b2b.requests.act({ actor: linkActor(names[key]!), participantId: participants[key]! }, request.id, action);
  for (const r of ACCEPTED) answer(ask(r), r[1], 'accept');
  for (const r of PENDING) ask(r);
  for (const r of DECLINED) answer(ask(r), r[1], 'decline');
  for (const r of CANCELLED) answer(ask(r), r[0], 'cancel');

  const flagship = services.b2b.requests.list(session.id).find((r) => r.fromId === participants['socar-polymer'] && r.toId === participants.sibur)!;
  // The pin proposes the schedule; the protocol office applies it and publishes it to the companies.
  const proposal = services.b2b.scheduling.pin(a, flagship.id, { slotIndex: 0, table: 1 });
  services.b2b.scheduling.apply(a, proposal.id);
  services.b2b.scheduling.publish(a, session.id);
  return { sessionId: session.id, participants };
}
