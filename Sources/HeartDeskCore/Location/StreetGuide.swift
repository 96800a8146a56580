/// A center's street guide: block ranges of streets with their beats, so a typed address finds its beat.
public struct StreetGuide: Sendable {
    /// Segments by normalized street name, in file order.
    let segmentsByStreet: [String: [StreetSegment]]

    init(segments: [StreetSegment]) {
        segmentsByStreet = Dictionary(grouping: segments, by: \.street)
    }

    /// How many segments the guide holds.
    public var segmentCount: Int { segmentsByStreet.values.reduce(0) { $0 + $1.count } }

    /// What the guide says about a typed address.
    public enum Lookup: Sendable, Hashable {
        case found(StreetSegment, number: Int, street: String)
        /// The street is in the guide but no segment holds the number ("E MAIN ST has no 9000").
        case numberNotOnStreet(number: Int, street: String)
        /// Not an address, or a street the guide does not have.
        case unknown
    }

    /// The segment holding the address in `text`.
    public func lookup(_ text: String) -> Lookup {
        guard let (number, street) = AddressText.houseAndStreet(text), let segments = segmentsByStreet[street] else { return .unknown }
        guard let segment = segments.first(where: { $0.holds(number) }) else { return .numberNotOnStreet(number: number, street: street) }
        return .found(segment, number: number, street: street)
    }
}
