import HeartDeskCore

/// The analysis as one self-contained HTML page (no scripts, no network): bars per response, a heat map of eligible
/// calls by hour of week, the compare and staffing tables.
enum AnalysisHTML {
    static func page(_ analysis: CallsAnalysis, policies: [Policy]) -> String {
        let h = SafeText.html
        let g = AnalysisFigures.grouped
        let main = analysis.tallies[0]
        var body: [String] = []
        body.append("<h1>Calls analysis: \(h(AnalysisReport.fileName(analysis.file)))</h1>")
        body.append("<p>\(h(analysis.mapping)) · policy \(h(main.policyName)) · rows \(g(analysis.rows)) · routed \(g(main.calls)) · "
                    + "malformed \(g(analysis.malformed)) · unmapped \(g(analysis.unmapped.values.reduce(0, +)))"
                    + (analysis.earliest.map { " · \($0.iso8601.prefix(10)) to \(analysis.latest!.iso8601.prefix(10))" } ?? "") + "</p>")

        body.append("<h2>Alternative responses: eligible, and what kept the rest out</h2>")
        body.append("<div class=legend><span class=eligible>eligible</span>"
                    + PolicyTally.Blocker.allCases.map { "<span class=\"\($0.rawValue)\">\(h(AnalysisReport.blockerLabel($0)))</span>" }.joined()
                    + "</div>")
        for response in main.responses {
            let parts = [("eligible", response.eligible)] + PolicyTally.Blocker.allCases.map { ($0.rawValue, response.blocked[$0] ?? 0) }
            let total = max(1, parts.map(\.1).reduce(0, +))
            let segments = parts.filter { $0.1 > 0 }.map { part in
                "<span class=\"\(part.0)\" style=\"width:\(String(format: "%.2f", Double(part.1) * 100 / Double(total)))%\" "
                    + "title=\"\(part.0) \(g(part.1))\"></span>"
            }.joined()
            body.append("<div class=barrow><b>\(h(response.response))</b><div class=bar>\(segments)</div>"
                        + "<span>\(g(response.eligible)) eligible</span></div>")
        }

        for response in main.responses where response.eligible > 0 {
            body.append("<h2>\(h(response.response)): eligible calls by hour of week</h2>")
            body.append(heatMap(response.eligibleByHourOfWeek))
        }

        if analysis.tallies.count > 1 {
            body.append("<h2>Compared</h2><table><tr><th>Response</th><th>\(h(main.policyName))</th>"
                        + analysis.tallies.dropFirst().map { "<th>\(h($0.policyName))</th><th>a year</th>" }.joined() + "</tr>")
            for response in main.responses {
                var row = "<tr><td>\(h(response.response))</td><td class=n>\(g(response.eligible))</td>"
                for other in analysis.tallies.dropFirst() {
                    if let theirs = other.tally(of: response.response) {
                        let perYear = AnalysisFigures.perYear(theirs.eligible - response.eligible, spanDays: analysis.spanDays)
                        row += "<td class=n>\(g(theirs.eligible))</td><td class=n>\(perYear >= 0 ? "+" : "")\(g(perYear))</td>"
                    } else {
                        row += "<td>—</td><td>—</td>"
                    }
                }
                body.append(row + "</tr>")
            }
            body.append("</table>")
        }

        if !analysis.staffing.isEmpty {
            body.append("<h2>Staffing: how often an eligible call finds a unit free</h2>"
                        + "<p>A discrete-event run over the recorded arrival times; a call finding every unit busy goes elsewhere.</p>")
            for estimate in analysis.staffing {
                body.append("<h3>\(h(estimate.response)): \(AnalysisReport.plural(estimate.units, "unit")), "
                            + "\(Int(estimate.serviceMinutes.rounded())) min a call — "
                            + (estimate.servedShare.map { AnalysisFigures.percent($0) + " served" } ?? "no calls")
                            + "</h3><p>Each hour: the % of its eligible calls that found no unit free (blank: none came).</p>")
                let shares = (0..<168).map { hour -> Int in
                    let calls = estimate.callsByHourOfWeek[hour]
                    return calls == 0 ? -1 : 100 - estimate.servedByHourOfWeek[hour] * 100 / calls
                }
                body.append(heatMap(shares, unit: "% not served"))
            }
        }

        if !analysis.unmapped.isEmpty {
            body.append("<h2>Codes neither the mapping nor the policy knows</h2><table><tr><th>Code</th><th>Rows</th></tr>"
                        + AnalysisFigures.ranked(analysis.unmapped, limit: 50).map { "<tr><td>\(h($0.key))</td><td class=n>\(g($0.count))</td></tr>" }.joined()
                        + "</table>")
        }
        return """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Calls analysis</title>
        <style>
        body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#111}
        table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:2px 6px}td.n{text-align:right}
        .heat td{width:1.6em;height:1.4em;text-align:center;font-size:11px;border:1px solid #fff}
        .barrow{display:flex;align-items:center;gap:.6em;margin:.3em 0}.barrow b{width:4em}
        .bar{display:flex;width:60%;height:1.2em;background:#eee}.bar span{display:block;height:100%}
        .legend span{display:inline-block;padding:0 .5em;margin-right:.4em;color:#fff}
        .eligible{background:#1b7f3b}.callType{background:#777}.flag{background:#b8860b}.outsideArea{background:#3465a4}.closed{background:#a33}
        @media print{body{margin:1cm}}
        </style></head><body>
        \(body.joined(separator: "\n"))
        </body></html>

        """
    }

    /// Seven rows by 24 hours, each cell shaded by its value against the largest (negative: no data, blank).
    static func heatMap(_ values: [Int], unit: String = "calls") -> String {
        let largest = max(1, values.max() ?? 1)
        var rows = "<table class=heat><tr><th></th>" + (0..<24).map { "<th>\(AnalysisFigures.hourHeading($0))</th>" }.joined() + "</tr>"
        for day in 0..<7 {
            rows += "<tr><th>\(AnalysisFigures.weekdays[day])</th>"
            for hour in 0..<24 {
                let value = values[day * 24 + hour]
                if value < 0 { rows += "<td></td>"; continue }
                let alpha = String(format: "%.2f", 0.08 + 0.92 * Double(value) / Double(largest))
                rows += "<td style=\"background:rgba(27,127,59,\(alpha))\" title=\"\(AnalysisFigures.hourOfWeekLabel(day * 24 + hour)): \(value) \(unit)\">\(value)</td>"
            }
            rows += "</tr>"
        }
        return rows + "</table>"
    }
}
