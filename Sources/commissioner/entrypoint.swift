import CommissionerWeb
import Logging
import NIOCore
import NIOPosix
import Vapor

@main
enum Entrypoint {
    static func main() async {
        if OCDSCompileCommand.handles(CommandLine.arguments) {
            // Written out a megabyte at a time rather than a record at a time.
            var buffered = ""
            func flush() {
                FileHandle.standardOutput.write(Data(buffered.utf8))
                buffered = ""
            }
            do {
                try OCDSCompileCommand.run(CommandLine.arguments, output: { text in
                    buffered += text
                    if buffered.utf8.count >= 1 << 20 { flush() }
                }, warn: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) })
                flush()
                exit(0)
            } catch {
                FileHandle.standardError.write(Data("commissioner: \(error)\n".utf8))
                exit(1)
            }
        }
        // Swift's async code runs on the server's own event loops rather than on a second pool of
        // threads, so a request is not handed from thread to thread at every database query.
        _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        do {
            var environment = try Environment.detect()
            let settings = try AppSettings.fromEnvironment()
            if settings.mode == .production { environment = Environment(name: "production", arguments: environment.arguments) }
            try LoggingSystem.bootstrap(from: &environment)
            let app = try await Application.make(environment)
            do {
                try await configure(app, settings: settings)
                CommissionerCommands.register(on: app)
                if CommissionerCommands.isServe(environment.arguments) {
                    try await Startup.prepare(app)
                    app.logger.notice("Commissioner is using the \(settings.database).")
                    if app.isDemoWorkspace { print(Startup.demoSignIns()) }
                }
                try await app.execute()
                try await app.asyncShutdown()
            } catch {
                try? await app.asyncShutdown()
                throw error
            }
        } catch {
            FileHandle.standardError.write(Data("commissioner: \(error)\n".utf8))
            exit(1)
        }
    }
}
