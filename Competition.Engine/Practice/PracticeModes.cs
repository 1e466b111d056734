namespace Competition.Engine.Practice;

public static class PracticeModes
{
    /// <summary>The modes a worker can start from the drill page; mock exams start from the exam lobby.</summary>
    public static readonly IReadOnlyList<PracticeMode> Drills = [PracticeMode.InOrder, PracticeMode.Random, PracticeMode.KnowledgePoint, PracticeMode.WrongBook];

    public static string Title(this PracticeMode mode) => mode switch
    {
        PracticeMode.InOrder => "顺序练习",
        PracticeMode.Random => "随机练习",
        PracticeMode.KnowledgePoint => "按知识点练习",
        PracticeMode.WrongBook => "错题本练习",
        _ => "模拟考试",
    };
}
