namespace Competition.Engine.Accounts;

public static class Roles
{
    public const string Worker = "Worker";
    public const string Judge = "Judge";
    public const string ChiefJudge = "ChiefJudge";
    public const string Organizer = "Organizer";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Worker, Judge, ChiefJudge, Organizer, Admin];
}
