-- A finished job of calls.csv (job instance 1) in two time-zone groups and one staged with windows off,
-- on Wednesday 25 November 2026: its calls between 15:00 and 18:00 UTC (10:00-13:00 in New York,
-- 15:00-18:00 in London), one redial round, and four rejected rows, two of them suppressions.
INSERT INTO bc_job (job_instance_id, file_name, file_sha256, metadata_columns, cancelled, created_at)
VALUES (1, 'calls.csv', 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00', '[]', FALSE,
        TIMESTAMP WITH TIME ZONE '2026-11-25 14:50:00+00');

INSERT INTO bc_batch (job_instance_id, batch_no, name, recipients, batch_id, status, calls_scheduled, calls_dispatched,
                      calls_finished, retry_count, finished, intent_at, zones, redial_round)
VALUES (1, 1, 'bulkcall calls #1 batch 1', 6, 'cb_1', 'completed', 6, 5, 5, 1, TRUE,
        TIMESTAMP WITH TIME ZONE '2026-11-25 14:58:00+00', 'America/New_York', 0),
       (1, 2, 'bulkcall calls #1 batch 2', 3, 'cb_2', 'completed', 3, 2, 2, 0, TRUE,
        TIMESTAMP WITH TIME ZONE '2026-11-25 14:58:00+00', 'Europe/London', 0),
       (1, 3, 'bulkcall calls #1 batch 3', 1, 'cb_3', 'completed', 1, 1, 1, 0, TRUE,
        TIMESTAMP WITH TIME ZONE '2026-11-25 15:59:00+00', 'America/New_York', 1);

-- row_key is job_instance_id * 2^32 + line, as the table checks
INSERT INTO bc_recipient (row_key, job_instance_id, line, to_number, status, end_reason, attempts, zones, batch_no, started_at, ended_at)
VALUES (1 * 4294967296 + 2, 1, 2, '+12125550101', 'completed', 'user_hangup', 1, 'America/New_York', 1,
        TIMESTAMP WITH TIME ZONE '2026-11-25 15:02:00+00', TIMESTAMP WITH TIME ZONE '2026-11-25 15:04:30+00'),
       (1 * 4294967296 + 3, 1, 3, '+12125550102', 'completed', 'agent_hangup', 1, 'America/New_York', 1,
        TIMESTAMP WITH TIME ZONE '2026-11-25 15:10:00+00', TIMESTAMP WITH TIME ZONE '2026-11-25 15:10:20+00'),
       (1 * 4294967296 + 4, 1, 4, '+12125550103', 'failed', 'no_answer', 2, 'America/New_York', 3, NULL, NULL),
       (1 * 4294967296 + 5, 1, 5, '+12125550104', 'completed', 'user_hangup', 2, 'America/New_York', 1,
        TIMESTAMP WITH TIME ZONE '2026-11-25 16:05:00+00', TIMESTAMP WITH TIME ZONE '2026-11-25 16:25:00+00'),
       (1 * 4294967296 + 6, 1, 6, '+12125550105', NULL, NULL, 0, 'America/New_York', NULL, NULL, NULL),
       (1 * 4294967296 + 7, 1, 7, '+12125550106', 'failed', 'voicemail', 1, 'America/New_York', 1,
        TIMESTAMP WITH TIME ZONE '2026-11-25 16:30:00+00', TIMESTAMP WITH TIME ZONE '2026-11-25 16:30:10+00'),
       (1 * 4294967296 + 8, 1, 8, '+442079460001', 'completed', 'user_hangup', 1, 'Europe/London', 2,
        TIMESTAMP WITH TIME ZONE '2026-11-25 15:30:00+00', TIMESTAMP WITH TIME ZONE '2026-11-25 15:35:00+00'),
       (1 * 4294967296 + 9, 1, 9, '+442079460002', 'completed', NULL, 1, 'Europe/London', 2, NULL, NULL),
       (1 * 4294967296 + 10, 1, 10, '+442079460003', 'cancelled', NULL, 0, 'Europe/London', NULL, NULL, NULL),
       (1 * 4294967296 + 11, 1, 11, '+12125550107', 'completed', 'agent_hangup', 1, NULL, 1,
        TIMESTAMP WITH TIME ZONE '2026-11-25 17:00:00+00', TIMESTAMP WITH TIME ZONE '2026-11-25 17:01:00+00');

INSERT INTO bc_rejection (job_instance_id, line, reason)
VALUES (1, 12, 'INVALID_NUMBER'), (1, 13, 'DUPLICATE'), (1, 14, 'DO_NOT_CALL'), (1, 15, 'CONTACT_LIMIT');

-- The round's redials: line 5 by Retry Call Batch of batch 1 after no answer, line 4 in batch 3 after a busy line.
INSERT INTO bc_redial (job_instance_id, line, round, outcome, due_at)
VALUES (1, 5, 1, 'dial_no_answer', TIMESTAMP WITH TIME ZONE '2026-11-25 16:00:00+00'),
       (1, 4, 1, 'dial_busy', TIMESTAMP WITH TIME ZONE '2026-11-25 15:55:00+00');
