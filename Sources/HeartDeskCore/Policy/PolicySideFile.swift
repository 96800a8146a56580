/// A data file a policy names beside it (`vocabulary:`, `places:`, `streets:`), read when it is needed.
public struct PolicySideFile: Sendable, Hashable {
    /// Absolute path, or relative to the folder the policy was read in.
    public let path: String
    /// How messages name the file.
    public let displayName: String

    public init(path: String, displayName: String) {
        self.path = path
        self.displayName = displayName
    }
}
