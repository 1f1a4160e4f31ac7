-- A person's and an organization's name in each language the app is read in
-- (issue 15, "Names"): the English/Latin transliteration stays where it was
-- (person.full_name, organization.name, required); the Russian name in
-- Cyrillic and the Azerbaijani one in Latin script are optional, and so are a
-- person's position in those languages. A reader sees the name of their
-- language, or the English one when there is none.
--
-- The one "name in the local script" of before is moved to the language its
-- script says: Cyrillic to Russian, anything else to Azerbaijani (the demo's
-- and the delegation's own spellings), and its column goes, so a name has one
-- place per language.
ALTER TABLE person ADD COLUMN name_ru TEXT NOT NULL DEFAULT '' CHECK (length(name_ru) <= 200);
ALTER TABLE person ADD COLUMN name_az TEXT NOT NULL DEFAULT '' CHECK (length(name_az) <= 200);
-- The Russian patronymic where it is known (Юрьевич, Ашраф оглы): a Russian
-- reader sees the short form a Russian list uses, Дрозденко А. Ю.
ALTER TABLE person ADD COLUMN patronymic_ru TEXT NOT NULL DEFAULT '' CHECK (length(patronymic_ru) <= 100);
ALTER TABLE person ADD COLUMN position_ru TEXT NOT NULL DEFAULT '' CHECK (length(position_ru) <= 300);
ALTER TABLE person ADD COLUMN position_az TEXT NOT NULL DEFAULT '' CHECK (length(position_az) <= 300);
ALTER TABLE organization ADD COLUMN name_ru TEXT NOT NULL DEFAULT '' CHECK (length(name_ru) <= 200);
ALTER TABLE organization ADD COLUMN name_az TEXT NOT NULL DEFAULT '' CHECK (length(name_az) <= 200);

-- GLOB ranges compare code points: U+0400 to U+04FF is the Cyrillic block.
UPDATE person SET name_ru = substr(local_name, 1, 200) WHERE local_name GLOB '*[Ѐ-ӿ]*';
UPDATE person SET name_az = substr(local_name, 1, 200) WHERE local_name <> '' AND local_name NOT GLOB '*[Ѐ-ӿ]*' AND local_name <> full_name;
UPDATE organization SET name_ru = substr(local_name, 1, 200) WHERE local_name GLOB '*[Ѐ-ӿ]*';
UPDATE organization SET name_az = substr(local_name, 1, 200) WHERE local_name <> '' AND local_name NOT GLOB '*[Ѐ-ӿ]*' AND local_name <> name;

ALTER TABLE person DROP COLUMN local_name;
ALTER TABLE organization DROP COLUMN local_name;
