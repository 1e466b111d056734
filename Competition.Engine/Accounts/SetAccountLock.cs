using Competition.Engine.Common;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Competition.Engine.Accounts;

/// <summary>
/// Locks a staff account (it can no longer sign in, and its open sessions end) or unlocks it. Nobody locks themselves.
/// </summary>
public static class SetAccountLock
{
    public sealed record Command(string UserName, bool Locked, Actor Actor) : IRequest<Result>;

    public sealed record Result(string UserName, bool Locked);

    public sealed class Handler(UserManager<AppUser> users, Persistence.CompetitionDbContext db) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command c, CancellationToken ct)
        {
            var user = await AccountLookup.FindAsync(users, c.UserName);
            var what = c.Locked ? "锁定" : "解锁";
            AccountAccess.EnsureMayActOn(c.Actor, user, await users.GetRolesAsync(user), what, await AccountLookup.WorkerCityAsync(db, user, ct));
            AccountAccess.EnsureNotSelf(c.Actor, user, what);
            if (c.Locked)
            {
                AccountLookup.Check(await users.SetLockoutEnabledAsync(user, true));
                AccountLookup.Check(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
                AccountLookup.Check(await users.UpdateSecurityStampAsync(user));
            }
            else
            {
                AccountLookup.Check(await users.SetLockoutEndDateAsync(user, null));
                AccountLookup.Check(await users.ResetAccessFailedCountAsync(user));
            }
            return new Result(user.UserName!, c.Locked);
        }
    }
}
