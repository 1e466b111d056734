using Competition.Engine.Common;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Accounts;

/// <summary>
/// An organizer (or admin) gives a staff account, or a worker's account of their city, a new generated password, shown once. The account's other sessions end
/// (new security stamp) and a lock-out after failed sign-ins is lifted; a lock set on purpose stays.
/// </summary>
public static class ResetPassword
{
    public sealed record Command(string UserName, Actor Actor) : IRequest<Result>;

    public sealed record Result(string UserName, string Password);

    public sealed class Handler(UserManager<AppUser> users, CompetitionDbContext db) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command c, CancellationToken ct)
        {
            var user = await AccountLookup.FindAsync(users, c.UserName);
            AccountAccess.EnsureMayActOn(c.Actor, user, await users.GetRolesAsync(user), "重置密码", await AccountLookup.WorkerCityAsync(db, user, ct));
            var password = PasswordGenerator.New();
            if (await users.HasPasswordAsync(user)) AccountLookup.Check(await users.RemovePasswordAsync(user));
            AccountLookup.Check(await users.AddPasswordAsync(user, password));
            AccountLookup.Check(await users.ResetAccessFailedCountAsync(user));
            AccountLookup.Check(await users.UpdateSecurityStampAsync(user));
            return new Result(user.UserName!, password);
        }
    }
}

internal static class AccountLookup
{
    public static async Task<AppUser> FindAsync(UserManager<AppUser> users, string? userName) =>
        await users.FindByNameAsync(userName?.Trim() ?? "") ?? throw new NotFoundException("账号", userName ?? "");

    /// <summary>The city of a worker account's unit; null for staff accounts.</summary>
    public static async Task<string?> WorkerCityAsync(CompetitionDbContext db, AppUser user, CancellationToken ct) =>
        user.WorkerId is not { } workerId ? null
            : await (from w in db.Workers join u in db.Units on w.UnitId equals u.Id where w.Id == workerId select u.CityCode).FirstOrDefaultAsync(ct);

    public static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new ValidationException(result.Errors.Select(e => new ValidationError("UserName", IdentityMessages.Translate(e))).ToList());
    }
}
