import HeartDeskCore

/// Keys on the board, with no overlay open: moving, switching panes, and starting every action.
extension ConsoleState {
    /// Applies one key press; returns what the session must do for it, if anything.
    public mutating func handle(_ key: Key) -> ConsoleEffect? {
        if isTooSmall {
            // Nothing is drawn but the request to enlarge, so only leaving is offered.
            return key == .function(10) || key == .character("q") ? requestQuit() : nil
        }
        message = nil
        if case .character = key, focusedTextField?.isFull == true {
            message = .error("This field holds at most \(TextField.maxLength) characters: the rest was not taken")
            return nil
        }
        if let overlay {
            return handle(key, in: overlay)
        }
        return handleOnBoard(key)
    }

    mutating func handleOnBoard(_ key: Key) -> ConsoleEffect? {
        guard let binding = Self.boardBindings.first(where: { $0.keys.contains(key) }) else { return nil }
        if let reason = binding.whyDisabled(in: self) {
            message = .error(reason)
            return nil
        }
        return binding.action(&self)
    }

    /// Why the exercise clock keys do nothing on a live shift.
    static let exerciseOnly: @Sendable (ConsoleState) -> String? = {
        $0.info.exercise == nil ? "The clock keys work only in an exercise" : nil
    }

    static let allBoards: Set<Board> = Set(Board.allCases)

    /// Every key on the board, in the order help lists them: the handler, the key bar and help all read this table.
    public static let boardBindings: [KeyBinding] = [
        KeyBinding([.function(1), .character("?")], keyLabel: "F1 ?", label: "Help", help: "this help", boards: allBoards) { state in
            state.overlay = .help(scroll: 0)
            return nil
        },
        KeyBinding([.function(2), .character("n")], keyLabel: "F2 n", label: "New call", shortLabel: "New",
                   help: "new call (exercise: answers the longest-ringing call)", records: true, needsFullScreen: true) { state in
            state.overlay = .newCall(state.newCallForm())
            return nil
        },
        KeyBinding([.function(3), .character("/")], keyLabel: "F3 /", label: "Filter", shortLabel: "Find",
                   help: "filter the queue and units; Esc clears") { state in
            state.overlay = .prompt(TextPrompt(.filter, text: state.filter))
            return nil
        },
        KeyBinding([.function(4), .character("d")], keyLabel: "F4 d", label: "Dispatch", shortLabel: "Send",
                   help: "dispatch a unit to the selected call (checked against the decision now)", records: true,
                   disabledReason: { $0.dispatchableCall == nil ? "Select an open call in the queue to dispatch a unit to it" : nil }) {
            $0.startDispatch()
            return nil
        },
        KeyBinding([.function(5), .character("s")], keyLabel: "F5 s", label: "Unit status", shortLabel: "Unit",
                   help: "status menu for the unit in focus", records: true) { state in
            state.withTargetUnit { $0.statusMenu(for: $1) }
        },
        KeyBinding([.character("e")], keyLabel: "e", label: "En route", help: "unit en route", records: true) { $0.quickStatus(.enRoute) },
        KeyBinding([.character("o")], keyLabel: "o", label: "On scene", help: "unit on scene", records: true) { $0.quickStatus(.onScene) },
        KeyBinding([.character("t")], keyLabel: "t", label: "Transporting", help: "unit transporting", records: true) { $0.quickStatus(.transporting) },
        KeyBinding([.character("c")], keyLabel: "c", label: "Clear",
                   help: "unit clear, available again (asks first if that leaves its call with no unit)", records: true) { $0.quickStatus(.available) },
        KeyBinding([.character("u")], keyLabel: "u", label: "Out of service",
                   help: "unit out of service (asks first if it is on a call)", records: true) { $0.quickStatus(.outOfService) },
        KeyBinding([.character("b")], keyLabel: "b", label: "Back-up",
                   help: "unit asks for back-up (police or EMS), acknowledge it, or police on scene", records: true) { state in
            state.withTargetUnit { $0.backupMenu(for: $1) }
        },
        KeyBinding([.character("a")], keyLabel: "a", label: "Acknowledge",
                   help: "acknowledge the oldest back-up request nobody has taken in yet", records: true,
                   disabledReason: { $0.shift.backupRequests.contains(where: \.isUnacknowledged) ? nil : "No back-up request waits for acknowledgement" }) { state in
            guard let request = state.shift.backupRequests.first(where: \.isUnacknowledged) else { return nil }
            return .record(.acknowledgeBackup(unitID: request.unitID), done: "Back-up for \(request.unitID) on \(request.callID) acknowledged")
        },
        KeyBinding([.character("r")], keyLabel: "r", label: "Revise",
                   help: "revise the selected call: type, beat, safety answers, language, location, callback", records: true,
                   needsFullScreen: true,
                   disabledReason: { ($0.callInFocus?.isOpen ?? false) ? nil : "Select an open call to revise" }) { state in
            state.startRevise()
            return nil
        },
        KeyBinding([.function(6), .character("i")], keyLabel: "F6 i", label: "Note", help: "add a note to the selected call", records: true) {
            $0.startNote()
            return nil
        },
        KeyBinding([.function(7), .character("x")], keyLabel: "F7 x", label: "Close", help: "close the selected call with a disposition", records: true) {
            $0.startClose()
            return nil
        },
        KeyBinding([.function(8), .character("f")], keyLabel: "F8 f", label: "Follow-up", shortLabel: "FolUp",
                   help: "follow-up contacted / closed (follow-ups list)", records: true) {
            $0.startFollowUpMenu()
            return nil
        },
        KeyBinding([.function(9), .enter], keyLabel: "F9 Enter", label: "Details", shortLabel: "Info",
                   help: "details of the selected call") {
            $0.showDetails()
            return nil
        },
        KeyBinding([.function(10), .character("q")], keyLabel: "F10 q", label: "Quit",
                   help: "quit (asks only if a form holds typed input)", boards: allBoards) { $0.requestQuit() },
        KeyBinding([.character("v")], keyLabel: "v", label: "Supervisor view",
                   help: "supervisor view: the shift's figures against the targets, with charts; v again for the board",
                   boards: allBoards) { state in
            state.show(state.board == .calls ? .supervisor : .calls)
            return nil
        },
        KeyBinding([.tab], keyLabel: "Tab", label: "Next list", help: "next list") { state in
            state.focus(state.focus.next)
            return nil
        },
        KeyBinding([.backTab], keyLabel: "S-Tab", label: "Previous list", help: "previous list") { state in
            state.focus(state.focus.previous)
            return nil
        },
        KeyBinding([.character(">")], keyLabel: ">", label: "Sort by", shortLabel: "Sort",
                   help: "sort the queue or the unit board by the next column (the header marks it)", disabledReason: sortableOnly) {
            $0.stepSort(by: 1)
        },
        KeyBinding([.character("<")], keyLabel: "<", label: "Sort by previous", help: "sort by the previous column",
                   disabledReason: sortableOnly) {
            $0.stepSort(by: -1)
        },
        KeyBinding([.character("I")], keyLabel: "I", label: "Invert sort",
                   help: "turn the queue's or the unit board's order round", disabledReason: sortableOnly) { state in
            switch state.focus {
            case .queue: state.queueSort.isReversed.toggle()
            case .units: state.unitSort.isReversed.toggle()
            case .beats, .followUps: break
            }
            state.sayHowSorted()
            return nil
        },
        KeyBinding([.up, .character("k")], keyLabel: "↑ k", label: "Up", help: "move up") { $0.move(by: -1) },
        KeyBinding([.down, .character("j")], keyLabel: "↓ j", label: "Down", help: "move down") { $0.move(by: 1) },
        KeyBinding([.pageUp], keyLabel: "PgUp", label: "Page up", help: "move a page up") { $0.move(by: -10) },
        KeyBinding([.pageDown], keyLabel: "PgDn", label: "Page down", help: "move a page down") { $0.move(by: 10) },
        KeyBinding([.home, .character("g")], keyLabel: "Home g", label: "First", help: "first row") { $0.move(by: -100_000) },
        KeyBinding([.end, .character("G")], keyLabel: "End G", label: "Last", help: "last row") { $0.move(by: 100_000) },
        KeyBinding([.escape], keyLabel: "Esc", label: "Clear filter", help: "cancel the form, picker or filter") { state in
            state.filter = ""
            return nil
        },
        KeyBinding([.character("p")], keyLabel: "p", label: "Pause", help: "exercise clock: pause / resume", boards: allBoards,
                   disabledReason: exerciseOnly) { _ in .clock(.togglePause) },
        KeyBinding([.character("+"), .character("=")], keyLabel: "+", label: "Faster", help: "exercise clock: faster", boards: allBoards,
                   disabledReason: exerciseOnly) { _ in .clock(.faster) },
        KeyBinding([.character("-")], keyLabel: "-", label: "Slower", help: "exercise clock: slower", boards: allBoards,
                   disabledReason: exerciseOnly) { _ in .clock(.slower) },
    ]

    /// Why the sort keys do nothing: only the queue and the unit board sort.
    static let sortableOnly: @Sendable (ConsoleState) -> String? = {
        $0.focus == .queue || $0.focus == .units ? nil : "Sorting works in the call queue and the unit board: Tab to one"
    }

    mutating func stepSort(by delta: Int) -> ConsoleEffect? {
        switch focus {
        case .queue: queueSort.step(by: delta)
        case .units: unitSort.step(by: delta)
        case .beats, .followUps: return nil
        }
        sayHowSorted()
        return nil
    }

    /// "Call queue sorted by age ↓" on the message line; the selection stays on the same call or unit.
    mutating func sayHowSorted() {
        let ascii = info.asciiCharts
        switch focus {
        case .queue: message = .info("Call queue sorted by \(queueSort.label(ascii: ascii))")
        case .units: message = .info("Units sorted by \(unitSort.label(ascii: ascii))")
        case .beats, .followUps: break
        }
    }

    /// The text field keys are typed into now, if any.
    var focusedTextField: TextField? {
        switch overlay {
        case .newCall(let form)?:
            if case .flag = form.focusedField { return nil }
            return form.texts[form.focusedField] ?? TextField()
        case .prompt(let prompt)?: return prompt.field
        case .dispatch(let picker)?: return picker.override?.reason
        default: return nil
        }
    }

    // MARK: Moving around

    mutating func focus(_ pane: Pane) {
        focus = pane
        if pane != .queue { lowerPane = pane }
    }

    mutating func move(by delta: Int) -> ConsoleEffect? {
        moveSelection(by: delta)
        return nil
    }

    mutating func moveSelection(by delta: Int) {
        func step<T>(_ rows: [T], current: Int?) -> Int? {
            guard !rows.isEmpty else { return nil }
            return min(rows.count - 1, max(0, (current ?? 0) + delta))
        }
        switch focus {
        case .queue:
            let rows = queueRows
            if let i = step(rows, current: rows.firstIndex { $0.id == selectedCallID }) { selectedCallID = rows[i].id }
        case .units:
            let rows = unitRows
            if let i = step(rows, current: rows.firstIndex { $0.id == selectedUnitID }) { selectedUnitID = rows[i].id }
        case .beats:
            if let i = step(beatRows, current: selectedBeat) { selectedBeat = i }
        case .followUps:
            let rows = followUpRows
            if let i = step(rows, current: rows.firstIndex { $0.id == selectedFollowUpID }) { selectedFollowUpID = rows[i].id }
        }
    }

    mutating func requestQuit() -> ConsoleEffect? {
        if let overlay, overlay.holdsUnsavedInput {
            if case .confirmQuit = overlay { return nil }
            self.overlay = .confirmQuit(over: overlay)
            return nil
        }
        wantsQuit = true
        return .quit
    }

    // MARK: Starting actions

    /// The call the action is about: the queue's selection, or the call of the selected unit.
    var callInFocus: CallRecord? {
        switch focus {
        case .units: return selectedUnit?.callID.flatMap(shift.call)
        case .followUps: return selectedFollowUp.flatMap { shift.call($0.callID) }
        default: return selectedCall
        }
    }

    /// A blank form, or in an exercise the longest-ringing call's form with what its caller says up front.
    func newCallForm() -> NewCallForm {
        guard let ringing = shift.ringingCalls.first else { return NewCallForm(policy: policy) }
        return aided(NewCallForm(policy: policy, answering: ringing.call))
    }

    /// `form` with the intake aids worked out for what it already holds when it opens (an exercise caller's words and
    /// location, a revised call's facts), as they would be had it been typed.
    func aided(_ form: NewCallForm) -> NewCallForm {
        var form = form
        if !form.text(.note).isEmpty { form.suggested = intake.vocabulary?.suggest(form.text(.note)) }
        form.located = intake.resolve(form.text(.location))
        form.repeats = repeatCalls(form)
        return form
    }

    /// The open call a dispatch would be for: the queue's selection, or the call of the selected unit.
    var dispatchableCall: CallRecord? {
        guard focus == .queue || focus == .units, let call = callInFocus, call.isOpen else { return nil }
        return call
    }

    mutating func startDispatch() {
        guard let call = dispatchableCall else { return }
        var picker = DispatchPicker(callID: call.id)
        picker.selectedUnitID = UnitRecommendation(for: call, in: shift, router: router, at: time.shift).candidates.first?.unit.id
        overlay = .dispatch(picker)
    }

    mutating func startRevise() {
        guard let call = callInFocus, call.isOpen else { return }
        overlay = .newCall(aided(NewCallForm(policy: policy, revising: call)))
    }

    /// Sets the status of the unit in focus (asking which when its call has several).
    mutating func quickStatus(_ status: UnitStatus) -> ConsoleEffect? {
        withTargetUnit { state, unit in
            state.recordOrConfirm(.setStatus(unitID: unit.id, status: status), done: "\(unit.id) \(status.label)")
        }
    }

    /// Records `command`, unless it takes a unit off a call: that asks first, saying what happens to the call.
    mutating func recordOrConfirm(_ command: ShiftCommand, done: String) -> ConsoleEffect? {
        guard case .setStatus(let unitID, let status) = command, !status.needsCall,
              let unit = shift.unit(unitID), let callID = unit.callID, let call = shift.call(callID) else {
            return .record(command, done: done)
        }
        let others = call.assignedUnits.filter { $0 != unit.id }
        let consequence = others.isEmpty
            ? "\(call.id) will have no unit: it goes back to the queue as pending, its waiting time counted from now."
            : "\(call.id) keeps \(others.joined(separator: ", "))."
        overlay = .confirm(Confirmation(
            title: "Take \(unit.id) off \(call.id)?",
            lines: ["\(unit.id) is \(unit.status.label) on \(call.id) (\(call.intake.callType)). Setting it \(status.label) takes it off the call.",
                    consequence],
            command: command, done: done + (others.isEmpty ? " — \(call.id) pending again" : "")))
        return nil
    }

    mutating func startNote() {
        guard let call = callInFocus else { message = .error("Select a call to add a note to"); return }
        overlay = .prompt(TextPrompt(.note(callID: call.id)))
    }

    mutating func startClose() {
        guard let call = callInFocus, call.isOpen else { message = .error("Select an open call to close"); return }
        var picker = ClosePicker(callID: call.id)
        picker.queueFollowUp = call.intake.triage.followUp != nil
        overlay = .close(picker)
    }

    mutating func showDetails() {
        guard let call = callInFocus else { message = .error("No call selected"); return }
        overlay = .details(callID: call.id)
    }

    mutating func startFollowUpMenu() {
        guard focus == .followUps, let followUp = selectedFollowUp else {
            message = .error("Tab to the follow-ups list and select one to record a contact")
            return
        }
        overlay = .menu(ActionMenu(title: "Follow-up \(followUp.id) (call \(followUp.callID))", items: [
            .init(key: "c", label: "Contacted", command: .setFollowUpStatus(followUpID: followUp.id, status: .contacted),
                  done: "\(followUp.id) contacted"),
            .init(key: "x", label: "Closed", command: .setFollowUpStatus(followUpID: followUp.id, status: .closed),
                  done: "\(followUp.id) closed"),
        ]))
    }

    /// Runs `action` on the unit the keys are about; asks which when the selected call has several.
    mutating func withTargetUnit(_ action: (inout ConsoleState, UnitRecord) -> ConsoleEffect?) -> ConsoleEffect? {
        if focus == .units {
            guard let unit = selectedUnit else { message = .error("No unit selected"); return nil }
            return action(&self, unit)
        }
        guard let call = callInFocus else { message = .error("Select a call or a unit first"); return nil }
        let units = call.assignedUnits.compactMap(shift.unit)
        switch units.count {
        case 0:
            message = .error("\(call.id) has no unit on it: dispatch one with d, or Tab to the units")
            return nil
        case 1:
            return action(&self, units[0])
        default:
            // Several units on the call: choose which, as a menu of the same action per unit.
            var items: [ActionMenu.Item] = []
            for (n, unit) in units.enumerated() {
                var probe = self
                let effect = action(&probe, unit)
                if case .record(let command, let done) = effect {
                    items.append(.init(key: Character(String(n + 1)), label: unit.id, command: command, done: done))
                } else if case .menu(let menu) = probe.overlay {
                    items += menu.items.map { .init(key: $0.key, label: "\(unit.id): \($0.label)", command: $0.command, done: $0.done) }
                }
            }
            overlay = .menu(ActionMenu(title: "Which unit on \(call.id)?", items: items))
            return nil
        }
    }

    mutating func statusMenu(for unit: UnitRecord) -> ConsoleEffect? {
        overlay = .menu(ActionMenu(title: "Status of \(unit.id) (now \(unit.status.label))", items: [
            .init(key: "e", label: "En route", command: .setStatus(unitID: unit.id, status: .enRoute), done: "\(unit.id) en route"),
            .init(key: "o", label: "On scene", command: .setStatus(unitID: unit.id, status: .onScene), done: "\(unit.id) on scene"),
            .init(key: "t", label: "Transporting", command: .setStatus(unitID: unit.id, status: .transporting),
                  done: "\(unit.id) transporting"),
            .init(key: "p", label: "Back-up: police", command: .requestBackup(unitID: unit.id, kind: .police),
                  done: "BACK-UP: \(unit.id) asks for police"),
            .init(key: "m", label: "Back-up: EMS", command: .requestBackup(unitID: unit.id, kind: .ems),
                  done: "BACK-UP: \(unit.id) asks for EMS"),
            .init(key: "c", label: "Clear (available)", command: .setStatus(unitID: unit.id, status: .available),
                  done: "\(unit.id) available"),
            .init(key: "u", label: "Out of service", command: .setStatus(unitID: unit.id, status: .outOfService),
                  done: "\(unit.id) out of service"),
        ]))
        return nil
    }

    mutating func backupMenu(for unit: UnitRecord) -> ConsoleEffect? {
        var items: [ActionMenu.Item] = [
            .init(key: "p", label: "Police", command: .requestBackup(unitID: unit.id, kind: .police),
                  done: "BACK-UP: \(unit.id) asks for police"),
            .init(key: "m", label: "EMS", command: .requestBackup(unitID: unit.id, kind: .ems),
                  done: "BACK-UP: \(unit.id) asks for EMS"),
        ]
        if let request = shift.backupRequests.last(where: { $0.unitID == unit.id && $0.callID == unit.callID }) {
            if request.isUnacknowledged {
                items.append(.init(key: "a", label: "Acknowledge the request", command: .acknowledgeBackup(unitID: unit.id),
                                   done: "Back-up for \(unit.id) acknowledged"))
            }
            if request.arrivedAt == nil {
                items.append(.init(key: "s", label: "\(request.kind == .ems ? "EMS" : "Police") on scene",
                                   command: .backupArrived(unitID: unit.id), done: "Back-up on scene with \(unit.id)"))
            }
        }
        overlay = .menu(ActionMenu(title: "Back-up for \(unit.id)\(unit.callID.map { " on \($0)" } ?? "")", items: items))
        return nil
    }
}
