using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Competition.Engine.QuestionBank.Files;

/// <summary>
/// Reads one trade's YAML bank (format in question-banks/README.md). The representation model keeps every
/// node's line and its raw text, so errors point at a line and numbers such as "0.02" stay as written.
/// </summary>
public static class BankFileReader
{
    public static BankFile Read(string path, string? displayPath = null)
    {
        using var reader = new StreamReader(path);
        return Read(reader, displayPath ?? path);
    }

    public static BankFile Read(TextReader text, string file)
    {
        var errors = new List<BankFileError>();
        var stream = new YamlStream();
        try { stream.Load(text); }
        catch (YamlException ex) { return new BankFile(file, null, [], [new(file, (int)ex.Start.Line, "YAML 格式错误: " + ex.Message)]); }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            return new BankFile(file, null, [], [new(file, 1, "文件为空或不是题库格式（需要 trade 和 questions）")]);

        var trade = ReadTrade(root, file, errors);
        var questions = new List<ParsedQuestion>();
        if (Child(root, "questions") is YamlSequenceNode seq)
        {
            foreach (var node in seq.Children)
            {
                if (node is not YamlMappingNode q) { errors.Add(new(file, Line(node), "每道题必须是一个映射（id、level、type…）")); continue; }
                var parsed = QuestionNodeReader.Read(q, file, errors);
                if (parsed is not null) questions.Add(parsed);
            }
        }
        else errors.Add(new(file, Line(root), "缺少 questions 列表"));
        return new BankFile(file, trade, questions, errors);
    }

    private static TradeHeader? ReadTrade(YamlMappingNode root, string file, List<BankFileError> errors)
    {
        if (Child(root, "trade") is not YamlMappingNode t) { errors.Add(new(file, Line(root), "缺少 trade（工种）定义")); return null; }
        string Req(string key)
        {
            var v = Scalar(t, key);
            if (string.IsNullOrWhiteSpace(v)) errors.Add(new(file, Line(t), $"trade.{key} 不能为空"));
            return v?.Trim() ?? "";
        }
        var header = new TradeHeader(Req("code"), Req("name"), Req("nameEn"), Req("category"),
            string.Equals(Scalar(t, "synthetic"), "true", StringComparison.OrdinalIgnoreCase));
        if (Child(t, "sealed") is { } sealedNode)
        {
            if (Flag(Scalar(t, "sealed")) is { } isSealed) header = header with { IsSealed = isSealed };
            else errors.Add(new(file, Line(sealedNode), $"trade.sealed 只能是 true 或 false，而不是 '{Scalar(t, "sealed")}'"));
        }
        if (header.Code.Length > 0 && !QuestionRules.IsValidId(header.Code))
            errors.Add(new(file, Line(t), $"工种代码 '{header.Code}' 只能由小写字母、数字和连字符组成"));
        return header;
    }

    internal static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    internal static string? Scalar(YamlMappingNode map, string key) => (Child(map, key) as YamlScalarNode)?.Value;

    internal static int Line(YamlNode node) => (int)node.Start.Line;

    /// <summary>A yes/no field of a bank file: true/false (also yes/no); null for anything else.</summary>
    internal static bool? Flag(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "true" or "yes" => true,
        "false" or "no" => false,
        _ => null,
    };
}
