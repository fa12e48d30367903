import CommissionerDomain
import FluentKit
import Foundation

public enum SessionQueries {
    public static func sessions(of userID: UUID, on database: any Database) async throws -> [UserSession] {
        try await UserSession.query(on: database).filter(\.$user.$id == userID).all()
    }

    public static func recentFailures(email: String, address: String, since: Date, on database: any Database) async throws -> (account: Int, address: Int) {
        let account = try await SignInAttempt.query(on: database).filter(\.$email == email).filter(\.$attemptedAt >= since).count()
        let fromAddress = try await SignInAttempt.query(on: database).filter(\.$address == address).filter(\.$attemptedAt >= since).count()
        return (account, fromAddress)
    }
}

public enum TokenQueries {
    public static func tokens(of userID: UUID, on database: any Database) async throws -> [APIToken] {
        try await APIToken.query(on: database).filter(\.$user.$id == userID).sort(\.$createdAt, .descending).all()
    }
}
