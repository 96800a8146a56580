import Foundation
import HeartDeskCore

/// What happened in a shift and how well it went, from its journal alone: per call, per unit, and in sum.
///
/// Works on an exercise's journal (scored against the scenario's expectations) and on
/// a live shift's (a supervisor's end-of-shift review: times, mistakes, no score).
public struct AfterActionReport: Sendable {
    /// One unit's day: every stretch in one status.
    public struct UnitTimeline: Sendable, Hashable {
        public let unitID: String
        public let response: String
        public let intervals: [UnitStatusInterval]
    }

    /// A call an alternative response could have taken by its type, that none did, and why.
    public struct UnservedCall: Sendable, Hashable {
        public let callID: String
        public let callType: String
        public let why: String
    }

    /// A timed stage of a call, for the summary's median and 90th percentile.
    public enum Measure: String, Sendable, CaseIterable {
        case timeToTriage = "time to triage"
        case timeToDispatch = "time to dispatch"
        case dispatchToEnRoute = "dispatch → en route"
        case enRouteToOnScene = "en route → on scene"
        case onSceneToClear = "on scene → clear"
    }

    /// How an exercise went against its scenario.
    public struct Score: Sendable, Hashable {
        /// Calls the scenario said how to handle.
        public let scored: Int
        public let asExpected: Int
        public let mistakes: Int
        /// Set when the exercise was left before its scenario ended.
        public let earlyEnd: EarlyEnd?

        /// An exercise left early is never perfect: the calls it skipped were not handled.
        public var isPerfect: Bool { asExpected == scored && mistakes == 0 && earlyEnd == nil }
        /// "12 of 12 calls handled as expected · 0 mistakes · perfect", or with "· ended early …".
        public var summary: String {
            "\(asExpected) of \(scored) calls handled as expected · \(mistakes) mistake\(mistakes == 1 ? "" : "s")"
                + (earlyEnd.map { " · \($0.summary)" } ?? "") + (isPerfect ? " · perfect" : "")
        }
    }

    /// An exercise left before its scenario's end: when it stopped, when it should have, and what never rang.
    public struct EarlyEnd: Sendable, Hashable {
        /// Local clock times, "17:47" and "18:00".
        public let endedAt: String
        public let plannedEnd: String
        public let neverRang: Int
        public let scriptedCalls: Int

        /// "ended early at 17:47 (planned 18:00): 3 of 7 scripted calls never rang".
        public var summary: String {
            "ended early at \(endedAt) (planned \(plannedEnd))"
                + (neverRang > 0 ? ": \(neverRang) of \(scriptedCalls) scripted call\(scriptedCalls == 1 ? "" : "s") never rang" : "")
        }
    }

    public let policy: Policy
    /// Set when the journal is an exercise's.
    public let exercise: ExerciseInfo?
    /// The shift clock of the first and last events.
    public let start: Date
    public let end: Date
    public let calls: [CallReview]
    public let units: [UnitTimeline]
    public let backups: [BackupRequest]
    public let unserved: [UnservedCall]
    public let facilitatorNotes: [FacilitatorNote]
    /// Set when an exercise was left before its scenario's end.
    public let earlyEnd: EarlyEnd?
    /// The shift as the journal leaves it, for ``figures()``.
    private let finalState: ShiftState

    /// The report of the shift in `events`, read under `policy`.
    public init(events: [ShiftEvent], policy: Policy) {
        var analysis = ReportAnalysis(policy: policy)
        for event in events { analysis.apply(event) }
        let state = analysis.state
        self.policy = policy
        exercise = state.exercise
        start = events.first?.shiftTime ?? Date(timeIntervalSince1970: 0)
        end = state.lastShiftTime ?? start
        calls = analysis.reviews()
        let intervals = UnitStatusInterval.intervals(from: events)
        units = state.units.map { unit in
            UnitTimeline(unitID: unit.id, response: unit.definition.response, intervals: intervals.filter { $0.unitID == unit.id })
        }
        backups = state.backupRequests
        unserved = analysis.unserved()
        facilitatorNotes = state.facilitatorNotes
        finalState = state
        if let plan = state.exercise?.plan, end < plan.end {
            earlyEnd = EarlyEnd(endedAt: ReportFormat.clock(end, policy.timeZone), plannedEnd: ReportFormat.clock(plan.end, policy.timeZone),
                                neverRang: max(0, plan.scriptedCalls - state.incomingCalls.count), scriptedCalls: plan.scriptedCalls)
        } else {
            earlyEnd = nil
        }
    }

    /// "Routine weekday day shift (exercise)" or "Shift of 2026-11-23".
    public var title: String {
        if let exercise { return "\(exercise.title) (exercise)" }
        return "Shift of \(policy.timeZone.localTime(at: start).iso8601.prefix(10))"
    }

    /// Calls by their decision at triage, as the router last made it: where dispatch goes, who may phone, who follows up.
    ///
    /// Beside ``callsByResponse`` it shows decided against sent: a replayed day of history has decisions and no units.
    public var callsByDecision: DecisionCounts {
        let triages = finalState.calls.map(\.intake.triage)
        return (Self.ranked(triages.map(\.dispatch)), Self.ranked(triages.compactMap(\.phone)),
                Self.ranked(triages.compactMap(\.followUp)))
    }

    /// Calls per response id, busiest first, ties by id.
    public typealias ResponseCounts = [(response: String, calls: Int)]
    /// Calls by the response their decision names in each slot.
    public typealias DecisionCounts = (dispatch: ResponseCounts, phone: ResponseCounts, followUp: ResponseCounts)

    /// Each id with how often it appears, busiest first.
    private static func ranked(_ ids: [String]) -> ResponseCounts {
        Dictionary(ids.map { ($0, 1) }, uniquingKeysWith: +).sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { ($0.key, $0.value) }
    }

    /// Calls by the responses that handled them, busiest first; "none" for calls nobody handled. A call put
    /// through to its phone response (closed as transferred by phone) counts for that response.
    public var callsByResponse: ResponseCounts {
        Self.ranked(calls.flatMap { $0.sent.isEmpty ? ["none"] : $0.sent })
    }

    /// Median and 90th percentile of each measure over the calls that have it.
    public func statistics(_ measure: Measure) -> DurationStatistics? {
        DurationStatistics(calls.compactMap { call in
            switch measure {
            case .timeToTriage: return call.timeToTriage
            case .timeToDispatch: return call.timeToDispatch
            case .dispatchToEnRoute: return call.dispatchToEnRoute
            case .enRouteToOnScene: return call.enRouteToOnScene
            case .onSceneToClear: return call.onSceneToClear
            }
        })
    }

    /// The supervisor's figures at the journal's last event, counted as the live board counts them. Worked out on
    /// asking (a pass over every call, re-routing the police-decided ones): only the HTML page shows them.
    public func figures() -> ShiftFigures {
        ShiftFigures(shift: finalState, router: Router(policy: policy), at: end)
    }

    /// The exercise's score; nil for a live shift.
    public var score: Score? {
        guard exercise != nil else { return nil }
        let scored = calls.filter { $0.asExpected != nil }
        return Score(scored: scored.count, asExpected: scored.filter { $0.asExpected == true }.count,
                     mistakes: calls.reduce(0) { $0 + $1.mistakes.count }, earlyEnd: earlyEnd)
    }
}
