using Competition.Engine.Accounts;
using Competition.Engine.Organizations;
using Competition.Web.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Competition.Web.Pages.Organizations;

/// <summary>
/// Staff accounts of the organizer's city (an admin's: all): create judge, chief-judge and organizer accounts, reset a
/// password, lock and unlock; the same for a worker of the city found by a search. A new or reset password is shown once: a post answers with a redirect (so reloading the page
/// never creates or resets again) and the password rides along in the encrypted, read-once TempData cookie, never stored.
/// </summary>
public sealed class AccountsModel(IMediator mediator) : EnginePageModel
{
    public IReadOnlyList<ListAccounts.Row> Accounts { get; private set; } = [];
    public IReadOnlyList<City> Cities { get; private set; } = [];
    public IReadOnlyList<string> CreatableRoles => AccountAccess.CreatableRoles(User.ToActor());
    public string? MyCity => User.ToActor().CityCode;
    public bool IsAdmin => User.ToActor().IsAdmin;

    /// <summary>The workers' search (account, name, phone or employee number); kept across the page's posts.</summary>
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public FindWorkerAccounts.Result Workers { get; private set; } = new([], false);

    [BindProperty] public string UserName { get; set; } = "";
    [BindProperty] public string DisplayName { get; set; } = "";
    [BindProperty] public string Role { get; set; } = Roles.Judge;
    [BindProperty] public string? CityCode { get; set; }

    /// <summary>The password just generated, with its account: shown on this answer only.</summary>
    public (string UserName, string Password, bool Created)? Shown { get; private set; }
    public (string UserName, bool Locked)? Done { get; private set; }

    public Task<IActionResult> OnGetAsync() => RunAsync(async () =>
    {
        if (TempData["shown-user"] is string user && TempData["shown-password"] is string password)
            Shown = (user, password, TempData["shown-created"] is true);
        if (TempData["done-user"] is string done) Done = (done, TempData["done-locked"] is true);
        await LoadAsync();
        return Page();
    });

    private IActionResult ShowOnce(string userName, string password, bool created)
    {
        (TempData["shown-user"], TempData["shown-password"], TempData["shown-created"]) = (userName, password, created);
        return RedirectToPage(new { q = Q });
    }

    public Task<IActionResult> OnPostCreateAsync() => RunAsync(async () =>
    {
        await LoadAsync();   // a refusal shows the page with its list
        var r = await mediator.Send(new CreateAccount.Command(UserName, DisplayName, Role, IsAdmin ? CityCode : MyCity, User.ToActor()));
        return ShowOnce(r.UserName, r.Password, created: true);
    }, LoadAsync);

    public Task<IActionResult> OnPostResetAsync(string account) => RunAsync(async () =>
    {
        await LoadAsync();   // a refusal shows the page with its list
        var r = await mediator.Send(new ResetPassword.Command(account, User.ToActor()));
        return ShowOnce(r.UserName, r.Password, created: false);
    }, LoadAsync);

    public Task<IActionResult> OnPostLockAsync(string account, bool locked) => RunAsync(async () =>
    {
        await LoadAsync();   // a refusal shows the page with its list
        var r = await mediator.Send(new SetAccountLock.Command(account, locked, User.ToActor()));
        (TempData["done-user"], TempData["done-locked"]) = (r.UserName, r.Locked);
        return RedirectToPage(new { q = Q });
    }, LoadAsync);

    private async Task LoadAsync()
    {
        Accounts = await mediator.Send(new ListAccounts.Query(User.ToActor()));
        Cities = await mediator.Send(new ListCities.Query());
        Workers = await mediator.Send(new FindWorkerAccounts.Query(Q, User.ToActor()));
    }
}
