using MediatR;

namespace Competition.Engine.Judging;

/// <summary>Published after any mark, sign-off, override or theory result changes a contest's scores.</summary>
public sealed record ScoreChanged(Guid ContestId) : INotification;
