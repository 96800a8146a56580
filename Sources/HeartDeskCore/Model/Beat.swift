/// A police beat: the unit of geography for service areas and unit recommendations.
public struct Beat: Sendable, Hashable {
    /// Position of a beat in its policy's list.
    public struct Index: Sendable, Hashable, Comparable {
        public let rawValue: Int
        public init(_ rawValue: Int) { self.rawValue = rawValue }
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public let index: Index
    /// The beat number as dispatchers say it ("111").
    public let id: String
    /// Police district ("D1").
    public let district: String
    /// Centre of the beat's polygon, used as a first estimate of travel distance.
    public let centroid: Coordinate
    /// Beats whose polygons touch this one.
    public let neighbors: [String]
    /// Area in square kilometres, if the policy gives it.
    public let areaKm2: Double?
    /// Rough resident population, if the policy gives it.
    public let population: Int?
}
