import Foundation
import HeartDeskCore

/// The after-action report as Markdown: readable as plain text in a terminal, rendered anywhere else.
public enum MarkdownReport {
    public static func render(_ report: AfterActionReport) -> String {
        let zone = report.policy.timeZone
        let clock = { (date: Date?) in date.map { ReportFormat.clock($0, zone) } ?? "—" }
        var out: [String] = []
        out.append("# After-action report: \(md(report.title))")
        out.append("")
        let from = zone.localTime(at: report.start), to = zone.localTime(at: report.end)
        out.append("Policy \(md(report.policy.name)) · \(from.iso8601.prefix(10)) \(clock(report.start))–\(clock(report.end))"
                   + (from.day == to.day ? "" : " (\(to.iso8601.prefix(10)))") + " · \(report.calls.count) calls"
                   + (report.earlyEnd.map { " · **\($0.summary)**" } ?? ""))
        if let score = report.score {
            out.append("")
            out.append("**Score: \(score.summary)**")
        }

        out.append("")
        out.append("## Calls")
        out.append("")
        out.append("| Call | Type | Beat | Arrived | Triage | Dispatch | →En route | →On scene | →Clear | Sent | Expected | |")
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|")
        for call in report.calls {
            let mark = call.asExpected.map { $0 ? "✓" : "✗" } ?? ""
            let flags = (call.flags.isEmpty ? "" : " (\(call.flags.joined(separator: ", ")))")
                + (call.interpreter.isNeeded ? " · \(call.interpreter.mark)" : "")
            out.append("| \(md(call.id))\(call.incomingID.map { $0 == call.id ? "" : " \(md($0))" } ?? "") | \(md(call.callType + flags)) | \(md(call.beat ?? "?")) "
                       + "| \(clock(call.arrivedAt)) | \(ReportFormat.duration(call.timeToTriage)) "
                       + "| \(ReportFormat.duration(call.timeToDispatch)) | \(ReportFormat.duration(call.dispatchToEnRoute)) "
                       + "| \(ReportFormat.duration(call.enRouteToOnScene)) | \(ReportFormat.duration(call.onSceneToClear)) "
                       + "| \(md(ReportFormat.sent(call))) "
                       + "| \(md(ReportFormat.expected(call.expected))) | \(mark) |")
        }
        let flagged = report.calls.filter { !$0.mistakes.isEmpty || !$0.remarks.isEmpty }
        if !flagged.isEmpty {
            out.append("")
            out.append("### What to talk about")
            for call in flagged {
                out.append("")
                out.append("**\(md(call.id))** \(md(call.callType)), beat \(md(call.beat ?? "?")):")
                for mistake in call.mistakes { out.append("- ✗ \(md(mistake))") }
                for remark in call.remarks { out.append("- \(md(remark))") }
            }
        }

        out.append("")
        out.append("## Units")
        out.append("")
        out.append("One line a unit: each status from the time it began (disp dispatched, enrt en route, scene on scene, "
                   + "xport transporting, BACKUP back-up requested, avail available, oos out of service, off off duty).")
        out.append("")
        out.append("```")
        let width = report.units.map(\.unitID.count).max() ?? 0
        for unit in report.units {
            let steps = unit.intervals.map { interval in
                "\(clock(interval.start)) \(shortStatus(interval.status))\(interval.callID.map { " \(code($0))" } ?? "")"
            }
            out.append(code(unit.unitID).padding(toLength: width, withPad: " ", startingAt: 0) + "  " + steps.joined(separator: " · "))
        }
        out.append("```")

        out.append("")
        out.append("## Summary")
        out.append("")
        out.append("Calls by decision: " + ReportFormat.decisions(report.callsByDecision, escape: md))
        out.append("")
        out.append("Calls by response sent: " + report.callsByResponse.map { "\(md($0.response)) \($0.calls)" }.joined(separator: " · "))
        out.append("")
        if let interpreters = ReportFormat.interpreters(report.calls) {
            out.append(interpreters)
            out.append("")
        }
        out.append("| Measure | Calls | Median | 90th percentile |")
        out.append("|---|---|---|---|")
        for measure in AfterActionReport.Measure.allCases {
            guard let stats = report.statistics(measure) else { continue }
            out.append("| \(measure.rawValue) | \(stats.count) | \(ReportFormat.duration(stats.median)) | \(ReportFormat.duration(stats.p90)) |")
        }
        out.append("")
        out.append("\(md(report.policy.programName))-eligible calls not served: \(report.unserved.count)")
        for call in report.unserved { out.append("- \(md(call.callID)) \(md(call.callType)): \(md(call.why))") }
        out.append("")
        out.append("Back-up requests: \(report.backups.count)")
        for backup in report.backups {
            out.append("- \(clock(backup.time)) \(md(backup.unitID)) asked for \(backup.kind == .ems ? "EMS" : "police") on \(md(backup.callID))")
        }
        if !report.facilitatorNotes.isEmpty {
            out.append("")
            out.append("## Facilitator notes")
            out.append("")
            for note in report.facilitatorNotes { out.append("- \(clock(note.time)) \(md(note.text))") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Text from the journal, made safe for Markdown (``SafeText/markdown(_:)``); pipes in table cells included.
    private static func md(_ text: String) -> String { SafeText.markdown(text) }

    /// Text inside the code block: terminal-safe, and no backtick run that could close the block.
    private static func code(_ text: String) -> String {
        SafeText.terminal(text).replacingOccurrences(of: "`", with: "ˋ")
    }

    static func shortStatus(_ status: UnitStatus) -> String {
        switch status {
        case .offDuty: return "off"
        case .available: return "avail"
        case .dispatched: return "disp"
        case .enRoute: return "enrt"
        case .onScene: return "scene"
        case .transporting: return "xport"
        case .backupRequested: return "BACKUP"
        case .outOfService: return "oos"
        }
    }
}
