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
            if (string.IsNullOrWhiteSpace(c.Name)) yield return new(nameof(c.Name), "请填写单位名称");
            else if (c.Name.Trim().Length > 128) yield return new(nameof(c.Name), "单位名称不能超过 128 个字");
            if (string.IsNullOrWhiteSpace(c.CityCode)) yield return new(nameof(c.CityCode), "请选择城市");
            if (!Enum.IsDefined(c.Kind)) yield return new(nameof(c.Kind), "请选择单位类型");
        }
    }

    public sealed class Handler(CompetitionDbContext db) : IRequestHandler<Command, Guid>
    {
        public async Task<Guid> Handle(Command request, CancellationToken ct)
        {
            if (!await db.Cities.AnyAsync(c => c.Code == request.CityCode, ct)) throw new NotFoundException("城市", request.CityCode);
            UnitAccess.EnsureMayManage(request.Actor, request.CityCode);
            var name = request.Name.Trim();
            if (await db.Units.AnyAsync(u => u.CityCode == request.CityCode && u.Name == name, ct))
                throw new RuleViolationException($"本市已有名为「{name}」的单位，请勿重复添加。");
            var unit = new Unit(Guid.NewGuid(), request.CityCode, name, request.Kind);
            db.Units.Add(unit);
            await db.SaveChangesAsync(ct);
            return unit.Id;
        }
    }
}
