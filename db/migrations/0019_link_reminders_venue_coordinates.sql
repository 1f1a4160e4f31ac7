-- Feeds a phone makes the most of (issue 15).
-- A secret link's reminder: a calendar alarm this many minutes before each
-- meeting it shows that is not cancelled; NULL: none.
ALTER TABLE feed_token ADD COLUMN reminder_minutes INTEGER CHECK (reminder_minutes IS NULL OR reminder_minutes IN (15, 30, 60));
-- Where a venue is on the map (WGS 84 degrees): a feed's GEO and structured
-- location, and a phone's map link. Both or neither (the second column's
-- CHECK sees both).
ALTER TABLE venue ADD COLUMN latitude REAL CHECK (latitude IS NULL OR (typeof(latitude) = 'real' AND latitude BETWEEN -90 AND 90));
ALTER TABLE venue ADD COLUMN longitude REAL CHECK ((longitude IS NULL) = (latitude IS NULL) AND (longitude IS NULL OR (typeof(longitude) = 'real' AND longitude BETWEEN -180 AND 180)));
