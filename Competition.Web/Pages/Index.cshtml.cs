using Competition.Engine.Scoreboards;
using MediatR;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Competition.Web.Pages;

/// <summary>The home page: each role's entry points, and for everyone the public boards of contests under way.</summary>
public sealed class IndexModel(IMediator mediator) : PageModel
{
    public IReadOnlyList<ListPublicBoards.Row> Boards { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Boards = await mediator.Send(new ListPublicBoards.Query(), ct);
}
