import Dispatch
import Foundation
import PostgresNIO

/// Watches one shift from a connection and a thread of its own, so a console learns of other positions' appends
/// within a second without its own loop ever waiting on the network.
///
/// The thread LISTENs on the journal's channel (every append NOTIFYs it with the shift's name) and fetches new records
/// as soon as a notification comes, and at least every poll interval in case one is missed; it keeps what it fetched
/// in an inbox the journal takes from. When a query fails or passes its deadline the database is "offline" until a
/// later one answers: the journal then refuses writes at once rather than make the call-taker wait on a timeout.
final class ShiftFollower: @unchecked Sendable {
    /// Records fetched in one query, so a position coming back after a long outage catches up in steps.
    static let fetchLimit = 10_000
    /// A query by the follower is small: an answer slower than this means the network or the server is in trouble.
    static let queryDeadline: TimeAmount = .seconds(2)

    private let link: DatabaseLink
    private let shift: String
    private let pollInterval: TimeInterval
    private let wake = DispatchSemaphore(value: 0)
    /// The connection the listener was added on: a new connection needs a new listener.
    private var listeningOn: PostgresConnection?
    private var fetchedThrough: Int

    private let lock = NSLock()
    private var inbox: [StoredRecord] = []
    private var offlineReason: String?
    private var stopped = false

    init(url: PostgresJournalURL, password: String?, after recordCount: Int, pollInterval: TimeInterval) {
        link = DatabaseLink(url: url, password: password, queryDeadline: Self.queryDeadline, applicationName: "heartdesk follower")
        shift = url.shift
        fetchedThrough = recordCount
        self.pollInterval = pollInterval
    }

    func start() {
        let thread = Thread { [self] in watch() }
        thread.name = "heartdesk-follower"
        thread.start()
    }

    /// Ends the thread after its current query; the connection is closed as it goes.
    func stop() {
        lock.withLock { stopped = true }
        wake.signal()
    }

    /// Takes what was fetched since the last take, and why the database is offline if it is.
    func take() -> (records: [StoredRecord], offline: String?) {
        lock.withLock {
            defer { inbox.removeAll(keepingCapacity: true) }
            return (inbox, offlineReason)
        }
    }

    /// Why the database did not answer the last query, nil while it answers.
    var offline: String? { lock.withLock { offlineReason } }

    private var isStopped: Bool { lock.withLock { stopped } }

    private func watch() {
        while !isStopped {
            do {
                try listen()
                try fetch()
                lock.withLock { offlineReason = nil }
            } catch {
                listeningOn = nil
                link.reset()
                let reason = "cannot reach the database: " + PostgresJournal.describe(error)
                lock.withLock { offlineReason = reason }
            }
            _ = wake.wait(timeout: .now() + pollInterval)
        }
        link.reset()
    }

    private func listen() throws {
        let connection = try link.connected()
        guard listeningOn !== connection else { return }
        // The notification's payload is the shift appended to. The listener is added on the connection's own event
        // loop and only while it is open: postgres-nio stops the process (a precondition) when a listener's start
        // never reaches an open connection, which a close racing with it from this thread caused once in the tests.
        let shift = shift
        let wake = wake
        let added = try connection.eventLoop.submit { () -> Bool in
            guard !connection.isClosed else { return false }
            connection.addListener(channel: PostgresSchema.channel) { _, notification in
                if notification.payload == shift { wake.signal() }
            }
            return true
        }.wait()
        guard added else { throw ListenRefused() }
        // A connection the server closes (a restart) is noticed now, not at the next poll.
        connection.closeFuture.whenComplete { _ in wake.signal() }
        listeningOn = connection
    }

    /// The connection closed before the listener could be added: tried again at the next look.
    private struct ListenRefused: Error, CustomStringConvertible {
        var description: String { "the connection closed while starting to listen" }
    }

    private func fetch() throws {
        while !isStopped {
            let fetched = try StoredRecord.after(fetchedThrough, of: shift, limit: Self.fetchLimit, on: link)
            guard let last = fetched.last else { return }
            fetchedThrough = Int(last.seq)
            lock.withLock { inbox.append(contentsOf: fetched) }
            guard fetched.count == Self.fetchLimit else { return }
        }
    }
}
