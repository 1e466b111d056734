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
            if (WorkerFields.Name.Error(c.Name) is { } name) yield return name;
            var phone = WorkerFields.PhoneValue(c.Phone);
            var number = WorkerFields.EmployeeNumber.Value(c.EmployeeNumber);
            if (WorkerFields.Phone.Error(c.Phone) is { } phoneText) yield return phoneText;
            else if (phone.Length > 0 && !MobilePhone().IsMatch(phone)) yield return new(nameof(c.Phone), "手机号应为 11 位数字，以 1 开头");
            if (WorkerFields.EmployeeNumber.Error(c.EmployeeNumber) is { } numberText) yield return numberText;
            else if (!WorkerFields.IsValidEmployeeNumber(number)) yield return new(nameof(c.EmployeeNumber), "工号只能包含字母、数字和 - _ .");
            if (phone.Length == 0 && number.Length == 0) yield return new(nameof(c.Phone), "手机号和工号至少填写一项");
            if (c.UnitId == Guid.Empty) yield return new(nameof(c.UnitId), "请选择所在单位");
            if (c.TradeCode is { Length: > 64 }) yield return new(nameof(c.TradeCode), "所选工种不存在");
            if (c.Level is { } level && !Enum.IsDefined(level)) yield return new(nameof(c.Level), "所选等级不存在");
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
            var name = WorkerFields.Name.Value(c.Name);
            var phone = WorkerFields.PhoneValue(c.Phone);
            var number = WorkerFields.EmployeeNumber.Value(c.EmployeeNumber);
            var userName = phone.Length > 0 ? phone : number;
            var userNameField = phone.Length > 0 ? nameof(c.Phone) : nameof(c.EmployeeNumber);
            if (await users.FindByNameAsync(userName) is not null)
                throw new ValidationException([new(userNameField, $"{userName} 已注册，请直接登录或找回密码")]);

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var worker = new Worker(Guid.NewGuid(), name, c.UnitId, phone, number, c.TradeCode, c.Level);
            db.Workers.Add(worker);
            await db.SaveChangesAsync(ct);
            var user = new AppUser { UserName = userName, DisplayName = name, WorkerId = worker.Id, PhoneNumber = phone.Length > 0 ? phone : null };
            var created = await users.CreateAsync(user, c.Password);
            if (!created.Succeeded)
                throw new ValidationException(created.Errors.Select(e => new ValidationError(
                    e.Code is "DuplicateUserName" or "InvalidUserName" ? userNameField : nameof(c.Password), IdentityMessages.Translate(e))).ToList());
            await users.AddToRoleAsync(user, Roles.Worker);
            await tx.CommitAsync(ct);
            return new Result(user.Id, userName, worker.Id);
        }
    }
}
