import HeartDeskCore

/// The new-call form, with the routing decision and its reasons updating live beside it.
enum NewCallFormView {
    /// "Answering Maria Lopez · to be C-0004": who is on the line and the number the call gets, never the
    /// scenario's internal name for it.
    static func answeringTitle(_ caller: IncomingCall, recordedAs callID: String) -> String {
        let who = caller.callerName.allSatisfy(\.isWhitespace) ? "a ringing call" : caller.callerName
        return "Answering \(who) · to be \(callID)"
    }

    static func draw(_ form: NewCallForm, state: ConsoleState, in area: Rect, into grid: inout CellGrid) {
        let box = OverlayBox(rect: area)
        let title = form.revising.map { "Revise \($0.callID): correct what changed" }
            ?? form.answering.map { answeringTitle($0, recordedAs: state.shift.nextCallID) } ?? "New call"
        var y = box.draw(title: title, hint: "Enter records · Tab/↑↓ fields · y/n/? answer · Esc cancels", into: &grid)
        let policy = state.policy
        let formWidth = min(max(44, area.width * 55 / 100), area.width)
        let labelWidth = 10
        let fieldX = area.x + 1 + labelWidth + 1
        let fieldWidth = max(4, formWidth - labelWidth - 3)
        var matchesAt: (y: Int, matches: [CallType])?
        y += 1
        for (index, field) in form.fields.enumerated() where y < box.bottom {
            let focused = index == form.focus
            let fieldRole: ThemeRole = focused ? .formFieldFocused : .formField
            switch field {
            case .flag(let flagIndex):
                // Each question is shown whole (wrapped at 80 columns): a cut question is a question not really asked.
                let flag = policy.safetyFlags[flagIndex]
                let answer = form.answer(flagIndex)
                // The answer sits in the label column, so "not asked" reads as plainly as "yes" or "no".
                grid.put(answer.rawValue, x: area.x + 1, y: y, columns: labelWidth, role: focused ? fieldRole
                         : answer == .yes ? .flag : answer == .notAsked && flag.isRequired ? .formHint : .formLabel)
                let room = formWidth - labelWidth - 3
                // Words of the caller's that bear on an unasked question are shown beside it: ask, do not assume.
                let prompted = answer == .notAsked ? form.suggested?.flags.first { $0.flag == flagIndex } : nil
                let words = prompted.map { " — words: " + $0.matched.prefix(2).map { "‘\($0)’" }.joined(separator: ", ") } ?? ""
                let lines = Formatting.wrap(flag.question + (flag.isRequired ? " *" : "") + words, width: room)
                let role: ThemeRole = answer == .yes || prompted != nil ? .flag : .formLabel
                for (i, part) in lines.enumerated() where y + i < box.bottom {
                    grid.put(part, x: fieldX, y: y + i, limit: room, role: role)
                }
                if focused { grid.cursor = (area.x + 1, y) }
                y += max(1, lines.count)
                continue
            case .interpreter:
                grid.put(field.label, x: area.x + 1, y: y, columns: labelWidth, role: .formLabel)
                let words: String
                switch form.interpreter {
                case .notNeeded: words = "not needed"
                case .spoken: words = "needed" + (form.text(.language).isEmpty ? " (say which language)" : ": \(form.text(.language))")
                case .signLanguage: words = "ASL"
                }
                grid.put(words, x: fieldX, y: y, limit: fieldWidth, role: focused ? fieldRole : form.interpreter.isNeeded ? .flag : .formField)
                if focused {
                    grid.cursor = (fieldX, y)
                    let hintX = fieldX + words.count + 2
                    grid.put("y needed · a ASL · n no", x: hintX, y: y, limit: max(0, formWidth - (hintX - area.x)), role: .formHint)
                }
            default:
                grid.put(field.label, x: area.x + 1, y: y, columns: labelWidth, role: .formLabel)
                let text = form.texts[field] ?? TextField()
                let width = field == .priority ? 3 : field == .beat ? 6 : fieldWidth
                TextFieldView.draw(text, x: fieldX, y: y, width: width, role: fieldRole, showCursor: focused, into: &grid)
                let hintX = fieldX + width + 1
                let hintWidth = formWidth - (hintX - area.x)
                if let hint = hint(for: field, form: form, policy: policy, resolvesAddresses: state.intake.places != nil || state.intake.streets != nil), hintWidth > 3 {
                    grid.put(hint.text, x: hintX, y: y, limit: hintWidth, role: hint.role)
                }
                if field == .callType && focused && policy.callType(named: form.text(.callType)) == nil {
                    matchesAt = (y + 1, form.callTypeMatches(in: policy))
                }
            }
            y += 1
        }
        // What is known about the place: safety cautions in the alert colour, before anything else is read.
        if let place = form.located?.place, y + 1 < box.bottom {
            y += 1
            y = PlaceCautionLines.draw(place, x: area.x + 1, y: y, width: formWidth - 2, bottom: box.bottom, into: &grid)
        }
        // Earlier calls from this number or place: the pattern follow-up exists for.
        if let repeats = form.repeats, y + 1 < box.bottom {
            if form.located?.place == nil { y += 1 }
            for text in RepeatCallLines.lines(repeats, zone: policy.timeZone, width: formWidth - 2) where y < box.bottom {
                grid.put(text, x: area.x + 1, y: y, limit: formWidth - 2, role: .decisionPhone)
                y += 1
            }
        }
        // What the caller's words suggest, under the fields: offered, taken only with ^T.
        if let suggested = form.suggested?.suggestions, !suggested.isEmpty, y + 1 < box.bottom {
            y += 1
            for (rank, suggestion) in suggested.prefix(3).enumerated() where y < box.bottom {
                let words = suggestion.matched.prefix(3).map { "‘\($0)’" }.joined(separator: ", ")
                let lead = rank == 0 ? "Words suggest " : "              "
                // The key before the words: on a narrow form the words are what gets cut, not how to take it.
                let take = rank == 0 && form.text(.callType).isEmpty ? " (^T takes it)" : ""
                grid.put(lead + policy[suggestion.callType].name + take + " " + words, x: area.x + 1, y: y, limit: formWidth - 2,
                         role: .formHint)
                y += 1
            }
        }
        if let caller = form.answering {
            drawCaller(caller, from: y, width: formWidth - 2, x: area.x + 1, bottom: box.bottom, policy: policy, into: &grid)
        }
        DecisionPanel.draw(form: form, state: state,
                           in: Rect(x: area.x + formWidth + 1, y: area.y + 2, width: area.width - formWidth - 2,
                                    height: area.height - 3), into: &grid)
        // The type-ahead list drops down over the fields below, as a combo box does.
        if let (top, matches) = matchesAt, !matches.isEmpty {
            for (i, callType) in matches.enumerated() where top + i < box.bottom {
                let selected = i == min(form.matchSelection, matches.count - 1)
                let role: ThemeRole = selected ? .formMatchSelected : .formMatch
                grid.put("\(callType.name) (\(callType.code))", x: fieldX, y: top + i, columns: fieldWidth, role: role)
            }
        }
    }

    /// What the caller says, under the fields: the narrative, then the answers to the safety questions.
    private static func drawCaller(_ caller: IncomingCall, from top: Int, width: Int, x: Int, bottom: Int, policy: Policy,
                                   into grid: inout CellGrid) {
        var y = top
        var lines = Formatting.wrap("Caller: “\(caller.narrative)”", width: width).map { ($0, ThemeRole.text) }
        let asked = caller.answers.map { answer in
            "Asked “\(policy.safetyFlag(id: answer.flag)?.question ?? answer.flag)” — “\(answer.words)”"
        }
        for line in asked.isEmpty ? ["Asked the safety questions: no to each."] : asked {
            lines += Formatting.wrap(line, width: width).map { ($0, asked.isEmpty ? ThemeRole.formHint : .flag) }
        }
        for (text, role) in lines where y < bottom {
            grid.put(text, x: x, y: y, limit: width, role: role)
            y += 1
        }
    }

    private static func hint(for field: NewCallForm.Field, form: NewCallForm, policy: Policy,
                             resolvesAddresses: Bool) -> (text: String, role: ThemeRole)? {
        switch field {
        case .callType:
            let typed = form.text(.callType)
            if typed.isEmpty { return ("name, code or alias", .formHint) }
            if let exact = policy.callType(named: typed) { return ("✓ \(exact.code)", .reasonEligible) }
            return form.callTypeMatches(in: policy).isEmpty ? ("no match", .messageError) : nil
        case .beat:
            let typed = form.text(.beat).trimmingCharacters(in: .whitespaces)
            if typed.isEmpty {
                switch form.located?.beat {
                case .outside?: return ("the location is outside every beat: enter one", .messageError)
                case .numberNotOnStreet(let number, let street)?: return ("no \(number) \(street) in street guide", .messageError)
                case nil where resolvesAddresses && !form.text(.location).trimmingCharacters(in: .whitespaces).isEmpty:
                    return ("location not found: enter the beat; ? = unknown", .formHint)
                default: return ("required; ? = unknown", .formHint)
                }
            }
            if let located = form.located, let index = located.beatIndex, policy[index].id != typed {
                return ("the \(located.source.rawValue) is in beat \(policy[index].id)", .messageError)
            }
            if Policy.isUnknownBeat(typed) { return ("unknown: outside-area rules", .beatOutside) }
            guard let beat = policy.beat(id: typed) else { return ("no beat \(typed)", .messageError) }
            let areas = policy.serviceAreas(covering: beat.index)
            let source = form.beatFilledFromLocation == typed ? "from \(form.located?.source.rawValue ?? "location") · " : ""
            return areas.isEmpty ? ("\(source)\(beat.district) · outside service area", .beatOutside)
                                 : ("\(source)\(beat.district) · in \(areas.joined(separator: ", ")) area", .beatInArea)
        case .language: return form.text(.language).isEmpty ? ("blank: English", .formHint) : nil
        case .priority:
            let scale = policy.priorities
            let typed = form.text(.priority)
            if typed.isEmpty {
                return ("\(scale.valuesText); blank: \(scale.defaultFor(anyFlagReported: !form.yesFlags.isEmpty)) from safety answers", .formHint)
            }
            guard let value = Int(typed), scale.contains(value) else { return ("not one of \(scale.valuesText)", .messageError) }
            let label = scale.describe(value)
            return label == typed ? nil : (String(label.dropFirst(typed.count)).trimmingCharacters(in: .whitespaces), .formHint)
        case .location: return form.text(.location).isEmpty ? ("required", .formHint) : nil
        default: return nil
        }
    }
}

/// The live routing decision for what the form holds so far.
enum DecisionPanel {
    static func draw(form: NewCallForm, state: ConsoleState, in rect: Rect, into grid: inout CellGrid) {
        guard rect.width > 10 else { return }
        let policy = state.policy
        var y = rect.y
        let end = rect.y + rect.height
        func line(_ text: String, _ role: ThemeRole) {
            guard y < end else { return }
            grid.put(text, x: rect.x, y: y, limit: rect.width, role: role)
            y += 1
        }
        let zone = policy.timeZone
        line("Decision at \(Formatting.shortClock(state.time.shift, zone))", .formLabel)
        let decision = state.formDecision(form)
        guard let explanation = decision.explanation else {
            // A call type still being typed is not an error: the matches list under the field is the help.
            if form.text(.callType).isEmpty || state.policy.callType(named: form.text(.callType)) == nil {
                line("Choose a call type to see", .formHint)
                line("which responses are eligible.", .formHint)
            } else {
                for part in Formatting.wrap(decision.problem ?? "", width: rect.width) { line(part, .messageError) }
            }
            return
        }
        line("Dispatch   \(explanation.dispatch)", Formatting.isPolice(explanation.dispatch, in: policy) ? .decisionPolice : .decisionTeam)
        line("Phone      \(explanation.phone ?? "none")", explanation.phone == nil ? .dim : .decisionPhone)
        line("Follow-up  \(explanation.followUp ?? "none")", explanation.followUp == nil ? .dim : .decisionPhone)
        if form.interpreter.isNeeded {
            let language = form.text(.language).trimmingCharacters(in: .whitespaces)
            let need = form.interpreter == .signLanguage ? "ASL interpreter needed: a crew that signs"
                : "Interpreter needed\(language.isEmpty ? "" : " (\(language))"): a crew that speaks it"
            for part in Formatting.wrap("\(need), else \(policy.interpreterLine ?? "the interpreter line")", width: rect.width) {
                line(part, .flag)
            }
        }
        if !decision.unansweredRequired.isEmpty {
            let ids = decision.unansweredRequired.map(\.id).joined(separator: ", ")
            for part in Formatting.wrap("Not asked: \(ids) — required before a \(policy.programName) team goes", width: rect.width) {
                line(part, .messageError)
            }
        }
        y += 1
        for entry in explanation.lines {
            for reason in entry.reasons {
                let mark = entry.isEligible ? "✓ " : "✗ "
                for (i, part) in Formatting.wrap(reason, width: rect.width - 2).enumerated() {
                    line((i == 0 ? mark : "  ") + part, entry.isEligible ? .reasonEligible : .reasonBlocked)
                }
            }
        }
    }
}
