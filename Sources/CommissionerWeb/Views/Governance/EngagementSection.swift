import CommissionerDomain
import CommissionerPersistence
import Foundation

/// The engagement about an agreement or an activity, on its page.
enum EngagementSection {
    static func render(_ events: [EngagementEvent], about: String) -> HTML {
        """
        <h2 class="heading-m" id="engagement">Engagement</h2>
        \(Components.table(caption: "Meetings and events about this \(about) (\(events.count))", headers: ["Held", "Engagement", "Kind"], rows: events.map { event in
            [HTML(text: CalendarDay(event.heldOn)?.longForm ?? event.heldOn), "<a href=\"\(SiteRoute.engagementEvent(event.id!).path)\">\(HTML(text: event.title))</a>",
             HTML(text: event.kind.title)]
        }, emptyMessage: "No engagement recorded about this \(about) yet: link it from an engagement in the log."))
        """
    }
}
