using System.Text.RegularExpressions;

namespace Competition.Engine.Exams;

/// <summary>One answer as the page sends it: what it answers, the version it was based on, and who wrote it.</summary>
/// <param name="Base">The item's version the page last saw acknowledged (0: none yet).</param>
/// <param name="Writer">A random id the browser keeps for itself.</param>
/// <param name="WriterSeq">The browser's own count, one more for every answer it gives.</param>
public sealed record AnswerSave(Guid AttemptId, int Item, string Response, bool Flagged, long Base, string Writer, long WriterSeq);

public enum SaveStatus { Stored, Newer, Closed }

/// <summary>What became of a save. Stored: this answer is what the server holds, at <paramref name="Version"/>.
/// Newer: the server holds another answer (returned) that this one may not overwrite. Closed: the attempt takes no answers.</summary>
public sealed record SaveOutcome(SaveStatus Status, long Version, DateTime SavedAt, string? Response = null, bool Flagged = false);

/// <summary>
/// The answer-save protocol. The server issues each item's version (stored version + 1 on every write), so client
/// clocks and client numbers never decide what is newest. A save is written when
/// <list type="bullet">
/// <item>it is based on the version now stored (the page saw the newest answer when it answered), or</item>
/// <item>the stored answer came from the same browser with a lower count of its own (the worker's own later answer
/// overtakes an earlier one whose acknowledgement never arrived).</item>
/// </list>
/// Anything else (a stale tab of another browser, another device's older view) is refused with the stored answer, so
/// the page shows the newer one. A repeated save that is already stored (same browser, count and content: a retry
/// whose first response was lost) is acknowledged as stored, even after the attempt closed.
/// </summary>
public static partial class AnswerSaves
{
    /// <summary>A browser gives far fewer answers than this in its life; larger counts are refused, not stored.</summary>
    public const long MaxWriterSeq = int.MaxValue;

    /// <summary>Versions grow by one per stored answer; no item is answered this often.</summary>
    public const long MaxVersion = int.MaxValue;

    public const int MaxResponseLength = 20_000;

    [GeneratedRegex("^[A-Za-z0-9_-]{8,64}$")]
    private static partial Regex WriterPattern();

    public static bool IsValidWriter(string? writer) => writer is not null && WriterPattern().IsMatch(writer);

    /// <summary>The stored row, as far as deciding about a refused save needs it.</summary>
    public sealed record StoredAnswer(long Version, string? Writer, long WriterSeq, string Response, bool Flagged, DateTime SavedAt);

    /// <summary>Nothing was written for <paramref name="save"/>: says why, truthfully.</summary>
    public static SaveOutcome WhyNotWritten(AnswerSave save, StoredAnswer? stored, bool accepting, DateTime now)
    {
        if (stored is not null && IsSame(save, stored)) return new SaveOutcome(SaveStatus.Stored, stored.Version, stored.SavedAt);
        if (!accepting) return new SaveOutcome(SaveStatus.Closed, stored?.Version ?? 0, now);
        return stored is null
            ? new SaveOutcome(SaveStatus.Closed, 0, now) // open but not written and nothing stored: cannot happen; never claim "stored"
            : new SaveOutcome(SaveStatus.Newer, stored.Version, stored.SavedAt, stored.Response, stored.Flagged);
    }

    /// <summary>The very same save, already stored: same browser, same count, same content.</summary>
    public static bool IsSame(AnswerSave save, StoredAnswer stored) =>
        stored.Writer == save.Writer && stored.WriterSeq == save.WriterSeq && stored.Response == save.Response && stored.Flagged == save.Flagged;

    /// <summary>
    /// The conditional upsert for one save, the same text on SQLite and PostgreSQL. Parameters: $1 attempt, $2 item,
    /// $3 response, $4 flagged, $5 base, $6 writer, $7 writer seq, $8 now. It writes only into an attempt that takes
    /// answers (<see cref="AnswerAcceptance"/>) and returns the new version, or no row when nothing was written.
    /// </summary>
    public static readonly string UpsertSql = $"""
        INSERT INTO "AttemptAnswers" ("AttemptId", "Item", "Response", "Flagged", "Version", "Writer", "WriterSeq", "SavedAt", "NeedsMarking")
        SELECT $1, $2, $3, $4, 1, $6, $7, $8, FALSE
        WHERE EXISTS (SELECT 1 FROM "Attempts" WHERE "Attempts"."Id" = $1 AND {AnswerAcceptance.Sql("Attempts", "$8")})
        ON CONFLICT ("AttemptId", "Item") DO UPDATE SET "Response" = excluded."Response", "Flagged" = excluded."Flagged",
            "Version" = "AttemptAnswers"."Version" + 1, "Writer" = excluded."Writer", "WriterSeq" = excluded."WriterSeq", "SavedAt" = excluded."SavedAt"
        WHERE "AttemptAnswers"."Version" = $5
           OR ("AttemptAnswers"."Writer" = excluded."Writer" AND "AttemptAnswers"."WriterSeq" < excluded."WriterSeq")
        RETURNING "Version"
        """;
}
