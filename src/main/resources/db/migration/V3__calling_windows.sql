-- Calling windows: recipients are batched by the time zones their window is worked out in, a batch is
-- created for one opening of its group's window and cancelled before that opening ends, and the
-- recipients it cancelled before dialing them are carried into a new batch at the next opening. So a
-- batch's recipients are no longer a range of lines, and a number may be in more than one batch (only
-- where every earlier one cancelled it before dialing it, or failed it before a redial round).

-- The Cartesia call batches of a job are numbered batch_no (they were one per chunk before).
ALTER TABLE bc_batch RENAME COLUMN chunk_no TO batch_no;
ALTER TABLE bc_recipient RENAME COLUMN chunk_no TO batch_no;

-- Which recipients each batch was created with: written with the batch's intent, before the create.
CREATE TABLE bc_batch_member (
    job_instance_id   BIGINT        NOT NULL,
    batch_no          INT           NOT NULL,
    line              BIGINT        NOT NULL,
    PRIMARY KEY (job_instance_id, batch_no, line)
);
INSERT INTO bc_batch_member (job_instance_id, batch_no, line)
    SELECT job_instance_id, batch_no, line FROM bc_recipient WHERE batch_no IS NOT NULL;
ALTER TABLE bc_batch DROP COLUMN first_line;
ALTER TABLE bc_batch DROP COLUMN last_line;

-- The recipient's zones, joined by '|' (America/Chicago|America/New_York); NULL when calling windows
-- are off. batch_no is its current batch: NULL while it waits for one (not submitted yet, carried over
-- from a batch cancelled at a window's end, or failed and waiting for a redial batch).
ALTER TABLE bc_recipient ADD COLUMN zones VARCHAR(1000);
-- The redial round its next (or current) batch belongs to; 0 for the first pass.
ALTER TABLE bc_recipient ADD COLUMN redial_round INT NOT NULL DEFAULT 0;

-- A batch's group, round, and the opening of the window it was created for: dialing starts at
-- scheduled_at (NULL: at once), queued calls are cancelled before closes_at (NULL: never), and
-- cancelled_at says when bulkcall cancelled it (a window's end, a stop).
ALTER TABLE bc_batch ADD COLUMN zones VARCHAR(1000);
ALTER TABLE bc_batch ADD COLUMN redial_round INT NOT NULL DEFAULT 0;
ALTER TABLE bc_batch ADD COLUMN scheduled_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE bc_batch ADD COLUMN closes_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE bc_batch ADD COLUMN cancelled_at TIMESTAMP WITH TIME ZONE;

-- How many of the recipients a batch holds now failed on their latest attempt: the batches a redial
-- round works on, found without reading every recipient of the job.
ALTER TABLE bc_batch ADD COLUMN failed INT NOT NULL DEFAULT 0;
UPDATE bc_batch b SET failed = (SELECT COUNT(*) FROM bc_recipient r
    WHERE r.job_instance_id = b.job_instance_id AND r.batch_no = b.batch_no AND r.status = 'failed');
