using Competition.Engine.Common;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Competition.Engine.Accounts;

/// <summary>
/// An organizer creates a judge, chief-judge or organizer account for their own city (an admin: for any city, and admins),
/// with a generated password that is shown once. An account name already taken is refused, never overwritten.
/// </summary>
public static class CreateAccount
{
    public sealed record Command(string UserName, string DisplayName, string Role, string? CityCode, Actor Actor) : IRequest<Result>;

    public sealed record Result(string UserName, string Password);

    public sealed class Validator : IValidator<Command>
    {
        public IEnumerable<ValidationError> Validate(Command c)
        {
            if (string.IsNullOrWhiteSpace(c.UserName)) yield return new(nameof(c.UserName), "请填写账号");
            else if (c.UserName.Trim().Length > 64) yield return new(nameof(c.UserName), "账号最多 64 个字符");
            if (string.IsNullOrWhiteSpace(c.DisplayName)) yield return new(nameof(c.DisplayName), "请填写姓名");
            else if (c.DisplayName.Trim().Length > 64) yield return new(nameof(c.DisplayName), "姓名最多 64 个字符");
            if (!Roles.All.Contains(c.Role) || c.Role == Roles.Worker) yield return new(nameof(c.Role), "请选择角色：裁判、裁判长或组织者");
            else if (c.Role != Roles.Admin && string.IsNullOrWhiteSpace(c.CityCode)) yield return new(nameof(c.CityCode), "请选择账号所属城市");
        }
    }

    public sealed class Handler(UserManager<AppUser> users) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command c, CancellationToken ct)
        {
            var city = c.Role == Roles.Admin ? null : c.CityCode?.Trim();
            AccountAccess.EnsureMayCreate(c.Actor, c.Role, city);
            var name = c.UserName.Trim();
            if (await users.FindByNameAsync(name) is not null)
                throw new ValidationException([new(nameof(c.UserName), $"账号 {name} 已存在，请换一个账号名；如需重设其密码，请在列表中点“重置密码”。")]);
            var password = PasswordGenerator.New();
            var user = new AppUser { UserName = name, DisplayName = c.DisplayName.Trim(), CityCode = city };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
                throw new ValidationException(created.Errors.Select(e => new ValidationError(nameof(c.UserName), IdentityMessages.Translate(e))).ToList());
            await users.AddToRoleAsync(user, c.Role);
            return new Result(name, password);
        }
    }
}
