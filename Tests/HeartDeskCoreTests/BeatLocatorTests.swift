import Foundation
import HeartDeskCore
import Testing
import TestSupport

/// Locations to beats on Durham's real beat polygons (the shipped durham-beats.geojson).
@Suite("Beat locator")
struct BeatLocatorTests {
    static let locator: BeatLocator = {
        do { return try #require(try Durham.policy.loadBeatLocator()) } catch { fatalError("\(error)") }
    }()

    func beat(_ latitude: Double, _ longitude: Double) -> String? {
        Self.locator.beat(at: Coordinate(latitude: latitude, longitude: longitude)).map { Durham.policy[$0].id }
    }

    @Test("points inside beats, from downtown to the edge of the county", arguments: [
        (36.00096, -78.88998, "111"), (35.98633, -78.88085, "113"), (35.9886, -78.8939, "513"), (36.02595, -78.92479, "211"),
        (35.96439, -78.90196, "412"), (35.99725, -78.90066, "512"), (36.05581, -78.92002, "222"),
    ])
    func inside(latitude: Double, longitude: Double, expected: String) {
        #expect(beat(latitude, longitude) == expected)
    }

    @Test("a point on the line between two beats goes to the first in policy order, every time")
    func onAnEdge() {
        // The midpoint of an edge 111 shares with 512, and a corner 111 shares with 212 and 213.
        #expect(beat(36.0012699, -78.89535035) == "111")
        #expect(beat(36.0141112, -78.8906477) == "111")
    }

    @Test("a point in a hole cut out of a beat is not in that beat")
    func inAHole() {
        // Beat 222 has a hole, served by the Sheriff's Office (999).
        #expect(beat(36.0717894, -78.9341929) == "999")
    }

    @Test("outside the city there is no beat", arguments: [(35.7796, -78.6382), (0.0, 0.0), (36.5, -78.9), (-35.99, 78.90)])
    func outside(latitude: Double, longitude: Double) {
        #expect(beat(latitude, longitude) == nil)
    }

    @Test("every beat of the policy has a shape")
    func everyBeat() {
        #expect(Self.locator.beatCount == Durham.policy.beats.count)
    }

    @Test("typed coordinates: latitude first, in range, two numbers", arguments: [
        ("35.99,-78.90", true), ("35.99, -78.90", true), ("35.99 -78.90", true), ("-78.90", false), ("north", false),
        ("91,-78.9", false), ("35.99,-181", false), ("nan,1", false),
    ])
    func typedCoordinates(text: String, valid: Bool) {
        #expect(((try? CallerLocation.coordinates(text)) != nil) == valid)
    }

    @Test("a bad geometry file is named with the feature at fault")
    func badGeometry() throws {
        let directory = TemporaryDirectory()
        let cases: [(String, String)] = [
            ("{\"type\": \"Feature\"}", "not a GeoJSON FeatureCollection"),
            ("{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {\"beat\": 777}, "
             + "\"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[0,0],[1,0],[1,1],[0,0]]]}}]}",
             "feature 1 is beat 777, which policy Durham HEART does not have"),
            ("{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {\"beat\": \"111\"}, "
             + "\"geometry\": {\"type\": \"Point\", \"coordinates\": [0,0]}}]}",
             "feature 1 (beat 111) is a Point: a beat must be a Polygon or MultiPolygon"),
            ("{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"properties\": {\"beat\": 111}, "
             + "\"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[0,0],[500,0],[1,1]]]}}]}",
             "feature 1 (beat 111) has a ring that is not a list of at least three [longitude, latitude] points"),
        ]
        for (text, message) in cases {
            let path = directory.path("beats.geojson")
            try text.write(toFile: path, atomically: false, encoding: .utf8)
            #expect(throws: PolicyError(file: "beats.geojson", line: nil, message: message)) {
                try BeatLocator.load(path: path, displayName: "beats.geojson", property: "beat", policy: Durham.policy)
            }
        }
    }
}
