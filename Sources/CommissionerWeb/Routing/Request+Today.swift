import CommissionerDomain
import Vapor

extension Request {
    /// Today's date by the application's clock (the test clock in tests).
    var today: CalendarDay { CalendarDay(application.clock.now()) }
}
