using Competition.Engine.Common;
using Competition.Engine.Persistence;
using Competition.Engine.Scoreboards;
using Competition.Web.Common;
using Microsoft.AspNetCore.SignalR;

namespace Competition.Web.Scoreboards;

/// <summary>
/// Viewers join a board and get its current state back, so a client that reconnects catches up at once.
/// Public boards are open to anyone; who may watch a jury board is the engine's rule (<see cref="BoardAccess"/>).
/// The hub only authorizes and joins groups; the broadcaster does all sending.
/// </summary>
public sealed class ScoreboardHub(CompetitionDbContext db, ScoreboardProjection projection, TimeProvider clock) : Hub
{
    public async Task<Board> JoinBoard(Guid contestId, string group, bool jury)
    {
        try { await BoardAccess.EnsureMayWatchAsync(db, (Context.User ?? new()).ToActor(), contestId, jury, Context.ConnectionAborted); }
        catch (Exception ex) when (ex is ForbiddenException or NotFoundException) { throw new HubException(ex.Message); }
        var board = await projection.CurrentAsync(db, contestId, group, jury, clock.GetUtcNow().UtcDateTime, Context.ConnectionAborted);
        await Groups.AddToGroupAsync(Context.ConnectionId, BoardGroups.Name(contestId, group, jury));
        return board;
    }
}
