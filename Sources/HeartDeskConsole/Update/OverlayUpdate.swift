import HeartDeskCore

/// Keys while a form, picker, menu or prompt is open.
extension ConsoleState {
    mutating func handle(_ key: Key, in overlay: Overlay) -> ConsoleEffect? {
        // F10 leaves from anywhere; a form with typed input asks first.
        if key == .function(10) {
            if case .confirmQuit = overlay {} else { return requestQuit() }
        }
        switch overlay {
        case .newCall(var form):
            let effect = handle(key, in: &form)
            if case .newCall = self.overlay { self.overlay = .newCall(form) }
            return effect
        case .dispatch(var picker):
            let effect = handle(key, in: &picker)
            if case .dispatch = self.overlay { self.overlay = .dispatch(picker) }
            return effect
        case .close(var picker):
            let effect = handle(key, in: &picker)
            if case .close = self.overlay { self.overlay = .close(picker) }
            return effect
        case .menu(var menu):
            let effect = handle(key, in: &menu)
            if case .menu = self.overlay { self.overlay = .menu(menu) }
            return effect
        case .prompt(var prompt):
            let effect = handle(key, in: &prompt)
            if case .prompt = self.overlay { self.overlay = .prompt(prompt) }
            return effect
        case .details:
            self.overlay = nil
            if key == .escape || key == .enter || key == .function(9) || key == .character("q") { return nil }
            return handleOnBoard(key)
        case .help:
            self.overlay = nil
            return nil
        case .confirmQuit(let over):
            switch key {
            case .character("y"), .character("Y"):
                wantsQuit = true
                return .quit
            default:
                self.overlay = over
                message = .info("Still here: nothing was discarded")
                return nil
            }
        }
    }

    // MARK: New call

    mutating func handle(_ key: Key, in form: inout NewCallForm) -> ConsoleEffect? {
        let field = form.focusedField
        let matches = field == .callType ? form.callTypeMatches(in: policy) : []
        let exact = policy.callType(named: form.text(.callType))
        switch key {
        case .escape:
            overlay = nil
            message = .info("New call cancelled")
            return nil
        case .down where field == .callType && !matches.isEmpty && exact == nil:
            form.matchSelection = min(matches.count - 1, form.matchSelection + 1)
        case .up where field == .callType && !matches.isEmpty && exact == nil && form.matchSelection > 0:
            form.matchSelection -= 1
        case .tab, .down:
            if field == .callType { acceptMatch(&form, matches: matches, exact: exact) }
            form.focus = min(form.fields.count - 1, form.focus + 1)
        case .backTab, .up:
            form.focus = max(0, form.focus - 1)
        case .enter:
            if field == .callType && exact == nil && !matches.isEmpty {
                acceptMatch(&form, matches: matches, exact: exact)
                form.focus += 1
                return nil
            }
            return submit(form)
        case .character(let c) where isFlag(field):
            if case .flag(let index) = field {
                switch c {
                case " ", "x": if form.flags.contains(index) { form.flags.remove(index) } else { form.flags.insert(index) }
                case "y", "Y": form.flags.insert(index)
                case "n", "N": form.flags.remove(index)
                default: return nil
                }
            }
        case .character(let c) where field == .priority:
            guard ("1"..."3").contains(c) else {
                message = .error("Priority is 1 (most urgent) to 3; leave it blank to set it from the safety answers")
                return nil
            }
            form.texts[.priority] = TextField(String(c))
        default:
            guard !isFlag(field) else { return nil }
            var text = form.texts[field] ?? TextField()
            if text.edit(key) {
                form.texts[field] = text
                if field == .callType { form.matchSelection = 0 }
            }
        }
        return nil
    }

    private func isFlag(_ field: NewCallForm.Field) -> Bool {
        if case .flag = field { return true }
        return false
    }

    private func acceptMatch(_ form: inout NewCallForm, matches: [CallType], exact: CallType?) {
        if let exact {
            form.texts[.callType] = TextField(exact.name)
        } else if !matches.isEmpty {
            form.texts[.callType] = TextField(matches[min(form.matchSelection, matches.count - 1)].name)
        }
        form.matchSelection = 0
    }

    private mutating func submit(_ form: NewCallForm) -> ConsoleEffect? {
        let typed = form.text(.callType).trimmingCharacters(in: .whitespaces)
        guard !typed.isEmpty else {
            message = .error("Call type is empty: type part of its name, code or an alias")
            return nil
        }
        let beat = form.text(.beat).trimmingCharacters(in: .whitespaces)
        let call = NewCall(
            callType: typed, beat: beat.isEmpty ? nil : beat,
            flags: form.flags.sorted().map { policy.safetyFlags[$0].id },
            location: form.text(.location), callerName: form.text(.caller), callback: form.text(.callback),
            language: form.text(.language), priority: Int(form.text(.priority)), note: form.text(.note),
            answering: form.answering?.id)
        return .record(.newCall(call), done: "Call recorded")
    }

    // MARK: Dispatch

    mutating func handle(_ key: Key, in picker: inout DispatchPicker) -> ConsoleEffect? {
        guard let call = shift.call(picker.callID) else { overlay = nil; return nil }
        if var override = picker.override {
            switch key {
            case .escape:
                picker.override = nil
            case .enter:
                return .record(.dispatch(callID: call.id, unitID: override.unitID, overrideReason: override.reason.text),
                               done: "\(override.unitID) dispatched to \(call.id) (override: \(override.reason.text))")
            default:
                if override.reason.edit(key) { picker.override = override }
            }
            return nil
        }
        let candidates = UnitRecommendation(for: call, in: shift, policy: policy).candidates
        switch key {
        case .escape:
            overlay = nil
        case .up, .character("k"):
            picker.selection = max(0, picker.selection - 1)
        case .down, .character("j"):
            picker.selection = min(max(0, candidates.count - 1), picker.selection + 1)
        case .enter:
            guard candidates.indices.contains(picker.selection) else {
                message = .error("No unit on this shift can be sent")
                return nil
            }
            let candidate = candidates[picker.selection]
            if candidate.isEligible {
                return .record(.dispatch(callID: call.id, unitID: candidate.unit.id, overrideReason: nil),
                               done: "\(candidate.unit.id) dispatched to \(call.id)")
            }
            picker.override = .init(unitID: candidate.unit.id)
        default:
            break
        }
        return nil
    }

    // MARK: Close

    mutating func handle(_ key: Key, in picker: inout ClosePicker) -> ConsoleEffect? {
        guard let call = shift.call(picker.callID) else { overlay = nil; return nil }
        let choices = ClosePicker.dispositions
        switch key {
        case .escape:
            overlay = nil
        case .up, .character("k"):
            picker.selection = max(0, picker.selection - 1)
        case .down, .character("j"):
            picker.selection = min(choices.count - 1, picker.selection + 1)
        case .character(" "), .character("f"):
            if call.intake.triage.followUp != nil { picker.queueFollowUp.toggle() }
        case .enter:
            let disposition = choices[picker.selection]
            let followUp = picker.queueFollowUp && disposition.allowsFollowUp && call.intake.triage.followUp != nil
            return .record(.close(callID: call.id, disposition: disposition, declineFollowUp: !picker.queueFollowUp),
                           done: "\(call.id) closed: \(disposition.rawValue)"
                               + (followUp ? ", \(call.intake.triage.followUp!) follow-up queued" : ""))
        default:
            break
        }
        return nil
    }

    // MARK: Menus and prompts

    mutating func handle(_ key: Key, in menu: inout ActionMenu) -> ConsoleEffect? {
        switch key {
        case .escape: overlay = nil
        case .up, .character("k"): menu.selection = max(0, menu.selection - 1)
        case .down, .character("j"): menu.selection = min(menu.items.count - 1, menu.selection + 1)
        case .enter:
            guard menu.items.indices.contains(menu.selection) else { return nil }
            let item = menu.items[menu.selection]
            return .record(item.command, done: item.done)
        case .character(let c):
            guard let item = menu.items.first(where: { $0.key == c }) else { return nil }
            return .record(item.command, done: item.done)
        default:
            break
        }
        return nil
    }

    mutating func handle(_ key: Key, in prompt: inout TextPrompt) -> ConsoleEffect? {
        switch (key, prompt.purpose) {
        case (.escape, .filter):
            filter = ""
            overlay = nil
        case (.escape, _):
            overlay = nil
        case (.enter, .filter):
            overlay = nil
            message = filter.isEmpty ? nil : .info("Showing calls and units matching “\(filter)”; Esc shows all")
        case (.enter, .note(let callID)):
            return .record(.addNote(callID: callID, text: prompt.field.text), done: "Note added to \(callID)")
        default:
            if prompt.field.edit(key), case .filter = prompt.purpose { filter = prompt.field.text }
        }
        return nil
    }
}
