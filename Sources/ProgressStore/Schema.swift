import GRDB

/// The database schema: identity constants and the append-only list of named migrations.
///
/// Rules: a migration that has shipped is never edited or removed; a change is a new migration at
/// the end, which also bumps `version` and sets `PRAGMA user_version` to it. `docs/database.md`
/// documents every table and column as a contract.
enum Schema {
    /// `PRAGMA application_id` of every codedrill database: the ASCII bytes "CDRL".
    static let applicationID: Int32 = 0x4344_524C
    /// The schema version this build writes (`PRAGMA user_version`).
    static let version: Int32 = 4

    /// Every table codedrill creates, including GRDB's record of applied migrations.
    static let tableNames: Set<String> = [
        "grdb_migrations", "learners", "items", "cards", "new_items", "sessions", "reviews",
        "exam_attempts", "exam_questions",
    ]

    /// Identifiers of the migrations below, in order.
    static var migrationIdentifiers: Set<String> { Set(migrator.migrations) }

    /// The migrator. Each migration runs in its own transaction.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-initial-schema") { db in
            try db.execute(sql: version1)
        }
        migrator.registerMigration("v2-learner-fsrs-parameters-and-exam") { db in
            try db.execute(sql: version2)
        }
        migrator.registerMigration("v3-review-counts-and-outcome-index") { db in
            try db.execute(sql: version3)
        }
        migrator.registerMigration("v4-exam-questions-as-shown") { db in
            try db.execute(sql: version4)
        }
        return migrator
    }

    // Timestamps are INTEGER milliseconds since the Unix epoch (UTC). Phases are the FSRS
    // CardPhase raw values. Reviews keep the whole card before and after, so undo is exact.
    private static let version1 = """
        PRAGMA application_id = 1128550988; -- 0x4344524C, "CDRL"

        CREATE TABLE learners (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
            created_at INTEGER NOT NULL,
            new_per_day INTEGER NOT NULL DEFAULT 20 CHECK (new_per_day >= 0),
            reviews_per_day INTEGER NOT NULL DEFAULT 200 CHECK (reviews_per_day >= 0),
            desired_retention REAL NOT NULL DEFAULT 0.9
                CHECK (desired_retention > 0 AND desired_retention < 1)
        );

        CREATE TABLE items (
            id TEXT NOT NULL PRIMARY KEY CHECK (length(id) > 0),
            kind TEXT NOT NULL,
            source TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            position INTEGER NOT NULL UNIQUE,
            first_seen_at INTEGER NOT NULL,
            retired_at INTEGER
        ) WITHOUT ROWID;
        CREATE INDEX items_retired ON items (retired_at) WHERE retired_at IS NOT NULL;

        CREATE TABLE cards (
            learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
            item_id TEXT NOT NULL REFERENCES items(id),
            phase TEXT NOT NULL CHECK (phase IN ('learning', 'review', 'relearning')),
            step INTEGER CHECK (step >= 0),
            stability REAL,
            difficulty REAL,
            due_at INTEGER NOT NULL,
            last_review_at INTEGER,
            reps INTEGER NOT NULL CHECK (reps >= 0),
            lapses INTEGER NOT NULL CHECK (lapses >= 0),
            introduced_at INTEGER NOT NULL,
            CHECK ((stability IS NULL) = (difficulty IS NULL)),
            PRIMARY KEY (learner_id, item_id)
        ) WITHOUT ROWID;
        CREATE INDEX cards_by_due ON cards (learner_id, due_at);
        CREATE INDEX cards_by_introduction ON cards (learner_id, introduced_at);

        CREATE TABLE new_items (
            learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
            item_id TEXT NOT NULL REFERENCES items(id),
            position INTEGER NOT NULL,
            PRIMARY KEY (learner_id, item_id)
        ) WITHOUT ROWID;
        CREATE INDEX new_items_in_order ON new_items (learner_id, position);

        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('drill', 'exam')),
            started_at INTEGER NOT NULL,
            ended_at INTEGER,
            answered INTEGER NOT NULL DEFAULT 0 CHECK (answered >= 0),
            correct INTEGER NOT NULL DEFAULT 0 CHECK (correct >= 0 AND correct <= answered)
        );
        CREATE INDEX sessions_by_learner ON sessions (learner_id, started_at);

        CREATE TABLE reviews (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
            item_id TEXT NOT NULL REFERENCES items(id),
            session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
            reviewed_at INTEGER NOT NULL,
            seed INTEGER NOT NULL,
            answer TEXT NOT NULL,
            correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
            rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
            response_ms INTEGER NOT NULL CHECK (response_ms >= 0),
            before_phase TEXT CHECK (before_phase IN ('learning', 'review', 'relearning')),
            before_step INTEGER,
            before_stability REAL,
            before_difficulty REAL,
            before_due_at INTEGER,
            before_last_review_at INTEGER,
            before_reps INTEGER,
            before_lapses INTEGER,
            after_phase TEXT NOT NULL CHECK (after_phase IN ('learning', 'review', 'relearning')),
            after_step INTEGER,
            after_stability REAL,
            after_difficulty REAL,
            after_due_at INTEGER NOT NULL,
            after_last_review_at INTEGER,
            after_reps INTEGER NOT NULL,
            after_lapses INTEGER NOT NULL
        );
        CREATE INDEX reviews_by_learner_time ON reviews (learner_id, reviewed_at);
        CREATE INDEX reviews_by_card ON reviews (learner_id, item_id);
        CREATE INDEX reviews_by_session ON reviews (session_id) WHERE session_id IS NOT NULL;

        CREATE TABLE exam_attempts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
            session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
            blueprint TEXT NOT NULL,
            started_at INTEGER NOT NULL,
            deadline_at INTEGER NOT NULL,
            submitted_at INTEGER,
            score INTEGER CHECK (score >= 0)
        );
        CREATE INDEX exam_attempts_by_learner ON exam_attempts (learner_id, started_at);
        CREATE INDEX exam_attempts_by_session ON exam_attempts (session_id) WHERE session_id IS NOT NULL;

        CREATE TABLE exam_questions (
            attempt_id INTEGER NOT NULL REFERENCES exam_attempts(id) ON DELETE CASCADE,
            position INTEGER NOT NULL CHECK (position >= 1),
            item_id TEXT NOT NULL REFERENCES items(id),
            seed INTEGER NOT NULL,
            answer TEXT,
            correct INTEGER CHECK (correct IN (0, 1)),
            flagged INTEGER NOT NULL DEFAULT 0 CHECK (flagged IN (0, 1)),
            answered_at INTEGER,
            PRIMARY KEY (attempt_id, position)
        ) WITHOUT ROWID;

        PRAGMA user_version = 1;
        """

    // Per-learner FSRS weights (NULL = the defaults) and the exam the schedule aims at.
    private static let version2 = """
        ALTER TABLE learners ADD COLUMN fsrs_parameters TEXT;
        ALTER TABLE learners ADD COLUMN fsrs_parameters_fitted_at INTEGER;
        ALTER TABLE learners ADD COLUMN exam_date TEXT
            CHECK (exam_date IS NULL OR exam_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
        ALTER TABLE learners ADD COLUMN exam_blueprint TEXT;
        PRAGMA user_version = 2;
        """

    // `stats` without scanning a learner's whole history: a per-learner review count kept by
    // triggers (so every path that adds or removes a review keeps it, undo and deletion included),
    // and the time index extended with the outcome columns so the 30-day window is read from the
    // index alone. The new index serves every query the old one did (same leading columns).
    private static let version3 = """
        ALTER TABLE learners ADD COLUMN review_count INTEGER NOT NULL DEFAULT 0;
        UPDATE learners SET review_count = (SELECT count(*) FROM reviews WHERE reviews.learner_id = learners.id);
        CREATE TRIGGER reviews_counted AFTER INSERT ON reviews BEGIN
            UPDATE learners SET review_count = review_count + 1 WHERE id = NEW.learner_id;
        END;
        CREATE TRIGGER reviews_uncounted AFTER DELETE ON reviews BEGIN
            UPDATE learners SET review_count = review_count - 1 WHERE id = OLD.learner_id;
        END;
        CREATE INDEX reviews_by_learner_time_outcome ON reviews (learner_id, reviewed_at, correct, before_phase);
        DROP INDEX reviews_by_learner_time;
        PRAGMA user_version = 3;
        """

    // What each exam question showed — its options' texts in order and its key — and what the
    // answer picked, stored with the question so that item analysis (`report items`, `results
    // export`) reads them instead of regenerating every question from the library. Existing rows
    // keep NULL there (nothing is rewritten); readers regenerate the question for those rows only.
    // The options are joined with U+001F (unit separator), which no option text contains; '' is a
    // typed-answer question (no options).
    private static let version4 = """
        ALTER TABLE exam_questions ADD COLUMN options TEXT;
        ALTER TABLE exam_questions ADD COLUMN answer_key TEXT;
        ALTER TABLE exam_questions ADD COLUMN choice TEXT;
        PRAGMA user_version = 4;
        """
}
