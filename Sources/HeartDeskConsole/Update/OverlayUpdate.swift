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
        case .help(let scroll):
            // The list scrolls on a short terminal; any other key closes it.
            switch key {
            case .down, .character("j"): self.overlay = .help(scroll: scroll + 1)
            case .pageDown, .character(" "): self.overlay = .help(scroll: scroll + 10)
            case .up, .character("k"): self.overlay = .help(scroll: max(0, scroll - 1))
            case .pageUp: self.overlay = .help(scroll: max(0, scroll - 10))
            default: self.overlay = nil
            }
            return nil
        case .confirm(let confirmation):
            self.overlay = nil
            guard key == .character("y") || key == .character("Y") else {
                message = .info("Nothing changed")
                return nil
            }
            return .record(confirmation.command, done: confirmation.done)
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
            return submit(&form)
        case .character(let c) where field == .interpreter:
            switch c {
            case "y", "Y": form.interpreter = .spoken
            case "a", "A": form.interpreter = .signLanguage
            case "n", "N": form.interpreter = .notNeeded
            default:
                message = .error("Interpreter: y needed (spoken), a ASL, n not needed")
                return nil
            }
        case .backspace where field == .interpreter, .delete where field == .interpreter:
            form.interpreter = .notNeeded
        case .character(let c) where isFlag(field):
            if case .flag(let index) = field {
                switch c {
                case " ", "x": form.answers[index] = form.answer(index).next
                case "y", "Y": form.answers[index] = .yes
                case "n", "N": form.answers[index] = .no
                case "?": form.answers[index] = nil
                default: return nil
                }
            }
        case .control("t"):
            // The caller's words suggest; the call-taker takes the first suggestion with one key, never without one.
            guard let top = form.suggested?.suggestions.first else {
                message = .error("No call type suggested yet: the notes hold no words the vocabulary knows")
                return nil
            }
            form.texts[.callType] = TextField(policy[top.callType].name)
            form.matchSelection = 0
            message = .info("Call type from the caller's words: \(policy[top.callType].name)")
        case .backspace where isFlag(field), .delete where isFlag(field):
            if case .flag(let index) = field { form.answers[index] = nil }
        case .character("?") where field == .beat:
            // The deliberate way to say the caller cannot give a location that maps to a beat.
            form.texts[.beat] = TextField("unknown")
        case .character(let c) where field == .priority:
            let scale = policy.priorities
            // One key replaces a one-digit priority; a scale with two-digit values is typed out.
            let typed = scale.isSingleDigit ? String(c) : form.text(.priority) + String(c)
            guard let value = Int(typed), scale.isSingleDigit ? scale.contains(value) : typed.count <= 2 else {
                message = .error("Priority: \(scale.usage); leave it blank to set it from the safety answers")
                return nil
            }
            form.texts[.priority] = TextField(typed)
        default:
            guard !isFlag(field), field != .interpreter else { return nil }
            var text = form.texts[field] ?? TextField()
            if text.edit(key) {
                form.texts[field] = text
                if field == .callType { form.matchSelection = 0 }
                if field == .note { form.suggested = intake.vocabulary?.suggest(text.text) }
                if field == .location { locate(&form) }
                if field == .location || field == .callback { form.repeats = repeatCalls(form) }
            }
        }
        return nil
    }

    /// Resolves the location (coordinates, a known place, an address) to a beat, filling the beat in when the
    /// call-taker has not typed one.
    private func locate(_ form: inout NewCallForm) {
        form.located = intake.resolve(form.text(.location))
        let typedBeat = form.text(.beat)
        let mayFill = typedBeat.isEmpty || typedBeat == form.beatFilledFromLocation
        if let index = form.located?.beatIndex, mayFill {
            form.texts[.beat] = TextField(policy[index].id)
            form.beatFilledFromLocation = policy[index].id
        } else if mayFill, form.beatFilledFromLocation != nil {
            // The coordinates changed to somewhere without a beat: the beat they gave no longer holds.
            form.texts[.beat] = TextField()
            form.beatFilledFromLocation = nil
        }
    }

    /// Earlier calls from the number and at the place on the form, this shift's and the history's.
    func repeatCalls(_ form: NewCallForm) -> RepeatCalls? {
        let found = callerHistory.matches(callback: form.text(.callback), location: form.text(.location), aids: intake,
                                          shift: shift, live: shiftCallers, shiftName: info.journalName, at: time.shift,
                                          excluding: form.revising?.callID)
        return found.isEmpty ? nil : found
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

    /// Records the form; a required field left empty or wrong says so and takes the cursor to it, so the call-taker
    /// types the answer next instead of hunting for the field.
    private mutating func submit(_ form: inout NewCallForm) -> ConsoleEffect? {
        func refuse(_ text: String, focusing field: NewCallForm.Field) -> ConsoleEffect? {
            message = .error(text)
            if let index = form.fields.firstIndex(of: field) { form.focus = index }
            return nil
        }
        let typed = form.text(.callType).trimmingCharacters(in: .whitespaces)
        guard !typed.isEmpty else {
            return refuse("Call type is empty: type part of its name, code or an alias", focusing: .callType)
        }
        do { _ = try policy.resolveCallType(typed) } catch {
            return refuse(error.description, focusing: .callType)
        }
        let beat = form.text(.beat).trimmingCharacters(in: .whitespaces)
        guard !beat.isEmpty else {
            return refuse("Beat is empty: type the beat, or ? for unknown (outside-area rules then apply)", focusing: .beat)
        }
        let location = form.text(.location).trimmingCharacters(in: .whitespaces)
        guard !location.isEmpty else {
            return refuse("Location is empty: where is the person? (type unknown if the caller cannot say)", focusing: .location)
        }
        let yes = form.yesFlags.map { policy.safetyFlags[$0].id }
        let no = form.noFlags.map { policy.safetyFlags[$0].id }
        if let revising = form.revising {
            return submitRevision(form, of: revising, typed: typed, beat: beat, location: location)
        }
        let call = NewCall(
            callType: typed, beat: beat, flags: yes, flagsAnsweredNo: no,
            location: location, callerName: form.text(.caller), callback: form.text(.callback),
            language: form.text(.language), interpreter: form.interpreter, priority: Int(form.text(.priority)), note: form.text(.note),
            answering: form.answering?.id)
        return .record(.newCall(call), done: "Call recorded")
    }

    /// Only what differs from the call's facts when the form opened is sent, so two positions revising different facts do not undo each other.
    private mutating func submitRevision(_ form: NewCallForm, of revising: NewCallForm.RevisedCall, typed: String, beat: String,
                                         location: String) -> ConsoleEffect? {
        let old = revising.facts
        var revision = CallRevision()
        if policy.callType(named: typed)?.name != old.callType { revision.callType = typed }
        if (Policy.isUnknownBeat(beat) ? nil : beat) != old.beat { revision.beat = beat }
        for flag in policy.safetyFlags {
            let before: QuestionAnswer = old.flags.contains(flag.id) ? .yes : old.flagsAnsweredNo.contains(flag.id) ? .no : .notAsked
            if form.answer(flag.index) != before { revision.answers[flag.id] = form.answer(flag.index) }
        }
        if location != old.location { revision.location = location }
        if form.text(.callback) != old.callback { revision.callback = form.text(.callback) }
        if form.text(.language) != old.language { revision.language = form.text(.language) }
        if form.interpreter != old.interpreter { revision.interpreter = form.interpreter }
        guard !revision.isEmpty else {
            message = .error("Nothing changed on \(revising.callID): correct a fact, or Esc")
            return nil
        }
        return .record(.revise(callID: revising.callID, revision, note: form.text(.note)), done: "\(revising.callID) revised")
    }

    // MARK: Dispatch

    mutating func handle(_ key: Key, in picker: inout DispatchPicker) -> ConsoleEffect? {
        guard let call = shift.call(picker.callID) else { overlay = nil; return nil }
        if var override = picker.override {
            switch key {
            case .escape:
                picker.override = nil
            case .enter:
                guard !override.reason.text.trimmingCharacters(in: .whitespaces).isEmpty else {
                    message = .error("Type why \(override.unitID) is sent anyway, or Esc to choose another unit")
                    return nil
                }
                return .record(.dispatch(callID: call.id, unitID: override.unitID, overrideReason: override.reason.text,
                                         also: picker.confirmedSecondUnit == override.unitID),
                               done: "\(override.unitID) dispatched to \(call.id) (override: \(override.reason.text))")
            default:
                if override.reason.edit(key) { picker.override = override }
            }
            return nil
        }
        let recommendation = UnitRecommendation(for: call, in: shift, router: router, at: time.shift)
        let candidates = recommendation.candidates
        let position = candidates.firstIndex { $0.unit.id == picker.selectedUnitID }
        func select(_ index: Int) {
            guard !candidates.isEmpty else { return }
            picker.selectedUnitID = candidates[min(max(0, index), candidates.count - 1)].unit.id
        }
        switch key {
        case .escape:
            overlay = nil
        case .up, .character("k"):
            select((position ?? 0) - 1)
        case .down, .character("j"):
            select((position ?? -1) + 1)
        case .home, .character("g"):
            select(0)
        case .end, .character("G"):
            select(candidates.count - 1)
        case .enter, .character("y"):
            guard let unitID = picker.selectedUnitID, let unit = shift.unit(unitID) else {
                message = .error("No unit on this shift can be sent")
                return nil
            }
            let check = DispatchGuard.assess(call, unit: unit, in: shift, router: router, at: time.shift, live: recommendation.live)
            if let refusal = check.refusal {
                // Another position may have taken the unit while the picker was open: say so, and send nothing.
                message = .error(refusal)
                return nil
            }
            if let already = check.alreadyOnCallSummary(callID: call.id, zone: policy.timeZone), picker.confirmedSecondUnit != unit.id {
                picker.confirmedSecondUnit = unit.id
                message = .error("\(already): Enter again sends \(unit.id) as well, Esc chooses again")
                return nil
            }
            let also = picker.confirmedSecondUnit == unit.id
            if let needed = check.overrideNeeded {
                picker.override = .init(unitID: unit.id, why: needed)
                return nil
            }
            return .record(.dispatch(callID: call.id, unitID: unit.id, overrideReason: nil, also: also),
                           done: "\(unit.id) dispatched to \(call.id)" + (also ? " as well" : ""))
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
            overlay = nil
            return recordOrConfirm(item.command, done: item.done)
        case .character(let c):
            guard let item = menu.items.first(where: { $0.key == c }) else { return nil }
            overlay = nil
            return recordOrConfirm(item.command, done: item.done)
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
