import Foundation

/// The few facts of a call the board sorts and counts by, kept beside the full record.
///
/// A frame of the console counts and orders every call of the shift; reading these small
/// values instead of whole `CallRecord`s keeps a 1,000-call board inside its frame budget
/// (docs/benchmarks.md). ``ShiftState`` refreshes a call's summary whenever the call changes.
public struct CallSummary: Sendable, Hashable {
    public let isOpen: Bool
    /// Open and no unit on it.
    public let isPending: Bool
    public let priority: Int
    public let pendingSince: Date
    /// Beat id, nil when unknown.
    public let beat: String?
    /// The shift's event count when the call last changed: what lets the supervisor's figures
    /// (``ShiftFigureLedger``) take in only the calls that changed since they last looked.
    public let changeNumber: Int

    init(isOpen: Bool, isPending: Bool, priority: Int, pendingSince: Date, beat: String?, changeNumber: Int) {
        self.isOpen = isOpen
        self.isPending = isPending
        self.priority = priority
        self.pendingSince = pendingSince
        self.beat = beat
        self.changeNumber = changeNumber
    }
}
