import Foundation
import HeartDeskAnalysis
import HeartDeskConsole
import HeartDeskCore
import HeartDeskExercise
import HeartDeskJournal
import Testing
import TestSupport

/// The fuzzers' inputs replayed by an ordinary test: every input that once crashed a reader (Fuzz/Crashes)
/// is refused with an error and no crash, and every seed (Fuzz/Corpus) still reads, so the seeds keep
/// leading the fuzzers into real formats. Fuzz/run adds what a fuzzer finds to Fuzz/Crashes.
@Suite("Fuzz corpus replay")
struct FuzzCorpusReplayTests {
    static let fuzz = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz")

    /// Reads one input the way its fuzz target does; throws when the reader refuses it.
    static func read(_ kind: String, _ bytes: [UInt8]) throws {
        let text = String(decoding: bytes, as: UTF8.self)
        switch kind {
        case "policy": _ = try PolicyLoader.load(yaml: text, source: "fuzz.yaml")
        case "scenario": _ = try ScenarioLoader.load(yaml: text, source: "fuzz.yaml", name: "fuzz")
        case "theme": _ = try Theme.parse(text, name: "fuzz", source: "fuzz.theme")
        case "roster": _ = try RosterLoader.load(yaml: text, source: "fuzz.yaml", policy: Durham.policy)
        case "journal": _ = try JournalImage.replay(JournalImage.image(fromFuzzInput: bytes))
        case "export": try analyze(bytes)
        default: Issue.record("no reader for \(kind)")
        }
    }

    /// A calls export is read from a file, as the fuzz target reads it, analysed and rendered in every format.
    static func analyze(_ bytes: [UInt8]) throws {
        let directory = TemporaryDirectory()
        let path = directory.path("calls.csv")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let analysis = try CallsAnalysis.run(path: path, policies: [Durham.policy], mapping: .durham)
        for format in AnalysisReport.Format.allCases {
            #expect(!AnalysisReport.render(analysis, policies: [Durham.policy], format: format).isEmpty)
        }
    }

    static func inputs(_ folder: String) -> [(kind: String, file: URL)] {
        ["policy", "scenario", "theme", "roster", "journal", "export"].flatMap { kind -> [(String, URL)] in
            let directory = fuzz.appendingPathComponent(folder).appendingPathComponent(kind)
            let files = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? []
            return files.filter { !$0.lastPathComponent.hasPrefix(".") }.map { (kind, $0) }
        }
    }

    @Test func everyInputThatOnceCrashedIsRefusedWithAMessage() throws {
        let crashes = Self.inputs("Crashes")
        #expect(crashes.count >= 4, "the crashers found by hand are kept")
        for (kind, file) in crashes {
            let bytes = Array(try Data(contentsOf: file))
            #expect(throws: (any Error).self, "\(kind)/\(file.lastPathComponent)") { try Self.read(kind, bytes) }
        }
    }

    @Test func everySeedStillReads() throws {
        let seeds = Self.inputs("Corpus")
        #expect(Set(seeds.map(\.kind)) == ["policy", "scenario", "theme", "roster", "journal", "export"])
        for (kind, file) in seeds {
            let bytes = Array(try Data(contentsOf: file))
            #expect(throws: Never.self, "\(kind)/\(file.lastPathComponent)") { try Self.read(kind, bytes) }
        }
    }
}
