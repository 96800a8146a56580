import ArgumentParser
import Foundation
import HeartDeskCore

/// `--policy FILE`, shared by every command that routes.
struct PolicyOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Routing policy YAML file (default: the built-in Durham HEART policy).",
                                            valueName: "file"))
    var policy: String?

    /// Loads the chosen policy, turning a bad file into a one-line error with file and line.
    func load() throws -> Policy {
        do {
            if let policy {
                return try PolicyLoader.load(contentsOf: URL(fileURLWithPath: policy), displayName: policy)
            }
            return try PolicyLoader.bundledDurham()
        } catch let error as PolicyError {
            throw UserError("bad policy: \(error)")
        }
    }
}
