-- A company with several representatives may hold parallel meetings when they
-- sit separately: `seats` is how many at once (1, the default, keeps the whole
-- team at one table). The representatives are split into that many seats in
-- their listed order, round-robin (services/b2b/feasibility.ts).
ALTER TABLE b2b_participant ADD COLUMN seats INTEGER NOT NULL DEFAULT 1 CHECK (seats BETWEEN 1 AND 20);
