import Foundation
import HeartDeskCore

/// The report as one self-contained HTML page, with each unit's shift drawn as a timeline (inline SVG, no scripts).
public enum HTMLReport {
    public static func render(_ report: AfterActionReport) -> String {
        let zone = report.policy.timeZone
        let clock = { (date: Date?) in date.map { ReportFormat.clock($0, zone) } ?? "—" }
        var body: [String] = []
        body.append("<h1>After-action report: \(escape(report.title))</h1>")
        body.append("<p>Policy \(escape(report.policy.name)) · \(zone.localTime(at: report.start).iso8601.prefix(10)) "
                    + "\(clock(report.start))–\(clock(report.end)) · \(report.calls.count) calls"
                    + (report.earlyEnd.map { " · <strong>\(escape($0.summary))</strong>" } ?? "") + "</p>")
        if let score = report.score {
            body.append("<p class=\"score \(score.isPerfect ? "good" : "bad")\">Score: \(escape(score.summary))</p>")
        }

        body.append("<h2>Calls</h2>")
        body.append("<table><tr><th>Call</th><th>Type</th><th>Beat</th><th>Arrived</th><th>Triage</th><th>Dispatch</th>"
                    + "<th>→En route</th><th>→On scene</th><th>→Clear</th><th>Sent</th><th>Expected</th><th>Mistakes and remarks</th></tr>")
        for call in report.calls {
            let cls = call.asExpected == false || !call.mistakes.isEmpty ? " class=\"bad\"" : ""
            let notes = call.mistakes.map { "<li class=\"mistake\">✗ \(escape($0))</li>" } + call.remarks.map { "<li>\(escape($0))</li>" }
            let cells = [
                call.id + (call.incomingID.map { $0 == call.id ? "" : " (\($0))" } ?? ""), call.callType + (call.flags.isEmpty ? "" : " — \(call.flags.joined(separator: ", "))"),
                call.beat ?? "?", clock(call.arrivedAt), ReportFormat.duration(call.timeToTriage), ReportFormat.duration(call.timeToDispatch),
                ReportFormat.duration(call.dispatchToEnRoute), ReportFormat.duration(call.enRouteToOnScene),
                ReportFormat.duration(call.onSceneToClear),
                ReportFormat.sent(call),
                ReportFormat.expected(call.expected) + (call.asExpected.map { $0 ? " ✓" : " ✗" } ?? ""),
            ].map { "<td>\(escape($0))</td>" }.joined()
            body.append("<tr\(cls)>\(cells)<td><ul>\(notes.joined())</ul></td></tr>")
        }
        body.append("</table>")

        body.append("<h2>Units</h2>")
        body.append(timeline(report))

        body.append("<h2>Summary</h2>")
        body.append("<p>Calls by response: " + escape(report.callsByResponse.map { "\($0.response) \($0.calls)" }.joined(separator: " · ")) + "</p>")
        body.append("<table><tr><th>Measure</th><th>Calls</th><th>Median</th><th>90th percentile</th></tr>")
        for measure in AfterActionReport.Measure.allCases {
            guard let stats = report.statistics(measure) else { continue }
            body.append("<tr><td>\(escape(measure.rawValue))</td><td>\(stats.count)</td><td>\(ReportFormat.duration(stats.median))</td>"
                        + "<td>\(ReportFormat.duration(stats.p90))</td></tr>")
        }
        body.append("</table>")
        body.append("<h3>HEART-eligible calls not served: \(report.unserved.count)</h3><ul>")
        for call in report.unserved { body.append("<li>\(escape("\(call.callID) \(call.callType): \(call.why)"))</li>") }
        body.append("</ul><h3>Back-up requests: \(report.backups.count)</h3><ul>")
        for backup in report.backups {
            body.append("<li>\(clock(backup.time)) \(escape(backup.unitID)) asked for \(backup.kind == .ems ? "EMS" : "police") on \(escape(backup.callID))</li>")
        }
        body.append("</ul>")
        if !report.facilitatorNotes.isEmpty {
            body.append("<h2>Facilitator notes</h2><ul>")
            for note in report.facilitatorNotes { body.append("<li>\(clock(note.time)) \(escape(note.text))</li>") }
            body.append("</ul>")
        }
        return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>\(escape(report.title))</title>
        <style>
        body{font-family:system-ui,sans-serif;margin:2em;color:#222}
        table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}
        tr.bad td{background:#fff0f0}.mistake{color:#a00}.score.good{color:#070;font-weight:bold}.score.bad{color:#a00;font-weight:bold}
        ul{margin:0;padding-left:1.2em}svg text{font-size:11px;font-family:system-ui,sans-serif}
        </style></head><body>
        \(body.joined(separator: "\n"))
        </body></html>

        """
    }

    /// Colour of each status bar, matching the console's default theme.
    static let statusColour: [UnitStatus: String] = [
        .offDuty: "#bbbbbb", .available: "#5cb85c", .dispatched: "#f0ad4e", .enRoute: "#f7d154", .onScene: "#5bc0de",
        .transporting: "#337ab7", .backupRequested: "#d9534f", .outOfService: "#777777",
    ]

    /// The most time-axis labels the 900-pixel plot holds legibly.
    static let maxTicks = 24.0

    /// One row a unit, each status a bar along the shift's time axis, with hour ticks.
    private static func timeline(_ report: AfterActionReport) -> String {
        let zone = report.policy.timeZone
        let span = max(60, report.end.timeIntervalSince(report.start))
        let labelWidth = 80.0, plotWidth = 900.0, rowHeight = 22.0, top = 20.0
        let height = top + rowHeight * Double(report.units.count) + 30
        func x(_ date: Date) -> Double { labelWidth + plotWidth * min(1, max(0, date.timeIntervalSince(report.start) / span)) }
        var svg = ["<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(labelWidth + plotWidth + 20))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"Unit status timeline\">"]
        var tick = report.start
        let firstHour = zone.localTime(at: report.start)
        tick = report.start + TimeInterval((60 - firstHour.minute) % 60 * 60 - firstHour.second)
        // Ticks at whole hours, but never more than fit the plot: the work is bounded by what is drawn, not by the span.
        let step = 3600 * max(1, (span / 3600 / Self.maxTicks).rounded(.up))
        var ticks = 0
        while tick <= report.end && ticks <= Int(Self.maxTicks) {
            svg.append("<line x1=\"\(f(x(tick)))\" y1=\"\(f(top - 4))\" x2=\"\(f(x(tick)))\" y2=\"\(f(height - 26))\" stroke=\"#ddd\"/>")
            svg.append("<text x=\"\(f(x(tick) - 14))\" y=\"\(f(top - 8))\">\(ReportFormat.clock(tick, zone))</text>")
            tick += step
            ticks += 1
        }
        for (row, unit) in report.units.enumerated() {
            let y = top + rowHeight * Double(row)
            svg.append("<text x=\"0\" y=\"\(f(y + 14))\">\(escape(unit.unitID))</text>")
            for interval in unit.intervals {
                let x0 = x(interval.start), x1 = x(interval.end ?? report.end)
                let title = "\(unit.unitID) \(interval.status.label) \(ReportFormat.clock(interval.start, zone))–"
                    + (interval.end.map { ReportFormat.clock($0, zone) } ?? "end") + (interval.callID.map { " on \($0)" } ?? "")
                svg.append("<rect x=\"\(f(x0))\" y=\"\(f(y + 2))\" width=\"\(f(max(1, x1 - x0)))\" height=\"\(f(rowHeight - 6))\" "
                           + "fill=\"\(statusColour[interval.status] ?? "#999")\"><title>\(escape(title))</title></rect>")
            }
        }
        var legendX = labelWidth
        for status in UnitStatus.allCases {
            svg.append("<rect x=\"\(f(legendX))\" y=\"\(f(height - 18))\" width=\"10\" height=\"10\" fill=\"\(statusColour[status]!)\"/>")
            svg.append("<text x=\"\(f(legendX + 14))\" y=\"\(f(height - 9))\">\(status.label)</text>")
            legendX += 110
        }
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }

    private static func f(_ value: Double) -> String { String(format: "%.1f", value) }

    static func escape(_ text: String) -> String { SafeText.html(text) }
}
