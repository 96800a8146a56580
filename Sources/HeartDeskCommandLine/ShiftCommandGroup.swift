import ArgumentParser
import Foundation
import HeartDeskCore
import HeartDeskJournal

/// `heartdesk shift …`: record and read a shift without the console.
struct ShiftCommandGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shift",
        abstract: "Record calls, dispatches and unit status in a shift journal, and show the shift.",
        subcommands: [NewCallCommand.self, DispatchCommand.self, StatusCommand.self, BackupCommand.self, NoteCommand.self,
                      CloseCommand.self, FollowUpCommand.self, ShowShiftCommand.self]
    )
}

/// The shared path of every writing `shift` command: load policy, open the journal,
/// decide under the lock, write durably, report.
struct ShiftWriter {
    let journalOptions: JournalOptions
    let policyOption: PolicyOption
    let rosterPath: String?

    /// Appends the events of `command` (opening the shift first if the journal is new); returns them.
    func record(_ command: ShiftCommand, shiftTime: Date? = nil, commandName: String) throws -> [ShiftEvent] {
        try reportingErrors(commandName) {
            let policy = try policyOption.load()
            let router = Router(policy: policy)
            let journal = try journalOptions.open(.write)
            if case .recoveredTornTail(let number, let backup) = journal.health {
                FileHandle.standardError.write(Data(
                    "heartdesk: journal \(journal.path): cut torn record \(number) left by a crashed writer; original kept at \(backup)\n".utf8))
            }
            let now = Date()
            let stamp = journalOptions.stamp(now: now, shiftTime: shiftTime)
            do {
                return try journal.append { state in
                    try command.stampedEvents(in: state, router: router, stamp: stamp) {
                        try loadRoster(path: rosterPath, policy: policy)
                    }
                }
            } catch let error as ShiftError {
                throw UserError("refused: \(error)")
            } catch let error as PolicyError {
                throw UserError("bad roster: \(error)")
            }
        }
    }

}

/// The roster in `path`, or the built-in Durham one; a bad file is a ``PolicyError`` with file and line.
func loadRoster(path: String?, policy: Policy) throws -> [UnitDefinition] {
    if let path {
        return try RosterLoader.load(contentsOf: URL(fileURLWithPath: path), displayName: path, policy: policy)
    }
    return try RosterLoader.bundledDurham(policy: policy)
}

/// Runs `body`, turning a ``UserError`` or journal error into one line on stderr and exit status 2.
func reportingErrors<R>(_ commandName: String, _ body: () throws -> R) throws -> R {
    do {
        return try body()
    } catch let error as UserError {
        FileHandle.standardError.write(Data("heartdesk \(commandName): \(error)\n".utf8))
        throw ExitCode(2)
    } catch let error as JournalError {
        FileHandle.standardError.write(Data("heartdesk \(commandName): \(error)\n".utf8))
        throw ExitCode(2)
    }
}

/// The options every writing `shift` command takes: journal and who writes, policy, roster for a new shift.
struct ShiftWriteOptions: ParsableArguments {
    @OptionGroup var journal: JournalOptions
    @OptionGroup var policyOption: PolicyOption

    @Option(name: .long, help: ArgumentHelp("Units for a new shift (default: the built-in Durham roster).", valueName: "file"))
    var roster: String?

    var writer: ShiftWriter { ShiftWriter(journalOptions: journal, policyOption: policyOption, rosterPath: roster) }
}
