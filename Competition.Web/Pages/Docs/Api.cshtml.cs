using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OpenApi;

namespace Competition.Web.Pages.Docs;

/// <summary>
/// The JSON API's reference for people: the operations of the very document served at /openapi/v1.json, grouped by
/// tag. Built from the document (not a second list) so the page cannot drift from what the app answers.
/// </summary>
public class ApiModel([FromKeyedServices("v1")] IOpenApiDocumentProvider documents) : PageModel
{
    public sealed record Operation(string Method, string Path, string? Summary, bool NeedsBody);

    public string Title { get; private set; } = "";
    public string Version { get; private set; } = "";
    public IReadOnlyList<(string Tag, IReadOnlyList<Operation> Operations)> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var document = await documents.GetOpenApiDocumentAsync(cancellationToken);
        Title = document.Info?.Title ?? "";
        Version = document.Info?.Version ?? "";
        var operations =
            from path in document.Paths ?? []
            from op in path.Value.Operations ?? []
            let tag = op.Value.Tags?.FirstOrDefault()?.Name ?? "—"
            select (tag, new Operation(op.Key.Method.ToUpperInvariant(), path.Key, op.Value.Summary, op.Value.RequestBody is not null));
        Groups = operations
            .GroupBy(o => o.tag, o => o.Item2)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<Operation>)g.OrderBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal).ToList()))
            .ToList();
    }
}
