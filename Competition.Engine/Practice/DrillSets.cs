namespace Competition.Engine.Practice;

/// <summary>The set sizes a worker may choose for a drill.</summary>
public static class DrillSets
{
    public static readonly IReadOnlyList<int> Sizes = [10, 20, 50];
    public const int Default = 20;
}
