import CommissionerDomain
import CommissionerPersistence
import Foundation

/// An agreement's provider returns: every period with KPIs due, and for one period the values sent,
/// the form to send them (the provider's people, or a keeper on their behalf), and the contract
/// manager's verification, query or correction of each.
struct ReturnsPage {
    var records: AgreementRecords
    var access: AgreementAccess
    var today: CalendarDay
    /// The period shown, if one is chosen.
    var periodEnd: CalendarDay?
    var fields = TextFields([:])
    var errors = FieldErrors()
    /// The measurement whose verification or correction form `fields` and `errors` belong to.
    var formMeasurementID: UUID?

    var agreementID: UUID { records.agreement.id! }

    func render(_ context: PageContext) -> HTML {
        let title = periodEnd.map { "Return for the period ending \($0.longForm)" } ?? "Returns"
        return Layout.page(title: (errors.isEmpty ? "" : "Error: ") + title, context: context) {
            """
            \(Form.errorSummary(errors))
            <span class="caption-l"><a href="\(SiteRoute.agreement(agreementID).path)#performance">\(records.agreement.reference) \(records.agreement.title)</a></span>
            <h1 class="heading-l">\(title)</h1>
            \(periodEnd.map { period(context, $0) } ?? list)
            """
        }
    }

    var list: HTML {
        let ends = ProviderReturnAuthoring.periodEnds(records, today: today)
        let rows: [[HTML]] = ends.map { end in
            let due = ProviderReturnAuthoring.due(on: end, records: records)
            let standings = due.map { kpi, period in standing(kpi, period) }
            let received = standings.filter { if case .received = $0 { true } else { false } }.count
            let verified = standings.filter { $0 == .received(.verified, late: false) || $0 == .received(.verified, late: true) }.count
            let late = standings.filter(\.isLate).count
            let link = SiteRoute.agreementReturns(agreementID).path(query: [("period", end.description)])
            return [HTML(text: end.longForm), HTML(text: due.map(\.kpi.name).joined(separator: "; ")), HTML(text: "\(received) of \(due.count)"),
                    HTML(text: "\(verified) of \(due.count)"), late > 0 ? Components.tag("\(late) late", colour: "red") : HTML(text: "None"),
                    "<a href=\"\(link)\">Open<span class=\"visually-hidden\"> the return for the period ending \(end.longForm)</span></a>"]
        }
        return """
        <p class="body">Each period's values are due within the days each KPI sets after the period ends. A value can be sent again until the contract manager verifies it; after that it changes only by a correction with its reason.</p>
        \(Components.table(caption: "Periods, latest first", headers: ["Period ends", "KPIs due", "Received", "Verified", "Late", ""], rows: rows,
                           emptyMessage: records.kpis.isEmpty ? "The agreement has no KPIs yet." : "No period has begun yet."))
        """
    }

    func standing(_ kpi: KPI, _ period: ReportingPeriod) -> ReturnStanding {
        let measurement = records.measurements.first { $0.$kpi.id == kpi.id && $0.endDay == period.end }
        return ReturnStanding.of(period: period, dueDays: kpi.returnDueDays, today: today, state: measurement?.state, submittedOn: measurement?.firstSubmittedDay)
    }

    func period(_ context: PageContext, _ end: CalendarDay) -> HTML {
        let due = ProviderReturnAuthoring.due(on: end, records: records)
        guard !due.isEmpty else { return "<p class=\"body\">No KPI of this agreement has a period ending on \(end.longForm).</p>" }
        let open = due.filter { standing($0.kpi, $0.period).acceptsSubmission }
        let rows: [[HTML]] = due.map { kpi, period in
            let measurement = records.measurements.first { $0.$kpi.id == kpi.id && $0.endDay == period.end }
            let status = measurement.map { kpi.thresholds.status(of: $0.value) }
            let standing = standing(kpi, period)
            var notes: [HTML] = []
            if let measurement, !measurement.comment.isEmpty { notes.append("<strong>Comment:</strong> \(measurement.comment)") }
            if let measurement, !measurement.evidence.isEmpty { notes.append("<strong>Evidence:</strong> \(measurement.evidence)") }
            if let measurement, measurement.state == .queried { notes.append("<strong>Query:</strong> \(measurement.query)") }
            if let measurement { notes.append("<strong>Sent by</strong> \(records.name(measurement.$submittedBy.id) ?? "someone no longer listed")") }
            return ["<a href=\"\(SiteRoute.kpi(agreement: agreementID, kpi: kpi.id!).path)\">\(kpi.name)</a>", HTML(text: period.longTitle),
                    HTML(text: measurement.map { kpi.withUnit($0.valueText) } ?? "—"),
                    status.map { Components.tag($0.shortTitle, colour: $0.tagColour) } ?? HTML(text: "—"),
                    Components.tag(standing.title, colour: standing.tagColour), notes.joined(separator: "<br>")]
        }
        var forms: [HTML] = []
        if access.canSubmitReturns, !open.isEmpty, today > end, records.agreement.status != .pipeline {
            forms.append(submission(context, end, open: open))
        }
        if access.canVerify, due.contains(where: { kpi, period in records.measurements.contains { $0.$kpi.id == kpi.id && $0.endDay == period.end } }) {
            forms.append("<h2 class=\"heading-m\">Check the values</h2>")
            for (kpi, period) in due {
                guard let measurement = records.measurements.first(where: { $0.$kpi.id == kpi.id && $0.endDay == period.end }) else { continue }
                if measurement.state == .submitted, measurement.$submittedBy.id != access.user.id { forms.append(verification(context, kpi, measurement)) }
                if measurement.state == .verified { forms.append(correction(context, kpi, measurement)) }
            }
        }
        return """
        \(Components.table(caption: "KPIs due for this period", headers: ["KPI", "Period", "Value", "Status", "Return", "Notes"], rows: rows, emptyMessage: ""))
        \(forms)
        <p class="body"><a href="\(SiteRoute.agreementReturns(agreementID).path)">All periods</a></p>
        """
    }

    func submission(_ context: PageContext, _ end: CalendarDay, open: [(kpi: KPI, period: ReportingPeriod)]) -> HTML {
        let own = formMeasurementID == nil
        let fields = own ? self.fields : TextFields([:]), errors = own ? self.errors : FieldErrors()
        let entries: [HTML] = open.map { kpi, _ in
            let id = kpi.id!.uuidString.lowercased()
            let current = records.measurements.first { $0.$kpi.id == kpi.id && $0.endDay == end }
            return """
            <fieldset class="fieldset">
              <legend class="heading-s">\(kpi.name)</legend>
              <input type="hidden" name="kpiIDs-\(id)" value="on">
              \(Form.textInput("value-\(id)", label: "Value" + (kpi.unit.isEmpty ? "" : " (\(kpi.unit))"), value: fields["value-\(id)"] ?? current?.valueText,
                               hint: "Target \(kpi.withUnit(kpi.targetText)); \(kpi.thresholds.description.lowercased())", errors: errors, width: "input-width-10"))
              \(Form.textarea("comment-\(id)", label: "Comment", value: fields["comment-\(id)"] ?? current?.comment, hint: "Optional: anything that explains the figure", errors: errors, rows: 2))
              \(Form.textarea("evidence-\(id)", label: "Evidence", value: fields["evidence-\(id)"] ?? current?.evidence, hint: "Optional: where the figure comes from, or a link to it", errors: errors, rows: 2))
            </fieldset>
            """
        }
        let form: HTML = """
        <form method="post" action="\(SiteRoute.agreementReturns(agreementID).path)" novalidate>
          \(Form.csrf(context))
          <input type="hidden" name="periodEnd" value="\(end.description)">
          \(entries)
          \(Form.submit("Send the return"))
        </form>
        """
        guard access.isProviderParty else {
            return """
            <details class="details"\(errors.isEmpty || !own ? "" : " open")>
              <summary class="details-summary">Enter the values on the provider's behalf</summary>
              \(form)
            </details>
            """
        }
        return """
        <h2 class="heading-m" id="send">\(open.contains { kpi, _ in records.measurements.contains { $0.$kpi.id == kpi.id && $0.endDay == end } } ? "Send the values again" : "Send the return")</h2>
        \(form)
        """
    }

    func verification(_ context: PageContext, _ kpi: KPI, _ measurement: KPIMeasurement) -> HTML {
        let own = formMeasurementID == measurement.id
        let id = measurement.id!.uuidString.lowercased()
        return """
        <h3 class="heading-s" id="verify-\(id)">Verify or query: \(kpi.name) (\(kpi.withUnit(measurement.valueText)))</h3>
        <form method="post" action="\(SiteRoute.measurementVerification(agreement: agreementID, measurement: measurement.id!).path)" novalidate>
          \(Form.csrf(context))
          \(Form.select("verdict-\(id)", label: "Your check", options: [("verify", "Verify: the value is right and backed by its evidence"), ("query", "Query: ask the provider about it")],
                        selected: own ? fields["verdict-\(id)"] : nil, errors: own ? errors : FieldErrors(), blank: "Choose"))
          \(Form.textarea("reason-\(id)", label: "Question, when querying", value: own ? fields["reason-\(id)"] : nil, hint: "The provider sees it and answers by sending the value again", errors: own ? errors : FieldErrors(), rows: 2))
          \(Form.submit("Record the check", secondary: true))
        </form>
        """
    }

    func correction(_ context: PageContext, _ kpi: KPI, _ measurement: KPIMeasurement) -> HTML {
        let own = formMeasurementID == measurement.id
        let id = measurement.id!.uuidString.lowercased()
        return """
        <details class="details"\(own ? " open" : "")>
          <summary class="details-summary">Correct the verified value of \(kpi.name)</summary>
          <form method="post" action="\(SiteRoute.measurementCorrection(agreement: agreementID, measurement: measurement.id!).path)" novalidate>
            \(Form.csrf(context))
            \(Form.textInput("value-\(id)", label: "Corrected value", value: own ? fields["value-\(id)"] : nil, hint: "Now \(kpi.withUnit(measurement.valueText)); both values stay in the history", errors: own ? errors : FieldErrors(), width: "input-width-10"))
            \(Form.textarea("correction-\(id)", label: "Why it is corrected", value: own ? fields["correction-\(id)"] : nil, errors: own ? errors : FieldErrors(), rows: 2))
            \(Form.submit("Correct the value", secondary: true))
          </form>
        </details>
        """
    }
}
