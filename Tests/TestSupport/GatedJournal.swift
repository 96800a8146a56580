import Dispatch
import HeartDeskCore
import HeartDeskJournal

/// A journal file standing in for a database: its appends can wait at a gate the test opens (a slow write), fail
/// (a write refused by the network), and its refreshes can fail (the database out of reach).
public final class GatedJournal: ShiftJournal, @unchecked Sendable {
    public let inner: Journal
    public let gate = DispatchSemaphore(value: 0)
    /// Set before a write starts; read by the writer's thread after that.
    public var gated = false
    public var appendFailure: JournalError?
    public var refreshFailure: JournalError?

    public init(_ inner: Journal) { self.inner = inner }

    public var location: String { inner.location }
    public var mode: Journal.Mode { inner.mode }
    public var state: ShiftState { inner.state }
    public var recordCount: Int { inner.recordCount }
    public var headHash: ChainHash { inner.headHash }
    public var events: [ShiftEvent] { inner.events }

    public func append(_ decide: (ShiftState) throws -> [ShiftEvent]) throws -> [ShiftEvent] {
        // Bounded, so a console that wrongly writes in place waits 5 s and fails its checks instead of hanging.
        if gated { _ = gate.wait(timeout: .now() + 5) }
        if let appendFailure { throw appendFailure }
        return try inner.append(decide)
    }

    public func refresh() throws -> Int {
        if let refreshFailure { throw refreshFailure }
        return try inner.refresh()
    }
}
