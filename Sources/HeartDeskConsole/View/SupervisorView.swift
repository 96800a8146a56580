import Foundation
import HeartDeskCore

/// The supervisor's screen: what waits now, units by response, the shift so far beside the last hour against the
/// policy's targets, and calls per hour as a chart. Draws the figures update worked out; computes none itself.
///
/// Sections go top to bottom in the order a supervisor asks ("what waits?", "who is free?", "how is it going?"),
/// and a short terminal shows the first ones whole rather than all of them cut.
enum SupervisorView {
    static func draw(_ state: ConsoleState, in rect: Rect, into grid: inout CellGrid) {
        let frame = PaneFrame(rect: rect, isFocused: true)
        guard let figures = state.figures else { return }
        let zone = state.policy.timeZone
        frame.drawTitle("Supervisor view", detail: "as of \(Formatting.shortClock(figures.at, zone)) · v: back to the call board",
                        into: &grid)
        var rows = RowCursor(rect: Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: rect.height - 1))
        drawNow(figures, state: state, rows: &rows, into: &grid)
        drawUnits(figures, rows: &rows, into: &grid)
        drawPeriods(figures, state: state, rows: &rows, into: &grid)
        drawChart(figures, state: state, rows: &rows, into: &grid)
    }

    // MARK: Sections

    private static func drawNow(_ figures: ShiftFigures, state: ConsoleState, rows: inout RowCursor, into grid: inout CellGrid) {
        guard let y = rows.next() else { return }
        var x = rows.rect.x + grid.put(" Now  ", x: rows.rect.x, y: y, role: .paneColumns)
        let waiting: String
        if let oldest = figures.oldestPendingSince {
            waiting = "Waiting \(figures.pendingCalls) · longest wait \(Formatting.duration(figures.at.timeIntervalSince(oldest)))"
        } else {
            waiting = "Waiting 0"
        }
        let level = figures.oldestPendingSince.map { state.policy.timers.pendingLevel(after: figures.at.timeIntervalSince($0)) }
        x += grid.put(waiting, x: x, y: y, role: level.map(role(for:)) ?? .text)
        let followUps = " · Follow-ups due \(figures.followUpsDue), overdue \(figures.followUpsOverdue)"
        grid.put(followUps, x: x, y: y, limit: rows.rect.width - x, role: figures.followUpsOverdue > 0 ? .followUpOverdue : .text)
    }

    private static func drawUnits(_ figures: ShiftFigures, rows: inout RowCursor, into grid: inout CellGrid) {
        guard let heading = rows.next() else { return }
        let columns = unitColumns(x: rows.rect.x + 1, width: rows.rect.width - 1)
        columns.drawTitles(into: &grid, y: heading, x: rows.rect.x, width: rows.rect.width)
        for units in figures.units {
            guard let y = rows.next() else { return }
            columns.draw(units.response, column: 0, into: &grid, y: y, role: .text)
            columns.draw("\(units.available)", column: 1, into: &grid, y: y, role: units.available > 0 ? .unitAvailable : .text)
            columns.draw("\(units.committed)", column: 2, into: &grid, y: y, role: units.committed > 0 ? .unitBusy : .text)
            columns.draw("\(units.outOfService)", column: 3, into: &grid, y: y, role: units.outOfService > 0 ? .unitOutOfService : .text)
            columns.draw("\(units.offDuty)", column: 4, into: &grid, y: y, role: .dim)
            let hours = units.isOpenNow ? "working now" : "closed" + (units.opensNext.map { ", opens \($0)" } ?? "")
            columns.draw(hours, column: 5, into: &grid, y: y, role: units.isOpenNow ? .text : .queueClosed)
        }
    }

    private static func unitColumns(x: Int, width: Int) -> Columns {
        Columns([
            .init(title: "UNITS", width: 8), .init(title: "FREE", width: 5, alignRight: true),
            .init(title: "ON CALL", width: 8, alignRight: true), .init(title: "OUT", width: 4, alignRight: true),
            .init(title: "OFF", width: 4, alignRight: true), .init(title: "HOURS", width: 20, flexible: true),
        ], x: x, width: width)
    }

    private static func drawPeriods(_ figures: ShiftFigures, state: ConsoleState, rows: inout RowCursor, into grid: inout CellGrid) {
        guard let heading = rows.next() else { return }
        let labelWidth = 17
        let valueWidth = max(10, (rows.rect.width - labelWidth) / 2)
        let columns = Columns([
            .init(title: "", width: labelWidth), .init(title: "SHIFT SO FAR", width: valueWidth),
            .init(title: "LAST HOUR", width: valueWidth, flexible: true),
        ], x: rows.rect.x, width: rows.rect.width)
        columns.drawTitles(into: &grid, y: heading, x: rows.rect.x, width: rows.rect.width)
        let targets = figures.targets
        let program = state.policy.programName
        // The program's own name when the label column holds it ("HEART not served"), else the plain words.
        let unservedLabel = program.count + " not served".count < labelWidth ? "\(program) not served" : "Not served"
        let noCallYet = "no \(program) call yet"
        let lines: [(label: String, value: (PeriodFigures) -> (String, ThemeRole))] = [
            ("Calls", { ("\($0.calls)", .text) }),
            ("Decided", { (breakdown($0.byDecision, order: figures.heartResponses), .text) }),
            ("Phone may take", { (breakdown($0.byPhone, order: []), .text) }),
            ("Sent", { (breakdown($0.bySent, order: figures.heartResponses), .text) }),
            (unservedLabel, { period in
                let reasons = UnservedReason.allCases.compactMap { reason in period.unserved[reason].map { "\(reason.rawValue) \($0)" } }
                return (reasons.isEmpty ? "none" : "\(period.unservedCount): " + reasons.joined(separator: " · "), .text)
            }),
            ("Back-up rate", { period in
                guard let rate = period.backupRate else { return (noCallYet, .dim) }
                let text = "\(percent(rate)) (\(period.backupRequests) of \(period.heartInPerson))"
                    + (targets.backupRate.map { " · target ≤\(percent($0))" } ?? "")
                return (text, targets.backupRateStatus(rate).map(role(for:)) ?? .text)
            }),
            ("To dispatch", { timing($0.timeToDispatch, target: targets.timeToDispatch, compact: valueWidth < 48, none: noCallYet) }),
            ("Sent to scene", { timing($0.dispatchToScene, target: targets.dispatchToScene, compact: valueWidth < 48, none: noCallYet) }),
        ]
        for line in lines {
            guard let y = rows.next() else { return }
            columns.draw(" " + line.label, column: 0, into: &grid, y: y, role: .paneColumns)
            for (column, period) in [(1, figures.shift), (2, figures.lastHour)] {
                let (text, role) = line.value(period)
                columns.draw(text, column: column, into: &grid, y: y, role: role)
            }
        }
    }

    /// Calls per hour, one sparkline row per decision and one for all calls, bars scaled to the busiest hour; under it,
    /// how busy each response's units were in the same hours.
    private static func drawChart(_ figures: ShiftFigures, state: ConsoleState, rows: inout RowCursor, into grid: inout CellGrid) {
        let hours = figures.callsPerHour
        guard !hours.isEmpty, let heading = rows.next() else { return }
        let labelWidth = 12
        let perHour = max(1, min(3, (rows.rect.width - labelWidth - 8) / hours.count))
        let shownCount = min(hours.count, max(1, (rows.rect.width - labelWidth - 8) / perHour))
        let shown = hours.suffix(shownCount)
        let x0 = rows.rect.x + labelWidth
        let barWidth = max(1, perHour - (perHour > 1 ? 1 : 0))
        grid.put(" Calls/hour", x: rows.rect.x, y: heading, role: .paneColumns)
        for (index, hour) in shown.enumerated() where index % max(1, 3 / perHour) == 0 {
            grid.put(Formatting.twoDigits(hour.hour), x: x0 + index * perHour, y: heading, limit: 2, role: .dim)
        }
        let busiest = max(1, shown.map(\.total).max() ?? 1)
        let decisions = figures.heartResponses + (Set(hours.flatMap(\.byDecision.keys)).subtracting(figures.heartResponses).sorted())
        let series: [(label: String, role: ThemeRole, count: (HourlyCalls) -> Int)] =
            decisions.filter { id in hours.contains { $0.byDecision[id] != nil } }.map { id in
                (id, figures.heartResponses.contains(id) ? .decisionTeam : .decisionPolice, { $0.byDecision[id] ?? 0 })
            } + [("all", .text, { $0.total })]
        let glyphs = state.info.asciiCharts ? asciiLevels : blockLevels
        for line in series {
            guard let y = rows.next() else { return }
            grid.put(" " + line.label, x: rows.rect.x, y: y, limit: labelWidth - 1, role: .paneColumns)
            var total = 0
            for (index, hour) in shown.enumerated() {
                let count = line.count(hour)
                total += count
                let glyph = count == 0 ? " " : glyphs[min(glyphs.count - 1, (count * glyphs.count - 1) / busiest)]
                grid.put(String(repeating: glyph, count: barWidth), x: x0 + index * perHour, y: y, role: line.role)
            }
            grid.put(" \(total)", x: x0 + shown.count * perHour, y: y, limit: 8, role: .text)
        }
        drawUtilisation(figures, glyphs: glyphs, shownCount: shownCount, layout: (x0, perHour, barWidth, labelWidth),
                        rows: &rows, into: &grid)
    }

    /// Units busy per hour, one row per response: a full bar is every on-duty unit on calls the whole hour; a blank
    /// is an hour with none on duty. The figure after the bars is the share on calls now.
    private static func drawUtilisation(_ figures: ShiftFigures, glyphs: [String], shownCount: Int,
                                        layout: (x0: Int, perHour: Int, barWidth: Int, labelWidth: Int),
                                        rows: inout RowCursor, into grid: inout CellGrid) {
        guard !figures.utilisation.isEmpty, let heading = rows.next() else { return }
        grid.put(" Units busy", x: rows.rect.x, y: heading, role: .paneColumns)
        grid.put("share of on-duty unit time on calls", x: layout.x0, y: heading, limit: rows.rect.width - layout.labelWidth, role: .dim)
        for response in figures.utilisation {
            guard let y = rows.next() else { return }
            grid.put(" " + response.response, x: rows.rect.x, y: y, limit: layout.labelWidth - 1, role: .paneColumns)
            let role: ThemeRole = figures.heartResponses.contains(response.response) ? .decisionTeam : .text
            for (index, share) in response.perHour.suffix(shownCount).enumerated() {
                guard let share else { continue }
                let glyph = glyphs[min(glyphs.count - 1, Int(share * Double(glyphs.count)))]
                grid.put(String(repeating: glyph, count: layout.barWidth), x: layout.x0 + index * layout.perHour, y: y,
                         role: share == 0 ? .dim : role)
            }
            let now = response.now.map { " \(percent($0)) now" } ?? " none on duty"
            grid.put(now, x: layout.x0 + shownCount * layout.perHour, y: y, limit: 14, role: .text)
        }
    }

    // MARK: Pieces

    /// Eight heights of a bar, lowest first.
    static let blockLevels = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    /// The same in plain ASCII, for terminals without UTF-8 and for the monochrome theme.
    static let asciiLevels = [".", ",", ":", "-", "=", "+", "*", "#"]

    /// "CRT 3 · COR 1 · POLICE 9": `order` first, then the rest by name.
    static func breakdown(_ counts: [String: Int], order: [String]) -> String {
        guard !counts.isEmpty else { return "none" }
        let keys = order.filter { counts[$0] != nil } + counts.keys.filter { !order.contains($0) }.sorted()
        return keys.map { "\($0) \(counts[$0]!)" }.joined(separator: " · ")
    }

    /// "median 1:00 · p90 4:00 · 50% ≤2m (target 90%)", coloured by the target; `compact`: "med 1:00 p90 4:00 50%≤2m".
    static func timing(
        _ summary: DurationSummary?, target: ProgramTargets.WithinTime?, compact: Bool, none: String
    ) -> (String, ThemeRole) {
        guard let summary else { return (none, .dim) }
        let median = Formatting.duration(summary.median), p90 = Formatting.duration(summary.percentile90)
        var text = compact ? "med \(median) p90 \(p90)" : "median \(median) · p90 \(p90)"
        guard let target else { return (text, .text) }
        let share = summary.share(within: target.seconds)
        let limit = "≤\(Int(target.seconds / 60))m"
        text += compact ? " \(percent(share))\(limit)" : " · \(percent(share)) \(limit) (target \(percent(target.share)))"
        return (text, role(for: target.status(shareWithin: share)))
    }

    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }

    static func role(for status: TargetStatus) -> ThemeRole {
        switch status {
        case .met: return .targetMet
        case .near: return .targetNear
        case .missed: return .targetMissed
        }
    }

    static func role(for level: TimerLevel) -> ThemeRole {
        switch level {
        case .normal: return .text
        case .warn: return .queueWarn
        case .alert: return .queueAlert
        }
    }
}

/// Hands out the rows of a rectangle top to bottom, and nil once it is full.
private struct RowCursor {
    let rect: Rect
    private var used = 0

    init(rect: Rect) { self.rect = rect }

    mutating func next() -> Int? {
        guard used < rect.height else { return nil }
        defer { used += 1 }
        return rect.y + used
    }
}
