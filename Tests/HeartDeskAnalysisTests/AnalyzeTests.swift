import Foundation
import HeartDeskAnalysis
import HeartDeskCore
import Testing
import TestSupport

/// `heartdesk analyze` against exports whose every figure was worked out by hand.
@Suite("Analyze a city's calls")
struct AnalyzeTests {
    static let durhamHeader = "Event Number,Case Number,Call Date,Call Time,Source,Priority,Nature,Address,X,Y,District,Beat,Tract,Disposition,Cancelled"

    /// Monday 23 Nov 2026 onwards, Durham's policy (CRT every day 10–21 in the pilot beats, CCD weekdays 9–17 by
    /// phone citywide, COR weekdays 9–17 only with a flag for Trespass):
    /// - line 2, Mon 14:05 Mental Health Crisis in 111: CRT dispatched, CCD may phone, CN follows. COR: not its type.
    /// - line 3, Mon 22:10 the same: everyone closed → POLICE; no follow-up.
    /// - line 4, Tue 11:00 Mental Health Crisis in 212: outside the pilot area (CRT, CN) → POLICE; CCD (citywide) may phone.
    /// - line 5, Tue 11:30 Trespass in 111, written 11/24/2026: CRT; CCD does not take it; COR needs a flag; CN follows CRT.
    /// - line 6: one field short (malformed). Lines 7 and 8: code ZZZ, which nobody maps.
    static let durhamRows = [
        "E1,,2026-11-23,14:05:00,911,2,Mental Health Crisis,\"1 Main St, Apt 2\",0,0,D1,111,1,RPT,N",
        "E2,,2026-11-23,22:10:00,911,2,Mental Health Crisis,1 Main St,0,0,D1,111,1,RPT,N",
        "E3,,2026-11-24,11:00,911,2,MENTAL HEALTH CRISIS,2 Oak St,0,0,D2,212,1,RPT,N",
        "E4,,11/24/2026,11:30:00,911,3,Trespass,3 Elm St,0,0,D1,111,1,RPT,N",
        "E5,,2026-11-24,12:00:00,911,3,Trespass,3 Elm St,0,0,D1,111,1,RPT",
        "E6,,2026-11-24,12:00:00,911,3,ZZZ,3 Elm St,0,0,D1,111,1,RPT,N",
        "E7,,2026-11-25,12:00:00,911,3,ZZZ,3 Elm St,0,0,D1,111,1,RPT,N",
    ]

    static func durhamFile(_ directory: TemporaryDirectory) throws -> String {
        let path = directory.path("calls.csv")
        try ([durhamHeader] + durhamRows).joined(separator: "\r\n").appending("\r\n").write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    @Test("the Durham layout: decisions, eligible, blockers, hours and beats, malformed and unmapped rows")
    func durhamLayout() throws {
        let directory = TemporaryDirectory()
        let analysis = try CallsAnalysis.run(path: try Self.durhamFile(directory), policies: [Durham.policy], mapping: .durham)
        #expect(analysis.rows == 7)
        #expect(analysis.malformed == 1 && analysis.firstMalformed.map(\.line) == [6])
        #expect(analysis.unmapped == ["ZZZ": 2])
        let tally = analysis.tallies[0]
        #expect(tally.calls == 4)
        #expect(tally.dispatch == ["CRT": 2, "POLICE": 2])
        #expect(tally.phone == ["CCD": 2])
        #expect(tally.followUp == ["CN": 2], "CN works the pilot beats only: the call in 212 gets none")
        let crt = try #require(tally.tally(of: "CRT"))
        #expect(crt.eligible == 2)
        #expect(crt.blocked == [.closed: 1, .outsideArea: 1])
        #expect(crt.eligibleByHourOfWeek[14] == 1 && crt.eligibleByHourOfWeek[24 + 11] == 1 && crt.eligibleByHourOfWeek.reduce(0, +) == 2)
        #expect(crt.closedOnlyByHourOfWeek[22] == 1 && crt.closedOnlyByHourOfWeek.reduce(0, +) == 1)
        #expect(crt.outsideOnlyByBeat == ["212": 1])
        let ccd = try #require(tally.tally(of: "CCD"))
        #expect(ccd.eligible == 2 && ccd.blocked == [.callType: 1, .closed: 1])
        let cor = try #require(tally.tally(of: "COR"))
        #expect(cor.eligible == 0 && cor.blocked == [.callType: 3, .flag: 1])
        #expect(tally.callsByBeat == ["111": 3, "212": 1])
    }

    /// Smallton: codes are numbers, one column holds date and time in 12-hour form, beat "-1" means unknown; NIGHT is
    /// open overnight (20:00–08:00, as two entries), CRISIS all hours.
    static let smalltonPolicy = """
        name: Smallton
        timeZone: America/Chicago
        safetyFlags:
          - {id: weapon, question: Any weapon?, label: weapon}
        callTypes:
          - {name: Welfare Check, code: "101"}
          - {name: Person in Crisis, code: "5150"}
          - {name: Burglary, code: "459"}
        responses:
          - id: NIGHT
            name: Night Team
            kind: in-person
            area: north
            hours:
              - {days: every day, open: "00:00", close: "08:00"}
              - {days: every day, open: "20:00", close: "24:00"}
            eligible:
              - callTypes: [Welfare Check, Person in Crisis]
                unless: [weapon]
          - id: CRISIS
            name: Crisis Line
            kind: phone
            area: citywide
            hours: always
            eligible:
              - callTypes: [Person in Crisis]
          - id: PD
            name: Police
            kind: in-person
            area: citywide
            hours: always
            eligible: any
        dispatchPreference: [NIGHT, PD]
        serviceAreas:
          north: ["N1"]
        beats:
          - {id: "N1", district: N, centroid: [41.0, -90.0]}
          - {id: "S1", district: S, centroid: [40.9, -90.0]}
        """

    static let smalltonMapping = """
        columns:
          received: when
          callType: code
          beat: area
          id: incident
        timeFormat: "M/d/yyyy h:mm a"
        callTypes:
          "5150W": {type: "5150", flags: [weapon]}
        beats: {"-1": unknown}
        """

    @Test("another city's layout through a mapping file: numeric codes, implied flags, an overnight and a 24/7 response")
    func anotherCity() throws {
        let directory = TemporaryDirectory()
        let policyPath = directory.path("smallton.yaml"), mappingPath = directory.path("smallton-mapping.yaml")
        try Self.smalltonPolicy.write(toFile: policyPath, atomically: false, encoding: .utf8)
        try Self.smalltonMapping.write(toFile: mappingPath, atomically: false, encoding: .utf8)
        let policy = try PolicyLoader.load(contentsOf: URL(fileURLWithPath: policyPath), displayName: policyPath)
        let calls = directory.path("smallton.csv")
        // 11:30 PM Sat: NIGHT open, N1 → NIGHT. 2:15 AM Sun in S1: outside the area. 9:00 AM Sun: closed.
        // 5150W at 10:00 PM: a weapon → PD, CRISIS still phones (flags do not apply to it). Beat -1: unknown, outside.
        try """
            incident,area,code,when
            1,N1,101,11/28/2026 11:30 PM
            2,S1,5150,11/29/2026 2:15 AM
            3,N1,101,11/29/2026 9:00 AM
            4,N1,5150W,11/29/2026 10:00 PM
            5,-1,5150,11/30/2026 12:05 AM
            """.write(toFile: calls, atomically: false, encoding: .utf8)
        let mapping = try CallsMapping.load(path: mappingPath, policy: policy)
        let analysis = try CallsAnalysis.run(path: calls, policies: [policy], mapping: mapping)
        let tally = analysis.tallies[0]
        #expect(analysis.malformed == 0 && analysis.unmapped.isEmpty)
        #expect(tally.dispatch == ["NIGHT": 1, "PD": 4])
        #expect(tally.phone == ["CRISIS": 3])
        let night = try #require(tally.tally(of: "NIGHT"))
        #expect(night.eligible == 1)
        #expect(night.blocked == [.outsideArea: 2, .closed: 1, .flag: 1])
        #expect(night.outsideOnlyByBeat == ["S1": 1, "unknown": 1])
        // Sat 23:00 is hour of week 5 × 24 + 23.
        #expect(night.eligibleByHourOfWeek[5 * 24 + 23] == 1)
        #expect(night.closedOnlyByHourOfWeek[6 * 24 + 9] == 1)
    }

    @Test("--compare: the same calls under a policy with CRT open all hours; the difference is the closed-only calls")
    func compare() throws {
        let directory = TemporaryDirectory()
        let allHours = directory.path("durham-24-7.yaml")
        try PolicyText.writeDurhamOpenAllHours(to: allHours)
        let other = try PolicyLoader.load(contentsOf: URL(fileURLWithPath: allHours), displayName: allHours)
        let analysis = try CallsAnalysis.run(path: try Self.durhamFile(directory), policies: [Durham.policy, other], mapping: .durham)
        #expect(analysis.tallies.count == 2)
        #expect(try #require(analysis.tallies[1].tally(of: "CRT")).eligible == 3, "the Monday 22:10 call joins the two")
        let text = AnalysisReport.render(analysis, policies: [Durham.policy, other], format: .text)
        #expect(text.contains("CRT: 3 eligible against 2"))
    }

    @Test("staffing: one unit, an hour a call, calls at 0, 30 and 70 minutes: the second finds it busy", arguments: [
        (1, [0, 30, 70], 2), (2, [0, 30, 70], 3), (1, [0, 60, 120], 3), (1, [0, 59, 61], 2),
    ])
    func staffing(units: Int, minutes: [Int], served: Int) throws {
        let directory = TemporaryDirectory()
        let path = directory.path("staff.csv")
        // Mental Health Crisis in beat 111 on Monday from 10:00: CRT eligible for each.
        let rows = minutes.enumerated().map { index, minute in
            "E\(index),,2026-11-23,\(10 + minute / 60):\(String(format: "%02d", minute % 60)):00,911,2,Mental Health Crisis,x,0,0,D1,111,1,RPT,N"
        }
        try ([Self.durhamHeader] + rows).joined(separator: "\n").write(toFile: path, atomically: false, encoding: .utf8)
        let analysis = try CallsAnalysis.run(path: path, policies: [Durham.policy], mapping: .durham,
                                             options: .init(staff: ["CRT": units], serviceMinutes: ["CRT": 60]))
        let estimate = try #require(analysis.staffing.first)
        #expect(estimate.calls == minutes.count)
        #expect(estimate.served == served)
    }

    @Test("the default service time is the board's warn times: dispatched + en route + on scene for a team, on scene by phone")
    func defaultService() throws {
        #expect(CallsAnalysis.defaultServiceMinutes(of: try #require(Durham.policy.response(id: "CRT")), policy: Durham.policy) == 62)
        #expect(CallsAnalysis.defaultServiceMinutes(of: try #require(Durham.policy.response(id: "CCD")), policy: Durham.policy) == 45)
    }

    @Test("a bad mapping names its file and line", arguments: [
        ("columns:\n  callType: c\n  beat: b\n  received: r\ntimeFormat: \"yyyy-MM-dd\"\ncallTypes:\n  \"X1\": {type: Nonsense}\n", 7,
         "'X1' maps to 'Nonsense', not a call type of Durham HEART"),
        ("columns:\n  callType: c\n  beat: b\n  received: r\n", 1, "'timeFormat' is needed"),
        ("columns:\n  callType: c\n  beat: b\n  received: r\ntimeFormat: \"yyyy-QQ\"\n", 5, "cannot read timeFormat 'yyyy-QQ'"),
        ("columns:\n  callType: c\n  beat: b\n  recieved: r\n", 4, "unknown key 'recieved'"),
        ("columns:\n  callType: c\n  beat: b\n  received: r\ntimeFormat: \"yyyy\"\nbeats: {\"9\": \"Z9\"}\n", 6, "not a beat of Durham HEART"),
    ] as [(String, Int, String)])
    func badMapping(text: String, line: Int, message: String) throws {
        let directory = TemporaryDirectory()
        let path = directory.path("m.yaml")
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        #expect {
            _ = try CallsMapping.load(path: path, policy: Durham.policy)
        } throws: { error in
            let error = error as? AnalysisError
            return error?.file == path && error?.line == line && (error?.message.contains(message) ?? false)
        }
    }

    @Test("a missing column is one line naming the column and what the file has")
    func missingColumn() throws {
        let directory = TemporaryDirectory()
        let path = directory.path("c.csv")
        try "Call Date,Call Time,Beat\n2026-11-23,10:00,111\n".write(toFile: path, atomically: false, encoding: .utf8)
        #expect {
            _ = try CallsAnalysis.run(path: path, policies: [Durham.policy], mapping: .durham)
        } throws: { error in
            "\(error)" == "\(path):1: no column 'Nature' (the Durham layout needs it; the file has: call date, call time, beat)"
        }
    }
}

/// The real binary, as an analyst runs it.
@Suite("heartdesk analyze, the command")
struct AnalyzeCommandTests {
    @Test("JSON from the binary has the documented shape; a hostile code reaches the terminal and Markdown made safe")
    func binary() throws {
        let directory = TemporaryDirectory()
        let path = try AnalyzeTests.durhamFile(directory)
        let json = try HeartDeskBinary.run(["analyze", path, "--format", "json", "--staff", "CRT=1"])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["calls"] as? Int == 4 && object["rows"] as? Int == 7 && object["malformed"] as? Int == 1)
        #expect((object["unmapped"] as? [String: Int]) == ["ZZZ": 2])
        #expect(((object["decisions"] as? [String: Any])?["dispatch"] as? [String: Int]) == ["CRT": 2, "POLICE": 2])
        #expect(((object["blocked"] as? [String: Any])?["CRT"] as? [String: Int]) == ["callType": 0, "flag": 0, "outsideArea": 1, "closed": 1])
        #expect((object["staffing"] as? [[String: Any]])?.first?["served"] as? Int == 2)

        let hostile = directory.path("hostile.csv")
        try "\(AnalyzeTests.durhamHeader)\nE1,,2026-11-23,14:05,911,2,\u{1B}]0;pwned\u{07}<script>,x,0,0,D1,111,1,RPT,N\n"
            .write(toFile: hostile, atomically: false, encoding: .utf8)
        let text = try HeartDeskBinary.run(["analyze", hostile])
        #expect(text.status == 0 && !text.stdout.contains("\u{1B}") && !text.stdout.contains("\u{07}"))
        let markdown = try HeartDeskBinary.run(["analyze", hostile, "--format", "md"])
        #expect(!markdown.stdout.contains("<script>") && markdown.stdout.contains("\\<script\\>"))
    }

    @Test("bad input is one line and a non-zero exit", arguments: [
        (["analyze", "/nonexistent.csv"], "cannot analyze: /nonexistent.csv: no such file"),
        (["analyze", "/tmp"], "cannot analyze: /tmp: is a directory, not a file"),
        (["analyze", "CALLS", "--format", "xml"], "--format xml: use one of text, md, csv, json, html"),
        (["analyze", "CALLS", "--staff", "CRT"], "--staff CRT: expected RESPONSE=NUMBER, as CRT=3"),
        (["analyze", "CALLS", "--staff", "POLICE=3"], "--staff POLICE=3: Durham HEART has no alternative response 'POLICE'"),
    ])
    func badInput(arguments: [String], message: String) throws {
        let directory = TemporaryDirectory()
        let path = try AnalyzeTests.durhamFile(directory)
        let result = try HeartDeskBinary.run(arguments.map { $0 == "CALLS" ? path : $0 })
        #expect(result.status != 0)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines.first.map { $0.contains(message) } == true, "\(result.stderr)")
    }
}
