import Yams

/// Reading helpers for YAML data files (policy, roster, scenario) that report faults as `file:line: message`.
public protocol YAMLWalking {
    /// How errors name the file.
    var source: String { get }
}

public extension YAMLWalking {
    func line(of node: Node) -> Int? { node.mark?.line }

    func fail(_ node: Node, _ message: String) -> PolicyError {
        PolicyError(file: source, line: line(of: node), message: message)
    }

    /// The mapping's values by key, refusing keys not in `required ∪ optional` and missing required keys.
    func fields(of node: Node, what: String, required: Set<String>, optional: Set<String> = []) throws -> [String: Node] {
        guard let mapping = node.mapping else { throw fail(node, "expected \(what) as a mapping of keys to values") }
        var result: [String: Node] = [:]
        for (keyNode, value) in mapping {
            let key = try string(keyNode, what: "key")
            guard required.contains(key) || optional.contains(key) else {
                let allowed = (required.union(optional)).sorted().joined(separator: ", ")
                throw fail(keyNode, "unknown key '\(key)' in \(what) (expected: \(allowed))")
            }
            result[key] = value
        }
        if let missing = required.subtracting(result.keys).sorted().first {
            throw fail(node, "\(what) is missing '\(missing)'")
        }
        return result
    }

    func string(_ node: Node, what: String) throws -> String {
        guard let scalar = node.scalar else { throw fail(node, "expected \(what) as a single value") }
        let text = scalar.string.trimmingWhitespace
        if text.isEmpty { throw fail(node, "\(what) is empty") }
        return text
    }

    func number(_ node: Node, what: String) throws -> Double {
        let text = try string(node, what: what)
        guard let value = Double(text), value.isFinite, value >= 0 else { throw fail(node, "\(what) must be a number ≥ 0, not '\(text)'") }
        return value
    }

    /// A whole number from 0 to `limit`: checked before it is converted, so a huge value is an error, not a trap.
    func wholeNumber(_ node: Node, what: String, limit: Int) throws -> Int {
        let text = try string(node, what: what)
        guard let value = Double(text), value.isFinite, value >= 0, value <= Double(limit), value == value.rounded() else {
            throw fail(node, "\(what) must be a whole number from 0 to \(limit), not '\(text)'")
        }
        return Int(value)
    }

    func bool(_ node: Node, what: String) throws -> Bool {
        switch try string(node, what: what).lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        case let text: throw fail(node, "\(what) must be true or false, not '\(text)'")
        }
    }

    func sequence(_ node: Node, what: String) throws -> [Node] {
        guard let sequence = node.sequence else { throw fail(node, "expected \(what) as a list") }
        return Array(sequence)
    }

    func strings(_ node: Node, what: String) throws -> [String] {
        try sequence(node, what: what).map { try string($0, what: what) }
    }
}
