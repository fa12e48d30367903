import Vapor

/// The command line: `serve` (Vapor's, default) and Commissioner's own.
public enum CommissionerCommands {
    public static func register(on app: Application) {
        app.asyncCommands.use(MigrateNowCommand(), as: "migrate")
        app.asyncCommands.use(DemoCommand(), as: "demo")
        app.asyncCommands.use(UsersCommand(), as: "users")
        app.asyncCommands.use(TokensCommand(), as: "tokens")
        app.asyncCommands.use(AuditCommand(), as: "audit")
        app.asyncCommands.use(BackupCommand(), as: "backup")
        app.asyncCommands.use(GenerateCommand(), as: "generate")
        app.asyncCommands.use(SpendCommand(), as: "spend")
        app.asyncCommands.use(RegisterCommand(), as: "register")
        app.asyncCommands.use(AppraisalBenchmarkCommand(), as: "appraisal-benchmark")
        app.asyncCommands.use(OCDSCommand(), as: "ocds")
    }

    /// `serve` is the default command; it also runs when only options such as --port are given.
    public static func isServe(_ arguments: [String]) -> Bool {
        let rest = arguments.dropFirst()
        if rest.contains("--help") || rest.contains("-h") { return false }
        guard let first = rest.first else { return true }
        return first == "serve" || first.hasPrefix("-")
    }
}
