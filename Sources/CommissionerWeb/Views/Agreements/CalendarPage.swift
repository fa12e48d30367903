import Foundation

/// A person's calendar feed: what it holds, and its secret address — shown once, when it is made.
struct CalendarPage {
    /// When the current address was made, if there is one.
    var madeAt: Date?
    /// The address just made: shown this once.
    var newAddress: String?

    func render(_ context: PageContext) -> HTML {
        Layout.page(title: "Calendar", context: context) {
            """
            <h1 class="heading-l">Your calendar</h1>
            <p class="body">Add Commissioner to Outlook or any calendar that subscribes to an internet calendar (iCalendar). It shows,
            for the running agreements you can see, the reviews due on their schedule, the providers' return deadlines not yet met, and
            each agreement's end — from 90 days ago to a year ahead. It updates itself every hour.</p>
            <p class="body">The address is secret: anyone who has it sees those dates and agreement names. Do not share it. If it gets
            out, make a new one and the old one stops working.</p>
            \(newAddress.map { address in
                """
                <div class="panel" role="status">
                  <h2 class="heading-m">Your calendar address</h2>
                  <p class="body">Copy it now and add it to your calendar ("Add calendar", then "From internet" or "Subscribe"): it will not be shown again.</p>
                  <p><code class="token" id="calendar-address">\(address)</code></p>
                </div>
                """ as HTML
            })
            <form method="post" action="\(SiteRoute.calendar.path)" novalidate>
              \(Form.csrf(context))
              <p class="body">\(madeAt.map { "You have a calendar address, made \(Components.date($0))." as HTML } ?? "You have no calendar address yet.")</p>
              \(Form.submit(madeAt == nil ? "Make my calendar address" : "Make a new address (the old one stops working)", secondary: madeAt != nil))
            </form>
            """
        }
    }
}
