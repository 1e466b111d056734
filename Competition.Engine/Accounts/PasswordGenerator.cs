using System.Security.Cryptography;

namespace Competition.Engine.Accounts;

/// <summary>
/// A random password to show once (a new account, a reset): ten characters without look-alikes (no l, 1, o, 0), letters with a
/// digit in every third place, so it always meets <see cref="PasswordRule"/> and is easy to read out.
/// </summary>
public static class PasswordGenerator
{
    public static string New()
    {
        const string letters = "abcdefghjkmnpqrstuvwxyz";
        const string digits = "23456789";
        var chars = Enumerable.Range(0, 10).Select(i => i % 3 == 2 ? digits[RandomNumberGenerator.GetInt32(digits.Length)] : letters[RandomNumberGenerator.GetInt32(letters.Length)]);
        return new string(chars.ToArray());
    }
}
