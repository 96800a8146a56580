import Foundation
import HeartDeskCore

/// The shipped Durham policy and shorthands for routing against it in tests.
public enum Durham {
    /// Loaded once: every test reads the same file the product ships.
    public static let policy: Policy = {
        do { return try PolicyLoader.bundledDurham() } catch { fatalError("built-in policy does not load: \(error)") }
    }()

    public static let router = Router(policy: policy)

    /// The shipped vocabulary and beat polygons, loaded once (the polygons take a fifth of a second).
    public static let intake: IntakeAids = {
        do { return try IntakeAids.load(for: policy) } catch { fatalError("built-in intake data does not load: \(error)") }
    }()

    /// The Durham policy with the test places file, street guide and interpreter line (``IntakeFiles``), and its
    /// intake aids; loaded once.
    public static var policyWithPlaces: Policy { withPlaces.policy }
    public static var intakeWithPlaces: IntakeAids { withPlaces.intake }

    private static let withPlaces: (policy: Policy, intake: IntakeAids) = {
        let directory = TemporaryDirectory()
        do {
            let path = try IntakeFiles.writeDurhamPolicy(in: directory.url.path)
            let policy = try PolicyLoader.load(contentsOf: URL(fileURLWithPath: path))
            return (policy, try IntakeAids.load(for: policy))
        } catch { fatalError("test places policy does not load: \(error)") }
    }()

    /// The 12 HEART pilot beats, as Durham published them.
    public static let pilotBeats = ["111", "112", "113", "114", "122", "214", "223", "411", "413", "511", "512", "513"]

    /// An instant from Durham local wall-clock text such as "2026-11-23T14:00", or any ISO 8601 form.
    public static func instant(_ text: String) -> Date {
        do { return try InstantParser.parse(text, zone: policy.timeZone) } catch { fatalError("bad test time \(text): \(error)") }
    }

    /// Routes a call described by names, as a call-taker would enter it.
    public static func route(_ type: String, beat: String? = "111", at time: String, flags: [String] = []) -> Decision {
        guard let callType = policy.callType(named: type) else { fatalError("no call type \(type)") }
        var set = SafetyFlagSet()
        for id in flags {
            guard let flag = policy.safetyFlag(id: id) else { fatalError("no flag \(id)") }
            set.insert(SafetyFlagSet(index: flag.index))
        }
        let beatIndex = beat.map { id -> Beat.Index in
            guard let found = policy.beat(id: id) else { fatalError("no beat \(id)") }
            return found.index
        }
        return router.route(CallFacts(callType: callType.index, beat: beatIndex, flags: set), at: instant(time))
    }

    /// The ids of the responses eligible in `decision`.
    public static func eligible(_ decision: Decision) -> Set<String> {
        Set(decision.verdicts.filter(\.isEligible).map { policy[$0.response].id })
    }

    /// Every reason in `decision`, in words.
    public static func reasons(_ decision: Decision) -> [String] {
        Explanation(decision, policy: policy).lines.flatMap(\.reasons)
    }

    /// The id of a response index, for readable expectations.
    public static func id(_ index: Response.Index?) -> String? {
        index.map { policy[$0].id }
    }
}
