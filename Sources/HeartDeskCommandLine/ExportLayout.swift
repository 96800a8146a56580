import HeartDeskAnalysis
import HeartDeskCore

/// `--mapping FILE` as `analyze` and `shift import` read it: the file checked against the policy, or the Durham
/// open-data layout when none is given; a bad file is one line naming file and line.
func exportLayout(mapping path: String?, policy: Policy) throws -> CallsMapping {
    do {
        return try path.map { path throws(AnalysisError) in try CallsMapping.load(path: path, policy: policy) } ?? .durham
    } catch {
        throw UserError("bad mapping: \(error)")
    }
}
