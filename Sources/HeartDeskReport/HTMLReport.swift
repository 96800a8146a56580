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

        let figures = report.figures()
        body.append(kpiCards(figures, program: report.policy.programName))
        body.append("<h2>Calls per hour</h2>")
        body.append(callsPerHourChart(figures, policy: report.policy))

        // A live shift has no ringing-to-triage time and no expectations: those columns would be empty.
        let isExercise = report.exercise != nil
        body.append("<h2>Calls</h2>")
        body.append("<table class=\"calls\"><thead><tr><th>Call</th><th>Type</th><th>Beat</th><th>Arrived</th>"
                    + (isExercise ? "<th>Triage</th>" : "") + "<th>Dispatch</th><th>→En route</th><th>→On scene</th><th>→Clear</th>"
                    + "<th>Sent</th>" + (isExercise ? "<th>Expected</th>" : "") + "<th>Mistakes and remarks</th></tr></thead><tbody>")
        for call in report.calls {
            let cls = call.asExpected == false || !call.mistakes.isEmpty ? " class=\"bad\"" : ""
            let notes = call.mistakes.map { "<li class=\"mistake\">✗ \(escape($0))</li>" } + call.remarks.map { "<li>\(escape($0))</li>" }
            var cells = [
                call.id + (call.incomingID.map { $0 == call.id ? "" : " (\($0))" } ?? ""),
                call.callType + (call.flags.isEmpty ? "" : " — \(call.flags.joined(separator: ", "))")
                    + (call.interpreter.isNeeded ? " · \(call.interpreter.mark)" : ""),
                call.beat ?? "?", clock(call.arrivedAt),
            ]
            if isExercise { cells.append(ReportFormat.duration(call.timeToTriage)) }
            cells += [ReportFormat.duration(call.timeToDispatch), ReportFormat.duration(call.dispatchToEnRoute),
                      ReportFormat.duration(call.enRouteToOnScene), ReportFormat.duration(call.onSceneToClear), ReportFormat.sent(call)]
            if isExercise { cells.append(ReportFormat.expected(call.expected) + (call.asExpected.map { $0 ? " ✓" : " ✗" } ?? "")) }
            let row = cells.enumerated().map { $0.offset == 0 ? "<td class=\"id\">\(escape($0.element))</td>" : "<td>\(escape($0.element))</td>" }
            body.append("<tr\(cls)>\(row.joined())<td><ul>\(notes.joined())</ul></td></tr>")
        }
        body.append("</tbody></table>")

        body.append("<h2>Units</h2>")
        body.append(timeline(report))
        body.append(legend(UnitStatus.allCases.map { ($0.label, statusColour[$0] ?? "#999") }))

        body.append("<h2>Summary</h2>")
        body.append("<p>Calls by decision: " + ReportFormat.decisions(report.callsByDecision, escape: escape) + "</p>")
        body.append("<p>Calls by response sent: " + escape(report.callsByResponse.map { "\($0.response) \($0.calls)" }.joined(separator: " · "))
                    + "</p>")
        if let interpreters = ReportFormat.interpreters(report.calls) { body.append("<p>\(escape(interpreters))</p>") }
        body.append("<table><tr><th>Measure</th><th>Calls</th><th>Median</th><th>90th percentile</th></tr>")
        for measure in AfterActionReport.Measure.allCases {
            guard let stats = report.statistics(measure) else { continue }
            body.append("<tr><td>\(escape(measure.rawValue))</td><td>\(stats.count)</td><td>\(ReportFormat.duration(stats.median))</td>"
                        + "<td>\(ReportFormat.duration(stats.p90))</td></tr>")
        }
        body.append("</table>")
        body.append("<h3>\(escape(report.policy.programName))-eligible calls not served: \(report.unserved.count)</h3><ul>")
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
        body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1100px}
        table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}
        table.calls{width:100%}td.id{white-space:nowrap;font-variant-numeric:tabular-nums}table.calls td:last-child{min-width:18em}
        tr.bad td{background:#fff0f0}.mistake{color:#a00}.score.good{color:#070;font-weight:bold}.score.bad{color:#a00;font-weight:bold}
        ul{margin:0;padding-left:1.2em}svg text{font-size:11px;font-family:system-ui,sans-serif}
        .cards{display:flex;flex-wrap:wrap;gap:.8em;margin:1em 0}
        .card{border:1px solid #ccc;border-left:6px solid #999;border-radius:4px;padding:.5em .8em;min-width:11em;flex:1 1 11em}
        .card .k{font-size:.8em;color:#555;text-transform:uppercase;letter-spacing:.04em}.card .v{font-size:1.5em;font-weight:600}
        .card .t{font-size:.85em;color:#444}
        .card.met{border-left-color:#2e7d32}.card.near{border-left-color:#f9a825}.card.missed{border-left-color:#c62828}
        .card .s{font-weight:600}.card.met .s{color:#2e7d32}.card.near .s{color:#8a6d00}.card.missed .s{color:#c62828}
        .legend{display:flex;flex-wrap:wrap;gap:.3em 1.2em;margin:.3em 0 1em;font-size:.85em;padding:0;list-style:none}
        .legend li{display:flex;align-items:center;gap:.4em}.legend i{display:inline-block;width:.9em;height:.9em;border-radius:2px}
        @page{size:auto;margin:12mm}
        @media print{body{margin:0;max-width:none;font-size:10pt}tr,.card,svg{break-inside:avoid;page-break-inside:avoid}
          h2,h3{break-after:avoid;page-break-after:avoid}thead{display:table-header-group}
          .card,.legend i,rect{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
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
    /// Round steps for the time axis, in seconds: 15 and 30 minutes, 1, 2, 3 and 6 hours.
    static let axisSteps: [TimeInterval] = [900, 1800, 3600, 7200, 10800, 21600]

    /// A legend as an HTML list that wraps, so no label runs over another.
    private static func legend(_ entries: [(label: String, colour: String)]) -> String {
        "<ul class=\"legend\">" + entries.map { "<li><i style=\"background:\($0.colour)\"></i>\(escape($0.label))</li>" }.joined() + "</ul>"
    }

    /// The headline figures as cards, each against the policy's target where it sets one.
    private static func kpiCards(_ figures: ShiftFigures, program: String) -> String {
        let shift = figures.shift
        let targets = figures.targets
        var cards: [String] = []
        func card(_ key: String, _ value: String, _ detail: String, _ status: TargetStatus?) {
            let statusText = status.map { " · <span class=\"s\">\($0.rawValue)</span>" } ?? ""
            cards.append("<div class=\"card \(status?.rawValue ?? "")\"><div class=\"k\">\(escape(key))</div>"
                         + "<div class=\"v\">\(escape(value))</div><div class=\"t\">\(escape(detail))\(statusText)</div></div>")
        }
        let heart = figures.heartResponses
        let sentHEART = heart.map { shift.bySent[$0] ?? 0 }.reduce(0, +)
        card("Calls", "\(shift.calls)", "\(sentHEART) to a \(program) team", nil)
        func within(_ summary: DurationSummary?, _ target: ProgramTargets.WithinTime?, _ key: String) {
            guard let summary else { return card(key, "—", "no \(program) call yet", nil) }
            var detail = "p90 \(ReportFormat.duration(summary.percentile90)) · \(summary.count) calls"
            var status: TargetStatus?
            if let target {
                let share = summary.share(within: target.seconds)
                detail += " · \(Int((share * 100).rounded()))% ≤\(Int(target.seconds / 60))m (target \(Int((target.share * 100).rounded()))%)"
                status = target.status(shareWithin: share)
            }
            card(key, "median " + ReportFormat.duration(summary.median), detail, status)
        }
        within(shift.timeToDispatch, targets.timeToDispatch, "Time to dispatch")
        within(shift.dispatchToScene, targets.dispatchToScene, "Dispatch → on scene")
        if let rate = shift.backupRate {
            card("Back-up rate", "\(Int((rate * 100).rounded()))%",
                 "\(shift.backupRequests) of \(shift.heartInPerson)" + (targets.backupRate.map { " · target ≤\(Int(($0 * 100).rounded()))%" } ?? ""),
                 targets.backupRateStatus(rate))
        } else {
            card("Back-up rate", "—", "no \(program) call yet", nil)
        }
        let reasons = shift.unserved.sorted { ($1.value, $0.key.rawValue) < ($0.value, $1.key.rawValue) }
            .map { "\($0.key.rawValue) \($0.value)" }.joined(separator: " · ")
        // Counted as the supervisor's board counts it: no HEART team in person, whatever else went (see the guide).
        card("No \(program) team sent", "\(shift.unservedCount)", reasons.isEmpty ? "every call a team could take got one" : reasons, nil)
        return "<div class=\"cards\">" + cards.joined() + "</div>"
    }

    /// Colours for responses in the calls-per-hour chart, in the policy's order.
    static let responsePalette = ["#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#17becf", "#7f7f7f", "#bcbd22"]

    /// Calls per hour of the shift (at most the last 24), stacked by decision, with hour labels and a count scale.
    private static func callsPerHourChart(_ figures: ShiftFigures, policy: Policy) -> String {
        let hours = figures.callsPerHour
        guard !hours.isEmpty else { return "<p>No calls.</p>" }
        let decisions = policy.responses.map(\.id).filter { id in hours.contains { $0.byDecision[id] != nil } }
        let colour = { (id: String) in responsePalette[(decisions.firstIndex(of: id) ?? 0) % responsePalette.count] }
        let peak = max(1, hours.map(\.total).max() ?? 1)
        let left = 40.0, plotHeight = 140.0, top = 10.0, barWidth = min(60.0, 900.0 / Double(hours.count))
        let width = left + barWidth * Double(hours.count) + 10, height = top + plotHeight + 24
        var svg = ["<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"Calls per hour\">"]
        svg.append("<line x1=\"\(f(left))\" y1=\"\(f(top + plotHeight))\" x2=\"\(f(width - 10))\" y2=\"\(f(top + plotHeight))\" stroke=\"#555\"/>")
        svg.append("<text x=\"\(f(left - 6))\" y=\"\(f(top + 8))\" text-anchor=\"end\">\(peak)</text>")
        svg.append("<text x=\"\(f(left - 6))\" y=\"\(f(top + plotHeight))\" text-anchor=\"end\">0</text>")
        for (index, hour) in hours.enumerated() {
            let x = left + barWidth * Double(index)
            var y = top + plotHeight
            for id in decisions {
                guard let count = hour.byDecision[id], count > 0 else { continue }
                let h = plotHeight * Double(count) / Double(peak)
                y -= h
                svg.append("<rect x=\"\(f(x + 2))\" y=\"\(f(y))\" width=\"\(f(barWidth - 4))\" height=\"\(f(h))\" fill=\"\(colour(id))\">"
                           + "<title>\(String(format: "%02d:00", hour.hour)) \(escape(id)) \(count)</title></rect>")
            }
            if hour.total > 0 {
                svg.append("<text x=\"\(f(x + barWidth / 2))\" y=\"\(f(y - 3))\" text-anchor=\"middle\">\(hour.total)</text>")
            }
            svg.append("<text x=\"\(f(x + barWidth / 2))\" y=\"\(f(top + plotHeight + 16))\" text-anchor=\"middle\">\(String(format: "%02d", hour.hour))</text>")
        }
        svg.append("</svg>")
        return svg.joined(separator: "\n") + legend(decisions.map { ("decided " + $0, colour($0)) })
    }

    /// One row a unit, each status a bar along the shift's time axis, with hour ticks.
    private static func timeline(_ report: AfterActionReport) -> String {
        let zone = report.policy.timeZone
        let span = max(60, report.end.timeIntervalSince(report.start))
        let labelWidth = 80.0, plotWidth = 900.0, rowHeight = 22.0, top = 20.0
        let height = top + rowHeight * Double(report.units.count) + 30
        func x(_ date: Date) -> Double { labelWidth + plotWidth * min(1, max(0, date.timeIntervalSince(report.start) / span)) }
        var svg = ["<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(labelWidth + plotWidth + 20))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"Unit status timeline\">"]
        // The time axis under the rows: a tick and a label at a round step (15 min … 6 h) that keeps labels ≤ maxTicks,
        // so the work is bounded by what is drawn, not by the span.
        let axisY = height - 24
        svg.append("<line x1=\"\(f(labelWidth))\" y1=\"\(f(axisY))\" x2=\"\(f(labelWidth + plotWidth))\" y2=\"\(f(axisY))\" stroke=\"#555\"/>")
        let step = Self.axisSteps.first { span / $0 <= Self.maxTicks } ?? (span / Self.maxTicks / 3600).rounded(.up) * 3600
        let local = zone.localTime(at: report.start)
        let intoStep = (Double(local.hour * 3600 + local.minute * 60 + local.second)).truncatingRemainder(dividingBy: step)
        var tick = report.start + (intoStep == 0 ? 0 : step - intoStep)
        var ticks = 0
        while tick <= report.end && ticks <= Int(Self.maxTicks) {
            svg.append("<line x1=\"\(f(x(tick)))\" y1=\"\(f(top - 4))\" x2=\"\(f(x(tick)))\" y2=\"\(f(axisY + 4))\" stroke=\"#ddd\"/>")
            svg.append("<text x=\"\(f(x(tick)))\" y=\"\(f(axisY + 16))\" text-anchor=\"middle\">\(ReportFormat.clock(tick, zone))</text>")
            tick += step
            ticks += 1
        }
        svg.append("<text x=\"0\" y=\"\(f(axisY + 16))\" fill=\"#555\">time</text>")
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
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }

    private static func f(_ value: Double) -> String { String(format: "%.1f", value) }

    static func escape(_ text: String) -> String { SafeText.html(text) }
}
