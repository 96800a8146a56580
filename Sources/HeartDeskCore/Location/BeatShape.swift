/// One beat's area on the map: its polygons (outer ring and holes), each with a bounding box for a fast "no".
public struct BeatShape: Sendable {
    /// A ring of points, first not repeated at the end; longitude as x, latitude as y.
    struct Ring: Sendable {
        let xs: [Double]
        let ys: [Double]
    }

    /// An outer ring and the holes cut out of it.
    struct Part: Sendable {
        let outer: Ring
        let holes: [Ring]
        let minX: Double, maxX: Double, minY: Double, maxY: Double
    }

    public let beat: Beat.Index
    let parts: [Part]
    let minX: Double, maxX: Double, minY: Double, maxY: Double

    init(beat: Beat.Index, parts: [Part]) {
        self.beat = beat
        self.parts = parts
        minX = parts.map(\.minX).min() ?? .infinity
        maxX = parts.map(\.maxX).max() ?? -.infinity
        minY = parts.map(\.minY).min() ?? .infinity
        maxY = parts.map(\.maxY).max() ?? -.infinity
    }

    /// Whether `point` lies in the beat, its boundary included (a point on a line between two beats is in both).
    func contains(_ point: Coordinate) -> Bool {
        let x = point.longitude, y = point.latitude
        guard x >= minX, x <= maxX, y >= minY, y <= maxY else { return false }
        for part in parts where x >= part.minX && x <= part.maxX && y >= part.minY && y <= part.maxY {
            switch part.outer.locate(x, y) {
            case .outside: continue
            case .boundary: return true
            case .inside:
                var inHole = false
                for hole in part.holes {
                    switch hole.locate(x, y) {
                    case .inside: inHole = true
                    case .boundary: return true  // the hole's edge is the beat's edge
                    case .outside: break
                    }
                    if inHole { break }
                }
                if !inHole { return true }
            }
        }
        return false
    }
}

extension BeatShape.Ring {
    enum Place { case inside, outside, boundary }

    /// Even-odd ray casting to the right of the point, with points on an edge reported as such.
    func locate(_ x: Double, _ y: Double) -> Place {
        var inside = false
        var j = xs.count - 1
        for i in 0..<xs.count {
            let xi = xs[i], yi = ys[i], xj = xs[j], yj = ys[j]
            // On the segment: collinear within a hair and between its ends.
            let cross = (xj - xi) * (y - yi) - (yj - yi) * (x - xi)
            if abs(cross) <= 1e-12, x >= min(xi, xj), x <= max(xi, xj), y >= min(yi, yj), y <= max(yi, yj) { return .boundary }
            if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi { inside.toggle() }
            j = i
        }
        return inside ? .inside : .outside
    }
}
