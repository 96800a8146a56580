import Foundation
import HeartDeskCore

/// The analysis written out: text for the terminal, Markdown, CSV and JSON for reuse, HTML with charts.
///
/// Codes and beats come from the city's file, so every one goes through ``SafeText`` for its output.
public enum AnalysisReport {
    public enum Format: String, Sendable, CaseIterable {
        case text, md, csv, json, html
    }

    public static func render(_ analysis: CallsAnalysis, policies: [Policy], format: Format) -> String {
        switch format {
        case .text: return text(analysis, policies: policies, markdown: false)
        case .md: return text(analysis, policies: policies, markdown: true)
        case .csv: return csv(analysis)
        case .json: return json(analysis, policies: policies)
        case .html: return AnalysisHTML.page(analysis, policies: policies)
        }
    }

    // MARK: Text and Markdown

    static func text(_ analysis: CallsAnalysis, policies: [Policy], markdown: Bool) -> String {
        func safe(_ text: String) -> String { markdown ? SafeText.markdown(text) : SafeText.terminal(text) }
        let g = AnalysisFigures.grouped
        var out: [String] = []
        func heading(_ title: String) { out.append(""); out.append(markdown ? "## \(title)" : title) }
        func line(_ text: String) { out.append(markdown ? "- \(text)" : "  \(text)") }
        let main = analysis.tallies[0]
        out.append(markdown ? "# Calls analysis: \(safe(fileName(analysis.file)))" : "heartdesk analyze: \(SafeText.terminal(analysis.file))")
        out.append((markdown ? "" : "  ") + "\(analysis.mapping) · policy \(safe(main.policyName))"
                   + (analysis.earliest.map { first in " · \(first.iso8601.prefix(10)) to \(analysis.latest!.iso8601.prefix(10)) "
                       + "(\(plural(Int(analysis.spanDays.rounded()), "day")))" } ?? ""))
        let unmappedRows = analysis.unmapped.values.reduce(0, +)
        out.append((markdown ? "" : "  ") + "Rows \(g(analysis.rows)) · routed \(g(main.calls)) · malformed \(g(analysis.malformed))"
                   + " · unmapped \(g(unmappedRows)) (\(plural(analysis.unmapped.count, "code")))")

        heading("Decisions (\(safe(main.policyName)))")
        let order = policies[0].responses.map(\.id)
        func list(_ counts: [String: Int]) -> String {
            counts.isEmpty ? "none" : AnalysisFigures.ordered(counts, policy: order).map { "\($0.0) \(g($0.1))" }.joined(separator: " · ")
        }
        line("Dispatch: \(list(main.dispatch))")
        line("Phone: \(list(main.phone))")
        line("Follow-up: \(list(main.followUp))")

        heading("Alternative responses: calls eligible, and what kept the rest out")
        for response in main.responses {
            let blocked = PolicyTally.Blocker.allCases.map { "\(blockerLabel($0)) \(g(response.blocked[$0] ?? 0))" }.joined(separator: " · ")
            line("\(response.response): eligible \(g(response.eligible)) (\(AnalysisFigures.percent(share(response.eligible, main.calls))) of calls)"
                 + " · kept out by \(blocked)")
        }

        // The heading only when some response had calls kept out by the hour or the area alone.
        if main.responses.contains(where: { $0.closedOnlyByHourOfWeek.contains { $0 > 0 } || !$0.outsideOnlyByBeat.isEmpty }) {
            heading("Where longer hours and a wider area would add calls")
        }
        for response in main.responses {
            let closedByHour = AnalysisFigures.byHourOfDay(response.closedOnlyByHourOfWeek)
            let closedTotal = closedByHour.reduce(0, +)
            if closedTotal > 0 {
                let top = closedByHour.enumerated().filter { $0.element > 0 }.sorted { $0.element > $1.element }.prefix(5)
                    .map { "\(AnalysisFigures.clock($0.offset)) \(g($0.element))" }.joined(separator: " · ")
                line("\(response.response) hours: \(plural(closedTotal, "call")) came in only while it was closed, "
                     + "\(g(AnalysisFigures.perYear(closedTotal, spanDays: analysis.spanDays))) a year; most at \(top)")
            }
            let beats = AnalysisFigures.ranked(response.outsideOnlyByBeat, limit: 8)
            if !beats.isEmpty {
                line("\(response.response) area: beats outside it by eligible calls they would add: "
                     + beats.map { "\(safe($0.key)) \(g($0.count))" }.joined(separator: " · "))
            }
        }

        for response in main.responses where response.eligible > 0 {
            heading("\(response.response): eligible calls by hour of week")
            out.append(contentsOf: heatMap(response.eligibleByHourOfWeek, markdown: markdown))
        }

        if analysis.tallies.count > 1 {
            heading("Compared")
            for other in analysis.tallies.dropFirst() {
                for response in main.responses {
                    guard let theirs = other.tally(of: response.response) else {
                        line("\(response.response): not a response of \(safe(other.policyName))")
                        continue
                    }
                    let difference = theirs.eligible - response.eligible
                    let added = zip(theirs.eligibleByHourOfWeek, response.eligibleByHourOfWeek).map { max(0, $0 - $1) }
                    let window = AnalysisFigures.busiestWindow(AnalysisFigures.byHourOfDay(added))
                    let sign = difference >= 0 ? "+" : "−"
                    line("\(safe(other.policyName)) — \(response.response): \(g(theirs.eligible)) eligible against \(g(response.eligible)), "
                         + "\(sign)\(g(abs(AnalysisFigures.perYear(difference, spanDays: analysis.spanDays)))) calls a year"
                         + (difference > 0 ? window.map { ", \(AnalysisFigures.percent($0.share)) of them \($0.label)" } ?? "" : ""))
                }
            }
        }

        if !analysis.staffing.isEmpty {
            heading("Staffing: how often an eligible call finds a unit free")
            line("Model: a discrete-event run over the real arrival times; a call finding every unit busy goes elsewhere (no queue).")
            for estimate in analysis.staffing {
                let worst = (0..<168).filter { estimate.callsByHourOfWeek[$0] >= 5 }
                    .map { ($0, Double(estimate.servedByHourOfWeek[$0]) / Double(estimate.callsByHourOfWeek[$0])) }
                    .sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(3)
                    .map { "\(AnalysisFigures.hourOfWeekLabel($0.0)) \(AnalysisFigures.percent($0.1))" }
                line("\(estimate.response) with \(estimate.units) unit\(estimate.units == 1 ? "" : "s"), "
                     + "\(Int(estimate.serviceMinutes.rounded())) min a call: "
                     + (estimate.servedShare.map { "\(AnalysisFigures.percent($0)) of \(g(estimate.calls)) eligible calls find one free" } ?? "no eligible calls")
                     + (worst.isEmpty ? "" : "; hardest hours \(worst.joined(separator: " · "))"))
            }
        }

        if !analysis.firstMalformed.isEmpty {
            heading("Malformed rows (\(g(analysis.malformed)); the first \(analysis.firstMalformed.count))")
            for problem in analysis.firstMalformed { line("line \(problem.line): \(safe(problem.reason))") }
        }
        if !analysis.unmapped.isEmpty {
            heading("Codes neither the mapping nor the policy knows (rows not routed)")
            for (code, count) in AnalysisFigures.ranked(analysis.unmapped, limit: 50) { line("\(safe(code)): \(g(count))") }
            if analysis.unmapped.count > 50 { line("… and \(analysis.unmapped.count - 50) more codes") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Seven rows (Mon…Sun) of 24 hours, each cell the count as a digit 1–9 scaled to the busiest hour (9), `.` for none.
    static func heatMap(_ counts: [Int], markdown: Bool) -> [String] {
        let busiest = max(1, counts.max() ?? 1)
        var rows: [String] = []
        if markdown { rows.append("```") }
        rows.append("       " + (0..<24).map { $0 % 3 == 0 ? AnalysisFigures.hourHeading($0) + " " : "" }.joined()
            .padding(toLength: 72, withPad: " ", startingAt: 0) + "busiest hour \(AnalysisFigures.grouped(busiest))")
        for day in 0..<7 {
            let cells = (0..<24).map { hour -> String in
                let count = counts[day * 24 + hour]
                return count == 0 ? "." : String((count * 9 + busiest - 1) / busiest)
            }
            rows.append("  \(AnalysisFigures.weekdays[day])  " + cells.joined())
        }
        if markdown { rows.append("```") }
        return rows
    }

    static func blockerLabel(_ blocker: PolicyTally.Blocker) -> String {
        switch blocker {
        case .callType: return "call type"
        case .flag: return "flag"
        case .outsideArea: return "outside area"
        case .closed: return "closed"
        }
    }

    static func plural(_ count: Int, _ noun: String) -> String { "\(AnalysisFigures.grouped(count)) \(noun)\(count == 1 ? "" : "s")" }

    static func share(_ part: Int, _ whole: Int) -> Double { whole > 0 ? Double(part) / Double(whole) : 0 }

    static func fileName(_ path: String) -> String { URL(fileURLWithPath: path).lastPathComponent }

    // MARK: CSV

    /// One tidy table: policy, response, measure, key, count — every figure of the analysis, for a spreadsheet.
    static func csv(_ analysis: CallsAnalysis) -> String {
        var lines = ["policy,response,measure,key,count"]
        func row(_ policy: String, _ response: String, _ measure: String, _ key: String, _ count: Int) {
            lines.append([policy, response, measure, key, String(count)].map(SafeText.csv).joined(separator: ","))
        }
        for tally in analysis.tallies {
            let name = tally.policyName
            row(name, "", "calls", "", tally.calls)
            for (id, count) in tally.dispatch.sorted(by: { $0.key < $1.key }) { row(name, id, "dispatch", "", count) }
            for (id, count) in tally.phone.sorted(by: { $0.key < $1.key }) { row(name, id, "phone", "", count) }
            for (id, count) in tally.followUp.sorted(by: { $0.key < $1.key }) { row(name, id, "followUp", "", count) }
            for response in tally.responses {
                row(name, response.response, "eligible", "", response.eligible)
                for blocker in PolicyTally.Blocker.allCases { row(name, response.response, "blocked", blocker.rawValue, response.blocked[blocker] ?? 0) }
                for hour in 0..<168 where response.eligibleByHourOfWeek[hour] > 0 {
                    row(name, response.response, "eligibleByHourOfWeek", AnalysisFigures.hourOfWeekLabel(hour), response.eligibleByHourOfWeek[hour])
                }
                for hour in 0..<168 where response.closedOnlyByHourOfWeek[hour] > 0 {
                    row(name, response.response, "closedOnlyByHourOfWeek", AnalysisFigures.hourOfWeekLabel(hour), response.closedOnlyByHourOfWeek[hour])
                }
                for (beat, count) in response.outsideOnlyByBeat.sorted(by: { $0.key < $1.key }) {
                    row(name, response.response, "outsideAreaOnlyByBeat", beat, count)
                }
            }
        }
        for estimate in analysis.staffing {
            row(analysis.tallies[0].policyName, estimate.response, "staffing.units", "", estimate.units)
            row(analysis.tallies[0].policyName, estimate.response, "staffing.calls", "", estimate.calls)
            row(analysis.tallies[0].policyName, estimate.response, "staffing.served", "", estimate.served)
        }
        row("", "", "malformed", "", analysis.malformed)
        for (code, count) in analysis.unmapped.sorted(by: { $0.key < $1.key }) { row("", "", "unmapped", code, count) }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    // MARK: JSON

    /// The documented shape (docs/analyze.md): the main policy's figures at the top, every policy in `policies`.
    static func json(_ analysis: CallsAnalysis, policies: [Policy]) -> String {
        func tallyObject(_ tally: PolicyTally) -> [String: Any] {
            [
                "policy": tally.policyName,
                "calls": tally.calls,
                "decisions": ["dispatch": tally.dispatch, "phone": tally.phone, "followUp": tally.followUp],
                "eligible": Dictionary(uniqueKeysWithValues: tally.responses.map { ($0.response, $0.eligible) }),
                "blocked": Dictionary(uniqueKeysWithValues: tally.responses.map { response in
                    (response.response, Dictionary(uniqueKeysWithValues: PolicyTally.Blocker.allCases.map { ($0.rawValue, response.blocked[$0] ?? 0) }))
                }),
                "byHourOfWeek": [
                    "calls": tally.callsByHourOfWeek,
                    "eligible": Dictionary(uniqueKeysWithValues: tally.responses.map { ($0.response, $0.eligibleByHourOfWeek) }),
                    "closedOnly": Dictionary(uniqueKeysWithValues: tally.responses.map { ($0.response, $0.closedOnlyByHourOfWeek) }),
                ],
                "byBeat": [
                    "calls": tally.callsByBeat,
                    "eligible": Dictionary(uniqueKeysWithValues: tally.responses.map { ($0.response, $0.eligibleByBeat) }),
                    "outsideAreaOnly": Dictionary(uniqueKeysWithValues: tally.responses.map { ($0.response, $0.outsideOnlyByBeat) }),
                ],
            ]
        }
        var object = tallyObject(analysis.tallies[0])
        object["file"] = analysis.file
        object["rows"] = analysis.rows
        object["malformed"] = analysis.malformed
        object["firstMalformed"] = analysis.firstMalformed.map { ["line": $0.line, "reason": $0.reason] }
        object["unmapped"] = analysis.unmapped
        object["from"] = analysis.earliest.map { String($0.iso8601.prefix(19)) } ?? NSNull()
        object["to"] = analysis.latest.map { String($0.iso8601.prefix(19)) } ?? NSNull()
        object["days"] = analysis.spanDays
        object["policies"] = analysis.tallies.map(tallyObject)
        if analysis.tallies.count > 1 {
            let main = analysis.tallies[0]
            object["compare"] = analysis.tallies.dropFirst().map { other -> [String: Any] in
                var perResponse: [String: Any] = [:]
                for response in main.responses {
                    guard let theirs = other.tally(of: response.response) else { continue }
                    let difference = theirs.eligible - response.eligible
                    perResponse[response.response] = ["eligible": theirs.eligible, "difference": difference,
                                                      "differencePerYear": AnalysisFigures.perYear(difference, spanDays: analysis.spanDays)]
                }
                return ["policy": other.policyName, "responses": perResponse]
            }
        }
        if !analysis.staffing.isEmpty {
            object["staffing"] = analysis.staffing.map { estimate -> [String: Any] in
                ["response": estimate.response, "units": estimate.units, "serviceMinutes": estimate.serviceMinutes,
                 "model": "discrete-event run over the recorded arrival times; a call finding every unit busy is not served (no queue)",
                 "calls": estimate.calls, "served": estimate.served, "servedShare": estimate.servedShare ?? NSNull(),
                 "callsByHourOfWeek": estimate.callsByHourOfWeek, "servedByHourOfWeek": estimate.servedByHourOfWeek]
            }
        }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]) else {
            return "{}\n"
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
