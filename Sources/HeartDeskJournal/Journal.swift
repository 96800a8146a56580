import Foundation
import HeartDeskCore

/// A shift journal: the append-only file of events and the state folded from it.
///
/// Opening replays the file. Every append happens under an exclusive file lock, after
/// catching up with whatever another process appended, and returns only once the
/// records are on disk. A torn last record (the writer died mid-append) is cut off, after
/// keeping a copy, by the first append that writes; a damaged record with good records
/// after it is corruption, and the journal refuses to write.
public final class Journal {
    /// How a journal is opened.
    public enum Mode: Sendable {
        /// Read and follow; never changes the file.
        case read
        /// Append; creates the file with the first accepted append if it does not exist.
        case write
    }

    /// What the console's header shows about the file.
    public enum Health: Sendable, Equatable {
        case ok
        /// A torn tail was cut before this writer's first append; the original file was kept at `backupPath`.
        case recoveredTornTail(recordNumber: Int, backupPath: String)
        /// The last record is torn; the next append (by any writer) cuts it, keeping a copy first.
        case tornTailPending(recordNumber: Int)
    }

    public let path: String
    public let mode: Mode
    public private(set) var state: ShiftState
    public private(set) var health: Health = .ok
    /// Good records in the file.
    public private(set) var recordCount = 0
    /// Hash of the last record: the head of the chain.
    public private(set) var headHash: ChainHash = JournalFormat.genesis
    /// Every event, kept only when opened with `keepEvents`.
    public private(set) var events: [ShiftEvent] = []

    /// nil until the first accepted append creates a journal that did not exist, so a refused command creates nothing.
    private var handle: JournalFile?
    private var file: JournalFile { handle! }
    private let keepEvents: Bool
    private var endOffset = 0
    /// Lives as long as the journal so that every catch-up shares repeated names and reasons with earlier ones.
    private var decoder = EventDecoder()
    /// A torn last record seen by this writer, cut (after keeping a copy) just before its next append.
    private var pendingTornRecord: Int?
    /// Why a catch-up failed after folding part of what it read (an undecodable record, or a read error, past the
    /// first new record). The state is then ahead of ``recordCount``, so every later refresh or append on this
    /// handle throws this again instead of reading on: a second catch-up would fold those events twice.
    private var failedPartWay: JournalError?

    private init(path: String, mode: Mode, file: JournalFile?, keepEvents: Bool) {
        self.path = path
        self.mode = mode
        self.handle = file
        self.keepEvents = keepEvents
        self.state = ShiftState()
    }

    /// Opens (and in write mode, creates or recovers) the journal at `path` and replays it.
    public static func open(_ path: String, mode: Mode, keepEvents: Bool = false) throws(JournalError) -> Journal {
        if mode == .write && !FileManager.default.fileExists(atPath: path) {
            try JournalFile.checkCanCreate(path)
            return Journal(path: path, mode: mode, file: nil, keepEvents: keepEvents)
        }
        let file = mode == .write ? try JournalFile.openForWriting(path) : try JournalFile.openForReading(path)
        let journal = Journal(path: path, mode: mode, file: file, keepEvents: keepEvents)
        try journal.locked(mode == .write ? .exclusive : .shared) { () throws(JournalError) in
            try journal.readHeader()
            try journal.catchUp()
        }
        return journal
    }

    /// Reads what other processes appended since the last look; returns how many new events arrived.
    @discardableResult
    public func refresh() throws(JournalError) -> Int {
        let before = recordCount
        if handle == nil {
            guard FileManager.default.fileExists(atPath: path) else { return 0 }
            handle = try JournalFile.openForWriting(path)
        }
        try locked(.shared) { () throws(JournalError) in
            if endOffset == 0 { try readHeader() }
            try catchUp()
        }
        return recordCount - before
    }

    /// Checks a command against the current state and appends its events durably.
    ///
    /// `decide` runs under the exclusive lock on the caught-up state; if it throws,
    /// nothing is written and its error is rethrown. Returns the events written.
    @discardableResult
    public func append(_ decide: (ShiftState) throws -> [ShiftEvent]) throws -> [ShiftEvent] {
        precondition(mode == .write, "append on a journal opened for reading")
        var created = false
        if handle == nil {
            _ = try decide(state)  // refused on the empty shift: nothing is created
            created = !FileManager.default.fileExists(atPath: path)
            handle = try JournalFile.openForWriting(path)
        }
        do {
            return try appendLocked(decide)
        } catch {
            // A journal this append created and could not write (a full disk) is removed, not left as an empty file.
            if created && recordCount == 0 {
                unlink(path)
                handle = nil
                endOffset = 0
            }
            throw error
        }
    }

    private func appendLocked(_ decide: (ShiftState) throws -> [ShiftEvent]) throws -> [ShiftEvent] {
        try locked(.exclusive) { () throws -> [ShiftEvent] in
            if endOffset == 0 { try readHeader() }
            try catchUp()
            let events = try decide(state)
            guard !events.isEmpty else { return [] }
            var bytes: [UInt8] = []
            var hash = headHash
            var stored: [ShiftEvent] = []
            stored.reserveCapacity(events.count)
            for (index, event) in events.enumerated() {
                let payload = EventCodec.encode(event)
                stored.append(try decoder.readBack(payload, record: recordCount + index + 1, journal: path))
                let framed = JournalFormat.frame(payload, after: hash)
                bytes += framed.bytes
                hash = framed.hash
            }
            if let number = pendingTornRecord {
                let backup = try keepCopy(tornAt: number)
                try file.truncate(to: endOffset)
                pendingTornRecord = nil
                health = .recoveredTornTail(recordNumber: number, backupPath: backup)
            }
            try file.appendDurably(bytes, at: endOffset)
            endOffset += bytes.count
            headHash = hash
            recordCount += events.count
            for event in stored { fold(event) }
            return events
        }
    }

    // MARK: Reading

    private func locked<R>(_ kind: JournalFile.LockKind, _ body: () throws -> R) throws -> R {
        try file.withLock(kind, body)
    }

    private func locked<R>(_ kind: JournalFile.LockKind, _ body: () throws(JournalError) -> R) throws(JournalError) -> R {
        do {
            return try file.withLock(kind, body)
        } catch let error as JournalError {
            throw error
        } catch {
            throw JournalError(.io, path: path, "\(error)")
        }
    }

    private func readHeader() throws(JournalError) {
        let header = JournalFormat.header
        let existing = try file.readToEnd(from: 0, limit: header.count)
        if existing.count == header.count {
            guard Array(existing) == header else { throw JournalError(.notAJournal, path: path, "not a HeartDesk journal (wrong header)") }
        } else if Array(existing) == Array(header.prefix(existing.count)) {
            // New file, or one whose creator died while writing the header: nothing was ever acknowledged.
            guard mode == .write else {
                if existing.isEmpty { throw JournalError(.notAJournal, path: path, "empty file: not a HeartDesk journal yet") }
                throw JournalError(.notAJournal, path: path, "not a HeartDesk journal (header cut short)")
            }
            try file.appendDurably(header, at: 0)
        } else {
            throw JournalError(.notAJournal, path: path, "not a HeartDesk journal (wrong header)")
        }
        endOffset = header.count
    }

    /// Reads, checks and folds every record past `endOffset`.
    private func catchUp() throws(JournalError) {
        if let failedPartWay { throw failedPartWay }
        let end = try file.size()
        guard end > endOffset else { return }
        // A call takes about a kilobyte of journal over its life (one with a short triage, less): enough room for
        // a long catch-up's calls in one go, and an overestimate costs address space only, never touched pages.
        if end - endOffset >= RecordScanner.pipelineThreshold { state.reserveCapacity(calls: state.calls.count + (end - endOffset) / 1024) }
        var folded = 0
        let result: RecordScanner.Result
        // Folded into a local value, put back after: through the property each event paid a run-time exclusivity
        // check, this object being a class (perf: a twentieth of the folding thread).
        var folding = ShiftState()
        swap(&folding, &state)
        defer { swap(&folding, &state) }
        do {
            result = try RecordScanner.scanFileEventsPipelined(file, from: endOffset, to: end, previous: headHash,
                                                               firstNumber: recordCount + 1, decoder: &decoder) { event in
                folded += 1
                if keepEvents { events.append(copy event) }
                folding.apply(event)
            }
        } catch {
            if folded > 0 { failedPartWay = error }
            throw error
        }
        recordCount += result.count
        endOffset = result.endOffset
        headHash = result.lastHash
        switch result.ending {
        case .clean:
            break
        case .corrupt(let number, let offset, let reason, let next):
            throw JournalError(.corrupt, path: path,
                               "record \(number) at byte \(offset) is damaged (\(reason)) and good records follow "
                               + "from byte \(next): refusing to write; nothing was cut", record: number)
        case .tornTail(let number, _, _):
            // Cut only when about to append: a command that records nothing leaves the file as it found it.
            pendingTornRecord = mode == .write ? number : nil
            health = .tornTailPending(recordNumber: number)
        }
    }

    private func fold(_ event: consuming ShiftEvent) {
        if keepEvents { events.append(copy event) }
        state.apply(event)
    }

    /// Copies the whole file beside itself before a torn tail is cut, so no byte is lost.
    private func keepCopy(tornAt number: Int) throws(JournalError) -> String {
        var backup = "\(path).torn-record-\(number)"
        var suffix = 1
        while FileManager.default.fileExists(atPath: backup) {
            backup = "\(path).torn-record-\(number).\(suffix)"
            suffix += 1
        }
        let bytes = try file.readToEnd(from: 0)
        // Created 0600 and synced before the original is cut: the copy holds call data and must be on disk first.
        do { try PrivateFile.write(bytes, to: backup) } catch {
            throw JournalError(.io, path: path, "cannot keep a copy of the torn journal at \(backup) (\(error)); not cutting it")
        }
        return backup
    }
}
