namespace Competition.Tests.Infrastructure;

public static class Paths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string ShippedBanks => Path.Combine(RepoRoot, "question-banks");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Competition.sln"))) return dir.FullName;
        throw new InvalidOperationException("Competition.sln not found above " + AppContext.BaseDirectory);
    }
}
