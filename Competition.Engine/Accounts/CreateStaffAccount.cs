using Competition.Engine.Common;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Competition.Engine.Accounts;

/// <summary>
/// Creates an admin, organizer or judge account (the first admin comes from configuration or the
/// `admin create` command). An existing account is left as it is: its password is never reset here.
/// </summary>
public static class CreateStaffAccount
{
    public sealed record Command(string UserName, string Password, string DisplayName, string Role, string? CityCode = null) : IRequest<Result>;

    public sealed record Result(string UserId, bool Created);

    public sealed class Validator : IValidator<Command>
    {
        public IEnumerable<ValidationError> Validate(Command c)
        {
            if (string.IsNullOrWhiteSpace(c.UserName)) yield return new(nameof(c.UserName), "请填写账号");
            if (!PasswordRule.IsMet(c.Password)) yield return new(nameof(c.Password), PasswordRule.Message);
            if (!Roles.All.Contains(c.Role)) yield return new(nameof(c.Role), $"未知角色 {c.Role}");
            if (c.Role == Roles.Organizer && string.IsNullOrWhiteSpace(c.CityCode)) yield return new(nameof(c.CityCode), "组织者必须指定所属城市");
        }
    }

    public sealed class Handler(UserManager<AppUser> users) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command c, CancellationToken ct)
        {
            var existing = await users.FindByNameAsync(c.UserName);
            if (existing is not null) return new Result(existing.Id, false);
            var user = new AppUser { UserName = c.UserName, DisplayName = c.DisplayName, CityCode = c.CityCode };
            var created = await users.CreateAsync(user, c.Password);
            if (!created.Succeeded)
                throw new ValidationException(created.Errors.Select(e => new ValidationError(nameof(c.Password), IdentityMessages.Translate(e))).ToList());
            await users.AddToRoleAsync(user, c.Role);
            return new Result(user.Id, true);
        }
    }
}
