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
    /// <summary>
    /// The server's time in Unix milliseconds: a board counts down to the freeze and the end by the server's clock, since
    /// a projector's or phone's own clock may be minutes off and the contest closes by the server's.
    /// </summary>
    public long ServerTime() => clock.GetUtcNow().ToUnixTimeMilliseconds();

    public async Task<Board> JoinBoard(Guid contestId, string group, bool jury)
    {
        // The board page stops retrying when told the board does not exist, whether the contest or the group is unknown.
        var noSuchBoard = $"没有这个排行榜：竞赛或组别「{group}」不存在，请从竞赛页面重新打开。";
        try { await BoardAccess.EnsureMayWatchAsync(db, (Context.User ?? new()).ToActor(), contestId, jury, Context.ConnectionAborted); }
        catch (NotFoundException) { throw new HubException(noSuchBoard); }
        catch (ForbiddenException ex) { throw new HubException(ex.Message); }
        if (!await projection.ExistsAsync(contestId, group ?? "", Context.ConnectionAborted)) throw new HubException(noSuchBoard);
        // Joined before the board is read, so a change in between arrives as a push (the client keeps the newer version).
        await Groups.AddToGroupAsync(Context.ConnectionId, BoardGroups.Name(contestId, group!, jury));
        return await projection.CurrentAsync(contestId, group!, jury, Context.ConnectionAborted);
    }
}
