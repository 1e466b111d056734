using Competition.Engine.Accounts;
using Competition.Engine.Organizations;
using Competition.Web.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Competition.Web.Pages.Organizations;

/// <summary>
/// Staff accounts of the organizer's city (an admin's: all): create judge, chief-judge and organizer accounts, reset a
/// password, lock and unlock. A new or reset password is shown once, on the answer to the post, and never stored for later.
/// </summary>
public sealed class AccountsModel(IMediator mediator) : EnginePageModel
{
    public IReadOnlyList<ListAccounts.Row> Accounts { get; private set; } = [];
    public IReadOnlyList<City> Cities { get; private set; } = [];
    public IReadOnlyList<string> CreatableRoles => AccountAccess.CreatableRoles(User.ToActor());
    public string? MyCity => User.ToActor().CityCode;
    public bool IsAdmin => User.ToActor().IsAdmin;

    [BindProperty] public string UserName { get; set; } = "";
    [BindProperty] public string DisplayName { get; set; } = "";
    [BindProperty] public string Role { get; set; } = Roles.Judge;
    [BindProperty] public string? CityCode { get; set; }

    /// <summary>The password just generated, with its account: shown on this answer only.</summary>
    public (string UserName, string Password, bool Created)? Shown { get; private set; }
    public (string UserName, bool Locked)? Done { get; private set; }

    public Task<IActionResult> OnGetAsync() => RunAsync(async () => { await LoadAsync(); return Page(); });

    public Task<IActionResult> OnPostCreateAsync() => RunAsync(async () =>
    {
        await LoadAsync();
        var r = await mediator.Send(new CreateAccount.Command(UserName, DisplayName, Role, IsAdmin ? CityCode : MyCity, User.ToActor()));
        Shown = (r.UserName, r.Password, true);
        ModelState.Clear();
        (UserName, DisplayName) = ("", "");
        await LoadAsync();
        return Page();
    }, LoadAsync);

    public Task<IActionResult> OnPostResetAsync(string account) => RunAsync(async () =>
    {
        await LoadAsync();
        var r = await mediator.Send(new ResetPassword.Command(account, User.ToActor()));
        Shown = (r.UserName, r.Password, false);
        return Page();
    }, LoadAsync);

    public Task<IActionResult> OnPostLockAsync(string account, bool locked) => RunAsync(async () =>
    {
        await LoadAsync();
        var r = await mediator.Send(new SetAccountLock.Command(account, locked, User.ToActor()));
        Done = (r.UserName, r.Locked);
        await LoadAsync();
        return Page();
    }, LoadAsync);

    private async Task LoadAsync()
    {
        Accounts = await mediator.Send(new ListAccounts.Query(User.ToActor()));
        Cities = await mediator.Send(new ListCities.Query());
    }
}
