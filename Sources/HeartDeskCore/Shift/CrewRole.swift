/// A responder's role on a unit, as the policy defines it; the unit board shows its letter ("C P E").
///
/// Durham's four are built in and used by a policy without a `crewRoles:` section; another city lists its own
/// (docs/policy-format.md). A sworn role (a police officer) makes its unit armed: the report does not count it as
/// an unarmed team.
public struct CrewRole: Sendable, Hashable {
    /// "clinician", as rosters and journals write it.
    public let id: String
    /// One letter (or two) for the unit board.
    public let letter: String
    /// "clinician", as help and reports name it.
    public let label: String
    /// A sworn officer: the unit is not an unarmed team.
    public let isSworn: Bool

    public init(id: String, letter: String, label: String, isSworn: Bool) {
        self.id = id
        self.letter = letter
        self.label = label
        self.isSworn = isSworn
    }

    public static let clinician = CrewRole(id: "clinician", letter: "C", label: "clinician", isSworn: false)
    public static let peerSupport = CrewRole(id: "peer-support", letter: "P", label: "peer support specialist", isSworn: false)
    public static let emt = CrewRole(id: "emt", letter: "E", label: "EMT", isSworn: false)
    public static let citOfficer = CrewRole(id: "cit-officer", letter: "O", label: "crisis-trained officer", isSworn: true)

    /// Durham's roles: those of a policy that lists none.
    public static let standard: [CrewRole] = [.clinician, .peerSupport, .emt, .citOfficer]

    /// The role `id` names in `known`, or — for a journal written under a policy whose roles are not at hand — a
    /// role that shows its id's first letter and counts as unarmed.
    public static func resolve(_ id: String, in known: [CrewRole]) -> CrewRole {
        known.first { $0.id == id } ?? standard.first { $0.id == id }
            ?? CrewRole(id: id, letter: String(id.prefix(1)).uppercased(), label: id, isSworn: false)
    }
}
