using System.Text.RegularExpressions;
using Competition.Engine.Common;
using Competition.Engine.Organizations;
using Competition.Engine.Persistence;
using Competition.Engine.QuestionBank;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Competition.Engine.Accounts;

/// <summary>A worker registers themselves: name, phone or employee number (which becomes the sign-in name), unit.</summary>
public static partial class RegisterWorker
{
    public sealed record Command(string Name, string? Phone, string? EmployeeNumber, Guid UnitId, string Password,
        string? TradeCode = null, SkillLevel? Level = null) : IRequest<Result>;

    public sealed record Result(string UserId, string UserName, Guid WorkerId);

    [GeneratedRegex(@"^1\d{10}$")]
    private static partial Regex MobilePhone();

    public sealed class Validator : IValidator<Command>
    {
        public IEnumerable<ValidationError> Validate(Command c)
        {
            if (string.IsNullOrWhiteSpace(c.Name)) yield return new(nameof(c.Name), "请填写姓名");
            else if (c.Name.Trim().Length > 64) yield return new(nameof(c.Name), "姓名过长");
            if (string.IsNullOrWhiteSpace(c.Phone) && string.IsNullOrWhiteSpace(c.EmployeeNumber))
                yield return new(nameof(c.Phone), "手机号和工号至少填写一项");
            if (!string.IsNullOrWhiteSpace(c.Phone) && !MobilePhone().IsMatch(c.Phone.Trim()))
                yield return new(nameof(c.Phone), "手机号应为 11 位数字，以 1 开头");
            if (!string.IsNullOrWhiteSpace(c.EmployeeNumber) && c.EmployeeNumber.Trim().Length > 32)
                yield return new(nameof(c.EmployeeNumber), "工号不能超过 32 位");
            if (c.UnitId == Guid.Empty) yield return new(nameof(c.UnitId), "请选择所在单位");
            if (!PasswordRule.IsMet(c.Password)) yield return new(nameof(c.Password), PasswordRule.Message);
        }
    }

    public sealed class Handler(CompetitionDbContext db, UserManager<AppUser> users) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command c, CancellationToken ct)
        {
            if (!await db.Units.AnyAsync(u => u.Id == c.UnitId, ct)) throw new ValidationException([new(nameof(c.UnitId), "所选单位不存在")]);
            if (c.TradeCode is not null && !await db.Trades.AnyAsync(t => t.Code == c.TradeCode, ct))
                throw new ValidationException([new(nameof(c.TradeCode), "所选工种不存在")]);
            var userName = (string.IsNullOrWhiteSpace(c.Phone) ? c.EmployeeNumber : c.Phone)!.Trim();
            if (await users.FindByNameAsync(userName) is not null)
                throw new ValidationException([new(string.IsNullOrWhiteSpace(c.Phone) ? nameof(c.EmployeeNumber) : nameof(c.Phone), $"{userName} 已注册，请直接登录或找回密码")]);

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var worker = new Worker(Guid.NewGuid(), c.Name, c.UnitId, c.Phone, c.EmployeeNumber, c.TradeCode, c.Level);
            db.Workers.Add(worker);
            await db.SaveChangesAsync(ct);
            var user = new AppUser { UserName = userName, DisplayName = c.Name.Trim(), WorkerId = worker.Id, PhoneNumber = c.Phone?.Trim() };
            var created = await users.CreateAsync(user, c.Password);
            if (!created.Succeeded)
                throw new ValidationException(created.Errors.Select(e => new ValidationError(nameof(c.Password), IdentityMessages.Translate(e))).ToList());
            await users.AddToRoleAsync(user, Roles.Worker);
            await tx.CommitAsync(ct);
            return new Result(user.Id, userName, worker.Id);
        }
    }
}
