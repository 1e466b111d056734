namespace Competition.Engine.QuestionBank.Sheets;

/// <summary>
/// A cell that starts with = + - @ (or a tab/CR) is run as a formula by spreadsheet programs (CSV/formula
/// injection). Exports prefix such cells with an apostrophe; imports take it off again, so a round trip is exact.
/// </summary>
public static class SpreadsheetSafe
{
    private static bool IsTrigger(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    public static string Escape(string value) => value.Length > 0 && IsTrigger(value[0]) ? "'" + value : value;

    public static string Unescape(string value) => value.Length > 1 && value[0] == '\'' && IsTrigger(value[1]) ? value[1..] : value;
}
