import ArgumentParser
import Foundation
import HeartDeskCore

/// `--policy FILE`, shared by every command that routes.
struct PolicyOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Routing policy YAML file (default: the built-in Durham HEART policy).",
                                            valueName: "file"))
    var policy: String?

    /// Refuses to read or write the shift in `journal` under `policy` when it was opened under another.
    static func check(_ policy: Policy, against state: ShiftState, journal: String) throws {
        guard state.openedAt != nil, let mismatch = state.policy.mismatch(with: policy.identity) else { return }
        throw UserError("\(journal): \(mismatch)")
    }

    /// Loads the chosen policy, turning a bad file into a one-line error with file and line.
    func load() throws -> Policy {
        do {
            let cache = PolicyCache.standard()
            if let policy {
                return try PolicyLoader.load(contentsOf: URL(fileURLWithPath: policy), displayName: policy, cache: cache)
            }
            return try PolicyLoader.bundledDurham(cache: cache)
        } catch let error as PolicyError {
            throw UserError("bad policy: \(error)")
        }
    }
}
