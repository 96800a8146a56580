import Foundation

/// Finds the beat a point lies in, from the policy's beat polygons (`beatGeometry:` in the policy).
///
/// Beats are tried in policy order; a point on the line between two beats is given to the first. Bounding boxes
/// answer most beats without looking at their edges.
public struct BeatLocator: Sendable {
    let shapes: [BeatShape]

    /// The beat `point` lies in, or nil outside every beat.
    public func beat(at point: Coordinate) -> Beat.Index? {
        shapes.first { $0.contains(point) }?.beat
    }

    /// How many beats have a shape (a policy may leave some without).
    public var beatCount: Int { shapes.count }
}

extension BeatLocator {
    /// Reads a GeoJSON FeatureCollection of Polygon or MultiPolygon features, each naming its beat in the property
    /// `property`; every beat named must be in `policy`. Errors name the file and the feature (1-based).
    public static func load(path: String, displayName: String, property: String, policy: Policy) throws -> BeatLocator {
        let text = try DataFile.text(at: URL(fileURLWithPath: path), displayName: displayName)
        func fail(_ message: String) -> PolicyError { PolicyError(file: displayName, line: nil, message: message) }
        guard let root = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
              root["type"] as? String == "FeatureCollection", let features = root["features"] as? [Any] else {
            throw fail("not a GeoJSON FeatureCollection")
        }
        var byBeat: [Beat.Index: [BeatShape.Part]] = [:]
        for (offset, item) in features.enumerated() {
            let number = offset + 1
            guard let feature = item as? [String: Any], let properties = feature["properties"] as? [String: Any],
                  let geometry = feature["geometry"] as? [String: Any], let kind = geometry["type"] as? String,
                  let coordinates = geometry["coordinates"] as? [Any] else {
                throw fail("feature \(number) is not a Feature with properties and a geometry")
            }
            let id: String
            switch properties[property] {
            case let text as String: id = text
            case let value as NSNumber where value.doubleValue == value.doubleValue.rounded() && abs(value.doubleValue) < 1e15:
                id = String(value.int64Value)
            default: throw fail("feature \(number) has no '\(property)' property naming its beat")
            }
            guard let beat = policy.beat(id: id) else { throw fail("feature \(number) is beat \(id), which policy \(policy.name) does not have") }
            let polygons: [Any]
            switch kind {
            case "Polygon": polygons = [coordinates]
            case "MultiPolygon": polygons = coordinates
            default: throw fail("feature \(number) (beat \(id)) is a \(kind): a beat must be a Polygon or MultiPolygon")
            }
            for polygon in polygons {
                guard let rings = polygon as? [Any], !rings.isEmpty else { throw fail("feature \(number) (beat \(id)) has an empty polygon") }
                let parsed = try rings.map { ring throws -> BeatShape.Ring in
                    guard let parsedRing = Self.ring(ring) else {
                        throw fail("feature \(number) (beat \(id)) has a ring that is not a list of at least three [longitude, latitude] points")
                    }
                    return parsedRing
                }
                let outer = parsed[0]
                byBeat[beat.index, default: []].append(BeatShape.Part(
                    outer: outer, holes: Array(parsed.dropFirst()),
                    minX: outer.xs.min()!, maxX: outer.xs.max()!, minY: outer.ys.min()!, maxY: outer.ys.max()!))
            }
        }
        let shapes = policy.beats.compactMap { beat in byBeat[beat.index].map { BeatShape(beat: beat.index, parts: $0) } }
        if shapes.isEmpty { throw fail("no beat has a shape") }
        return BeatLocator(shapes: shapes)
    }

    private static func ring(_ value: Any) -> BeatShape.Ring? {
        guard let points = value as? [Any] else { return nil }
        var xs: [Double] = [], ys: [Double] = []
        for point in points {
            guard let pair = point as? [Any], pair.count >= 2, let x = (pair[0] as? NSNumber)?.doubleValue,
                  let y = (pair[1] as? NSNumber)?.doubleValue, (-180...180).contains(x), (-90...90).contains(y) else { return nil }
            xs.append(x)
            ys.append(y)
        }
        // GeoJSON repeats the first point at the end; the ring closes itself.
        if xs.count > 1, xs.first == xs.last, ys.first == ys.last { xs.removeLast(); ys.removeLast() }
        return xs.count >= 3 ? BeatShape.Ring(xs: xs, ys: ys) : nil
    }
}
