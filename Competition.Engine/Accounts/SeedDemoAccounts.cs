using Competition.Engine.Organizations;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Accounts;

/// <summary>
/// Demo mode only: a demo unit and one account per role, each with a fresh random password that is returned
/// once, when the account is created. Nothing here runs unless the host is in demo mode.
/// </summary>
public static class SeedDemoAccounts
{
    public sealed record Command : IRequest<IReadOnlyList<Account>>;

    public sealed record Account(string Role, string UserName, string? Password, string Description);

    public const string CityCode = "maanshan";
    public const string UnitName = "马鞍山示范钢铁有限公司";

    public sealed class Handler(CompetitionDbContext db, IMediator mediator, UserManager<AppUser> users) : IRequestHandler<Command, IReadOnlyList<Account>>
    {
        public async Task<IReadOnlyList<Account>> Handle(Command request, CancellationToken ct)
        {
            var unit = await db.Units.FirstOrDefaultAsync(u => u.CityCode == CityCode && u.Name == UnitName, ct);
            if (unit is null)
            {
                unit = new Organizations.Unit(Guid.NewGuid(), CityCode, UnitName, UnitKind.Enterprise);
                db.Units.Add(unit);
                await db.SaveChangesAsync(ct);
            }
            var result = new List<Account>();
            async Task Staff(string role, string name, string display, string? city)
            {
                var password = NewPassword();
                var created = await mediator.Send(new CreateStaffAccount.Command(name, password, display, role, city), ct);
                result.Add(new Account(role, name, created.Created ? password : null, display));
            }
            await Staff(Roles.Admin, "demo-admin", "演示管理员", null);
            await Staff(Roles.Organizer, "demo-organizer", "马鞍山市总工会（演示组织者）", CityCode);
            await Staff(Roles.ChiefJudge, "demo-chief", "演示裁判长", CityCode);
            await Staff(Roles.Judge, "demo-judge", "演示裁判", CityCode);

            const string workerPhone = "13800000001";
            if (await users.FindByNameAsync(workerPhone) is null)
            {
                var password = NewPassword();
                var trade = await db.Trades.AnyAsync(t => t.Code == "fitter", ct) ? "fitter" : null;
                await mediator.Send(new RegisterWorker.Command("演示职工", workerPhone, null, unit.Id, password, trade, SkillLevel.Level4), ct);
                result.Add(new Account(Roles.Worker, workerPhone, password, "演示职工（钳工 四级）"));
            }
            else result.Add(new Account(Roles.Worker, workerPhone, null, "演示职工（钳工 四级）"));
            return result;
        }

        private static string NewPassword() => PasswordGenerator.New();
    }
}
