/**
 * Organizations and people of the SPIEF 2019 demo. Those the report names
 * are real; staff below them are illustrative and their
 * notes say so.
 */
const ILLUSTRATIVE = 'Illustrative: not named in the report.';

export const DEMO_ORGANIZATIONS = [
  { key: 'economy', name: 'Ministry of Economy of the Republic of Azerbaijan', localName: 'Azərbaycan Respublikasının İqtisadiyyat Nazirliyi', country: 'Azerbaijan', kind: 'ministry' },
  { key: 'leningrad', name: 'Government of Leningrad Region', localName: 'Правительство Ленинградской области', country: 'Russia', kind: 'region' },
  { key: 'azpromo', name: 'Azerbaijan Export and Investment Promotion Foundation (AZPROMO)', localName: 'Azərbaycan İxracın və İnvestisiyaların Təşviqi Fondu', country: 'Azerbaijan', kind: 'foundation' },
  { key: 'roscongress', name: 'Roscongress Foundation', localName: 'Фонд «Росконгресс»', country: 'Russia', kind: 'foundation' },
  { key: 'gaz', name: 'GAZ Group Commercial Vehicles LLC', localName: 'ООО «Коммерческие автомобили — Группа ГАЗ»', country: 'Russia', kind: 'company' },
  { key: 'socar-polymer', name: 'SOCAR Polymer', localName: 'SOCAR Polimer', country: 'Azerbaijan', kind: 'company' },
  { key: 'gazprombank', name: 'Gazprombank', localName: 'Газпромбанк', country: 'Russia', kind: 'bank' },
  { key: 'azerikimya', name: 'Azerikimya Production Association', localName: 'Azərikimya İstehsalat Birliyi', country: 'Azerbaijan', kind: 'company' },
  { key: 'hajigabul', name: 'Hajigabul Industrial District', localName: 'Hacıqabul Sənaye Məhəlləsi', country: 'Azerbaijan', kind: 'agency' },
  { key: 'pirallahi', name: 'Pirallahi Industrial Park', localName: 'Pirallahı Sənaye Parkı', country: 'Azerbaijan', kind: 'agency' },
  { key: 'embassy', name: 'Embassy of the Republic of Azerbaijan in the Russian Federation', localName: 'Azərbaycan Respublikasının Rusiya Federasiyasındakı Səfirliyi', country: 'Azerbaijan', kind: 'government' },
] as const;

export const DEMO_PEOPLE: { key: string; org: string | null; fullName: string; localName: string; position: string; email?: string; phone?: string; languages: string; notes: string }[] = [
  { key: 'mustafayev', org: 'economy', fullName: 'Shahin Mustafayev', localName: 'Şahin Mustafayev', position: 'Minister of Economy, head of the delegation', languages: 'az, ru, en', notes: 'Head of the Azerbaijani delegation at SPIEF 2019 (Trend, 8 June 2019).' },
  { key: 'drozdenko', org: 'leningrad', fullName: 'Aleksandr Drozdenko', localName: 'Александр Дрозденко', position: 'Governor of Leningrad Region', languages: 'ru', notes: 'Met Minister Mustafayev on 7 June 2019; a cooperation agreement was signed (Trend, 8 June 2019).' },
  { key: 'deputy', org: 'economy', fullName: 'Rashad Hasanov', localName: 'Rəşad Həsənov', position: 'Deputy Minister of Economy', languages: 'az, ru, en', notes: ILLUSTRATIVE },
  { key: 'adviser', org: 'economy', fullName: 'Leyla Mammadova', localName: 'Leyla Məmmədova', position: 'Adviser to the Minister, trade with Russia', languages: 'az, ru, en', notes: ILLUSTRATIVE },
  { key: 'protocol', org: 'economy', fullName: 'Tural Guliyev', localName: 'Tural Quliyev', position: 'Head of Protocol', email: 'protocol@example.az', phone: '+994 12 000 00 01', languages: 'az, ru, en', notes: ILLUSTRATIVE },
  { key: 'interpreter', org: 'economy', fullName: 'Aygun Ismayilova', localName: 'Aygün İsmayılova', position: 'Interpreter (az–ru–en)', languages: 'az, ru, en', notes: ILLUSTRATIVE },
  { key: 'press', org: 'economy', fullName: 'Farid Jafarov', localName: 'Fərid Cəfərov', position: 'Press secretary', languages: 'az, ru, en', notes: ILLUSTRATIVE },
  { key: 'security', org: 'economy', fullName: 'Elvin Babayev', localName: 'Elvin Babayev', position: 'Security officer', languages: 'az, ru', notes: ILLUSTRATIVE },
  { key: 'azpromo', org: 'azpromo', fullName: 'Nigar Aliyeva', localName: 'Nigar Əliyeva', position: 'Deputy Executive Director, AZPROMO', languages: 'az, ru, en', notes: ILLUSTRATIVE },
  { key: 'len-economy', org: 'leningrad', fullName: 'Dmitry Volkov', localName: 'Дмитрий Волков', position: 'Chair of the Committee for Economic Development', languages: 'ru, en', notes: ILLUSTRATIVE },
  { key: 'roscongress', org: 'roscongress', fullName: 'Anna Kuznetsova', localName: 'Анна Кузнецова', position: 'Director for International Cooperation', languages: 'ru, en', notes: ILLUSTRATIVE },
  { key: 'gaz', org: 'gaz', fullName: 'Sergey Orlov', localName: 'Сергей Орлов', position: 'Director for Export Projects', languages: 'ru', notes: `${ILLUSTRATIVE} GAZ plant in Hajigabul industrial district: agreement signed early 2019.` },
  { key: 'gazprombank', org: 'gazprombank', fullName: 'Olga Belova', localName: 'Ольга Белова', position: 'Vice-President, Project Finance', languages: 'ru, en', notes: `${ILLUSTRATIVE} Gazprombank finances the modernization of Azerikimya.` },
  { key: 'socar-polymer', org: 'socar-polymer', fullName: 'Anar Huseynov', localName: 'Anar Hüseynov', position: 'Commercial Director', languages: 'az, ru, en', notes: ILLUSTRATIVE },
  { key: 'azerikimya', org: 'azerikimya', fullName: 'Elchin Rzayev', localName: 'Elçin Rzayev', position: 'Deputy Director General', languages: 'az, ru', notes: ILLUSTRATIVE },
  { key: 'hajigabul', org: 'hajigabul', fullName: 'Kamran Abbasov', localName: 'Kamran Abbasov', position: 'Director, Hajigabul Industrial District', languages: 'az, ru', notes: ILLUSTRATIVE },
  { key: 'pirallahi', org: 'pirallahi', fullName: 'Gunel Safarova', localName: 'Günel Səfərova', position: 'Director, Pirallahi Industrial Park', languages: 'az, ru, en', notes: ILLUSTRATIVE },
];
