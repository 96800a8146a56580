import Foundation
import Testing
import TestSupport

/// `heartdesk route` run as a built binary, the way a call-taker or a script uses it.
@Suite("heartdesk route (end to end)")
struct RouteCommandTests {
    @Test("plain output: the three answers, then every reason")
    func plain() throws {
        let run = try HeartDeskBinary.run(["route", "--type", "Suicide Threat", "--beat", "111", "--at", "2026-11-23T14:00"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Suicide Threat (SUIT) · beat 111 (D1) · Mon 2026-11-23T14:00:00-05:00")
        #expect(lines.contains("Dispatch   CRT     Community Response Team"))
        #expect(lines.contains("Phone      CCD     Crisis Call Diversion"))
        #expect(lines.contains("Follow-up  CN      Care Navigation"))
        #expect(lines.contains("  ✗ COR: not eligible — Suicide Threat is not a COR call type"))
        #expect(run.stderr.isEmpty)
    }

    @Test("JSON: dispatch, phone, followUp and every response with reasons")
    func json() throws {
        let run = try HeartDeskBinary.run(["route", "--type", "mhc", "--beat", "121", "--at", "2026-11-21T16:02Z", "--weapon", "--json"])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["dispatch"] as? String == "POLICE")
        #expect(object["phone"] is NSNull)
        #expect(object["followUp"] is NSNull)
        let responses = try #require(object["responses"] as? [[String: Any]])
        #expect(responses.map { $0["id"] as? String } == ["CCD", "CRT", "COR", "CN", "POLICE"])
        let crt = try #require(responses.first { $0["id"] as? String == "CRT" })
        #expect(crt["eligible"] as? Bool == false)
        #expect(crt["reasons"] as? [String] == ["CRT: not eligible — weapon reported", "CRT: beat 121 is outside the service area"])
        let ccd = try #require(responses.first { $0["id"] as? String == "CCD" })
        #expect((ccd["reasons"] as? [String])?.contains("CCD: closed — Mon–Fri 09:00–17:00, now Sat 11:02") == true)
    }

    @Test("co-response when risk is reported in the pilot area on a weekday")
    func coResponse() throws {
        let run = try HeartDeskBinary.run(["route", "--type", "Domestic Violence", "--beat", "413", "--at", "2026-11-24T10:30",
                                           "--elevated-risk", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["dispatch"] as? String == "COR")
        #expect(object["followUp"] as? String == "CN")
    }

    @Test("bad input: one line on stderr, non-zero exit, nothing on stdout", arguments: [
        (["--type", "Mental Helth", "--beat", "111"], "unknown call type 'Mental Helth'; did you mean Mental Health Crisis?"),
        (["--type", "trespass", "--beat", "1111"], "unknown beat '1111'"),
        (["--type", "trespass", "--beat", "111", "--at", "next tuesday"], "--at: cannot read time 'next tuesday'"),
        (["--type", "trespass", "--beat", "111", "--flag", "dog"], "safety flag 'dog' is not in policy Durham HEART"),
        (["--type", "trespass", "--beat", "111", "--policy", "/nonexistent.yaml"], "bad policy: /nonexistent.yaml: no such file"),
        (["--type", "trespass", "--beat", "111", "--policy", "/dev/null"], "bad policy: /dev/null: is a device, not a file"),
        (["--type", "trespass", "--beat", "111", "--at", "0000-01-01T00:00"], "outside the years HeartDesk works in (1970–2099)"),
        // The parser's own errors, in one line that says where to look.
        (["--type", "trespass"], "heartdesk route: missing expected argument '--beat <beat>' (see heartdesk route --help)"),
        (["--type", "trespass", "--beat", "111", "--bogus"], "heartdesk route: unknown option '--bogus' (see heartdesk route --help)"),
    ])
    func badInput(arguments: [String], message: String) throws {
        let run = try HeartDeskBinary.run(["route"] + arguments)
        #expect(run.status != 0)
        #expect(run.stdout.isEmpty)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(run.stderr)")
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }

    @Test("--policy takes another city's file, and a broken one names file and line")
    func otherPolicy() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("heartdesk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = directory.appendingPathComponent("testville.yaml")
        try PolicyText.minimal.write(to: good, atomically: false, encoding: .utf8)
        let run = try HeartDeskBinary.run(["route", "--policy", good.path, "--type", "crisis", "--beat", "2",
                                           "--at", "2026-11-23T10:00", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(#""dispatch":"TEAM""#))

        let broken = directory.appendingPathComponent("broken.yaml")
        let text = PolicyText.minimal(replacing: #"close: "17:00""#, with: #"close: "25:00""#)
        try text.write(to: broken, atomically: false, encoding: .utf8)
        let bad = try HeartDeskBinary.run(["route", "--policy", broken.path, "--type", "crisis", "--beat", "2"])
        #expect(bad.status != 0)
        let line = PolicyText.line(of: "25:00", in: text)
        #expect(bad.stderr == "heartdesk route: bad policy: \(broken.path):\(line): '25:00' is not a time of day: use HH:MM from 00:00 to 24:00, in quotes\n")
    }

    @Test("--at omitted routes at the current time")
    func now() throws {
        let run = try HeartDeskBinary.run(["route", "--type", "burglary", "--beat", "111", "--json"])
        #expect(run.status == 0)
        #expect(run.stdout.contains(#""dispatch":"POLICE""#))
    }
}
