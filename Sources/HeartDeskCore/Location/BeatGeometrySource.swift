/// Where a policy's beat polygons are: a GeoJSON file beside it, and the feature property that names each beat.
public struct BeatGeometrySource: Sendable, Hashable {
    /// Absolute path of the GeoJSON file.
    public let path: String
    /// How messages name the file ("durham-beats.geojson (built in)").
    public let displayName: String
    /// The feature property holding the beat id ("beat").
    public let property: String

    public init(path: String, displayName: String, property: String) {
        self.path = path
        self.displayName = displayName
        self.property = property
    }
}

extension Policy {
    /// The beat locator for this policy's polygons, read from its GeoJSON now; nil when the policy names none.
    public func loadBeatLocator() throws -> BeatLocator? {
        guard let source = beatGeometry else { return nil }
        return try BeatLocator.load(path: source.path, displayName: source.displayName, property: source.property, policy: self)
    }
}
