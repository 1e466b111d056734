using Competition.Engine.Common;
using Competition.Engine.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Exams;

/// <summary>
/// What an organizer may choose as an exam's audience: an admin any city, unit and trade; a city organizer the units of their
/// own city (their exam is already only for their city). <see cref="EnsureAllowedAsync"/> is the same rule for a sent choice.
/// </summary>
public static class ExamAudienceChoices
{
    public sealed record Query(Actor Actor) : IRequest<Result>;

    public sealed record Choice(string Value, string Name, string? Group = null);

    public sealed record Result(IReadOnlyList<Choice> Cities, IReadOnlyList<Choice> Units, IReadOnlyList<Choice> Trades);

    public sealed class Handler(CompetitionDbContext db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            q.Actor.EnsureOrganizer();
            var cities = q.Actor.IsAdmin
                ? await db.Cities.AsNoTracking().OrderBy(c => c.Province).ThenBy(c => c.Code).Select(c => new Choice(c.Code, c.Name, null)).ToListAsync(ct)
                : [];
            var units = await UnitsOf(q.Actor).OrderBy(u => u.CityCode).ThenBy(u => u.Name).Take(500)
                .Select(u => new Choice(u.Id.ToString(), u.Name, u.CityCode)).ToListAsync(ct);
            var trades = await db.Trades.AsNoTracking().OrderBy(t => t.Code).Select(t => new Choice(t.Code, t.Name, null)).ToListAsync(ct);
            return new Result(cities, units, trades);
        }

        private IQueryable<Organizations.Unit> UnitsOf(Actor actor)
        {
            var units = db.Units.AsNoTracking();
            if (actor.IsAdmin) return units;
            var city = actor.CityCode;
            return city is null ? units.Where(_ => false) : units.Where(u => u.CityCode == city);
        }
    }

    /// <summary>Refuses an audience naming a city, unit or trade the actor may not choose (or that does not exist).</summary>
    public static async Task EnsureAllowedAsync(CompetitionDbContext db, Actor actor, ExamAudience audience, CancellationToken ct)
    {
        var errors = new List<ValidationError>();
        if (audience.Cities.Count > 0)
        {
            if (!actor.IsAdmin) errors.Add(new("Audience", "城市组织者的考试只对本市职工开放，不能再选城市；请改选本市的单位或工种。"));
            else
            {
                var known = await db.Cities.AsNoTracking().Where(c => audience.Cities.Contains(c.Code)).Select(c => c.Code).ToListAsync(ct);
                if (audience.Cities.Except(known).FirstOrDefault() is { } city) errors.Add(new("Audience", $"城市 {TextRules.Quote(city)} 不存在。"));
            }
        }
        if (audience.Units.Count > 0)
        {
            var found = await db.Units.AsNoTracking().Where(u => audience.Units.Contains(u.Id)).Select(u => new { u.Id, u.CityCode }).ToListAsync(ct);
            if (found.Count < audience.Units.Distinct().Count()) errors.Add(new("Audience", "所选单位中有不存在的单位，请重新选择。"));
            else if (!actor.IsAdmin && found.Any(u => u.CityCode != actor.CityCode)) errors.Add(new("Audience", "只能选择本市的单位。"));
        }
        if (audience.Trades.Count > 0)
        {
            var known = await db.Trades.AsNoTracking().Where(t => audience.Trades.Contains(t.Code)).Select(t => t.Code).ToListAsync(ct);
            if (audience.Trades.Except(known).FirstOrDefault() is { } trade) errors.Add(new("Audience", $"工种 {TextRules.Quote(trade)} 不存在。"));
        }
        if (errors.Count > 0) throw new ValidationException(errors);
    }
}
