/// Why a journal could not be opened, read or written. Nothing was acknowledged that is not on disk.
public struct JournalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure, for callers that react differently.
    public enum Kind: Sendable, Equatable {
        case missing, notAJournal, cannotOpen, corrupt, undecodable, io
        /// The database holding the journal cannot be reached: nothing was written.
        case offline
    }

    public let kind: Kind
    public let path: String
    public let detail: String
    /// The first bad record (1-based), for `corrupt` and `undecodable`.
    public let recordNumber: Int?

    public init(_ kind: Kind, path: String, _ detail: String, record: Int? = nil) {
        self.kind = kind
        self.path = path
        self.detail = detail
        self.recordNumber = record
    }

    /// "journal shift.hdj: record 12 at byte 2345 is damaged: …".
    public var description: String { "journal \(path): \(detail)" }
}
