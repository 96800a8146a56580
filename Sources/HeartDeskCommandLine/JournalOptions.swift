import ArgumentParser
import Foundation
import HeartDeskCore
import HeartDeskJournal

/// `--journal`, `--operator` and `--position`: where events go and who records them.
struct JournalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The shift journal: a file (created on first write, mode 0600), or postgresql://USER@HOST[:PORT]/DB?shift=NAME "
            + "for positions on many machines (password from PGPASSWORD or ~/.pgpass).", valueName: "file-or-url"))
    var journal: String

    @Option(name: .customLong("operator"), help: ArgumentHelp("Who records the events (default: your login name).", valueName: "name"))
    var operatorName: String?

    @Option(name: .long, help: ArgumentHelp("Console position recording the events.", valueName: "name"))
    var position = "cli"

    /// The operator name to stamp: `--operator`, else the login name.
    var resolvedOperator: String { Self.resolvedOperator(operatorName) }

    /// `given` when set, else the login name.
    static func resolvedOperator(_ given: String?) -> String {
        if let given, !given.isEmpty { return given }
        let environment = ProcessInfo.processInfo.environment
        return environment["USER"] ?? environment["LOGNAME"] ?? NSUserName()
    }

    func stamp(now: Date, shiftTime: Date? = nil) -> EventStamp {
        EventStamp(wallTime: now, shiftTime: shiftTime ?? now, position: position, operatorName: resolvedOperator)
    }

    func open(_ mode: Journal.Mode, keepEvents: Bool = false) throws -> any ShiftJournal {
        try JournalStore.open(journal, mode: mode, keepEvents: keepEvents)
    }
}
