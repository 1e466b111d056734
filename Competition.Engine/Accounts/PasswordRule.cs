using Microsoft.AspNetCore.Identity;

namespace Competition.Engine.Accounts;

/// <summary>
/// The one password rule, used by the validators (registration, staff accounts), by Identity itself (any other way a
/// password is set) and by the pages that describe it, so the message always says what is checked.
/// </summary>
public static class PasswordRule
{
    public const int MinLength = 8;

    /// <summary>For form labels.</summary>
    public const string Hint = "至少 8 位，须包含字母和数字";

    public const string Message = "密码至少 8 位，须包含字母和数字";

    public static bool IsMet(string? password) =>
        password is { Length: >= MinLength } && password.Any(char.IsLetter) && password.Any(char.IsAsciiDigit);
}

/// <summary>Identity's check of the same rule, so a password set outside the use cases meets it too.</summary>
public sealed class PasswordRuleValidator : IPasswordValidator<AppUser>
{
    public const string Code = "PasswordRule";

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(PasswordRule.IsMet(password)
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = Code, Description = PasswordRule.Message }));
}
