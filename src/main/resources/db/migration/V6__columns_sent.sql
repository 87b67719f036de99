-- What a file's columns become at Cartesia, decided at validation and kept with the job: the
-- Cartesia-Version it was validated under (2026-03-01: metadata; 2026-08-14: dynamic_variables), and
-- each sent column with the name it is sent under, as a JSON list of [header, name] pairs. NULL for a
-- job validated before this was kept: it sent every column as metadata under 2026-03-01.
ALTER TABLE bc_job ADD COLUMN cartesia_version VARCHAR(20);
ALTER TABLE bc_job ADD COLUMN sent_columns VARCHAR(100000);
