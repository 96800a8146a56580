/// Where a policy's vocabulary is: a YAML file beside it (`vocabulary:` in the policy).
public struct VocabularySource: Sendable, Hashable {
    /// Absolute path, or relative to the folder the policy was read in.
    public let path: String
    /// How messages name the file.
    public let displayName: String

    public init(path: String, displayName: String) {
        self.path = path
        self.displayName = displayName
    }
}

extension Policy {
    /// The policy's vocabulary, read from its file now; nil when the policy names none.
    public func loadVocabulary() throws -> Vocabulary? {
        guard let source = vocabulary else { return nil }
        return try VocabularyReader.load(path: source.path, displayName: source.displayName, policy: self)
    }
}
