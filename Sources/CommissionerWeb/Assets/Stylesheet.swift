import Vapor

/// The site's one stylesheet, after the GOV.UK Design System's patterns, in Arial/Helvetica.
enum Stylesheet {
    static func register(on routes: any RoutesBuilder) {
        routes.on(.GET, .stylesheet, access: .anyone) { _ async throws -> Response in
            let response = Response(status: .ok, body: .init(string: css))
            response.headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
            response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
            return response
        }
        routes.on(.GET, .refreshScript, access: .anyone) { _ async throws -> Response in
            let response = Response(status: .ok, body: .init(string: refreshScript))
            response.headers.contentType = HTTPMediaType(type: "text", subType: "javascript", parameters: ["charset": "utf-8"])
            response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
            return response
        }
    }

    /// Long work in progress: a page marked `data-refresh-seconds` reloads itself until the work is
    /// done; without scripts, its own "Check progress" link does the same.
    static let refreshScript = """
    (function () {
      var marked = document.querySelector('[data-refresh-seconds]');
      if (!marked) { return; }
      var seconds = parseFloat(marked.getAttribute('data-refresh-seconds')) || 1;
      window.setTimeout(function () { window.location.reload(); }, seconds * 1000);
    })();
    """

    static let css = """
    *, *::before, *::after { box-sizing: border-box; }
    html { background: #f3f2f1; }
    body { margin: 0; background: #fff; color: #0b0c0c; font-family: Arial, Helvetica, sans-serif; font-size: 1.1875rem; line-height: 1.32; }
    a { color: #1d70b8; text-decoration-thickness: max(1px, .0625rem); text-underline-offset: .1578em; }
    a:visited { color: #4c2c92; }
    a:hover { color: #003078; text-decoration-thickness: max(3px, .1875rem); }
    a:focus, button:focus, input:focus, select:focus, summary:focus { outline: 3px solid transparent; background-color: #fd0; box-shadow: 0 -2px #fd0, 0 4px #0b0c0c; color: #0b0c0c; text-decoration: none; }
    input:focus, select:focus { background-color: #fff; box-shadow: inset 0 0 0 2px #0b0c0c; outline: 3px solid #fd0; outline-offset: 0; }
    .skip-link { position: absolute; left: -9999em; padding: 10px 15px; }
    .skip-link:focus { position: static; display: block; }
    .visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: 0; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
    .width-container { max-width: 1100px; margin: 0 auto; padding: 0 15px; }
    .header { background: #0b0c0c; color: #fff; border-bottom: 10px solid #1d70b8; }
    .header-inner { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; padding-top: 10px; padding-bottom: 10px; gap: 10px; }
    .service-name { color: #fff !important; font-weight: 700; font-size: 1.5rem; text-decoration: none; }
    .header a { color: #fff; }
    .header a:focus { color: #0b0c0c; }
    .account { display: flex; flex-wrap: wrap; gap: 15px; align-items: center; font-size: 1rem; }
    .account-name { font-weight: 700; }
    .navigation ul { list-style: none; margin: 0; padding: 0 0 10px; display: flex; flex-wrap: wrap; gap: 0 25px; }
    .navigation a { font-weight: 700; font-size: 1rem; display: inline-block; padding: 5px 0; }
    .navigation a[aria-current="page"] { border-bottom: 4px solid #fff; }
    .phase-banner { padding: 10px 0; border-bottom: 1px solid #b1b4b6; font-size: 1rem; }
    .main { padding: 30px 0 45px; display: block; outline: none; }
    .footer { background: #f3f2f1; border-top: 1px solid #b1b4b6; padding: 25px 0; font-size: 1rem; color: #0b0c0c; }
    .heading-l { font-size: 2.25rem; line-height: 1.1; margin: 0 0 30px; font-weight: 700; }
    .heading-m { font-size: 1.5rem; margin: 30px 0 15px; font-weight: 700; }
    .heading-s { font-size: 1.1875rem; margin: 0 0 10px; font-weight: 700; }
    .caption-l { display: block; color: #505a5f; font-size: 1.5rem; margin-bottom: 5px; }
    .body { margin: 0 0 20px; }
    .secondary-text { color: #505a5f; font-size: 1rem; }
    .list { margin: 0; padding-left: 20px; }
    .list-bullet, .list-number { margin-bottom: 20px; }
    .grid-two-thirds { max-width: 730px; }
    .form-group { margin-bottom: 25px; }
    .form-group-error { border-left: 5px solid #d4351c; padding-left: 15px; }
    .label { display: block; font-weight: 700; margin-bottom: 5px; }
    .hint { color: #505a5f; margin-bottom: 10px; }
    .error-message { color: #d4351c; font-weight: 700; margin: 0 0 10px; }
    .input, .select { font: inherit; width: 100%; max-width: 30em; height: 2.5rem; padding: 5px; border: 2px solid #0b0c0c; border-radius: 0; background: #fff; color: #0b0c0c; }
    .input-error, .select-error { border-color: #d4351c; }
    .fieldset { border: 0; margin: 0 0 20px; padding: 0; }
    .fieldset-legend { font-weight: 700; font-size: 1.5rem; margin-bottom: 15px; }
    .button { display: inline-block; font: inherit; font-weight: 400; line-height: 1.2; padding: 8px 10px 7px; border: 2px solid transparent; border-radius: 0;
      background: #00703c; color: #fff !important; box-shadow: 0 2px 0 #002d18; cursor: pointer; text-decoration: none; margin: 0 15px 20px 0; }
    .button:hover { background: #005a30; }
    .button:focus { background: #fd0; color: #0b0c0c !important; box-shadow: 0 2px 0 #0b0c0c; }
    .button-secondary { background: #f3f2f1; color: #0b0c0c !important; box-shadow: 0 2px 0 #929191; }
    .button-secondary:hover { background: #dbdad9; }
    .button-warning { background: #d4351c; box-shadow: 0 2px 0 #55150b; }
    .button-warning:hover { background: #aa2a16; }
    .link-button { font: inherit; background: none; border: 0; padding: 0; color: #1d70b8; text-decoration: underline; cursor: pointer; }
    .header .link-button { color: #fff; }
    .header .link-button:focus { color: #0b0c0c; }
    .inline-form { display: inline; margin: 0; }
    .error-summary { border: 5px solid #d4351c; padding: 15px 20px; margin-bottom: 30px; }
    .error-summary:focus { outline: 3px solid #fd0; }
    .error-summary-title { font-size: 1.5rem; margin: 0 0 15px; }
    .error-summary ul { margin: 0; padding: 0; list-style: none; }
    .error-summary a { color: #d4351c; font-weight: 700; }
    .summary-list { margin: 0 0 30px; }
    .summary-list-row { display: flex; flex-wrap: wrap; border-bottom: 1px solid #b1b4b6; padding: 10px 0; }
    .summary-list-key { font-weight: 700; width: 30%; min-width: 12em; margin: 0; padding-right: 20px; }
    .summary-list-value { margin: 0; flex: 1; }
    .table { width: 100%; border-collapse: collapse; margin-bottom: 20px; font-size: 1rem; }
    .table-caption { text-align: left; font-weight: 700; font-size: 1.1875rem; margin-bottom: 10px; }
    .table th, .table td { text-align: left; vertical-align: top; padding: 10px 20px 10px 0; border-bottom: 1px solid #b1b4b6; }
    .tag { display: inline-block; padding: 2px 8px; font-weight: 700; font-size: 1rem; background: #cce2d8; color: #005a30; }
    .phase-banner .tag { background: #1d70b8; color: #fff; margin-right: 10px; }
    .tag-green { background: #cce2d8; color: #005a30; }
    .tag-grey { background: #e5e6e7; color: #383f43; }
    .filter { background: #f3f2f1; padding: 15px 20px 0; margin-bottom: 20px; }
    .filter-fields { display: flex; flex-wrap: wrap; gap: 0 20px; }
    .filter-fields .form-group { min-width: 14em; flex: 1; }
    .filter .link { display: inline-block; margin-bottom: 20px; }
    .filter .button-secondary { background: #fff; }
    .pagination ul { list-style: none; padding: 0; display: flex; gap: 20px; }
    .card-list { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(16em, 1fr)); gap: 20px; }
    .card { border-top: 5px solid #1d70b8; background: #f3f2f1; padding: 15px; }
    .panel { border: 5px solid #00703c; padding: 20px; margin-bottom: 30px; }
    .token { font-size: 1.1875rem; word-break: break-all; background: #f3f2f1; padding: 5px; }
    pre.json { white-space: pre-wrap; word-break: break-all; font-size: .875rem; background: #f3f2f1; padding: 5px; margin: 0 0 10px; }
    details summary { color: #1d70b8; text-decoration: underline; cursor: pointer; }
    .board { display: grid; grid-template-columns: repeat(auto-fit, minmax(15em, 1fr)); gap: 20px; }
    .board-phase { background: #f8f8f8; padding: 10px 15px; border-top: 5px solid #0b0c0c; }
    .board-cards { grid-template-columns: 1fr; gap: 10px; margin-top: 0; }
    .board-cards .card { background: #fff; border-top-width: 3px; padding: 10px; }
    .steps { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 5px; margin: 0 0 30px; font-size: 1rem; }
    .step { padding: 5px 10px; border: 2px solid #b1b4b6; }
    .step-done { background: #cce2d8; border-color: #cce2d8; }
    .step-current { background: #1d70b8; border-color: #1d70b8; color: #fff; font-weight: 700; }
    .task-list { list-style: none; padding: 0; margin: 0 0 30px; border-top: 1px solid #b1b4b6; }
    .task-list-item { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 10px; padding: 10px 0; border-bottom: 1px solid #b1b4b6; }
    .task-name { flex: 1; min-width: 15em; }
    .task-list-item > .tag { align-self: flex-start; }
    .tag-blue { background: #bbd4ea; color: #0c2d4a; }
    .tag-red { background: #f4cdc6; color: #2a0b06; }
    .tag-yellow { background: #fff7bf; color: #594d00; }
    .tag-orange { background: #fcd6c3; color: #6e3619; }
    .tag-purple { background: #dbd5e9; color: #3d2375; }
    .button-group { display: flex; flex-wrap: wrap; gap: 15px; align-items: baseline; margin-bottom: 20px; }
    .button-group .button { margin-bottom: 0; }
    .inset-text { border-left: 10px solid #b1b4b6; padding: 10px 15px; margin: 20px 0; }
    .warning-text { border-left: 10px solid #d4351c; padding: 10px 15px; margin: 20px 0; }
    .timeline { list-style: none; padding: 0 0 0 20px; border-left: 5px solid #1d70b8; }
    .timeline-item { margin-bottom: 25px; }
    .written-text { max-width: 40em; border-left: 5px solid #f3f2f1; padding-left: 15px; margin-bottom: 30px; }
    .written-text code { background: #f3f2f1; padding: 0 3px; }
    .textarea { width: 100%; font: inherit; padding: 5px; border: 2px solid #0b0c0c; box-sizing: border-box; }
    .textarea:focus { outline: 3px solid #fd0; outline-offset: 0; box-shadow: inset 0 0 0 2px #0b0c0c; }
    .checkboxes { border: 0; padding: 0; margin: 0 0 20px; }
    .checkbox { display: block; margin: 5px 0; }
    .checkbox input { width: 1.25em; height: 1.25em; margin-right: 8px; vertical-align: middle; }
    .view-switch { margin-bottom: 20px; }
    .input-width-10 { max-width: 11em; }
    .input-width-5 { max-width: 6em; }
    .input-width-20 { max-width: 21em; }
    .input-width-2 { max-width: 3em; }
    .score-bar { vertical-align: middle; }
    .summary-counts { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 10px 30px; margin: 0 0 20px; }
    .inline-form { display: inline; }
    .link-button { background: none; border: 0; padding: 0; color: #1d70b8; text-decoration: underline; font: inherit; cursor: pointer; }
    .link-button:focus { outline: 3px solid #fd0; background: #fd0; color: #0b0c0c; }
    .chart-pair { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 30px; align-items: start; margin-bottom: 20px; }
    .chart { width: 100%; height: auto; }
    .chart-narrow { max-width: 640px; margin-bottom: 20px; }
    .chart-wide { overflow-x: auto; margin-bottom: 20px; }
    .heat-map { border-collapse: collapse; margin-bottom: 10px; }
    .heat-map th, .heat-map td { border: 2px solid #ffffff; padding: 6px 8px; text-align: center; }
    .heat-map .heat-axis, .heat-map .heat-corner { background: #f3f2f1; font-weight: 400; font-size: 0.875rem; }
    .heat-cell { min-width: 52px; height: 44px; font-weight: 700; font-size: 1.125rem; color: #0b0c0c; }
    .heat-cell a { color: #0b0c0c; }
    .heat-low { background: #cce2d8; }
    .heat-medium { background: #fff7bf; }
    .heat-high { background: #fcd6c3; }
    .heat-very-high { background: #f4b6ae; }
    .chart-timeline { min-width: 760px; max-width: 960px; }
    .chart-count { font-family: inherit; font-size: 12px; font-weight: 700; fill: #ffffff; }
    .swot { display: grid; grid-template-columns: 1fr 1fr; gap: 10px; margin-bottom: 20px; }
    .swot section { background: #f3f2f1; border-left: 5px solid #505a5f; padding: 10px 15px; }
    .swot section h3 { margin-top: 0; }
    .swot .swot-good { border-left-color: #00703c; }
    .swot .swot-bad { border-left-color: #d4351c; }
    .chart-label, .chart-value, .chart-legend { font-family: inherit; font-size: 14px; fill: #0b0c0c; }
    details.details { margin-bottom: 20px; }
    @media (max-width: 900px) { .chart-pair { grid-template-columns: 1fr; } }
    @media (max-width: 640px) { .heading-l { font-size: 1.75rem; } .summary-list-key { width: 100%; } }
    @media print { .header, .navigation, .phase-banner, .skip-link, .no-print, .footer { display: none; } body { font-size: 11pt; } .table { page-break-inside: auto; } .table tr { page-break-inside: avoid; } .business-case h2 { page-break-before: always; } .business-case h2:first-of-type { page-break-before: avoid; } }
    """
}
