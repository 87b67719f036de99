-- bulkcall's own tables, beside Spring Batch's BATCH_* tables. Portable SQL: runs on H2 and PostgreSQL.
-- Times are instants (WITH TIME ZONE): nodes in different time zones that share one database must agree
-- on when a lease was renewed or a batch was about to be created.

-- One row per job instance (one input file): what the job knows beyond Spring Batch's own tables.
CREATE TABLE bc_job (
    job_instance_id   BIGINT        NOT NULL PRIMARY KEY,
    file_name         VARCHAR(1000) NOT NULL,
    file_sha256       CHAR(64)      NOT NULL,
    metadata_columns  VARCHAR(100000),
    retry_rounds      INT           NOT NULL DEFAULT 0,
    -- set by `bulkcall cancel`: no further batch is created or retried for this job
    cancelled         BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Every valid recipient of a file, staged by the validate step, then updated by submit, await and retry.
CREATE TABLE bc_recipient (
    job_instance_id   BIGINT        NOT NULL,
    line              BIGINT        NOT NULL,
    to_number         VARCHAR(16)   NOT NULL,
    metadata          VARCHAR(1000000),
    chunk_no          INT,
    batch_id          VARCHAR(100),
    recipient_id      VARCHAR(100),
    status            VARCHAR(50),
    agent_call_id     VARCHAR(100),
    end_reason        VARCHAR(100),
    error_message     VARCHAR(2000),
    attempts          INT           NOT NULL DEFAULT 0,
    PRIMARY KEY (job_instance_id, line),
    -- the same number twice in one file is dialed once: the second is rejected as DUPLICATE
    CONSTRAINT bc_recipient_number UNIQUE (job_instance_id, to_number)
);
CREATE INDEX bc_recipient_unsubmitted ON bc_recipient (job_instance_id, batch_id, line);

-- Every rejected row of a file, with its reason; rejected.csv holds the row itself.
CREATE TABLE bc_rejection (
    job_instance_id   BIGINT        NOT NULL,
    line              BIGINT        NOT NULL,
    reason            VARCHAR(20)   NOT NULL,
    PRIMARY KEY (job_instance_id, line)
);

-- One row per call batch. Written before the create (batch_id still NULL: the create is in doubt)
-- and completed in the chunk's transaction once Cartesia answered, so a crash in between is found
-- and reconciled by name on restart.
CREATE TABLE bc_batch (
    job_instance_id   BIGINT        NOT NULL,
    chunk_no          INT           NOT NULL,
    name              VARCHAR(300)  NOT NULL,
    first_line        BIGINT        NOT NULL,
    last_line         BIGINT        NOT NULL,
    recipients        INT           NOT NULL,
    batch_id          VARCHAR(100),
    status            VARCHAR(50),
    calls_scheduled   INT           NOT NULL DEFAULT 0,
    calls_dispatched  INT           NOT NULL DEFAULT 0,
    calls_finished    INT           NOT NULL DEFAULT 0,
    retry_count       INT           NOT NULL DEFAULT 0,
    retry_rounds      INT           NOT NULL DEFAULT 0,
    finished          BOOLEAN       NOT NULL DEFAULT FALSE,
    intent_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (job_instance_id, chunk_no),
    CONSTRAINT bc_batch_name UNIQUE (name)
);

-- Which process runs a job instance, and when it last said it was alive: a second process leaves a
-- live job alone, and recovers one whose owner is gone.
CREATE TABLE bc_lease (
    job_instance_id   BIGINT        NOT NULL PRIMARY KEY,
    owner             VARCHAR(300)  NOT NULL,
    heartbeat_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
