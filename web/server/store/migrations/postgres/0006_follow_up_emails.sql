-- 0006: follow-up e-mails (as sqlite/0006_follow_up_emails.sql says, in PostgreSQL's types)
ALTER TABLE feed_cases ADD COLUMN told_reinfected_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE feed_cases ADD COLUMN told_verified_at BIGINT NOT NULL DEFAULT 0;
CREATE INDEX feed_cases_by_status ON feed_cases (status, id);
