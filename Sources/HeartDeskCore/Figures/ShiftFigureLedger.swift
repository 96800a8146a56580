import Foundation

/// The supervisor's figures kept beside the shift and brought up to date call by call.
///
/// Each call's part in the figures (``CallContribution``) is taken out and put back only when the call changed
/// since the ledger last looked (its summary's change number says so), so a refresh after one event costs one call,
/// not a pass over the shift. What depends on the clock alone — the last hour, what waits longest, the chart's
/// hours — is read from small indexes at the moment asked. docs/benchmarks.md has the figures.
public struct ShiftFigureLedger: Sendable {
    public let router: Router
    private var policy: Policy { router.policy }
    private let heart: [Response.Index]
    private let heartIDs: Set<String>

    /// The shift's event count when the ledger last caught up.
    private var seenEvents = 0
    /// Per call, in the shift's order.
    private var contributions: [CallContribution] = []
    /// Every call's counts: the shift so far.
    private var totals = PeriodFigures()
    private var timeToDispatch = SortedDurations()
    private var dispatchToScene = SortedDurations()
    /// Calls by in-person decision per local clock hour (keyed by the hour's start).
    private var hourly: [Date: [String: Int]] = [:]
    /// Call positions ordered by arrival, for the last hour and the hour in progress.
    private var byArrival: [(receivedAt: Date, index: Int)] = []
    /// Waiting calls and since when.
    private var waiting: [Int: Date] = [:]
    private var reasons = PoliceDecisionReasons()

    public init(router: Router) {
        self.router = router
        let heart = Array(router.policy.dispatchPreference.dropLast())
        self.heart = heart
        heartIDs = Set(heart.map { router.policy[$0].id })
    }

    /// Takes in every call that changed since the last catch-up; a shift that went backwards (another journal) starts over.
    public mutating func catchUp(with state: ShiftState) {
        if state.eventCount < seenEvents || state.calls.count < contributions.count { self = ShiftFigureLedger(router: router) }
        let summaries = state.callSummaries
        for index in summaries.indices where index >= contributions.count || summaries[index].changeNumber > seenEvents {
            let call = state.calls[index]
            let new = contribution(of: call, index: index)
            if index < contributions.count {
                take(contributions[index], index: index, sign: -1)
                contributions[index] = new
            } else {
                contributions.append(new)
                let position = firstArrival(after: call.receivedAt)
                byArrival.insert((call.receivedAt, index), at: position)
            }
            take(new, index: index, sign: 1)
        }
        seenEvents = state.eventCount
    }

    /// The figures at `now`, for `state` (the shift the ledger last caught up with).
    public func figures(for state: ShiftState, at now: Date) -> ShiftFigures {
        let hourAgo = now - 3600
        // The shift so far is every call recorded, even one stamped a little after `now` by a position whose clock runs
        // ahead; the last hour and the chart are windows of the clock.
        var shift = totals
        var lastHour = PeriodFigures()
        var hourDispatch: [TimeInterval] = [], hourScene: [TimeInterval] = []
        for entry in byArrival[firstArrival(after: hourAgo)...] where entry.receivedAt <= now {
            let call = contributions[entry.index]
            call.count(into: &lastHour, sign: 1)
            if let seconds = call.timeToDispatch { hourDispatch.append(seconds) }
            if let seconds = call.dispatchToScene { hourScene.append(seconds) }
        }
        for request in state.backupRequests.reversed() {
            if request.time <= now { shift.backupRequests += 1 }
            if request.time > hourAgo && request.time <= now { lastHour.backupRequests += 1 }
        }
        shift.timeToDispatch = timeToDispatch.summary
        shift.dispatchToScene = dispatchToScene.summary
        lastHour.timeToDispatch = DurationSummary(hourDispatch)
        lastHour.dispatchToScene = DurationSummary(hourScene)

        var due = 0, overdue = 0
        for followUp in state.followUps where followUp.status == .open {
            if followUp.dueAt <= now { overdue += 1 } else { due += 1 }
        }
        let chart = chartHours(state, at: now)
        let units = ShiftFigures.units(state, policy: policy, at: now)
        return ShiftFigures(
            at: now, pendingCalls: waiting.count, oldestPendingSince: waiting.values.min(), units: units,
            shift: shift, lastHour: lastHour, followUpsDue: due, followUpsOverdue: overdue, callsPerHour: chart,
            utilisation: utilisation(state, units: units, hours: chart, at: now),
            heartResponses: heart.map { policy[$0].id }, targets: policy.targets)
    }

    // MARK: Calls

    private mutating func contribution(of call: CallRecord, index: Int) -> CallContribution {
        let decision = call.intake.triage.dispatch
        let sentHEART = call.firstSentResponse.map(heartIDs.contains) ?? false
        var dispatch: TimeInterval?, scene: TimeInterval?
        if sentHEART, let sent = call.firstDispatchedAt {
            dispatch = sent.timeIntervalSince(call.receivedAt)
            scene = call.firstOnSceneAt.map { $0.timeIntervalSince(sent) }
        }
        return CallContribution(
            receivedAt: call.receivedAt, decision: decision, phone: call.intake.triage.phone,
            sent: call.responseServed ?? PeriodFigures.noUnit,
            unserved: sentHEART ? nil : unservedReason(call, index: index, decisionIsHEART: heartIDs.contains(decision)),
            heartInPerson: sentHEART, timeToDispatch: dispatch, dispatchToScene: scene,
            pendingSince: call.isPending ? call.pendingSince : nil)
    }

    private mutating func take(_ call: CallContribution, index: Int, sign: Int) {
        call.count(into: &totals, sign: sign)
        if let seconds = call.timeToDispatch { sign > 0 ? timeToDispatch.insert(seconds) : timeToDispatch.remove(seconds) }
        if let seconds = call.dispatchToScene { sign > 0 ? dispatchToScene.insert(seconds) : dispatchToScene.remove(seconds) }
        let hour = ShiftFigures.hourStart(of: call.receivedAt, zone: policy.timeZone)
        let count = hourly[hour, default: [:]][call.decision, default: 0] + sign
        hourly[hour, default: [:]][call.decision] = count == 0 ? nil : count
        if sign > 0, let since = call.pendingSince { waiting[index] = since } else if sign < 0 { waiting[index] = nil }
    }

    /// Why a call a HEART team could have taken did not get one; nil when it did, could not, or still may.
    private mutating func unservedReason(_ call: CallRecord, index: Int, decisionIsHEART: Bool) -> UnservedReason? {
        // Put through to the phone response: the program served it, by phone.
        if call.disposition?.servedByPhone(decision: call.intake.triage) != nil { return nil }
        if decisionIsHEART {
            if call.firstSentResponse != nil { return .noUnitFree }
            guard let disposition = call.disposition else { return nil }  // still waiting: the "now" figures show it
            return disposition.handedOverTo != nil ? .handedOver : nil
        }
        let router = router, heart = heart
        return reasons.reason(forCallAt: index, revisions: call.retriages.count) {
            Self.blockingReason(call, heart: heart, router: router)
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

    /// The position in ``byArrival`` of the first call received after `time`.
    private func firstArrival(after time: Date) -> Int {
        var low = 0, high = byArrival.count
        while low < high {
            let middle = (low + high) / 2
            if byArrival[middle].receivedAt <= time { low = middle + 1 } else { high = middle }
        }
        return low
    }

    // MARK: The chart's hours

    /// One bar an hour from the shift's first hour (at most a day back) to the current one, calls or not.
    private func chartHours(_ state: ShiftState, at now: Date) -> [HourlyCalls] {
        let zone = policy.timeZone
        let firstHour = ShiftFigures.hourStart(of: state.openedAt ?? state.calls.first?.receivedAt ?? now, zone: zone)
        let currentHour = ShiftFigures.hourStart(of: now, zone: zone)
        let chartStart = max(firstHour, currentHour - 23 * 3600)
        guard chartStart <= now else { return [] }
        var hours: [HourlyCalls] = []
        var start = chartStart
        while start <= now {
            var bar = HourlyCalls(start: start, hour: zone.localTime(at: start).hour)
            bar.byDecision = hourly[start] ?? [:]
            if start == currentHour {
                // The hour in progress counts only calls already received at `now`.
                for entry in byArrival[firstArrival(after: now)...] where entry.receivedAt < start + 3600 {
                    let decision = contributions[entry.index].decision
                    let count = bar.byDecision[decision, default: 0] - 1
                    bar.byDecision[decision] = count == 0 ? nil : count
                }
            }
            hours.append(bar)
            start += 3600
        }
        return hours
    }

    /// For each response with units, the share of on-duty unit time spent on calls in each of the chart's hours,
    /// counting the stretch every unit is in now up to `now`.
    private func utilisation(_ state: ShiftState, units: [ResponseUnits], hours: [HourlyCalls], at now: Date) -> [ResponseUtilisation] {
        units.map { entry in
            let responseUnits = state.units.filter { $0.definition.response == entry.response }
            let perHour = hours.map { hour -> Double? in
                let end = min(hour.start + 3600, now)
                var time = state.unitTime.time(of: entry.response, from: hour.start, to: hour.start + 3600)
                for unit in responseUnits {
                    let from = max(unit.statusSince, hour.start)
                    if end > from { time.add(end.timeIntervalSince(from), in: unit.status) }
                }
                return time.utilisation
            }
            let onDuty = entry.available + entry.committed + entry.outOfService
            return ResponseUtilisation(response: entry.response, perHour: perHour,
                                       now: onDuty > 0 ? Double(entry.committed) / Double(onDuty) : nil)
        }
    }
}
