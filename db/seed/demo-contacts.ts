/**
 * Organizations and people of the SPIEF 2019 demo. Those the report names
 * are real; staff below them are illustrative and their
 * notes say so. Each has their name (and position) in English, Russian and
 * Azerbaijani: the Russian in Cyrillic, the Azerbaijani in its Latin script.
 * The two the report names have their patronymics (Shahin Ashraf oglu
 * Mustafayev, Aleksandr Yuryevich Drozdenko), so Russian lists show them as
 * Мустафаев Ш. А. and Дрозденко А. Ю.; the illustrative staff have none.
 */
const ILLUSTRATIVE = 'Illustrative: not named in the report.';

export const DEMO_ORGANIZATIONS = [
  { key: 'economy', name: 'Ministry of Economy of the Republic of Azerbaijan', nameRu: 'Министерство экономики Азербайджанской Республики', nameAz: 'Azərbaycan Respublikasının İqtisadiyyat Nazirliyi', country: 'Azerbaijan', kind: 'ministry' },
  { key: 'leningrad', name: 'Government of Leningrad Region', nameRu: 'Правительство Ленинградской области', nameAz: 'Leninqrad vilayətinin Hökuməti', country: 'Russia', kind: 'region' },
  { key: 'azpromo', name: 'Azerbaijan Export and Investment Promotion Foundation (AZPROMO)', nameRu: 'Фонд содействия экспорту и инвестициям Азербайджана (AZPROMO)', nameAz: 'Azərbaycan İxracın və İnvestisiyaların Təşviqi Fondu', country: 'Azerbaijan', kind: 'foundation' },
  { key: 'roscongress', name: 'Roscongress Foundation', nameRu: 'Фонд «Росконгресс»', nameAz: 'Roskonqress Fondu', country: 'Russia', kind: 'foundation' },
  { key: 'gaz', name: 'GAZ Group Commercial Vehicles LLC', nameRu: 'ООО «Коммерческие автомобили — Группа ГАЗ»', nameAz: '«Kommersiya avtomobilləri — QAZ Qrupu» MMC', country: 'Russia', kind: 'company' },
  { key: 'socar-polymer', name: 'SOCAR Polymer', nameRu: 'СОКАР Полимер', nameAz: 'SOCAR Polimer', country: 'Azerbaijan', kind: 'company' },
  { key: 'gazprombank', name: 'Gazprombank', nameRu: 'Газпромбанк', nameAz: 'Qazprombank', country: 'Russia', kind: 'bank' },
  { key: 'azerikimya', name: 'Azerikimya Production Association', nameRu: 'Производственное объединение «Азерихимия»', nameAz: 'Azərikimya İstehsalat Birliyi', country: 'Azerbaijan', kind: 'company' },
  { key: 'hajigabul', name: 'Hajigabul Industrial District', nameRu: 'Промышленный квартал Гаджигабул', nameAz: 'Hacıqabul Sənaye Məhəlləsi', country: 'Azerbaijan', kind: 'agency' },
  { key: 'pirallahi', name: 'Pirallahi Industrial Park', nameRu: 'Промышленный парк Пираллахи', nameAz: 'Pirallahı Sənaye Parkı', country: 'Azerbaijan', kind: 'agency' },
  { key: 'embassy', name: 'Embassy of the Republic of Azerbaijan in the Russian Federation', nameRu: 'Посольство Азербайджанской Республики в Российской Федерации', nameAz: 'Azərbaycan Respublikasının Rusiya Federasiyasındakı Səfirliyi', country: 'Azerbaijan', kind: 'government' },
] as const;

export const DEMO_PEOPLE: { key: string; org: string | null; fullName: string; nameRu: string; nameAz: string; patronymicRu?: string; position: string; positionRu: string; positionAz: string; email?: string; phone?: string; languages: string; notes: string }[] = [
  { key: 'mustafayev', org: 'economy', fullName: 'Shahin Mustafayev', nameRu: 'Шахин Мустафаев', nameAz: 'Şahin Mustafayev', patronymicRu: 'Ашраф оглы', position: 'Minister of Economy, head of the delegation', positionRu: 'Министр экономики, глава делегации', positionAz: 'İqtisadiyyat naziri, nümayəndə heyətinin rəhbəri', languages: 'az, ru, en', notes: 'Head of the Azerbaijani delegation at SPIEF 2019 (Trend, 8 June 2019).' },
  { key: 'drozdenko', org: 'leningrad', fullName: 'Aleksandr Drozdenko', nameRu: 'Александр Дрозденко', nameAz: 'Aleksandr Drozdenko', patronymicRu: 'Юрьевич', position: 'Governor of Leningrad Region', positionRu: 'Губернатор Ленинградской области', positionAz: 'Leninqrad vilayətinin qubernatoru', languages: 'ru', notes: 'Met Minister Mustafayev on 7 June 2019; a cooperation agreement was signed (Trend, 8 June 2019).' },
  { key: 'deputy', org: 'economy', fullName: 'Rashad Hasanov', nameRu: 'Рашад Гасанов', nameAz: 'Rəşad Həsənov', position: 'Deputy Minister of Economy', positionRu: 'Заместитель министра экономики', positionAz: 'İqtisadiyyat nazirinin müavini', languages: 'az, ru, en', notes: ILLUSTRATIVE },
  { key: 'adviser', org: 'economy', fullName: 'Leyla Mammadova', nameRu: 'Лейла Мамедова', nameAz: 'Leyla Məmmədova', position: 'Adviser to the Minister, trade with Russia', positionRu: 'Советник министра по торговле с Россией', positionAz: 'Nazirin müşaviri, Rusiya ilə ticarət üzrə', languages: 'az, ru, en', notes: ILLUSTRATIVE },
  { key: 'protocol', org: 'economy', fullName: 'Tural Guliyev', nameRu: 'Турал Гулиев', nameAz: 'Tural Quliyev', position: 'Head of Protocol', positionRu: 'Руководитель протокольной службы', positionAz: 'Protokol xidmətinin rəhbəri', email: 'protocol@example.az', phone: '+994 12 000 00 01', languages: 'az, ru, en', notes: ILLUSTRATIVE },
  { key: 'interpreter', org: 'economy', fullName: 'Aygun Ismayilova', nameRu: 'Айгюн Исмаилова', nameAz: 'Aygün İsmayılova', position: 'Interpreter (az–ru–en)', positionRu: 'Переводчик (азерб.–рус.–англ.)', positionAz: 'Tərcüməçi (az–ru–en)', languages: 'az, ru, en', notes: ILLUSTRATIVE },
  { key: 'press', org: 'economy', fullName: 'Farid Jafarov', nameRu: 'Фарид Джафаров', nameAz: 'Fərid Cəfərov', position: 'Press secretary', positionRu: 'Пресс-секретарь', positionAz: 'Mətbuat katibi', languages: 'az, ru, en', notes: ILLUSTRATIVE },
  { key: 'security', org: 'economy', fullName: 'Elvin Babayev', nameRu: 'Эльвин Бабаев', nameAz: 'Elvin Babayev', position: 'Security officer', positionRu: 'Сотрудник службы безопасности', positionAz: 'Təhlükəsizlik əməkdaşı', languages: 'az, ru', notes: ILLUSTRATIVE },
  { key: 'azpromo', org: 'azpromo', fullName: 'Nigar Aliyeva', nameRu: 'Нигяр Алиева', nameAz: 'Nigar Əliyeva', position: 'Deputy Executive Director, AZPROMO', positionRu: 'Заместитель исполнительного директора AZPROMO', positionAz: 'AZPROMO-nun icraçı direktorunun müavini', languages: 'az, ru, en', notes: ILLUSTRATIVE },
  { key: 'len-economy', org: 'leningrad', fullName: 'Dmitry Volkov', nameRu: 'Дмитрий Волков', nameAz: 'Dmitri Volkov', position: 'Chair of the Committee for Economic Development', positionRu: 'Председатель Комитета экономического развития', positionAz: 'İqtisadi İnkişaf Komitəsinin sədri', languages: 'ru, en', notes: ILLUSTRATIVE },
  { key: 'roscongress', org: 'roscongress', fullName: 'Anna Kuznetsova', nameRu: 'Анна Кузнецова', nameAz: 'Anna Kuznetsova', position: 'Director for International Cooperation', positionRu: 'Директор по международному сотрудничеству', positionAz: 'Beynəlxalq əməkdaşlıq üzrə direktor', languages: 'ru, en', notes: ILLUSTRATIVE },
  { key: 'gaz', org: 'gaz', fullName: 'Sergey Orlov', nameRu: 'Сергей Орлов', nameAz: 'Sergey Orlov', position: 'Director for Export Projects', positionRu: 'Директор по экспортным проектам', positionAz: 'İxrac layihələri üzrə direktor', languages: 'ru', notes: `${ILLUSTRATIVE} GAZ plant in Hajigabul industrial district: agreement signed early 2019.` },
  { key: 'gazprombank', org: 'gazprombank', fullName: 'Olga Belova', nameRu: 'Ольга Белова', nameAz: 'Olqa Belova', position: 'Vice-President, Project Finance', positionRu: 'Вице-президент по проектному финансированию', positionAz: 'Layihə maliyyələşdirməsi üzrə vitse-prezident', languages: 'ru, en', notes: `${ILLUSTRATIVE} Gazprombank finances the modernization of Azerikimya.` },
  { key: 'socar-polymer', org: 'socar-polymer', fullName: 'Anar Huseynov', nameRu: 'Анар Гусейнов', nameAz: 'Anar Hüseynov', position: 'Commercial Director', positionRu: 'Коммерческий директор', positionAz: 'Kommersiya direktoru', languages: 'az, ru, en', notes: ILLUSTRATIVE },
  { key: 'azerikimya', org: 'azerikimya', fullName: 'Elchin Rzayev', nameRu: 'Эльчин Рзаев', nameAz: 'Elçin Rzayev', position: 'Deputy Director General', positionRu: 'Заместитель генерального директора', positionAz: 'Baş direktorun müavini', languages: 'az, ru', notes: ILLUSTRATIVE },
  { key: 'hajigabul', org: 'hajigabul', fullName: 'Kamran Abbasov', nameRu: 'Камран Аббасов', nameAz: 'Kamran Abbasov', position: 'Director, Hajigabul Industrial District', positionRu: 'Директор промышленного квартала Гаджигабул', positionAz: 'Hacıqabul Sənaye Məhəlləsinin direktoru', languages: 'az, ru', notes: ILLUSTRATIVE },
  { key: 'pirallahi', org: 'pirallahi', fullName: 'Gunel Safarova', nameRu: 'Гюнель Сафарова', nameAz: 'Günel Səfərova', position: 'Director, Pirallahi Industrial Park', positionRu: 'Директор промышленного парка Пираллахи', positionAz: 'Pirallahı Sənaye Parkının direktoru', languages: 'az, ru, en', notes: ILLUSTRATIVE },
];
