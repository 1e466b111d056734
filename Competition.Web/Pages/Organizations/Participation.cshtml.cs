using Competition.Engine.Common;
using Competition.Engine.Organizations;
using Competition.Engine.Practice;
using Competition.Web.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Competition.Web.Pages.Organizations;

public sealed class ParticipationModel(IMediator mediator, TimeProvider clock) : EnginePageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? City { get; set; }

    public GetParticipation.Result? Result { get; private set; }
    /// <summary>Admins may pick a city; an organizer always sees their own.</summary>
    public IReadOnlyList<City> Cities { get; private set; } = [];

    public Task<IActionResult> OnGetAsync() => RunAsync(async () =>
    {
        var actor = User.ToActor();
        if (actor.IsAdmin) Cities = await mediator.Send(new ListCities.Query());
        (From, To) = ParticipationWindow.Resolve(From, To, clock.GetUtcNow().UtcDateTime);
        Result = await mediator.Send(new GetParticipation.Query(actor, From.Value, To.Value, actor.IsAdmin ? City : null));
        return Page();
    });
}
