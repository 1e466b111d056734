namespace Competition.Engine.QuestionBank.Files;

/// <summary>A problem in a bank file, located by line so an editor can jump to it.</summary>
public sealed record BankFileError(string File, int Line, string Reason)
{
    public override string ToString() => $"{File}:{Line}: {Reason}";
}

/// <param name="IsSealed">The whole bank is exam-only (<c>sealed: true</c>): never served by drills.</param>
public sealed record TradeHeader(string Code, string Name, string NameEn, string Category, bool IsSynthetic, bool IsSealed = false);

/// <param name="Sealed">The question's <c>sealed:</c> field: true exam-only, false not, null when the file does not say (left as it is).</param>
public sealed record ParsedQuestion(string Id, int Line, QuestionContent Content, bool? Sealed = null);

/// <summary>One bank file as read: the trade it defines, the questions that parsed, and everything wrong with it.</summary>
public sealed record BankFile(string Path, TradeHeader? Trade, IReadOnlyList<ParsedQuestion> Questions, IReadOnlyList<BankFileError> Errors);
