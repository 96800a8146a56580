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

/// Suggestions as the call-taker types: a generated policy of 300 call types with a vocabulary of 8 phrases each
/// (2,400 phrases), and a 230-character narrative typed a character at a time, suggesting after every keystroke.
func runSuggestionBenchmark() throws {
    print("\nsuggestion per keystroke (300 call types, 2,400 phrases)")
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("heartdesk-bench-suggest-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let words = ["bridge", "voices", "knife", "drunk", "alarm", "smoke", "fight", "yelling", "confused", "missing", "stolen",
                 "crash", "breathing", "pills", "camping", "money", "naked", "custody", "threat", "gunshots", "bleeding"]
    var random = SeededGenerator(state: 9)
    var yaml = "callTypes:\n"
    for type in 0..<300 {
        let phrases = (0..<8).map { n in
            let first = words[Int.random(in: 0..<words.count, using: &random)]
            return n % 2 == 0 ? "\"\(first) \(type)x\(n)\": 2" : "\"\(first)\(type)q\(n)\": 1"
        }
        yaml += "  \"Call Type \(type)\": {\(phrases.joined(separator: ", "))}\n"
    }
    let policyPath = directory.appendingPathComponent("large.yaml")
    try (generatedPolicy(callTypes: 300) + "vocabulary: vocabulary.yaml\n").write(to: policyPath, atomically: false, encoding: .utf8)
    try yaml.write(to: directory.appendingPathComponent("vocabulary.yaml"), atomically: false, encoding: .utf8)
    let policy = try PolicyLoader.load(contentsOf: policyPath)
    var began = nanoseconds()
    guard let vocabulary = try policy.loadVocabulary() else { throw BenchError("no vocabulary") }
    print(String(format: "  load the vocabulary: %.1f ms", Double(nanoseconds() - began) / 1e6))
    let narrative = "my brother is standing on the bridge rail and he is not making sense, hearing voices, says he has a knife "
        + "but is not violent, he was drinking earlier and is confused about where he is, the neighbors heard yelling and a fight"
    var samples: [Double] = []
    var typed = ""
    for character in narrative {
        typed.append(character)
        began = nanoseconds()
        _ = vocabulary.suggest(typed)
        samples.append(Double(nanoseconds() - began) / 1e6)
    }
    samples.sort()
    print(String(format: "  %d keystrokes: median %.3f ms, p99 %.3f ms, slowest %.3f ms (goal ≤ 1 ms)", samples.count,
                 samples[samples.count / 2], samples[samples.count * 99 / 100], samples.last!))
}
