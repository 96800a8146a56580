/// A decision in words a call-taker reads in a second: "CRT: not eligible — weapon reported".
public struct Explanation: Sendable, Hashable {
    /// One response's verdict in words.
    public struct Line: Sendable, Hashable {
        /// Response id ("CRT").
        public let id: String
        public let name: String
        public let kind: Response.Kind
        public let isEligible: Bool
        /// Each reason starts with the response id, so it reads right wherever it is shown alone.
        public let reasons: [String]
    }

    public let dispatch: String
    public let phone: String?
    public let followUp: String?
    /// Lines in policy order.
    public let lines: [Line]

    /// Explains `decision`, which must have been made under `policy`.
    public init(_ decision: Decision, policy: Policy) {
        let words = Wording(policy: policy, decision: decision)
        dispatch = policy[decision.dispatch].id
        phone = decision.phone.map { policy[$0].id }
        followUp = decision.followUp.map { policy[$0].id }
        lines = decision.verdicts.map { verdict in
            let response = policy[verdict.response]
            return Line(id: response.id, name: response.name, kind: response.kind,
                        isEligible: verdict.isEligible, reasons: words.reasons(for: verdict))
        }
    }

    /// "Dispatch CRT · phone CCD · follow-up CN".
    public var headline: String {
        "Dispatch \(dispatch) · phone \(phone ?? "none") · follow-up \(followUp ?? "none")"
    }
}

/// The phrasing rules behind ``Explanation``.
private struct Wording {
    let policy: Policy
    let decision: Decision

    func reasons(for verdict: Verdict) -> [String] {
        let response = policy[verdict.response]
        let prefix = "\(response.id): "
        let callType = policy[decision.call.callType].name
        if verdict.isEligible {
            return [prefix + "eligible — " + eligibleDetail(response, callType: callType)]
        }
        var reasons: [String] = []
        let blockers = verdict.blockers
        if blockers.contains(.callTypeNotCovered) {
            reasons.append(prefix + "not eligible — \(callType) is not a \(response.id) call type")
        }
        if blockers.contains(.flagsReported) {
            reasons.append(prefix + "not eligible — \(labels(verdict.flags, joinedBy: "and")) reported")
        }
        if blockers.contains(.flagsNotReported) {
            reasons.append(prefix + "not eligible — \(callType) only with \(labels(verdict.flags, joinedBy: "or")) reported")
        }
        if blockers.contains(.noPriorResponse), case .followUp(let after) = response.eligibility {
            reasons.append(prefix + "not eligible — no \(list(after.map { policy[$0].id }, joinedBy: "or")) involvement")
        }
        if blockers.contains(.outsideArea) {
            if let beat = decision.call.beat {
                reasons.append(prefix + "beat \(policy[beat].id) is outside the service area")
            } else {
                reasons.append(prefix + "beat unknown — outside-area rules apply")
            }
        }
        if blockers.contains(.closed) {
            reasons.append(prefix + "closed — \(response.hours.summary), now \(decision.localTime.weekdayAndTime)")
        }
        return reasons
    }

    private func eligibleDetail(_ response: Response, callType: String) -> String {
        let place = response.area.isCitywide ? "citywide" : "beat \(decision.call.beat.map { policy[$0].id } ?? "?") in service area"
        let hours = response.hours.isAlways ? "" : ", open \(response.hours.summary)"
        switch response.eligibility {
        case .anyCall:
            return "takes every call"
        case .followUp(let after):
            let involved = after.filter { $0 == decision.dispatch || $0 == decision.phone }.map { policy[$0].id }
            return "follow-up after \(list(involved, joinedBy: "and")), \(place); worked \(response.hours.summary)"
        case .byCallType(let conditions):
            switch conditions[decision.call.callType.rawValue] {
            case .unlessAny(let excluded)?:
                return "\(callType), no \(labels(excluded, joinedBy: "or")) reported, \(place)\(hours)"
            case .onlyIfAny(let needed)?:
                let reported = needed.intersection(decision.call.flags)
                return "\(callType) with \(labels(reported, joinedBy: "and")) reported, \(place)\(hours)"
            case .always?, nil:
                return "\(callType), \(place)\(hours)"
            }
        }
    }

    private func labels(_ flags: SafetyFlagSet, joinedBy conjunction: String) -> String {
        list(flags.indices.map { policy.safetyFlags[$0].label }, joinedBy: conjunction)
    }

    /// "a", "a or b", "a, b or c".
    private func list(_ items: [String], joinedBy conjunction: String) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items.last!
    }
}
