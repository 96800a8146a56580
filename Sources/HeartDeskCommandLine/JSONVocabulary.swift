import Foundation
import HeartDeskCore

/// The one set of JSON shapes every `--json` and `--format json` output uses: a call, a unit, a status interval
/// and an event have the same field names and types wherever they appear (`shift show`, `shift history`,
/// `journal show`, `journal export`). docs/schemas/ holds a JSON Schema for each; a test validates real output.
///
/// Times are local ISO 8601 in the policy's zone; counts and priorities are numbers; a missing value is `null`.
struct JSONVocabulary {
    let state: ShiftState
    let router: Router
    /// The moment live fields (`decisionNow`, `warnings`, `secondsInStatus`) are worked out at.
    let now: Date

    var policy: Policy { router.policy }

    func local(_ date: Date) -> String { policy.timeZone.localTime(at: date).iso8601 }

    /// A call: its facts, the decision recorded at triage and the live one, its units, its life and how it ended.
    func call(_ call: CallRecord) -> [String: Any] {
        let live = call.isOpen ? LiveDecision(for: call, router: router, at: now) : nil
        let decisionNow: Any = live.map { live -> [String: Any] in
            ["dispatch": live.dispatch, "phone": nullable(live.phone), "followUp": nullable(live.followUp),
             "changedFrom": nullable(live.changedFrom), "reasons": live.explanation.lines.flatMap(\.reasons)]
        } ?? NSNull()
        var object = facts(call.intake)
        object.merge([
            "id": call.id, "state": call.state.rawValue, "decisionNow": decisionNow,
            "warnings": state.warnings(for: call, router: router, at: now).map(\.text),
            "revisions": call.retriages.map { ["at": local($0.time), "by": $0.operatorName, "changes": $0.changes] as [String: Any] },
            "receivedAt": local(call.receivedAt),
            "notes": call.notes.map(\.text), "units": call.assignedUnits, "dispatchedUnits": call.dispatchedUnits,
            "overrides": call.overrides,
            "disposition": nullable(call.disposition?.rawValue),
            "followUpId": nullable(call.followUpID),
            "closedAt": nullable(call.closedAt.map(local)),
            "history": call.moments.map { ["at": local($0.time), "what": $0.text, "by": $0.operatorName] },
        ]) { $1 }
        return object
    }

    /// What a call-taker recorded about a call, and the decision it got: shared by a call and its `callReceived` event.
    func facts(_ intake: CallIntake) -> [String: Any] {
        [
            "callType": intake.callType, "code": nullable(policy.callType(named: intake.callType)?.code),
            "beat": nullable(intake.beat), "district": nullable(intake.beat.flatMap(policy.beat(id:))?.district),
            "flags": intake.flags, "answers": answers(yes: intake.flags, no: intake.flagsAnsweredNo), "priority": intake.priority,
            "location": intake.location, "caller": intake.callerName, "callback": intake.callback, "language": intake.language,
            "interpreter": intake.interpreter.word,
            "decision": decision(intake.triage),
        ]
    }

    /// A unit: who it is and what it is doing now.
    func unit(_ unit: UnitRecord) -> [String: Any] {
        ["id": unit.id, "response": unit.definition.response, "crew": unit.definition.crew.map(\.id),
         "languages": unit.definition.languages, "status": unit.status.rawValue, "since": local(unit.statusSince),
         "secondsInStatus": max(0, Int(now.timeIntervalSince(unit.statusSince))), "call": nullable(unit.callID)]
    }

    /// One stretch of a unit in one status.
    func interval(_ interval: UnitStatusInterval) -> [String: Any] {
        ["unit": interval.unitID, "status": interval.status.rawValue, "start": local(interval.start),
         "end": nullable(interval.end.map(local)), "call": nullable(interval.callID)]
    }

    /// One journal record: when, where and by whom, its kind, the summary line `journal show` prints, and the
    /// event's own fields under the names a call and a unit use.
    func event(_ event: ShiftEvent, record: Int) -> [String: Any] {
        var object: [String: Any] = [
            "record": record, "shiftTime": local(event.shiftTime), "wallTime": local(event.wallTime),
            "position": event.position, "operator": event.operatorName, "summary": event.body.summary,
        ]
        let (type, fields) = eventFields(event.body)
        object["type"] = type
        object.merge(fields) { $1 }
        return object
    }

    private func eventFields(_ body: ShiftEvent.Body) -> (String, [String: Any]) {
        switch body {
        case .shiftOpened(let policy, let units):
            let roster = units.map { ["id": $0.id, "response": $0.response, "crew": $0.crew.map(\.id), "languages": $0.languages] }
            return ("shiftOpened", ["policy": policy.name, "policyHash": policy.contentHash, "roster": roster])
        case .callReceived(let intake):
            return ("callReceived", facts(intake).merging(["call": intake.id]) { $1 })
        case .noteAdded(let callID, let text):
            return ("noteAdded", ["call": callID, "text": text])
        case .unitDispatched(let callID, let unitID, let overrideReason):
            return ("unitDispatched", ["call": callID, "unit": unitID, "overrideReason": nullable(overrideReason)])
        case .unitStatusChanged(let unitID, let status):
            return ("unitStatusChanged", ["unit": unitID, "status": status.rawValue])
        case .backupRequested(let unitID, let callID, let kind):
            return ("backupRequested", ["unit": unitID, "call": callID, "kind": kind.rawValue])
        case .callClosed(let callID, let disposition, let followUpID):
            return ("callClosed", ["call": callID, "disposition": disposition.rawValue, "followUpId": nullable(followUpID)])
        case .followUpStatusChanged(let followUpID, let status):
            return ("followUpStatusChanged", ["followUpId": followUpID, "status": status.rawValue])
        case .exerciseStarted(let title, let scenario, _):
            return ("exerciseStarted", ["title": title, "scenario": scenario])
        case .callOffered(let incoming):
            return ("callOffered", ["incomingId": incoming.id, "beat": nullable(incoming.beat), "location": incoming.location,
                                    "caller": incoming.callerName, "callback": incoming.callback, "language": incoming.language,
                                    "text": incoming.narrative])
        case .callAnswered(let incomingID, let callID):
            return ("callAnswered", ["incomingId": incomingID, "call": callID])
        case .callRetriaged(let callID, let flags, let triage):
            return ("callRetriaged", ["call": callID, "flags": flags, "decision": decision(triage)])
        case .callRevised(let callID, _, let facts, let triage, _):
            return ("callRevised", ["call": callID, "callType": facts.callType, "beat": nullable(facts.beat), "flags": facts.flags,
                                    "answers": answers(yes: facts.flags, no: facts.flagsAnsweredNo), "language": facts.language, "interpreter": facts.interpreter.word, "location": facts.location, "callback": facts.callback,
                                    "decision": decision(triage)])
        case .backupAcknowledged(let unitID, let callID):
            return ("backupAcknowledged", ["unit": unitID, "call": callID])
        case .backupArrived(let unitID, let callID):
            return ("backupArrived", ["unit": unitID, "call": callID])
        case .facilitatorNote(let text):
            return ("facilitatorNote", ["text": text])
        }
    }

    /// Each of the policy's safety questions: "yes", "no" or "not asked".
    private func answers(yes: [String], no: [String]) -> [String: String] {
        var answers: [String: String] = [:]
        for flag in policy.safetyFlags {
            answers[flag.id] = (yes.contains(flag.id) ? QuestionAnswer.yes : no.contains(flag.id) ? .no : .notAsked).rawValue
        }
        return answers
    }

    private func decision(_ t: TriageRecord) -> [String: Any] {
        ["dispatch": t.dispatch, "phone": nullable(t.phone), "followUp": nullable(t.followUp), "eligible": t.eligible, "reasons": t.reasons]
    }

    /// One compact, key-sorted JSON text, as every output prints it.
    static func text(_ object: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self)
    }
}

/// `value`, or JSON `null`.
private func nullable(_ value: String?) -> Any { value ?? NSNull() }
