/// The tables a shift journal keeps in PostgreSQL, created by a migration the program owns (docs/journal-format.md,
/// "In PostgreSQL"). Versioned: a database written by a newer HeartDesk is refused, never misread.
enum PostgresSchema {
    static let version = 1

    /// Every migration, in order; the one at index `n` takes the schema from version `n` to `n + 1`.
    static let migrations: [[String]] = [
        [
            """
            CREATE TABLE heartdesk_events (
                shift text NOT NULL,
                seq bigint NOT NULL CHECK (seq > 0),
                payload bytea NOT NULL,
                hash bytea NOT NULL CHECK (length(hash) = 32),
                append_id text NOT NULL,
                committed_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (shift, seq)
            )
            """,
            "CREATE INDEX heartdesk_events_append ON heartdesk_events (shift, append_id)",
        ],
    ]

    static let versionTable = """
        CREATE TABLE IF NOT EXISTS heartdesk_schema (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())
        """

    /// Serializes migrations from positions starting at once.
    static let migrationLock = 0x4844_4A52  // "HDJR"
    /// The first key of the advisory lock that queues appends to one shift (the second is the shift's name hashed).
    static let appendLockSpace: Int32 = 0x4844

    /// Where a position hears of another's appends: the payload is the shift's name.
    static let channel = "heartdesk_events"
}
