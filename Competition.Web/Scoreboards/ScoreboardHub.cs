using Competition.Engine.Persistence;
using Competition.Engine.Scoreboards;
using Microsoft.AspNetCore.SignalR;

namespace Competition.Web.Scoreboards;

/// <summary>
/// Viewers join a board and get its current state back, so a client that reconnects catches up at once.
/// Public boards are open to anyone; jury boards need a judge, chief judge, organizer or admin.
/// The hub only authorizes and joins groups; the broadcaster does all sending.
/// </summary>
public sealed class ScoreboardHub(CompetitionDbContext db, ScoreboardProjection projection, TimeProvider clock) : Hub
{
    public async Task<Board> JoinBoard(Guid contestId, string group, bool jury)
    {
        if (jury && !BoardGroups.MayWatchJury(Context.User))
            throw new HubException("评审榜仅对裁判和组织者开放，请登录后再试。");
        var board = await projection.CurrentAsync(db, contestId, group, jury, clock.GetUtcNow().UtcDateTime, Context.ConnectionAborted);
        await Groups.AddToGroupAsync(Context.ConnectionId, BoardGroups.Name(contestId, group, jury));
        return board;
    }
}
