import ArgumentParser
import Foundation
import HeartDeskAnalysis
import HeartDeskCore
import HeartDeskJournal
#if canImport(Glibc)
import Glibc
#endif

/// `heartdesk shift import CALLS.csv --journal FILE`: a day of a city's history recorded as a shift, for training on
/// a real day and for the report on historical data.
struct ShiftImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Record a calls-for-service export as a new shift journal: every call at its own received time.",
        discussion: """
        Reads the export as analyze does (the Durham open-data layout, or any other through --mapping; docs/analyze.md) \
        and records each call in time order, routed under the policy at the moment it came in, in a new journal: \
        one durable write per batch of calls. Malformed rows and codes nobody maps are counted and listed, not \
        imported. The export holds no unit events, so imported calls stay open, with the export's id and line in \
        their note.
        """
    )

    @Argument(help: ArgumentHelp("The calls-for-service export (CSV with a header row).", valueName: "calls.csv"))
    var calls: String

    @OptionGroup var journalOptions: JournalOptions
    @OptionGroup var policyOption: PolicyOption

    @Option(name: .long, help: ArgumentHelp("How the export is laid out (YAML; default: the Durham open-data layout).", valueName: "file"))
    var mapping: String?

    @Option(name: .long, help: ArgumentHelp("Units for the shift (default: the built-in Durham roster under the built-in policy, "
                                            + "none under another).", valueName: "file"))
    var roster: String?

    func run() throws {
        let policy = try policyOption.load()
        let router = Router(policy: policy)
        let layout = try exportLayout(mapping: mapping, policy: policy)
        let units: [UnitDefinition]
        do {
            units = try roster.map { try loadRoster(path: $0, policy: policy) }
                ?? (policyOption.policy == nil ? try RosterLoader.bundledDurham(policy: policy) : [])
        } catch let error as PolicyError {
            throw UserError("bad roster: \(error)")
        }
        let path = journalOptions.journal
        let existed = FileManager.default.fileExists(atPath: path)
        let journal = try journalOptions.open(.write)
        guard journal.state.eventCount == 0 else {
            throw UserError("\(path) already holds \(journal.state.eventCount) events: import writes a new journal")
        }
        let bar = ProgressBar.onTerminal()
        let history: HistoricalShift
        do {
            history = try HistoricalShift.read(path: calls, mapping: layout, policy: policy, progress: bar.map { bar in { bar.show($0) } })
        } catch {
            bar?.finish()
            throw UserError("cannot import: \(error)")
        }
        bar?.finish()
        guard let first = history.calls.first else {
            throw UserError("cannot import: \(calls) has no call the policy knows (\(history.rows) rows, \(history.malformed) malformed, "
                            + "\(history.unmapped.values.reduce(0, +)) with unmapped codes)")
        }
        let zone = policy.timeZone
        let fileName = URL(fileURLWithPath: calls).lastPathComponent
        let entries = history.calls.map { call in
            (entry: NewCall(callType: call.callType, beat: call.beat, flags: call.flags, priority: call.priority,
                            note: "Imported from \(fileName) line \(call.line)"
                                + (call.sourceID.isEmpty ? "" : ", event \(call.sourceID)")),
             receivedAt: Self.instant(call.received, zone: zone))
        }
        let now = try CommandClock.now(zone: zone)
        // Who imports is looked up once: the environment read per call cost more than routing it.
        let opening = journalOptions.stamp(now: now, shiftTime: entries[0].receivedAt)
        let stamp = { (time: Date) in
            EventStamp(wallTime: now, shiftTime: time, position: opening.position, operatorName: opening.operatorName)
        }
        do {
            try journal.openShiftIfNew(roster: units, router: router, stamp: opening)
            try journal.recordHistoricalCalls(entries, router: router, stamp: stamp)
        } catch {
            // Nothing of a failed import is kept: the journal it began is removed, whole.
            if !existed { unlink(path) }
            if let refused = error as? ShiftError { throw UserError("refused: \(refused)") }
            throw error
        }
        say(Self.summary(history, journal: path, firstReceived: first.received))
    }

    /// The instant a local wall-clock reading means; a reading clocks skipped (spring forward) is taken an hour on.
    static func instant(_ time: LocalTime, zone: TimeZoneRules) -> Date {
        switch zone.resolve(localSeconds: time.wallSeconds) {
        case .instant(let date): return date
        case .skipped:
            if case .instant(let date) = zone.resolve(localSeconds: time.wallSeconds + 3_600) { return date }
            return Date(timeIntervalSince1970: TimeInterval(time.wallSeconds))
        }
    }

    static func summary(_ history: HistoricalShift, journal: String, firstReceived: LocalTime) -> String {
        let count = history.calls.count
        var lines = ["Imported \(count) call\(count == 1 ? "" : "s") into \(SafeText.terminal(journal)) "
                     + "(C-0001 to \(ShiftState.callID(number: count))), \(firstReceived.iso8601.prefix(16)) to "
                     + "\(history.calls.last!.received.iso8601.prefix(16)) local time"]
        let unmappedRows = history.unmapped.values.reduce(0, +)
        lines.append("Rows \(history.rows) · malformed \(history.malformed) · with codes nobody maps \(unmappedRows) (not imported)")
        for problem in history.firstMalformed { lines.append("  line \(problem.line): \(SafeText.terminal(problem.reason))") }
        if !history.unmapped.isEmpty {
            let ranked = history.unmapped.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(10)
            lines.append("  unmapped: " + ranked.map { "\(SafeText.terminal($0.key)) \($0.value)" }.joined(separator: " · "))
        }
        return lines.joined(separator: "\n")
    }
}
