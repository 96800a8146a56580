import Foundation
import Testing
import TestSupport

/// The same hostile strings through every output the command line writes: nothing reaches a terminal,
/// a Markdown or an HTML file raw.
@Suite("Hostile text in every output (end to end)")
struct HostileTextTests {
    let directory = TemporaryDirectory()
    var journal: String { directory.path("i.journal") }
    static let hostile = "\u{1B}]0;pwned\u{07}\u{1B}[2J<script>alert(1)</script>"

    func heartdesk(_ arguments: [String]) throws -> HeartDeskBinary.Outcome {
        try HeartDeskBinary.run(arguments, environment: ["USER": "ana"])
    }

    /// No escape, bell or other C0 control except line breaks (and tabs, which the list output uses).
    func isClean(_ text: String) -> Bool {
        !text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" || $0.value == 0x7F }
    }

    @Test func notesNamesReasonsAndOperatorsNeverReachTheTerminalOrAReportRaw() throws {
        let write = ["--journal", journal, "--operator", Self.hostile, "--position", Self.hostile]
        #expect(try heartdesk(["shift", "new-call", "--type", "MHC", "--beat", "111", "--no-weapon", "--no-violent",
                               "--location", Self.hostile, "--caller", Self.hostile] + write).status == 0)
        #expect(try heartdesk(["shift", "note", "C-0001", Self.hostile] + write).status == 0)
        #expect(try heartdesk(["shift", "dispatch", "C-0001", "COR-1", "--override", Self.hostile] + write).status == 0)

        for arguments in [["journal", "show", journal], ["shift", "show", "--journal", journal]] {
            let out = try heartdesk(arguments).stdout
            #expect(isClean(out), "\(arguments): \(out.debugDescription)")
        }
        let shown = try heartdesk(["journal", "show", journal]).stdout
        #expect(shown.contains("\\e]0;pwned\\a\\e[2J"), "the escape is shown, not run")

        let markdown = try heartdesk(["report", journal, "--format", "md"]).stdout
        #expect(isClean(markdown))
        #expect(!markdown.contains("<script>") && markdown.contains("\\<script\\>"))
        let html = try heartdesk(["report", journal, "--format", "html"]).stdout
        #expect(isClean(html))
        #expect(!html.contains("<script>alert") && html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let csv = try heartdesk(["report", journal, "--format", "csv"]).stdout
        #expect(isClean(csv))
        let export = try heartdesk(["journal", "export", journal, "--format", "csv"]).stdout
        #expect(isClean(export))
    }

    @Test func anErrorQuotingTypedTextQuotesItVisibly() throws {
        let run = try heartdesk(["shift", "new-call", "--type", Self.hostile, "--beat", "111", "--journal", journal])
        #expect(run.status == 2)
        #expect(isClean(run.stderr) && run.stderr.contains("unknown call type '\\e]0;pwned"))
        #expect(!FileManager.default.fileExists(atPath: journal))
    }

    /// A pasted 100 KB argument was quoted back whole: the error line said what was wrong only after 100,000 characters.
    @Test func anErrorQuotingAHugeArgumentKeepsItsStartAndItsReasonOnOneShortLine() throws {
        let pasted = String(repeating: "x", count: 100_000)
        let run = try heartdesk(["locate", pasted])
        #expect(run.status == 2)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1 && run.stderr.count <= 1_001, "\(run.stderr.count) characters")
        let reason = "' is not coordinates, a place in the places file or an address in the street guide"
        let whole = "heartdesk locate: '" + pasted + reason
        #expect(run.stderr.hasPrefix("heartdesk locate: 'xxxx"))
        // 480 characters kept at each end.
        #expect(run.stderr.contains("… (\(whole.count - 960) characters left out) …"))
        #expect(run.stderr.hasSuffix(reason + "\n"))
    }

    /// The analyze command quoted a bad export's header row raw, with status 1: its errors went out through the argument
    /// parser, not the one-line path every other command uses.
    @Test func anErrorQuotingAFilesBytesQuotesThemVisiblyOnOneLineWithStatus2() throws {
        let export = directory.path("hostile.csv")
        try Data("Nature,\(Self.hostile)\u{0}\u{1}\n1,2\n".utf8).write(to: URL(fileURLWithPath: export))
        let run = try heartdesk(["analyze", export])
        #expect(run.status == 2)
        #expect(isClean(run.stderr), "\(run.stderr.debugDescription)")
        #expect(run.stderr.hasPrefix("heartdesk analyze: cannot analyze: \(export):1: no column"))
        #expect(run.stderr.contains("\\e]0;pwned\\a") && run.stderr.split(separator: "\n").count == 1)
    }

    @Test func aScenarioTitleAndItsLinesStaySafeInTheHeadlessRunAndItsReport() throws {
        let scenario = directory.path("hostile.yaml")
        let title = Self.hostile.replacingOccurrences(of: "\u{1B}", with: "\\e").replacingOccurrences(of: "\u{07}", with: "\\a")
        try """
            title: "\(title)"
            start: 2026-11-23T13:00
            end: +0:30
            notes:
              - {at: +0:01, text: "\(title)"}
            calls:
              - id: one
                at: +0:02
                says: "\(title)"
                type: Trespass
                beat: "111"
                caller: "\(title)"
            """.write(toFile: scenario, atomically: false, encoding: .utf8)
        let exerciseJournal = directory.path("drill.journal")
        let run = try heartdesk(["exercise", scenario, "--headless", "--auto", "--journal", exerciseJournal])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(isClean(run.stdout) && run.stdout.contains("\\e]0;pwned"))
        let report = try String(contentsOfFile: directory.path("drill.report.md"), encoding: .utf8)
        #expect(isClean(report) && !report.contains("<script>"))
    }
}
