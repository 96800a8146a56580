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
        if let overlay {
            return handle(key, in: overlay)
        }
        return handleOnBoard(key)
    }

    mutating func handleOnBoard(_ key: Key) -> ConsoleEffect? {
        switch key {
        case .up, .character("k"): moveSelection(by: -1)
        case .down, .character("j"): moveSelection(by: 1)
        case .pageUp: moveSelection(by: -10)
        case .pageDown: moveSelection(by: 10)
        case .home, .character("g"): moveSelection(by: -100_000)
        case .end, .character("G"): moveSelection(by: 100_000)
        case .tab: focus(focus.next)
        case .backTab: focus(focus.previous)
        case .function(1), .character("?"): overlay = .help
        case .function(2), .character("n"): overlay = .newCall(newCallForm())
        case .function(3), .character("/"): overlay = .prompt(TextPrompt(.filter, text: filter))
        case .function(4), .character("d"): startDispatch()
        case .function(5), .character("s"): return withTargetUnit { $0.statusMenu(for: $1) }
        case .function(6), .character("i"): startNote()
        case .function(7), .character("x"): startClose()
        case .function(8), .character("f"): startFollowUpMenu()
        case .function(9), .enter: showDetails()
        case .function(10), .character("q"): return requestQuit()
        case .escape:
            filter = ""
        case .character("p") where info.exercise != nil: return .clock(.togglePause)
        case .character("+") where info.exercise != nil, .character("=") where info.exercise != nil: return .clock(.faster)
        case .character("-") where info.exercise != nil: return .clock(.slower)
        case .character(let c):
            if let status = Self.quickStatus[c] {
                return withTargetUnit { _, unit in .record(.setStatus(unitID: unit.id, status: status), done: "\(unit.id) \(status.label)") }
            }
            if c == "b" { return withTargetUnit { $0.backupMenu(for: $1) } }
        default:
            break
        }
        return nil
    }

    /// Letter keys that set the status of the unit in focus.
    static let quickStatus: [Character: UnitStatus] = [
        "e": .enRoute, "o": .onScene, "t": .transporting, "c": .available, "a": .available, "u": .outOfService,
    ]

    // MARK: Moving around

    mutating func focus(_ pane: Pane) {
        focus = pane
        if pane != .queue { lowerPane = pane }
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
        return NewCallForm(policy: policy, answering: ringing.call)
    }

    mutating func startDispatch() {
        guard focus == .queue || focus == .units, let call = callInFocus, call.isOpen else {
            message = .error("Select an open call in the queue to dispatch a unit to it")
            return
        }
        overlay = .dispatch(DispatchPicker(callID: call.id))
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
        overlay = .menu(ActionMenu(title: "Back-up for \(unit.id)\(unit.callID.map { " on \($0)" } ?? "")", items: [
            .init(key: "p", label: "Police", command: .requestBackup(unitID: unit.id, kind: .police),
                  done: "BACK-UP: \(unit.id) asks for police"),
            .init(key: "m", label: "EMS", command: .requestBackup(unitID: unit.id, kind: .ems),
                  done: "BACK-UP: \(unit.id) asks for EMS"),
        ]))
        return nil
    }
}
