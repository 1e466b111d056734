using Microsoft.AspNetCore.Identity;

namespace Competition.Engine.Accounts;

/// <summary>Identity's error codes in the language of the people who read them.</summary>
public static class IdentityMessages
{
    public static string Translate(IdentityError e) => e.Code switch
    {
        "PasswordTooShort" => "密码太短（至少 8 位）",
        "PasswordRequiresDigit" => "密码须包含数字",
        "PasswordRequiresLower" => "密码须包含小写字母",
        "PasswordRequiresUpper" => "密码须包含大写字母",
        "PasswordRequiresNonAlphanumeric" => "密码须包含符号",
        "DuplicateUserName" => "该账号已存在",
        "InvalidUserName" => "账号只能包含字母、数字和 -._@+",
        _ => e.Description,
    };
}
