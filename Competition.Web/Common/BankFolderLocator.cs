namespace Competition.Web.Common;

public static class BankFolderLocator
{
    /// <summary>"Banks:Folder" when set; otherwise the nearest question-banks folder above the app or the working directory.</summary>
    public static string? Find(IConfiguration config, string? contentRoot = null)
    {
        var configured = config["Banks:Folder"];
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured);
        foreach (var start in new[] { contentRoot, Directory.GetCurrentDirectory(), AppContext.BaseDirectory }.OfType<string>())
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "question-banks");
                if (Directory.Exists(candidate)) return candidate;
            }
        return null;
    }
}
