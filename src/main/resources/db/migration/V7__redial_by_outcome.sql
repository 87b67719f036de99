-- Redials follow the outcome: a failed recipient whose outcome is redialed (bulkcall.redial.outcomes)
-- waits until its call's end plus that outcome's delay, in a new batch of its group, or its whole
-- batch is retried once every failed recipient of it is due at one moment.

-- When a recipient waiting for a redial batch is due; NULL for one due at its window's next opening.
ALTER TABLE bc_recipient ADD COLUMN redial_due_at TIMESTAMP WITH TIME ZONE;

-- When the batch's failed recipients are all to be redialed by Retry Call Batch; NULL when not.
ALTER TABLE bc_batch ADD COLUMN redial_due_at TIMESTAMP WITH TIME ZONE;
-- Retry Call Batch re-queues every failed recipient of a batch: once one of them was redialed
-- elsewhere, or is not to be redialed, the batch is never retried again.
ALTER TABLE bc_batch ADD COLUMN retry_closed BOOLEAN NOT NULL DEFAULT FALSE;

-- Each redial decided: of which row, for which round, after which outcome, due when. For the reports;
-- a line number and an outcome are no personal data.
CREATE TABLE bc_redial (
    job_instance_id   BIGINT        NOT NULL,
    line              BIGINT        NOT NULL,
    round             INT           NOT NULL,
    outcome           VARCHAR(30)   NOT NULL,
    due_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (job_instance_id, line, round)
);

-- A batch of a job stopped by this upgrade, finished with failed recipients that no round dealt with
-- yet: its retry is due at once, and the retry step decides again what each recipient's outcome allows.
UPDATE bc_batch SET redial_due_at = CURRENT_TIMESTAMP
    WHERE batch_id IS NOT NULL AND finished = TRUE AND failed > 0;

-- Rounds were a phase of the whole job; now each recipient has its own (bc_recipient.redial_round),
-- and bc_redial records each one.
ALTER TABLE bc_batch DROP COLUMN retry_rounds;
ALTER TABLE bc_job DROP COLUMN retry_rounds;
