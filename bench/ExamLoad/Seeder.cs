using Competition.Engine.Accounts;
using Competition.Engine.Organizations;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ExamLoad;

/// <summary>
/// Candidates for the load run, written straight into the database. Every account shares one password hash made
/// with few PBKDF2 iterations (the count is stored in the hash), so 3,000 sign-ins measure the platform, not hashing.
/// Benchmark only: real accounts are created through Identity with its default cost. All units are in 马鞍山, the exam's city:
/// a city's exam is sat by that city's workers.
/// </summary>
public static class Seeder
{
    public const string Password = "bench-pass-1";

    public static async Task<List<(string UserName, Guid WorkerId)>> WorkersAsync(CompetitionDbContext db, int count)
    {
        var hasher = new PasswordHasher<AppUser>(Options.Create(new PasswordHasherOptions { IterationCount = 1000 }));
        var hash = hasher.HashPassword(new AppUser(), Password);
        var workerRole = await db.Roles.Where(r => r.Name == Roles.Worker).Select(r => r.Id).SingleAsync();
        var units = Enumerable.Range(1, 30).Select(i => new Unit(Guid.NewGuid(), "maanshan", $"压测单位{i:00}", UnitKind.Enterprise)).ToList();
        db.Units.AddRange(units);
        var result = new List<(string, Guid)>();
        for (var i = 0; i < count; i++)
        {
            var phone = $"188{i:00000000}";
            var worker = new Worker(Guid.NewGuid(), $"考生{i:0000}", units[i % units.Count].Id, phone, null, "lathe-operator", SkillLevel.Level4);
            db.Workers.Add(worker);
            var user = new AppUser
            {
                UserName = phone, NormalizedUserName = phone, DisplayName = worker.Name, WorkerId = worker.Id, PasswordHash = hash,
                SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(), LockoutEnabled = true,
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = workerRole });
            result.Add((phone, worker.Id));
        }
        await db.SaveChangesAsync();
        return result;
    }
}
