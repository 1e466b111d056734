using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Competition.Engine.Rankings;

/// <summary>One line of a published result: the person, the figures, the place and the award with why.</summary>
public sealed record ResultLine(int? Rank, bool SharedRank, string Number, string Name, string Unit, string City,
    double? Theory, double? Practical, double Total, EntryStatus Status, Award Award, string Explanation);

/// <param name="Rule">The award rule in one sentence (<see cref="AwardRule.Describe"/>).</param>
/// <param name="Statements">The allocator's statements: quotas, ties at a boundary, refusals.</param>
public sealed record ResultGroup(string Group, string Rule, IReadOnlyList<string> Statements, IReadOnlyList<ResultLine> Lines);

/// <summary>
/// What a result version publishes. Serialized once, canonically, and hashed: the hash is shown on every public page
/// and certificate, so anyone can tell two printouts of "the results" apart.
/// </summary>
public sealed record ResultsContent(Guid ContestId, string ContestTitle, string TradeCode, string Level, string CityCode,
    DateTime ComputedAtUtc, IReadOnlyList<ResultGroup> Groups)
{
    private static readonly JsonSerializerOptions Canonical = new() { WriteIndented = false };

    public string ToJson() => JsonSerializer.Serialize(this, Canonical);

    public static ResultsContent FromJson(string json) => JsonSerializer.Deserialize<ResultsContent>(json, Canonical)!;

    /// <summary>SHA-256 of the stored JSON's UTF-8 bytes, lower-case hex.</summary>
    public static string Hash(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
}
