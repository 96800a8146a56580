import ArgumentParser
import Foundation
import HeartDeskCore
import HeartDeskJournal

/// `heartdesk shift history`: every call of the shift, open and closed, with its whole life; searchable.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Every call of the shift, closed ones too, with each moment of its life.",
        discussion: "--search looks through id, caller, callback, location, call type, beat, language, decision, units and notes, "
            + "ignoring case and accents.")

    @Option(name: .long, help: ArgumentHelp("The shift journal file.", valueName: "file")) var journal: String
    @OptionGroup var policyOption: PolicyOption
    @Option(name: .long, help: ArgumentHelp("Only calls whose details contain this text.", valueName: "text")) var search: String?
    @Flag(name: .long, help: "Print a JSON array of calls, shaped as `shift show --json` writes them.") var json = false

    func run() throws {
        let policy = try policyOption.load()
        let opened = try JournalStore.open(journal, mode: .read)
        try PolicyOption.check(policy, against: opened.state, journal: journal)
        let view = ShiftView(state: opened.state, router: Router(policy: policy), now: try CommandClock.now(zone: policy.timeZone))
        let calls = opened.state.calls.filter { $0.matches(search: search ?? "") }
        if json {
            print(try JSONVocabulary.text(calls.map(view.vocabulary.call)))
            return
        }
        guard !calls.isEmpty else {
            say(search.map { "No call of this shift matches “\($0)”." } ?? "No calls yet.")
            return
        }
        say(calls.map(view.history).joined(separator: "\n\n"))
    }
}

extension ShiftView {
    /// A call's life as lines of text: what it was, how it ended, each moment, each note.
    func history(of call: CallRecord) -> String {
        let i = call.intake
        var lines = ["\(call.id)  \(i.callType) · beat \(i.beat ?? "unknown") · P\(i.priority) · "
                     + (call.disposition.map { "closed \($0.rawValue)" } ?? (call.isPending ? "pending" : call.state.rawValue))]
        let who = [i.location.isEmpty ? nil : "at \(i.location)", i.callerName.isEmpty ? nil : "caller \(i.callerName)",
                   i.callback.isEmpty ? nil : "callback \(i.callback)", i.language.isEmpty ? nil : "language \(i.language)"]
            .compactMap { $0 }
        if !who.isEmpty { lines.append("  " + who.joined(separator: " · ")) }
        lines.append("  decision: dispatch \(i.triage.dispatch) · phone \(i.triage.phone ?? "none") · follow-up \(i.triage.followUp ?? "none")")
        for moment in call.moments { lines.append("  \(local(moment.time))  \(moment.text)  (\(moment.operatorName))") }
        for reason in call.overrides { lines.append("  override: \(reason)") }
        for revision in call.retriages { lines.append("  revised \(local(revision.time)): " + revision.changes.joined(separator: "; ")) }
        for note in call.notes { lines.append("  \(local(note.time))  note by \(note.operatorName): \(note.text)") }
        return lines.joined(separator: "\n")
    }
}
