/// One block range of a street and the beat it lies in, as in a 911 center's street guide (MSAG): "E MAIN ST,
/// 100–1298, even side, beat 212".
public struct StreetSegment: Sendable, Hashable {
    /// Which house numbers of the range the segment holds.
    public enum Side: String, Sendable, Hashable, CaseIterable {
        case even, odd, both

        func holds(_ number: Int) -> Bool {
            switch self {
            case .both: return true
            case .even: return number % 2 == 0
            case .odd: return number % 2 != 0
            }
        }

        func overlaps(_ other: Side) -> Bool { self == .both || other == .both || self == other }
    }

    /// Normalized street name (``AddressText/normalized(_:)``).
    public let street: String
    public let low: Int
    public let high: Int
    public let side: Side
    public let beat: Beat.Index
    /// The line of the street guide it was read from, for messages.
    public let line: Int?

    /// Whether house `number` is in this segment.
    public func holds(_ number: Int) -> Bool { number >= low && number <= high && side.holds(number) }
}
