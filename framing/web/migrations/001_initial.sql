-- Schema version 1: stories and their articles, classes, students, activities, submissions.
-- Every row that belongs to a class references it with ON DELETE CASCADE, so deleting the class
-- deletes everything of it in one statement.
CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    origin TEXT NOT NULL,            -- bundled | path | upload
    content_hash TEXT NOT NULL UNIQUE,
    created REAL NOT NULL,
    problems TEXT NOT NULL DEFAULT '[]',        -- JSON list of strings
    actor_overrides TEXT NOT NULL DEFAULT '{}'  -- JSON object from the manifest
);

CREATE TABLE articles (
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    outlet TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    date TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT 'en',
    source TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT '[]',
    removed TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (story_id, position)
);

CREATE TABLE classes (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    join_code TEXT NOT NULL UNIQUE,
    created REAL NOT NULL
);

CREATE TABLE students (
    id TEXT PRIMARY KEY,
    class_id TEXT NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
    nickname TEXT NOT NULL,
    joined REAL NOT NULL,
    UNIQUE (class_id, nickname COLLATE NOCASE)
);

CREATE TABLE activities (
    id TEXT PRIMARY KEY,
    class_id TEXT NOT NULL REFERENCES classes(id) ON DELETE CASCADE,
    story_id TEXT NOT NULL REFERENCES stories(id),
    article_position INTEGER NOT NULL,
    title TEXT NOT NULL,
    tasks TEXT NOT NULL,             -- JSON list: loaded, speaker, cue, frame
    material TEXT NOT NULL,          -- JSON: the article snapshot, its units and the tool's marks
    status TEXT NOT NULL DEFAULT 'open',
    created REAL NOT NULL
);

CREATE TABLE submissions (
    activity_id TEXT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
    student_id TEXT NOT NULL REFERENCES students(id) ON DELETE CASCADE,
    submitted REAL NOT NULL,
    marks TEXT NOT NULL,             -- JSON {task: [unit indices], "frame": label}
    PRIMARY KEY (activity_id, student_id)
);
