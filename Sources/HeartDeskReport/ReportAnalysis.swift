import Foundation
import HeartDeskCore

/// Replays a journal event by event, noting what the after-action report needs to know
/// about the moment each thing happened: which units were free, which flags were known.
struct ReportAnalysis {
    /// How long an unarmed unit may stay on a call after a weapon or violence is reported
    /// before that counts as a mistake: the time to pull it back or call police back-up.
    static let exposureGrace: TimeInterval = 120

    let policy: Policy
    let router: Router
    private(set) var state = ShiftState()
    private var trackers: [String: Tracker] = [:]
    private var exposures: [Exposure] = []

    /// What happened to one call, beyond what its record keeps.
    private struct Tracker {
        var firstDispatchAt: Date?
        var enRouteAt: Date?
        var onSceneAt: Date?
        var handedOverAt: Date?
        var mistakes: [String] = []
        var remarks: [String] = []
    }

    /// An unarmed unit on a call after a reported flag ruled its response out.
    private struct Exposure {
        let unitID: String
        let callID: String
        let since: Date
        let flags: [String]
        var endedAt: Date?
    }

    init(policy: Policy) {
        self.policy = policy
        router = Router(policy: policy)
    }

    mutating func apply(_ event: ShiftEvent) {
        let before = state
        state.apply(event)
        let time = event.shiftTime
        switch event.body {
        case .callReceived(let intake):
            trackers[intake.id] = Tracker()
        case .unitDispatched(let callID, let unitID, let overrideReason):
            reviewDispatch(callID: callID, unitID: unitID, overrideReason: overrideReason, at: time)
        case .unitStatusChanged(let unitID, let status):
            guard let callID = before.unit(unitID)?.callID else { break }
            if status == .enRoute, trackers[callID]?.enRouteAt == nil { trackers[callID]?.enRouteAt = time }
            if status == .onScene || status == .transporting, trackers[callID]?.onSceneAt == nil { trackers[callID]?.onSceneAt = time }
            if !status.needsCall { endExposure(unitID: unitID, callID: callID, at: time) }
        case .backupRequested(let unitID, let callID, let kind):
            remark(callID, "\(unitID) asked for \(kind == .ems ? "EMS" : "police") back-up at \(clock(time))")
            if kind == .police { endExposure(unitID: unitID, callID: callID, at: time) }
        case .callRetriaged(let callID, _, let triage), .callRevised(let callID, _, _, let triage, _):
            guard let call = state.call(callID), let flags = call.retriages.last?.flags else { break }
            let added = flags.filter { !(call.retriages.last?.previousFlags ?? []).contains($0) }
            remark(callID, "\(labels(added)) reported at \(clock(time)): decision now \(triage.dispatch)")
            for unitID in call.assignedUnits {
                guard let unit = state.unit(unitID), isUnarmed(unit), !triage.eligible.contains(unit.definition.response),
                      !exposures.contains(where: { $0.unitID == unitID && $0.callID == callID && $0.endedAt == nil }) else { continue }
                exposures.append(Exposure(unitID: unitID, callID: callID, since: time, flags: added))
            }
        case .callClosed(let callID, let disposition, _):
            guard let call = before.call(callID) else { break }
            for unitID in call.assignedUnits { endExposure(unitID: unitID, callID: callID, at: time) }
            if disposition.handedOverTo != nil {
                trackers[callID]?.handedOverAt = time
                reviewHandOver(call, at: time)
            }
        default:
            break
        }
    }

    // MARK: Judging moments

    private mutating func reviewDispatch(callID: String, unitID: String, overrideReason: String?, at time: Date) {
        guard let call = state.call(callID), let unit = state.unit(unitID) else { return }
        let response = unit.definition.response
        if trackers[callID]?.firstDispatchAt == nil { trackers[callID]?.firstDispatchAt = time }
        if let overrideReason { remark(callID, "\(unitID) sent against the decision: \(overrideReason)") }
        if !call.intake.flags.isEmpty, isUnarmed(unit), !call.intake.triage.eligible.contains(response) {
            mistake(callID, 
                "\(unitID) (no officer on the crew) sent at \(clock(time)) after \(labels(call.intake.flags)) had been reported")
        } else if call.intake.triage.eligible.contains(response), let line = line(for: response, call: call, at: time),
                  !line.isEligible {
            mistake(callID, "\(unitID) sent at \(clock(time)), when \(line.reasons.joined(separator: "; "))")
        }
    }

    /// A call handed to police or EMS: fine if no alternative unit could take it then.
    private mutating func reviewHandOver(_ call: CallRecord, at time: Date) {
        guard call.dispatchedUnits.isEmpty else { return }
        let takers = call.intake.triage.eligible.filter { id in
            policy.response(id: id)?.isAlternative == true && state.units.contains { $0.definition.response == id }
        }
        let free = state.units.filter { takers.contains($0.definition.response) && $0.status == .available }
        guard let open = takers.first(where: { line(for: $0, call: call, at: time)?.isEligible == true }) else { return }
        let freeNow = free.filter { $0.definition.response == open }
        if !freeNow.isEmpty {
            mistake(call.id, "Handed over at \(clock(time)) while \(freeNow.map(\.id).joined(separator: ", ")) "
                                               + "(\(open)) \(freeNow.count == 1 ? "was" : "were") free to take it")
        }
    }

    private mutating func endExposure(unitID: String, callID: String, at time: Date) {
        for i in exposures.indices where exposures[i].unitID == unitID && exposures[i].callID == callID && exposures[i].endedAt == nil {
            exposures[i].endedAt = time
        }
    }

    private mutating func remark(_ callID: String, _ text: String) { trackers[callID]?.remarks.append(text) }
    private mutating func mistake(_ callID: String, _ text: String) { trackers[callID]?.mistakes.append(text) }

    // MARK: Results

    func reviews() -> [CallReview] {
        let end = state.lastShiftTime ?? Date(timeIntervalSince1970: 0)
        var reviews: [CallReview] = []
        for call in state.calls {
            let tracker = trackers[call.id] ?? Tracker()
            var mistakes = tracker.mistakes
            for exposure in exposures where exposure.callID == call.id {
                let until = exposure.endedAt ?? end
                guard until.timeIntervalSince(exposure.since) > Self.exposureGrace else { continue }
                let minutes = Int(until.timeIntervalSince(exposure.since) / 60)
                mistakes.append("\(exposure.unitID) (no officer on the crew) stayed on the call \(minutes) min after "
                                + "\(labels(exposure.flags)) was reported at \(clock(exposure.since)), with no police back-up")
            }
            let incoming = call.incomingID.flatMap(state.incomingCall)
            let sent = sentResponses(call)
            let followUp = call.followUpID.flatMap(state.followUp)?.response
            var asExpected: Bool?
            if let expected = incoming?.call.expected, !expected.isEmpty {
                let verdict = judge(expected, call: call, sent: sent, followUp: followUp)
                asExpected = verdict.isEmpty
                mistakes += verdict
            }
            var review = CallReview(
                id: call.id, incomingID: call.incomingID, callType: call.intake.callType, beat: call.intake.beat,
                priority: call.intake.priority, location: call.intake.location, flags: call.intake.flags, arrivedAt: incoming?.offeredAt ?? call.receivedAt, triagedAt: call.receivedAt,
                firstDispatchAt: tracker.firstDispatchAt, enRouteAt: tracker.enRouteAt, onSceneAt: tracker.onSceneAt,
                closedAt: call.isOpen ? nil : call.stateSince, disposition: call.disposition, units: call.dispatchedUnits,
                sent: sent, unitResponses: call.dispatchedUnits.map { state.unit($0)?.definition.response ?? "?" },
                followUp: followUp, expected: incoming?.call.expected, asExpected: asExpected,
                mistakes: mistakes, remarks: tracker.remarks)
            review.interpreter = call.intake.interpreter
            reviews.append(review)
        }
        for ringing in state.incomingCalls where ringing.isRinging {
            let expected = ringing.call.expected
            reviews.append(CallReview(
                id: ringing.id, incomingID: ringing.id, callType: expected.callType ?? "?", beat: ringing.call.beat,
                priority: nil, location: ringing.call.location, flags: [],
                arrivedAt: ringing.offeredAt, triagedAt: nil, firstDispatchAt: nil, enRouteAt: nil, onSceneAt: nil, closedAt: nil,
                disposition: nil, units: [], sent: [], unitResponses: [], followUp: nil, expected: expected,
                asExpected: expected.isEmpty ? nil : false,
                mistakes: ["Never answered: it rang at \(clock(ringing.offeredAt)) and was still ringing at \(clock(end))"],
                remarks: []))
        }
        return reviews
    }

    /// Calls an alternative response takes by type that none handled, and why.
    func unserved() -> [AfterActionReport.UnservedCall] {
        state.calls.compactMap { call in
            guard !sentResponses(call).contains(where: { policy.response(id: $0)?.isAlternative == true }),
                  let decision = route(call, flags: call.retriages.first?.previousFlags ?? call.intake.flags,
                                       at: call.receivedAt) else { return nil }
            let byType = decision.verdicts.filter { verdict in
                policy[verdict.response].isAlternative
                    && verdict.blockers.intersection([.callTypeNotCovered, .flagsNotReported]).isEmpty
            }
            guard !byType.isEmpty else { return nil }
            let ids = byType.map { policy[$0.response].id }
            let explanation = Explanation(decision, policy: policy)
            var why = explanation.lines.filter { ids.contains($0.id) && !$0.isEligible }.flatMap(\.reasons)
            let couldTake = explanation.lines.filter { ids.contains($0.id) && $0.isEligible }.map(\.id)
            if !couldTake.isEmpty {
                let takers = couldTake.joined(separator: " or ")
                if let mistake = trackers[call.id]?.mistakes.first(where: { $0.hasPrefix("Handed over") }) {
                    why.append(mistake)
                } else if call.isOpen {
                    why.append("\(takers) eligible, still waiting for a unit when the journal ends")
                } else {
                    why.append("\(takers) eligible, but no unit was free before it was \(call.disposition?.rawValue ?? "closed") "
                               + "at \(clock(call.stateSince))")
                }
            }
            return AfterActionReport.UnservedCall(callID: call.id, callType: call.intake.callType, why: why.joined(separator: "; "))
        }
    }

    // MARK: Helpers

    /// What the call's handling is checked against: who went, who phoned, who follows up.
    private func judge(_ expected: ExpectedHandling, call: CallRecord, sent: [String], followUp: String?) -> [String] {
        var faults: [String] = []
        if let type = expected.callType, type != call.intake.callType {
            faults.append("Triaged as \(call.intake.callType); the caller described \(type)")
        }
        let wanted = [expected.dispatch, expected.phone].compactMap { $0 }
        // Durham's traditional response is "Police / Fire / EMS": a hand-over to EMS or fire is that response.
        let handedOver = Set(Disposition.allCases.compactMap(\.handedOverTo))
        let sentAsPolicy = Set(sent.map { handedOver.contains($0) && policy.response(id: $0) == nil ? traditionalResponse : $0 })
        if !wanted.isEmpty, Set(wanted) != sentAsPolicy {
            let went = sent.isEmpty ? (call.isOpen ? "nobody yet (still open)" : "nobody") : sent.joined(separator: " and ")
            faults.append("Expected \(wanted.joined(separator: " and ")); sent \(went)")
        }
        // A follow-up is queued when the call closes: an open call has not had its chance yet.
        if let expectedFollowUp = expected.followUp, !call.isOpen, followUp != expectedFollowUp {
            faults.append("Expected a \(expectedFollowUp) follow-up; " + (followUp.map { "queued \($0)" } ?? "none was queued"))
        }
        return faults
    }

    /// The responses that handled a call: its units' responses, then the service it was handed to, if any
    /// (a police hand-over is named by the policy's traditional response, "POLICE" in Durham; EMS and fire by name).
    private func sentResponses(_ call: CallRecord) -> [String] {
        var sent: [String] = []
        for unitID in call.dispatchedUnits {
            guard let response = state.unit(unitID)?.definition.response, !sent.contains(response) else { continue }
            sent.append(response)
        }
        if let phone = call.disposition?.servedByPhone(decision: call.intake.triage), !sent.contains(phone) {
            sent.append(phone)
        }
        if let disposition = call.disposition, disposition.handedOverTo != nil {
            let handedTo = disposition == .handedToPolice ? traditionalResponse : disposition.handedOverTo ?? traditionalResponse
            if !sent.contains(handedTo) { sent.append(handedTo) }
        }
        return sent
    }

    /// The policy's traditional in-person response, which a scenario names for calls that go to police, fire or EMS.
    private var traditionalResponse: String {
        policy.responses.first { !$0.isAlternative && $0.kind == .inPerson }?.id ?? "POLICE"
    }

    private func isUnarmed(_ unit: UnitRecord) -> Bool { !unit.definition.crew.contains(where: \.isSworn) }

    private func route(_ call: CallRecord, flags: [String], at time: Date) -> Decision? {
        router.reroute(call.intake, flags: flags, at: time)
    }

    /// The verdict in words for `response` on `call`'s facts now.
    private func line(for response: String, call: CallRecord, at time: Date) -> Explanation.Line? {
        guard let decision = route(call, flags: call.intake.flags, at: time) else { return nil }
        return Explanation(decision, policy: policy).lines.first { $0.id == response }
    }

    private func clock(_ date: Date) -> String { ReportFormat.clock(date, policy.timeZone) }

    private func labels(_ flags: [String]) -> String {
        let words = flags.map { id in policy.safetyFlag(id: id)?.label ?? id }
        return words.isEmpty ? "nothing new" : words.joined(separator: " and ")
    }
}
