using Microsoft.AspNetCore.Identity;

namespace Competition.Engine.Accounts;

/// <summary>Identity's error codes in the language of the people who read them.</summary>
public static class IdentityMessages
{
    public static string Translate(IdentityError e) => e.Code switch
    {
        "PasswordTooShort" or "PasswordRequiresDigit" or "PasswordRequiresLower" or "PasswordRequiresUpper"
            or "PasswordRequiresNonAlphanumeric" or PasswordRuleValidator.Code => PasswordRule.Message,
        "DuplicateUserName" => "该账号已存在",
        "InvalidUserName" => "账号只能包含字母、数字和 -._@+",
        _ => e.Description,
    };
}
