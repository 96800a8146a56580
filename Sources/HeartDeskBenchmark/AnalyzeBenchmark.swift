import Foundation
import HeartDeskAnalysis
import HeartDeskCore

/// `heartdesk analyze` on a generated, seeded Durham-layout export of `rows` rows, and the obvious peer an analyst
/// would use instead (Python with pandas counting calls by type × hour) on the same file, when it is installed.
func runAnalyzeBenchmark(rows: Int = 1_000_000) throws {
    print("== analyze")
    let policy = try PolicyLoader.bundledDurham()
    let directory = FileManager.default.currentDirectoryPath + "/.build/heartdesk-bench-tmp"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let path = directory + "/calls-\(rows).csv"
    if !FileManager.default.fileExists(atPath: path) { try writeDurhamExport(rows: rows, policy: policy, to: path) }
    let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
    print(String(format: "file: %d rows, %.0f MB", rows, Double(size) / 1e6))
    for label in ["one policy", "one policy, again"] {
        let began = nanoseconds()
        let analysis = try CallsAnalysis.run(path: path, policies: [policy], mapping: .durham)
        let seconds = Double(nanoseconds() - began) / 1e9
        print(String(format: "analyze (%@): %.2f s, %.0f rows/s, %d routed, peak RSS %.0f MB", label, seconds, Double(rows) / seconds,
                     analysis.tallies[0].calls, Double(peakResidentKilobytes()) / 1024))
    }
    let allHours = directory + "/durham-all-hours.yaml"
    let shipped = FileManager.default.currentDirectoryPath + "/Sources/HeartDeskCore/Resources/Policies/durham.yaml"
    let text = try String(contentsOf: URL(fileURLWithPath: shipped), encoding: .utf8)
    try text.replacingOccurrences(of: "{days: every day, open: \"10:00\", close: \"21:00\"}", with: "{days: every day, open: \"00:00\", close: \"24:00\"}")
        .write(toFile: allHours, atomically: false, encoding: .utf8)
    let other = try PolicyLoader.load(contentsOf: URL(fileURLWithPath: allHours), displayName: allHours)
    var began = nanoseconds()
    _ = try CallsAnalysis.run(path: path, policies: [policy, other, other], mapping: .durham)
    print(String(format: "analyze --compare with 3 policies: %.2f s", Double(nanoseconds() - began) / 1e9))
    began = nanoseconds()
    _ = try CallsAnalysis.run(path: path, policies: [policy], mapping: .durham, options: .init(staff: ["CRT": 3, "COR": 2]))
    print(String(format: "analyze --staff CRT=3 COR=2: %.2f s", Double(nanoseconds() - began) / 1e9))

    // The peer: pandas reading the same file and counting calls by Nature × hour.
    let script = "import pandas as pd, time; t=time.time(); d=pd.read_csv('\(path)', dtype=str); "
        + "h=d['Call Time'].str.slice(0,2); c=d.groupby([d['Nature'], h]).size(); print('%.2f' % (time.time()-t), len(c))"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = Pipe()
    try process.run()
    process.waitUntilExit()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    if process.terminationStatus == 0, let seconds = output.split(separator: " ").first {
        print("peer: pandas read_csv + groupby(Nature, hour): \(seconds) s (\(output.split(separator: " ").last ?? "?") groups)")
    } else {
        print("peer: pandas not available here (python3 -c 'import pandas' failed): skipped")
    }
}

/// `heartdesk shift import` of generated Durham-layout exports (a busy day, a month, a year's worth), run as the release
/// binary a user runs, into a new journal each time: calls per second end to end (reading, routing, encoding, one sync
/// per batch of 8,192), the journal's size and the process's peak memory.
func runImportBenchmark() throws {
    print("\n== shift import (release binary, end to end)")
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("heartdesk").path
    guard FileManager.default.isExecutableFile(atPath: binary) else { throw BenchError("build heartdesk first: \(binary) missing") }
    let policy = try PolicyLoader.bundledDurham()
    let directory = FileManager.default.currentDirectoryPath + "/.build/heartdesk-bench-tmp"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    for rows in [1_543, 50_000, 200_000] {
        let path = directory + "/calls-\(rows).csv"
        if !FileManager.default.fileExists(atPath: path) { try writeDurhamExport(rows: rows, policy: policy, to: path) }
        for run in 1...2 {
            let journal = directory + "/import-\(rows).hdj"
            try? FileManager.default.removeItem(atPath: journal)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
            process.arguments = ["-f", "%M", binary, "shift", "import", path, "--journal", journal]
            process.environment = ProcessInfo.processInfo.environment.merging(["HEARTDESK_CLOCK": "2026-11-23T14:30"]) { $1 }
            let errors = Pipe()
            process.standardOutput = Pipe()
            process.standardError = errors
            let began = nanoseconds()
            try process.run()
            let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            let seconds = Double(nanoseconds() - began) / 1e9
            guard process.terminationStatus == 0 else { throw BenchError("import of \(rows) rows failed: \(stderr)") }
            let peakKB = Int(stderr.split(separator: "\n").last ?? "") ?? 0
            let size = (try FileManager.default.attributesOfItem(atPath: journal)[.size] as? NSNumber)?.intValue ?? 0
            print(String(format: "%7d calls, run %d: %.2f s, %.0f calls/s, journal %.1f MB, peak RSS %.0f MB", rows, run, seconds,
                         Double(rows) / seconds, Double(size) / 1e6, Double(peakKB) / 1024))
        }
    }
}

/// A year of plausible Durham calls: every call type, beats in and outside the pilot, any hour; the same every run.
func writeDurhamExport(rows: Int, policy: Policy, to path: String) throws {
    var random = SeededGenerator(state: 11)
    // Emptied first: a longer export left from an earlier run must not keep its tail.
    try Data().write(to: URL(fileURLWithPath: path))
    guard let handle = FileHandle(forWritingAtPath: path) else { throw BenchError("cannot write \(path)") }
    defer { try? handle.close() }
    var chunk = "Event Number,Case Number,Call Date,Call Time,Source,Priority,Nature,Address,X,Y,District,Beat,Tract,Disposition,Cancelled\n"
    let start = Date(timeIntervalSince1970: 1_735_707_600)  // 2025-01-01 05:00 UTC, midnight in Durham
    for n in 0..<rows {
        let local = policy.timeZone.localTime(at: start + Double(n) * (365 * 86_400 / Double(rows)))
        let type = policy.callTypes[Int.random(in: 0..<policy.callTypes.count, using: &random)]
        let beat = policy.beats[Int.random(in: 0..<policy.beats.count, using: &random)]
        // "2025-01-01T00:00:31-05:00": the date and the time of day as the Durham export writes them.
        let stamp = local.iso8601
        let date = stamp.prefix(10), time = stamp.dropFirst(11).prefix(8)
        chunk += "E\(n),C\(n),\(date),\(time),911,\(1 + n % 3),\(type.name),\"\(n) Main St, Durham\",2030000,810000,\(beat.district),\(beat.id),\(n % 90),RPT,N\n"
        if chunk.utf8.count > 1 << 20 {
            handle.write(Data(chunk.utf8))
            chunk = ""
        }
    }
    handle.write(Data(chunk.utf8))
}

