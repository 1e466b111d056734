using Competition.Engine.Organizations;
using Competition.Web.Common;
using MediatR;

namespace Competition.Web.Organizations;

public static class OrganizationEndpoints
{
    public sealed record UnitForm(string CityCode, string Name, UnitKind Kind);
    public sealed record RenameForm(string Name);

    public static void MapOrganizationEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Organizations");
        api.MapGet("/cities", async (IMediator m) => Results.Ok(await m.Send(new ListCities.Query())));
        api.MapGet("/units", async (IMediator m, HttpContext http, string? city) => Results.Ok(await m.Send(new ListUnits.Query(http.User.ToActor(), city))));
        api.MapPost("/units", async (IMediator m, HttpContext http, UnitForm form) =>
            {
                var id = await m.Send(new CreateUnit.Command(form.CityCode, form.Name, form.Kind, http.User.ToActor()));
                return Results.Created($"/api/units/{id}", new { id });
            })
            .RequireAuthorization(ServiceRegistration.OrganizerPolicy);
        api.MapPut("/units/{id:guid}", async (IMediator m, HttpContext http, Guid id, RenameForm form) =>
            {
                await m.Send(new RenameUnit.Command(id, form.Name, http.User.ToActor()));
                return Results.NoContent();
            })
            .RequireAuthorization(ServiceRegistration.OrganizerPolicy);
    }
}
