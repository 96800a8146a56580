import ArgumentParser
import Foundation
import HeartDeskCore
import HeartDeskJournal
import HeartDeskReport

/// `heartdesk journal …`: check, read and export a journal file.
struct JournalCommandGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal", abstract: "Verify, print or export a shift journal.",
        subcommands: [VerifyJournalCommand.self, ShowJournalCommand.self, ExportJournalCommand.self, CopyJournalCommand.self])
}

struct VerifyJournalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check every record and the hash chain; name the first bad record.")

    @Argument(help: "Journal file or postgresql:// URL.") var file: String

    func run() throws {
        let journal = try JournalStore.open(file, mode: .read)
        if case .tornTailPending(let number)? = (journal as? Journal)?.health {
            throw UserError("journal \(file): record \(number) is torn (cut short or damaged, nothing valid after it): "
                            + "\(journal.recordCount) records before it check out; the next writer will cut it and keep a copy")
        }
        say("ok: \(journal.recordCount) records, hash chain intact, head \(journal.headHash.hex)")
    }
}

struct ShowJournalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print the events, one a line.")

    @Argument(help: "Journal file or postgresql:// URL.") var file: String
    @OptionGroup var policyOption: PolicyOption
    @Flag(name: .long, help: "One JSON object per line.") var json = false

    func run() throws {
        let policy = try policyOption.load()
        let journal = try JournalStore.open(file, mode: .read, keepEvents: true)
        try PolicyOption.check(policy, against: journal.state, journal: file)
        let vocabulary = JSONVocabulary(state: journal.state, router: Router(policy: policy),
                                        now: try CommandClock.now(zone: policy.timeZone))
        for (index, event) in journal.events.enumerated() {
            let shift = policy.timeZone.localTime(at: event.shiftTime).iso8601
            if json {
                print(try JSONVocabulary.text(vocabulary.event(event, record: index + 1)))
            } else {
                say("#\(index + 1)  \(shift)  \(event.position)/\(event.operatorName)  \(event.body.summary)")
            }
        }
    }
}

struct ExportJournalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export calls and unit status intervals for the data dashboard.")

    enum Format: String, ExpressibleByArgument { case csv, json }
    enum Table: String, ExpressibleByArgument { case calls, intervals }

    @Argument(help: "Journal file or postgresql:// URL.") var file: String
    @Option(name: .long, help: "csv or json.") var format: Format
    @Option(name: .long, help: "With csv: calls or intervals (json holds both).") var table: Table = .calls
    @OptionGroup var policyOption: PolicyOption

    /// The calls table's columns: the JSON vocabulary's names for the same fields.
    static let callColumns = ["id", "receivedAt", "callType", "code", "beat", "district", "flags", "priority", "location",
                              "dispatch", "phone", "followUp", "units", "state", "disposition", "closedAt", "followUpId"]

    private func printCSV(_ columns: [String], _ rows: [[String]]) {
        print(([columns] + rows).map { $0.map(SafeText.csv).joined(separator: ",") }.joined(separator: "\n"))
    }

    func run() throws {
        let policy = try policyOption.load()
        let journal = try JournalStore.open(file, mode: .read, keepEvents: true)
        try PolicyOption.check(policy, against: journal.state, journal: file)
        let local = { (date: Date?) in date.map { policy.timeZone.localTime(at: $0).iso8601 } ?? "" }
        let vocabulary = JSONVocabulary(state: journal.state, router: Router(policy: policy),
                                        now: try CommandClock.now(zone: policy.timeZone))
        let intervals = UnitStatusInterval.intervals(from: journal.events)
        switch format {
        case .csv where table == .calls:
            let rows = journal.state.calls.map { call -> [String] in
                let i = call.intake, t = i.triage
                return [call.id, local(call.receivedAt), i.callType, policy.callType(named: i.callType)?.code ?? "", i.beat ?? "",
                        i.beat.flatMap(policy.beat(id:))?.district ?? "", i.flags.joined(separator: " "), String(i.priority),
                        i.location, t.dispatch, t.phone ?? "", t.followUp ?? "", call.dispatchedUnits.joined(separator: " "),
                        call.state.rawValue, call.disposition?.rawValue ?? "", local(call.closedAt), call.followUpID ?? ""]
            }
            printCSV(Self.callColumns, rows)
        case .csv:
            printCSV(["unit", "status", "start", "end", "call"], intervals.map { interval in
                [interval.unitID, interval.status.rawValue, local(interval.start), local(interval.end), interval.callID ?? ""]
            })
        case .json:
            print(try JSONVocabulary.text([
                "calls": journal.state.calls.map(vocabulary.call),
                "units": journal.state.units.map(vocabulary.unit),
                "intervals": intervals.map(vocabulary.interval),
            ]))
        }
    }
}

struct CopyJournalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy", abstract: "Copy a shift between a file and a database, checking the chain on both sides.",
        discussion: """
            FROM and TO are each a journal file or a postgresql:// URL: archive a shift from the database to a file, or \
            take one from a file into the database. TO must be new (or hold no events). Every record of FROM is checked \
            before anything is written; TO is read back and checked afterwards, event for event.
            """)

    @Argument(help: "The journal to copy: a file or a postgresql:// URL.") var from: String
    @Argument(help: "Where to: a new file or a postgresql:// URL of a shift with no events.") var to: String

    func run() throws {
        let source = try JournalStore.open(from, mode: .read, keepEvents: true)
        let target = try JournalStore.open(to, mode: .write)
        guard target.recordCount == 0 else {
            throw UserError("\(to) already holds \(target.recordCount) records: copy only into a new journal")
        }
        let events = source.events
        var start = 0
        while start < events.count {
            let batch = Array(events[start..<min(events.count, start + 4_096)])
            try target.append { _ in batch }
            start += batch.count
        }
        let copied = try JournalStore.open(to, mode: .read, keepEvents: true)
        guard copied.events == events else {
            throw UserError("\(to) does not read back as \(from) did: the copy is not to be trusted")
        }
        let sameHead = copied.headHash == source.headHash
        say("copied \(events.count) records; chain checked on both sides; head \(copied.headHash.hex)"
            + (sameHead ? " (the same as the source's)" : " (the source's is \(source.headHash.hex): older records were written again in today's layout)"))
    }
}
