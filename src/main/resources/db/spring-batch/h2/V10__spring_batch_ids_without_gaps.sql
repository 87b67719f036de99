-- Spring Batch takes its ids from these sequences, and a job's id is its latest execution's (what
-- `bulkcall status` lists, `restart JOB` takes and the job's lines name). H2 hands a sequence's values
-- out of a cache of 32 and records only where the cache ends, so a process that ended without closing
-- the database (killed, or stopped by a full disk) left the next id 32 on: job 1, restarted after a
-- kill, became job 33. Without the cache each value is recorded as it is taken.
ALTER SEQUENCE BATCH_JOB_INSTANCE_SEQ NO CACHE;
ALTER SEQUENCE BATCH_JOB_EXECUTION_SEQ NO CACHE;
ALTER SEQUENCE BATCH_STEP_EXECUTION_SEQ NO CACHE;
