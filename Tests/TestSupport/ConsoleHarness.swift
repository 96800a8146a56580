import Foundation
import HeartDeskConsole
import HeartDeskCore
import HeartDeskJournal

/// A console session on a fresh journal with a clock that moves only when the test says:
/// keys in, grid out, no terminal.
public final class ConsoleHarness {
    public let directory = TemporaryDirectory()
    public let session: ConsoleSession
    public private(set) var now: Date

    public var state: ConsoleState { session.state }
    public var journalPath: String { session.journal.location }

    /// A console at `size` on a new journal (or `journalPath`, or `journal` as it is), its clock at `start` (Durham
    /// local time); `writesInBackground` as a console on a database.
    public init(start: String = "2026-11-23T14:00", width: Int = 80, height: Int = 24, journalPath: String? = nil,
                journal given: (any ShiftJournal)? = nil, writesInBackground: Bool = false,
                operatorName: String = "Ana", mode: Journal.Mode = .write, asciiCharts: Bool = false,
                intake: IntakeAids = Durham.intake, history: CallerHistory = CallerHistory(), router: Router = Durham.router) throws {
        now = Durham.instant(start)
        let path = journalPath ?? directory.path("shift.journal")
        let journal = try given ?? Journal.open(path, mode: mode)
        var info = SessionInfo(operatorName: operatorName, position: "pos-1", journalName: "shift.journal", isReadOnly: mode == .read)
        info.asciiCharts = asciiCharts
        session = try ConsoleSession(
            journal: journal, router: router, info: info,
            roster: try RosterLoader.bundledDurham(policy: Durham.policy), time: .live(now), width: width, height: height,
            intake: intake, history: history, writesInBackground: writesInBackground)
    }

    /// Presses each key in turn at the current time.
    public func press(_ keys: Key...) { press(keys) }

    public func press(_ keys: [Key]) {
        for key in keys { session.handle(key, at: .live(now)) }
    }

    /// Types `text` one character at a time.
    public func type(_ text: String) { press(.typing(text)) }

    /// Moves both clocks on.
    public func advance(minutes: Double) {
        now += minutes * 60
        session.tick(.live(now))
    }

    public func resize(width: Int, height: Int) { session.resize(width: width, height: height) }

    /// The frame the console would draw now.
    public func screen() -> CellGrid { ScreenView.render(session.state) }

    /// The frame as text, one line per row.
    public func screenText() -> String {
        let grid = screen()
        return (0..<grid.height).map { grid.text(ofRow: $0) }.joined(separator: "\n")
    }

    /// Takes a call through the form: type, beat, safety answers by flag index (the rest answered no, or left
    /// not asked when `askAll` is false), a location, then the rest by field.
    public func takeCall(_ type: String, beat: String, flags: [Int] = [], askAll: Bool = true, location: String = "100 Main St",
                         language: String = "", caller: String = "", callback: String = "") {
        press(.character("n"))
        self.type(type)
        press(.tab)
        self.type(beat)
        press(.tab)
        for index in 0..<Durham.policy.safetyFlags.count {
            if flags.contains(index) { press(.character("y")) } else if askAll { press(.character("n")) }
            press(.tab)
        }
        self.type(location)
        press(.tab)
        self.type(caller)
        press(.tab)
        self.type(callback)
        press(.tab)
        self.type(language)
        press(.enter)
    }
}

public extension Overlay {
    /// The new-call (or revision) form, when that is the overlay open.
    var newCallForm: NewCallForm? {
        if case .newCall(let form) = self { return form }
        return nil
    }
}
