using Competition.Engine.Common;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Organizations;

/// <summary>An organizer adds a unit (enterprise, industry union …) to their own city.</summary>
public static class CreateUnit
{
    public sealed record Command(string CityCode, string Name, UnitKind Kind, Actor Actor) : IRequest<Guid>;

    public sealed class Validator : IValidator<Command>
    {
        public IEnumerable<ValidationError> Validate(Command c)
        {
            if (UnitName.Field.Error(c.Name) is { } name) yield return name;
            if (string.IsNullOrWhiteSpace(c.CityCode)) yield return new(nameof(c.CityCode), "请选择城市");
            else if (c.CityCode.Length > 32) yield return new(nameof(c.CityCode), "城市代码不能超过 32 个字符");
            if (!Enum.IsDefined(c.Kind)) yield return new(nameof(c.Kind), "请选择单位类型");
        }
    }

    public sealed class Handler(CompetitionDbContext db) : IRequestHandler<Command, Guid>
    {
        public async Task<Guid> Handle(Command request, CancellationToken ct)
        {
            if (!await db.Cities.AnyAsync(c => c.Code == request.CityCode, ct)) throw new NotFoundException("城市", request.CityCode);
            request.Actor.EnsureMayManageCity(request.CityCode);
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
