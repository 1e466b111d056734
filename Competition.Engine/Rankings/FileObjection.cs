using Competition.Engine.Common;
using Competition.Engine.Persistence;
using MediatR;

namespace Competition.Engine.Rankings;

/// <summary>Anyone files an objection (异议) to a version during its 公示, with a name and a reason; no sign-in needed.</summary>
public static class FileObjection
{
    public sealed record Command(Guid VersionId, string? Name, string? Contact, string? Reason) : IRequest<Guid>;

    public sealed class Handler(CompetitionDbContext db, TimeProvider clock) : IRequestHandler<Command, Guid>
    {
        public async Task<Guid> Handle(Command c, CancellationToken ct)
        {
            var errors = new List<ValidationError>();
            if (string.IsNullOrWhiteSpace(c.Name) || c.Name.Trim().Length > ResultObjection.MaxName) errors.Add(new("Name", $"请填写姓名（最多 {ResultObjection.MaxName} 个字）"));
            if (c.Contact?.Trim().Length > ResultObjection.MaxContact) errors.Add(new("Contact", $"联系方式最多 {ResultObjection.MaxContact} 个字"));
            var reason = c.Reason?.Trim() ?? "";
            if (reason.Length < 4 || reason.Length > ResultObjection.MaxReason) errors.Add(new("Reason", $"请写明异议的理由（4–{ResultObjection.MaxReason} 个字）"));
            if (errors.Count > 0) throw new ValidationException(errors);

            var version = await ResultsAccess.VersionAsync(db, c.VersionId, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            if (version.State != ResultState.Notice) throw new RuleViolationException($"第 {version.Number} 版不在公示期（{ResultVersion.StateName(version.State)}），不能再提出异议。");
            if (now >= version.NoticeEndsAt) throw new RuleViolationException("公示期已结束，不能再提出异议。");
            var objection = new ResultObjection(Guid.NewGuid(), version.Id, c.Name!, c.Contact, reason, now);
            db.ResultObjections.Add(objection);
            await db.SaveChangesAsync(ct);
            return objection.Id;
        }
    }
}
