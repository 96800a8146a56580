import Foundation
import HeartDeskCore
import HeartDeskJournal

/// Records commands on a thread of its own, for a journal whose writes wait on a network (a database): the console's
/// loop hands a command over and goes on drawing and taking keys; the outcome comes back to it as a message.
///
/// One write at a time, and while it is under way nothing else touches the journal: ``ConsoleSession`` holds back
/// its follows and further writes until it has taken the outcome, so the journal needs no locking of its own.
final class BackgroundWriter: @unchecked Sendable {
    /// What became of a write.
    enum Outcome {
        case recorded([ShiftEvent])
        case failed(any Error)
    }

    private let queue = DispatchQueue(label: "heartdesk.journal.writer")
    private let lock = NSLock()
    private var outcome: Outcome?

    /// Starts `write` on the writer's thread.
    func start(_ write: @escaping () throws -> [ShiftEvent]) {
        let work = UncheckedWork(write: write)
        queue.async { [self] in
            let result: Outcome
            do { result = .recorded(try work.write()) } catch { result = .failed(error) }
            lock.withLock { outcome = result }
        }
    }

    /// The outcome of the write, once it is done; nil while it is under way (or when none was started).
    func take() -> Outcome? {
        lock.withLock {
            defer { outcome = nil }
            return outcome
        }
    }
}

/// The write handed to the other thread with the journal it captures: safe because the session touches neither
/// until the outcome is taken.
private struct UncheckedWork: @unchecked Sendable {
    let write: () throws -> [ShiftEvent]
}
