import HeartDeskCore

/// Everything the console shows: the shift (a fold of the journal) plus what this
/// console's user is looking at and typing. Plain data; `handle(_:)` changes it and
/// `ScreenView` draws it.
public struct ConsoleState: Sendable {
    public let router: Router
    public var policy: Policy { router.policy }
    /// The vocabulary, beat polygons, street guide and places that help fill in a new call.
    public var intake = IntakeAids() {
        // Places key the calls by place: new aids, new keys.
        didSet {
            shiftCallers = ShiftCallerIndex()
            shiftCallers.catchUp(with: shift, aids: intake)
        }
    }
    /// Earlier shifts' calls by callback number and place, for "3 calls from this number in 7 days".
    public var callerHistory = CallerHistory()
    /// This shift's calls by callback number and place, caught up whenever the shift changes.
    public private(set) var shiftCallers = ShiftCallerIndex()
    /// The shift as the journal has it.
    public var shift: ShiftState
    public var info: SessionInfo
    public var time: ConsoleTime
    /// Terminal size in cells.
    public var width: Int
    public var height: Int

    /// The call board or the supervisor's figures; change it with ``show(_:)`` so the figures follow.
    public private(set) var board: Board = .calls
    /// The supervisor's figures as of the last journal change or clock minute; nil on the call board.
    /// Kept here and refreshed by update, never computed while drawing a frame (docs/benchmarks.md).
    public private(set) var figures: ShiftFigures?
    /// The figures' running totals, kept beside the shift: a refresh takes in only the calls that changed.
    private var figureLedger: ShiftFigureLedger
    public var focus: Pane = .queue
    /// Which pane shares the screen with the queue when there is room for only two.
    public var lowerPane: Pane = .units
    // Selections follow ids, so a new urgent call sorting in above does not move the cursor onto another call.
    public var selectedCallID: String?
    public var selectedUnitID: String?
    public var selectedFollowUpID: String?
    public var selectedBeat = 0
    /// Rows of queue and units that contain this text (any case) are shown; empty shows all.
    public var filter = ""
    /// How the call queue and the unit board are sorted (`<` `>` `I`).
    public var queueSort = BoardSort<QueueSortColumn>()
    public var unitSort = BoardSort<UnitSortColumn>()
    public var overlay: Overlay?
    public var message: ConsoleMessage?
    /// Set once the user has asked to leave and nothing holds them back.
    public var wantsQuit = false

    public init(router: Router, shift: ShiftState, info: SessionInfo, time: ConsoleTime, width: Int = 80, height: Int = 24) {
        self.router = router
        self.figureLedger = ShiftFigureLedger(router: router)
        self.shift = shift
        self.info = info
        self.time = time
        self.width = width
        self.height = height
        shiftCallers.catchUp(with: shift, aids: intake)
    }

    /// The smallest terminal the whole board fits in; below it, the compact board.
    public static let minimumWidth = 80
    public static let minimumHeight = 24
    /// The smallest terminal the compact board fits in (a header, the queue's title, headings and a row, the bottom lines);
    /// below it, a request to enlarge.
    public static let compactMinimumWidth = 40
    public static let compactMinimumHeight = 7

    /// How much of the console fits the terminal now.
    public var fit: ScreenFit {
        if width >= Self.minimumWidth && height >= Self.minimumHeight { return .full }
        if width >= Self.compactMinimumWidth && height >= Self.compactMinimumHeight { return .compact }
        return .tooSmall
    }

    public var isTooSmall: Bool { fit == .tooSmall }

    /// Switches to `board`, working out the supervisor's figures when it is theirs.
    public mutating func show(_ board: Board) {
        self.board = board
        refreshFigures()
    }

    /// Moves the clocks on; the supervisor's figures are worked out again when the minute changes.
    public mutating func advanceClock(to time: ConsoleTime) {
        let minuteChanged = Int(self.time.shift.timeIntervalSince1970 / 60) != Int(time.shift.timeIntervalSince1970 / 60)
        self.time = time
        if minuteChanged { refreshFigures() }
    }

    /// Brings what is kept beside the shift up to date with it: the caller index, and the figures if on screen.
    mutating func shiftChanged() {
        shiftCallers.catchUp(with: shift, aids: intake)
        refreshFigures()
    }

    /// Works the supervisor's figures out from the shift as it stands, if they are on screen.
    mutating func refreshFigures() {
        guard board == .supervisor else {
            figures = nil
            return
        }
        figureLedger.catchUp(with: shift)
        figures = figureLedger.figures(for: shift, at: time.shift)
    }
}
