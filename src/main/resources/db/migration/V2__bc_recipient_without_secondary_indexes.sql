-- Staging a row costs a write to every index of bc_recipient, and with two secondary indexes that was
-- most of the validate step's time on H2. Both go; every query on bc_recipient now reads it by its
-- primary key (job_instance_id, line):
-- * a batch's recipients are the rows of the batch's line range (bc_batch.first_line..last_line);
-- * the submit step reads unsubmitted rows in line order;
-- * a number appears at most once per job because the validate step rejects the later occurrences as
--   DUPLICATE (io.bulkcall.validation.SeenNumbers, refilled from the staged rows on restart), so the
--   unique key on (job_instance_id, to_number) only duplicated that check.
DROP INDEX bc_recipient_unsubmitted;
ALTER TABLE bc_recipient DROP CONSTRAINT bc_recipient_number;
