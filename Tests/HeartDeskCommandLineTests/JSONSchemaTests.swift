import Foundation
import Testing
import TestSupport

/// Every `--json` output, from real journals, against the one schema in docs/schemas (validated by Python's
/// jsonschema, which `.ci/run` installs if missing).
@Suite("JSON outputs and their schema")
struct JSONSchemaTests {
    let directory = TemporaryDirectory()

    /// A live shift that holds every event a call-taker's commands write.
    func liveShift() throws -> String {
        let journal = directory.path("live.hdj")
        let steps: [[String]] = [
            ["new-call", "--type", "Mental Health Crisis", "--beat", "111", "--no-weapon", "--no-violent", "--caller", "Ana",
             "--callback", "919-555-0101", "--location", "410 Gray Ave", "--at", "2026-11-23T14:00"],
            ["dispatch", "C-0001", "CRT-1"], ["status", "CRT-1", "en-route"], ["status", "CRT-1", "on-scene"],
            ["backup", "CRT-1", "--kind", "police"], ["backup", "CRT-1", "--acknowledge"], ["backup", "CRT-1", "--on-scene"],
            ["note", "C-0001", "calmer now"], ["revise", "C-0001", "--language", "Spanish"],
            ["close", "C-0001", "--disposition", "referred"], ["follow-up", "F-0001", "contacted"],
            ["new-call", "--type", "Robbery", "--beat", "999"],
            ["dispatch", "C-0002", "COR-1", "--override", "officer nearby"],
        ]
        for step in steps {
            let run = try HeartDeskBinary.run(["shift"] + step + ["--journal", journal])
            #expect(run.status == 0, "\(step): \(run.stderr)")
        }
        return journal
    }

    @Test("shift show, shift history, journal show and journal export match docs/schemas, live and exercise")
    func outputsMatchSchema() throws {
        let live = try liveShift()
        let exercise = directory.path("drill.journal")
        let drill = try HeartDeskBinary.run(["exercise", "safety-test", "--headless", "--auto", "--journal", exercise])
        #expect(drill.status == 0, "\(drill.stderr)")
        for journal in [live, exercise] {
            try expectValid(["shift", "show", "--journal", journal, "--json"], as: "shiftShow")
            try expectValid(["shift", "history", "--journal", journal, "--json"], as: "shiftHistory")
            try expectValid(["journal", "show", journal, "--json"], as: "journalShowLine", lines: true)
            try expectValid(["journal", "export", journal, "--format", "json"], as: "journalExport")
        }
    }

    @Test("a call is the same object in shift show, shift history and journal export; events use its field names")
    func oneVocabulary() throws {
        let live = try liveShift()
        func calls(_ arguments: [String], key: String?) throws -> [[String: Any]] {
            let run = try HeartDeskBinary.run(arguments)
            let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
            let list = key.map { (object as? [String: Any])?[$0] } ?? object
            return try #require(list as? [[String: Any]], "\(arguments)")
        }
        let shown = try calls(["shift", "show", "--journal", live, "--json"], key: "calls")
        let history = try calls(["shift", "history", "--journal", live, "--json"], key: nil)
        let exported = try calls(["journal", "export", live, "--format", "json"], key: "calls")
        #expect(NSArray(array: shown).isEqual(to: history) && NSArray(array: shown).isEqual(to: exported))
        #expect(shown.first?["priority"] as? Int == 2, "numbers are numbers")

        let events = try HeartDeskBinary.run(["journal", "show", live, "--json"]).stdout.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        let received = try #require(events.first { $0["type"] as? String == "callReceived" })
        for field in ["callType", "beat", "flags", "answers", "priority", "location", "caller", "callback", "decision", "code", "district"] {
            #expect(try canonical(received[field]) == canonical(shown[0][field]), "\(field): the event and the call agree")
        }
        let dispatched = try #require(events.first { $0["type"] as? String == "unitDispatched" })
        #expect(dispatched["call"] as? String == "C-0001" && dispatched["unit"] as? String == "CRT-1")
    }

    @Test("the validator is real: a string where the schema wants a number fails")
    func validatorRejects() throws {
        let live = try liveShift()
        let shown = try HeartDeskBinary.run(["shift", "show", "--journal", live, "--json"]).stdout
        let broken = shown.replacingOccurrences(of: "\"priority\":2", with: "\"priority\":\"2\"")
        #expect(broken != shown)
        let result = try validate(broken, as: "shiftShow", lines: false)
        #expect(result.status == 1 && result.stdout.contains("priority: '2' is not of type 'integer'"), "\(result.stdout)")
    }

    // MARK: Helpers

    /// A JSON value as sorted-key text, to compare two decoded values.
    private func canonical(_ value: Any?) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: value ?? NSNull(), options: [.sortedKeys, .fragmentsAllowed])
        return String(decoding: data, as: UTF8.self)
    }

    private struct Validation {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    private func expectValid(_ arguments: [String], as definition: String, lines: Bool = false) throws {
        let run = try HeartDeskBinary.run(arguments)
        #expect(run.status == 0, "\(arguments): \(run.stderr)")
        let result = try validate(run.stdout, as: definition, lines: lines)
        #expect(result.status == 0, "\(arguments.joined(separator: " ")) against \(definition):\n\(result.stdout)\(result.stderr)")
    }

    /// Runs Tests/Fixtures/validate_json.py on `output`.
    private func validate(_ output: String, as definition: String, lines: Bool) throws -> Validation {
        let input = directory.path("output-\(UUID().uuidString).json")
        try Data(output.utf8).write(to: URL(fileURLWithPath: input))
        let root = HeartDeskBinary.repositoryRoot
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("Tests/Fixtures/validate_json.py").path,
                             root.appendingPathComponent("docs/schemas/heartdesk-json.schema.json").path, definition]
            + (lines ? ["--lines"] : [])
        process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: input))
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile(), stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Validation(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                                       stderr: String(decoding: stderr, as: UTF8.self))
    }
}
