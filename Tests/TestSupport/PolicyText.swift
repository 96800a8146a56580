import Foundation

/// A small valid policy in the shipped format, for tests that break one thing at a time.
public enum PolicyText {
    public static let minimal = """
        name: Testville
        timeZone: America/New_York
        safetyFlags:
          - {id: weapon, question: Any weapon?, label: weapon}
        callTypes:
          - {name: Mental Health Crisis, code: MHC, aliases: [crisis]}
          - {name: Trespass, code: TRES}
          - {name: Burglary, code: BURG}
        responses:
          - id: TEAM
            name: Crisis Team
            kind: in-person
            area: core
            hours:
              - {days: Mon-Fri, open: "09:00", close: "17:00"}
            eligible:
              - callTypes: [Mental Health Crisis, Trespass]
                unless: [weapon]
          - id: FOLLOW
            name: Follow-up
            kind: follow-up
            area: core
            hours: always
            after: [TEAM]
          - id: POLICE
            name: Police
            kind: in-person
            area: citywide
            hours: always
            eligible: any
        dispatchPreference: [TEAM, POLICE]
        serviceAreas:
          core: ["1", "2"]
        beats:
          - {id: "1", district: A, centroid: [36.0, -78.9], neighbors: ["2"]}
          - {id: "2", district: A, centroid: [36.1, -78.9], neighbors: ["1"]}
          - {id: "3", district: B, centroid: [36.2, -78.9]}
        """

    /// `minimal` with the first occurrence of `old` replaced by `new`.
    public static func minimal(replacing old: String, with new: String) -> String {
        guard let range = minimal.range(of: old) else { fatalError("'\(old)' is not in the minimal policy") }
        return minimal.replacingCharacters(in: range, with: new)
    }

    /// The 1-based line of the first line containing `fragment` in `text`.
    public static func line(of fragment: String, in text: String) -> Int {
        guard let index = text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex(where: { $0.contains(fragment) }) else { fatalError("'\(fragment)' not found") }
        return index + 1
    }
}

extension PolicyText {
    /// The shipped Durham policy with every response open all hours, written to `path`: terminal
    /// tests run on the wall clock, and must decide the same at 03:00 as at noon.
    public static func writeDurhamOpenAllHours(to path: String, sourceFile: String = #filePath) throws {
        let shipped = URL(fileURLWithPath: sourceFile).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/HeartDeskCore/Resources/Policies/durham.yaml")
        var lines: [String] = []
        var skippingHours = false
        for line in try String(contentsOf: shipped, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
            if line.trimmingCharacters(in: .whitespaces) == "hours:" {
                lines.append(line.replacingOccurrences(of: "hours:", with: "hours: always"))
                skippingHours = true
                continue
            }
            if skippingHours && line.trimmingCharacters(in: .whitespaces).hasPrefix("- {days") { continue }
            skippingHours = false
            lines.append(String(line))
        }
        // The vocabulary and beat polygons stay where they ship: named by absolute path from the copy.
        let folder = shipped.deletingLastPathComponent().standardizedFileURL.path
        try lines.joined(separator: "\n")
            .replacingOccurrences(of: "file: durham-beats.geojson", with: "file: \(folder)/durham-beats.geojson")
            .replacingOccurrences(of: "vocabulary: durham-vocabulary.yaml", with: "vocabulary: \(folder)/durham-vocabulary.yaml")
            .write(toFile: path, atomically: false, encoding: .utf8)
    }
}

extension PolicyText {
    /// Bayview: another city's numbering, unlike Durham's in every way the issue on portability names — numeric codes
    /// that rules use, priorities 0–4 and 9, its own program name, flag labels and crew roles, no CCD or CRT.
    public static let otherCity = """
        name: Bayview ACT
        program: ACT
        timeZone: America/Los_Angeles
        priorities:
          levels:
            - {value: 0, label: immediate}
            - {value: 1, label: emergency}
            - {value: 2, label: urgent}
            - {value: 3, label: prompt}
            - {value: 4, label: routine}
            - {value: 9, label: information}
          default: 3
          withSafetyFlag: 1
        crewRoles:
          - {id: social-worker, letter: S, label: social worker}
          - {id: paramedic, letter: M, label: paramedic}
          - {id: officer, letter: O, label: police officer, sworn: true}
        safetyFlags:
          - {id: weapon, question: Any weapon seen?, label: weapon seen}
          - {id: violent, question: Anyone violent?, label: violence}
        callTypes:
          - {name: Person in Crisis, code: "5150", aliases: [crisis]}
          - {name: Welfare Check, code: "918", aliases: [welfare]}
          - {name: Disturbance, code: "415"}
          - {name: Burglary, code: "459"}
        responses:
          - id: LINE
            name: Crisis Line
            kind: phone
            area: citywide
            hours: always
            eligible:
              - callTypes: ["5150"]
          - id: ACT
            name: Alternative Crisis Team
            kind: in-person
            area: citywide
            hours: always
            eligible:
              - callTypes: ["5150", welfare]
                unless: [weapon, violent]
          - id: NAV
            name: Navigation
            kind: follow-up
            area: citywide
            hours: always
            after: [LINE, ACT]
          - id: PD
            name: Police
            kind: in-person
            area: citywide
            hours: always
            eligible: any
        dispatchPreference: [ACT, PD]
        beats:
          - {id: "1", district: Central, centroid: [32.7, -117.1]}
          - {id: "2", district: North, centroid: [32.9, -117.2]}
        """

    /// Bayview's units.
    public static let otherCityRoster = """
        units:
          - {id: ACT-1, response: ACT, crew: [social-worker, paramedic]}
          - {id: PD-1, response: PD, crew: [officer]}
          - {id: LINE-1, response: LINE, crew: [social-worker]}
        """
}
