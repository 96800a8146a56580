import ArgumentParser
import Foundation
import HeartDeskCore
import HeartDeskJournal
import HeartDeskReport

/// `heartdesk journal …`: check, read and export a journal file.
struct JournalCommandGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal", abstract: "Verify, print or export a shift journal.",
        subcommands: [VerifyJournalCommand.self, ShowJournalCommand.self, ExportJournalCommand.self])
}

struct VerifyJournalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check every record and the hash chain; name the first bad record.")

    @Argument(help: "Journal file.") var file: String

    func run() throws {
        try reportingErrors("journal verify") {
            let journal = try Journal.open(file, mode: .read)
            if case .tornTailPending(let number) = journal.health {
                throw UserError("journal \(file): record \(number) is torn (cut short or damaged, nothing valid after it): "
                                + "\(journal.recordCount) records before it check out; the next writer will cut it and keep a copy")
            }
            say("ok: \(journal.recordCount) records, hash chain intact, head \(journal.headHash.hex)")
        }
    }
}

struct ShowJournalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print the events, one a line.")

    @Argument(help: "Journal file.") var file: String
    @OptionGroup var policyOption: PolicyOption
    @Flag(name: .long, help: "One JSON object per line.") var json = false

    func run() throws {
        try reportingErrors("journal show") {
            let policy = try policyOption.load()
            let journal = try Journal.open(file, mode: .read, keepEvents: true)
            for (index, event) in journal.events.enumerated() {
                let shift = policy.timeZone.localTime(at: event.shiftTime).iso8601
                if json {
                    let object: [String: Any] = [
                        "record": index + 1, "shiftTime": shift, "wallTime": policy.timeZone.localTime(at: event.wallTime).iso8601,
                        "position": event.position, "operator": event.operatorName, "event": event.body.summary,
                    ]
                    let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
                    print(String(decoding: data, as: UTF8.self))
                } else {
                    say("#\(index + 1)  \(shift)  \(event.position)/\(event.operatorName)  \(event.body.summary)")
                }
            }
        }
    }
}

struct ExportJournalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export calls and unit status intervals for the data dashboard.")

    enum Format: String, ExpressibleByArgument { case csv, json }
    enum Table: String, ExpressibleByArgument { case calls, intervals }

    @Argument(help: "Journal file.") var file: String
    @Option(name: .long, help: "csv or json.") var format: Format
    @Option(name: .long, help: "With csv: calls or intervals (json holds both).") var table: Table = .calls
    @OptionGroup var policyOption: PolicyOption

    func run() throws {
        try reportingErrors("journal export") {
            let policy = try policyOption.load()
            let journal = try Journal.open(file, mode: .read, keepEvents: true)
            let local = { (date: Date?) in date.map { policy.timeZone.localTime(at: $0).iso8601 } ?? "" }
            let calls: [[String]] = journal.state.calls.map { call in
                let t = call.intake.triage
                return [call.id, local(call.receivedAt), call.intake.callType, call.intake.beat ?? "", call.intake.flags.joined(separator: " "),
                        String(call.intake.priority), t.dispatch, t.phone ?? "", t.followUp ?? "",
                        call.dispatchedUnits.joined(separator: " "), call.state.rawValue, call.disposition?.rawValue ?? "",
                        call.isOpen ? "" : local(call.stateSince), call.followUpID ?? ""]
            }
            let callColumns = ["id", "received", "callType", "beat", "flags", "priority", "dispatch", "phone", "followUp",
                               "units", "state", "disposition", "closed", "followUpId"]
            let intervals = UnitStatusInterval.intervals(from: journal.events).map { interval in
                [interval.unitID, interval.status.rawValue, local(interval.start), local(interval.end), interval.callID ?? ""]
            }
            let intervalColumns = ["unit", "status", "start", "end", "call"]
            switch format {
            case .csv:
                let (columns, rows) = table == .calls ? (callColumns, calls) : (intervalColumns, intervals)
                print(([columns] + rows).map { $0.map(SafeText.csv).joined(separator: ",") }.joined(separator: "\n"))
            case .json:
                let object: [String: Any] = [
                    "calls": calls.map { Dictionary(uniqueKeysWithValues: zip(callColumns, $0)) },
                    "intervals": intervals.map { Dictionary(uniqueKeysWithValues: zip(intervalColumns, $0)) },
                ]
                let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
                print(String(decoding: data, as: UTF8.self))
            }
        }
    }
}
