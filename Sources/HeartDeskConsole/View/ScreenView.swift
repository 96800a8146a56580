/// Draws the whole console into a grid: a pure function of the state.
public enum ScreenView {
    /// Width from which beats and follow-ups get a column of their own beside queue and units.
    static let wideLayoutWidth = 150

    /// The frame for `state` at its terminal size.
    public static func render(_ state: ConsoleState) -> CellGrid {
        var grid = CellGrid(width: state.width, height: state.height)
        switch state.fit {
        case .tooSmall:
            drawTooSmall(state, into: &grid)
            return grid
        case .compact:
            drawCompact(state, into: &grid)
            return grid
        case .full:
            break
        }
        let headerRows = HeaderView.draw(state, into: &grid)
        let body = Rect(x: 0, y: headerRows, width: state.width, height: state.height - headerRows - 2)
        switch state.board {
        case .calls: drawPanes(state, in: body, into: &grid)
        case .supervisor: SupervisorView.draw(state, in: body, into: &grid)
        }
        KeyBarView.draw(state, into: &grid)
        drawOverlay(state, in: body, into: &grid)
        return grid
    }

    private static func drawPanes(_ state: ConsoleState, in body: Rect, into grid: inout CellGrid) {
        let queueCount = state.shift.openCallCount
        if state.width >= wideLayoutWidth {
            let leftWidth = state.width * 62 / 100
            let left = Rect(x: 0, y: body.y, width: leftWidth, height: body.height)
            let right = Rect(x: leftWidth + 1, y: body.y, width: state.width - leftWidth - 1, height: body.height)
            let queueHeight = splitHeight(left.height, upperRows: queueCount, lowerRows: state.unitRows.count)
            QueueView.draw(state, in: Rect(x: 0, y: left.y, width: left.width, height: queueHeight),
                           focused: state.focus == .queue, into: &grid)
            UnitBoardView.draw(state, in: Rect(x: 0, y: left.y + queueHeight, width: left.width, height: left.height - queueHeight),
                               focused: state.focus == .units, into: &grid)
            let beatsHeight = right.height * 60 / 100
            BeatListView.draw(state, in: Rect(x: right.x, y: right.y, width: right.width, height: beatsHeight),
                              focused: state.focus == .beats, into: &grid)
            FollowUpListView.draw(state, in: Rect(x: right.x, y: right.y + beatsHeight, width: right.width,
                                                  height: right.height - beatsHeight),
                                  focused: state.focus == .followUps, into: &grid)
            return
        }
        let queueHeight = splitHeight(body.height, upperRows: queueCount, lowerRows: lowerRowCount(state))
        QueueView.draw(state, in: Rect(x: 0, y: body.y, width: body.width, height: queueHeight),
                       focused: state.focus == .queue, into: &grid)
        let lower = Rect(x: 0, y: body.y + queueHeight, width: body.width, height: body.height - queueHeight)
        switch state.lowerPane {
        case .beats: BeatListView.draw(state, in: lower, focused: state.focus == .beats, into: &grid)
        case .followUps: FollowUpListView.draw(state, in: lower, focused: state.focus == .followUps, into: &grid)
        default: UnitBoardView.draw(state, in: lower, focused: state.focus == .units, into: &grid)
        }
    }

    /// Rows for the upper of two stacked panes: the lower one is shown whole when both fit,
    /// the upper gets whatever is spare; when they do not fit, the upper has at most 55 %.
    static func splitHeight(_ total: Int, upperRows: Int, lowerRows: Int) -> Int {
        let minimum = 5  // title, headings and three rows: the queue never shrinks below this
        let lowerNeed = lowerRows + 2
        let upperNeed = max(minimum, upperRows + 2)
        if upperNeed + lowerNeed <= total { return total - lowerNeed }
        return max(minimum, min(upperNeed, total * 55 / 100, total - minimum))
    }

    private static func lowerRowCount(_ state: ConsoleState) -> Int {
        switch state.lowerPane {
        case .beats: return state.beatRows.count + state.beatGroups.count
        case .followUps: return max(1, state.followUpRows.count)
        default: return state.unitRows.count
        }
    }

    private static func drawOverlay(_ state: ConsoleState, in body: Rect, into grid: inout CellGrid) {
        guard let overlay = state.overlay else { return }
        draw(overlay, state: state, in: body, into: &grid)
    }

    private static func draw(_ overlay: Overlay, state: ConsoleState, in body: Rect, into grid: inout CellGrid) {
        switch overlay {
        case .newCall(let form):
            let area = state.width >= wideLayoutWidth ? Rect(x: 0, y: body.y, width: state.width * 62 / 100, height: body.height) : body
            NewCallFormView.draw(form, state: state, in: area, into: &grid)
        case .dispatch(let picker): DispatchPickerView.draw(picker, state: state, in: body, into: &grid)
        case .close(let picker): ClosePickerView.draw(picker, state: state, in: body, into: &grid)
        case .menu(let menu): MenuView.draw(menu, in: body, into: &grid)
        case .prompt: break  // drawn on the message line
        case .details(let callID):
            DetailsView.draw(callID: callID, state: state, in: Rect(x: 2, y: body.y + 1, width: body.width - 4, height: body.height - 2),
                             into: &grid)
        case .help(let scroll): HelpView.draw(state, scroll: scroll, in: body, into: &grid)
        case .confirm(let confirmation):
            grid.cursor = nil
            let width = min(body.width - 4, 76)
            let lines = confirmation.lines.flatMap { Formatting.wrap($0, width: width - 2) }
            let box = OverlayBox(width: width, height: lines.count + 4, in: body)
            var y = box.draw(title: confirmation.title, hint: "y confirms · any other key keeps things as they are", into: &grid)
            for line in lines where y < box.bottom {
                grid.put(line, x: box.contentX, y: y, limit: box.contentWidth, role: .overlay)
                y += 1
            }
            if y < box.bottom {
                grid.put("y: yes, do it    n / Esc: no", x: box.contentX, y: y + 1 < box.bottom ? y + 1 : y, limit: box.contentWidth,
                         role: .messageError)
            }
        case .confirmQuit(let over):
            draw(over, state: state, in: body, into: &grid)
            grid.cursor = nil
            let box = OverlayBox(width: 62, height: 3, in: body)
            let y = box.draw(title: "Quit HeartDesk?", hint: "", into: &grid)
            grid.put("Unsaved input will be lost. y quits, any other key stays.", x: box.contentX, y: y,
                     limit: box.contentWidth, role: .messageError)
        }
    }

    /// Below 80×24: one header line, then the queue (or the supervisor's figures) in all the room left, then the
    /// message and key bars; the message line says to widen when it has nothing else to say.
    private static func drawCompact(_ state: ConsoleState, into grid: inout CellGrid) {
        grid.fill(y: 0, role: .header)
        let counts = HeaderView.countsLine(state).text
        grid.put(" HeartDesk \(Formatting.clock(state.time.shift, state.policy.timeZone)) │" + counts, x: 0, y: 0,
                 limit: grid.width, role: .header)
        let body = Rect(x: 0, y: 1, width: state.width, height: state.height - 3)
        switch state.board {
        case .calls: QueueView.draw(state, in: body, focused: true, into: &grid)
        case .supervisor: SupervisorView.draw(state, in: body, into: &grid)
        }
        KeyBarView.draw(state, into: &grid)
        drawOverlay(state, in: body, into: &grid)
    }

    private static func drawTooSmall(_ state: ConsoleState, into grid: inout CellGrid) {
        let lines = ["Enlarge the terminal:",
                     "queue \(ConsoleState.compactMinimumWidth)×\(ConsoleState.compactMinimumHeight), "
                         + "full board \(ConsoleState.minimumWidth)×\(ConsoleState.minimumHeight)",
                     "(now \(state.width)×\(state.height)). Nothing is lost.", "q quits."]
        let top = max(0, state.height / 2 - 2)
        for (i, line) in lines.enumerated() {
            let fitted = line.fitted(to: state.width)
            grid.put(fitted, x: max(0, (state.width - fitted.displayWidth) / 2), y: top + i, role: i == 0 ? .messageError : .text)
        }
    }
}
