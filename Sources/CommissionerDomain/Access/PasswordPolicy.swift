/// What a new password must be. Length matters more than character classes (NCSC guidance).
public enum PasswordPolicy {
    public static let minimumLength = 12
    public static let maximumLength = 72 // bcrypt reads no further

    /// The problem with a proposed password, in words to show beside the field; nil when it is acceptable.
    public static func problem(with password: String, email: String? = nil) -> String? {
        if password.isEmpty { return "Enter a password" }
        if password.count < minimumLength { return "Password must be \(minimumLength) characters or more" }
        if password.utf8.count > maximumLength { return "Password must be \(maximumLength) bytes or fewer" }
        if Set(password).count < 4 { return "Password must not repeat the same few characters" }
        if let email, password.lowercased().contains(email.lowercased()) { return "Password must not contain your email address" }
        return nil
    }
}
