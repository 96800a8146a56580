import Foundation
import HeartDeskCore

/// The scenarios shipped with HeartDesk, and how a name or a path on the command line finds one.
public enum ScenarioCatalog {
    /// Shipped scenario names, sorted.
    public static var names: [String] {
        guard let directory = Bundle.module.url(forResource: "Scenarios", withExtension: nil),
              let files = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// The shipped scenario file called `name`, if there is one.
    public static func url(named name: String) -> URL? {
        Bundle.module.url(forResource: name, withExtension: "yaml", subdirectory: "Scenarios")
    }

    /// Loads a shipped scenario by name, or a scenario file by path.
    public static func load(_ nameOrPath: String) throws -> Scenario {
        if let url = url(named: nameOrPath), !nameOrPath.contains("/") {
            return try ScenarioLoader.load(contentsOf: url, displayName: "\(nameOrPath).yaml (built in)")
        }
        guard FileManager.default.fileExists(atPath: nameOrPath) else {
            throw PolicyError(file: nameOrPath, line: nil,
                              message: "no such scenario file, and no shipped scenario of that name (shipped: \(names.joined(separator: ", ")))")
        }
        return try ScenarioLoader.load(contentsOf: URL(fileURLWithPath: nameOrPath), displayName: nameOrPath)
    }
}
