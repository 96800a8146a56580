import HeartDeskCore

/// Plausible shift commands drawn at random against the current state: some valid, some refused.
public enum RandomShiftCommands {
    public static func next(in state: ShiftState, using random: inout SeededRandom) -> ShiftCommand {
        let policy = Durham.policy
        let openCalls = state.calls.filter(\.isOpen)
        let anyCall = state.calls.randomElement(using: &random)?.id ?? "C-0001"
        let unit = state.units.randomElement(using: &random)?.id ?? "CRT-1"
        switch Int.random(in: 0..<12, using: &random) {
        case 0, 1:
            let flags = policy.safetyFlags.filter { _ in Int.random(in: 0..<5, using: &random) == 0 }.map(\.id)
            var call = NewCall.screened(callType: policy.callTypes.randomElement(using: &random)!.name,
                                        beat: policy.beats.randomElement(using: &random)!.id, flags: flags,
                                        callerName: ["Peña", "Nguyễn", "Smith", ""].randomElement(using: &random)!,
                                        note: "caller says \(Int.random(in: 0..<1000, using: &random))")
            call.interpreter = InterpreterNeed.allCases.randomElement(using: &random)!
            return .newCall(call)
        case 2, 3:
            let call = openCalls.randomElement(using: &random)?.id ?? anyCall
            return .dispatch(callID: call, unitID: unit, overrideReason: Bool.random(using: &random) ? "supervisor approved" : nil)
        case 4, 5:
            return .setStatus(unitID: unit, status: UnitStatus.allCases.randomElement(using: &random)!)
        case 6:
            return .requestBackup(unitID: unit, kind: BackupKind.allCases.randomElement(using: &random)!)
        case 7:
            return .addNote(callID: anyCall, text: "update \(Int.random(in: 0..<1000, using: &random))")
        case 8:
            let call = openCalls.randomElement(using: &random)?.id ?? anyCall
            return .close(callID: call, disposition: Disposition.allCases.randomElement(using: &random)!,
                          declineFollowUp: Int.random(in: 0..<4, using: &random) == 0)
        case 10:
            let call = openCalls.randomElement(using: &random)?.id ?? anyCall
            let flag = policy.safetyFlags.randomElement(using: &random)!.id
            let beat = Bool.random(using: &random) ? policy.beats.randomElement(using: &random)!.id : nil
            let interpreter = Bool.random(using: &random) ? InterpreterNeed.allCases.randomElement(using: &random)! : nil
            return .revise(callID: call, CallRevision(beat: beat, answers: [flag: QuestionAnswer.allCases.randomElement(using: &random)!],
                                                      interpreter: interpreter),
                           note: Bool.random(using: &random) ? "caller adds detail" : "")
        case 11:
            return Bool.random(using: &random) ? .acknowledgeBackup(unitID: unit) : .backupArrived(unitID: unit)
        default:
            let followUp = state.followUps.randomElement(using: &random)?.id ?? "F-0001"
            return .setFollowUpStatus(followUpID: followUp, status: [.contacted, .closed].randomElement(using: &random)!)
        }
    }
}
