import ArgumentParser
import Foundation
import HeartDeskJournal
import HeartDeskReport

/// `heartdesk report JOURNAL`: the after-action report of an exercise or a live shift.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "After-action report of a shift or exercise journal: per call, per unit, summary and score."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, csv, html }

    @Argument(help: "Journal file (an exercise's or a live shift's).") var file: String
    @Option(name: .long, help: "md (default), csv (one row a call) or html (with drawn unit timelines).") var format: Format = .md
    @Option(name: .long, help: ArgumentHelp("Write the report here instead of printing it.", valueName: "file")) var output: String?
    @OptionGroup var policyOption: PolicyOption

    func run() throws {
        let policy = try policyOption.load()
        let journal = try JournalStore.open(file, mode: .read, keepEvents: true)
        guard journal.state.openedAt != nil else { throw UserError("\(file) holds no shift yet: nothing to report") }
        try PolicyOption.check(policy, against: journal.state, journal: file)
        let text = ReportRendering.render(AfterActionReport(events: journal.events, policy: policy), as: format)
        if let output {
            do { try PrivateFile.write(Array(text.utf8), to: output) } catch {
                throw UserError("cannot write \(output): \(error.localizedDescription)")
            }
        } else {
            print(text, terminator: "")
        }
    }
}

/// The report in the format asked for.
enum ReportRendering {
    static func render(_ report: AfterActionReport, as format: ReportCommand.Format) -> String {
        switch format {
        case .md: return MarkdownReport.render(report)
        case .csv: return CSVReport.render(report)
        case .html: return HTMLReport.render(report)
        }
    }
}
