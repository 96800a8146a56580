/// Which policy a shift was opened under: its name and a hash of its file, recorded in the journal.
///
/// A shift command given another policy than the one its journal records would route under the wrong
/// city's rules without a word; comparing identities lets the command refuse instead.
public struct PolicyIdentity: Sendable, Hashable {
    /// The policy's `name:` ("Durham HEART").
    public let name: String
    /// SHA-256 of the policy file's bytes, lower-case hex; empty in journals written before it was recorded.
    public let contentHash: String

    public init(name: String, contentHash: String) {
        self.name = name
        self.contentHash = contentHash
    }

    /// The first 12 hex digits, as messages show the hash.
    public var shortHash: String { String(contentHash.prefix(12)) }

    /// Why a command under `other` must not touch a shift opened under this policy, or nil when they are the same.
    ///
    /// A journal from before the hash was recorded is matched by name alone.
    public func mismatch(with other: PolicyIdentity) -> String? {
        if contentHash.isEmpty || other.contentHash.isEmpty {
            guard name != other.name else { return nil }
            return "the shift was opened under policy \(name), not \(other.name): give the same --policy file"
        }
        guard contentHash != other.contentHash else { return nil }
        if name == other.name {
            return "the shift was opened under another version of policy \(name) (file hash \(shortHash), this one \(other.shortHash)): "
                + "give the file it was opened with, or open a new shift journal for the new policy"
        }
        return "the shift was opened under policy \(name) (hash \(shortHash)), not \(other.name) (hash \(other.shortHash)): "
            + "give the same --policy file"
    }
}
