/// One of the nine considerations as a Needs Analysis treats it: addressed in words, or marked not
/// applicable with the reason.
public struct NeedsAnalysisEntry: Equatable, Sendable {
    public var consideration: NeedsConsideration
    public var applicable: Bool
    /// What the analysis says about the consideration; or, when not applicable, why not.
    public var text: String

    public init(consideration: NeedsConsideration, applicable: Bool, text: String) {
        self.consideration = consideration
        self.applicable = applicable
        self.text = text
    }

    public var isAddressed: Bool { !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }

    public static func addressed(_ entries: [NeedsAnalysisEntry]) -> Set<NeedsConsideration> {
        Set(entries.filter(\.isAddressed).map(\.consideration))
    }
}
