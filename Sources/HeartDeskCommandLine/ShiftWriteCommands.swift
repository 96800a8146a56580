import ArgumentParser
import Foundation
import HeartDeskCore
import HeartDeskJournal

struct NewCallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "new-call", abstract: "Take a call: route it, record it, print its id.")

    @Option(name: .long, help: ArgumentHelp("Call type: name, code or alias (e.g. \"Mental Health Crisis\", MHC).", valueName: "name"))
    var type: String
    // Unconditional: an export's beat "-1" is a value here, not an option.
    @Option(name: .long, parsing: .unconditional,
            help: ArgumentHelp("Police beat of the call (e.g. 111), or unknown: outside-area rules apply.", valueName: "beat"))
    var beat: String
    @OptionGroup var answers: SafetyAnswerOptions
    @Option(name: .long, help: "Narrative note.") var note = ""
    @Option(name: .long, help: "Where the caller is (address, landmark).") var location = ""
    @Option(name: .long, help: "Caller's name.") var caller = ""
    @Option(name: .long, help: "Callback number.") var callback = ""
    @Option(name: .long, help: "Caller's language, when not English.") var language = ""
    @Option(name: .long, help: ArgumentHelp("Whether the caller needs an interpreter: no, yes (spoken; --language says which) or asl.",
                                            valueName: "need"))
    var interpreter: InterpreterNeed = .notNeeded
    @Option(name: .long, help: ArgumentHelp("On the policy's scale, smaller is more urgent (Durham: 1 to 3; default: the "
                                            + "policy's, raised once a safety question is answered yes)."))
    var priority: Int?
    @OptionGroup var options: ShiftWriteOptions

    func run() throws {
        let entry = NewCall(callType: type, beat: beat, flags: answers.yesIDs, flagsAnsweredNo: answers.noIDs, location: location,
                            callerName: caller, callback: callback, language: language, interpreter: interpreter, priority: priority,
                            note: note)
        let events = try options.writer.record(.newCall(entry))
        for event in events { if case .callReceived(let intake) = event.body { print(intake.id) } }
    }
}

struct DispatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dispatch", abstract: "Assign a unit to a call, checked against the call's decision now.",
        discussion: """
            Without --override a unit goes only when its response is the decision's now (hours and facts as they are at \
            that moment), or another response eligible now; a follow-up response never takes a live call. A second unit on \
            a call needs --also.
            """)

    @Argument(help: "Call id (C-0001).") var call: String
    @Argument(help: "Unit id (CRT-1).") var unit: String
    @Option(name: .long, help: "Why a unit the call is not eligible for now is sent anyway.") var override: String?
    @Flag(name: .long, help: "Send the unit although the call already has one.") var also = false
    @OptionGroup var options: ShiftWriteOptions

    func run() throws {
        _ = try options.writer.record(.dispatch(callID: call, unitID: unit, overrideReason: override, also: also))
    }
}

struct ReviseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revise", abstract: "Correct an open call's facts; it is routed again and the new decision printed.")

    @Argument(help: "Call id (C-0001).") var call: String
    @Option(name: .long, help: ArgumentHelp("New call type: name, code or alias.", valueName: "name")) var type: String?
    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("New beat, or unknown.", valueName: "beat")) var beat: String?
    @OptionGroup var answers: SafetyAnswerOptions
    @Option(name: .long, help: "Caller's language, when not English.") var language: String?
    @Option(name: .long, help: ArgumentHelp("Whether the caller needs an interpreter: no, yes or asl.", valueName: "need"))
    var interpreter: InterpreterNeed?
    @Option(name: .long, help: "Where the caller is.") var location: String?
    @Option(name: .long, help: "Callback number.") var callback: String?
    @Option(name: .long, help: "What was learnt, as a note on the call.") var note = ""
    @OptionGroup var options: ShiftWriteOptions

    func run() throws {
        let revision = CallRevision(callType: type, beat: beat, answers: answers.answers, language: language, location: location,
                                    callback: callback, interpreter: interpreter)
        let shown = try options.writer.recordReturningShift(.revise(callID: call, revision, note: note))
        for event in shown.events {
            guard case .callRevised(let callID, let previous, let facts, let triage, _) = event.body else { continue }
            say("\(callID) revised: \(facts.changes(from: previous).joined(separator: "; "))")
            say("decision now: dispatch \(triage.dispatch), phone \(triage.phone ?? "none"), follow-up \(triage.followUp ?? "none")")
            if let call = shown.state.call(callID) {
                for warning in shown.state.warnings(for: call, router: shown.router, at: shown.now) { say("WARNING: \(warning.text)") }
            }
        }
    }
}

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Set a unit's status.",
        discussion: "Statuses: \(UnitStatus.allCases.map(\.rawValue).joined(separator: ", ")).")

    @Argument(help: "Unit id (CRT-1).") var unit: String
    @Argument(help: "New status, e.g. en-route, on-scene, available.") var status: String
    @OptionGroup var options: ShiftWriteOptions

    func run() throws {
        let parsed = try choice(UnitStatus.self, status, what: "status")
        _ = try options.writer.record(.setStatus(unitID: unit, status: parsed))
    }
}

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Record a unit's request for police or EMS back-up, its acknowledgement, or the back-up on scene.")

    @Argument(help: "Unit id (CRT-1).") var unit: String
    @Option(name: .long, help: "police or ems: the unit asks for back-up.") var kind: String?
    @Flag(name: .long, help: "Someone at a console has taken in the unit's back-up request.") var acknowledge = false
    @Flag(name: .customLong("on-scene"), help: "The back-up the unit asked for has arrived.") var onScene = false
    @OptionGroup var options: ShiftWriteOptions

    func run() throws {
        let command: ShiftCommand
        switch (kind, acknowledge, onScene) {
        case (let kind?, false, false): command = .requestBackup(unitID: unit, kind: try choice(BackupKind.self, kind, what: "back-up kind"))
        case (nil, true, false): command = .acknowledgeBackup(unitID: unit)
        case (nil, false, true): command = .backupArrived(unitID: unit)
        default: throw UserError("say one of --kind police|ems, --acknowledge or --on-scene")
        }
        _ = try options.writer.record(command)
    }
}

struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "note", abstract: "Add a narrative note to a call.")

    @Argument(help: "Call id (C-0001).") var call: String
    @Argument(help: "The note.") var text: String
    @OptionGroup var options: ShiftWriteOptions

    func run() throws {
        _ = try options.writer.record(.addNote(callID: call, text: text))
    }
}

struct CloseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close", abstract: "Close a call with a disposition; a call with a follow-up in its decision queues one.",
        discussion: "Dispositions: \(Disposition.allCases.map(\.rawValue).joined(separator: ", ")).")

    @Argument(help: "Call id (C-0001).") var call: String
    @Option(name: .long, help: "How the call ended.") var disposition: String
    @Flag(name: .customLong("no-follow-up"), help: "The person declined follow-up.") var noFollowUp = false
    @OptionGroup var options: ShiftWriteOptions

    func run() throws {
        let parsed = try choice(Disposition.self, disposition, what: "disposition")
        let events = try options.writer.record(.close(callID: call, disposition: parsed, declineFollowUp: noFollowUp))
        for event in events {
            if case .callClosed(_, _, let followUpID?) = event.body { print("follow-up \(followUpID) queued (due within 48 h)") }
        }
    }
}

struct FollowUpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "follow-up", abstract: "Mark a follow-up (Durham: Care Navigation) contacted or closed.")

    @Argument(help: "Follow-up id (F-0001).") var followUp: String
    @Argument(help: "contacted or closed.") var status: String
    @OptionGroup var options: ShiftWriteOptions

    func run() throws {
        let parsed = try choice(FollowUpStatus.self, status, what: "follow-up status", allowed: [.contacted, .closed])
        _ = try options.writer.record(.setFollowUpStatus(followUpID: followUp, status: parsed))
    }
}

/// One of an enumeration's spelled-out values, typed loosely ("On Scene", "on-scene"), or a one-line error listing them.
func choice<E: CaseIterable & RawRepresentable & Equatable>(
    _ type: E.Type, _ text: String, what: String, allowed: [E] = Array(E.allCases)
) throws -> E where E.RawValue == String {
    let normalized = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "_" }).joined(separator: "-")
    guard let value = E(rawValue: normalized), allowed.contains(value) else {
        throw UserError("unknown \(what) '\(text)': use \(allowed.map(\.rawValue).joined(separator: ", "))")
    }
    return value
}

extension InterpreterNeed: ExpressibleByArgument {
    public init?(argument: String) { self.init(word: argument) }
    public static var allValueStrings: [String] { allCases.map(\.word) }
}
