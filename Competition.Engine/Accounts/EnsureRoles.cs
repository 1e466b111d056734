using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Competition.Engine.Accounts;

public static class EnsureRoles
{
    public sealed record Command : IRequest<int>;

    public sealed class Handler(RoleManager<IdentityRole> roles) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken ct)
        {
            var added = 0;
            foreach (var role in Roles.All.Where(r => !roles.Roles.Any(x => x.Name == r)))
            {
                await roles.CreateAsync(new IdentityRole(role));
                added++;
            }
            return added;
        }
    }
}
