import Foundation
import HeartDeskCore

/// A routing decision laid out for the terminal or as JSON.
struct RouteReport {
    let decision: Decision
    let policy: Policy
    let explanation: Explanation

    init(decision: Decision, policy: Policy) {
        self.decision = decision
        self.policy = policy
        self.explanation = Explanation(decision, policy: policy)
    }

    private var callType: CallType { policy[decision.call.callType] }
    private var beat: Beat? { decision.call.beat.map { policy[$0] } }

    /// A block a call-taker takes in at a glance: the three answers, then every reason.
    func text() -> String {
        let local = decision.localTime
        let flags = decision.call.flags.indices.map { policy.safetyFlags[$0].id }
        var out = "\(callType.name) (\(callType.code)) · beat \(beat?.id ?? "unknown")"
        if let beat { out += " (\(beat.district))" }
        if !flags.isEmpty { out += " · " + flags.joined(separator: ", ") }
        out += " · \(local.weekday.shortName) \(local.iso8601)\n"
        func slot(_ label: String, _ id: String?) -> String {
            let name = id.flatMap { policy.response(id: $0)?.name }.map { "  \($0)" } ?? ""
            return label.padding(toLength: 11, withPad: " ", startingAt: 0)
                + (id ?? "none").padding(toLength: 6, withPad: " ", startingAt: 0) + name + "\n"
        }
        out += slot("Dispatch", explanation.dispatch)
        out += slot("Phone", explanation.phone)
        out += slot("Follow-up", explanation.followUp)
        out += "\n"
        for line in explanation.lines {
            for reason in line.reasons {
                out += "  \(line.isEligible ? "✓" : "✗") \(reason)\n"
            }
        }
        return String(out.dropLast())
    }

    /// One JSON object: dispatch, phone, followUp and every response with its reasons.
    func json() throws -> String {
        let payload = Payload(
            callType: callType.name, beat: beat?.id, flags: decision.call.flags.indices.map { policy.safetyFlags[$0].id },
            at: decision.localTime.iso8601, policy: policy.name,
            dispatch: explanation.dispatch, phone: explanation.phone, followUp: explanation.followUp,
            responses: explanation.lines.map { .init(id: $0.id, name: $0.name, kind: $0.kind.rawValue, eligible: $0.isEligible, reasons: $0.reasons) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(payload), as: UTF8.self)
    }

    private struct Payload: Encodable {
        struct ResponseEntry: Encodable {
            let id: String
            let name: String
            let kind: String
            let eligible: Bool
            let reasons: [String]
        }

        let callType: String
        let beat: String?
        let flags: [String]
        let at: String
        let policy: String
        let dispatch: String
        let phone: String?
        let followUp: String?
        let responses: [ResponseEntry]

        enum CodingKeys: String, CodingKey {
            case callType, beat, flags, at, policy, dispatch, phone, followUp, responses
        }

        // Written out so that an absent phone or follow-up is an explicit null, not a missing key.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(callType, forKey: .callType)
            try container.encode(beat, forKey: .beat)
            try container.encode(flags, forKey: .flags)
            try container.encode(at, forKey: .at)
            try container.encode(policy, forKey: .policy)
            try container.encode(dispatch, forKey: .dispatch)
            try container.encode(phone, forKey: .phone)
            try container.encode(followUp, forKey: .followUp)
            try container.encode(responses, forKey: .responses)
        }
    }
}
