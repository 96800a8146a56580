import Foundation
import HeartDeskJournal
import HeartDeskPostgres

/// Opens a shift journal wherever `--journal` says: a file path, or a `postgresql://` URL (positions on many
/// machines, docs/many-positions.md).
enum JournalStore {
    static func open(_ location: String, mode: Journal.Mode, keepEvents: Bool = false) throws -> any ShiftJournal {
        guard PostgresJournalURL.isURL(location) else { return try Journal.open(location, mode: mode, keepEvents: keepEvents) }
        let url: PostgresJournalURL
        do { url = try PostgresJournalURL(location) } catch { throw UserError(error.description) }
        return try PostgresJournal.open(url, mode: mode, keepEvents: keepEvents)
    }

    /// How the console's header names a journal: the file's name, or "shift NAME on HOST".
    static func shortName(of journal: any ShiftJournal) -> String {
        if let database = journal as? PostgresJournal { return "shift \(database.url.shift) on \(database.url.host)" }
        return URL(fileURLWithPath: journal.location).lastPathComponent
    }

    /// Whether `location` is a database URL (whose password, if any, is not in it).
    static func isDatabase(_ location: String) -> Bool { PostgresJournalURL.isURL(location) }
}
