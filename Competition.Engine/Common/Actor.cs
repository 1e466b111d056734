namespace Competition.Engine.Common;

/// <summary>Who sends a command: built by the host from the signed-in user, so handlers can apply scope rules.</summary>
public sealed record Actor(string UserId, string UserName, IReadOnlySet<string> Roles, string? CityCode, Guid? WorkerId = null)
{
    public static readonly Actor System = new("system", "system", new HashSet<string> { Accounts.Roles.Admin }, null);

    public bool IsIn(string role) => Roles.Contains(role);
    public bool IsAdmin => IsIn(Accounts.Roles.Admin);

    /// <summary>An organizer is scoped to one city; an admin may act on any. The rule lives in <see cref="Organizations.UnitAccess"/>.</summary>
    public void EnsureMayManageCity(string cityCode) => Organizations.UnitAccess.EnsureMayManage(this, cityCode);

    /// <summary>The worker behind a worker account; other accounts cannot drill or sit exams.</summary>
    public Guid RequireWorker() => WorkerId ?? throw new ForbiddenException("只有职工账号可以练习和参加考试，请使用职工账号登录。");

    public void EnsureOrganizer()
    {
        if (!IsAdmin && !IsIn(Accounts.Roles.Organizer))
            throw new ForbiddenException("只有组织者或管理员可以执行此操作。");
    }
}
