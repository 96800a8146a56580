import ArgumentParser
import Foundation
import HeartDeskCore

/// The options that describe a call to route: type, beat, time and safety answers.
struct CallFactsOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Call type: name, code or alias (e.g. \"Mental Health Crisis\", MHC).",
                                            valueName: "name"))
    var type: String

    @Option(name: .long, help: ArgumentHelp("Police beat of the call (e.g. 111).", valueName: "beat"))
    var beat: String

    @Option(name: .long, help: ArgumentHelp(
        "When: ISO 8601 with offset or Z, or without one in the policy's local time (default: now).",
        valueName: "time"))
    var at: String?

    @Flag(name: .long, help: "Someone has a weapon.")
    var weapon = false

    @Flag(name: .long, help: "Someone is physically violent toward others.")
    var violent = false

    @Flag(name: .customLong("elevated-risk"), help: "There is an increased risk of violence.")
    var elevatedRisk = false

    @Option(name: .customLong("flag"), help: ArgumentHelp("Any other safety flag the policy defines, by id (repeatable).",
                                                          valueName: "id"))
    var otherFlags: [String] = []

    /// Every safety flag id given, the named switches first.
    var flagIDs: [String] {
        var ids: [String] = []
        if weapon { ids.append("weapon") }
        if violent { ids.append("violent") }
        if elevatedRisk { ids.append("elevated-risk") }
        return ids + otherFlags
    }

    /// The call's facts under `policy`, or a one-line error naming what was not understood.
    func facts(in policy: Policy) throws -> CallFacts {
        guard let callType = policy.callType(named: type) else {
            let close = policy.callTypeSuggestions(for: type)
            let hint = close.isEmpty ? "; `heartdesk route --help` shows how to name one" : "; did you mean \(close.joined(separator: ", "))?"
            throw UserError("unknown call type '\(type)'\(hint)")
        }
        guard let beat = policy.beat(id: beat) else {
            throw UserError("unknown beat '\(self.beat)': \(policy.name) has beats \(policy.beats.map(\.id).joined(separator: " "))")
        }
        var flags = SafetyFlagSet()
        for id in flagIDs {
            guard let flag = policy.safetyFlag(id: id) else {
                let known = policy.safetyFlags.map(\.id).joined(separator: ", ")
                throw UserError("safety flag '\(id)' is not in policy \(policy.name) (it has: \(known.isEmpty ? "none" : known))")
            }
            flags.insert(SafetyFlagSet(index: flag.index))
        }
        return CallFacts(callType: callType.index, beat: beat.index, flags: flags)
    }

    /// The instant to route at; `now` is asked only when `--at` is absent.
    func instant(in policy: Policy, now: () -> Date) throws -> Date {
        guard let at else { return now() }
        do {
            return try InstantParser.parse(at, zone: policy.timeZone)
        } catch {
            throw UserError("--at: \(error)")
        }
    }
}
