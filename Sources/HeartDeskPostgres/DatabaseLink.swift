import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOSSL
import PostgresNIO

/// One connection to a journal's database, opened when first needed and again after it is lost, with every query
/// bounded by a deadline.
///
/// The deadline is what keeps a position usable when the network between it and the server is cut: the connection
/// then stays "open" with no answer ever coming, and without a deadline a query waits for TCP to give up (many
/// minutes). At the deadline the query is given up and the connection closed; the next query connects anew.
final class DatabaseLink: @unchecked Sendable {
    let url: PostgresJournalURL
    private let password: String?
    private var connection: PostgresConnection?
    /// Critical only: postgres-nio's own messages would otherwise be printed over the console's screen.
    let logger: Logger = {
        var logger = Logger(label: "heartdesk.journal.postgres")
        logger.logLevel = .critical
        return logger
    }()
    /// How long to wait for the server to accept a connection.
    static let connectTimeout: TimeAmount = .seconds(3)
    /// How long one query may wait for its answer.
    var queryDeadline: TimeAmount

    /// How the server's `pg_stat_activity` names this connection, so an administrator can tell a position's own
    /// connection from its follower's.
    let applicationName: String

    init(url: PostgresJournalURL, password: String?, queryDeadline: TimeAmount, applicationName: String) {
        self.url = url
        self.applicationName = applicationName
        self.password = password
        self.queryDeadline = queryDeadline
    }

    deinit { try? connection?.close().wait() }

    /// The open connection, connecting first if there is none.
    func connected() throws -> PostgresConnection {
        if let connection, !connection.isClosed { return connection }
        var configuration = PostgresConnection.Configuration(host: url.host, port: url.port, username: url.user, password: password,
                                                             database: url.database, tls: try tls())
        configuration.options.connectTimeout = Self.connectTimeout
        configuration.options.additionalStartupParameters = [("application_name", applicationName)]
        let made = try PostgresConnection.connect(on: PostgresConnection.defaultEventLoopGroup.any(), configuration: configuration,
                                                  id: 1, logger: logger).wait()
        connection = made
        // Acknowledged means on the server's disk, whatever the server's default.
        try run("SET synchronous_commit = on")
        return made
    }

    /// Forgets the connection (closing it if it is still open): the next query connects anew.
    func reset() {
        if let connection { Self.letGo(connection) }
        connection = nil
    }

    /// Closes `connection` and keeps it alive until it is closed: postgres-nio requires a connection to be closed
    /// before it is freed, and a close takes a turn of its event loop.
    private static func letGo(_ connection: PostgresConnection) {
        connection.closeFuture.whenComplete { _ in withExtendedLifetime(connection) {} }
        if !connection.isClosed { let _: EventLoopFuture<Void> = connection.close() }
    }

    @discardableResult
    func run(_ sql: String, binds: [any PostgresEncodable & Sendable] = []) throws -> PostgresQueryResult {
        var bindings = PostgresBindings()
        for value in binds { try bindings.append(value) }
        return try execute(PostgresQuery(unsafeSQL: sql, binds: bindings))
    }

    /// The database did not answer a query by the deadline (the connection was closed for it).
    struct NoAnswer: Error, CustomStringConvertible {
        let deadline: TimeAmount
        var description: String { "no answer in \(deadline.nanoseconds / 1_000_000_000) s" }
    }

    /// Runs `query`, closing the connection if no answer comes by the deadline.
    @discardableResult
    func execute(_ query: PostgresQuery) throws -> PostgresQueryResult {
        let connection = try connected()
        let answer = NIOLockedValueBox<Result<PostgresQueryResult, any Error>?>(nil)
        let settled = DispatchSemaphore(value: 0)
        connection.query(query, logger: logger).whenComplete { result in
            answer.withLockedValue { $0 = result }
            settled.signal()
        }
        // This thread stops waiting at the deadline itself, not when closing the connection fails the query:
        // postgres-nio once left a query unsettled after its connection was closed (a CI run, a server killed
        // mid-append: a writer waited over ten minutes with both event loops idle).
        if settled.wait(timeout: .now() + .nanoseconds(Int(queryDeadline.nanoseconds))) == .timedOut {
            reset()
            throw NoAnswer(deadline: queryDeadline)
        }
        do {
            return try answer.withLockedValue { $0! }.get()
        } catch {
            if connection.isClosed { reset() }
            throw error
        }
    }

    private func tls() throws -> PostgresConnection.Configuration.TLS {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch url.sslMode {
        case .disable: return .disable
        case .prefer:
            configuration.certificateVerification = .none
            return .prefer(try NIOSSLContext(configuration: configuration))
        case .require:
            configuration.certificateVerification = .none
            return .require(try NIOSSLContext(configuration: configuration))
        case .verifyFull:
            return .require(try NIOSSLContext(configuration: configuration))
        }
    }
}
