import Crypto
import Foundation
import Yams

/// Reads a policy YAML file into a checked ``Policy``, or names the file, line and fault.
///
/// The format is documented in docs/policy-format.md. Every reference (a call type in a
/// rule, a beat in an area, a response in a preference list) is resolved here, so a
/// policy that loads cannot send the router to something that does not exist.
public enum PolicyLoader {
    /// The name the built-in Durham policy goes by in messages.
    public static let bundledDurhamName = "durham.yaml (built in)"

    /// Loads the Durham HEART policy shipped with HeartDesk.
    public static func bundledDurham(cache: PolicyCache? = nil) throws -> Policy {
        guard let url = Bundle.module.url(forResource: "durham", withExtension: "yaml", subdirectory: "Policies") else {
            throw PolicyError(file: bundledDurhamName, line: nil, message: "the built-in policy is missing from the install")
        }
        return try load(contentsOf: url, displayName: bundledDurhamName, cache: cache, builtIn: true)
    }

    /// Loads a policy file; `displayName` is how errors name it (default: the path). With a `cache`, a file loaded
    /// before (the same bytes) comes from it, and a file read now is kept in it.
    public static func load(contentsOf url: URL, displayName: String? = nil, cache: PolicyCache? = nil) throws -> Policy {
        try load(contentsOf: url, displayName: displayName, cache: cache, builtIn: false)
    }

    private static func load(contentsOf url: URL, displayName: String?, cache: PolicyCache?, builtIn: Bool) throws -> Policy {
        let name = displayName ?? url.path
        return try load(yaml: try DataFile.text(at: url, displayName: name), source: name, cache: cache,
                        directory: url.deletingLastPathComponent().path, builtIn: builtIn)
    }

    /// Loads a policy from YAML text; `source` is how errors name it, `directory` where the files it names are.
    public static func load(yaml: String, source: String, cache: PolicyCache? = nil, directory: String? = nil) throws -> Policy {
        try load(yaml: yaml, source: source, cache: cache, directory: directory, builtIn: false)
    }

    private static func load(yaml: String, source: String, cache: PolicyCache?, directory: String?, builtIn: Bool) throws -> Policy {
        let hash = SHA256.hash(data: Array(yaml.utf8)).map(hexDigits).joined()
        let key = cacheKey(contentHash: hash, directory: directory, builtIn: builtIn)
        if let cached = cache?.policy(key: key, contentHash: hash, source: source) { return cached }
        let policy = try PolicyReader(source: source, contentHash: hash, directory: directory, builtIn: builtIn)
            .policy(from: try compose(yaml, source: source))
        cache?.store(policy, key: key)
        return policy
    }

    /// The compiled cache's key for a policy: its file's hash and the folder it was read in — part of the key, not of
    /// the policy's identity, since the same text read elsewhere names other files beside it.
    static func cacheKey(contentHash: String, directory: String?, builtIn: Bool) -> String {
        SHA256.hash(data: Array("\(contentHash)\n\(directory ?? "")\n\(builtIn)".utf8)).map(hexDigits).joined()
    }

    private static let hexDigitPairs: [String] = (0..<256).map { String(format: "%02x", $0) }
    private static func hexDigits(_ byte: UInt8) -> String { hexDigitPairs[Int(byte)] }

    /// The YAML document in the file at `path` (a policy's side file), named `displayName` in errors.
    public static func composeFile(path: String, displayName: String) throws -> Node {
        try compose(DataFile.text(at: URL(fileURLWithPath: path), displayName: displayName), source: displayName)
    }

    /// The YAML document in `text`, or a ``PolicyError`` with the line where it stops being YAML.
    public static func compose(_ yaml: String, source: String) throws -> Node {
        let root: Node
        do {
            guard let composed = try Yams.compose(yaml: yaml, .basic) else {
                throw PolicyError(file: source, line: nil, message: "the file is empty")
            }
            root = composed
        } catch let error as PolicyError {
            throw error
        } catch let error as YamlError {
            throw Self.policyError(from: error, source: source)
        }
        return root
    }

    private static func policyError(from error: YamlError, source: String) -> PolicyError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return PolicyError(file: source, line: mark.line, message: "not valid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return PolicyError(file: source, line: context.mark.line,
                               message: "key '\(duplicates.first ?? "?")' appears twice in the mapping that starts here")
        case .reader(let problem, _, _, _):
            return PolicyError(file: source, line: nil, message: "not valid YAML: \(problem)")
        default:
            return PolicyError(file: source, line: nil, message: "not valid YAML: \(error)")
        }
    }
}
