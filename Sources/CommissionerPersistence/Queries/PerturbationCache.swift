import CommissionerDomain
import Synchronization

/// The perturbed weightings of recently shown analyses, kept in memory: they are the dearest part of
/// an analysis to work out and depend only on the scores, weights and band, which are the key — a
/// changed score is a different key, so nothing needs clearing. Holds the last `capacity` analyses.
enum PerturbationCache {
    struct Key: Hashable {
        var matrix: ScoringMatrix
        var band: Double
        var samples: Int
    }

    static let capacity = 64
    private static let entries = Mutex<[Key: WeightPerturbation]>([:])

    static func perturbation(_ matrix: ScoringMatrix, band: Double, samples: Int) -> WeightPerturbation {
        let key = Key(matrix: matrix, band: band, samples: samples)
        if let known = entries.withLock({ $0[key] }) { return known }
        let worked = WeightPerturbation(matrix, band: band, samples: samples)
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = worked
        }
        return worked
    }
}
