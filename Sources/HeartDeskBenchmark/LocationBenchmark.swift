import Foundation
import HeartDeskCore

/// Location → beat on Durham's real polygons (37 beats, ~80,000 vertices): loading the GeoJSON, then seeded random
/// points over the county's box (inside and outside the city) and points at each beat's centroid.
func runLocationBenchmark(points: Int = 200_000) throws {
    print("\nlocation → beat (Durham polygons)")
    let policy = try PolicyLoader.bundledDurham()
    var began = nanoseconds()
    guard let locator = try policy.loadBeatLocator() else { throw BenchError("the built-in policy has no beat polygons") }
    print(String(format: "  load durham-beats.geojson (2 MB): %.1f ms", Double(nanoseconds() - began) / 1e6))
    var random = SeededGenerator(state: 5)
    let box = policy.beats.map(\.centroid)
    let minLat = box.map(\.latitude).min()! - 0.05, maxLat = box.map(\.latitude).max()! + 0.05
    let minLon = box.map(\.longitude).min()! - 0.05, maxLon = box.map(\.longitude).max()! + 0.05
    let samples = (0..<points).map { _ in
        Coordinate(latitude: Double.random(in: minLat...maxLat, using: &random), longitude: Double.random(in: minLon...maxLon, using: &random))
    }
    var found = 0
    began = nanoseconds()
    for point in samples where locator.beat(at: point) != nil { found += 1 }
    let perPoint = Double(nanoseconds() - began) / Double(points) / 1e3
    print(String(format: "  %d random points in the county's box: %.2f µs each on average (%d in a beat)", points, perPoint, found))
    var worst = 0.0
    for beat in policy.beats {
        let start = nanoseconds()
        for _ in 0..<200 { _ = locator.beat(at: beat.centroid) }
        worst = max(worst, Double(nanoseconds() - start) / 200 / 1e3)
    }
    print(String(format: "  slowest beat centroid (of %d): %.2f µs", policy.beats.count, worst))
}
