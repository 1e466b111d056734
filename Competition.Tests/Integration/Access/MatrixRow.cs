using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Competition.Tests.Integration.Access;

/// <summary>
/// One row of the authorization matrix: an endpoint, page handler or hub method (its catalog key), how to call it for a
/// caller, and who may. Everyone else must be refused (401, 403, 404, or a redirect to sign-in / access denied), and no
/// refused body, nor the body of anyone outside <see cref="Sees"/>, may carry 马鞍山's private data.
/// </summary>
public sealed class MatrixRow
{
    public required string Key { get; init; }
    /// <summary>Tells rows of the same key apart (e.g. the public and the jury board).</summary>
    public string Variant { get; init; } = "";
    public Who[] Allowed { get; init; } = [];
    /// <summary>Who may see 马鞍山's private data in the body (allowed or refused: a refusal page may show what they may see); by default everyone allowed.</summary>
    public Who[]? Sees { get; init; }
    /// <summary>Anyone may call it and the outcome is theirs (sign-in, sign-out, registration): only the data check applies.</summary>
    public bool Open { get; init; }
    public Func<MatrixWorld, Who, HttpRequestMessage>? Http { get; init; }
    public Func<MatrixWorld, HubConnection, Task<JsonElement>>? Hub { get; init; }

    public string Name => Variant.Length == 0 ? Key : $"{Key} [{Variant}]";
    public bool Allows(Who who) => Open || Allowed.Contains(who);
    public bool MaySee(Who who) => (Sees ?? Allowed).Contains(who);

    public static readonly Who[] Everyone = Enum.GetValues<Who>();
    public static readonly Who[] SignedIn = Everyone.Where(w => w != Who.Anonymous).ToArray();
    public static readonly Who[] Workers = [Who.OwnerWorker, Who.OtherWorker];
    public static readonly Who[] CityStaff = [Who.CityOrganizer, Who.Admin];
    public static readonly Who[] Organizers = [Who.CityOrganizer, Who.OtherOrganizer, Who.Admin];
    public static readonly Who[] AssignedJudges = [Who.AssignedJudge, Who.AssignedChief];
    public static readonly Who[] Jury = [Who.AssignedJudge, Who.AssignedChief, Who.CityOrganizer, Who.Admin];
    /// <summary>马鞍山's own people, who see its exam in their lobby.</summary>
    public static readonly Who[] Home = [Who.OwnerWorker, Who.OtherWorker, Who.CityOrganizer, Who.Admin];

    public static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    public static HttpRequestMessage Json(HttpMethod method, string path, object body) =>
        new(method, path) { Content = JsonContent.Create(body, options: Contests.ContestScenario.Json) };

    public static HttpRequestMessage Post(string path, object body) => Json(HttpMethod.Post, path, body);

    /// <summary>A page form post with the caller's antiforgery token, as the browser would send it.</summary>
    public static HttpRequestMessage Form(MatrixWorld w, Who who, string path, params (string Name, string Value)[] fields) =>
        new(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent([.. fields.Select(f => KeyValuePair.Create(f.Name, f.Value)), KeyValuePair.Create("__RequestVerificationToken", w.FormToken(who))]),
        };

    /// <summary>A multipart upload (page or API), with the caller's antiforgery token as a field.</summary>
    public static HttpRequestMessage Upload(MatrixWorld w, Who who, string path, string fileField, string fileName, byte[] file, params (string Name, string Value)[] fields)
    {
        var content = new MultipartFormDataContent { { new ByteArrayContent(file), fileField, fileName }, { new StringContent(w.FormToken(who)), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        return new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
    }
}
