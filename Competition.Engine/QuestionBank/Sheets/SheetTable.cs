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
