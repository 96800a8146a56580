import Foundation
import HeartDeskCore

/// Policy load time: the built-in Durham policy and a generated 300-type policy, each read from its file
/// the way a command reads `--policy` (best of 20 loads in one process; the first load reported apart,
/// since a command-line process pays it once).
func runPolicyBenchmark() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("heartdesk-bench-policy-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let large = directory.appendingPathComponent("large.yaml")
    try generatedPolicy(callTypes: 300).write(to: large, atomically: false, encoding: .utf8)
    print("\npolicy load (one process; first load, then best and median of 20)")
    // The compiled cache as a command uses it: the first load reads the YAML and stores, each later one reads the cache.
    let cache = PolicyCache(directory: directory.appendingPathComponent("cache").path)
    let cases: [(String, () throws -> Policy)] = [
        ("Durham (built in)", { try PolicyLoader.bundledDurham() }),
        ("generated, 300 types", { try PolicyLoader.load(contentsOf: large, displayName: "large.yaml") }),
        ("Durham (built in), compiled cache", { try PolicyLoader.bundledDurham(cache: cache) }),
        ("generated, 300 types, compiled cache", { try PolicyLoader.load(contentsOf: large, displayName: "large.yaml", cache: cache) }),
    ]
    // Where the time goes, for the Durham file: YAML composition (Yams), the zone's offset table, the walk.
    let durhamURL = Bundle.main.bundleURL.appendingPathComponent("HeartDesk_HeartDeskCore.resources/Policies/durham.yaml")
    let durhamText = try String(contentsOf: durhamURL, encoding: .utf8)
    func phase(_ label: String, _ body: () throws -> Void) rethrows {
        var times: [Double] = []
        for _ in 0..<20 { let t = nanoseconds(); try body(); times.append(Double(nanoseconds() - t) / 1e6) }
        print("  Durham, \(label): median \(String(format: "%.2f", times.sorted()[10])) ms")
    }
    try phase("YAML composed") { _ = try PolicyLoader.compose(durhamText, source: "durham.yaml") }
    phase("zone table") { _ = TimeZoneRules(identifier: "America/New_York") }
    try phase("whole load from text") { _ = try PolicyLoader.load(yaml: durhamText, source: "durham.yaml") }
    for (label, load) in cases {
        var times: [Double] = []
        var policy: Policy?
        for _ in 0..<21 {
            let start = nanoseconds()
            policy = try load()
            times.append(Double(nanoseconds() - start) / 1e6)
        }
        let first = times.removeFirst()
        times.sort()
        print("  \(label): first \(String(format: "%.2f", first)) ms, best \(String(format: "%.2f", times[0])) ms, "
              + "median \(String(format: "%.2f", times[times.count / 2])) ms (\(policy!.callTypes.count) types, \(policy!.beats.count) beats)")
    }
}

/// A policy the size of a large city's: `callTypes` types with three aliases each, 120 beats, five responses
/// whose rules name most of the types by name, code or alias.
func generatedPolicy(callTypes count: Int) -> String {
    var yaml = """
    name: Benchmark City
    timeZone: America/Chicago
    safetyFlags:
      - {id: weapon, question: Any weapon?, label: weapon, required: true}
      - {id: violent, question: Anyone violent?, label: violence}
      - {id: risk, question: Increased risk?, label: increased risk}
    callTypes:

    """
    for i in 0..<count {
        yaml += "  - {name: Call Type \(i), code: \"\(1000 + i)\", aliases: [type \(i) alias a, type \(i) alias b, T\(i)], tags: [group-\(i % 7)]}\n"
    }
    yaml += "beats:\n"
    for b in 0..<120 {
        let neighbours = [b - 1, b + 1].filter { (0..<120).contains($0) }.map { "\"B\($0)\"" }.joined(separator: ", ")
        yaml += "  - {id: \"B\(b)\", district: D\(b / 20), centroid: [32.\(100 + b), -96.\(500 + b)], population: \(1000 * b), neighbors: [\(neighbours)]}\n"
    }
    func names(_ range: StrideTo<Int>) -> String { range.map { i in i % 3 == 0 ? "\"\(1000 + i)\"" : "Call Type \(i)" }.joined(separator: ", ") }
    yaml += """
    serviceAreas:
      core: [\((0..<40).map { "\"B\($0)\"" }.joined(separator: ", "))]
    responses:
      - {id: PHONE, name: Phone Clinicians, kind: phone, area: citywide, hours: always, eligible: [{callTypes: [\(names(stride(from: 0, to: count, by: 5)))]}]}
      - id: TEAM
        name: Response Team
        kind: in-person
        area: core
        hours: [{days: every day, open: "07:00", close: "23:00"}]
        eligible:
          - {callTypes: [\(names(stride(from: 1, to: count, by: 3)))], unless: [weapon, violent]}
      - id: PAIR
        name: Co-Response
        kind: in-person
        area: citywide
        hours: [{days: Mon-Fri, open: "08:00", close: "20:00"}]
        eligible:
          - {callTypes: [\(names(stride(from: 2, to: count, by: 3)))], onlyIf: [weapon, risk]}
      - {id: FOLLOW, name: Follow-up, kind: follow-up, area: core, hours: [{days: Mon-Fri, open: "09:00", close: "17:00"}], after: [PHONE, TEAM]}
      - {id: POLICE, name: Police, kind: in-person, area: citywide, hours: always, eligible: any}
    dispatchPreference: [TEAM, PAIR, POLICE]

    """
    return yaml
}
