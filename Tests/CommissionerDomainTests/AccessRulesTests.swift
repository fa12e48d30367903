@testable import CommissionerDomain
import Testing

@Suite struct EmailAddressTests {
    @Test(arguments: ["Someone@Example.org ", "a.b+c@gov.je", "x@sub.domain.example"])
    func acceptsAndNormalises(_ typed: String) throws {
        let email = try EmailAddress(typed)
        #expect(email.value == typed.trimmingCharacters(in: .whitespaces).lowercased())
    }

    @Test(arguments: ["nobody", "a@b", "@example.org", "a@@example.org", "a b@example.org", "a@exa mple.org", "a@-x.org", "a..b@example.org", "<a>@example.org"])
    func refusesMalformed(_ typed: String) {
        #expect(throws: EmailAddress.Problem.malformed) { try EmailAddress(typed) }
    }

    @Test func refusesEmpty() {
        #expect(throws: EmailAddress.Problem.missing) { try EmailAddress("   ") }
    }
}

@Suite struct PasswordPolicyTests {
    @Test func saysWhatIsWrong() {
        #expect(PasswordPolicy.problem(with: "") == "Enter a password")
        #expect(PasswordPolicy.problem(with: "short") == "Password must be 12 characters or more")
        #expect(PasswordPolicy.problem(with: "aaaaaaaaaaaaaaaa") == "Password must not repeat the same few characters")
        #expect(PasswordPolicy.problem(with: "x-lead@gov.je-2026", email: "lead@gov.je") == "Password must not contain your email address")
        #expect(PasswordPolicy.problem(with: String(repeating: "abcd", count: 19)) == "Password must be 72 bytes or fewer")
        #expect(PasswordPolicy.problem(with: "a long enough passphrase") == nil)
    }
}

@Suite struct MembershipRulesTests {
    func grant(_ role: Role, in kind: OrganisationKind, byAdministrator: Bool = true, active: Bool = true, holds: Bool = false) -> MembershipRules.Refusal? {
        MembershipRules.refusal(for: .init(role: role, organisationKind: kind, organisationName: "Body", granterIsAdministrator: byAdministrator,
                                           granteeIsActive: active, granteeAlreadyHolds: holds))
    }

    @Test func onlyAdministratorsGrant() {
        #expect(grant(.approver, in: .commissioningBody, byAdministrator: false) == .noAuthority(.approver))
        #expect(grant(.approver, in: .commissioningBody) == nil)
    }

    @Test func rolesBelongToKindsOfOrganisation() {
        #expect(grant(.provider, in: .provider) == nil)
        #expect(grant(.provider, in: .commissioningBody) == .roleNotHeldInKind(.provider, .commissioningBody))
        #expect(grant(.administrator, in: .provider) == .roleNotHeldInKind(.administrator, .provider))
        #expect(grant(.scrutiny, in: .scrutinyBody) == nil)
        #expect(grant(.scrutiny, in: .department) == .roleNotHeldInKind(.scrutiny, .department))
        for role in Role.allCases { #expect(!role.organisationKinds.isEmpty) }
    }

    @Test func refusesDeactivatedAndDuplicates() {
        #expect(grant(.approver, in: .department, active: false) == .userDeactivated)
        #expect(grant(.approver, in: .department, holds: true) == .alreadyHeld(.approver, organisation: "Body"))
    }

    @Test func theLastAdministratorStays() {
        #expect(MembershipRules.refusalToRemoveAdministrator(remainingAdministrators: 0, granterIsAdministrator: true, role: .administrator) == .lastAdministrator)
        #expect(MembershipRules.refusalToRemoveAdministrator(remainingAdministrators: 1, granterIsAdministrator: true, role: .administrator) == nil)
    }

    @Test func onlyDepartmentsSitUnderABody() {
        #expect(OrganisationKind.department.allowedParentKinds == [.commissioningBody])
        for kind in OrganisationKind.allCases where kind != .department { #expect(kind.allowedParentKinds.isEmpty) }
    }

    @Test func roleIdentifiersAreTheDocumentedOnes() {
        #expect(Role.allCases.map(\.identifier) == ["administrator", "commissioning-lead", "contract-manager", "budget-holder",
                                                    "procurement-specialist", "approver", "scrutiny", "provider"])
        #expect(Role(identifier: " Contract-Manager ") == .contractManager)
    }
}

@Suite struct SignInThrottleTests {
    @Test func refusesAfterTheLimits() {
        let throttle = SignInThrottle.standard
        #expect(throttle.refusal(recentAccountFailures: 4, recentAddressFailures: 19) == nil)
        #expect(throttle.refusal(recentAccountFailures: 5, recentAddressFailures: 0) == .account(minutes: 15))
        #expect(throttle.refusal(recentAccountFailures: 0, recentAddressFailures: 20) == .address(minutes: 15))
        #expect(SignInThrottle.Refusal.account(minutes: 15).message.contains("Wait 15 minutes"))
    }
}
