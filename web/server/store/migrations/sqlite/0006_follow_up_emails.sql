-- 0006: follow-up e-mails. cleanslate-desk notify also tells a customer the news about their
-- case after the first e-mail: the virus is seen again after their report of 'remediated', or
-- verify found the connection quiet. Each column holds the value (reinfected_at, verified_at)
-- the last follow-up told, so the same news is told once and new news again.
ALTER TABLE feed_cases ADD COLUMN told_reinfected_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feed_cases ADD COLUMN told_verified_at INTEGER NOT NULL DEFAULT 0;
-- Follow-ups look only at cases that are no longer open (the few, not the outbreak's many).
CREATE INDEX feed_cases_by_status ON feed_cases (status, id);
