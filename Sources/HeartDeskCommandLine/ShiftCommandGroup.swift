import ArgumentParser
import Foundation
import HeartDeskCore
import HeartDeskJournal

/// `heartdesk shift …`: record and read a shift without the console.
struct ShiftCommandGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shift",
        abstract: "Record calls, dispatches and unit status in a shift journal, and show the shift.",
        subcommands: [NewCallCommand.self, DispatchCommand.self, ReviseCommand.self, StatusCommand.self, BackupCommand.self,
                      NoteCommand.self, CloseCommand.self, FollowUpCommand.self, ShowShiftCommand.self, HistoryCommand.self,
                      ShiftImportCommand.self]
    )
}

/// The shared path of every writing `shift` command: load policy, open the journal,
/// decide under the lock, write durably, report.
struct ShiftWriter {
    let journalOptions: JournalOptions
    let policyOption: PolicyOption
    let rosterPath: String?
    /// `--at`: when the event happened, for entering it after the fact.
    let at: String?

    /// What a write left behind: its events, and the shift after it with the router and clock that judged it.
    struct Recorded {
        let events: [ShiftEvent]
        let state: ShiftState
        let router: Router
        let now: Date
    }

    /// Appends the events of `command` (opening the shift first if the journal is new); returns them.
    ///
    /// With `--at` the events carry that time, which may not go before the last event of
    /// their call or unit, nor more than five minutes ahead of the clock.
    func record(_ command: ShiftCommand) throws -> [ShiftEvent] {
        try recordReturningShift(command).events
    }

    /// As ``record(_:)``, also handing back the shift as it stands after the write (for its warnings).
    func recordReturningShift(_ command: ShiftCommand) throws -> Recorded {
        let policy = try policyOption.load()
        let router = Router(policy: policy)
        let now = try CommandClock.now(zone: policy.timeZone)
        let shiftTime = try at.map { try parseAt($0, zone: policy.timeZone) }
        let journal = try journalOptions.open(.write)
        let stamp = journalOptions.stamp(now: now, shiftTime: shiftTime)
        do {
            let events = try journal.record(command, router: router, stamp: stamp, enteredAfterTheFact: shiftTime == nil ? nil : now) {
                try loadRoster(path: rosterPath, policy: policy)
            }
            if case .recoveredTornTail(let number, let backup)? = (journal as? Journal)?.health {
                complain("heartdesk: journal \(journal.location): cut torn record \(number) left by a crashed writer; original kept at \(backup)")
            }
            return Recorded(events: events, state: journal.state, router: router, now: now)
        } catch let error as ShiftError {
            throw UserError("refused: \(error)")
        } catch let error as PolicyError {
            throw UserError("bad roster: \(error)")
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

/// The options every writing `shift` command takes: journal and who writes, policy, roster for a new shift.
struct ShiftWriteOptions: ParsableArguments {
    @OptionGroup var journal: JournalOptions
    @OptionGroup var policyOption: PolicyOption

    @Option(name: .long, help: ArgumentHelp("Units for a new shift (default: the built-in Durham roster).", valueName: "file"))
    var roster: String?

    @Option(name: .long, help: ArgumentHelp(
        "When it happened, for entering events after the fact: ISO 8601, or local time in the policy's zone (default: now). "
            + "Not before the call's or unit's last event, nor more than 5 minutes ahead of the clock.", valueName: "time"))
    var at: String?

    var writer: ShiftWriter { ShiftWriter(journalOptions: journal, policyOption: policyOption, rosterPath: roster, at: at) }
}
