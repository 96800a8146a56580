import Foundation

/// The figures a HEART program is run and judged by, for one shift at one moment: what waits now, units by
/// response, and for the shift so far and the last hour, calls by decision and by response sent, eligible calls
/// not served and why, back-up rate, time to dispatch and to scene — with the policy's targets.
///
/// One pass over the shift's calls, re-routing only calls the decision sent elsewhere to learn why (remembered
/// per call in ``PoliceDecisionReasons``): about 7 ms for 11,000 calls (docs/benchmarks.md), so the console works
/// it out when the journal or the minute changes, never per frame. docs/supervisor-guide.md says how each figure
/// is counted.
public struct ShiftFigures: Sendable, Hashable {
    /// The shift-clock moment the figures are for.
    public let at: Date
    public let pendingCalls: Int
    public let oldestPendingSince: Date?
    /// In-person and phone responses in policy order, with their units.
    public let units: [ResponseUnits]
    public let shift: PeriodFigures
    public let lastHour: PeriodFigures
    /// Open follow-ups before their first-contact target, and past it.
    public let followUpsDue: Int
    public let followUpsOverdue: Int
    /// Calls per hour from the shift's first hour to now, at most the last 24.
    public let callsPerHour: [HourlyCalls]
    /// The in-person HEART responses (every in-person response but the one that takes every call), in dispatch order.
    public let heartResponses: [String]
    public let targets: ProgramTargets

    public init(shift state: ShiftState, router: Router, at now: Date) {
        var cache = PoliceDecisionReasons()
        self.init(shift: state, router: router, at: now, reasons: &cache)
    }

    /// The figures, re-routing only calls `reasons` has not seen with their current facts: the console keeps one
    /// cache for the session, so a journal change costs a pass over the calls, not a re-route of each.
    public init(shift state: ShiftState, router: Router, at now: Date, reasons: inout PoliceDecisionReasons) {
        let policy = router.policy
        at = now
        targets = policy.targets
        let heart = Array(policy.dispatchPreference.dropLast())
        heartResponses = heart.map { policy[$0].id }
        let heartIDs = Set(heartResponses)
        let hourAgo = now - 3600

        var shiftFigures = PeriodFigures(), hourFigures = PeriodFigures()
        var shiftDispatch: [TimeInterval] = [], hourDispatch: [TimeInterval] = []
        var shiftScene: [TimeInterval] = [], hourScene: [TimeInterval] = []
        var pending = 0
        var oldest: Date?
        let firstHour = Self.hourStart(of: state.openedAt ?? state.calls.first?.receivedAt ?? now, zone: policy.timeZone)
        let chartStart = max(firstHour, Self.hourStart(of: now, zone: policy.timeZone) - 23 * 3600)
        // One bar an hour from the shift's first hour (at most a day back) to the current one, calls or not.
        let hourCount = chartStart <= now ? Int(now.timeIntervalSince(chartStart) / 3600) + 1 : 0
        var hours = (0..<hourCount).map { index in
            let start = chartStart + Double(index) * 3600
            return HourlyCalls(start: start, hour: policy.timeZone.localTime(at: start).hour)
        }

        for (index, call) in state.calls.enumerated() {
            if call.isPending {
                pending += 1
                oldest = min(oldest ?? call.pendingSince, call.pendingSince)
            }
            let decision = call.intake.triage.dispatch
            let sentHEART = call.firstSentResponse.map(heartIDs.contains) ?? false
            let reason = sentHEART ? nil : Self.unservedReason(call, index: index, decisionIsHEART: heartIDs.contains(decision), heart: heart,
                                                               router: router, reasons: &reasons)
            let inLastHour = call.receivedAt > hourAgo && call.receivedAt <= now
            func count(into figures: inout PeriodFigures) {
                figures.calls += 1
                figures.byDecision[decision, default: 0] += 1
                if let phone = call.intake.triage.phone { figures.byPhone[phone, default: 0] += 1 }
                figures.bySent[call.firstSentResponse ?? call.disposition?.handedOverTo ?? PeriodFigures.noUnit, default: 0] += 1
                if let reason { figures.unserved[reason, default: 0] += 1 }
                if sentHEART { figures.heartInPerson += 1 }
            }
            count(into: &shiftFigures)
            if inLastHour { count(into: &hourFigures) }
            if sentHEART, let sent = call.firstDispatchedAt {
                shiftDispatch.append(sent.timeIntervalSince(call.receivedAt))
                if inLastHour { hourDispatch.append(sent.timeIntervalSince(call.receivedAt)) }
                if let scene = call.firstOnSceneAt {
                    shiftScene.append(scene.timeIntervalSince(sent))
                    if inLastHour { hourScene.append(scene.timeIntervalSince(sent)) }
                }
            }
            if call.receivedAt >= chartStart && call.receivedAt <= now {
                hours[Int(call.receivedAt.timeIntervalSince(chartStart) / 3600)].byDecision[decision, default: 0] += 1
            }
        }
        for request in state.backupRequests where request.time <= now {
            shiftFigures.backupRequests += 1
            if request.time > hourAgo { hourFigures.backupRequests += 1 }
        }
        shiftFigures.timeToDispatch = DurationSummary(shiftDispatch)
        shiftFigures.dispatchToScene = DurationSummary(shiftScene)
        hourFigures.timeToDispatch = DurationSummary(hourDispatch)
        hourFigures.dispatchToScene = DurationSummary(hourScene)
        self.shift = shiftFigures
        lastHour = hourFigures
        pendingCalls = pending
        oldestPendingSince = oldest
        callsPerHour = hours

        var due = 0, overdue = 0
        for followUp in state.followUps where followUp.status == .open {
            if followUp.dueAt <= now { overdue += 1 } else { due += 1 }
        }
        followUpsDue = due
        followUpsOverdue = overdue
        units = Self.units(state, policy: policy, at: now)
    }

    /// Why a call a HEART team could have taken did not get one; nil when it did, could not, or still may.
    private static func unservedReason(_ call: CallRecord, index: Int, decisionIsHEART: Bool, heart: [Response.Index], router: Router,
                                       reasons: inout PoliceDecisionReasons) -> UnservedReason? {
        if decisionIsHEART {
            if call.firstSentResponse != nil { return .noUnitFree }
            guard let disposition = call.disposition else { return nil }  // still waiting: the "now" figures show it
            return disposition.handedOverTo != nil ? .handedOver : nil
        }
        return reasons.reason(forCallAt: index, revisions: call.retriages.count) {
            blockingReason(call, heart: heart, router: router)
        }
    }

    /// For a call the decision sent elsewhere: was it the hour, the area or a safety answer that kept the teams out?
    private static func blockingReason(_ call: CallRecord, heart: [Response.Index], router: Router) -> UnservedReason? {
        guard let decision = router.reroute(call.intake, at: call.receivedAt) else { return nil }
        for response in heart {
            let blockers = decision.verdicts[response.rawValue].blockers
            if blockers.contains(.callTypeNotCovered) || blockers.contains(.flagsNotReported) { continue }
            if blockers.contains(.flagsReported) { return .flag }
            if blockers.contains(.outsideArea) { return .outsideArea }
            if blockers.contains(.closed) { return .closed }
        }
        return nil
    }

    private static func units(_ state: ShiftState, policy: Policy, at now: Date) -> [ResponseUnits] {
        let local = policy.timeZone.localTime(at: now)
        var byResponse: [String: ResponseUnits] = [:]
        var order: [String] = []
        for response in policy.responses where response.kind != .followUp {
            let open = response.hours.isOpen(at: local)
            var opensNext: String?
            if !open, let next = response.hours.nextOpening(after: local) {
                let clock = ClockTime.format(next.minuteOfDay)
                opensNext = next.daysAhead == 0 ? clock : "\(next.weekday.shortName) \(clock)"
            }
            byResponse[response.id] = ResponseUnits(response: response.id, name: response.name, isOpenNow: open, opensNext: opensNext)
            order.append(response.id)
        }
        for unit in state.units {
            guard var entry = byResponse[unit.definition.response] else { continue }
            switch unit.status {
            case .available: entry.available += 1
            case .offDuty: entry.offDuty += 1
            case .outOfService: entry.outOfService += 1
            case .dispatched, .enRoute, .onScene, .transporting, .backupRequested: entry.committed += 1
            }
            byResponse[unit.definition.response] = entry
        }
        return order.compactMap { byResponse[$0] }.filter { $0.total > 0 }
    }

    /// The start of the local clock hour holding `date`.
    static func hourStart(of date: Date, zone: TimeZoneRules) -> Date {
        let local = zone.localTime(at: date)
        return date - Double(local.minute * 60 + local.second) - date.timeIntervalSince1970.truncatingRemainder(dividingBy: 1)
    }
}
