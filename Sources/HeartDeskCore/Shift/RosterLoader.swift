import Foundation
import Yams

/// Reads a roster file: the units a shift starts with, their crews, languages and home beats.
public enum RosterLoader {
    /// The name the built-in Durham roster goes by in messages.
    public static let bundledDurhamName = "durham-roster.yaml (built in)"

    /// The default Durham roster shipped beside the policy.
    public static func bundledDurham(policy: Policy) throws -> [UnitDefinition] {
        guard let url = Bundle.module.url(forResource: "durham-roster", withExtension: "yaml", subdirectory: "Policies") else {
            throw PolicyError(file: bundledDurhamName, line: nil, message: "the built-in roster is missing from the install")
        }
        do {
            return try load(contentsOf: url, displayName: bundledDurhamName, policy: policy)
        } catch let error as PolicyError {
            // Another city's policy with Durham's units: the fault is the missing --roster, not the roster file.
            throw PolicyError(file: bundledDurhamName, line: nil,
                              message: "the built-in roster has Durham's units, which do not fit policy \(policy.name) "
                                  + "(\(error.message)): give --roster FILE with this policy's units")
        }
    }

    /// Loads a roster file checked against `policy` (responses and beats must exist).
    public static func load(contentsOf url: URL, displayName: String? = nil, policy: Policy) throws -> [UnitDefinition] {
        let name = displayName ?? url.path
        return try load(yaml: try DataFile.text(at: url, displayName: name), source: name, policy: policy)
    }

    /// Loads a roster from YAML text.
    public static func load(yaml: String, source: String, policy: Policy) throws -> [UnitDefinition] {
        try RosterReader(source: source, policy: policy).units(from: PolicyLoader.compose(yaml, source: source))
    }

    /// Reads a list of units that sits inside another document (a scenario's `roster:`).
    public static func units(in list: Node, source: String, policy: Policy) throws -> [UnitDefinition] {
        try RosterReader(source: source, policy: policy).unitList(list)
    }
}

/// Walks a roster document into unit definitions.
private struct RosterReader: YAMLWalking {
    let source: String
    let policy: Policy

    func units(from root: Node) throws -> [UnitDefinition] {
        let top = try fields(of: root, what: "the roster", required: ["units"])
        return try unitList(top["units"]!)
    }

    func unitList(_ list: Node) throws -> [UnitDefinition] {
        var result: [UnitDefinition] = []
        for item in try sequence(list, what: "units") {
            let f = try fields(of: item, what: "a unit", required: ["id", "response", "crew"],
                               optional: ["languages", "homeBeat", "shift", "status"])
            let id = try string(f["id"]!, what: "unit id")
            if result.contains(where: { $0.id.uppercased() == id.uppercased() }) { throw fail(f["id"]!, "unit \(id) is listed twice") }
            let response = try string(f["response"]!, what: "response")
            guard policy.response(id: response) != nil else { throw fail(f["response"]!, "unit \(id) works for unknown response \(response)") }
            var crew: [CrewRole] = []
            for roleNode in try sequence(f["crew"]!, what: "crew") {
                let role = try string(roleNode, what: "crew role")
                guard let parsed = policy.crewRoles.first(where: { $0.id == role }) else {
                    throw fail(roleNode, "unknown crew role '\(role)': policy \(policy.name) has \(policy.crewRoles.map(\.id).joined(separator: ", "))")
                }
                crew.append(parsed)
            }
            var homeBeat: String?
            if let beatNode = f["homeBeat"] {
                let beat = try string(beatNode, what: "homeBeat")
                guard policy.beat(id: beat) != nil else { throw fail(beatNode, "unit \(id) has unknown home beat \(beat)") }
                homeBeat = beat
            }
            var status = UnitStatus.available
            if let statusNode = f["status"] {
                let text = try string(statusNode, what: "status")
                guard let parsed = UnitStatus(rawValue: text), !parsed.needsCall else {
                    throw fail(statusNode, "a unit starts the shift available, off-duty or out-of-service, not '\(text)'")
                }
                status = parsed
            }
            result.append(UnitDefinition(
                id: id, response: policy.response(id: response)!.id, crew: crew,
                languages: try f["languages"].map { try strings($0, what: "languages") } ?? [],
                homeBeat: homeBeat, shiftHours: try f["shift"].map { try string($0, what: "shift") }, initialStatus: status))
        }
        return result
    }
}
