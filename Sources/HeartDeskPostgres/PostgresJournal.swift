import Foundation
import HeartDeskCore
import HeartDeskJournal
import NIOCore
import NIOSSL
import PostgresNIO

/// A shift journal in a PostgreSQL database, for positions on many machines: the same events, encoded by the same
/// codec, in one table keyed by (shift, sequence), each with the same SHA-256 chain as a file's records.
///
/// An append is one transaction: the state is caught up to the head inside it, the command decided on it, and its
/// records inserted at the next sequence numbers; if another position appended first the insert conflicts, the
/// transaction is rolled back, and the command is decided again on the new head. Acknowledged only after `COMMIT`
/// with `synchronous_commit` on. Calls block the calling thread (the command line and the console's loop are
/// synchronous); never call from an event loop.
public final class PostgresJournal: ShiftJournal {
    public let url: PostgresJournalURL
    public let mode: Journal.Mode
    public var location: String { url.description }
    public private(set) var state = ShiftState()
    public private(set) var recordCount = 0
    public private(set) var headHash = JournalRecords.genesis
    public private(set) var events: [ShiftEvent] = []

    private let keepEvents: Bool
    private var reader = JournalRecords.Reader()
    private let link: DatabaseLink
    private let password: String?
    /// Watches the shift for a console, once ``startFollowing(pollInterval:)`` is called; nil for the command line.
    private var follower: ShiftFollower?
    /// How long an append waits before giving up: the start is long (the first read may be a whole shift); a console
    /// shortens it with ``answerDeadline``.
    static let defaultAnswerDeadline: TimeAmount = .seconds(60)
    /// Appends decided again after losing a race to another position, before giving up.
    static let maxRetries = 50

    private init(url: PostgresJournalURL, mode: Journal.Mode, keepEvents: Bool, password: String?) {
        self.url = url
        self.mode = mode
        self.keepEvents = keepEvents
        self.password = password
        link = DatabaseLink(url: url, password: password, queryDeadline: Self.defaultAnswerDeadline, applicationName: "heartdesk")
    }

    deinit { follower?.stop() }

    /// How long one query may wait for the database's answer before the database is taken to be offline.
    public var answerDeadline: TimeInterval {
        get { Double(link.queryDeadline.nanoseconds) / 1e9 }
        set { link.queryDeadline = .nanoseconds(Int64(newValue * 1e9)) }
    }

    /// Connects, creates the tables if this is the first use (writers only), and reads the shift. A reader on a shift
    /// with no events is told so, as a reader of a missing file is.
    public static func open(_ url: PostgresJournalURL, mode: Journal.Mode, keepEvents: Bool = false,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws(JournalError) -> PostgresJournal {
        let journal = PostgresJournal(url: url, mode: mode, keepEvents: keepEvents, password: url.password(environment: environment))
        try journal.guardedJournal {
            if mode == .write { try journal.migrate() } else { try journal.checkSchema() }
            _ = try journal.catchUp()
        }
        if mode == .read && journal.recordCount == 0 {
            throw JournalError(.missing, path: url.description, "no shift '\(url.shift)' in database \(url.database)")
        }
        return journal
    }

    // MARK: ShiftJournal

    @discardableResult
    public func refresh() throws -> Int {
        let before = recordCount
        guard let follower else {
            try guarded { _ = try catchUp() }
            return recordCount - before
        }
        // Never waits: the follower's thread did the asking.
        let (records, offline) = follower.take()
        try take(records)
        // What arrived before the database went away is shown first; the outage at the next look.
        if let offline, recordCount == before { throw JournalError(.offline, path: location, offline) }
        return recordCount - before
    }

    /// Starts a thread that LISTENs for other positions' appends and fetches them, so ``refresh()`` never waits on the
    /// network: a console calls it; the command line reads as it goes.
    public func startFollowing(pollInterval: Double) {
        guard follower == nil else { return }
        let started = ShiftFollower(url: url, password: password, after: recordCount, pollInterval: pollInterval)
        started.start()
        follower = started
    }

    @discardableResult
    public func append(_ decide: (ShiftState) throws -> [ShiftEvent]) throws -> [ShiftEvent] {
        precondition(mode == .write, "append on a journal opened for reading")
        // The follower has just failed to reach the database: refuse now rather than make the call-taker wait out a
        // timeout; it tries again every second and says so when it answers.
        if let offline = follower?.offline { throw JournalError(.offline, path: location, offline) }
        for _ in 0..<Self.maxRetries {
            let attempt = try guarded { () throws -> Attempt in try appendOnce(decide) }
            if case .written(let events) = attempt { return events }
        }
        throw JournalError(.io, path: location, "other positions kept appending first: gave up after \(Self.maxRetries) tries (nothing written)")
    }

    // MARK: Appending

    private enum Attempt {
        case written([ShiftEvent])
        case lostRace
    }

    private func appendOnce(_ decide: (ShiftState) throws -> [ShiftEvent]) throws -> Attempt {
        try run("BEGIN")
        var committed = false
        defer { if !committed { _ = try? run("ROLLBACK") } }
        // One appender per shift at a time, in the order they asked, as the file's lock does: without it a position
        // in a tight loop could win every race. Released at COMMIT or ROLLBACK.
        _ = try run("SELECT pg_advisory_xact_lock(\(PostgresSchema.appendLockSpace), hashtext($1))", binds: [url.shift])
        // What this reads was committed by others: it stays folded whatever becomes of this append.
        _ = try catchUp()
        let decided = try decide(state)
        guard !decided.isEmpty else {
            try run("COMMIT")
            committed = true
            return .written([])
        }
        let appendID = UUID().uuidString
        var rows: [(seq: Int, payload: [UInt8], hash: ChainHash)] = []
        var hash = headHash
        // What the others will read is what this position folds (JournalRecords.Reader.readBack says why).
        var stored: [ShiftEvent] = []
        for (offset, event) in decided.enumerated() {
            let payload = JournalRecords.encode(event)
            stored.append(try reader.readBack(payload, record: recordCount + offset + 1, journal: location))
            hash = JournalRecords.hash(payload, after: hash)
            rows.append((recordCount + offset + 1, payload, hash))
        }
        do {
            try insert(rows, appendID: appendID)
        } catch let error as PSQLError where error.serverInfo?[.sqlState] == "23505" {
            // Another position appended first: decide again on the head it left.
            return .lostRace
        }
        _ = try run("SELECT pg_notify($1, $2)", binds: [PostgresSchema.channel, url.shift])
        do {
            try run("COMMIT")
            committed = true
        } catch let error as PSQLError where error.code == .server {
            // The server answered, and refused: the transaction is gone and nothing was written.
            committed = true
            throw error
        } catch {
            committed = true  // the connection is gone: nothing to roll back on it
            guard try wasCommitted(appendID, count: rows.count) else {
                throw JournalError(.offline, path: location, "the database went away before the append was committed: nothing was written")
            }
        }
        for event in stored { fold(event) }
        recordCount += rows.count
        headHash = hash
        return .written(decided)
    }

    /// Whether an append whose COMMIT's answer was lost reached the database: asked on a new connection.
    /// Asked for at most one answer deadline (and up to five times): a console's is 5 s, so it is not left still for
    /// long when the network is gone; the command line keeps asking longer.
    private func wasCommitted(_ appendID: String, count: Int) throws -> Bool {
        link.reset()
        var lastError: (any Error)?
        let giveUp = Date().addingTimeInterval(answerDeadline)
        for attempt in 0..<5 where attempt == 0 || Date() < giveUp {
            if attempt > 0 { Thread.sleep(forTimeInterval: 1) }
            do {
                let rows = try run("SELECT count(*) FROM heartdesk_events WHERE shift = $1 AND append_id = $2", binds: [url.shift, appendID]).rows
                return try rows.first?.decode(Int64.self) == Int64(count)
            } catch {
                link.reset()
                lastError = error
            }
        }
        throw JournalError(.offline, path: location, "the database went away while committing and has not come back "
                                                    + "(\(Self.describe(lastError))): whether the append was recorded is not known; "
                                                    + "check the shift (the board, or `heartdesk shift show`) before entering it again")
    }

    private func insert(_ rows: [(seq: Int, payload: [UInt8], hash: ChainHash)], appendID: String) throws {
        // One statement per 4,000 rows keeps the binds (three per row) under the protocol's 65,535.
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(rows.count, start + 4_000)]
            var bindings = PostgresBindings()
            bindings.append(url.shift)
            bindings.append(appendID)
            var values: [String] = []
            for row in chunk {
                let base = bindings.count
                bindings.append(Int64(row.seq))
                bindings.append(ByteBuffer(bytes: row.payload))
                bindings.append(ByteBuffer(bytes: row.hash.bytes))
                values.append("($1, $\(base + 1), $\(base + 2), $\(base + 3), $2)")
            }
            try execute(PostgresQuery(unsafeSQL: "INSERT INTO heartdesk_events (shift, seq, payload, hash, append_id) VALUES "
                                      + values.joined(separator: ", "), binds: bindings))
            start += chunk.count
        }
    }

    // MARK: Reading

    /// Reads, checks and folds every record past the last one read; returns how many.
    private func catchUp() throws -> Int {
        let before = recordCount
        try take(try StoredRecord.after(recordCount, of: url.shift, on: link))
        return recordCount - before
    }

    /// Checks each record's place and hash against the chain so far, decodes and folds it. Records already folded
    /// (the follower fetches what this position's own appends wrote too) are passed over.
    private func take(_ records: [StoredRecord]) throws {
        for record in records where record.seq > Int64(recordCount) {
            let (seq, payload, hash) = (record.seq, record.payload, record.hash)
            let number = recordCount + 1
            guard seq == Int64(number) else {
                throw JournalError(.corrupt, path: location, "record \(number) is missing (the next is \(seq)): records were deleted", record: number)
            }
            let expected = JournalRecords.hash(payload, after: headHash)
            guard let stored = ChainHash(bytes: hash), stored == expected else {
                throw JournalError(.corrupt, path: location, "record \(number)'s hash does not match its contents and the record before it",
                                   record: number)
            }
            guard let event = reader.event(payload) else {
                throw JournalError(.undecodable, path: location, "record \(number) is intact but holds an event this HeartDesk cannot read "
                                   + "(written by a newer HeartDesk, or by hand)", record: number)
            }
            fold(event)
            recordCount = number
            headHash = stored
        }
    }

    private func fold(_ event: ShiftEvent) {
        state.apply(event)
        if keepEvents { events.append(event) }
    }

    // MARK: Schema

    private func migrate() throws {
        // Tables already at this version: nothing to create, so a writing role needs no CREATE right.
        if try tablesExist(), try schemaVersion() == PostgresSchema.version { return }
        try run("BEGIN")
        var done = false
        defer { if !done { _ = try? run("ROLLBACK") } }
        _ = try run("SELECT pg_advisory_xact_lock(\(PostgresSchema.migrationLock))")
        try run(PostgresSchema.versionTable)
        let current = try schemaVersion()
        guard current <= PostgresSchema.version else { throw newerSchema(current) }
        for version in current..<PostgresSchema.version {
            for statement in PostgresSchema.migrations[version] { try run(statement) }
            _ = try run("INSERT INTO heartdesk_schema (version) VALUES ($1)", binds: [Int64(version + 1)])
        }
        try run("COMMIT")
        done = true
    }

    /// A reader creates nothing (its role may only read): the tables must be there, at a version it knows.
    private func checkSchema() throws {
        guard try tablesExist() else {
            throw JournalError(.missing, path: location, "database \(url.database) holds no HeartDesk journal yet")
        }
        let current = try schemaVersion()
        guard current == PostgresSchema.version else {
            throw current > PostgresSchema.version ? newerSchema(current)
                : JournalError(.notAJournal, path: location, "the journal tables are at version \(current): open it once with a writing position to bring them up to \(PostgresSchema.version)")
        }
    }

    private func tablesExist() throws -> Bool {
        let rows = try run("SELECT to_regclass('heartdesk_schema') IS NOT NULL AND to_regclass('heartdesk_events') IS NOT NULL").rows
        return try rows.first?.decode(Bool.self) == true
    }

    private func schemaVersion() throws -> Int {
        let rows = try run("SELECT coalesce(max(version), 0) FROM heartdesk_schema").rows
        return Int(try rows.first?.decode(Int32.self) ?? 0)
    }

    private func newerSchema(_ version: Int) -> JournalError {
        JournalError(.notAJournal, path: location, "the journal tables are at version \(version), written by a newer HeartDesk (this one knows \(PostgresSchema.version))")
    }

    // MARK: The connection

    @discardableResult
    private func run(_ sql: String, binds: [any PostgresEncodable & Sendable] = []) throws -> PostgresQueryResult {
        try link.run(sql, binds: binds)
    }

    @discardableResult
    private func execute(_ query: PostgresQuery) throws -> PostgresQueryResult {
        try link.execute(query)
    }

    /// Runs `body`, turning what the database says into a journal error with one plain line; anything else `body`
    /// throws (a command's refusal) passes through as it is.
    private func guarded<R>(_ body: () throws -> R) throws -> R {
        do {
            return try body()
        } catch let error as PSQLError {
            if error.code != .server { link.reset() }
            throw Self.journalError(error, location: location)
        } catch let error as DatabaseLink.NoAnswer {
            link.reset()
            throw JournalError(.offline, path: location, "cannot reach the database: \(error)")
        } catch let error as IOError {
            link.reset()
            throw JournalError(.offline, path: location, "cannot reach the database: \(error.description)")
        } catch let error as ChannelError {
            link.reset()
            throw JournalError(.offline, path: location, "cannot reach the database: \(error)")
        }
    }

    /// ``guarded(_:)`` for what throws only database errors: typed, for `open`.
    private func guardedJournal(_ body: () throws -> Void) throws(JournalError) {
        do {
            try guarded(body)
        } catch let error as JournalError {
            throw error
        } catch {
            link.reset()
            throw JournalError(.offline, path: location, "cannot reach the database: \(Self.describe(error))")
        }
    }

    static func journalError(_ error: PSQLError, location: String) -> JournalError {
        if error.code == .server, let message = error.serverInfo?[.message] {
            let state = error.serverInfo?[.sqlState] ?? ""
            // 42501: insufficient privilege (a read-only role asked to write).
            let kind: JournalError.Kind = state == "42501" ? .cannotOpen : .io
            return JournalError(kind, path: location, "the database refused: \(message)")
        }
        return JournalError(.offline, path: location, "cannot reach the database: \(describe(error))")
    }

    static func describe(_ error: (any Error)?) -> String {
        guard let error else { return "no answer" }
        if let error = error as? PSQLError {
            // A TLS failure arrives as a connection error: say it is the certificate, not the network.
            if let tls = error.underlying as? NIOSSLError { return describe(tls) }
            switch error.code {
            case .connectionError: return "connection refused or timed out"
            case .serverClosedConnection, .uncleanShutdown: return "the server closed the connection"
            case .server: return error.serverInfo?[.message] ?? "server error"
            default: return "\(error.code)"
            }
        }
        if let error = error as? IOError { return error.description }
        if let error = error as? DatabaseLink.NoAnswer { return error.description }
        if let error = error as? NIOSSLError {
            switch error {
            case .handshakeFailed, .unableToValidateCertificate:
                // BoringSSL's text names a build path; its reason code is what matters.
                let why = "\(error)".contains("CERTIFICATE_VERIFY_FAILED") ? "no trusted authority vouches for it, or it is not for this host"
                    : "the TLS handshake failed"
                return "the server's TLS certificate was not accepted (\(why); sslmode=verify-full checks both)"
            default: return "TLS failed: \(error)"
            }
        }
        return "\(error)"
    }
}
