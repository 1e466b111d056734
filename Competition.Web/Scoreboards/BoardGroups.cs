namespace Competition.Web.Scoreboards;

/// <summary>The only place SignalR group names are made. Who may join a jury group is the engine's rule (BoardAccess).</summary>
public static class BoardGroups
{
    public static string Name(Guid contestId, string group, bool jury) => $"board:{contestId:N}:{group}:{(jury ? "jury" : "public")}";
}
