using Competition.Engine.Scoreboards;
using Microsoft.AspNetCore.SignalR;

namespace Competition.Web.Scoreboards;

/// <summary>The one class that sends scoreboards: each new board goes to the viewers of its group and audience.</summary>
public sealed class ScoreboardBroadcaster(IHubContext<ScoreboardHub> hub) : IScoreboardPublisher
{
    public Task PublishAsync(Board board, CancellationToken ct) =>
        hub.Clients.Group(BoardGroups.Name(board.ContestId, board.Group, board.Jury)).SendAsync("board", board, ct);
}
