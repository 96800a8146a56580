import Foundation

/// Which unit to send to a call, and why: the pick first, the other units after it.
///
/// The pick is available, works for the response the call was triaged to, and is the
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
        /// The call was triaged as eligible for this unit's response; otherwise sending it is an override.
        public let isEligible: Bool

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

    /// Recommends a unit for `call` from the units of `state`.
    ///
    /// - Complexity: O(u log u) for u units on the roster.
    public init(for call: CallRecord, in state: ShiftState, policy: Policy) {
        let triage = call.intake.triage
        let callBeat = call.intake.beat.flatMap(policy.beat(id:))
        let language = call.intake.language.trimmingCharacters(in: .whitespaces).lowercased()

        let candidates = state.units.filter { $0.status != .offDuty }.map { unit -> Candidate in
            let unitBeat = unit.lastBeat.flatMap(policy.beat(id:))
            let distance = callBeat.flatMap { to in unitBeat.map { $0.centroid.distanceKm(to: to.centroid) } }
            let speaks = !language.isEmpty && unit.definition.languages.contains { $0.lowercased().hasPrefix(language) }
            return Candidate(unit: unit, distanceKm: distance, speaksLanguage: speaks,
                             isEligible: triage.eligible.contains(unit.definition.response))
        }
        let rosterResponses = Set(state.units.map(\.definition.response))
        // The in-person decision when the roster has units for it, else the phone response (police is dispatched elsewhere).
        let wanted = [triage.dispatch, triage.phone].compactMap { $0 }.first { rosterResponses.contains($0) }
        let ranked = candidates.sorted { Self.prefer($0, over: $1, wanted: wanted) }
        let pick = ranked.first { $0.isAvailable && $0.unit.definition.response == wanted }

        self.wanted = wanted
        self.candidates = ranked
        self.pick = pick
        self.reason = Self.reason(pick: pick, wanted: wanted, triage: triage, call: call, state: state, language: language)
    }

    /// Available before busy, the wanted response before others, eligible before overrides, language, then distance.
    private static func prefer(_ a: Candidate, over b: Candidate, wanted: String?) -> Bool {
        func key(_ c: Candidate) -> (Int, Int, Int, Int, Double, String) {
            (c.isAvailable ? 0 : 1, c.unit.definition.response == wanted ? 0 : 1, c.isEligible ? 0 : 1,
             c.speaksLanguage ? 0 : 1, c.distanceKm ?? .infinity, c.unit.id)
        }
        return key(a) < key(b)
    }

    private static func reason(pick: Candidate?, wanted: String?, triage: TriageRecord, call: CallRecord,
                               state: ShiftState, language: String) -> String {
        let police = wanted == triage.dispatch ? "" : "\(triage.dispatch) is dispatched outside HeartDesk; "
        guard let wanted else {
            return "Decision is \(triage.dispatch): hand the call to \(triage.dispatch) dispatch; no unit on this roster takes it"
        }
        if let pick {
            var why = ["nearest available \(wanted)"]
            if let km = pick.distanceKm {
                why.append(String(format: "%.1f km from beat %@", km, call.intake.beat ?? "?"))
            } else if call.intake.beat == nil {
                why.append("beat unknown, so distance is not known")
            }
            if pick.speaksLanguage { why.append("speaks \(call.intake.language)") }
            else if !language.isEmpty { why.append("no free \(wanted) crew speaks \(call.intake.language): use the interpreter line") }
            return police + "\(pick.unit.id): " + why.joined(separator: ", ")
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
