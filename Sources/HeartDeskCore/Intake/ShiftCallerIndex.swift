/// The shift in progress keyed by callback number and place, kept beside it as the figures ledger is: a catch-up
/// re-keys only the calls that changed, so a lookup while typing never walks the shift.
public struct ShiftCallerIndex: Sendable {
    private var keys: [(number: String?, location: String?)] = []
    private var byNumber: [String: [Int]] = [:]
    private var byLocation: [String: [Int]] = [:]
    private var seenEvents = 0

    public init() {}

    /// Takes in every call of `state` that is new or changed since the last catch-up; a shift that went backwards
    /// (another journal) starts over.
    public mutating func catchUp(with state: ShiftState, aids: IntakeAids) {
        if state.eventCount < seenEvents || state.calls.count < keys.count { self = ShiftCallerIndex() }
        let summaries = state.callSummaries
        for index in summaries.indices where index >= keys.count || summaries[index].changeNumber > seenEvents {
            let intake = state.calls[index].intake
            let new = (number: CallerHistory.numberKey(intake.callback), location: CallerHistory.locationKey(intake.location, aids: aids))
            if index < keys.count {
                let old = keys[index]
                if old.number == new.number && old.location == new.location { continue }
                if let key = old.number { byNumber[key]?.removeAll { $0 == index } }
                if let key = old.location { byLocation[key]?.removeAll { $0 == index } }
                keys[index] = new
            } else {
                keys.append(new)
            }
            if let key = new.number { byNumber[key, default: []].append(index) }
            if let key = new.location { byLocation[key, default: []].append(index) }
        }
        seenEvents = state.eventCount
    }

    /// Positions in the shift's calls of the calls from `numberKey` and at `locationKey`.
    func calls(numberKey: String?, locationKey: String?) -> (fromNumber: [Int], atLocation: [Int]) {
        (numberKey.flatMap { byNumber[$0] } ?? [], locationKey.flatMap { byLocation[$0] } ?? [])
    }
}
