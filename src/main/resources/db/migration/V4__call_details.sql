-- What Cartesia says of each recipient's latest call (List Calls by batch), for results.csv and
-- report.html: when it started and ended, and the agent's post-call summary. NULL where no call
-- connected.
ALTER TABLE bc_recipient ADD COLUMN started_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE bc_recipient ADD COLUMN ended_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE bc_recipient ADD COLUMN summary VARCHAR(4000);
