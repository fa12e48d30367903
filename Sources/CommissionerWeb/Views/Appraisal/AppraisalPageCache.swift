import CommissionerDomain
import CommissionerPersistence
import Foundation
import Synchronization

/// The analysis part of the delivery analysis page, kept once worked out: a large analysis takes
/// six queries and thousands of figures to show, and is read far more often than it changes. Kept
/// by the analysis's count of changes (every write counts one, on whichever server), and by whether
/// the reader may change it; the form's CSRF token is put in when served. Holds `capacity` pages.
enum AppraisalPageCache {
    struct Key: Hashable {
        var current: AppraisalRevision.Current
        var canAuthor: Bool
    }

    static let capacity = 64
    /// Stands in for the reader's CSRF token in a kept page; made only of characters HTML leaves alone.
    static let tokenPlaceholder = "csrf-token-kept-page-placeholder"
    private static let pages = Mutex<[Key: String]>([:])

    /// The page's analysis for this reader, worked out by `render` (given a context carrying the placeholder token) when not kept.
    static func analysis(_ key: Key, context: PageContext, render: (PageContext) async throws -> HTML?) async throws -> HTML? {
        let kept = pages.withLock { $0[key] }
        let text: String
        if let kept {
            text = kept
        } else {
            var placeholder = context
            placeholder.csrfToken = tokenPlaceholder
            guard let rendered = try await render(placeholder) else { return nil }
            text = rendered.description
            pages.withLock { pages in
                if pages.count >= capacity { pages.removeAll(keepingCapacity: true) }
                pages[key] = text
            }
        }
        return HTML(stringLiteral: text.replacingOccurrences(of: tokenPlaceholder, with: context.csrfToken))
    }
}
