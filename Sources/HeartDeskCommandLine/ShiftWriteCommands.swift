import ArgumentParser
import Foundation
import HeartDeskCore
import HeartDeskJournal

struct NewCallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "new-call", abstract: "Take a call: route it, record it, print its id.")

    @OptionGroup var call: CallFactsOptions
    @Option(name: .long, help: "Narrative note.") var note = ""
    @Option(name: .long, help: "Where the caller is (address, landmark).") var location = ""
    @Option(name: .long, help: "Caller's name.") var caller = ""
    @Option(name: .long, help: "Callback number.") var callback = ""
    @Option(name: .long, help: "Caller's language when an interpreter is needed.") var language = ""
    @Option(name: .long, help: "1 (most urgent) to 3 (default: 1 with a safety flag, else 2).") var priority: Int?
    @OptionGroup var options: ShiftWriteOptions

    func run() throws {
        let shiftTime = try reportingErrors("shift new-call") { () throws -> Date? in
            guard call.at != nil else { return nil }
            return try call.instant(in: try options.policyOption.load(), now: Date.init)
        }
        let entry = NewCall(callType: call.type, beat: call.beat, flags: call.flagIDs, location: location, callerName: caller,
                            callback: callback, language: language, priority: priority, note: note)
        let events = try options.writer.record(.newCall(entry), shiftTime: shiftTime, commandName: "shift new-call")
        for event in events { if case .callReceived(let intake) = event.body { print(intake.id) } }
    }
}

struct DispatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dispatch", abstract: "Assign a unit to a call.")

    @Argument(help: "Call id (C-0001).") var call: String
    @Argument(help: "Unit id (CRT-1).") var unit: String
    @Option(name: .long, help: "Why a unit of a response the call is not eligible for is sent anyway.") var override: String?
    @OptionGroup var options: ShiftWriteOptions

    func run() throws {
        _ = try options.writer.record(.dispatch(callID: call, unitID: unit, overrideReason: override), commandName: "shift dispatch")
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
        let parsed = try reportingErrors("shift status") { try choice(UnitStatus.self, status, what: "status") }
        _ = try options.writer.record(.setStatus(unitID: unit, status: parsed), commandName: "shift status")
    }
}

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "backup", abstract: "Record a unit's request for police or EMS back-up.")

    @Argument(help: "Unit id (CRT-1).") var unit: String
    @Option(name: .long, help: "police or ems.") var kind: String
    @OptionGroup var options: ShiftWriteOptions

    func run() throws {
        let parsed = try reportingErrors("shift backup") { try choice(BackupKind.self, kind, what: "back-up kind") }
        _ = try options.writer.record(.requestBackup(unitID: unit, kind: parsed), commandName: "shift backup")
    }
}

struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "note", abstract: "Add a narrative note to a call.")

    @Argument(help: "Call id (C-0001).") var call: String
    @Argument(help: "The note.") var text: String
    @OptionGroup var options: ShiftWriteOptions

    func run() throws {
        _ = try options.writer.record(.addNote(callID: call, text: text), commandName: "shift note")
    }
}

struct CloseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close", abstract: "Close a call with a disposition; a HEART call queues a Care Navigation follow-up.",
        discussion: "Dispositions: \(Disposition.allCases.map(\.rawValue).joined(separator: ", ")).")

    @Argument(help: "Call id (C-0001).") var call: String
    @Option(name: .long, help: "How the call ended.") var disposition: String
    @Flag(name: .customLong("no-follow-up"), help: "The person declined follow-up.") var noFollowUp = false
    @OptionGroup var options: ShiftWriteOptions

    func run() throws {
        let parsed = try reportingErrors("shift close") { try choice(Disposition.self, disposition, what: "disposition") }
        let events = try options.writer.record(.close(callID: call, disposition: parsed, declineFollowUp: noFollowUp), commandName: "shift close")
        for event in events {
            if case .callClosed(_, _, let followUpID?) = event.body { print("follow-up \(followUpID) queued (due within 48 h)") }
        }
    }
}

struct FollowUpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "follow-up", abstract: "Mark a Care Navigation follow-up contacted or closed.")

    @Argument(help: "Follow-up id (F-0001).") var followUp: String
    @Argument(help: "contacted or closed.") var status: String
    @OptionGroup var options: ShiftWriteOptions

    func run() throws {
        let parsed = try reportingErrors("shift follow-up") {
            try choice(FollowUpStatus.self, status, what: "follow-up status", allowed: [.contacted, .closed])
        }
        _ = try options.writer.record(.setFollowUpStatus(followUpID: followUp, status: parsed), commandName: "shift follow-up")
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
