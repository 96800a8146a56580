import Foundation

/// A places file and a street guide for Durham's beats, beside a copy of the Durham policy (open all hours) that
/// names them and an interpreter line. The places are made up for tests; the beats are Durham's.
public enum IntakeFiles {
    public static let places = """
        places:
          - name: Riverside Shelter
            aliases: [the shelter, riverside]
            address: 600 E Main St
            coordinates: 35.9886,-78.8939
            cautions:
              - "shelter: staff will meet the team"
              - {text: "history of weapons: ask", safety: true}
          - name: Pettigrew Footbridge
            aliases: [the footbridge]
            beat: 412
            cautions: ["dog on premises next door"]
          - name: Alston Clinic
            address: 1500 Alston Ave
        """

    public static let streets = """
        streets:
          - {street: East Main Street, from: 500, to: 699, beat: 513}
          - {street: E Main St, from: 700, to: 1298, side: even, beat: 113}
          - {street: E Main St, from: 701, to: 1299, side: odd, beat: 111}
          - {street: Alston Avenue, from: 1400, to: 1599, beat: 412}
        """

    public static let interpreterLine = "the language line, 919-555-0142"

    /// Writes the places file, the street guide and the policy naming both into `directory`; returns the policy's path.
    @discardableResult
    public static func writeDurhamPolicy(in directory: String) throws -> String {
        let policy = directory + "/durham-intake.yaml"
        try PolicyText.writeDurhamOpenAllHours(to: policy)
        try places.write(toFile: directory + "/places.yaml", atomically: false, encoding: .utf8)
        try streets.write(toFile: directory + "/streets.yaml", atomically: false, encoding: .utf8)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: policy))
        handle.seekToEndOfFile()
        handle.write(Data("\nplaces: places.yaml\nstreets: streets.yaml\ninterpreterLine: \"\(interpreterLine)\"\n".utf8))
        try handle.close()
        return policy
    }
}
