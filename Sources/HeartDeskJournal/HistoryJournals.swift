import Foundation
import HeartDeskCore

/// The journals of earlier shifts in a folder, read into a ``CallerHistory`` for the repeat-caller lookup.
public enum HistoryJournals {
    /// What was read, and the journals that could not be (unreadable, damaged, not a journal), with why.
    public struct Loaded: Sendable {
        public var history = CallerHistory()
        public var skipped: [(file: String, reason: String)] = []

        public init() {}
    }

    /// Reads every `*.journal` file directly in `directory` (not its subfolders: exercises are kept there and are not
    /// real calls), read-only, except `excluding` (the shift in progress, which is read live). A journal that cannot
    /// be read is skipped and named, never fatal: history helps, it must not stop a console from starting. With `since`,
    /// a journal last written before it is not read: none of its calls can be in the lookup's window.
    public static func load(directory: String, excluding: String?, aids: IntakeAids, since: Date? = nil) throws(JournalError) -> Loaded {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw JournalError(.cannotOpen, path: directory, "is not a folder of journals")
        }
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".journal") }.sorted() } catch {
            throw JournalError(.cannotOpen, path: directory, "cannot list the folder: \(error.localizedDescription)")
        }
        let skip = excluding.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        var loaded = Loaded()
        for name in names {
            let path = URL(fileURLWithPath: directory).appendingPathComponent(name).standardizedFileURL.path
            guard path != skip else { continue }
            if let since, let written = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date,
               written < since { continue }
            do {
                let journal = try Journal.open(path, mode: .read)
                loaded.history.add(journal.state, name: name, aids: aids)
            } catch {
                loaded.skipped.append((name, error.detail))
            }
        }
        return loaded
    }
}
