import CommissionerDomain
import Vapor

/// `commissioner appraisal-benchmark`: times the options appraisal's arithmetic on a large made-up
/// appraisal (10 options × 20 criteria × 60 years of cash flows, 10,000 perturbed weightings), without
/// the database. The target is under 20 ms in a release build.
struct AppraisalBenchmarkCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "runs", help: "How many times to compute it (default 50).")
        var runs: Int?
    }

    var help: String { "Times the options appraisal (10 options × 20 criteria × 60 years, 10,000 perturbed weightings)." }

    static func sample(options: Int = 10, criteria: Int = 20, years: Int = 60) -> (ScoringMatrix, [OptionsAppraisal.Option]) {
        var generator = SplitMix64(seed: 42)
        let matrix = ScoringMatrix(
            criteria: (0..<criteria).map { Criterion("Criterion \($0 + 1)", weight: Double(1 + Int(generator.nextUnit() * 20))) },
            scores: (0..<options).map { _ in (0..<criteria).map { _ in Double(Int(generator.nextUnit() * 11)) } })
        let appraised = (0..<options).map { option in
            OptionsAppraisal.Option(name: "Option \(option + 1)", cashFlows: [
                CashFlowLine(kind: .cost, description: "Set-up", category: .capital, firstYear: 2026, annualAmount: 1_000_000 * generator.nextUnit()),
                CashFlowLine(kind: .cost, description: "Running", category: .operating, firstYear: 2026, lastYear: 2026 + years - 1,
                             annualAmount: 200_000 * generator.nextUnit()),
                CashFlowLine(kind: .benefit, description: "Savings", firstYear: 2027, lastYear: 2026 + years - 1, annualAmount: 300_000 * generator.nextUnit()),
                CashFlowLine(kind: .benefit, description: "Quality of life", firstYear: 2027, lastYear: 2026 + years - 1,
                             annualAmount: 50_000 * generator.nextUnit(), schedule: .healthAndLife),
            ], optimismBias: OptimismBias(components: [.init(.standardBuildings, share: 1), .init(.outsourcing, share: 0.5)], mitigation: 0.2))
        }
        return (matrix, appraised)
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let runs = signature.runs ?? 50
        guard (1...10_000).contains(runs) else { throw SettingsError("--runs must be from 1 to 10000") }
        let (matrix, options) = Self.sample()
        let clock = ContinuousClock()
        var timings: [Duration] = []
        var checksum = 0.0
        for _ in 0..<runs {
            let started = clock.now
            let appraisal = OptionsAppraisal(matrix: matrix, options: options, baseYear: 2026, band: 0.2, samples: 10_000)
            timings.append(clock.now - started)
            checksum += appraisal.perturbation.shareFirst.reduce(0, +) + appraisal.economics.reduce(0) { $0 + $1.netPresentSocialValue }
        }
        timings.sort()
        func ms(_ duration: Duration) -> String {
            String(format: "%.2f ms", Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15)
        }
        context.console.print("Options appraisal, 10 options × 20 criteria × 60 years, 10,000 perturbed weightings, \(runs) runs:")
        context.console.print("min \(ms(timings[0]))  median \(ms(timings[timings.count / 2]))  p95 \(ms(timings[min(timings.count - 1, timings.count * 95 / 100)]))  max \(ms(timings[timings.count - 1]))")
        context.console.print("(checksum \(String(format: "%.3f", checksum / Double(runs))))")
    }
}
