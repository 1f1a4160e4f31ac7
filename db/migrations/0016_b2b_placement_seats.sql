-- Which seat of each company sits at a placement (0-based; see 0015's seats),
-- so that publishing an applied draft seats the same representatives the
-- proposal chose, not always each company's first seat.
ALTER TABLE b2b_placement ADD COLUMN from_seat INTEGER NOT NULL DEFAULT 0 CHECK (from_seat >= 0);
ALTER TABLE b2b_placement ADD COLUMN to_seat INTEGER NOT NULL DEFAULT 0 CHECK (to_seat >= 0);
