using Competition.Engine.Common;
using Competition.Engine.Persistence;
using MediatR;

namespace Competition.Engine.Organizations;

public static class RenameUnit
{
    public sealed record Command(Guid UnitId, string Name, Actor Actor) : IRequest<MediatR.Unit>;

    public sealed class Validator : IValidator<Command>
    {
        public IEnumerable<ValidationError> Validate(Command c)
        {
            if (string.IsNullOrWhiteSpace(c.Name)) yield return new(nameof(c.Name), "请填写单位名称");
        }
    }

    public sealed class Handler(CompetitionDbContext db) : IRequestHandler<Command, MediatR.Unit>
    {
        public async Task<MediatR.Unit> Handle(Command request, CancellationToken ct)
        {
            var unit = await db.Units.FindAsync([request.UnitId], ct) ?? throw new NotFoundException("单位", request.UnitId);
            UnitAccess.EnsureMayManage(request.Actor, unit.CityCode);
            unit.Rename(request.Name);
            await db.SaveChangesAsync(ct);
            return MediatR.Unit.Value;
        }
    }
}
