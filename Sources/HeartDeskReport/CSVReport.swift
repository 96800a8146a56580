import Foundation
import HeartDeskCore

/// The report's per-call table as CSV (RFC 4180), durations in whole seconds, for a spreadsheet.
public enum CSVReport {
    public static let columns = [
        "call", "incoming", "call_type", "code", "beat", "district", "priority", "location", "flags", "arrived", "triaged", "dispatched", "en_route", "on_scene", "closed",
        "time_to_triage_s", "time_to_dispatch_s", "dispatch_to_en_route_s", "en_route_to_on_scene_s", "on_scene_to_clear_s",
        "units", "sent", "disposition", "follow_up", "expected", "as_expected", "mistakes", "interpreter",
    ]

    public static func render(_ report: AfterActionReport) -> String {
        let zone = report.policy.timeZone
        let time = { (date: Date?) in date.map { zone.localTime(at: $0).iso8601 } ?? "" }
        let seconds = { (value: TimeInterval?) in value.map { String(Int($0.rounded())) } ?? "" }
        var rows = [columns]
        for call in report.calls {
            rows.append([
                call.id, call.incomingID ?? "", call.callType, report.policy.callType(named: call.callType)?.code ?? "",
                call.beat ?? "", call.beat.flatMap(report.policy.beat(id:))?.district ?? "", call.priority.map(String.init) ?? "",
                call.location, call.flags.joined(separator: " "),
                time(call.arrivedAt), time(call.triagedAt), time(call.firstDispatchAt), time(call.enRouteAt), time(call.onSceneAt),
                time(call.closedAt), seconds(call.timeToTriage), seconds(call.timeToDispatch), seconds(call.dispatchToEnRoute),
                seconds(call.enRouteToOnScene), seconds(call.onSceneToClear), call.units.joined(separator: " "),
                call.sent.joined(separator: " "), call.disposition?.rawValue ?? "", call.followUp ?? "", ReportFormat.expected(call.expected),
                call.asExpected.map { $0 ? "yes" : "no" } ?? "", call.mistakes.joined(separator: " | "), call.interpreter.word,
            ])
        }
        return rows.map { $0.map(SafeText.csv).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }
}
