using Competition.Engine.Common;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Organizations;

/// <summary>An organizer adds a unit (enterprise, industry union …) to their own city.</summary>
public static class CreateUnit
{
    public sealed record Command(string CityCode, string Name, UnitKind Kind, Actor Actor) : IRequest<Guid>;

    private static readonly TextField City = new(nameof(Command.CityCode), "城市", 32, TextShape.Code);

    public sealed class Validator : IValidator<Command>
    {
        public IEnumerable<ValidationError> Validate(Command c)
        {
            if (UnitName.Field.Error(c.Name) is { } name) yield return name;
            if (City.Error(c.CityCode) is { } city) yield return city;
            if (!Enum.IsDefined(c.Kind)) yield return new(nameof(c.Kind), "请选择单位类型");
        }
    }

    public sealed class Handler(CompetitionDbContext db) : IRequestHandler<Command, Guid>
    {
        public async Task<Guid> Handle(Command request, CancellationToken ct)
        {
            if (!await db.Cities.AnyAsync(c => c.Code == request.CityCode, ct)) throw new NotFoundException("城市", request.CityCode);
            UnitAccess.EnsureMayManage(request.Actor, request.CityCode);
            var name = UnitName.Field.Value(request.Name);
            await UnitName.EnsureFreeAsync(db, request.CityCode, name, null, ct);
            var unit = new Unit(Guid.NewGuid(), request.CityCode, name, request.Kind);
            db.Units.Add(unit);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException ex) when (Persistence.DbErrors.IsUniqueViolation(ex)) { throw UnitName.Taken(name); }
            return unit.Id;
        }
    }
}
