import Foundation

/// The figures a HEART program is run and judged by, for one shift at one moment: what waits now, units by
/// response, and for the shift so far and the last hour, calls by decision and by response sent, eligible calls
/// not served and why, back-up rate, time to dispatch and to scene — with the policy's targets.
///
/// Worked out by a ``ShiftFigureLedger`` kept beside the shift, which takes in only the calls that changed; the
/// console asks for them when the journal or the minute changes, never per frame. docs/supervisor-guide.md says
/// how each figure is counted.
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
    /// Units' share of on-duty time on calls per hour, per response with units, in the order of ``units``.
    public let utilisation: [ResponseUtilisation]
    /// The in-person HEART responses (every in-person response but the one that takes every call), in dispatch order.
    public let heartResponses: [String]
    public let targets: ProgramTargets

    /// The figures for `state` at `now`, worked out from scratch (the after-action report's way). The console keeps a
    /// ``ShiftFigureLedger`` instead, so a refresh takes in only what changed.
    public init(shift state: ShiftState, router: Router, at now: Date) {
        var ledger = ShiftFigureLedger(router: router)
        ledger.catchUp(with: state)
        self = ledger.figures(for: state, at: now)
    }

    init(at: Date, pendingCalls: Int, oldestPendingSince: Date?, units: [ResponseUnits], shift: PeriodFigures, lastHour: PeriodFigures,
         followUpsDue: Int, followUpsOverdue: Int, callsPerHour: [HourlyCalls], utilisation: [ResponseUtilisation],
         heartResponses: [String], targets: ProgramTargets) {
        self.at = at
        self.pendingCalls = pendingCalls
        self.oldestPendingSince = oldestPendingSince
        self.units = units
        self.shift = shift
        self.lastHour = lastHour
        self.followUpsDue = followUpsDue
        self.followUpsOverdue = followUpsOverdue
        self.callsPerHour = callsPerHour
        self.utilisation = utilisation
        self.heartResponses = heartResponses
        self.targets = targets
    }

    static func units(_ state: ShiftState, policy: Policy, at now: Date) -> [ResponseUnits] {
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
