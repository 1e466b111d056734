namespace Competition.Engine.QuestionBank;

/// <summary>
/// The bank in memory, grouped into cells of (trade, level, type) so paper assembly draws without touching
/// the database. Entries are small structs; knowledge points are interned to ids.
/// </summary>
public sealed class QuestionIndex
{
    public readonly record struct Entry(string Id, int Version, byte Difficulty, byte OptionCount, int[] KnowledgePoints);

    public readonly record struct CellKey(string Trade, SkillLevel Level, QuestionType Type);

    private readonly Dictionary<CellKey, Entry[]> _cells;
    private readonly Dictionary<string, int> _points;

    private QuestionIndex(Dictionary<CellKey, Entry[]> cells, Dictionary<string, int> points)
    {
        _cells = cells;
        _points = points;
        Count = cells.Values.Sum(c => c.Length);
    }

    public int Count { get; }
    public int CellCount => _cells.Count;
    public IEnumerable<CellKey> Cells => _cells.Keys;

    public ReadOnlySpan<Entry> Cell(string trade, SkillLevel level, QuestionType type) =>
        _cells.TryGetValue(new CellKey(trade, level, type), out var entries) ? entries : ReadOnlySpan<Entry>.Empty;

    public int? KnowledgePointId(string point) => _points.TryGetValue(point, out var id) ? id : null;

    public static QuestionIndex Build(IEnumerable<(string Id, int Version, string Trade, QuestionContent Content)> questions)
    {
        var points = new Dictionary<string, int>(StringComparer.Ordinal);
        var cells = new Dictionary<CellKey, List<Entry>>();
        foreach (var (id, version, trade, c) in questions)
        {
            var kp = new int[c.KnowledgePoints.Count];
            for (var i = 0; i < kp.Length; i++)
            {
                if (!points.TryGetValue(c.KnowledgePoints[i], out kp[i])) points[c.KnowledgePoints[i]] = kp[i] = points.Count;
            }
            var key = new CellKey(trade, c.Level, c.Type);
            if (!cells.TryGetValue(key, out var list)) cells[key] = list = [];
            list.Add(new Entry(id, version, (byte)c.Difficulty, (byte)c.Options.Count, kp));
        }
        return new QuestionIndex(cells.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()), points);
    }
}
