namespace Competition.Engine.QuestionBank.Files;

public sealed record TradeSummary(string Code, string Name, int Questions, IReadOnlyList<SkillLevel> Levels, IReadOnlyList<QuestionType> Types)
{
    public override string ToString() =>
        $"{Code,-28} {Name,-14} {Questions,5} questions  levels {string.Join(",", Levels.Select(l => l.Grade()))}  types {string.Join(",", Types.Select(t => t.Code()))}";
}

/// <summary>
/// All bank files of a folder, checked as a whole: besides each file's own errors, ids must be unique
/// across files, a trade is defined once, stems are not repeated within a trade, and a folder never mixes
/// synthetic banks with real ones.
/// </summary>
public sealed class BankFolder
{
    private BankFolder(string root, IReadOnlyList<BankFile> files, IReadOnlyList<BankFileError> errors)
    {
        Root = root;
        Files = files;
        Errors = errors;
    }

    public string Root { get; }
    public IReadOnlyList<BankFile> Files { get; }
    public IReadOnlyList<BankFileError> Errors { get; }
    public bool IsValid => Errors.Count == 0;
    public int QuestionCount => Files.Sum(f => f.Questions.Count);

    public IEnumerable<TradeSummary> Summaries => Files.Where(f => f.Trade is not null).OrderBy(f => f.Trade!.Code, StringComparer.Ordinal)
        .Select(f => new TradeSummary(f.Trade!.Code, f.Trade.Name, f.Questions.Count,
            f.Questions.Select(q => q.Content.Level).Distinct().OrderDescending().ToList(),
            f.Questions.Select(q => q.Content.Type).Distinct().Order().ToList()));

    public static BankFolder Read(string folder)
    {
        if (!Directory.Exists(folder))
            return new BankFolder(folder, [], [new(folder, 0, "题库目录不存在")]);
        var paths = Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).ToList();
        var files = new BankFile[paths.Count];
        var shown = Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } pwd && Directory.Exists(pwd) ? pwd : Directory.GetCurrentDirectory();
        Parallel.For(0, paths.Count, i => files[i] = BankFileReader.Read(paths[i], Path.GetRelativePath(shown, paths[i])));
        var errors = files.SelectMany(f => f.Errors).ToList();
        if (paths.Count == 0) errors.Add(new(folder, 0, "目录中没有 .yaml 题库文件"));
        CheckAcrossFiles(files, errors);
        return new BankFolder(folder, files, errors);
    }

    private static void CheckAcrossFiles(IReadOnlyList<BankFile> files, List<BankFileError> errors)
    {
        var ids = new Dictionary<string, (string File, int Line)>(StringComparer.Ordinal);
        var trades = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in files)
        {
            if (f.Trade is { Code.Length: > 0 } t && !trades.TryAdd(t.Code, f.Path))
                errors.Add(new(f.Path, 1, $"工种 {t.Code} 已在 {trades[t.Code]} 中定义"));
            var stems = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var q in f.Questions)
            {
                if (!ids.TryAdd(q.Id, (f.Path, q.Line)))
                    errors.Add(new(f.Path, q.Line, $"题目编号 {q.Id} 重复（首次出现在 {ids[q.Id].File}:{ids[q.Id].Line}）"));
                if (!stems.TryAdd(q.Content.Stem, q.Id))
                    errors.Add(new(f.Path, q.Line, $"{q.Id}: 题干与 {stems[q.Content.Stem]} 完全相同"));
            }
        }
        var synthetic = files.Where(f => f.Trade?.IsSynthetic == true).ToList();
        if (synthetic.Count > 0 && synthetic.Count < files.Count(f => f.Trade is not null))
            foreach (var f in synthetic)
                errors.Add(new(f.Path, 1, "合成题库（synthetic: true）不能与正式题库放在同一目录"));
    }
}
