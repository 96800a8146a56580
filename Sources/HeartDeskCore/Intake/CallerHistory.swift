import Foundation

/// Earlier calls by callback number and by place, from this shift and the journals of earlier ones: "3 calls from
/// this number in 7 days", the pattern Care Navigation exists for.
///
/// Indexed by key, so a lookup costs the same over a day or a year of shifts. Only what the call-taker can already
/// read goes in: the caller's journals, opened read-only on this machine; nothing is sent anywhere.
public struct CallerHistory: Sendable {
    /// An earlier call, as the form lists it.
    public struct PastCall: Sendable, Hashable {
        public let callID: String
        /// The journal it was recorded in (its file name), so the same id in two shifts is told apart.
        public let shift: String
        public let receivedAt: Date
        public let callType: String
        /// The response that served it (CRT, CCD, POLICE…), nil when none did.
        public let served: String?
        /// How it was closed ("referred"), or "open".
        public let outcome: String
    }

    private var byNumber: [String: [PastCall]] = [:]
    private var byLocation: [String: [PastCall]] = [:]
    /// Calls indexed (the benchmark and the tests read it).
    public private(set) var callCount = 0
    /// Journals read.
    public private(set) var shiftCount = 0

    /// How far back the lookup looks, in days: a month of a caller's calls is what follow-up acts on.
    public static let windowDays = 30

    public init() {}

    /// Adds every call of `shift`, recorded in the journal called `name`. Locations are keyed through `aids`, so a
    /// place named two ways is one place.
    public mutating func add(_ shift: ShiftState, name: String, aids: IntakeAids) {
        for call in shift.calls {
            let past = PastCall(call, shift: name)
            if let key = Self.numberKey(call.intake.callback) { byNumber[key, default: []].append(past) }
            if let key = Self.locationKey(call.intake.location, aids: aids) { byLocation[key, default: []].append(past) }
            callCount += 1
        }
        shiftCount += 1
    }

    /// Earlier calls from `callback` and at `location` received in the `days` before `now`, most recent first, from
    /// the journals indexed and from the shift in progress (`shift`, keyed by `live`, caught up with it); `excluding` a
    /// call itself.
    public func matches(callback: String, location: String, aids: IntakeAids, shift: ShiftState, live: ShiftCallerIndex,
                        shiftName: String, at now: Date, days: Int = CallerHistory.windowDays, excluding callID: String? = nil) -> RepeatCalls {
        let since = now.addingTimeInterval(-Double(days) * 86_400)
        let numberKey = Self.numberKey(callback)
        let locationKey = Self.locationKey(location, aids: aids)
        var fromNumber = numberKey.flatMap { byNumber[$0] } ?? []
        var atLocation = locationKey.flatMap { byLocation[$0] } ?? []
        let current = live.calls(numberKey: numberKey, locationKey: locationKey)
        for index in current.fromNumber where shift.calls[index].id != callID { fromNumber.append(PastCall(shift.calls[index], shift: shiftName)) }
        for index in current.atLocation where shift.calls[index].id != callID { atLocation.append(PastCall(shift.calls[index], shift: shiftName)) }
        func recent(_ calls: [PastCall]) -> [PastCall] {
            // The shift in progress may also sit in the history folder: one entry per journal and call.
            var seen = Set<String>()
            return calls.filter { $0.receivedAt >= since && $0.receivedAt <= now }
                .sorted { $0.receivedAt > $1.receivedAt }
                .filter { seen.insert($0.shift + "\u{0}" + $0.callID).inserted }
        }
        return RepeatCalls(fromNumber: recent(fromNumber), atLocation: recent(atLocation), now: now)
    }

    /// The digits of a phone number, without a leading US country code; nil for fewer than seven digits (an
    /// extension or a typo is not a caller).
    public static func numberKey(_ callback: String) -> String? {
        var digits = callback.unicodeScalars.filter { $0.properties.numericType == .decimal && $0.isASCII }.map(Character.init)
        if digits.count == 11, digits.first == "1" { digits.removeFirst() }
        return digits.count >= 7 ? String(digits) : nil
    }

    /// A known place by name (however it was typed, or coordinates beside it), else a house number and street; nil
    /// for anything else (coordinates alone, a landmark nobody listed).
    public static func locationKey(_ location: String, aids: IntakeAids) -> String? {
        let text = location.trimmingWhitespace
        guard !text.isEmpty else { return nil }
        if let place = aids.places?.place(named: text) { return "place:" + place.name }
        if let point = try? CallerLocation.coordinates(text) {
            return aids.places?.place(near: point).map { "place:" + $0.name }
        }
        if let (number, street) = AddressText.houseAndStreet(text) {
            // An address a place is listed at is that place.
            if let place = aids.places?.place(named: "\(number) \(street)") { return "place:" + place.name }
            return "address:\(number) \(street)"
        }
        return nil
    }
}

extension CallerHistory.PastCall {
    init(_ call: CallRecord, shift: String) {
        self.init(callID: call.id, shift: shift, receivedAt: call.receivedAt, callType: call.intake.callType,
                  served: call.responseServed, outcome: call.disposition?.rawValue ?? "open")
    }
}

/// Earlier calls that match the one being taken, most recent first.
public struct RepeatCalls: Sendable, Hashable {
    public let fromNumber: [CallerHistory.PastCall]
    public let atLocation: [CallerHistory.PastCall]
    /// When they were looked up, for "in 7 days".
    public let now: Date

    public var isEmpty: Bool { fromNumber.isEmpty && atLocation.isEmpty }

    /// Whole days back to the oldest of `calls` (at least 1): "3 calls from this number in 7 days".
    public func daysSpanned(_ calls: [CallerHistory.PastCall]) -> Int {
        guard let oldest = calls.last?.receivedAt else { return 0 }
        return max(1, Int((now.timeIntervalSince(oldest) / 86_400).rounded(.up)))
    }
}
