using Competition.Engine.Accounts;
using Competition.Engine.Common;

namespace Competition.Tests.Unit.Accounts;

public class ActorTests
{
    private static Actor Organizer(string city) => new("u1", "org", new HashSet<string> { Roles.Organizer }, city);

    [Fact]
    public void Organizer_MayManageOwnCity() => Should.NotThrow(() => Organizer("tongling").EnsureMayManageCity("tongling"));

    [Fact]
    public void Organizer_MayNotManageAnotherCity() =>
        Should.Throw<ForbiddenException>(() => Organizer("tongling").EnsureMayManageCity("maanshan")).Message.ShouldContain("maanshan");

    [Fact]
    public void Admin_MayManageAnyCity() => Should.NotThrow(() => Actor.System.EnsureMayManageCity("maanshan"));

    [Fact]
    public void Judge_IsNotAnOrganizer() =>
        Should.Throw<ForbiddenException>(() => new Actor("j", "j", new HashSet<string> { Roles.Judge }, "maanshan").EnsureOrganizer());
}
