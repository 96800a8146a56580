import Foundation

/// Which unit to send to a call, and why: the pick first, the other units after it.
///
/// The pick is available, works for the response the live decision sends now, and is the
/// nearest by beat-centroid distance, a crew speaking the caller's language winning over
/// distance. When no unit can be picked, `reason` says why (none on the roster, none on
/// shift, all busy), naming the units, as Resgrid does for an unfilled need.
public struct UnitRecommendation: Sendable {
    /// One unit as the dispatch picker lists it.
    public struct Candidate: Sendable, Hashable {
        public let unit: UnitRecord
        /// Kilometres from the unit's last known beat to the call's beat; nil when either is unknown.
        public let distanceKm: Double?
        /// The crew speaks the language the caller needs.
        public let speaksLanguage: Bool
        /// Why sending this unit needs an override reason now (``DispatchGuard``); nil when it fits the live decision.
        public let overrideNeeded: String?

        /// The unit fits the live decision: sending it needs no override.
        public var isEligible: Bool { overrideNeeded == nil }

        public var isAvailable: Bool { unit.status == .available }
    }

    /// Response the pick was looked for in ("CRT"); nil when the decision is served outside HeartDesk.
    public let wanted: String?
    /// Every unit that could be sent now or later: the pick first, then by preference.
    public let candidates: [Candidate]
    /// The recommended unit, if there is one.
    public let pick: Candidate?
    /// One line: why the pick was chosen, or why no unit can be.
    public let reason: String

    /// The decision the recommendation follows: the router's for the call's facts now.
    public let live: LiveDecision?

    /// Recommends a unit for `call` from the units of `state`, by the live decision at `time`.
    ///
    /// - Complexity: O(u log u) for u units on the roster.
    public init(for call: CallRecord, in state: ShiftState, router: Router, at time: Date) {
        let policy = router.policy
        let live = LiveDecision(for: call, router: router, at: time)
        let callBeat = call.intake.beat.flatMap(policy.beat(id:))
        let language = call.intake.wantedLanguage.lowercased()

        let candidates = state.units.filter { $0.status != .offDuty }.map { unit -> Candidate in
            let unitBeat = unit.lastBeat.flatMap(policy.beat(id:))
            let distance = callBeat.flatMap { to in unitBeat.map { $0.centroid.distanceKm(to: to.centroid) } }
            let speaks = !language.isEmpty && unit.definition.languages.contains { $0.lowercased().hasPrefix(language) }
            let check = DispatchGuard.assess(call, unit: unit, in: state, router: router, at: time, live: live)
            return Candidate(unit: unit, distanceKm: distance, speaksLanguage: speaks, overrideNeeded: check.overrideNeeded)
        }
        let rosterResponses = Set(state.units.map(\.definition.response))
        let dispatch = live?.dispatch ?? call.intake.triage.dispatch
        // The in-person decision when the roster has units for it, else the phone response (police is dispatched elsewhere).
        let wanted = [dispatch, live?.phone].compactMap { $0 }.first { rosterResponses.contains($0) }
        let ranked = candidates.sorted { Self.prefer($0, over: $1, wanted: wanted) }
        let pick = ranked.first { $0.isAvailable && $0.isEligible && $0.unit.definition.response == wanted }

        self.live = live
        self.wanted = wanted
        self.candidates = ranked
        self.pick = pick
        self.reason = Self.reason(pick: pick, candidates: ranked, wanted: wanted, dispatch: dispatch, call: call, state: state, language: language,
                                  live: live, interpreterLine: policy.interpreterLine)
    }

    /// Available before busy, the wanted response before others, eligible before overrides, language, then distance.
    private static func prefer(_ a: Candidate, over b: Candidate, wanted: String?) -> Bool {
        func key(_ c: Candidate) -> (Int, Int, Int, Int, Double, String) {
            (c.isAvailable ? 0 : 1, c.unit.definition.response == wanted ? 0 : 1, c.isEligible ? 0 : 1,
             c.speaksLanguage ? 0 : 1, c.distanceKm ?? .infinity, c.unit.id)
        }
        return key(a) < key(b)
    }

    private static func reason(pick: Candidate?, candidates: [Candidate], wanted: String?, dispatch: String, call: CallRecord,
                               state: ShiftState, language: String, live: LiveDecision?, interpreterLine: String?) -> String {
        let changed = live?.changeSummary.map { $0 + ". " } ?? ""
        let police = changed + (wanted == dispatch ? "" : "\(dispatch) is dispatched outside HeartDesk; ")
        guard let wanted else {
            return changed + "Decision is \(dispatch): hand the call to \(dispatch) dispatch; no unit on this roster takes it"
        }
        if let pick {
            var why = ["nearest available \(wanted)"]
            if let km = pick.distanceKm {
                why.append(String(format: "%.1f km from beat %@", km, call.intake.beat ?? "?"))
            } else if call.intake.beat == nil {
                why.append("beat unknown, so distance is not known")
            }
            if pick.speaksLanguage { why.append("speaks \(call.intake.wantedLanguage)") }
            else if !language.isEmpty || call.intake.interpreter.isNeeded {
                let spoken = language.isEmpty ? "the caller's language" : call.intake.wantedLanguage
                why.append("no free \(wanted) crew speaks \(spoken): use \(interpreterLine ?? "the interpreter line")")
            }
            return police + "\(pick.unit.id): " + why.joined(separator: ", ")
        }
        if let held = candidates.first(where: { $0.isAvailable && $0.unit.definition.response == wanted }),
           let needed = held.overrideNeeded {
            return police + needed
        }
        let ofWanted = state.units.filter { $0.definition.response == wanted }
        let onShift = ofWanted.filter { $0.status != .offDuty }
        if ofWanted.isEmpty { return police + "No \(wanted) unit on this shift's roster" }
        if onShift.isEmpty {
            return police + "No \(wanted) unit on shift (" + ofWanted.map { "\($0.id) off duty" }.joined(separator: ", ") + ")"
        }
        let busy: [String] = onShift.map { unit in
            let call = unit.callID.map { " " + $0 } ?? ""
            return "\(unit.id) \(unit.status.label)\(call)"
        }
        return police + "All \(wanted) units busy: " + busy.joined(separator: ", ")
    }
}
