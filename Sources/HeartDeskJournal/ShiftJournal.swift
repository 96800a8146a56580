import HeartDeskCore

/// A shift journal wherever it is kept: a local file (``Journal``), or a PostgreSQL database shared by positions on
/// many machines (HeartDeskPostgres). The same events, the same codec, the same hash chain.
public protocol ShiftJournal: AnyObject {
    /// Where it is, as messages name it: a file path, or a URL without any password.
    var location: String { get }
    var mode: Journal.Mode { get }
    /// The shift as the journal's events fold to, as of the last read.
    var state: ShiftState { get }
    /// Good records read.
    var recordCount: Int { get }
    /// Hash of the last record: the head of the chain.
    var headHash: ChainHash { get }
    /// Every event, kept only when opened to keep them.
    var events: [ShiftEvent] { get }

    /// Checks a command against the state caught up to the head and appends its events durably, or nothing: `decide`
    /// runs on the caught-up state; if it throws, nothing is written and its error is rethrown.
    @discardableResult
    func append(_ decide: (ShiftState) throws -> [ShiftEvent]) throws -> [ShiftEvent]

    /// Reads what other positions appended since the last look; returns how many new events arrived.
    @discardableResult
    func refresh() throws -> Int

    /// Has other positions' appends watched for in the background, so ``refresh()`` never waits: a console's journal.
    /// A file needs no watching (a refresh reads a local file); a database is watched from a thread of its own.
    func startFollowing(pollInterval: Double)
}

extension ShiftJournal {
    public func startFollowing(pollInterval: Double) {}
}

extension Journal: ShiftJournal {
    public var location: String { path }
}

/// The record layer for journals kept elsewhere than a file: the same codec and chain a file uses.
public enum JournalRecords {
    /// The hash the first record chains from.
    public static var genesis: ChainHash { JournalFormat.genesis }

    /// The bytes an event is stored as.
    public static func encode(_ event: ShiftEvent) -> [UInt8] { EventCodec.encode(event) }

    /// The hash chaining a record with `payload` onto `previous`.
    public static func hash(_ payload: [UInt8], after previous: ChainHash) -> ChainHash {
        payload.withUnsafeBytes { JournalFormat.chain(previous, payload: $0) }
    }

    /// Decodes stored payloads back into events, sharing repeated names as a file's reader does.
    public struct Reader {
        private var decoder = EventDecoder()

        public init() {}

        /// The event in `payload`, or nil when it is not one this HeartDesk can read.
        public mutating func event(_ payload: [UInt8]) -> ShiftEvent? {
            payload.withUnsafeBytes { try? decoder.decode($0) }
        }

        /// The event a reader will find in `payload` about to be written as record `number` of `journal`, for the
        /// writer to fold; throws (and nothing must be written) when no reader could take it.
        public mutating func readBack(_ payload: [UInt8], record number: Int, journal: String) throws(JournalError) -> ShiftEvent {
            try decoder.readBack(payload, record: number, journal: journal)
        }
    }
}

extension ChainHash {
    /// The hash in 32 stored bytes; nil for any other length.
    public init?(bytes: [UInt8]) {
        guard bytes.count == 32 else { return nil }
        self = bytes.withUnsafeBytes { ChainHash($0) }
    }

    /// The 32 bytes, to store.
    public var bytes: [UInt8] { withBytes { Array($0) } }
}
