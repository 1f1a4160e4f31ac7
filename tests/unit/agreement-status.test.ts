import { AGREEMENT_STATUSES, canMoveStatus, isAgreementKind, isAgreementStatus, kindFromTitle, statusesFrom, titleIn, type AgreementStatus } from '../../src/domain/agreements';

describe('agreement status transitions', () => {
  const allowed: [AgreementStatus, AgreementStatus][] = [
    ['draft', 'agreed'],
    ['agreed', 'signed'],
    ['draft', 'withdrawn'],
    ['agreed', 'withdrawn'],
    ['signed', 'withdrawn'],
    ['withdrawn', 'draft'],
  ];
  it.each(allowed)('%s → %s is allowed', (from, to) => {
    expect(canMoveStatus(from, to)).toBe(true);
  });

  it.each(AGREEMENT_STATUSES.map((s) => [s]))('%s → itself is allowed (an edit of the other fields)', (s) => {
    expect(canMoveStatus(s, s)).toBe(true);
  });

  const refused = AGREEMENT_STATUSES.flatMap((from) => AGREEMENT_STATUSES.map((to) => [from, to] as [AgreementStatus, AgreementStatus])).filter(
    ([from, to]) => from !== to && !allowed.some(([a, b]) => a === from && b === to),
  );
  it.each(refused)('%s → %s is refused', (from, to) => {
    expect(canMoveStatus(from, to)).toBe(false);
  });

  it('names the refused moves it should: a draft is not signed without being agreed, a signed one is not unsigned', () => {
    expect(refused).toEqual(
      expect.arrayContaining([
        ['draft', 'signed'],
        ['signed', 'agreed'],
        ['signed', 'draft'],
        ['withdrawn', 'signed'],
        ['withdrawn', 'agreed'],
        ['agreed', 'draft'],
      ]),
    );
  });

  it.each([
    ['draft', ['draft', 'agreed', 'withdrawn']],
    ['agreed', ['agreed', 'signed', 'withdrawn']],
    ['signed', ['signed', 'withdrawn']],
    ['withdrawn', ['withdrawn', 'draft']],
  ] as const)('the form offers from %s: %j', (from, offered) => {
    expect(statusesFrom(from)).toEqual(offered);
  });
});

describe('agreement kinds, titles and guards', () => {
  it.each([
    ['Memorandum of understanding on food fairs', 'memorandum'],
    ['MEMORANDUM', 'memorandum'],
    ['Меморандум о взаимопонимании', 'memorandum'],
    ['Agreement on cooperation between AZPROMO and the Roscongress Foundation', 'agreement'],
    ['Protocol of intent', 'agreement'],
  ])('%s reads as a %s', (title, kind) => {
    expect(kindFromTitle(title)).toBe(kind);
  });

  const a = { title: 'Agreement on cooperation', titleRu: 'Соглашение о сотрудничестве', titleAz: '' };
  it.each([
    ['en', 'Agreement on cooperation'],
    ['ru', 'Соглашение о сотрудничестве'],
    ['az', 'Agreement on cooperation'],
  ] as const)('a %s reader sees %s', (locale, shown) => {
    expect(titleIn(a, locale)).toBe(shown);
  });

  it.each([
    ['signed', true, false],
    ['memorandum', false, true],
    ['cancelled', false, false],
    ['', false, false],
    [7, false, false],
  ])('%j: status %s, kind %s', (value, status, kind) => {
    expect(isAgreementStatus(value)).toBe(status);
    expect(isAgreementKind(value)).toBe(kind);
  });
});
