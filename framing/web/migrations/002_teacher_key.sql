-- Schema version 2: the teacher's answer key per activity, and an index for the live dashboard.
CREATE TABLE answer_keys (
    activity_id TEXT PRIMARY KEY REFERENCES activities(id) ON DELETE CASCADE,
    marks TEXT NOT NULL,
    updated REAL NOT NULL
);

CREATE INDEX submissions_by_time ON submissions (activity_id, submitted);
