-- The contact policy: dials of each number across every job, file and node sharing this database.
-- Only the number, when, and which job's batch dialed it (to say "last by job 12" and to take a
-- reservation back): no metadata, no names; rows older than the policy's period are deleted.
CREATE TABLE bc_contact_dial (
    to_number         VARCHAR(16)   NOT NULL,
    dialed_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    job_instance_id   BIGINT        NOT NULL,
    batch_no          INT           NOT NULL,
    -- the batch's retry count for this dispatch: 0 when it was created, k for its k-th Retry Call Batch
    retry             INT           NOT NULL,
    PRIMARY KEY (job_instance_id, batch_no, to_number, retry)
);
CREATE INDEX bc_contact_dial_number ON bc_contact_dial (to_number, dialed_at);

-- One row that every reservation of dials locks first, so that two nodes reserving the same number
-- at the same moment take turns: the second sees the first's dials.
CREATE TABLE bc_contact_lock (
    id                INT           NOT NULL PRIMARY KEY,
    reservations      BIGINT        NOT NULL
);
INSERT INTO bc_contact_lock (id, reservations) VALUES (1, 0);

-- Why a waiting recipient will not be dialed (its number reached the contact limit before its
-- batch, or before a redial): it waits no more.
ALTER TABLE bc_recipient ADD COLUMN not_dialed VARCHAR(300);

-- Retention: a job whose recipients were purged keeps its counts by status here.
ALTER TABLE bc_job ADD COLUMN purged_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE bc_job ADD COLUMN purged_counts VARCHAR(2000);
