import ArgumentParser
import Foundation
import HeartDeskConsole
import HeartDeskCore
import HeartDeskExercise
import HeartDeskJournal
import HeartDeskPostgres
import HeartDeskReport
import HeartDeskTerminal

/// `heartdesk exercise SCENARIO`: a tabletop exercise in the console on a simulated clock, or headless.
struct ExerciseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exercise",
        abstract: "Run a tabletop exercise: a scenario's calls and unit reports on a simulated clock.",
        discussion: """
        SCENARIO is a shipped scenario's name (see --list) or a scenario file (docs/exercise-format.md).
        In the console: p pauses and resumes the clock, + and - change its speed. At the end the
        after-action report is written beside the journal; for a journal in a database
        (postgresql://USER@HOST/DB?shift=NAME, a shift with no events yet), in the exercises folder as
        NAME.report.md, and a trainer can watch from another machine with a read-only console on that URL.
        """
    )

    @Argument(help: "Shipped scenario name or scenario file.") var scenario: String?
    @Flag(name: .long, help: "List the shipped scenarios, one a line, name first.") var list = false
    @Option(name: .long, help: "Simulated minutes per real minute (1, 2, 5, 10, 30 or 60).") var speed: Double = 1
    @Option(name: .long, help: ArgumentHelp("New journal for the exercise: a file or a postgresql:// URL (default: a file under ~/.local/state/heartdesk/exercises).",
                                            valueName: "file-or-url"))
    var journal: String?
    @Flag(name: .long, help: "Run without a terminal, as fast as it computes.") var headless = false
    @Flag(name: .long, help: "With --headless: a perfect trainee takes every recommendation.") var auto = false
    @Option(name: .long, help: ArgumentHelp("Colour theme: default, high-contrast, monochrome, or a theme file.", valueName: "name"))
    var theme: String?
    @Option(name: .customLong("operator"), help: ArgumentHelp("The trainee's name on the events (default: your login name).",
                                                              valueName: "name"))
    var operatorName: String?
    @Option(name: .long, help: ArgumentHelp("This console's position, stamped on the trainee's events.", valueName: "name"))
    var position = "trainee"

    /// Options that do not go together, refused before anything is opened.
    private func checkOptions() throws {
        guard scenario != nil else { throw UserError("name a scenario (heartdesk exercise --list shows the shipped ones)") }
        guard ExerciseClock.speeds.contains(speed) else {
            throw UserError("--speed must be one of \(ExerciseClock.speeds.map { String(Int($0)) }.joined(separator: ", "))")
        }
        if auto && !headless { throw UserError("--auto runs only with --headless: at the console, you are the trainee") }
    }

    func run() throws {
        if list {
            for name in ScenarioCatalog.names {
                let title = (try? ScenarioCatalog.load(name).title) ?? "(does not load)"
                print(SafeText.terminal(name) + "\t" + SafeText.terminal(title))  // the tab separates the two, for scripts
            }
            return
        }
        let environment = ProcessInfo.processInfo.environment
        try checkOptions()
        let scenario: Scenario
        do { scenario = try ScenarioCatalog.load(self.scenario!) } catch let error as PolicyError {
            throw UserError("bad scenario: \(error)")
        }
        // HEARTDESK_CLOCK pins the wall clock here too: the journal's name and every record's wall time come from it.
        let wallClock = try CommandClock.running(zone: scenario.policy.timeZone, environment: environment)
        let path = try journal ?? DefaultJournal.exercisePath(scenario: scenario.name, at: wallClock(), zone: scenario.policy.timeZone,
                                                              environment: environment)
        let status: Int32
        do {
            if headless {
                let journal = try startJournal(at: path, scenario: scenario, wallClock: wallClock)
                _ = try HeadlessExercise.play(scenario, into: journal, trainee: auto ? AutoTrainee(scenario: scenario) : nil,
                                              wallClock: wallClock)
                try finish(journalAt: path, scenario: scenario, environment: environment)
                return
            }
            status = try runConsole(scenario: scenario, journalAt: path, wallClock: wallClock, environment: environment)
        } catch let error as ExerciseJournal.AlreadyExists {
            throw UserError(error.description)
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// A new journal for the exercise: a file, or a shift with no events yet in a database (a trainer can then watch
    /// from another position with a read-only console on the same URL).
    private func startJournal(at location: String, scenario: Scenario, wallClock: () -> Date) throws -> any ShiftJournal {
        guard JournalStore.isDatabase(location) else { return try ExerciseJournal.create(location, scenario: scenario, wallClock: wallClock) }
        let journal = try JournalStore.open(location, mode: .write)
        try ExerciseJournal.start(journal, scenario: scenario, wallClock: wallClock)
        return journal
    }

    private func runConsole(scenario: Scenario, journalAt location: String, wallClock: @escaping () -> Date,
                            environment: [String: String]) throws -> Int32 {
        let theme: Theme
        do { theme = try ThemeCatalog.load(self.theme, environment: environment) } catch { throw UserError("bad theme: \(error)") }
        do { try ConsoleRunner.checkTerminal(environment: environment) } catch { throw UserError("\(error)") }
        // The trainee gets the aids a live console has: words to call types, locations to beats and places.
        let intake: IntakeAids
        do { intake = try IntakeAids.load(for: scenario.policy) } catch let error as PolicyError { throw UserError("bad intake data: \(error)") }
        let journal = try startJournal(at: location, scenario: scenario, wallClock: wallClock)
        let driver = try ExerciseConsole(scenario: scenario, journal: journal, journalName: JournalStore.shortName(of: journal), speed: speed,
                                         operatorName: JournalOptions.resolvedOperator(operatorName), position: position, intake: intake,
                                         wallClock: wallClock)
        let status = driver.run(theme: theme)
        try finish(journalAt: location, scenario: scenario, environment: environment)
        return status
    }

    /// Writes the after-action report beside the journal file (for a database, in the exercises folder, named after
    /// the shift) and says where, with the score.
    private func finish(journalAt location: String, scenario: Scenario, environment: [String: String]) throws {
        let journal = try JournalStore.open(location, mode: .read, keepEvents: true)
        let report = AfterActionReport(events: journal.events, policy: scenario.policy)
        let reportPath: String
        if let database = journal as? PostgresJournal {
            reportPath = try DefaultJournal.exerciseFolder(environment: environment) + "/\(database.url.shift).report.md"
        } else {
            reportPath = location.hasSuffix(".journal") ? String(location.dropLast(8)) + ".report.md" : location + ".report.md"
        }
        do { try PrivateFile.write(Array(MarkdownReport.render(report).utf8), to: reportPath) } catch {
            throw UserError("the exercise is journaled in \(journal.location), but the report could not be written to \(reportPath)")
        }
        say("Exercise \(scenario.title): journal \(journal.location)")
        if let score = report.score { say("Score: \(score.summary)") }
        say("After-action report: \(reportPath) (html: heartdesk report \(location) --format html)")
    }
}
