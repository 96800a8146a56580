import Foundation
import HeartDeskCore

/// One call as the after-action report reviews it: its times, who went, what was expected, what went wrong.
public struct CallReview: Sendable, Hashable {
    /// "C-0004", or the ringing call's id when it was never answered.
    public let id: String
    /// The scenario's id for it, in an exercise.
    public let incomingID: String?
    public let callType: String
    public let beat: String?
    /// On the policy's scale (Durham: 1 most urgent to 3); nil for a call that rang and was never answered.
    public let priority: Int?
    /// Where the caller is, as recorded (or as the caller gave it, for a call never answered).
    public let location: String
    /// Safety flags as they stood at the end.
    public let flags: [String]
    /// Whether the caller needed an interpreter, as it stood at the end.
    public var interpreter: InterpreterNeed = .notNeeded
    /// When it rang (exercise) or was recorded (live).
    public let arrivedAt: Date
    /// When it was triaged; nil if never answered.
    public let triagedAt: Date?
    public let firstDispatchAt: Date?
    public let enRouteAt: Date?
    public let onSceneAt: Date?
    /// When it was closed; nil while open.
    public let closedAt: Date?
    public let disposition: Disposition?
    /// Units dispatched to it, in order.
    public let units: [String]
    /// Responses that handled it: the units' responses, and the traditional one if it was handed over ("POLICE").
    public let sent: [String]
    /// The responses of `units`, in the same order.
    public let unitResponses: [String]
    public let followUp: String?
    /// What the scenario expected; nil for a live call.
    public let expected: ExpectedHandling?
    /// Whether what happened matched `expected`; nil when nothing was expected.
    public let asExpected: Bool?
    /// What went wrong, each in one sentence.
    public let mistakes: [String]
    /// Worth knowing, not wrong: overrides, re-triage, back-up.
    public let remarks: [String]

    /// Rang → triaged (exercises only: a live call is triaged as it is recorded).
    public var timeToTriage: TimeInterval? { incomingID == nil ? nil : triagedAt.map { $0.timeIntervalSince(arrivedAt) } }
    /// Arrived → first unit dispatched.
    public var timeToDispatch: TimeInterval? { firstDispatchAt.map { $0.timeIntervalSince(arrivedAt) } }
    public var dispatchToEnRoute: TimeInterval? { interval(firstDispatchAt, enRouteAt) }
    public var enRouteToOnScene: TimeInterval? { interval(enRouteAt, onSceneAt) }
    /// On scene → the call closed.
    public var onSceneToClear: TimeInterval? { interval(onSceneAt, closedAt) }

    private func interval(_ from: Date?, _ to: Date?) -> TimeInterval? {
        guard let from, let to, to >= from else { return nil }
        return to.timeIntervalSince(from)
    }
}
