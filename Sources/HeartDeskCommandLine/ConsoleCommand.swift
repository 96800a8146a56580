import ArgumentParser
import Foundation
import HeartDeskConsole
import HeartDeskCore
import HeartDeskJournal
import HeartDeskPostgres
import HeartDeskTerminal

/// `heartdesk` with no subcommand: the ncurses console on a shift journal.
struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Open the dispatcher console (the default when no subcommand is given)."
    )

    @Option(name: .long, help: ArgumentHelp("Shift journal (default: one per 12-hour shift in ~/.local/state/heartdesk).",
                                            valueName: "file"))
    var journal: String?

    @OptionGroup var policyOption: PolicyOption

    @Option(name: .long, help: ArgumentHelp("Units for a new shift (default: the built-in Durham roster).", valueName: "file"))
    var roster: String?

    @Option(name: .long, help: ArgumentHelp("Colour theme: default, high-contrast, monochrome, or a theme file.", valueName: "name"))
    var theme: String?

    @Option(name: .customLong("operator"), help: ArgumentHelp("Who records the events (default: your login name).", valueName: "name"))
    var operatorName: String?

    @Option(name: .long, help: ArgumentHelp("This console's position, stamped on every event.", valueName: "name"))
    var position = "console"

    @Option(name: .long, help: ArgumentHelp(
        "Folder of earlier shifts' journals for the repeat-caller lookup (default: the folder of the default journals when "
            + "--journal is not given; none otherwise).", valueName: "folder"))
    var history: String?

    @Flag(name: .long, help: "Watch the shift without recording anything (a supervisor's board).")
    var readOnly = false

    @Option(name: .long, help: ArgumentHelp("The screen to open on: calls (the call board) or supervisor (the shift's figures).",
                                            valueName: "view"))
    var view: Board = .calls

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        // Everything that can be wrong is checked before curses takes the terminal.
        let policy = try policyOption.load()
        let theme: Theme
        do { theme = try ThemeCatalog.load(self.theme, environment: environment) } catch { throw UserError("bad theme: \(error)") }
        do { try ConsoleRunner.checkTerminal(environment: environment) } catch { throw UserError("\(error)") }
        let clock = try CommandClock.running(zone: policy.timeZone)
        let now = clock()
        let path = try journal ?? DefaultJournal.path(at: now, zone: policy.timeZone, environment: environment)
        let roster: [UnitDefinition]
        do { roster = try loadRoster(path: self.roster, policy: policy) } catch let error as PolicyError {
            throw UserError("bad roster: \(error)")
        }
        let intake: IntakeAids
        // A read-only console takes no calls: it pays for the polygons and the vocabulary only when there are places,
        // whose cautions the call's details show a supervisor too.
        do { intake = readOnly && policy.places == nil ? IntakeAids() : try IntakeAids.load(for: policy) } catch let error as PolicyError {
            throw UserError("bad intake data: \(error)")
        }
        // Earlier shifts for "3 calls from this number in 7 days": read-only, from this machine, nothing sent anywhere.
        let historyFolder = history ?? (journal == nil ? URL(fileURLWithPath: path).deletingLastPathComponent().path : nil)
        var loadedHistory = HistoryJournals.Loaded()
        if let historyFolder, !readOnly {
            let since = now.addingTimeInterval(-Double(CallerHistory.windowDays + 1) * 86_400)
            do { loadedHistory = try HistoryJournals.load(directory: historyFolder, excluding: path, aids: intake, since: since) } catch {
                throw UserError("--history \(historyFolder): \(error.detail)")
            }
        }
        let options = JournalOptions.resolvedOperator(operatorName)
        let opened = try JournalStore.open(path, mode: readOnly ? .read : .write)
        // Opening read the whole shift; from here on a write that gets no answer in 5 s is refused, not waited on.
        (opened as? PostgresJournal)?.answerDeadline = 5
        try PolicyOption.check(policy, against: opened.state, journal: path)
        var info = SessionInfo(operatorName: options, position: position,
                               journalName: JournalStore.shortName(of: opened), isReadOnly: readOnly)
        info.asciiCharts = theme.name == "monochrome" || !TerminalLocale.isUTF8()
        let session: ConsoleSession
        do {
            // A database's writes wait on the network: recorded on a thread of their own, the screen stays alive.
            session = try ConsoleSession(journal: opened, router: Router(policy: policy), info: info, roster: roster,
                                         time: .live(now), intake: intake, history: loadedHistory.history,
                                         writesInBackground: opened is PostgresJournal)
        } catch let error as ShiftError {
            throw UserError("cannot open the shift: \(error)")
        }
        session.show(view)
        if let first = loadedHistory.skipped.first {
            let more = loadedHistory.skipped.count > 1 ? " (and \(loadedHistory.skipped.count - 1) more)" : ""
            session.show(.error("History: skipped \(first.file): \(first.reason)\(more)"))
        }
        let status = ConsoleRunner.run(session: session, theme: theme, clock: { .live(clock()) })
        if status != 0 { throw ExitCode(status) }
    }
}

extension Board: ExpressibleByArgument {}
