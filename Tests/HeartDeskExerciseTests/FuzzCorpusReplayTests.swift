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
        case "sidefile": try readSideFile(bytes)
        default: Issue.record("no reader for \(kind)")
        }
    }

    /// The side-file target's input: the first byte picks the reader ('0' vocabulary, '1' places, '2' street guide,
    /// '3' beat polygons, '4' calls mapping, any other byte one of them), the rest is the file.
    static func readSideFile(_ bytes: [UInt8]) throws {
        guard let selector = bytes.first else { return }
        let directory = TemporaryDirectory()
        let path = directory.path("side-file")
        try Data(bytes.dropFirst()).write(to: URL(fileURLWithPath: path))
        let policy = Durham.policy
        switch Int(selector &- UInt8(ascii: "0")) % 5 {
        case 0: _ = try VocabularyReader.load(path: path, displayName: "fuzz", policy: policy)
        case 1: _ = try PlacesReader.load(path: path, displayName: "fuzz", policy: policy, locator: try policy.loadBeatLocator(), streets: nil)
        case 2: _ = try StreetGuideReader.load(path: path, displayName: "fuzz", policy: policy)
        case 3: _ = try BeatLocator.load(path: path, displayName: "fuzz", property: "beat", policy: policy)
        default: _ = try CallsMapping.load(path: path, policy: policy)
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
        ["policy", "scenario", "theme", "roster", "journal", "export", "sidefile"].flatMap { kind -> [(String, URL)] in
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
        #expect(Set(seeds.map(\.kind)) == ["policy", "scenario", "theme", "roster", "journal", "export", "sidefile"])
        for (kind, file) in seeds {
            let bytes = Array(try Data(contentsOf: file))
            #expect(throws: Never.self, "\(kind)/\(file.lastPathComponent)") { try Self.read(kind, bytes) }
        }
    }
}
