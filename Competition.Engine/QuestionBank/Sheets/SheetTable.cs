using System.Collections;

namespace Competition.Engine.QuestionBank.Sheets;

/// <summary>A spreadsheet as read: header cells and data rows, each with its number as the organizer sees it.</summary>
public sealed record SheetTable(IReadOnlyList<string> Headers, IReadOnlyList<SheetRow> Rows);

public sealed record SheetRow(int Number, IReadOnlyList<string> Cells)
{
    public string this[int column] => column < Cells.Count ? Cells[column] : "";
    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>The file as a whole cannot be read (empty, not xlsx, too large); nothing is imported.</summary>
public sealed class SheetFileException(string message) : Exception(message);

/// <summary>One problem in an import, located by row and column as the organizer sees them in Excel.</summary>
public sealed record ImportProblem(int Row, string Column, string Reason)
{
    public override string ToString() => Row > 0 ? $"第 {Row} 行，{Column}：{Reason}" : $"{Column}：{Reason}";
}

/// <summary>
/// The problems of one import: every problem is counted, the first <see cref="Listed"/> are kept. A hostile or
/// badly broken sheet of 50,000 rows must not turn into a report of hundreds of megabytes; the organizer fixes the
/// first hundred and uploads again. Enumerating gives the kept problems.
/// </summary>
public sealed class ImportProblems : IEnumerable<ImportProblem>
{
    public const int Listed = 100;
    private readonly List<ImportProblem> _kept = [];

    public ImportProblems() { }
    public ImportProblems(IEnumerable<ImportProblem> problems) => AddRange(problems);

    /// <summary>All problems found, including those not kept.</summary>
    public int Total { get; private set; }
    public int Unlisted => Total - _kept.Count;
    public IReadOnlyList<ImportProblem> Kept => _kept;

    public void Add(ImportProblem problem)
    {
        if (_kept.Count < Listed) _kept.Add(problem);
        Total++;
    }

    public void Add(int row, string column, string reason) => Add(new ImportProblem(row, column, reason));

    public void AddRange(IEnumerable<ImportProblem> problems)
    {
        foreach (var p in problems) Add(p);
    }

    /// <summary>The line that says how many problems were left out and what to do, or null when all are listed.</summary>
    public string? UnlistedNote => Unlisted > 0 ? UnlistedText(Unlisted) : null;

    public static string UnlistedText(int unlisted) => $"另有 {unlisted} 处问题未列出（只列出前 {Listed} 处）：请先改正以上问题，再重新上传查看其余问题。";

    public IEnumerator<ImportProblem> GetEnumerator() => _kept.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Header cells compared as names: cleaned, full-width folded, without invisible characters.</summary>
public static class SheetHeaders
{
    private static readonly Common.TextField Header = new("header", "列名", SheetLimits.MaxCellChars, Common.TextShape.Code, Required: false);

    public static string Clean(string? header) => Header.Value(header);
}
