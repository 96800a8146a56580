/// String lists the fold makes again and again — a revision's "elevated-risk no → yes" — kept once and handed out
/// shared, so each revision holds a reference, not its own array and strings.
///
/// A cache, not part of the shift: two states folded from the same events are equal whatever it holds. Bounded, so
/// a shift of unique lists (every revision a new location) stops remembering instead of growing a second copy.
struct SharedLists: Sendable, Hashable {
    private var lists: Set<[String]> = []
    /// The last few lists handed out, compared before the set is hashed: revisions of a shift repeat a handful of
    /// lists, and comparing short lists costs less than hashing one (callgrind, the soak's journal: this cache
    /// halved the instructions spent here, 26.6 to 13.6 million).
    private var recent: [[String]] = []
    private static let recentCount = 4
    private let limit: Int

    init(limit: Int = 4096) { self.limit = limit }

    /// `list`, or an equal list handed out before.
    mutating func shared(_ list: [String]) -> [String] {
        if list.isEmpty { return list }
        if let hit = recent.firstIndex(of: list) { return recent[hit] }
        let found: [String]
        if let existing = lists.firstIndex(of: list) {
            found = lists[existing]
        } else {
            if lists.count < limit { lists.insert(list) }
            found = list
        }
        if recent.count == Self.recentCount { recent.removeFirst() }
        recent.append(found)
        return found
    }

    static func == (lhs: SharedLists, rhs: SharedLists) -> Bool { true }
    func hash(into hasher: inout Hasher) {}
}
