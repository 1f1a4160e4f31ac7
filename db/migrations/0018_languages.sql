-- Each reader chooses the language they read the app in (issue 15).
-- A user's choice: NULL means "as my browser asks" (Accept-Language).
ALTER TABLE app_user ADD COLUMN locale TEXT CHECK (locale IS NULL OR locale IN ('en', 'ru', 'az'));
-- A secret link's language: its page, printable agenda and calendar feed are
-- in it (a counterpart's link in Russian, a delegate's in Azerbaijani).
ALTER TABLE feed_token ADD COLUMN locale TEXT NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'ru', 'az'));
