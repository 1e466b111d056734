using Competition.Engine.Common;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Organizations;

public static class RenameUnit
{
    public sealed record Command(Guid UnitId, string Name, Actor Actor) : IRequest<MediatR.Unit>;

    public sealed class Validator : IValidator<Command>
    {
        public IEnumerable<ValidationError> Validate(Command c)
        {
            if (UnitName.Field.Error(c.Name) is { } name) yield return name;
        }
    }

    public sealed class Handler(CompetitionDbContext db) : IRequestHandler<Command, MediatR.Unit>
    {
        public async Task<MediatR.Unit> Handle(Command request, CancellationToken ct)
        {
            var unit = await db.Units.FindAsync([request.UnitId], ct) ?? throw new NotFoundException("单位", request.UnitId);
            UnitAccess.EnsureMayManage(request.Actor, unit.CityCode);
            var name = UnitName.Field.Value(request.Name);
            // A rename onto another unit's name answered 500 (the unique index); it is a rule with a message.
            await UnitName.EnsureFreeAsync(db, unit.CityCode, name, unit.Id, ct);
            unit.Rename(name);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException ex) when (Persistence.DbErrors.IsUniqueViolation(ex)) { throw UnitName.Taken(name); }
            return MediatR.Unit.Value;
        }
    }
}
