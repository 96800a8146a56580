import Foundation

/// How a list is sorted: by which column, and which way. The console keeps one for the call queue and one for the
/// unit board; `<` and `>` step through the columns and `I` turns the order round, as in htop.
public struct BoardSort<Column: SortColumn>: Sendable, Hashable {
    public var column: Column
    /// Whether the column's natural order is turned round.
    public var isReversed: Bool

    public init(column: Column = Column.allCases.first!, isReversed: Bool = false) {
        self.column = column
        self.isReversed = isReversed
    }

    /// The next (or previous) column, its natural order again.
    mutating func step(by delta: Int) {
        let all = Array(Column.allCases)
        let index = all.firstIndex(of: column) ?? 0
        column = all[(index + delta + all.count) % all.count]
        isReversed = false
    }

    /// "age ↓": what the pane's title says about the order.
    func label(ascii: Bool) -> String { column.label + " " + mark(ascii: ascii) }

    /// The arrow the sorted column's title carries: ↓ in the column's natural order, ↑ turned round.
    func mark(ascii: Bool) -> String { isReversed ? (ascii ? "^" : "↑") : (ascii ? "v" : "↓") }

    /// Whether this is the list's usual order, which the title does not mention.
    var isDefault: Bool { column == Column.allCases.first! && !isReversed }
}

/// A column a list can be sorted by.
public protocol SortColumn: CaseIterable, Hashable, Sendable where AllCases: RandomAccessCollection {
    /// Words for the pane's title ("priority").
    var label: String { get }
    /// The column of the table the header marks, if the order follows one.
    var columnTitle: String? { get }
}

/// The call queue's orders. The first is the call-taker's: what needs a unit first.
public enum QueueSortColumn: String, SortColumn {
    /// Pending before the rest, then priority, then the longest wait.
    case triage
    case age
    case priority
    case type
    case beat
    case decision
    case state
    case call

    public var label: String {
        switch self {
        case .triage: "triage order"
        case .age: "age"
        case .priority: "priority"
        case .type: "type"
        case .beat: "beat"
        case .decision: "decision"
        case .state: "state"
        case .call: "call"
        }
    }

    public var columnTitle: String? {
        switch self {
        case .triage: nil
        case .age: "AGE"
        case .priority: "P"
        case .type: "TYPE"
        case .beat: "BEAT"
        case .decision: "DECISION"
        case .state: "STATE"
        case .call: "CALL"
        }
    }
}

/// The unit board's orders. The first keeps the roster, with phone positions after the units in the field.
public enum UnitSortColumn: String, SortColumn {
    case roster
    case status
    case time
    case response
    case beat
    case unit

    public var label: String {
        switch self {
        case .roster: "roster"
        case .status: "status"
        case .time: "time in status"
        case .response: "type"
        case .beat: "beat"
        case .unit: "unit"
        }
    }

    public var columnTitle: String? {
        switch self {
        case .roster: nil
        case .status: "STATUS"
        case .time: "TIME"
        case .response: "TYPE"
        case .beat: "BEAT"
        case .unit: "UNIT"
        }
    }
}
