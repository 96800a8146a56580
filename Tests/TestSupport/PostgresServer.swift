import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A private PostgreSQL cluster for a test: `initdb` in a temporary folder, `pg_ctl` on a free loopback port, a
/// `heartdesk` database, stopped when the value goes away. The server refuses to run as root, so under root the
/// cluster belongs to the `postgres` user Debian's package creates, and its commands run through `runuser`.
public final class PostgresServer: @unchecked Sendable {
    public let directory: String
    public let port: Int
    /// The address it listens on: loopback, or its host's address when it runs in a network namespace of its own.
    public let address: String
    /// The network namespace it runs in (``TwoHosts``), nil for this machine's own network.
    public let namespace: String?
    /// Whether it speaks TLS (a self-signed certificate for `localhost`) and refuses connections without it.
    public let tls: Bool
    public let superuser = "heartdesk"
    public let database = "heartdesk"
    private let binaries: String

    /// Why a server could not be started: tests report it, they do not skip.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// A server on loopback, or in `namespace` listening on `address` and accepting connections from its subnet. With
    /// `tls`, only encrypted connections are accepted (`hostssl`), with a self-signed certificate no system trusts.
    public init(namespace: String? = nil, address: String = "127.0.0.1", tls: Bool = false) throws {
        self.namespace = namespace
        self.address = address
        self.tls = tls
        guard let binaries = Self.findBinaries() else {
            throw Failure(description: "PostgreSQL's initdb and pg_ctl are not installed (.ci/run installs Debian's postgresql)")
        }
        self.binaries = binaries
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("heartdesk-pg-\(UUID().uuidString)").path
        // A namespace of its own has every port free.
        port = namespace == nil ? try Self.freePort() : 5432
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        if getuid() == 0 { try command(["chown", "postgres:postgres", directory], asServer: false) }
        try server(["initdb", "-D", directory + "/data", "-U", superuser, "-A", "trust", "--no-sync", "-E", "UTF8"])
        if namespace != nil {
            let hba = try String(contentsOfFile: directory + "/data/pg_hba.conf", encoding: .utf8)
            try (hba + "host all all samenet trust\n").write(toFile: directory + "/data/pg_hba.conf", atomically: false, encoding: .utf8)
        }
        if tls {
            let data = directory + "/data"
            try command(["openssl", "req", "-new", "-x509", "-days", "2", "-nodes", "-subj", "/CN=localhost",
                         "-keyout", data + "/server.key", "-out", data + "/server.crt"], asServer: true)
            try command(["chmod", "600", data + "/server.key"], asServer: true)
            let hba = try String(contentsOfFile: data + "/pg_hba.conf", encoding: .utf8)
            let sslOnly = hba.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.hasPrefix("host ") ? "hostssl" + $0.dropFirst(4) : $0 }.joined(separator: "\n")
            try sslOnly.write(toFile: data + "/pg_hba.conf", atomically: false, encoding: .utf8)
        }
        try start()
        try psql("CREATE DATABASE \(database)", database: "postgres")
    }

    deinit {
        _ = try? server(["pg_ctl", "-D", directory + "/data", "-m", "immediate", "-w", "stop"])
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// `postgresql://USER@ADDRESS:PORT/heartdesk?shift=SHIFT&sslmode=disable` (or the `sslMode` given).
    public func url(shift: String, user: String? = nil, sslMode: String = "disable") -> String {
        "postgresql://\(user ?? superuser)@\(address):\(port)/\(database)?shift=\(shift)&sslmode=\(sslMode)"
    }

    public func start() throws {
        try server(["pg_ctl", "-D", directory + "/data", "-l", directory + "/log", "-w", "-t", "30", "-o",
                    "-p \(port) -k \(directory) -c listen_addresses=\(address) -c fsync=on -c synchronous_commit=on" + (tls ? " -c ssl=on" : ""), "start"])
    }

    /// Stops the server at once, as a crash would (`-m immediate`: no checkpoint, recovery at the next start).
    public func stop() throws {
        try server(["pg_ctl", "-D", directory + "/data", "-m", "immediate", "-w", "stop"])
    }

    /// SIGKILL to the postmaster and every process it started, at once: a crash with no chance to write anything more.
    public func kill9() throws {
        let pidLine = try String(contentsOfFile: directory + "/data/postmaster.pid", encoding: .utf8).split(separator: "\n").first ?? ""
        guard let postmaster = Int32(pidLine) else { throw Failure(description: "no postmaster.pid") }
        let children = ((try? command(["pgrep", "-P", "\(postmaster)"], asServer: false)) ?? "")
            .split(separator: "\n").compactMap { Int32($0) }
        for pid in [postmaster] + children { Glibc.kill(pid, SIGKILL) }
        // Wait until they are gone, so the next start finds no server attached to the old shared memory.
        for _ in 0..<100 where ([postmaster] + children).contains(where: { Glibc.kill($0, 0) == 0 }) {
            usleep(50_000)
        }
    }

    /// Runs SQL as the superuser, returning psql's unaligned output.
    @discardableResult
    public func psql(_ sql: String, database: String? = nil, user: String? = nil) throws -> String {
        try command([binaries + "/psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", address, "-p", "\(port)",
                          "-U", user ?? superuser, "-d", database ?? self.database, "-c", sql], asServer: false)
    }

    @discardableResult
    private func server(_ arguments: [String]) throws -> String {
        try command([binaries + "/" + arguments[0]] + arguments.dropFirst(), asServer: true)
    }

    @discardableResult
    private func command(_ arguments: [String], asServer: Bool) throws -> String {
        let runAs = asServer && getuid() == 0
        let host = namespace.map { ["/usr/sbin/ip", "netns", "exec", $0] } ?? []
        do {
            return try SpawnedCommand.run(host + (runAs ? ["/usr/sbin/runuser", "-u", "postgres", "--"] : ["/usr/bin/env"]) + arguments)
        } catch let failure as SpawnedCommand.Failure {
            throw Failure(description: failure.description)
        }
    }

    /// The folder holding initdb and pg_ctl: on PATH, else Debian's versioned folder.
    private static func findBinaries() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for folder in path.split(separator: ":").map(String.init) + ["/usr/lib/postgresql"] {
            if FileManager.default.isExecutableFile(atPath: folder + "/initdb") && FileManager.default.isExecutableFile(atPath: folder + "/pg_ctl") {
                // psql may live elsewhere (/usr/bin): the server's folder has its own copy on Debian.
                return URL(fileURLWithPath: folder + "/initdb").resolvingSymlinksInPath().deletingLastPathComponent().path
            }
        }
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        for version in versions.sorted(by: >) where FileManager.default.isExecutableFile(atPath: "/usr/lib/postgresql/\(version)/bin/initdb") {
            return "/usr/lib/postgresql/\(version)/bin"
        }
        return nil
    }

    /// A loopback port nothing listens on now.
    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "no socket") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw Failure(description: "cannot find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
