import Foundation

/// Where a shift journal is kept in PostgreSQL, from a libpq-style URL:
/// `postgresql://USER@HOST[:PORT]/DB?shift=NAME[&sslmode=disable|prefer|require|verify-full]`.
///
/// A password is never taken from the URL (it would sit in shell history and `ps`): it comes from `PGPASSWORD` or
/// `~/.pgpass`, as libpq's do.
public struct PostgresJournalURL: Sendable, Hashable, CustomStringConvertible {
    /// How the connection is encrypted, as libpq's `sslmode` names it.
    public enum SSLMode: String, Sendable, Hashable, CaseIterable {
        case disable, prefer, require
        case verifyFull = "verify-full"
    }

    public let user: String
    public let host: String
    public let port: Int
    public let database: String
    /// The shift's name: one journal per shift in the database, as one file per shift.
    public let shift: String
    public let sslMode: SSLMode

    /// Why text is not a journal URL.
    public struct Unreadable: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// Whether `text` is meant as a database URL rather than a file path.
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    public init(_ text: String) throws(Unreadable) {
        func fail(_ why: String) -> Unreadable {
            Unreadable(description: "\(why) (expected postgresql://USER@HOST[:PORT]/DB?shift=NAME)")
        }
        guard Self.isURL(text), let components = URLComponents(string: text) else { throw fail("cannot read the journal URL") }
        guard components.password == nil else {
            throw Unreadable(description: "the journal URL holds a password: give it in PGPASSWORD or ~/.pgpass instead, never on the command line")
        }
        guard let user = components.user, !user.isEmpty else { throw fail("the journal URL names no user") }
        guard let host = components.host, !host.isEmpty else { throw fail("the journal URL names no host") }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else { throw fail("the journal URL names no database") }
        var shift: String?
        var sslMode = SSLMode.prefer
        for item in components.queryItems ?? [] {
            switch item.name {
            case "shift": shift = item.value
            case "sslmode":
                guard let mode = item.value.flatMap(SSLMode.init(rawValue:)) else {
                    throw Unreadable(description: "sslmode must be one of \(SSLMode.allCases.map(\.rawValue).joined(separator: ", ")), not '\(item.value ?? "")'")
                }
                sslMode = mode
            default: throw Unreadable(description: "unknown setting '\(item.name)' in the journal URL (known: shift, sslmode)")
            }
        }
        guard let shift, !shift.isEmpty else { throw fail("the journal URL names no shift (?shift=NAME)") }
        guard shift.count <= 100, shift.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }) else {
            throw Unreadable(description: "shift '\(shift)': use up to 100 letters, digits, '-', '_' or '.'")
        }
        self.user = user
        self.host = host
        self.port = components.port ?? 5432
        self.database = database
        self.shift = shift
        self.sslMode = sslMode
    }

    /// The URL as messages show it (it never holds a password).
    public var description: String {
        "postgresql://\(user)@\(host):\(port)/\(database)?shift=\(shift)" + (sslMode == .prefer ? "" : "&sslmode=\(sslMode.rawValue)")
    }

    /// The password for this server, database and user: `PGPASSWORD`, else the first matching line of the password
    /// file (`PGPASSFILE`, else `~/.pgpass`), else none (trust or peer authentication).
    public func password(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let given = environment["PGPASSWORD"] { return given }
        let file = environment["PGPASSFILE"] ?? (environment["HOME"].map { $0 + "/.pgpass" } ?? "")
        guard !file.isEmpty, let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        return PasswordFile.password(in: text, host: host, port: port, database: database, user: user)
    }
}

/// libpq's password file: `hostname:port:database:username:password` per line, `*` matching anything, `\:` and `\\`
/// escaped, `#` starting a comment.
enum PasswordFile {
    static func password(in text: String, host: String, port: Int, database: String, user: String) -> String? {
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = split(String(line))
            guard fields.count == 5 else { continue }
            let wanted = [host, String(port), database, user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    private static func split(_ line: String) -> [String] {
        var fields: [String] = [], current = "", escaped = false
        for character in line {
            if escaped { current.append(character); escaped = false }
            else if character == "\\" { escaped = true }
            else if character == ":" { fields.append(current); current = "" }
            else { current.append(character) }
        }
        fields.append(current)
        return fields
    }
}
